import type { IDataObject } from 'n8n-workflow';

import { bodyExcerpt } from './sinchErrors';

/** What a successful answer must hold: an object with an `id`, a list under that key, or nothing (Delete). */
export type ExpectedAnswer = 'app' | 'apps' | 'webhook' | 'webhooks' | 'empty';

export type CheckedAnswer =
	| { ok: true; value: IDataObject }
	| { ok: false; problem: string; cutOff: boolean };

const WHAT: Record<ExpectedAnswer, string> = {
	app: 'an app',
	apps: 'a list of apps',
	webhook: 'a webhook',
	webhooks: 'a list of webhooks',
	empty: 'an empty JSON object',
};

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function hasShape(expect: ExpectedAnswer, value: IDataObject): boolean {
	switch (expect) {
		case 'app':
		case 'webhook':
			return typeof value.id === 'string' && value.id !== '';
		case 'apps':
		case 'webhooks':
			// An empty list may come as {} (JSON of protocol buffers leaves out empty lists).
			return Array.isArray(value[expect]) || Object.keys(value).length === 0;
		case 'empty':
			return true;
	}
}

/**
 * Checks a 2xx answer against what the operation expects. A body that is not JSON (a proxy's login page), JSON of
 * another shape, or JSON cut off part-way is not a success: the problem says what came back.
 */
export function checkAnswer(
	expect: ExpectedAnswer | undefined,
	status: number,
	contentType: string,
	body: string,
): CheckedAnswer {
	const type = contentType.split(';')[0].trim() || 'no content type';
	if (body.trim() === '') {
		if (status === 204 || expect === undefined) return { ok: true, value: {} };
		return {
			ok: false,
			cutOff: false,
			problem: `Sinch answered ${status} with an empty body (${type}), not ${WHAT[expect]}`,
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
			problem: `The answer (${status}, ${type}) is not from the Sinch API: "${bodyExcerpt(body)}"`,
		};
	}
	if (!isObject(value)) {
		return {
			ok: false,
			cutOff: false,
			problem: `Sinch answered ${status} with JSON that is not an object (${type}): "${bodyExcerpt(body)}"`,
		};
	}
	if (expect !== undefined && !hasShape(expect, value)) {
		return {
			ok: false,
			cutOff: false,
			problem: `Sinch answered ${status} with JSON that is not ${WHAT[expect]} (${type}): "${bodyExcerpt(body)}"`,
		};
	}
	return { ok: true, value };
}
