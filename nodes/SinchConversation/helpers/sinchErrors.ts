import type { JsonObject } from 'n8n-workflow';

export interface SinchError {
	httpStatus?: number;
	/** Sinch's status word, e.g. INVALID_ARGUMENT. */
	status?: string;
	message?: string;
	details?: string;
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Reads the three error shapes Sinch uses: {error:{code,message,status,details}}, the same keys flat, and {type,title,detail}. */
export function parseSinchError(httpStatus: number | undefined, body: unknown): SinchError {
	if (typeof body === 'string') {
		try {
			body = JSON.parse(body);
		} catch {
			return { httpStatus, message: text(body)?.slice(0, 300) };
		}
	}
	const data = (body && typeof body === 'object' ? body : {}) as JsonObject;
	const wrapped = data.error && typeof data.error === 'object' ? (data.error as JsonObject) : data;
	const details = Array.isArray(wrapped.details)
		? (wrapped.details as JsonObject[])
				.map((d) => text(d?.value) ?? text(d?.description) ?? text(d?.message) ?? (d ? JSON.stringify(d) : ''))
				.filter(Boolean)
				.join('; ')
		: text(wrapped.detail);
	return {
		httpStatus: httpStatus ?? (typeof wrapped.code === 'number' ? wrapped.code : undefined),
		status: text(wrapped.status),
		message: text(wrapped.message) ?? text(wrapped.title) ?? text(data.error_description) ?? text(data.error),
		details: details || undefined,
	};
}

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
	const head = error.message ? `Sinch answered ${code}: ${error.message}` : `Sinch answered ${code}`;
	const hint = hintOverride ?? hintFor(error.httpStatus);
	return hint ? `${head.replace(/\.$/, '')}. ${hint}.` : head;
}

/** Replaces every known secret in a text; used on anything shown to the user that echoes a request or response. */
export function redact(message: string, secrets: Iterable<string>): string {
	let result = message;
	for (const secret of secrets) {
		if (secret.length >= 4) result = result.split(secret).join('***');
	}
	return result;
}
