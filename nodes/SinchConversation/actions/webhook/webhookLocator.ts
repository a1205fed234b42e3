import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { appLocatorProperty } from '../../shared/appLocator';

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
	const raw = this.getNodeParameter('webhookId', itemIndex, '', { extractValue: true }) as unknown;
	const value = raw && typeof raw === 'object' && 'value' in raw ? (raw as IDataObject).value : raw;
	const id = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	const help = `Pick the webhook From List (after choosing its app), or give its ID, e.g. ${EXAMPLE_WEBHOOK_ID}, from the "id" field of a Webhook → Get Many output.`;
	if (id === '') {
		throw new NodeOperationError(
			this.getNode(),
			'The Webhook parameter is empty. Choose a webhook or give its ID.',
			{
				itemIndex,
				description: help,
			},
		);
	}
	if (!/^[A-Za-z0-9_-]+$/.test(id)) {
		const shown = id.length > 60 ? `${id.slice(0, 60)}…` : id;
		throw new NodeOperationError(
			this.getNode(),
			`The Webhook parameter "${shown}" is not a webhook ID`,
			{
				itemIndex,
				description: help,
			},
		);
	}
	return id;
}
