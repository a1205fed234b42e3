import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { listUnder } from '../helpers/sinchAnswer';
import { sinchApiRequest, type SinchContext, type SinchRequestOptions } from './index';

export interface PagedListOptions extends Omit<SinchRequestOptions, 'expect'> {
	/** The key that holds the list in each page. */
	key: string;
	/** What the list is, named in errors. */
	what: string;
	/** Items wanted at most; undefined for all. */
	limit?: number;
	/** The most Sinch gives in one page of this list. */
	maxPageSize: number;
}

/**
 * Reads one of Sinch's paged lists (`page_size` / `page_token`, answered with `next_page_token`) until it has `limit`
 * items or the last page. Pages are asked for one after the other: each needs the token of the one before.
 */
export async function pagedList(
	this: SinchContext,
	method: IHttpRequestMethods,
	path: string,
	{ key, what, limit, maxPageSize, ...request }: PagedListOptions,
): Promise<IDataObject[]> {
	const items: IDataObject[] = [];
	const expect = listUnder(key, what);
	let pageToken: string | undefined;
	do {
		const wanted = limit === undefined ? maxPageSize : Math.min(maxPageSize, limit - items.length);
		const qs: IDataObject = { ...request.qs, page_size: wanted };
		if (pageToken) qs.page_token = pageToken;
		const page = await sinchApiRequest.call(this, method, path, { ...request, qs, expect });
		const entries = Array.isArray(page[key]) ? (page[key] as IDataObject[]) : [];
		items.push(...entries);
		const next = typeof page.next_page_token === 'string' ? page.next_page_token : '';
		// A page that brings nothing new ends the list, whatever token it carries.
		pageToken = next !== '' && next !== pageToken && entries.length > 0 ? next : undefined;
	} while (pageToken !== undefined && (limit === undefined || items.length < limit));
	return limit === undefined ? items : items.slice(0, limit);
}
