import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { appLocatorProperty, readAppId } from '../../shared/appLocator';
import { webhookOptionsProperty } from './webhookFields';
import { webhookOutput } from './webhookInput';
import { listWebhooks } from './webhookApi';
import type { OperationMeta } from '../operation';

const properties: INodeProperties[] = [
	{
		...appLocatorProperty,
		description: `${appLocatorProperty.description} Sinch lists webhooks per app (at most 5).`,
	},
	webhookOptionsProperty,
];

export const meta: OperationMeta = { noun: 'webhook' };

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['getAll'] } },
	properties,
);

export const prepare = readAppId;

/** One output item per webhook; an app without webhooks gives no items. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	appId: string,
): Promise<IDataObject[]> {
	const webhooks = await listWebhooks.call(this, appId, itemIndex);
	return webhooks.map((webhook) => webhookOutput.call(this, webhook, itemIndex));
}
