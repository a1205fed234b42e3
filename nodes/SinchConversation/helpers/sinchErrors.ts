import type { JsonObject } from 'n8n-workflow';

export interface SinchError {
	httpStatus?: number;
	/** Sinch's status word, e.g. INVALID_ARGUMENT. */
	status?: string;
	message?: string;
	details?: string;
}

/** Longest message and description the node shows; a Sinch answer can be a 200 KB page. */
export const MESSAGE_MAX = 300;
export const DESCRIPTION_MAX = 1200;

export function capText(value: string, max: number): string {
	return value.length > max ? `${value.slice(0, max - 1).trimEnd()}…` : value;
}

/** Secrets are masked before a text is cut: cut first, a secret's first characters would stay. */
function shortText(value: unknown, secrets: Iterable<string>): string | undefined {
	return typeof value === 'string' && value.trim() !== ''
		? capText(redact(value.trim(), secrets), MESSAGE_MAX)
		: undefined;
}

const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
};

/**
 * One short line for a body that is not JSON: an HTML page's title (or its first words, tags stripped), or the
 * first words of a text. Proxies and gateways answer with such pages. Known secrets are masked before the cut.
 */
export function bodyExcerpt(body: string, max = 120, secrets: Iterable<string> = []): string {
	const masked = redact(body, secrets);
	const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(masked)?.[1];
	const words = (title ?? masked)
		.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
		.replace(/<!--[\s\S]*?-->/g, ' ')
		.replace(/<[^>]*>?/g, ' ')
		.replace(/&(#?\w+);/g, (entity, name: string) => ENTITIES[name.toLowerCase()] ?? entity)
		.replace(/\s+/g, ' ')
		.trim();
	return capText(redact(words, secrets), max);
}

/**
 * Reads the three error shapes Sinch uses: {error:{code,message,status,details}}, the same keys flat, and
 * {type,title,detail}. Sinch may echo the request, so `secrets` are masked in every text before it is shortened.
 */
export function parseSinchError(
	httpStatus: number | undefined,
	body: unknown,
	secrets: Iterable<string> = [],
): SinchError {
	const text = (value: unknown) => shortText(value, secrets);
	if (typeof body === 'string') {
		try {
			body = JSON.parse(body);
		} catch {
			return { httpStatus, message: text(bodyExcerpt(body as string, 200, secrets)) };
		}
	}
	const data = (body && typeof body === 'object' ? body : {}) as JsonObject;
	const wrapped = data.error && typeof data.error === 'object' ? (data.error as JsonObject) : data;
	const details = Array.isArray(wrapped.details)
		? (wrapped.details as JsonObject[])
				.map(
					(d) =>
						text(d?.value) ??
						text(d?.description) ??
						text(d?.message) ??
						(d ? redact(JSON.stringify(d), secrets) : ''),
				)
				.filter(Boolean)
				.join('; ')
		: // The Provisioning API answers {errorCode, message, resolution}: the resolution says what to change.
			(text(wrapped.detail) ?? text(wrapped.resolution));
	return {
		httpStatus: httpStatus ?? (typeof wrapped.code === 'number' ? wrapped.code : undefined),
		status: text(wrapped.status) ?? text(wrapped.errorCode),
		message:
			text(wrapped.message) ??
			text(wrapped.title) ??
			text(data.error_description) ??
			text(data.error),
		details: details || undefined,
	};
}

/** A 404 on a project-level path (Create, Get Many): no app ID is involved, so the address or the project is wrong. */
export const PROJECT_NOT_FOUND_HINT =
	'Sinch does not know this project at this address: check the Project ID, the Region, and for a custom region the Base URL (the host only, without /v1)';

const HINTS: Record<number, string> = {
	400: 'Sinch rejected the request body; the message names the field to correct',
	401: 'Check the Key ID and Key Secret of the Sinch credential',
	403: 'The key may not be allowed for this project, or the project is blocked by billing. Check the Project ID and the key',
	404: 'Check the ID, and that the credential region is the one the app was created in',
	429: 'Sinch is rate limiting the project; wait and retry, or send fewer items at once',
};

export function hintFor(httpStatus: number | undefined): string | undefined {
	if (httpStatus === undefined) return undefined;
	if (HINTS[httpStatus]) return HINTS[httpStatus];
	if (httpStatus >= 500) return 'Sinch had a server error; try again later';
	return undefined;
}

/** One line that says what Sinch answered and how to fix it; the caller may know a better hint than the status gives. */
export function describeSinchError(error: SinchError, hintOverride?: string): string {
	const code = [error.httpStatus, error.status].filter((part) => part !== undefined).join(' ');
	const head = error.message
		? `Sinch answered ${code}: ${error.message}`
		: `Sinch answered ${code}`;
	const hint = hintOverride ?? hintFor(error.httpStatus);
	return capText(hint ? `${head.replace(/\.$/, '')}. ${hint}.` : head, MESSAGE_MAX + 200);
}

/**
 * Replaces every known secret in a text; used on anything shown to the user that echoes a request or response. A
 * secret is also found as it is written inside JSON text (quotes and backslashes escaped), as an echoed body has it.
 */
export function redact(message: string, secrets: Iterable<string>): string {
	let result = message;
	for (const secret of secrets) {
		if (secret.length < 4) continue;
		const inJson = JSON.stringify(secret).slice(1, -1);
		for (const form of inJson === secret ? [secret] : [inJson, secret])
			result = result.split(form).join('***');
	}
	return result;
}
