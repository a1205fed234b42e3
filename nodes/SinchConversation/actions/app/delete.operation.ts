import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { appLocatorProperty, readAppId } from '../../shared/appLocator';
import { deleteApp } from './appApi';
import { optionsCollection } from '../../shared/requestOptions';
import type { OperationMeta } from '../operation';

const properties: INodeProperties[] = [
	{
		...appLocatorProperty,
		description: `${appLocatorProperty.description} The app and all its channel connections are deleted for good.`,
	},
	optionsCollection([]),
];

export const meta: OperationMeta = { noun: 'app' };

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
	await deleteApp.call(this, appId, itemIndex);
	return { deleted: true, id: appId };
}
