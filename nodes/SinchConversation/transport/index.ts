import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
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
import { DEFAULT_TIMEOUT_SECONDS, readRequestOptions } from '../shared/requestOptions';
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
import {
	credentialProblem,
	projectUrl,
	TOKEN_ERROR,
	TOKEN_ONLY_HEADER,
	type SinchApi,
} from './hosts';
import { retryWait, waitText } from './rateLimit';
import { sendThroughGate, wouldGoFirst } from './tokenGate';
import { noteRateLimit } from './wave';

export type { ExpectedAnswer } from '../helpers/sinchAnswer';
export { DEFAULT_TIMEOUT_SECONDS } from '../shared/requestOptions';
export type { SinchApi } from './hosts';

export const CREDENTIAL_TYPE = 'sinchConversationApi';

/** Every n8n context our requests are made from: node runs, list searches, and the trigger's webhook methods. */
export type SinchContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions;

/**
 * A request that makes something at Sinch (a create, a send): a repeat would make it twice, so it is never repeated
 * but after a 429, and a lost answer says it may have happened. Declared by the API module, read by the router too.
 */
export interface Making {
	/** What the operation does, in the imperative: "create", "send". */
	verb: string;
	/** The past participle: "created", "sent". */
	done: string;
	/** What may be true after a lost answer, after "may or may not": "exist now", "have been sent". */
	maybe: string;
	/** How to find out before running the item again. */
	recheck: string;
}

export interface SinchRequestOptions {
	body?: IDataObject;
	qs?: IDataObject;
	/** The input item the request is for, named in errors. */
	itemIndex?: number;
	/** A region (us, eu, br) to call instead of the credential's own, to look across regions. */
	region?: string;
	/**
	 * Which Sinch API the path belongs to (default the Conversation API): picks the host and the path's version.
	 * The Provisioning API is global, so `region` does not apply to it.
	 */
	api?: SinchApi;
	expect?: ExpectedAnswer;
	/** Seconds to wait for the answer; default: the item's Timeout option, else 30. */
	timeout?: number;
	/** What the path names, in the words error messages use. */
	noun?: string;
	/** The ID the path names: a 404 then means it was not found; without one, that the project or address is wrong. */
	id?: string;
	/** What to check after a 404 on `id`, when the usual hint (the ID, or the credential's Region) does not fit. */
	notFoundHint?: string;
	/** Added to the description of a 400: the likely cause the caller knows of, and its fix. */
	badRequestNote?: string;
	/** Set when the request makes something a repeat would make twice. */
	makes?: Making;
	/**
	 * Awaited right before each try goes out (the first, and each after a 429), after the run's token gate: e.g. to wait
	 * for a turn under a rate limit, so that neither the gate nor a retry sends outside it. What it gives back is called
	 * once the try's answer or failure has come back.
	 */
	beforeEachTry?: () => Promise<() => void>;
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

/** The Timeout option of the item, read only in a node run (list searches and the trigger use the default). */
function timeoutSeconds(ctx: SinchContext, request: SinchRequestOptions): number {
	if (request.timeout !== undefined) return request.timeout;
	if (!('getInputData' in ctx) || request.itemIndex === undefined) return DEFAULT_TIMEOUT_SECONDS;
	return readRequestOptions.call(ctx, request.itemIndex).timeout;
}

interface CheckedCredentials {
	credentials: ICredentialDataDecryptedObject;
	problem?: string;
	/** Handed to n8n with every request, so it does not read and decrypt the credential again for each one. */
	decrypted?: ICredentialsDecrypted;
}

const runCredentials = new WeakMap<object, Promise<CheckedCredentials>>();

/**
 * The credential as read and checked once per node run (n8n decrypts it on every read). Every request of the run
 * sends with this one object: n8n writes a token it fetches into it, so the run's other requests use that token.
 */
async function credentialsOf(ctx: SinchContext): Promise<CheckedCredentials> {
	let known = runCredentials.get(ctx);
	if (!known) {
		known = ctx.getCredentials(CREDENTIAL_TYPE).then((credentials) => {
			const stored = ctx.getNode().credentials?.[CREDENTIAL_TYPE];
			return {
				credentials,
				problem: credentialProblem(credentials),
				// Without the stored credential's ID, n8n could not save a fetched token: it then reads the credential itself.
				decrypted: stored?.id
					? { id: stored.id, name: stored.name, type: CREDENTIAL_TYPE, data: credentials }
					: undefined,
			};
		});
		runCredentials.set(ctx, known);
		// A failed read is not kept: the next request asks n8n again.
		known.catch(() => runCredentials.delete(ctx));
	}
	return await known;
}

/** What the run started while its items are being checked: see startEarly. */
export interface EarlyStart {
	/** Resolves once the run knows what it sent early, if anything: its other requests go after this. */
	started: Promise<void>;
	/** Resolves when that request has its answer (at once when nothing was sent); never rejects. */
	settled: Promise<void>;
	/** The run stopped before it sent anything: what has not left yet stays unsent. */
	cancel(): void;
}

/**
 * Sends what may go while a run's items are still being checked: nothing that makes or changes anything at Sinch.
 * Only when the run's key is not known to work yet (see tokenGate): with OAuth2 the token request (n8n stores the
 * token as it always does; no API request goes with it), with Basic the read `readPath` under the project, when the
 * operation names one. That request is the run's first, so once every item is checked the run's requests go at once
 * instead of one ahead of the others. A failure is not reported here: the run's requests meet it (a refused key stops
 * them unsent, in each item's words).
 */
export function startEarly(ctx: IExecuteFunctions, readPath?: string): EarlyStart {
	let cancelled = false;
	const decided = credentialsOf(ctx).then(({ credentials, problem, decrypted }) => {
		// Without the stored credential's ID, n8n would fetch the token into an object the run does not hold.
		if (cancelled || problem || !decrypted || !wouldGoFirst(ctx, credentials)) return {};
		const oAuth2 = credentials.authentication !== 'basic';
		if (!oAuth2 && readPath === undefined) return {};
		const options: IHttpRequestOptions = {
			method: 'GET',
			url: `${projectUrl(credentials)}${readPath ?? ''}`,
			headers: { Accept: 'application/json' },
			json: false,
			encoding: 'text',
			returnFullResponse: true,
			timeout: DEFAULT_TIMEOUT_SECONDS * 1000,
		};
		if (oAuth2) {
			options.headers![TOKEN_ONLY_HEADER] = '1';
			// A stored token the run cannot trust (expiry unknown or near, or fetched for another key) is set aside in the
			// run's copy, so n8n fetches a fresh one now rather than after a 401.
			credentials.accessToken = '';
		}
		// With OAuth2 this always fails, with the credential's TOKEN_ONLY error once the token is in, or with the token
		// request's error: the gate stops the run's other requests only on the latter (see `refused`).
		const send = async () =>
			await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, options, {
				preAuthenticationRetryStatusCode: oAuth2 ? 401 : [],
				credentialsDecrypted: decrypted,
			});
		// Claims the run's first place now, in the same turn as the check above.
		return { flight: sendThroughGate(ctx, credentials, send, refused) };
	});
	const nothing = () => undefined;
	return {
		started: decided.then(nothing, nothing),
		settled: decided.then(async ({ flight }) => await flight).then(nothing, nothing),
		cancel: () => (cancelled = true),
	};
}

