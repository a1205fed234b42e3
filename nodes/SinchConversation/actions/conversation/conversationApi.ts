import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ANY_OBJECT, listUnder, objectWith } from '../../helpers/sinchAnswer';
import { dispatchModeError, isDispatchMode } from '../../helpers/processingMode';
import { sinchApiRequest, type SinchContext } from '../../transport';
import { pagedList } from '../../transport/paging';
import { readApp } from '../app/appApi';

/**
 * The conversation endpoints. A conversation is read, changed, stopped and deleted by its ID; lists are per app or
 * per contact. A 404 names the conversation (or, for a list by app, the app).
 */
const NOUN = 'conversation';
const A_CONVERSATION = objectWith('a conversation');

/** The most conversations Sinch lists in one page: 20 for a list, 50 for the recent ones. */
export const CONVERSATIONS_PAGE_MAX = 20;
export const RECENT_PAGE_MAX = 50;

export type MetadataStrategy = 'REPLACE' | 'MERGE_PATCH';

const conversationPath = (conversationId: string) =>
	`/conversations/${encodeURIComponent(conversationId)}`;

/** A list request names the app when there is one, so a 404 says the app was not found. */
const listTarget = (qs: IDataObject) =>
	typeof qs.app_id === 'string' ? { noun: 'app', id: qs.app_id } : { noun: NOUN };

export async function getConversation(
	this: SinchContext,
	conversationId: string,
	itemIndex?: number,
): Promise<IDataObject> {
	return await sinchApiRequest.call(this, 'GET', conversationPath(conversationId), {
		itemIndex,
		noun: NOUN,
		id: conversationId,
		expect: A_CONVERSATION,
	});
}

/**
 * Sinch's two lists: `all` by app and/or contact (`qs`: `app_id`, `contact_id`, `only_active`, `active_channel`),
 * and `recent`, an app's conversations by their latest message, each as {conversation, last_message}.
 */
const LISTS = {
	all: { path: '/conversations', maxPageSize: CONVERSATIONS_PAGE_MAX },
	recent: { path: '/conversations:recent', maxPageSize: RECENT_PAGE_MAX },
};

export async function listConversations(
	this: SinchContext,
	list: keyof typeof LISTS,
	qs: IDataObject,
	limit: number | undefined,
	itemIndex?: number,
): Promise<IDataObject[]> {
	return await pagedList.call(this, 'GET', LISTS[list].path, {
		qs,
		itemIndex,
		...listTarget(qs),
		key: 'conversations',
		what: 'a list of conversations',
		limit,
		maxPageSize: LISTS[list].maxPageSize,
	});
}

/** One page of an app's conversations, most recent message first (or last), each as {conversation, last_message}. */
export async function recentConversationsPage(
	this: SinchContext,
	qs: IDataObject,
	itemIndex?: number,
): Promise<{ entries: IDataObject[]; next?: string }> {
	const page = await sinchApiRequest.call(this, 'GET', LISTS.recent.path, {
		qs,
		itemIndex,
		...listTarget(qs),
		expect: listUnder('conversations', 'a list of conversations'),
	});
	const entries = Array.isArray(page.conversations) ? (page.conversations as IDataObject[]) : [];
	const next = typeof page.next_page_token === 'string' ? page.next_page_token : '';
	return { entries, next: next === '' ? undefined : next };
}

/** Changes the conversation's JSON metadata (`metadata_json`), replacing it or merging into it (RFC 7386). */
export async function updateConversationMetadata(
	this: SinchContext,
	conversationId: string,
	metadata: IDataObject,
	strategy: MetadataStrategy,
	itemIndex?: number,
): Promise<IDataObject> {
	return await sinchApiRequest.call(this, 'PATCH', conversationPath(conversationId), {
		body: { metadata_json: metadata },
		qs: { update_mask: 'metadata_json', metadata_update_strategy: strategy },
		itemIndex,
		noun: NOUN,
		id: conversationId,
		expect: A_CONVERSATION,
	});
}

/** Ends an active conversation; Sinch answers with an empty object. */
export async function stopConversation(
	this: SinchContext,
	conversationId: string,
	itemIndex?: number,
): Promise<void> {
	await sinchApiRequest.call(this, 'POST', `${conversationPath(conversationId)}:stop`, {
		itemIndex,
		noun: NOUN,
		id: conversationId,
		expect: ANY_OBJECT,
	});
}

/** Deletes the conversation and its messages. */
export async function deleteConversation(
	this: SinchContext,
	conversationId: string,
	itemIndex?: number,
): Promise<void> {
	await sinchApiRequest.call(this, 'DELETE', conversationPath(conversationId), {
		itemIndex,
		noun: NOUN,
		id: conversationId,
		expect: ANY_OBJECT,
	});
}

/**
 * Sinch lists no conversations for an app in DISPATCH mode, without an error. When an app's list comes back empty,
 * the app is read (one request, only then) to tell "none yet" from "none ever", and the latter is an error saying
 * which setting changes it.
 */
export async function refuseDispatchApp(
	this: SinchContext,
	appId: string,
	itemIndex?: number,
): Promise<void> {
	const app = await readApp.call(this, appId, itemIndex);
	if (!isDispatchMode(app)) return;
	const { message, description } = dispatchModeError(appId, 'conversations');
	throw new NodeOperationError(this.getNode(), message, { itemIndex, description });
}
