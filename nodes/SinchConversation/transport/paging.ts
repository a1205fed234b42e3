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
	/** The paging names of this API, when not the Conversation API's snake_case ones. */
	paging?: PagingNames;
}

/** What an API calls the page size and token it is asked for, and the token of the next page it answers. */
export interface PagingNames {
	size: string;
	token: string;
	next: string;
}

const SNAKE_CASE_PAGING: PagingNames = {
	size: 'page_size',
	token: 'page_token',
	next: 'next_page_token',
};

/** The Provisioning API's names (camelCase). */
export const CAMEL_CASE_PAGING: PagingNames = {
	size: 'pageSize',
	token: 'pageToken',
	next: 'nextPageToken',
};

/**
 * Reads one of Sinch's paged lists (`page_size` / `page_token`, answered with `next_page_token`, or the `paging`
 * names of another API) until it has `limit` items or the last page. Pages are asked for one after the other: each
 * needs the token of the one before.
 */
export async function pagedList(
	this: SinchContext,
	method: IHttpRequestMethods,
	path: string,
	{ key, what, limit, maxPageSize, paging = SNAKE_CASE_PAGING, ...request }: PagedListOptions,
): Promise<IDataObject[]> {
	const items: IDataObject[] = [];
	const expect = listUnder(key, what);
	let pageToken: string | undefined;
	do {
		const wanted = limit === undefined ? maxPageSize : Math.min(maxPageSize, limit - items.length);
		const qs: IDataObject = { ...request.qs, [paging.size]: wanted };
		if (pageToken) qs[paging.token] = pageToken;
		const page = await sinchApiRequest.call(this, method, path, { ...request, qs, expect });
		const entries = Array.isArray(page[key]) ? (page[key] as IDataObject[]) : [];
		items.push(...entries);
		const next = typeof page[paging.next] === 'string' ? (page[paging.next] as string) : '';
		// A page that brings nothing new ends the list, whatever token it carries.
		pageToken = next !== '' && next !== pageToken && entries.length > 0 ? next : undefined;
	} while (pageToken !== undefined && (limit === undefined || items.length < limit));
	return limit === undefined ? items : items.slice(0, limit);
}
