import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { parseAppId } from '../SinchConversation/shared/appLocator';
import { callbackItem, parseCallback } from './helpers/callback';
import { passesFilters, type TriggerFilters } from './helpers/events';
import { processNonces } from './helpers/nonces';
import { DEFAULT_WINDOW_SECONDS, verifyCallback } from './helpers/signature';
import { storedWebhook } from './lifecycle';

interface TriggerOptions {
	timestampWindow?: number;
	verifySignature?: boolean;
	includeRawBody?: boolean;
}

type RawRequest = ReturnType<IWebhookFunctions['getRequestObject']> & {
	rawBody?: Buffer;
	readRawBody?: () => Promise<void>;
};

/** Answers 401 and starts nothing; the reason goes to n8n's log only (the caller learns nothing from it). */
function refuse(this: IWebhookFunctions, reason: string): IWebhookResponseData {
	this.logger.warn(`Sinch Conversation Trigger refused a callback: ${reason}`, {
		workflowId: this.getWorkflow().id,
		node: this.getNode().name,
	});
	this.getResponseObject().status(401).json({ message: 'Signature check failed' });
	return { noWebhookResponse: true };
}

/**
 * webhook(): verifies the callback on its raw bytes before anything else, then starts the workflow with one item,
 * unless the event was not chosen, belongs to another app or is held back by the Filters (answered 200 all the same,
 * so Sinch does not retry).
 */
export async function receiveCallback(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = this.getRequestObject() as RawRequest;
	if (!request.rawBody && typeof request.readRawBody === 'function') await request.readRawBody();
	const options = this.getNodeParameter('options', {}) as TriggerOptions;
	const rawBody = Buffer.isBuffer(request.rawBody) ? request.rawBody : undefined;

	if (options.verifySignature !== false) {
		if (!rawBody) return refuse.call(this, 'n8n passed no raw body to verify');
		const { secret } = storedWebhook(this);
		if (!secret)
			return refuse.call(this, 'no webhook secret is stored for this workflow: publish it again');
		const result = verifyCallback({
			headers: this.getHeaderData() as IDataObject as Record<string, string | undefined>,
			rawBody,
			secret,
			windowSeconds: options.timestampWindow ?? DEFAULT_WINDOW_SECONDS,
			nonces: processNonces,
			scope: `${this.getWorkflow().id ?? ''}/${this.getNode().id}`,
		});
		if (!result.valid) return refuse.call(this, result.reason);
	}

	const text = rawBody ? rawBody.toString('utf8') : JSON.stringify(this.getBodyData());
	const callback = parseCallback(text);
	if (!callback) return { webhookResponse: { ignored: 'not a JSON callback' } };
	const appId = parseAppId(
		this.getNode(),
		this.getNodeParameter('app', '', { extractValue: true }),
	);
	const events = this.getNodeParameter('events', []) as string[];
	if (
		String(callback.body.app_id ?? '').toUpperCase() !== appId ||
		!events.includes(callback.trigger)
	) {
		return { webhookResponse: { ignored: true } };
	}
	if (!passesFilters(callback, this.getNodeParameter('filters', {}) as TriggerFilters)) {
		return { webhookResponse: { ignored: 'filtered out' } };
	}
	return {
		workflowData: [[{ json: callbackItem(callback, options.includeRawBody ? text : undefined) }]],
	};
}
