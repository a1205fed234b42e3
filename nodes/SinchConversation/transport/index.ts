import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { checkAnswer, type ExpectedAnswer } from '../helpers/sinchAnswer';
import {
	capText,
	describeSinchError,
	DESCRIPTION_MAX,
	MESSAGE_MAX,
	parseSinchError,
	PROJECT_NOT_FOUND_HINT,
	redact,
} from '../helpers/sinchErrors';
import { collectSecrets } from '../helpers/secrets';
import { apiBaseUrl, credentialProblem, credentialText, TOKEN_ERROR } from './hosts';
import { retryWait, waitText } from './rateLimit';
import { sendSharingToken, settle } from './tokenGate';

export type { ExpectedAnswer } from '../helpers/sinchAnswer';

export const CREDENTIAL_TYPE = 'sinchConversationApi';

/** Seconds to wait for an answer when the node's Timeout option is not set. */
export const DEFAULT_TIMEOUT_SECONDS = 30;

/** Every n8n context our requests are made from: node runs, list searches, and the trigger's webhook methods. */
export type SinchContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions;

export interface SinchRequestOptions {
	body?: IDataObject;
	qs?: IDataObject;
	/** The input item the request is for, named in errors. */
	itemIndex?: number;
	/** A region (us, eu, br) to call instead of the credential's own, to look for apps across regions. */
	region?: string;
	expect?: ExpectedAnswer;
	/** Seconds to wait for the answer; default: the node's Timeout option, else 30. */
	timeout?: number;
}

interface FullResponse {
	body?: unknown;
	headers?: Record<string, unknown>;
	statusCode?: number;
}

interface FailedCall {
	message?: string;
	code?: string;
	context?: { data?: unknown };
	cause?: {
		response?: { status?: number; data?: unknown; headers?: Record<string, unknown> };
		code?: string;
		message?: string;
		name?: string;
	};
}

const CREATE_UNSURE = {
	app: 'Sinch may have created the app before the failure. A create is not idempotent: before running this item again, look for the display name with App → Get Many, or a second app may be made',
	webhook:
		'Sinch may have created the webhook before the failure. A create is not idempotent: before running this item again, look for its target URL with Webhook → Get Many, or a second webhook may be made',
};

const CHECK_ADDRESS =
	'Check the Region (or the Base URL of a custom region) and any proxy between n8n and Sinch';

/** Errors where the request left n8n but no answer came back, so Sinch may have acted on it. */
const UNANSWERED_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'ERR_BAD_RESPONSE',
]);

const codeOf = (failed: FailedCall) => failed.cause?.code ?? failed.code;
const statusOf = (error: unknown) => (error as FailedCall | undefined)?.cause?.response?.status;
/** The key was refused: Sinch's 401, or the token request failed. Every request of the run would meet the same. */
const refused = (error: unknown) =>
	statusOf(error) === 401 || (error as FailedCall | undefined)?.cause?.name === TOKEN_ERROR;

function timedOut(failed: FailedCall): boolean {
	return (
		codeOf(failed) === 'ECONNABORTED' ||
		/timeout of \d+ms|timed? ?out/i.test(`${failed.message} ${failed.cause?.message}`)
	);
}

function sentWithoutAnswer(failed: FailedCall): boolean {
	const code = codeOf(failed);
	if (code !== undefined && UNANSWERED_CODES.has(code)) return true;
	return /socket hang up|closed unexpectedly|aborted|timed? ?out|timeout of/i.test(
		`${failed.message} ${failed.cause?.message}`,
	);
}

/** The Timeout option of the operation, read only in a node run (list searches and the trigger use the default). */
function timeoutSeconds(ctx: SinchContext, request: SinchRequestOptions): number {
	if (request.timeout !== undefined) return request.timeout;
	if (!('getInputData' in ctx) || request.itemIndex === undefined) return DEFAULT_TIMEOUT_SECONDS;
	const value = ctx.getNodeParameter(
		'options.timeout',
		request.itemIndex,
		DEFAULT_TIMEOUT_SECONDS,
	) as number;
	return typeof value === 'number' && value > 0 ? value : DEFAULT_TIMEOUT_SECONDS;
}

const header = (headers: Record<string, unknown> | undefined, name: string) => {
	const value = headers?.[name];
	return value === undefined || value === null ? '' : String(value);
};

