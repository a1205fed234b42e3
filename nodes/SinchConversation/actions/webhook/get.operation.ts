import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { webhookOptionsProperty } from './webhookFields';
import { webhookOutput } from './webhookInput';
import { readWebhookId, webhookAppProperty, webhookLocatorProperty } from './webhookLocator';
import { getWebhook } from './webhookApi';
import type { OperationMeta } from '../operation';

const properties: INodeProperties[] = [
	webhookAppProperty,
	webhookLocatorProperty,
	webhookOptionsProperty,
];

export const meta: OperationMeta = { noun: 'webhook' };

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['get'] } },
	properties,
);

export const prepare = readWebhookId;

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	webhookId: string,
): Promise<IDataObject> {
	const webhook = await getWebhook.call(this, webhookId, itemIndex);
	return webhookOutput.call(this, webhook, itemIndex);
}
