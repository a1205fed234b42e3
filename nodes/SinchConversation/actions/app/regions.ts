import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../../transport';
import { REGION_PLACEHOLDER, reachableRegions, regionName } from '../../transport/hosts';
import { listApps } from './appApi';

/** What one region answered to the list of apps: its apps tagged with the region, or why it could not be listed. */
export type RegionListing =
	| { region: string; apps: IDataObject[] }
	| { region: string; error: Error };

/**
 * Lists the apps of every region with the credential's key, the regions at once. A region that fails is reported
 * beside the others; only when every region fails does the item fail.
 */
export async function listAppsOfAllRegions(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<RegionListing[]> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const regions = reachableRegions(credentials);
	if (regions.length < 2) {
		throw new NodeOperationError(
			this.getNode(),
			'All Regions needs a credential that can reach every region',
			{
				itemIndex,
				description: `The credential's custom Base URL reaches one region only. Put ${REGION_PLACEHOLDER} in it where the region name goes (e.g. http://127.0.0.1:8787/${REGION_PLACEHOLDER}), or use a Sinch region.`,
			},
		);
	}
	const listings = await Promise.all(
		regions.map(async (region): Promise<RegionListing> => {
			try {
				const apps = await listApps.call(this, itemIndex, region);
				return { region, apps: apps.map((app) => ({ ...app, region })) };
			} catch (error) {
				return { region, error: error as Error };
			}
		}),
	);
	const failed = listings.filter((listing) => 'error' in listing);
	if (failed.length === listings.length) {
		const first = failed[0] as { region: string; error: Error };
		const message = `No region could be listed; ${regionName(first.region)} (${first.region}) answered: ${first.error.message}`;
		if (first.error instanceof NodeApiError) {
			first.error.message = message;
			throw new NodeApiError(this.getNode(), first.error as unknown as JsonObject, { itemIndex });
		}
		throw new NodeOperationError(this.getNode(), message, { itemIndex });
	}
	return listings;
}

/** The item reporting a region that could not be listed: no `id`, so it cannot be mistaken for an app. */
export function failedRegionItem(region: string, error: Error): IDataObject {
	const item: IDataObject = {
		region,
		error: `Could not list the apps of region ${regionName(region)} (${region}): ${error.message}`,
	};
	const details = (error as NodeApiError).description;
	if (details) item.details = details;
	return item;
}
