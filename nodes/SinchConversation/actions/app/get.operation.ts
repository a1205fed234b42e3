import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { appLocatorProperty, readAppId } from '../../shared/appLocator';
import { getApp } from './appApi';
import { appOutput, includeSecretsOption } from './appInput';
import { optionsCollection } from '../../shared/requestOptions';
import type { OperationMeta } from '../operation';

const properties: INodeProperties[] = [
	appLocatorProperty,
	optionsCollection([includeSecretsOption]),
];

export const meta: OperationMeta = { noun: 'app' };

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
	const app = await getApp.call(this, appId, itemIndex);
	return appOutput.call(this, app, itemIndex);
}
