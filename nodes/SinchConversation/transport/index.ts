import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
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

/** Every n8n context our requests are made from: node runs, list searches, and the trigger's webhook methods. */
export type SinchContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions;

/** What a successful answer must hold: an object with an `id`, a list under that key, or nothing (Delete). */
export type ExpectedAnswer = 'app' | 'apps' | 'webhook' | 'webhooks' | 'empty';

export interface SinchRequestOptions {
	body?: IDataObject;
	qs?: IDataObject;
	/** The input item the request is for, named in errors. */
	itemIndex?: number;
	/** A region (us, eu, br) to call instead of the credential's own, to look for apps across regions. */
	region?: string;
	expect?: ExpectedAnswer;
}

interface FailedCall {
	message?: string;
	httpCode?: string | null;
	code?: string;
	description?: string | null;
	context?: { data?: unknown };
	cause?: { response?: { status?: number; data?: unknown; headers?: Record<string, unknown> }; code?: string };
}

const CREATE_UNSURE =
	'Sinch may have created the app before the failure. A create is not idempotent: before running this item again, look for the display name with App → Get Many, or a second app may be made';

/** Errors where the request left n8n but no answer came back, so Sinch may have acted on it. */
const UNANSWERED_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT', 'EPIPE']);

function sentWithoutAnswer(failed: FailedCall): boolean {
	const code = failed.cause?.code ?? failed.code;
	if (code !== undefined) return UNANSWERED_CODES.has(code);
	return /socket hang up|closed unexpectedly|timed? ?out/i.test(String(failed.message ?? ''));
}

/**
 * The one request function of the node: builds the project URL from the credential, sends JSON through n8n's
 * authenticated helper (proxy, abort and token refresh apply), and turns any failure into a NodeApiError with
 * Sinch's message and a hint. No request is ever repeated here, so a create cannot make two apps.
 */
export async function sinchApiRequest(
	this: SinchContext,
	method: IHttpRequestMethods,
	path: string,
	request: SinchRequestOptions = {},
): Promise<IDataObject> {
	const { body, qs, itemIndex } = request;
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const options: IHttpRequestOptions = {
		method,
		url: `${apiBaseUrl(credentials, request.region)}/v1/projects/${encodeURIComponent(String(credentials.projectId))}${path}`,
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
		const createMayHaveHappened = method === 'POST' && (response ? (response.status ?? 0) >= 500 : sentWithoutAnswer(failed));
		if (!response) {
			// No answer from Sinch: n8n's message already says why (refused, timed out, token failure), but its advice
			// to retry at once is wrong for a create that may have gone through.
			const cause = redact(String(failed.message ?? 'The request to Sinch failed'), secrets);
			throw new NodeApiError(this.getNode(), { message: cause } as JsonObject, {
				message: createMayHaveHappened
					? // Without an error code in it: n8n would swap a message naming ECONNRESET for its own retry advice.
						'No answer from Sinch to the create: the connection closed or timed out, so the app may or may not exist now'
					: cause,
				description: createMayHaveHappened ? CREATE_UNSURE : undefined,
				itemIndex,
			});
		}
		const raw = parseSinchError(response.status, response.data ?? failed.context?.data);
		const parsed = {
			...raw,
			message: raw.message && redact(raw.message, secrets),
			details: raw.details && redact(raw.details, secrets),
		};
		const retryAfter = response.headers?.['retry-after'];
		throw new NodeApiError(this.getNode(), { ...parsed } as JsonObject, {
			message: describeSinchError(parsed, createMayHaveHappened ? 'The app may or may not have been created' : undefined),
			description:
				[
					parsed.details,
					retryAfter ? `Sinch asks to retry after ${String(retryAfter)} seconds` : undefined,
					createMayHaveHappened ? CREATE_UNSURE : undefined,
				]
					.filter(Boolean)
					.join('. ') || undefined,
			httpCode: String(response.status),
			itemIndex,
		});
	}
}
