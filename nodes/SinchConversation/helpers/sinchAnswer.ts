import type { IDataObject } from 'n8n-workflow';

import { bodyExcerpt } from './sinchErrors';

/**
 * What a successful answer must hold, named for messages ("an app"); each API module declares its own.
 * JSON of protocol buffers leaves out empty lists, so an empty list may come as {}.
 */
export interface ExpectedAnswer {
	what: string;
	fits: (value: IDataObject) => boolean;
}

export type CheckedAnswer =
	| { ok: true; value: IDataObject }
	| { ok: false; problem: string; cutOff: boolean };

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** An object carrying a non-empty string under `key` (its ID). */
export const objectWith = (what: string, key = 'id'): ExpectedAnswer => ({
	what,
	fits: (value) => typeof value[key] === 'string' && value[key] !== '',
});

/** A list under `key`, or {} for an empty one. */
export const listUnder = (key: string, what: string): ExpectedAnswer => ({
	what,
	fits: (value) => Array.isArray(value[key]) || Object.keys(value).length === 0,
});

/** Any JSON object (a delete answers {}). */
export const ANY_OBJECT: ExpectedAnswer = { what: 'an empty JSON object', fits: () => true };

/**
 * Checks a 2xx answer against what the operation expects. A body that is not JSON (a proxy's login page), JSON of
 * another shape, or JSON cut off part-way is not a success: the problem says what came back, `secrets` masked.
 */
export function checkAnswer(
	expect: ExpectedAnswer | undefined,
	status: number,
	contentType: string,
	body: string,
	secrets: Iterable<string> = [],
): CheckedAnswer {
	const excerpt = () => bodyExcerpt(body, undefined, secrets);
	const type = contentType.split(';')[0].trim() || 'no content type';
	if (body.trim() === '') {
		if (status === 204 || expect === undefined) return { ok: true, value: {} };
		return {
			ok: false,
			cutOff: false,
			problem: `Sinch answered ${status} with an empty body (${type}), not ${expect.what}`,
		};
	}
	let value: unknown;
	try {
		value = JSON.parse(body);
	} catch {
		const looksLikeJson = /^\s*[[{]/.test(body) && !/^\s*<|html/i.test(type);
		if (looksLikeJson) {
			return {
				ok: false,
				cutOff: true,
				problem: `The answer from Sinch (${status}, ${type}) broke off after ${body.length} characters: no complete answer came`,
			};
		}
		return {
			ok: false,
			cutOff: false,
			problem: `The answer (${status}, ${type}) is not from the Sinch API: "${excerpt()}"`,
		};
	}
	if (!isObject(value)) {
		return {
			ok: false,
			cutOff: false,
			problem: `Sinch answered ${status} with JSON that is not an object (${type}): "${excerpt()}"`,
		};
	}
	if (expect !== undefined && !expect.fits(value)) {
		return {
			ok: false,
			cutOff: false,
			problem: `Sinch answered ${status} with JSON that is not ${expect.what} (${type}): "${excerpt()}"`,
		};
	}
	return { ok: true, value };
}
