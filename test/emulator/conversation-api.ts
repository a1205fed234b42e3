import type { AppStore } from './apps';
import type { ConversationStore } from './conversations';
import { CHANNELS } from './credential-rules';
import { sinchError } from './errors';
import { json, parseJson, updateMask, type Reply } from './http-io';
import type { MessageStore } from './messages';
import { ascendingPage, idInToken, pageToken, wholeNumber } from './page-tokens';
import type { JsonObject, RequestLogEntry } from './types';
import { UPDATABLE_CONVERSATION_FIELDS } from './conversations';

export type ConversationOperation = 'list' | 'recent' | 'get' | 'update' | 'delete' | 'stop';

/** Sinch's page sizes: 10 unless asked; at most 20 for a list, 50 for the recent ones. */
export const DEFAULT_CONVERSATION_PAGE_SIZE = 10;
export const MAX_CONVERSATION_PAGE_SIZE = 20;
export const MAX_RECENT_PAGE_SIZE = 50;

const STRATEGIES = ['REPLACE', 'MERGE_PATCH'];
const CHANNEL_NAMES: readonly string[] = CHANNELS;
const ORDERS = ['ASC', 'DESC'];

export interface ConversationRequest {
	operation: ConversationOperation;
	/** The conversation ID (get, update, delete, stop). */
	id?: string;
	query: URLSearchParams;
	rawBody: string;
	entry: RequestLogEntry;
}

export interface ConversationState {
	apps: AppStore;
	conversations: ConversationStore;
	messages: MessageStore;
}

/** The conversation endpoints, once route, authentication and project have been checked. */
export function handleConversations(request: ConversationRequest, state: ConversationState): Reply {
	const id = request.id ?? '';
	const notFound = (): Reply => sinchError(404, `Conversation ${id} not found`);
	switch (request.operation) {
		case 'list':
			return list(request.query, state);
		case 'recent':
			return recent(request.query, state);
		case 'get': {
			const conversation = state.conversations.get(id);
			return conversation ? json(200, conversation) : notFound();
		}
		case 'delete': {
			if (!state.conversations.delete(id)) return notFound();
			// Sinch deletes the conversation's messages with it.
			for (const message of state.messages.list({
				source: 'CONVERSATION_SOURCE',
				conversationId: id,
			}))
				state.messages.delete(message.id, 'CONVERSATION_SOURCE');
			return json(200, {});
		}
		case 'stop': {
			const conversation = state.conversations.get(id);
			if (!conversation) return notFound();
			if (!conversation.active) return sinchError(400, `Conversation ${id} is not active`);
			state.conversations.stop(id);
			return json(200, {});
		}
		case 'update':
			return update(request, state.conversations);
	}
}

/**
 * PATCH: `update_mask` names the fields to change (without one, the fields sent); `metadata_update_strategy`
 * MERGE_PATCH merges `metadata_json` into the stored one (RFC 7386: null removes a key), REPLACE (default) replaces it.
 */
function update(request: ConversationRequest, conversations: ConversationStore): Reply {
	const id = request.id ?? '';
	const current = conversations.get(id);
	if (!current) return sinchError(404, `Conversation ${id} not found`);
	const issues: string[] = [];
	const strategy = request.query.get('metadata_update_strategy') ?? 'REPLACE';
	if (!STRATEGIES.includes(strategy))
		issues.push(`metadata_update_strategy: must be one of ${STRATEGIES.join(', ')}`);
	const mask = updateMask(request.query);
	const updatable: readonly string[] = UPDATABLE_CONVERSATION_FIELDS;
	for (const path of mask ?? [])
		if (!updatable.includes(path.split('.')[0]))
			issues.push(`update_mask: ${path} cannot be updated (only ${updatable.join(', ')})`);
	const parsed =
		request.rawBody.trim() === '' ? { ok: true as const, value: {} } : parseJson(request.rawBody);
	if (!parsed.ok) return sinchError(400, 'request body: invalid JSON');
	if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value))
		return sinchError(400, 'request body: must be a JSON object');
	const body = parsed.value as JsonObject;
	const ignored = Object.keys(body).filter((key) => !updatable.includes(key));
	if (ignored.length > 0) request.entry.readOnlyFields = ignored;
	const metadataJson = body.metadata_json;
	if (
		metadataJson !== undefined &&
		(typeof metadataJson !== 'object' || metadataJson === null || Array.isArray(metadataJson))
	)
		issues.push('metadata_json: must be a JSON object');
	if (body.metadata !== undefined && typeof body.metadata !== 'string')
		issues.push('metadata: must be a string');
	if (typeof body.metadata === 'string' && body.metadata.length > 1024)
		issues.push('metadata: at most 1024 characters');
	if (body.active_channel !== undefined && !CHANNEL_NAMES.includes(String(body.active_channel)))
		issues.push(`active_channel: must be one of ${CHANNELS.join(', ')}`);
	if (issues.length > 0) return sinchError(400, `Invalid argument: ${issues.join('; ')}`);
	const changes = { ...body };
	if (strategy === 'MERGE_PATCH' && metadataJson !== undefined)
		changes.metadata_json = mergePatch(current.metadata_json ?? {}, metadataJson) as JsonObject;
	const fields = (mask ?? Object.keys(body)).filter((path) =>
		updatable.includes(path.split('.')[0]),
	);
	return json(200, conversations.update(id, changes, fields));
}

