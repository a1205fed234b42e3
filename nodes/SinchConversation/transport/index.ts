import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { describeSinchError, parseSinchError, redact } from '../helpers/sinchErrors';
import { collectSecrets } from '../helpers/secrets';
import { apiBaseUrl } from './hosts';

export const CREDENTIAL_TYPE = 'sinchConversationApi';

interface FailedCall {
	message?: string;
	httpCode?: string | null;
	description?: string | null;
	context?: { data?: unknown };
	cause?: { response?: { status?: number; data?: unknown; headers?: Record<string, unknown> }; code?: string };
}

/**
 * The one request function of the node: builds the project URL from the credential, sends JSON through n8n's
 * authenticated helper (proxy, abort and token refresh apply), and turns any failure into a NodeApiError with
 * Sinch's message and a hint. No request is ever repeated here, so a create cannot make two apps.
 */
export async function sinchApiRequest(
	this: IExecuteFunctions | ILoadOptionsFunctions,
	method: IHttpRequestMethods,
	path: string,
	body?: IDataObject,
	qs?: IDataObject,
	itemIndex?: number,
): Promise<IDataObject> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const options: IHttpRequestOptions = {
		method,
		url: `${apiBaseUrl(credentials)}/v1/projects/${encodeURIComponent(String(credentials.projectId))}${path}`,
		json: true,
		headers: { Accept: 'application/json' },
	};
	if (body !== undefined) options.body = body;
	if (qs !== undefined) options.qs = qs;
	try {
		const response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, options, {
			// With Basic auth a 401 means the key is wrong: fetching a "new token" and repeating the call cannot help.
			preAuthenticationRetryStatusCode: credentials.authentication === 'basic' ? [] : 401,
		})) as IDataObject | string | undefined;
		return response && typeof response === 'object' ? response : {};
	} catch (error) {
		const failed = (error ?? {}) as FailedCall;
		const response = failed.cause?.response;
		const secrets = collectSecrets(credentials, body);
		if (!response) {
			// No answer from Sinch: n8n's message already says why (refused, timed out, token failure).
			throw new NodeApiError(
				this.getNode(),
				{ message: redact(String(failed.message ?? 'The request failed'), secrets) } as JsonObject,
				{ message: redact(String(failed.message ?? 'The request to Sinch failed'), secrets), itemIndex },
			);
		}
		const raw = parseSinchError(response.status, response.data ?? failed.context?.data);
		const parsed = {
			...raw,
			message: raw.message && redact(raw.message, secrets),
			details: raw.details && redact(raw.details, secrets),
		};
		const retryAfter = response.headers?.['retry-after'];
		throw new NodeApiError(this.getNode(), { ...parsed } as JsonObject, {
			message: describeSinchError(parsed),
			description:
				[parsed.details, retryAfter ? `Sinch asks to retry after ${String(retryAfter)} seconds` : undefined]
					.filter(Boolean)
					.join('. ') || undefined,
			httpCode: String(response.status),
			itemIndex,
		});
	}
}
