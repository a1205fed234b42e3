import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { appLocatorProperty } from '../../shared/appLocator';
import { readLocatorId } from '../../shared/idLocator';

const EXAMPLE_WEBHOOK_ID = '01HZX4B7C9D2E3F4G5H6J7K8M9';

/** On Get, Update and Delete the app only feeds the webhook list; a webhook given By ID needs no app. */
export const webhookAppProperty: INodeProperties = {
	...appLocatorProperty,
	required: false,
	description:
		'The app whose webhooks the Webhook list shows. Not needed when the webhook is given By ID (a webhook ID is unique in the project).',
};

export const webhookLocatorProperty: INodeProperties = {
	displayName: 'Webhook',
	name: 'webhookId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: `The webhook to use: From List shows the webhooks of the app chosen above (by target URL); By ID takes the webhook ID, e.g. ${EXAMPLE_WEBHOOK_ID}, the ID field of a Create, Get or Get Many output`,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a webhook...',
			typeOptions: { searchListMethod: 'searchWebhooks', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: `e.g. ${EXAMPLE_WEBHOOK_ID}`,
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '\\s*[A-Za-z0-9_-]+\\s*',
						errorMessage: 'Not a webhook ID: use letters and digits only',
					},
				},
			],
		},
	],
};

/** Reads the Webhook parameter; an empty value or one that cannot be an ID stops the item before anything is sent. */
export function readWebhookId(this: IExecuteFunctions, itemIndex: number): string {
	return readLocatorId.call(this, itemIndex, {
		parameter: 'webhookId',
		label: 'Webhook',
		noun: 'webhook',
		help: `Pick the webhook From List (after choosing its app), or give its ID, e.g. ${EXAMPLE_WEBHOOK_ID}, from the "id" field of a Webhook → Get Many output.`,
	});
}
