import type { IDataObject } from 'n8n-workflow';

import { ANY_OBJECT, listUnder, objectWith } from '../../helpers/sinchAnswer';
import { inTurn } from '../../shared/runLocks';
import { sinchApiRequest, type Making, type SinchContext } from '../../transport';

/**
 * The webhook endpoints, shared by the Webhook resource and the trigger node. Webhooks are listed per app but
 * created, read, changed and deleted under the project. A 404 names the app or the webhook.
 */
const NOUN = 'webhook';
const A_WEBHOOK = objectWith('a webhook');

/** Creating a webhook: a repeat makes a second one (or is refused for the same target). */
export const CREATING_WEBHOOK: Making = {
	verb: 'create',
	done: 'created',
	maybe: 'exist now',
	recheck: 'look for its target URL with Webhook → Get Many',
};

/**
 * Runs `task` (a look at the app's webhooks and the change that depends on it) with no other such task on the same
 * app in between, so Sinch's one-webhook-per-target and five-per-app rules are checked against what is really there.
 */
export async function inTurnForApp<T>(appId: string, task: () => Promise<T>): Promise<T> {
	return await inTurn(`webhooks of app ${appId}`, task);
}

export async function listWebhooks(
	this: SinchContext,
	appId: string,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const answer = await sinchApiRequest.call(this, 'GET', `/apps/${appId}/webhooks`, {
		itemIndex,
		noun: 'app',
		id: appId,
		expect: listUnder('webhooks', 'a list of webhooks'),
	});
	return Array.isArray(answer.webhooks) ? (answer.webhooks as IDataObject[]) : [];
}

const webhookPath = (webhookId: string) => `/webhooks/${encodeURIComponent(webhookId)}`;

export async function getWebhook(
	this: SinchContext,
	webhookId: string,
	itemIndex?: number,
): Promise<IDataObject> {
	return await sinchApiRequest.call(this, 'GET', webhookPath(webhookId), {
		itemIndex,
		noun: NOUN,
		id: webhookId,
		expect: A_WEBHOOK,
	});
}

export async function createWebhook(
	this: SinchContext,
	body: IDataObject,
	itemIndex?: number,
): Promise<IDataObject> {
	return await sinchApiRequest.call(this, 'POST', '/webhooks', {
		body,
		itemIndex,
		noun: NOUN,
		makes: CREATING_WEBHOOK,
		expect: A_WEBHOOK,
	});
}

/** Sends only the fields named in `updateMask`, which Sinch replaces. */
export async function updateWebhook(
	this: SinchContext,
	webhookId: string,
	body: IDataObject,
	updateMask: string[],
	itemIndex?: number,
): Promise<IDataObject> {
	return await sinchApiRequest.call(this, 'PATCH', webhookPath(webhookId), {
		body,
		qs: { update_mask: updateMask.join(',') },
		itemIndex,
		noun: NOUN,
		id: webhookId,
		expect: A_WEBHOOK,
	});
}

export async function deleteWebhook(
	this: SinchContext,
	webhookId: string,
	itemIndex?: number,
): Promise<void> {
	await sinchApiRequest.call(this, 'DELETE', webhookPath(webhookId), {
		itemIndex,
		noun: NOUN,
		id: webhookId,
		expect: ANY_OBJECT,
	});
}
