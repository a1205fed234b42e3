import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { appLocatorProperty, readAppId } from '../app/appLocator';
import { webhookOptionsProperty } from './webhookFields';
import { webhookOutput } from './webhookInput';
import { explainNotFound } from './webhookLocator';
import { listWebhooks } from './webhookApi';

const properties: INodeProperties[] = [
	{
		...appLocatorProperty,
		description: `${appLocatorProperty.description} Sinch lists webhooks per app (at most 5).`,
	},
	webhookOptionsProperty,
];

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
	const webhooks = await explainNotFound(
		this.getNode(),
		`app ${appId}`,
		itemIndex,
		async () => await listWebhooks.call(this, appId, itemIndex),
	);
	return webhooks.map((webhook) => webhookOutput.call(this, webhook, itemIndex));
}
