import type { IDataObject } from 'n8n-workflow';

import { ANY_OBJECT, objectWith } from '../../helpers/sinchAnswer';
import { sinchApiRequest, type Making, type SinchContext } from '../../transport';
import { pagedList } from '../../transport/paging';

/**
 * The message endpoints. Messages of apps in DISPATCH mode live in Sinch's dispatch store, so reads, deletes and
 * metadata updates name the store (`messages_source`); a 404 names the message.
 */
const NOUN = 'message';
const A_MESSAGE = objectWith('a message');

/** Sending a message: a repeat sends it twice. */
export const SENDING_MESSAGE: Making = {
	verb: 'send',
	done: 'sent',
	maybe: 'have been sent',
	recheck:
		'look for it with Message → Get Many (filter by the recipient) or in the delivery reports',
};

/** The most messages Sinch lists in one page. */
export const MESSAGES_PAGE_MAX = 1000;

export type MessageSource = 'CONVERSATION_SOURCE' | 'DISPATCH_SOURCE';

const messagePath = (messageId: string) => `/messages/${encodeURIComponent(messageId)}`;

export async function sendMessage(
	this: SinchContext,
	body: IDataObject,
	itemIndex?: number,
	beforeEachTry?: () => Promise<() => void>,
): Promise<IDataObject> {
	return await sinchApiRequest.call(this, 'POST', '/messages:send', {
		body,
		itemIndex,
		beforeEachTry,
		noun: NOUN,
		makes: SENDING_MESSAGE,
		expect: objectWith('a sent message', 'message_id'),
	});
}

export async function getMessage(
	this: SinchContext,
	messageId: string,
	source: MessageSource,
	itemIndex?: number,
): Promise<IDataObject> {
	return await sinchApiRequest.call(this, 'GET', messagePath(messageId), {
		qs: { messages_source: source },
		itemIndex,
		noun: NOUN,
		id: messageId,
		expect: A_MESSAGE,
	});
}

export async function listMessages(
	this: SinchContext,
	filters: IDataObject,
	limit: number | undefined,
	itemIndex?: number,
): Promise<IDataObject[]> {
	return await pagedList.call(this, 'GET', '/messages', {
		qs: filters,
		itemIndex,
		key: 'messages',
		what: 'a list of messages',
		limit,
		maxPageSize: MESSAGES_PAGE_MAX,
	});
}

export async function deleteMessage(
	this: SinchContext,
	messageId: string,
	source: MessageSource,
	itemIndex?: number,
): Promise<void> {
	await sinchApiRequest.call(this, 'DELETE', messagePath(messageId), {
		qs: { messages_source: source },
		itemIndex,
		noun: NOUN,
		id: messageId,
		expect: ANY_OBJECT,
	});
}

/** Sinch changes a message's `metadata` only. */
export async function updateMessageMetadata(
	this: SinchContext,
	messageId: string,
	metadata: string,
	source: MessageSource,
	itemIndex?: number,
): Promise<IDataObject> {
	return await sinchApiRequest.call(this, 'PATCH', messagePath(messageId), {
		body: { metadata },
		qs: { messages_source: source },
		itemIndex,
		noun: NOUN,
		id: messageId,
		expect: A_MESSAGE,
	});
}
