import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

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
