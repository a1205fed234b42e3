import { createHmac, timingSafeEqual } from 'crypto';

import type { NonceStore } from './nonces';

/** The headers Sinch adds to every callback of a webhook that has a secret. */
export const SIGNATURE_HEADERS = {
	timestamp: 'x-sinch-webhook-signature-timestamp',
	nonce: 'x-sinch-webhook-signature-nonce',
	algorithm: 'x-sinch-webhook-signature-algorithm',
	signature: 'x-sinch-webhook-signature',
} as const;

export const SIGNATURE_ALGORITHM = 'HmacSHA256';
export const DEFAULT_WINDOW_SECONDS = 300;

/**
 * Sinch's signature of a callback: base64 HMAC-SHA256, keyed with the webhook secret, over the raw body bytes
 * followed by `.<nonce>.<timestamp>`. The body is used exactly as received, never re-serialised.
 */
export function signCallback(
	secret: string,
	rawBody: Buffer | string,
	nonce: string,
	timestamp: string | number,
): string {
	const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
	return createHmac('sha256', secret)
		.update(Buffer.concat([body, Buffer.from(`.${nonce}.${String(timestamp)}`, 'utf8')]))
		.digest('base64');
}

export interface VerifyInput {
	headers: Record<string, string | string[] | undefined>;
	rawBody: Buffer;
	secret: string;
	/** Seconds a timestamp may differ from now, either way. */
	windowSeconds: number;
	/** Nonces seen before; a valid callback's nonce is added. */
	nonces: NonceStore;
	/** Names the receiver the nonce belongs to, so two workflows on the same app do not see each other's nonces. */
	scope: string;
	/** Unix milliseconds; tests pass a fixed clock. */
	now?: number;
}

export type VerifyResult = { valid: true } | { valid: false; reason: string };

function header(headers: VerifyInput['headers'], name: string): string | undefined {
	const value = headers[name];
	const text = Array.isArray(value) ? value[0] : value;
	return typeof text === 'string' && text.trim() !== '' ? text.trim() : undefined;
}

/**
 * Checks a callback as Sinch advises and more: all four headers, a known algorithm, the timestamp inside the window,
 * the HMAC compared in constant time, and a nonce not seen before. The nonce is remembered only after the signature
 * proved the callback genuine, so forged requests cannot fill the store or block a real delivery.
 */
export function verifyCallback(input: VerifyInput): VerifyResult {
	const missing = Object.values(SIGNATURE_HEADERS).filter(
		(name) => header(input.headers, name) === undefined,
	);
	if (missing.length > 0)
		return { valid: false, reason: `missing header(s) ${missing.join(', ')}` };
	const timestamp = header(input.headers, SIGNATURE_HEADERS.timestamp) as string;
	const nonce = header(input.headers, SIGNATURE_HEADERS.nonce) as string;
	const algorithm = header(input.headers, SIGNATURE_HEADERS.algorithm) as string;
	const signature = header(input.headers, SIGNATURE_HEADERS.signature) as string;

	if (algorithm.toLowerCase() !== SIGNATURE_ALGORITHM.toLowerCase()) {
		return { valid: false, reason: `unknown signature algorithm "${algorithm.slice(0, 40)}"` };
	}
	if (!/^\d{1,12}$/.test(timestamp))
		return { valid: false, reason: 'timestamp is not Unix seconds' };
	const nowSeconds = (input.now ?? Date.now()) / 1000;
	const age = nowSeconds - Number(timestamp);
	if (Math.abs(age) > input.windowSeconds) {
		return {
			valid: false,
			reason: `timestamp ${timestamp} is ${Math.round(Math.abs(age))} s ${age > 0 ? 'old' : 'in the future'} (window ${input.windowSeconds} s)`,
		};
	}

	const expected = Buffer.from(signCallback(input.secret, input.rawBody, nonce, timestamp), 'utf8');
	const given = Buffer.from(signature, 'utf8');
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
		return {
			valid: false,
			reason: 'signature does not match (wrong secret, or the body was changed)',
		};
	}

	const key = `${input.scope}\n${nonce}`;
	const expiresAt = (Number(timestamp) + input.windowSeconds) * 1000;
	if (!input.nonces.remember(key, expiresAt, input.now)) {
		return {
			valid: false,
			reason: `nonce ${nonce.slice(0, 40)} was seen before (replayed callback)`,
		};
	}
	return { valid: true };
}
