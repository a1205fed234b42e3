import type { IDataObject } from 'n8n-workflow';

import { sinchApiRequest, type SinchContext } from '../../transport';

/**
 * The webhook endpoints, shared by the Webhook resource and the trigger node. Webhooks are listed per app but
 * created, read, changed and deleted under the project.
 */
export async function listWebhooks(
	this: SinchContext,
	appId: string,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const answer = await sinchApiRequest.call(this, 'GET', `/apps/${appId}/webhooks`, {
		itemIndex,
		expect: 'webhooks',
	});
	return Array.isArray(answer.webhooks) ? (answer.webhooks as IDataObject[]) : [];
}

export async function getWebhook(
	this: SinchContext,
	webhookId: string,
	itemIndex?: number,
): Promise<IDataObject> {
	return await sinchApiRequest.call(this, 'GET', `/webhooks/${encodeURIComponent(webhookId)}`, {
		itemIndex,
		expect: 'webhook',
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
		expect: 'webhook',
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
	return await sinchApiRequest.call(this, 'PATCH', `/webhooks/${encodeURIComponent(webhookId)}`, {
		body,
		qs: { update_mask: updateMask.join(',') },
		itemIndex,
		expect: 'webhook',
	});
}

export async function deleteWebhook(
	this: SinchContext,
	webhookId: string,
	itemIndex?: number,
): Promise<void> {
	await sinchApiRequest.call(this, 'DELETE', `/webhooks/${encodeURIComponent(webhookId)}`, {
		itemIndex,
		expect: 'empty',
	});
}
