import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INode,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { sinchApiRequest } from '../../transport';
import { findAppInOtherRegions, regionName } from './regions';

/** Sinch app IDs are ULIDs: 26 characters of Crockford's base32 (digits and capitals without I, L, O, U). */
export const APP_ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

const EXAMPLE_APP_ID = '01HZX3K5V8Q2M7N4P6R9S0T1AB';

const ID_HELP = `A Sinch app ID has 26 letters and digits, e.g. ${EXAMPLE_APP_ID}. Pick the app From List, or copy its ID from the Sinch dashboard (Conversation API, Apps) or from the "id" field of a Create, Get or Get Many output.`;

/** The app picker shared by Get, Update and Delete. */
export const appLocatorProperty: INodeProperties = {
	displayName: 'App',
	name: 'appId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: `The Conversation API app to use. By ID takes the app ID: 26 letters and digits such as ${EXAMPLE_APP_ID}, shown as the ID in the output of Create, Get or Get Many and in the Sinch dashboard.`,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select an app...',
			typeOptions: { searchListMethod: 'searchApps', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: `e.g. ${EXAMPLE_APP_ID}`,
			validation: [
				{
					type: 'regex',
					properties: {
						// Lower case is accepted too: the node upper-cases the ID before use.
						regex: '\\s*[0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{26}\\s*',
						errorMessage: 'Not a Sinch app ID: it has 26 letters and digits (no I, L, O or U)',
					},
				},
			],
		},
	],
};

/** Reads the App parameter and returns the app ID in Sinch's form; a value that cannot be an app ID stops the item. */
export function readAppId(this: IExecuteFunctions, itemIndex: number): string {
	return parseAppId(
		this.getNode(),
		this.getNodeParameter('appId', itemIndex, '', { extractValue: true }),
		itemIndex,
	);
}

/**
 * The app ID in Sinch's form (trimmed, upper case) from an App locator value, for any node context (the trigger
 * reads its locator outside an item). A value that cannot be an app ID is a NodeOperationError.
 */
export function parseAppId(node: INode, raw: unknown, itemIndex?: number): string {
	const value = raw && typeof raw === 'object' && 'value' in raw ? (raw as IDataObject).value : raw;
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (text === '') {
		throw new NodeOperationError(
			node,
			'The App parameter is empty. Choose an app or give its ID.',
			{
				itemIndex,
				description: ID_HELP,
			},
		);
	}
	const id = text.toUpperCase();
	if (!APP_ID_PATTERN.test(id)) {
		const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
		throw new NodeOperationError(node, `The App parameter "${shown}" is not a Sinch app ID`, {
			itemIndex,
			description: ID_HELP,
		});
	}
	return id;
}

function regionHint(appId: string, own: string, found: string, custom: boolean): string {
	const setting = custom ? 'Region of Custom URL' : 'Region';
	return `Sinch has no app ${appId} in region ${regionName(own)} (${own}), but region ${regionName(found)} (${found}) has it: an app stays in the region that created it. Set the credential's ${setting} to ${regionName(found)}, or use a credential for that region.`;
}

/**
 * A request on one app (`/apps/{id}`). A 404 names the app and gives one hint for the two usual causes: a wrong ID,
 * or a credential of another region than the app's; when another region the credential reaches has the app, the
 * message names it.
 */
export async function appRequest(
	this: IExecuteFunctions,
	method: IHttpRequestMethods,
	appId: string,
	itemIndex: number,
	body?: IDataObject,
	qs?: IDataObject,
): Promise<IDataObject> {
	try {
		return await sinchApiRequest.call(this, method, `/apps/${appId}`, {
			body,
			qs,
			itemIndex,
			expect: method === 'DELETE' ? 'empty' : 'app',
		});
	} catch (error) {
		if (error instanceof NodeApiError && error.httpCode === '404') {
			// Said once, short: which app, then the one hint that fixes it most often. Sinch's own words go to the details.
			// n8n keeps Sinch's own text (without our hint) in `messages`.
			const answered = error.messages.find(
				(text) => typeof text === 'string' && text.trim() !== '',
			);
			error.message = `App ${appId} was not found (404)`;
			error.description = [
				"Check the app ID, or set the credential's Region to the one the app was created in.",
				answered ? `Sinch answered: ${answered}` : undefined,
			]
				.filter(Boolean)
				.join(' ');
			const where = await findAppInOtherRegions.call(this, appId, itemIndex);
			if (where.found) {
				error.message = regionHint(appId, where.own, where.found, where.custom);
				error.description = answered ? `Sinch answered: ${answered}` : undefined;
			}
		}
		// Hands back the same error (n8n does not wrap a NodeApiError twice).
		throw new NodeApiError(this.getNode(), error as JsonObject, { itemIndex });
	}
}
