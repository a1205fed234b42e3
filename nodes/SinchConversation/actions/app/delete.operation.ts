import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { appLocatorProperty, appRequest, readAppId } from './appLocator';
import { requestOptionFields } from '../requestOptions';

const properties: INodeProperties[] = [
	{
		...appLocatorProperty,
		description: `${appLocatorProperty.description} The app and all its channel connections are deleted for good.`,
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		default: {},
		placeholder: 'Add Option',
		options: requestOptionFields,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['app'], operation: ['delete'] } },
	properties,
);

export const prepare = readAppId;

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	appId: string,
): Promise<IDataObject> {
	await appRequest.call(this, 'DELETE', appId, itemIndex);
	return { deleted: true, id: appId };
}
