import { createHmac, randomBytes } from 'node:crypto';

export const SIGNATURE_HEADERS = {
	timestamp: 'x-sinch-webhook-signature-timestamp',
	nonce: 'x-sinch-webhook-signature-nonce',
	algorithm: 'x-sinch-webhook-signature-algorithm',
	signature: 'x-sinch-webhook-signature',
} as const;

export const SIGNATURE_ALGORITHM = 'HmacSHA256';

/** Sinch's callback signature: base64 HMAC-SHA256, keyed with the webhook secret, over `<raw body>.<nonce>.<timestamp>`. */
export function signCallback(
	secret: string,
	rawBody: string,
	nonce: string,
	timestamp: string,
): string {
	return createHmac('sha256', secret)
		.update(`${rawBody}.${nonce}.${timestamp}`, 'utf8')
		.digest('base64');
}

/** A fresh nonce shaped like Sinch's (26 characters of Crockford base32). */
export function newNonce(): string {
	const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
	return Array.from(randomBytes(26), (byte) => alphabet[byte % 32]).join('');
}

/** The four signature headers for a body; `forge` signs with a wrong key, so the signature cannot verify. */
export function signatureHeaders(
	secret: string,
	rawBody: string,
	options: { nonce?: string; timestamp?: number | string; forge?: boolean } = {},
): Record<string, string> {
	const nonce = options.nonce ?? newNonce();
	const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
	const key = options.forge ? `${secret}-forged` : secret;
	return {
		[SIGNATURE_HEADERS.timestamp]: timestamp,
		[SIGNATURE_HEADERS.nonce]: nonce,
		[SIGNATURE_HEADERS.algorithm]: SIGNATURE_ALGORITHM,
		[SIGNATURE_HEADERS.signature]: signCallback(key, rawBody, nonce, timestamp),
	};
}
