import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { listApps } from './appApi';
import { simplifyApp } from '../../helpers/simplify';
import { appOutput, includeSecretsOption } from './appInput';
import { optionsCollection } from '../../shared/requestOptions';
import { readLimit, returnAllAndLimit } from '../../shared/returnAll';
import { failedRegionItem, listAppsOfAllRegions } from './regions';
import type { OperationMeta } from '../operation';

const properties: INodeProperties[] = [
	...returnAllAndLimit,
	{
		displayName: 'All Regions',
		name: 'allRegions',
		type: 'boolean',
		default: false,
		description:
			"Whether to list the apps of every Sinch region (United States, Europe, Brazil) with this key, instead of the credential's region only. Each app gets a region field; a region that cannot be listed gives one item with region and error instead of its apps.",
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return a simplified version of the response instead of the raw data. Simplified: ID, display name, and per channel its name, credential ordinal number and status (PENDING, ACTIVE or FAILING).',
	},
	// Simplified output carries no secrets, so Include Secrets shows only without Simplify.
	optionsCollection([
		{ ...includeSecretsOption, displayOptions: { show: { '/simplify': [false] } } },
	]),
];

export const meta: OperationMeta = { noun: 'app' };

export const description = updateDisplayOptions(
	{ show: { resource: ['app'], operation: ['getAll'] } },
	properties,
);

export const prepare = readLimit;

/** Sinch answers every app of the project at once (the list has no paging), so Limit is applied here. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	limit: number | undefined,
): Promise<IDataObject[]> {
	let apps: IDataObject[];
	let failedRegions: IDataObject[] = [];
	if (this.getNodeParameter('allRegions', itemIndex, false) as boolean) {
		const listings = await listAppsOfAllRegions.call(this, itemIndex);
		apps = listings.flatMap((listing) => ('apps' in listing ? listing.apps : []));
		failedRegions = listings.flatMap((listing) =>
			'error' in listing ? [failedRegionItem(listing.region, listing.error)] : [],
		);
	} else {
		apps = await listApps.call(this, itemIndex);
	}
	if (limit !== undefined) apps = apps.slice(0, limit);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const output = apps.map((app) => {
		if (!simplify) return appOutput.call(this, app, itemIndex);
		return app.region === undefined
			? simplifyApp(app)
			: { ...simplifyApp(app), region: app.region };
	});
	return [...output, ...failedRegions];
}