/**
 * The one request function of the node: checks the credential, builds the project URL, sends JSON through n8n's
 * authenticated helper (proxy, abort and token refresh apply) sharing one token among concurrent requests, retries
 * 429s (Sinch did nothing), checks that a success looks like one, and turns any failure into an n8n error with a
 * hint. Nothing else is repeated, so a create cannot make two apps.
 */
export async function sinchApiRequest(
	this: SinchContext,
	method: IHttpRequestMethods,
	path: string,
	request: SinchRequestOptions = {},
): Promise<IDataObject> {
	const { body, qs, itemIndex } = request;
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const problem = credentialProblem(credentials);
	if (problem) {
		throw new NodeOperationError(this.getNode(), problem, {
			itemIndex,
			description:
				'Open the Sinch credential, correct the field and save. Nothing was sent to Sinch.',
		});
	}
	const seconds = timeoutSeconds(this, request);
	const options: IHttpRequestOptions = {
		method,
		url: `${apiBaseUrl(credentials, request.region)}/v1/projects/${encodeURIComponent(credentialText(credentials, 'projectId'))}${path}`,
		headers: { Accept: 'application/json' },
		// Read as text and parsed here, so a proxy's HTML page or a cut-off body is seen for what it is.
		json: false,
		encoding: 'text',
		returnFullResponse: true,
		timeout: seconds * 1000,
	};
	if (body !== undefined) options.body = body;
	if (qs !== undefined) options.qs = qs;
	const secrets = collectSecrets(credentials, body);
	const context = { method, path, itemIndex, secrets, seconds, expect: request.expect };
	const basic = credentials.authentication === 'basic';
	const send = async () =>
		(await this.helpers.httpRequestWithAuthentication.call(
			this,
			CREDENTIAL_TYPE,
			{ ...options },
			{
				// With Basic auth a 401 means the key is wrong: fetching a "new token" and repeating the call cannot help.
				preAuthenticationRetryStatusCode: basic ? [] : 401,
			},
		)) as FullResponse;

	const started = Date.now();
	for (let attempt = 1; ; attempt++) {
		const outcome = basic ? await settle(send()) : await sendSharingToken(this, send, refused);
		if (!outcome.ok) {
			const failed = (outcome.error ?? {}) as FailedCall;
			if (statusOf(failed) === 429) {
				const wait = retryWait(attempt, header(failed.cause?.response?.headers, 'retry-after'));
				if (wait.retry) {
					await sleep(
						wait.ms,
						'getExecutionCancelSignal' in this ? this.getExecutionCancelSignal() : undefined,
					);
					continue;
				}
				throw failure.call(this, failed, context, {
					attempt,
					waitMs: wait.ms,
					spentMs: Date.now() - started,
					asked: wait.asked,
				});
			}
			throw failure.call(this, failed, context);
		}
		const response = outcome.value;
		const status = response.statusCode ?? 200;
		const text =
			typeof response.body === 'string'
				? response.body
				: response.body === undefined
					? ''
					: JSON.stringify(response.body);
		const checked = checkAnswer(
			request.expect,
			status,
			header(response.headers, 'content-type'),
			text,
		);
		if (checked.ok) return checked.value;
		throw unexpectedAnswer.call(this, checked.problem, checked.cutOff, context);
	}
}

interface RateLimited {
	attempt: number;
	waitMs: number;
	spentMs: number;
	/** Whether the wait is Sinch's Retry-After (else the node's own backoff). */
	asked: boolean;
}

function rateLimitHint({ attempt, waitMs, asked }: RateLimited): string {
	const wait = asked
		? `Sinch asks to wait ${waitText(waitMs)} more`
		: `wait at least ${waitText(waitMs)}`;
	return `Sinch is rate limiting the project; the node tried ${attempt === 1 ? 'once' : `${attempt} times`}: ${wait}, then run the item again, or lower Max Concurrent Requests in the node's Options`;
}

function rateLimitNote({ attempt, spentMs }: RateLimited): string {
	const tries =
		attempt === 1 ? 'once' : `${attempt} times in ${Math.round(spentMs / 1000)} seconds`;
	return `Sinch refused the request with 429 (rate limited) ${tries}, and did nothing with it. The node stopped retrying`;
}

interface FailureContext {
	method: IHttpRequestMethods;
	path: string;
	itemIndex?: number;
	secrets: Set<string> | string[];
	seconds: number;
	expect?: ExpectedAnswer;
}

const joinDescription = (parts: Array<string | undefined>) =>
	capText(parts.filter(Boolean).join('. '), DESCRIPTION_MAX) || undefined;

