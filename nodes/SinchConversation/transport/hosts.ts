import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export const DEFAULT_TOKEN_URL = 'https://auth.sinch.com/oauth2/token';

function trimSlashes(url: string): string {
	return url.trim().replace(/\/+$/, '');
}

/** Sinch's Conversation API regions; an app lives in exactly one. */
export const REGIONS = ['us', 'eu', 'br'];

/** In a custom Base URL, stands for a region's name, so one URL can reach every region (e.g. the emulator's /eu). */
export const REGION_PLACEHOLDER = '{region}';

const isCustom = (credentials: ICredentialDataDecryptedObject) => credentials.region === 'custom';
const customBase = (credentials: ICredentialDataDecryptedObject) => trimSlashes(String(credentials.baseUrl ?? ''));

/** The region the credential's own requests go to: its Region, or for Custom the Region of Custom URL (default us). */
export function credentialRegion(credentials: ICredentialDataDecryptedObject): string {
	return String((isCustom(credentials) ? credentials.customRegion : credentials.region) || 'us');
}

/** Regions this credential can call: all of them, except a Custom Base URL without {region}, which reaches only its own. */
export function reachableRegions(credentials: ICredentialDataDecryptedObject): string[] {
	if (isCustom(credentials) && !customBase(credentials).includes(REGION_PLACEHOLDER)) return [credentialRegion(credentials)];
	return REGIONS;
}

/** The Conversation API base URL (no /v1) of a credential's region, or of another region when one is given. */
export function apiBaseUrl(credentials: ICredentialDataDecryptedObject, region?: string): string {
	if (isCustom(credentials)) {
		const base = customBase(credentials);
		const wanted = region ?? credentialRegion(credentials);
		if (base.includes(REGION_PLACEHOLDER)) return base.split(REGION_PLACEHOLDER).join(wanted);
		// Sending it to the one custom host would answer for the wrong region; callers check reachableRegions first.
		if (wanted !== credentialRegion(credentials)) {
			throw new Error(`The custom Base URL has no ${REGION_PLACEHOLDER} placeholder, so region ${wanted} cannot be reached`);
		}
		return base;
	}
	return `https://${String(region ?? credentials.region)}.conversation.api.sinch.com`;
}

// The same rule as apiBaseUrl, for the credential test request, which n8n resolves as an expression.
apiBaseUrl.expression =
	'$credentials.region === "custom" ? String($credentials.baseUrl).trim().replace(/\\/+$/, "").split("{region}").join($credentials.customRegion || "us") : "https://" + $credentials.region + ".conversation.api.sinch.com"';

export function tokenUrl(credentials: ICredentialDataDecryptedObject): string {
	if (credentials.region !== 'custom') return DEFAULT_TOKEN_URL;
	return trimSlashes(String(credentials.tokenUrl || DEFAULT_TOKEN_URL));
}

/**
 * Names the key an access token was issued for (key ID, secret and token URL). n8n keeps a stored token until Sinch
 * answers 401, also after the user edits the key, so the token remembers this and is not sent for another key.
 * FNV-1a: it only has to notice a change; it is stored beside the secret in n8n's encrypted credential data.
 */
export function tokenKeyFingerprint(credentials: ICredentialDataDecryptedObject): string {
	const text = [credentials.keyId, credentials.keySecret, tokenUrl(credentials)].map(String).join('\n');
	let hash = 0x811c9dc5;
	for (let index = 0; index < text.length; index++) {
		hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193) >>> 0;
	}
	return hash.toString(16).padStart(8, '0');
}

interface FailedRequest {
	code?: string;
	httpCode?: string | null;
	response?: { status?: number };
	cause?: { code?: string; response?: { status?: number } };
}

const UNREACHABLE_CODES = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH'];

/** Says why the OAuth2 token request failed, and what to change, without any secret. */
export function describeTokenFailure(url: string, error: unknown): string {
	const failed = (error ?? {}) as FailedRequest;
	const status = failed.response?.status ?? failed.cause?.response?.status ?? Number(failed.httpCode ?? NaN);
	const code = failed.code ?? failed.cause?.code;
	if (status === 401 || status === 400 || status === 403) {
		return `Sinch did not accept the Key ID and Key Secret when asked for an access token (${status}). Copy both again from Access Keys in the Sinch dashboard.`;
	}
	if (status === 429) {
		return 'The Sinch token service is rate limiting this key (429). Wait a few seconds and run again.';
	}
	if (Number.isFinite(status)) {
		return `The Sinch token URL ${url} answered HTTP ${status}. Check the Token URL, or try again later.`;
	}
	if (code && UNREACHABLE_CODES.includes(code)) {
		return `Could not reach the Sinch token URL ${url}. Check the Region (or the Token URL of a custom region) and the network or proxy of n8n.`;
	}
	return `The access token request to ${url} failed. Check the Token URL and the network or proxy of n8n.`;
}
