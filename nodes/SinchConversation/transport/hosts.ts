import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export const DEFAULT_TOKEN_URL = 'https://auth.sinch.com/oauth2/token';

/** The token request cannot read the node's Timeout option (n8n hands it the credential only), so it has its own. */
export const TOKEN_TIMEOUT_MS = 30_000;

function trimSlashes(url: string): string {
	return url.trim().replace(/\/+$/, '');
}

/** Sinch's Conversation API regions; what a project makes lives in exactly one. */
export const REGIONS = ['us', 'eu', 'br'];

const REGION_NAMES: Record<string, string> = { us: 'United States', eu: 'Europe', br: 'Brazil' };
export const regionName = (region: string) => REGION_NAMES[region] ?? region;

/** The credential's value as used: n8n keeps what the user pasted, spaces included. */
export function credentialText(credentials: ICredentialDataDecryptedObject, name: string): string {
	const value = credentials[name];
	return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

const API_PATH = /\/(v1|oauth2)(\/|$)/i;
const SHOWN_URL_LENGTH = 80;

function urlProblem(
	label: string,
	value: string,
	example: string,
	forbidApiPath: boolean,
): string | undefined {
	let url: URL;
	try {
		// {region} is a placeholder of a multi-region Base URL (the emulator's), filled in per request.
		url = new URL(value.replace(/\{region\}/g, 'us'));
	} catch {
		const shown = value.length > SHOWN_URL_LENGTH ? `${value.slice(0, SHOWN_URL_LENGTH)}…` : value;
		return `The ${label} "${shown}" of the Sinch credential is not a URL. Give the whole address with http:// or https://, e.g. ${example}.`;
	}
	// Not shown, as it carries a password; sent, it would replace the node's own authorization.
	if (url.username !== '' || url.password !== '') {
		return `The ${label} of the Sinch credential contains a user name or password (user:password@). Remove them: the node signs in with the Key ID and Key Secret, e.g. ${example}.`;
	}
	const shown = value.length > SHOWN_URL_LENGTH ? `${value.slice(0, SHOWN_URL_LENGTH)}…` : value;
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		return `The ${label} "${shown}" of the Sinch credential must start with https:// (or http:// for a local emulator), e.g. ${example}.`;
	}
	if (forbidApiPath && API_PATH.test(url.pathname)) {
		return `The ${label} "${shown}" of the Sinch credential carries an API path (${url.pathname}). Give the host only, without /v1 or /oauth2, e.g. ${example}: the node adds the path.`;
	}
	return undefined;
}

/**
 * What is wrong with a credential before anything is sent: empty or pasted-with-the-path values. Used by the node
 * before each request and by the credential itself before a token is asked for (so the Test button says the same).
 */
