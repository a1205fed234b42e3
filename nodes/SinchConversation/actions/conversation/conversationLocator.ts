import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { appLocatorProperty } from '../../shared/appLocator';
import { readLocatorId } from '../../shared/idLocator';

const EXAMPLE_CONVERSATION_ID = '01HZX6D2F4G5H6J7K8M9N0P1QR';

/** On Get, Update, Stop and Delete the app only feeds the Conversation list; a conversation given By ID needs none. */
export const conversationAppProperty: INodeProperties = {
	...appLocatorProperty,
	required: false,
	description:
		'The app whose conversations the Conversation list shows. Not needed when the conversation is given By ID.',
};

export const conversationLocatorProperty: INodeProperties = {
	displayName: 'Conversation',
	name: 'conversationId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: `The conversation to use: From List shows the conversations of the app chosen above, the latest first, by the contact's identity and channel; By ID takes a conversation ID, e.g. ${EXAMPLE_CONVERSATION_ID}, the conversation_id of a trigger item or a message`,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a conversation...',
			typeOptions: { searchListMethod: 'searchConversations', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: `e.g. ${EXAMPLE_CONVERSATION_ID}`,
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '\\s*[A-Za-z0-9_-]+\\s*',
						errorMessage: 'Not a conversation ID: use letters and digits only',
					},
				},
			],
		},
	],
};

/** The conversation picker, and the app that feeds its list. */
export const conversationTargetProperties = [conversationAppProperty, conversationLocatorProperty];

/** Reads the Conversation parameter; an empty value or one that cannot be an ID stops the item before anything is sent. */
export function readConversationId(this: IExecuteFunctions, itemIndex: number): string {
	return readLocatorId.call(this, itemIndex, {
		parameter: 'conversationId',
		label: 'Conversation',
		noun: 'conversation',
		help: `Pick the conversation From List (after choosing its app), or give its ID, e.g. ${EXAMPLE_CONVERSATION_ID}, from the conversation_id of a trigger item or a message, or the id of a Conversation → Get Many output.`,
	});
}
