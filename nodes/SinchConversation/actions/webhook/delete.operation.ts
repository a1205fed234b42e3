import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readWebhookId, webhookAppProperty, webhookLocatorProperty } from './webhookLocator';
import { deleteWebhook } from './webhookApi';
import type { OperationMeta } from '../operation';
import { optionsCollection } from '../../shared/requestOptions';

const properties: INodeProperties[] = [
	webhookAppProperty,
	{
		...webhookLocatorProperty,
		description: `${webhookLocatorProperty.description} Sinch stops sending this webhook's events at once; the app and its other webhooks stay.`,
	},
	optionsCollection(),
];

export const meta: OperationMeta = { noun: 'webhook' };

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['delete'] } },
	properties,
);

export const prepare = readWebhookId;

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	webhookId: string,
): Promise<IDataObject> {
	await deleteWebhook.call(this, webhookId, itemIndex);
	return { deleted: true, id: webhookId };
}
