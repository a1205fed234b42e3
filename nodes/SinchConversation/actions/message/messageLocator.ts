import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { MessageSource } from './messageApi';

const EXAMPLE_MESSAGE_ID = '01HZX5C8D9E2F3G4H5J6K7M8N9';

export const messageIdProperty: INodeProperties = {
	displayName: 'Message ID',
	name: 'messageId',
	type: 'string',
	default: '',
	required: true,
	placeholder: `e.g. ${EXAMPLE_MESSAGE_ID}`,
	description:
		'The message_id field of a Send output or a trigger item, or the ID field of a Get Many output',
};

export const messageSourceOption: INodeProperties = {
	displayName: 'Message Source',
	name: 'messagesSource',
	type: 'options',
	default: 'CONVERSATION_SOURCE',
	description:
		'Where Sinch keeps the message: apps in DISPATCH processing mode keep their messages apart, so a message of such an app is found under Dispatch only',
	options: [
		{ name: 'Conversation (Default)', value: 'CONVERSATION_SOURCE' },
		{ name: 'Dispatch', value: 'DISPATCH_SOURCE' },
	],
};

export interface MessageRef {
	messageId: string;
	source: MessageSource;
}

/** The Message ID and its store; an empty or impossible ID stops the item before anything is sent. */
export function readMessageRef(this: IExecuteFunctions, itemIndex: number): MessageRef {
	const messageId = String(this.getNodeParameter('messageId', itemIndex, '') ?? '').trim();
	const help = `Give the message ID, e.g. ${EXAMPLE_MESSAGE_ID}, from the message_id of a Send output or a trigger item.`;
	if (messageId === '')
		throw new NodeOperationError(this.getNode(), 'Message ID is empty', {
			itemIndex,
			description: help,
		});
	if (!/^[A-Za-z0-9_-]+$/.test(messageId))
		throw new NodeOperationError(
			this.getNode(),
			`Message ID "${messageId.slice(0, 60)}" is not a message ID: it has letters and digits only`,
			{ itemIndex, description: help },
		);
	const source = this.getNodeParameter(
		'options.messagesSource',
		itemIndex,
		'CONVERSATION_SOURCE',
	) as MessageSource;
	return { messageId, source };
}
