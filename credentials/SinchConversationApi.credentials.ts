import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { shareTokenRequests } from '../nodes/SinchConversation/helpers/sharedTokenRequest';
import {
	apiBaseUrl,
	credentialProblem,
	credentialText,
	describeTokenFailure,
	TOKEN_TIMEOUT_MS,
	tokenKeyFingerprint,
	tokenError,
	TOKEN_ONLY,
	TOKEN_ONLY_HEADER,
	tokenExpiry,
	tokenUrl,
} from '../nodes/SinchConversation/transport/hosts';
import { retryWait } from '../nodes/SinchConversation/transport/rateLimit';

const keyPair = (credentials: ICredentialDataDecryptedObject) => ({
	username: credentialText(credentials, 'keyId'),
	password: credentialText(credentials, 'keySecret'),
});

export class SinchConversationApi implements ICredentialType {
	name = 'sinchConversationApi';

	displayName = 'Sinch Conversation API';

	icon: Icon = { light: 'file:sinch.svg', dark: 'file:sinch.dark.svg' };

	documentationUrl = 'https://developers.sinch.com/docs/conversation/api-reference/';

	properties: INodeProperties[] = [
		{
			displayName: 'Project ID',
			name: 'projectId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 8f2b6c1e-4d3a-4b7e-9c5f-1a2b3c4d5e6f',
			description:
				'The Sinch project that owns the apps. Shown on the project page of the Sinch dashboard.',
		},
		{
			displayName: 'Key ID',
			name: 'keyId',
			type: 'string',
			default: '',
			required: true,
			description: 'ID of an access key of this project (Sinch dashboard, Settings, Access Keys)',
		},
		{
			displayName: 'Key Secret',
			name: 'keySecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Secret of that access key. Sinch shows it only once, when the key is created.',
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			default: 'us',
			description:
				'Region of the Conversation API host. An app lives in the region that created it; another region answers 404 for it.',
			options: [
				{ name: 'United States', value: 'us' },
				{ name: 'Europe', value: 'eu' },
				{ name: 'Brazil', value: 'br' },
				{
					name: 'Custom',
					value: 'custom',
					description: 'A proxy, a future region, or the local emulator',
				},
			],
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. http://127.0.0.1:8787',
			description:
				'Conversation API base URL, without /v1. Put {region} where the region name goes (e.g. http://127.0.0.1:8787/{region} for the emulator started with regions) to let the node reach all three regions: Get Many with All Regions, and the region hint when an app is not found.',
			displayOptions: { show: { region: ['custom'] } },
		},
		{
			displayName: 'Region of Custom URL',
			name: 'customRegion',
			type: 'options',
			default: 'us',
			description:
				"Which Sinch region this custom Base URL serves; fills {region} in the Base URL for the credential's own requests",
			options: [
				{ name: 'United States', value: 'us' },
				{ name: 'Europe', value: 'eu' },
				{ name: 'Brazil', value: 'br' },
			],
			displayOptions: { show: { region: ['custom'] } },
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			default: 'oAuth2',
			options: [
				{
					name: 'OAuth2 (Recommended)',
					value: 'oAuth2',
					description: 'Exchanges the key for a short-lived access token, reused until it expires',
				},
				{
					name: 'Basic',
					value: 'basic',
					description:
						'Sends the key with every request. Sinch rate-limits this heavily; meant for testing.',
				},
			],
		},
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://auth.sinch.com/oauth2/token',
			description:
				"Where OAuth2 access tokens are requested. Empty: Sinch's token service (https://auth.sinch.com/oauth2/token), or, for a Base URL on this machine (127.0.0.1, localhost), the same host's /oauth2/token, so a local emulator's key never goes to Sinch.",
			displayOptions: { show: { region: ['custom'], authentication: ['oAuth2'] } },
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Access Token Key',
			name: 'accessTokenKey',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
		{
			displayName: 'Access Token Expires',
			name: 'accessTokenExpires',
			type: 'hidden',
			// Not a secret, but the lint takes any "token" field for one; masking it costs nothing.
			typeOptions: { password: true },
			default: '',
		},
	];

	// n8n calls this when accessToken is empty (always with Basic, and on every Test) and once after a 401; it stores
	// the result. A slip in the credential is reported here too, so the Test button names it and nothing is sent.
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const problem = credentialProblem(credentials);
		if (problem) throw tokenError(problem);
		if (credentials.authentication === 'basic') return {};
		const url = tokenUrl(credentials);
		let response: { access_token?: unknown; expires_in?: unknown } | undefined;
		for (let attempt = 1; response === undefined; attempt++) {
			try {
				response = (await this.helpers.httpRequest({
					method: 'POST',
					url,
					auth: keyPair(credentials),
					headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
					body: 'grant_type=client_credentials',
					json: true,
					timeout: TOKEN_TIMEOUT_MS,
				})) as { access_token?: unknown; expires_in?: unknown };
			} catch (error) {
				// Sinch's auth gateway answers 429 when its token bucket is empty: it refills in a second or so.
				type Answer = { status?: number; headers?: Record<string, unknown> };
				const failed = error as { response?: Answer; cause?: { response?: Answer } };
				const answer = failed.response ?? failed.cause?.response;
				const wait = retryWait(attempt, String(answer?.headers?.['retry-after'] ?? ''));
				if (answer?.status === 429 && wait.retry) {
					await sleep(wait.ms);
					continue;
				}
				// A plain Error keeps the key secret (present in the failed request's headers) out of what n8n shows and stores.
				throw tokenError(describeTokenFailure(url, error));
			}
		}
		if (typeof response?.access_token !== 'string' || response.access_token === '') {
			throw tokenError(
				`The Sinch token URL ${url} answered without an access token. Check the Token URL.`,
			);
		}
		return {
			accessToken: response.access_token,
			accessTokenKey: tokenKeyFingerprint(credentials),
			accessTokenExpires: tokenExpiry(response.expires_in),
		};
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		if (requestOptions.headers?.[TOKEN_ONLY_HEADER] !== undefined) {
			const done = new Error('Token fetched; the marked request is not sent');
			done.name = TOKEN_ONLY;
			throw done;
		}
		if (credentials.authentication === 'basic') {
			return { ...requestOptions, auth: keyPair(credentials) };
		}
		// A token from before the key or secret was edited would still work for up to an hour, and the Test button
		// would pass a wrong secret. Sent without it, the request gets Sinch's 401, on which n8n fetches a new token.
		if (credentials.accessTokenKey !== tokenKeyFingerprint(credentials)) return requestOptions;
		return {
			...requestOptions,
			headers: {
				...requestOptions.headers,
				Authorization: `Bearer ${String(credentials.accessToken)}`,
			},
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{${apiBaseUrl.expression}}}`,
			url: '=/v1/projects/{{encodeURIComponent(String($credentials.projectId).trim())}}/apps',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Sinch did not accept the Key ID and Key Secret (401). Copy both again from Access Keys in the Sinch dashboard.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'This key may not use this project (403), or the project is blocked by billing. Use a key created in this project.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'Sinch does not know this project here (404). Check the Project ID and the Region (or the Base URL).',
				},
			},
		],
	};
}

// Executions running side by side in one n8n process (a queue-mode worker) share one token request after an expiry.
SinchConversationApi.prototype.preAuthentication = shareTokenRequests(
	SinchConversationApi.prototype.preAuthentication,
);