/** RFC 7386 JSON Merge Patch. */
export function mergePatch(target: unknown, patch: unknown): unknown {
	if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
	const result: JsonObject =
		typeof target === 'object' && target !== null && !Array.isArray(target)
			? { ...(target as JsonObject) }
			: {};
	for (const [key, value] of Object.entries(patch as JsonObject)) {
		if (value === null) delete result[key];
		else result[key] = mergePatch(result[key], value) as JsonObject[string];
	}
	return result;
}

/** The query's checks shared by both lists; an app named must exist, and one in DISPATCH mode has no conversations. */
function commonQuery(
	query: URLSearchParams,
	state: ConversationState,
	maxPageSize: number,
	issues: string[],
): { appId?: string; dispatch: boolean; size: number; onlyActive?: boolean } | { reply: Reply } {
	const appId = query.get('app_id') ?? undefined;
	const app = appId === undefined ? undefined : state.apps.get(appId);
	if (appId !== undefined && !app) return { reply: sinchError(404, `App ${appId} not found`) };
	const onlyActiveText = query.get('only_active');
	if (onlyActiveText !== null && !['true', 'false'].includes(onlyActiveText))
		issues.push('only_active: must be true or false');
	const pageSize = wholeNumber(query.get('page_size') ?? undefined, DEFAULT_CONVERSATION_PAGE_SIZE);
	if (pageSize === undefined || pageSize > maxPageSize)
		issues.push(`page_size: must be a whole number from 1 to ${maxPageSize}`);
	return {
		appId,
		dispatch: app?.processing_mode === 'DISPATCH',
		size: pageSize === 0 || pageSize === undefined ? DEFAULT_CONVERSATION_PAGE_SIZE : pageSize,
		onlyActive: onlyActiveText === null ? undefined : onlyActiveText === 'true',
	};
}

/**
 * GET conversations: by app and/or contact (one is needed), in creation order. `only_active=true` lists the active
 * ones, `false` the ended ones, absent all. An app in DISPATCH mode has none.
 */
function list(query: URLSearchParams, state: ConversationState): Reply {
	const issues: string[] = [];
	const common = commonQuery(query, state, MAX_CONVERSATION_PAGE_SIZE, issues);
	if ('reply' in common) return common.reply;
	const contactId = query.get('contact_id') ?? undefined;
	if (common.appId === undefined && contactId === undefined)
		issues.push('either app_id or contact_id is required');
	const channel = query.get('active_channel') ?? undefined;
	if (channel !== undefined && !CHANNEL_NAMES.includes(channel))
		issues.push(`active_channel: must be one of ${CHANNELS.join(', ')}`);
	if (issues.length > 0) return sinchError(400, `Invalid argument: ${issues.join('; ')}`);
	const all = common.dispatch
		? []
		: state.conversations
				.list({ appId: common.appId, contactId })
				.filter(
					(conversation) =>
						(common.onlyActive === undefined || conversation.active === common.onlyActive) &&
						(channel === undefined || conversation.active_channel === channel),
				);
	const paged = ascendingPage(all, query.get('page_token') ?? '', common.size);
	if (!paged) return sinchError(400, 'Invalid argument: page_token: not a token this list gave');
	return json(200, {
		conversations: paged.page,
		next_page_token: paged.next_page_token,
		total_size: all.length,
	});
}

/**
 * GET conversations:recent: an app's conversations by the time of their latest message (DESC by default), each as
 * {conversation, last_message}. `only_active=true` leaves out ended ones. Its token carries the offset of the next
 * page, as the order is not the IDs'.
 */
function recent(query: URLSearchParams, state: ConversationState): Reply {
	const issues: string[] = [];
	const common = commonQuery(query, state, MAX_RECENT_PAGE_SIZE, issues);
	if ('reply' in common) return common.reply;
	if (common.appId === undefined) issues.push('app_id is required');
	const order = query.get('order') ?? 'DESC';
	if (!ORDERS.includes(order)) issues.push(`order: must be one of ${ORDERS.join(', ')}`);
	const token = query.get('page_token') ?? '';
	const offsetText = token === '' ? '0' : idInToken(token);
	if (offsetText === null || !/^\d+$/.test(offsetText))
		issues.push('page_token: not a token this list gave');
	if (issues.length > 0) return sinchError(400, `Invalid argument: ${issues.join('; ')}`);
	// The latest message's ID orders them: ULIDs sort by time, also within one millisecond.
	const all = (
		common.dispatch
			? []
			: state.conversations.list({ appId: common.appId, onlyActive: common.onlyActive === true })
	)
		.map((conversation) => {
			const [last] = state.messages.list({
				source: 'CONVERSATION_SOURCE',
				conversationId: conversation.id,
			});
			return last ? { conversation, last_message: last } : { conversation };
		})
		.sort((a, b) => ((a.last_message?.id ?? '') < (b.last_message?.id ?? '') ? -1 : 1));
	if (order === 'DESC') all.reverse();
	const offset = Number(offsetText);
	const page = all.slice(offset, offset + common.size);
	const more = offset + common.size < all.length;
	return json(200, {
		conversations: page,
		next_page_token: more ? pageToken(String(offset + common.size)) : '',
		total_size: all.length,
	});
}
