import type { IDataObject, IHookFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { parseAppId } from '../SinchConversation/shared/appLocator';
import {
	createWebhook,
	deleteWebhook,
	inTurnForApp,
	listWebhooks,
	updateWebhook,
} from '../SinchConversation/actions/webhook/webhookApi';
import { generateSecret } from '../SinchConversation/actions/webhook/webhookInput';
import {
	describeWebhooks,
	normaliseTriggers,
	planCreate,
	triggerProblems,
} from '../SinchConversation/helpers/webhookBody';
import { WEBHOOKS_PER_APP } from '../SinchConversation/helpers/webhookRules';
import { unreachableReason, webhookUrlWarning } from './helpers/webhookUrl';

/**
 * What the node keeps in the workflow's static data. `target` says which URL the entry belongs to: in "Listen for
 * test event" n8n gives the node a copy of the production static data, and the test run must never touch (or
 * delete) the production webhook through it.
 */
export interface StoredWebhook extends IDataObject {
	webhookId?: string;
	appId?: string;
	target?: string;
	secret?: string;
}

export function storedWebhook(context: {
	getWorkflowStaticData(type: string): IDataObject;
}): StoredWebhook {
	return context.getWorkflowStaticData('node') as StoredWebhook;
}

/** The Events parameter as Sinch trigger names; none, or a name Sinch does not know, stops the activation. */
function readTriggers(this: IHookFunctions): string[] {
	const triggers = normaliseTriggers(this.getNodeParameter('events', []));
	const problems = triggerProblems(triggers).map((problem) =>
		problem.replace(/^Triggers/, 'Events'),
	);
	if (problems.length > 0) {
		throw new NodeOperationError(this.getNode(), problems.join(' '), {
			description:
				'Pick the events under Events, e.g. Message Inbound, then publish the workflow again.',
		});
	}
	return triggers;
}

function readSetup(this: IHookFunctions) {
	const url = this.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(this.getNode(), 'n8n gave this node no webhook URL');
	return {
		url,
		appId: parseAppId(this.getNode(), this.getNodeParameter('app', '', { extractValue: true })),
		triggers: readTriggers.call(this),
	};
}

function warnIfUnreachable(this: IHookFunctions, url: string): void {
	const reason = unreachableReason(url);
	if (reason)
		this.logger.warn(webhookUrlWarning(url, reason), {
			workflowId: this.getWorkflow().id,
			node: this.getNode().name,
		});
}

const sameSet = (a: unknown, b: string[]) =>
	Array.isArray(a) &&
	a.length === b.length &&
	[...a].map(String).sort().join() === [...b].sort().join();

/**
 * Makes an existing webhook of ours (same target URL) send exactly what the node expects: HTTP, the chosen
 * triggers, and our secret. The secret stored for this webhook is kept; otherwise (static data lost after a failed
 * activation, or a webhook made by another n8n) a new one replaces whatever Sinch holds.
 */
async function adopt(
	this: IHookFunctions,
	found: IDataObject,
	setup: ReturnType<typeof readSetup>,
): Promise<void> {
	const stored = storedWebhook(this);
	const id = String(found.id);
	const secret =
		stored.webhookId === id && stored.target === setup.url && stored.secret
			? stored.secret
			: generateSecret();
	const mask: string[] = [];
	if (!sameSet(found.triggers, setup.triggers)) mask.push('triggers');
	if (found.target_type !== 'HTTP') mask.push('target_type');
	if (found.secret !== secret) mask.push('secret');
	if (mask.length > 0) {
		await updateWebhook.call(
			this,
			id,
			{ triggers: setup.triggers, target_type: 'HTTP', secret },
			mask,
		);
	}
	Object.assign(stored, { webhookId: id, appId: setup.appId, target: setup.url, secret });
}

/** checkExists: true when the app already has a webhook for this URL, which is then adopted and brought in line. */
export async function checkWebhook(this: IHookFunctions): Promise<boolean> {
	const setup = readSetup.call(this);
	warnIfUnreachable.call(this, setup.url);
	const found = (await listWebhooks.call(this, setup.appId)).find(
		(webhook) => webhook.target === setup.url,
	);
	if (!found) return false;
	await adopt.call(this, found, setup);
	return true;
}

/**
 * create: a new HTTP webhook with the chosen triggers and a fresh secret. It lists first, so a repeated create (n8n
 * retries activations) adopts the webhook an earlier attempt made instead of failing on Sinch's one-target rule,
 * and so the 5-webhook limit can be explained with the app's webhooks.
 */
export async function createTriggerWebhook(this: IHookFunctions): Promise<boolean> {
	const setup = readSetup.call(this);
	// Taken in turn with other work on the app's webhooks in this n8n (another trigger publishing, a Webhook → Create).
	return await inTurnForApp(setup.appId, async () => await adoptOrCreate.call(this, setup));
}

async function adoptOrCreate(
	this: IHookFunctions,
	setup: ReturnType<typeof readSetup>,
): Promise<boolean> {
	const existing = await listWebhooks.call(this, setup.appId);
	const plan = planCreate(existing, setup.url, setup.appId, 'update');
	if (plan.action === 'update') {
		await adopt.call(this, plan.existing, setup);
		return true;
	}
	if (plan.action === 'refuse') {
		throw new NodeOperationError(
			this.getNode(),
			`App ${setup.appId} already has ${existing.length} webhooks, Sinch's limit of ${WEBHOOKS_PER_APP}: ${describeWebhooks(existing)}`,
			{
				description:
					'Free one: delete a webhook you no longer need, with the Sinch Conversation node (Webhook → Delete), in the Sinch dashboard (Conversation API → Apps → your app → Webhooks), or by unpublishing the workflow that made it; then publish this workflow again.',
			},
		);
	}
	const secret = generateSecret();
	let created: IDataObject;
	try {
		created = await createWebhook.call(this, {
			app_id: setup.appId,
			target: setup.url,
			target_type: 'HTTP',
			triggers: setup.triggers,
			secret,
		});
	} catch (error) {
		// Another activation of the same workflow (a retry, another main process) made it in the meantime.
		if (error instanceof NodeApiError && error.httpCode === '400') {
			const raced = (await listWebhooks.call(this, setup.appId)).find(
				(webhook) => webhook.target === setup.url,
			);
			if (raced) {
				await adopt.call(this, raced, setup);
				return true;
			}
		}
		throw new NodeApiError(this.getNode(), error as JsonObject);
	}
	Object.assign(storedWebhook(this), {
		webhookId: String(created.id),
		appId: setup.appId,
		target: setup.url,
		secret,
	});
	return true;
}

const isNotFound = (error: unknown) => error instanceof NodeApiError && error.httpCode === '404';

/**
 * delete: removes the webhook stored for this URL, and any other webhook of the app that still targets this URL (an
 * earlier activation whose static data was lost), so none is left behind. Webhooks already gone are fine.
 */
export async function deleteTriggerWebhook(this: IHookFunctions): Promise<boolean> {
	const url = this.getNodeWebhookUrl('default');
	const stored = storedWebhook(this);
	const owned = stored.webhookId !== undefined && stored.target === url;
	let appId = owned ? stored.appId : undefined;
	if (appId === undefined) {
		try {
			appId = parseAppId(this.getNode(), this.getNodeParameter('app', '', { extractValue: true }));
		} catch {
			appId = undefined; // no usable app: only the stored webhook can be removed
		}
	}
	const deleted = new Set<string>();
	if (owned) {
		try {
			await deleteWebhook.call(this, stored.webhookId as string);
		} catch (error) {
			if (!isNotFound(error)) throw new NodeApiError(this.getNode(), error as JsonObject);
		}
		deleted.add(stored.webhookId as string);
	}
	if (appId !== undefined && url) {
		let webhooks: IDataObject[] = [];
		try {
			webhooks = await listWebhooks.call(this, appId);
		} catch (error) {
			// The app is gone, and Sinch deleted its webhooks with it.
			if (!isNotFound(error)) throw new NodeApiError(this.getNode(), error as JsonObject);
		}
		for (const webhook of webhooks) {
			if (webhook.target !== url || deleted.has(String(webhook.id))) continue;
			try {
				await deleteWebhook.call(this, String(webhook.id));
			} catch (error) {
				if (!isNotFound(error)) throw new NodeApiError(this.getNode(), error as JsonObject);
			}
		}
	}
	if (owned) {
		delete stored.webhookId;
		delete stored.appId;
		delete stored.target;
		delete stored.secret;
	}
	return true;
}