export function credentialProblem(credentials: ICredentialDataDecryptedObject): string | undefined {
	const projectId = credentialText(credentials, 'projectId');
	if (projectId === '') {
		return 'The Project ID of the Sinch credential is empty. Copy it from the project page of the Sinch dashboard.';
	}
	if (/[\s/?#]/.test(projectId)) {
		return 'The Project ID of the Sinch credential contains spaces, slashes or a URL. Give the project ID alone, as shown on the project page of the Sinch dashboard.';
	}
	if (credentialText(credentials, 'keyId') === '')
		return 'The Key ID of the Sinch credential is empty. Copy it from Access Keys in the Sinch dashboard.';
	if (credentialText(credentials, 'keySecret') === '')
		return 'The Key Secret of the Sinch credential is empty. Copy it from Access Keys in the Sinch dashboard, or create a new key.';
	if (credentials.region !== 'custom') return undefined;
	const baseUrl = credentialText(credentials, 'baseUrl');
	if (baseUrl === '') {
		return 'The Base URL of the Sinch credential is empty. Region Custom needs one, e.g. https://us.conversation.api.sinch.com or http://127.0.0.1:8787 for the emulator; or choose a Region.';
	}
	const baseProblem = urlProblem(
		'Base URL',
		baseUrl,
		'https://us.conversation.api.sinch.com',
		true,
	);
	if (baseProblem) return baseProblem;
	if (credentials.authentication === 'basic') return undefined;
	const token = tokenUrl(credentials);
	const tokenProblem = urlProblem('Token URL', token, DEFAULT_TOKEN_URL, false);
	if (tokenProblem) return tokenProblem;
	if (/\/v1(\/|$)/i.test(new URL(token.replace(/\{region\}/g, 'us')).pathname)) {
		return `The Token URL of the Sinch credential points at the Conversation API (/v1), not at the token service. Use ${DEFAULT_TOKEN_URL}, or your proxy's token address.`;
	}
	return undefined;
}

/** In a custom Base URL, stands for a region's name, so one URL can reach every region (e.g. the emulator's /eu). */
export const REGION_PLACEHOLDER = '{region}';

const isCustom = (credentials: ICredentialDataDecryptedObject) => credentials.region === 'custom';
const customBase = (credentials: ICredentialDataDecryptedObject) =>
	trimSlashes(String(credentials.baseUrl ?? ''));

/** The region the credential's own requests go to: its Region, or for Custom the Region of Custom URL (default us). */
export function credentialRegion(credentials: ICredentialDataDecryptedObject): string {
	return String((isCustom(credentials) ? credentials.customRegion : credentials.region) || 'us');
}

/** Regions this credential can call: all of them, except a Custom Base URL without {region}, which reaches only its own. */
export function reachableRegions(credentials: ICredentialDataDecryptedObject): string[] {
	if (isCustom(credentials) && !customBase(credentials).includes(REGION_PLACEHOLDER))
		return [credentialRegion(credentials)];
	return REGIONS;
}

/**
 * The three Sinch APIs the node calls with the same key: the Conversation API and the Templates V2 API are regional
 * (a project's apps and omnichannel templates live in one region), the Provisioning API (WhatsApp templates) is one
 * global host. Each names its own version in the path; all three start with /projects/{project_id} after it.
 */
export type SinchApi = 'conversation' | 'template' | 'provisioning';

const SINCH_APIS: Record<SinchApi, { host: (region: string) => string; version: string }> = {
	conversation: { host: (region) => `https://${region}.conversation.api.sinch.com`, version: 'v1' },
	template: { host: (region) => `https://${region}.template.api.sinch.com`, version: 'v2' },
	provisioning: { host: () => 'https://provisioning.api.sinch.com', version: 'v1' },
};

/**
 * The base URL (host, no version) of one API in the credential's region, or in another region when one is given.
 * A custom Base URL stands for every API: a proxy or the emulator serves all three on one host, told apart by path.
 */
export function apiBaseUrl(
	credentials: ICredentialDataDecryptedObject,
	region?: string,
	api: SinchApi = 'conversation',
): string {
	if (isCustom(credentials)) {
		const base = customBase(credentials);
		// The global API has no region of its own: on a multi-region URL it is reached where the credential points.
		const wanted =
			api === 'provisioning'
				? credentialRegion(credentials)
				: (region ?? credentialRegion(credentials));
		if (base.includes(REGION_PLACEHOLDER)) return base.split(REGION_PLACEHOLDER).join(wanted);
		// Sending it to the one custom host would answer for the wrong region; callers check reachableRegions first.
		if (wanted !== credentialRegion(credentials)) {
			throw new Error(
				`The custom Base URL has no ${REGION_PLACEHOLDER} placeholder, so region ${wanted} cannot be reached`,
			);
		}
		return base;
	}
	return SINCH_APIS[api].host(String(region ?? credentials.region));
}

/** The URL every path of one API starts with: base, version, then the credential's project. */
export function projectUrl(
	credentials: ICredentialDataDecryptedObject,
	api: SinchApi = 'conversation',
	region?: string,
): string {
	const project = encodeURIComponent(credentialText(credentials, 'projectId'));
	return `${apiBaseUrl(credentials, region, api)}/${SINCH_APIS[api].version}/projects/${project}`;
}

// The same rule as apiBaseUrl, for the credential test request, which n8n resolves as an expression.
apiBaseUrl.expression =
	'$credentials.region === "custom" ? String($credentials.baseUrl).trim().replace(/\\/+$/, "").split("{region}").join($credentials.customRegion || "us") : "https://" + $credentials.region + ".conversation.api.sinch.com"';

/** Hosts of this machine: a Base URL there is an emulator or a local proxy, never Sinch itself. */
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** The token path of a local token service, the same as Sinch's (the emulator serves it). */
const LOCAL_TOKEN_PATH = '/oauth2/token';

/** The Base URL's origin when it is on this machine (loopback), else undefined. */
function localOrigin(baseUrl: string): string | undefined {
	try {
		const url = new URL(baseUrl.replace(/\{region\}/g, 'us'));
		return LOCAL_HOSTS.has(url.hostname.toLowerCase()) ? url.origin : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Where the credential asks for tokens. A Custom region's Token URL when given; left empty, the token service of
 * the same local host when the Base URL is on this machine (the emulator's key must never reach Sinch), else Sinch's.
 */
export function tokenUrl(credentials: ICredentialDataDecryptedObject): string {
	if (credentials.region !== 'custom') return DEFAULT_TOKEN_URL;
	const given = credentialText(credentials, 'tokenUrl');
	if (given !== '') return trimSlashes(given);
	const local = localOrigin(customBase(credentials));
	return local ? `${local}${LOCAL_TOKEN_PATH}` : DEFAULT_TOKEN_URL;
}

/**
 * Names the key an access token was issued for (key ID, secret and token URL). n8n keeps a stored token until Sinch
 * answers 401, also after the user edits the key, so the token remembers this and is not sent for another key.
 * FNV-1a: it only has to notice a change; it is stored beside the secret in n8n's encrypted credential data.
 */
export function tokenKeyFingerprint(credentials: ICredentialDataDecryptedObject): string {
	const text = [
		credentialText(credentials, 'keyId'),
		credentialText(credentials, 'keySecret'),
		tokenUrl(credentials),
	].join('\n');
	let hash = 0x811c9dc5;
	for (let index = 0; index < text.length; index++) {
		hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193) >>> 0;
	}
	return hash.toString(16).padStart(8, '0');
}

/**
 * When a token answered with `expires_in` seconds stops working, as epoch milliseconds in text (n8n stores strings);
 * '' when the answer does not say. Lets a run tell a token it can send with from one that would meet a 401.
 */
export function tokenExpiry(expiresIn: unknown, now = Date.now()): string {
	const seconds = Number(expiresIn);
	return Number.isFinite(seconds) && seconds > 0 ? String(now + seconds * 1000) : '';
}

/** Name of the errors the credential throws before or when asking for a token, so the node can tell them apart. */
export const TOKEN_ERROR = 'SinchTokenError';

/** A plain Error: it keeps the key secret (in the failed request's headers) out of what n8n shows and stores. */
export function tokenError(message: string): Error {
	const error = new Error(message);
	error.name = TOKEN_ERROR;
	return error;
}

interface FailedRequest {
	code?: string;
	httpCode?: string | null;
	response?: { status?: number };
	cause?: { code?: string; response?: { status?: number } };
}

const UNREACHABLE_CODES = [
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'ETIMEDOUT',
	'ECONNRESET',
	'EHOSTUNREACH',
];

/** Says why the OAuth2 token request failed, and what to change, without any secret. */
export function describeTokenFailure(url: string, error: unknown): string {
	const failed = (error ?? {}) as FailedRequest;
	const status =
		failed.response?.status ?? failed.cause?.response?.status ?? Number(failed.httpCode ?? NaN);
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
	if (code === 'ECONNABORTED' || /timeout/i.test(String((error as Error)?.message ?? ''))) {
		return `The Sinch token URL ${url} did not answer within ${TOKEN_TIMEOUT_MS / 1000} seconds. Check the Region (or the Token URL of a custom region) and the network or proxy of n8n.`;
	}
	if (code && UNREACHABLE_CODES.includes(code)) {
		return `Could not reach the Sinch token URL ${url}. Check the Region (or the Token URL of a custom region) and the network or proxy of n8n.`;
	}
	return `The access token request to ${url} failed. Check the Token URL and the network or proxy of n8n.`;
}
