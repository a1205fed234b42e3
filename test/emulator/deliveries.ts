/* eslint-disable @n8n/community-nodes/no-restricted-globals -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
import { callbackBody } from './callback-bodies';
import { signatureHeaders } from './signing';
import type { Delivery, DeliveryAttempt, DeliverRequest, JsonObject, Webhook } from './types';

const MAX_RETRIES = 5;
const MAX_RETRY_DELAY_MS = 5000;
const DEFAULT_RETRY_DELAY_MS = 50;
const DEFAULT_TIMEOUT_MS = 5000;
const RESPONSE_TEXT_LIMIT = 2000;

/** Problems with a deliver request, as a message; undefined when it can be carried out. */
export function deliverRequestProblem(
	request: DeliverRequest,
	knownTrigger: (trigger: string) => boolean,
): string | undefined {
	if (typeof request.appId !== 'string' || request.appId === '') return 'app_id is required';
	if (typeof request.trigger !== 'string' || !knownTrigger(request.trigger))
		return `unknown trigger ${String(request.trigger)}`;
	if (
		request.body !== undefined &&
		(request.body === null || typeof request.body !== 'object' || Array.isArray(request.body))
	) {
		return 'body must be an object';
	}
	return undefined;
}

/**
 * Sends one event to the app's webhooks that subscribe to it and have target type HTTP, as Sinch does: one POST of
 * the same JSON per webhook, signed with that webhook's secret when it has one, retried with doubling waits when the
 * receiver fails (a non-2xx answer or no answer). Webhooks are served in parallel; the result keeps their order.
 * `content`: the event's own object (a real message or report) instead of made-up values.
 */
export async function deliverToWebhooks(
	request: DeliverRequest,
	webhooks: readonly Webhook[],
	projectId: string,
	content?: JsonObject,
): Promise<Delivery[]> {
	const body = callbackBody(request.trigger, request.appId, projectId, request.body, content);
	const rawBody = JSON.stringify(body);
	const targets = webhooks.filter(
		(webhook) => webhook.target_type === 'HTTP' && webhook.triggers.includes(request.trigger),
	);
	return await Promise.all(targets.map((webhook) => deliverOne(webhook, request, rawBody)));
}

async function deliverOne(
	webhook: Webhook,
	request: DeliverRequest,
	rawBody: string,
): Promise<Delivery> {
	const forged = Boolean(request.forgeSignature) && webhook.secret !== '';
	const headers: Record<string, string> = {
		'content-type': 'application/json',
		...(webhook.secret === ''
			? {}
			: signatureHeaders(webhook.secret, rawBody, {
					nonce: request.nonce,
					timestamp: request.timestamp,
					forge: forged,
				})),
	};
	const retries = clamp(request.retries ?? 0, 0, MAX_RETRIES);
	let wait = clamp(request.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS, 0, MAX_RETRY_DELAY_MS);
	const attempts: DeliveryAttempt[] = [];
	for (let attempt = 0; attempt <= retries; attempt++) {
		if (attempt > 0) {
			await new Promise((resolve) => setTimeout(resolve, wait));
			wait = Math.min(wait * 2, MAX_RETRY_DELAY_MS);
		}
		const result = await post(
			webhook.target,
			headers,
			rawBody,
			request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		);
		attempts.push(result);
		if (isSuccess(result.status)) break;
	}
	const status = attempts[attempts.length - 1].status;
	return {
		webhookId: webhook.id,
		appId: webhook.app_id,
		target: webhook.target,
		trigger: request.trigger,
		rawBody,
		body: JSON.parse(rawBody) as Delivery['body'],
		headers,
		status,
		ok: isSuccess(status),
		attempts,
		forged,
	};
}

async function post(
	target: string,
	headers: Record<string, string>,
	rawBody: string,
	timeoutMs: number,
): Promise<DeliveryAttempt> {
	const startedAt = Date.now();
	try {
		const response = await fetch(target, {
			method: 'POST',
			headers,
			body: rawBody,
			signal: AbortSignal.timeout(timeoutMs),
		});
		const text = await response.text();
		return { status: response.status, responseBody: text.slice(0, RESPONSE_TEXT_LIMIT), startedAt };
	} catch (error) {
		const cause = (error as { cause?: { code?: string } }).cause?.code;
		return {
			status: null,
			error: [(error as Error).message, cause].filter(Boolean).join(': '),
			startedAt,
		};
	}
}

function isSuccess(status: number | null): boolean {
	return status !== null && status >= 200 && status < 300;
}

function clamp(value: number, min: number, max: number): number {
	return Number.isFinite(value) ? Math.min(Math.max(Math.trunc(value), min), max) : min;
}
