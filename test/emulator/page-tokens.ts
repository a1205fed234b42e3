const TOKEN_PREFIX = 'after:';

/** Tokens are opaque to clients; here the base64url of the last ID of the page. */
export function pageToken(id: string): string {
	return Buffer.from(`${TOKEN_PREFIX}${id}`).toString('base64url');
}

/** The ID a token carries; null when the text is not a token a list gave. */
export function idInToken(token: string): string | null {
	const text = Buffer.from(token, 'base64url').toString();
	return text.startsWith(TOKEN_PREFIX) && pageToken(text.slice(TOKEN_PREFIX.length)) === token
		? text.slice(TOKEN_PREFIX.length)
		: null;
}

/** A query's whole number; `fallback` when absent or empty, undefined when not a whole number. */
export function wholeNumber(value: string | undefined, fallback: number): number | undefined {
	if (value === undefined || value === '') return fallback;
	return /^\d+$/.test(value) ? Number(value) : undefined;
}

/**
 * One page of items listed in ascending ID order (ULIDs: creation order) after the token's ID, even if that item is
 * gone; `next_page_token` is '' on the last page. Null when the token is not one a list gave.
 */
export function ascendingPage<T extends { id: string }>(
	items: readonly T[],
	token: string,
	size: number,
): { page: T[]; next_page_token: string } | null {
	const after = token === '' ? '' : idInToken(token);
	if (after === null) return null;
	const start = after === '' ? 0 : items.findIndex((item) => item.id > after);
	const page = start === -1 ? [] : items.slice(start, start + size);
	const more = start !== -1 && start + size < items.length;
	return { page, next_page_token: more ? pageToken(page[page.length - 1].id) : '' };
}
