import type { INodeProperties } from 'n8n-workflow';
import { SEND_AND_WAIT_OPERATION } from 'n8n-workflow';

import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as send from './send.operation';
import * as sendAndWait from './sendAndWait.operation';
import * as updateMetadata from './updateMetadata.operation';

/** Operation name (the parameter's value) to its implementation. */
export const operations = {
	delete: del,
	get,
	getAll,
	send,
	[SEND_AND_WAIT_OPERATION]: sendAndWait,
	updateMetadata,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				description: "Delete Sinch's copy of a message",
				action: 'Delete a message',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get one message: its content, channel, contact and metadata',
				action: 'Get a message',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'List messages, filtered by app, contact, conversation, channel, direction or time',
				action: 'Get many messages',
			},
			{
				name: 'Send',
				value: 'send',
				description:
					'Send a message of any type to a phone number, channel identities, a contact, or the sender of a trigger item',
				action: 'Send a message',
			},
			{
				name: 'Send and Wait for Response',
				value: SEND_AND_WAIT_OPERATION,
				description:
					'Send a question and pause the workflow until the person answers: approve or decline, a text, or a form',
				action: 'Send message and wait for response',
			},
			{
				name: 'Update Metadata',
				value: 'updateMetadata',
				description: "Replace a message's metadata",
				action: 'Update the metadata of a message',
			},
		],
		default: 'send',
	},
	...send.description,
	...get.description,
	...getAll.description,
	...del.description,
	...updateMetadata.description,
	...sendAndWait.description,
];
