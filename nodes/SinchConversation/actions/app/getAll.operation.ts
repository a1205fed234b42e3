import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { sinchApiRequest } from '../../transport';
import { simplifyApp } from '../../helpers/simplify';
import { appOutput, includeSecretsOption } from './appInput';
import { requestOptionFields } from '../requestOptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1 },
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return a simplified version of the response instead of the raw data. Simplified: ID, display name, and per channel its name, credential ordinal number and status (PENDING, ACTIVE or FAILING).',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		default: {},
		placeholder: 'Add Option',
		// Simplified output carries no secrets, so Include Secrets shows only without Simplify.
		options: [{ ...includeSecretsOption, displayOptions: { show: { '/simplify': [false] } } }, ...requestOptionFields],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['app'], operation: ['getAll'] } }, properties);

/** Sinch answers every app of the project at once (the list has no paging), so Limit is applied here. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const response = await sinchApiRequest.call(this, 'GET', '/apps', { itemIndex, expect: 'apps' });
	let apps = (Array.isArray(response.apps) ? response.apps : []) as IDataObject[];
	if (!(this.getNodeParameter('returnAll', itemIndex, false) as boolean)) {
		apps = apps.slice(0, this.getNodeParameter('limit', itemIndex, 50) as number);
	}
	if (this.getNodeParameter('simplify', itemIndex, true) as boolean) return apps.map(simplifyApp);
	return apps.map((app) => appOutput.call(this, app, itemIndex));
}
