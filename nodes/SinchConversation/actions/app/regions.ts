import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { CREDENTIAL_TYPE, sinchApiRequest } from '../../transport';
import { credentialRegion, REGION_PLACEHOLDER, reachableRegions } from '../../transport/hosts';

/** How long the region hint of a 404 may take. */
const HINT_LOOKUP_MS = 3000;

const REGION_NAMES: Record<string, string> = { us: 'United States', eu: 'Europe', br: 'Brazil' };

export const regionName = (region: string) => REGION_NAMES[region] ?? region;

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
				const response = await sinchApiRequest.call(this, 'GET', '/apps', {
					itemIndex,
					region,
					expect: 'apps',
				});
				const apps = (Array.isArray(response.apps) ? response.apps : []) as IDataObject[];
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

/**
 * After a 404: the other regions the credential can reach are asked for the app at once, and the first that has it
 * is returned, within 3 seconds. Any failure there just means "not found there": this only adds a hint to the 404.
 */
export async function findAppInOtherRegions(
	this: IExecuteFunctions,
	appId: string,
	itemIndex: number,
): Promise<{ own: string; found?: string; custom: boolean }> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const own = credentialRegion(credentials);
	const others = reachableRegions(credentials).filter((region) => region !== own);
	const custom = credentials.region === 'custom';
	if (others.length === 0) return { own, custom };
	// Every region is asked at once and all answers are awaited, so no request of this item is left running after it;
	// but a region that does not answer soon must not hold up the 404: then the hint is left out.
	const stop = new AbortController();
	const lookups = Promise.all(
		others.map(async (region) => {
			try {
				await sinchApiRequest.call(this, 'GET', `/apps/${appId}`, {
					itemIndex,
					region,
					expect: 'app',
				});
				return region;
			} catch {
				return undefined;
			}
		}),
	).then((answers) => answers.find((region) => region !== undefined));
	const timeUp = sleep(HINT_LOOKUP_MS, stop.signal).then(
		() => undefined,
		() => undefined,
	);
	const found = await Promise.race([lookups, timeUp]);
	stop.abort();
	return { own, found, custom };
}
