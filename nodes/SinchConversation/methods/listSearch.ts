import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { sinchApiRequest } from '../transport';

/**
 * The project's apps for the App picker, filtered by display name (case-insensitive, anywhere in the name) and
 * sorted by it. Sinch answers all apps in one response, so there is no paging. Display names need not be unique:
 * names shared by several apps get the app ID added, so the entries can be told apart.
 */
export async function searchApps(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const response = await sinchApiRequest.call(this, 'GET', '/apps', { expect: 'apps' });
	const apps = (Array.isArray(response.apps) ? response.apps : []) as IDataObject[];
	const needle = (filter ?? '').trim().toLowerCase();
	const found = apps
		.filter((app) => typeof app.id === 'string' && app.id !== '')
		.map((app) => ({ id: app.id as string, name: typeof app.display_name === 'string' ? app.display_name : '' }))
		.filter((app) => needle === '' || app.name.toLowerCase().includes(needle));
	const uses = new Map<string, number>();
	for (const app of found) uses.set(app.name, (uses.get(app.name) ?? 0) + 1);
	const results: INodeListSearchItems[] = found
		.map((app) => ({
			name: app.name === '' ? app.id : (uses.get(app.name) ?? 0) > 1 ? `${app.name} (${app.id})` : app.name,
			value: app.id,
		}))
		.sort((a, b) => a.name.localeCompare(b.name) || a.value.localeCompare(b.value));
	return { results };
}