function unexpectedAnswer(
	this: SinchContext,
	problem: string,
	cutOff: boolean,
	context: FailureContext,
): NodeApiError {
	const creating = context.method === 'POST';
	const message = redact(problem, context.secrets);
	return new NodeApiError(this.getNode(), { message } as JsonObject, {
		message: capText(
			creating
				? `${message}. The ${resourceWord(context)} may or may not have been created`
				: message,
			MESSAGE_MAX + 200,
		),
		description: joinDescription([
			cutOff
				? 'The connection broke off before the whole answer arrived'
				: 'This does not look like an answer of the Sinch API; something between n8n and Sinch (a proxy, a gateway, a wrong address) may have answered',
			CHECK_ADDRESS,
			creating ? CREATE_UNSURE[resourceWord(context)] : undefined,
		]),
		itemIndex: context.itemIndex,
	});
}

const resourceWord = (context: FailureContext) =>
	context.path.includes('/webhooks') ? ('webhook' as const) : ('app' as const);

/** Sinch's answer or the lack of one, as an n8n error that says what happened and what to do. */
function failure(
	this: SinchContext,
	failed: FailedCall,
	context: FailureContext,
	rateLimited?: RateLimited,
): NodeApiError {
	const response = failed.cause?.response;
	const creating = context.method === 'POST';
	const what = resourceWord(context);
	// A success status with a failure: the answer started, then the connection broke off mid-body.
	if (!response || (response.status ?? 0) < 300) {
		const lost = response !== undefined || sentWithoutAnswer(failed);
		const cause = redact(
			capText(String(failed.message ?? 'The request to Sinch failed'), MESSAGE_MAX),
			context.secrets,
		);
		let message = cause;
		// Without an error code in these: n8n would swap a message naming ECONNRESET for its own retry advice.
		if (timedOut(failed)) {
			message = `No answer from Sinch within ${waitText(context.seconds * 1000)} (the node's Timeout option)`;
			message += creating ? `, so the ${what} may or may not exist now` : '';
		} else if (creating && lost) {
			message = `No answer from Sinch to the create: the connection closed or timed out, so the ${what} may or may not exist now`;
		} else if (lost) {
			message = `No complete answer from Sinch: the connection closed before the answer was complete. ${
				context.method === 'GET'
					? 'A read changes nothing; run it again'
					: `The change may or may not have been made; check the ${what} with Get`
			}`;
		}
		return new NodeApiError(this.getNode(), { message: cause } as JsonObject, {
			message,
			description: joinDescription([
				// n8n's own text says to retry at once, which is wrong for a create that may have gone through.
				message !== cause && !creating ? `n8n reported: ${cause}` : undefined,
				timedOut(failed) && !creating
					? `${CHECK_ADDRESS}, or raise Timeout (Seconds) in the node's Options`
					: undefined,
				creating && (lost || timedOut(failed)) ? CREATE_UNSURE[what] : undefined,
			]),
			itemIndex: context.itemIndex,
		});
	}
	const status = response.status ?? 0;
	const createMayHaveHappened = creating && status >= 500;
	const raw = parseSinchError(status, response.data ?? failed.context?.data);
	const parsed = {
		...raw,
		message: raw.message && redact(raw.message, context.secrets),
		details: raw.details && redact(capText(raw.details, DESCRIPTION_MAX), context.secrets),
	};
	const retryAfter = header(response.headers, 'retry-after');
	// A 404 on the project's own paths (Create, Get Many) involves no ID: the address or the project is wrong.
	const projectPath = status === 404 && !/^\/(apps|webhooks)\/[^/]+$/.test(context.path);
	const hint = createMayHaveHappened
		? `The ${what} may or may not have been created`
		: projectPath
			? PROJECT_NOT_FOUND_HINT
			: rateLimited
				? rateLimitHint(rateLimited)
				: undefined;
	return new NodeApiError(this.getNode(), { ...parsed } as JsonObject, {
		message: describeSinchError(parsed, hint),
		description: joinDescription([
			parsed.details,
			rateLimited
				? rateLimitNote(rateLimited)
				: retryAfter
					? `Sinch asks to retry after ${retryAfter} seconds`
					: undefined,
			createMayHaveHappened ? CREATE_UNSURE[what] : undefined,
		]),
		httpCode: String(status),
		itemIndex: context.itemIndex,
	});
}
