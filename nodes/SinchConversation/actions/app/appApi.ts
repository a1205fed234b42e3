import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { listUnder, objectWith, ANY_OBJECT } from '../../helpers/sinchAnswer';
import { CREDENTIAL_TYPE, sinchApiRequest, type Making, type SinchContext } from '../../transport';
import { credentialRegion, reachableRegions, regionName } from '../../transport/hosts';

/** The app endpoints (`/apps`), shared by the App operations, the pickers and the region lookups. */
const NOUN = 'app';
const AN_APP = objectWith('an app');
export const APPS_PATH = '/apps';

/** Creating an app: a repeat makes a second app. */
export const CREATING_APP: Making = {
	verb: 'create',
	done: 'created',
	maybe: 'exist now',
	recheck: 'look for the display name with App → Get Many',
};

export async function listApps(
	this: SinchContext,
	itemIndex?: number,
	region?: string,
): Promise<IDataObject[]> {
	const answer = await sinchApiRequest.call(this, 'GET', APPS_PATH, {
		itemIndex,
		region,
		noun: NOUN,
		expect: listUnder('apps', 'a list of apps'),
	});
	return Array.isArray(answer.apps) ? (answer.apps as IDataObject[]) : [];
}

export async function createApp(
	this: IExecuteFunctions,
	body: IDataObject,
	itemIndex: number,
): Promise<IDataObject> {
	return await sinchApiRequest.call(this, 'POST', APPS_PATH, {
		body,
		itemIndex,
		noun: NOUN,
		makes: CREATING_APP,
		expect: AN_APP,
	});
}

/** Reads one app in the credential's region, or in another one (for the region lookup). */
export async function readApp(
	this: SinchContext,
	appId: string,
	itemIndex?: number,
	region?: string,
): Promise<IDataObject> {
	return await sinchApiRequest.call(this, 'GET', `/apps/${appId}`, {
		itemIndex,
		region,
		noun: NOUN,
		id: appId,
		expect: AN_APP,
	});
}

/** How long the region hint of a 404 may take. */
const HINT_LOOKUP_MS = 3000;

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
				await readApp.call(this, appId, itemIndex, region);
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

function regionHint(appId: string, own: string, found: string, custom: boolean): string {
	const setting = custom ? 'Region of Custom URL' : 'Region';
	return `Sinch has no app ${appId} in region ${regionName(own)} (${own}), but region ${regionName(found)} (${found}) has it: an app stays in the region that created it. Set the credential's ${setting} to ${regionName(found)}, or use a credential for that region.`;
}

/** After a 404 on one app, names the region that has it when the credential reaches another one that does. */
async function withRegionHint(
	this: IExecuteFunctions,
	appId: string,
	itemIndex: number,
	call: () => Promise<IDataObject>,
): Promise<IDataObject> {
	try {
		return await call();
	} catch (error) {
		if (error instanceof NodeApiError && error.httpCode === '404') {
			const where = await findAppInOtherRegions.call(this, appId, itemIndex);
			if (where.found) {
				// n8n keeps Sinch's own text (without our hint) in `messages`.
				const answered = error.messages.find((text) => typeof text === 'string' && text.trim());
				error.message = regionHint(appId, where.own, where.found, where.custom);
				error.description = answered ? `Sinch answered: ${answered}` : undefined;
			}
		}
		// Hands back the same error (n8n does not wrap a NodeApiError twice).
		throw new NodeApiError(this.getNode(), error as JsonObject, { itemIndex });
	}
}

export async function getApp(
	this: IExecuteFunctions,
	appId: string,
	itemIndex: number,
): Promise<IDataObject> {
	return await withRegionHint.call(this, appId, itemIndex, async () =>
		readApp.call(this, appId, itemIndex),
	);
}

/** Sends only the fields named in `updateMask`, which Sinch replaces. */
export async function updateApp(
	this: IExecuteFunctions,
	appId: string,
	body: IDataObject,
	updateMask: string[],
	itemIndex: number,
): Promise<IDataObject> {
	return await withRegionHint.call(this, appId, itemIndex, async () =>
		sinchApiRequest.call(this, 'PATCH', `/apps/${appId}`, {
			body,
			qs: { update_mask: updateMask.join(',') },
			itemIndex,
			noun: NOUN,
			id: appId,
			expect: AN_APP,
		}),
	);
}

export async function deleteApp(
	this: IExecuteFunctions,
	appId: string,
	itemIndex: number,
): Promise<void> {
	await withRegionHint.call(this, appId, itemIndex, async () =>
		sinchApiRequest.call(this, 'DELETE', `/apps/${appId}`, {
			itemIndex,
			noun: NOUN,
			id: appId,
			expect: ANY_OBJECT,
		}),
	);
}
