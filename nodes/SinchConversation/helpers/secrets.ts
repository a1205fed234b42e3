import type { IDataObject } from 'n8n-workflow';

/**
 * Field names that hold a secret anywhere in an app (channel tokens, API keys, passwords, callback secrets) or a
 * webhook (signing secret, OAuth2 client secret).
 */
export const SECRET_FIELDS = new Set([
	'token',
	'secret',
	'api_key',
	'password',
	'app_secret',
	'aes_key',
	'kakaotalk_sender_key',
	'callback_secret',
	'secret_for_overridden_callback_urls',
	'apple_pay_certificate_password',
	'client_secret',
]);

export const MASK = '********';

type Json = IDataObject | IDataObject[] | string | number | boolean | null | undefined;

function walk(value: Json, visit: (key: string, text: string) => string | undefined): Json {
	if (Array.isArray(value)) return value.map((entry) => walk(entry, visit)) as IDataObject[];
	if (!value || typeof value !== 'object') return value;
	const copy: IDataObject = {};
	for (const [key, child] of Object.entries(value)) {
		const replaced =
			typeof child === 'string' && SECRET_FIELDS.has(key) ? visit(key, child) : undefined;
		copy[key] = replaced ?? (walk(child as Json, visit) as IDataObject[keyof IDataObject]);
	}
	return copy;
}

/** A copy of an app or webhook with every non-empty secret replaced by a mask; empty ones stay empty so "not set" stays visible. */
export function maskSecrets<T extends IDataObject>(app: T): T {
	return walk(app, (_key, text) => (text === '' ? '' : MASK)) as T;
}

/** Every secret value in the credential and in a request body, so messages that echo them can be redacted. */
export function collectSecrets(credentials: IDataObject, body?: IDataObject): string[] {
	const found = [credentials.keySecret, credentials.accessToken].filter(
		(value): value is string => typeof value === 'string' && value !== '',
	);
	walk(body, (_key, text) => {
		if (text !== '') found.push(text);
		return undefined;
	});
	return found;
}
