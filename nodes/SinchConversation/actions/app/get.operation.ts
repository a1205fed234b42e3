import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { appLocatorProperty, appRequest, readAppId } from './appLocator';
import { appOutput, includeSecretsOption } from './appInput';
import { requestOptionFields } from '../requestOptions';

const properties: INodeProperties[] = [
	appLocatorProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		default: {},
		placeholder: 'Add Option',
		options: [includeSecretsOption, ...requestOptionFields],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['app'], operation: ['get'] } },
	properties,
);

export const prepare = readAppId;

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	appId: string,
): Promise<IDataObject> {
	const app = await appRequest.call(this, 'GET', appId, itemIndex);
	return appOutput.call(this, app, itemIndex);
}