const header = (headers: Record<string, unknown> | undefined, name: string) => {
	const value = headers?.[name];
	return value === undefined || value === null ? '' : String(value);
};

/**
 * The one request function of the node: checks the credential, builds the project URL, sends JSON through n8n's
 * authenticated helper (proxy, abort and token refresh apply) sharing one token among concurrent requests, retries
 * 429s (Sinch did nothing), checks that a success looks like one, and turns any failure into an n8n error with a
 * hint. Nothing else is repeated, so nothing is made twice.
 */
export async function sinchApiRequest(
	this: SinchContext,
	method: IHttpRequestMethods,
	path: string,
	request: SinchRequestOptions = {},
): Promise<IDataObject> {
	const { body, qs, itemIndex } = request;
	const { credentials, problem, decrypted } = await credentialsOf(this);
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
		url: `${projectUrl(credentials, request.api, request.region)}${path}`,
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
	const context = { ...request, method, secrets, seconds };
	const basic = credentials.authentication === 'basic';
	const send = async () => {
		const tried = await request.beforeEachTry?.();
		try {
			return (await this.helpers.httpRequestWithAuthentication.call(
				this,
				CREDENTIAL_TYPE,
				{ ...options },
				{
					// With Basic auth a 401 means the key is wrong: fetching a "new token" and repeating the call cannot help.
					preAuthenticationRetryStatusCode: basic ? [] : 401,
					credentialsDecrypted: decrypted,
				},
			)) as FullResponse;
		} finally {
			tried?.();
		}
	};

	const started = Date.now();
	for (let attempt = 1; ; attempt++) {
		const outcome = await sendThroughGate(this, credentials, send, refused);
		if (!outcome.ok) {
			const failed = (outcome.error ?? {}) as FailedCall;
			if (statusOf(failed) === 429) {
				noteRateLimit(this);
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
			secrets,
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

interface FailureContext extends SinchRequestOptions {
	method: IHttpRequestMethods;
	secrets: Set<string> | string[];
	seconds: number;
}

const joinDescription = (parts: Array<string | undefined>) =>
	capText(parts.filter(Boolean).join('. '), DESCRIPTION_MAX) || undefined;

const nounOf = (context: FailureContext) => context.noun ?? 'request';
const mayHaveHappened = (context: FailureContext, making: Making) =>
	`The ${nounOf(context)} may or may not have been ${making.done}`;
/** What to know before running a making request again. */
const unsure = (context: FailureContext, making: Making) =>
	`Sinch may have ${making.done} the ${nounOf(context)} before the failure. A ${making.verb} is not idempotent: before running this item again, ${making.recheck}, or a second ${nounOf(context)} may be made`;

function unexpectedAnswer(
	this: SinchContext,
	problem: string,
	cutOff: boolean,
	context: FailureContext,
): NodeApiError {
	const making = context.makes;
	const message = redact(problem, context.secrets);
	return new NodeApiError(this.getNode(), { message } as JsonObject, {
		message: capText(
			making ? `${message}. ${mayHaveHappened(context, making)}` : message,
			MESSAGE_MAX + 200,
		),
		description: joinDescription([
			cutOff
				? 'The connection broke off before the whole answer arrived'
				: 'This does not look like an answer of the Sinch API; something between n8n and Sinch (a proxy, a gateway, a wrong address) may have answered',
			CHECK_ADDRESS,
			making ? unsure(context, making) : undefined,
		]),
		itemIndex: context.itemIndex,
	});
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Sinch's answer or the lack of one, as an n8n error that says what happened and what to do. */
function failure(
	this: SinchContext,
	failed: FailedCall,
	context: FailureContext,
	rateLimited?: RateLimited,
): NodeApiError {
	const response = failed.cause?.response;
	const making = context.makes;
	const what = nounOf(context);
	// A success status with a failure: the answer started, then the connection broke off mid-body.
	if (!response || (response.status ?? 0) < 300) {
		const lost = response !== undefined || sentWithoutAnswer(failed);
		const cause = capText(
			redact(String(failed.message ?? 'The request to Sinch failed'), context.secrets),
			MESSAGE_MAX,
		);
		let message = cause;
		// Without an error code in these: n8n would swap a message naming ECONNRESET for its own retry advice.
		if (timedOut(failed)) {
			message = `No answer from Sinch within ${waitText(context.seconds * 1000)} (the node's Timeout option)`;
			message += making ? `, so the ${what} may or may not ${making.maybe}` : '';
		} else if (making && lost) {
			message = `No answer from Sinch to the ${making.verb}: the connection closed or timed out, so the ${what} may or may not ${making.maybe}`;
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
				message !== cause && !making ? `n8n reported: ${cause}` : undefined,
				timedOut(failed) && !making
					? `${CHECK_ADDRESS}, or raise Timeout (Seconds) in the node's Options`
					: undefined,
				making && (lost || timedOut(failed)) ? unsure(context, making) : undefined,
			]),
			itemIndex: context.itemIndex,
		});
	}
	const status = response.status ?? 0;
	const makingMayHaveHappened = making !== undefined && status >= 500;
	// Masked before cut (in the parse too): a secret cut in half would no longer be found.
	const raw = parseSinchError(status, response.data ?? failed.context?.data, context.secrets);
	const parsed = { ...raw, details: raw.details && capText(raw.details, DESCRIPTION_MAX) };
	const retryAfter = header(response.headers, 'retry-after');
	if (status === 404 && context.id !== undefined) return notFound.call(this, context, parsed);
	// A 404 on a path that names no ID (a create, a list): the address or the project is wrong.
	const hint = makingMayHaveHappened
		? mayHaveHappened(context, making)
		: status === 404
			? PROJECT_NOT_FOUND_HINT
			: rateLimited
				? rateLimitHint(rateLimited)
				: undefined;
	return new NodeApiError(this.getNode(), { ...parsed } as JsonObject, {
		message: describeSinchError(parsed, hint),
		description: joinDescription([
			parsed.details,
			status === 400 ? context.badRequestNote : undefined,
			rateLimited
				? rateLimitNote(rateLimited)
				: retryAfter
					? `Sinch asks to retry after ${retryAfter} seconds`
					: undefined,
			makingMayHaveHappened ? unsure(context, making) : undefined,
		]),
		httpCode: String(status),
		itemIndex: context.itemIndex,
	});
}

/** Said once, short: which thing, then the one hint that fixes it most often; Sinch's own words go to the details. */
function notFound(
	this: SinchContext,
	context: FailureContext,
	parsed: { message?: string; details?: string },
): NodeApiError {
	const answered = [parsed.message, parsed.details].filter(Boolean).join(': ');
	return new NodeApiError(this.getNode(), { ...parsed } as JsonObject, {
		message: `${capitalized(nounOf(context))} ${context.id} was not found (404)`,
		description: [
			context.notFoundHint ??
				`Check the ${nounOf(context)} ID, or set the credential's Region to the one the ${nounOf(context)} was created in.`,
			answered ? `Sinch answered: ${answered}` : undefined,
		]
			.filter(Boolean)
			.join(' '),
		httpCode: '404',
		itemIndex: context.itemIndex,
	});
}
