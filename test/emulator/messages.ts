import type { ContactStore } from './contacts';
import type { ConversationStore } from './conversations';
import { sourceOf, type ChannelTarget, type MessageSource } from './message-rules';
import { ulid } from './ulid';
import type { App, JsonObject } from './types';

/** A message as the API answers it (Sinch's ConversationMessage). */
export type ConversationMessage = JsonObject & {
	id: string;
	direction: 'TO_APP' | 'TO_CONTACT';
	accept_time: string;
};

/** One stored message and what the emulator knows about it beyond the answer. */
export interface StoredMessage {
	message: ConversationMessage;
	appId: string;
	source: MessageSource;
	/** accept_time in milliseconds, for ordering and time filters. */
	acceptedAt: number;
	/** For sent messages: the send body as received (after validation), to read what was sent. */
	request?: JsonObject;
}

export interface MessageFilters {
	source: MessageSource;
	appId?: string;
	conversationId?: string;
	contactId?: string;
	channelIdentity?: string;
	channel?: string;
	direction?: string;
	startTime?: number;
	endTime?: number;
	onlyRecipientOriginated?: boolean;
}

/**
 * The project's messages, both directions, with the contacts and conversations Sinch makes for them: in CONVERSATION
 * mode the contact having the channel identity (made when none has it) and the app's active conversation with that
 * contact (started when there is none); DISPATCH mode makes neither (their IDs are empty) and keeps its messages
 * apart (messages_source DISPATCH_SOURCE).
 */
export class MessageStore {
	private readonly stored = new Map<string, StoredMessage>();

	constructor(
		private readonly contacts: ContactStore,
		private readonly conversations: ConversationStore,
	) {}

	/** Stores a sent message (`body` valid for `app`) on the first channel of its plan; answers the stored copy. */
	addSent(app: App, body: JsonObject, target: ChannelTarget): StoredMessage {
		const recipient = body.recipient as JsonObject;
		const contactId = typeof recipient.contact_id === 'string' ? recipient.contact_id : undefined;
		return this.add(app, target, {
			direction: 'TO_CONTACT',
			app_message: body.message,
			metadata: (body.message_metadata as string | undefined) ?? '',
			contactId,
			conversationMetadata: body.conversation_metadata as JsonObject | undefined,
			request: body,
		});
	}

	/** Stores a message from a contact (`contact_message` is Sinch's ContactMessage). */
	addReceived(app: App, from: ChannelTarget, contactMessage: JsonObject): StoredMessage {
		return this.add(app, from, {
			direction: 'TO_APP',
			contact_message: contactMessage,
			metadata: '',
		});
	}

	/** The channel identity a sent message is on now (after a channel switch). */
	moveTo(id: string, target: ChannelTarget): void {
		const stored = this.stored.get(id);
		if (stored)
			stored.message.channel_identity = {
				...target,
				app_id: stored.appId,
			} as unknown as JsonObject;
	}

	get(id: string, source: MessageSource): StoredMessage | undefined {
		const stored = this.stored.get(id);
		return stored && stored.source === source ? stored : undefined;
	}

	/** Every stored message, oldest first (copies). */
	all(): StoredMessage[] {
		return [...this.stored.values()].map((stored) => structuredClone(stored));
	}

	/** Matching messages, newest first as Sinch lists them (IDs are ULIDs: they sort by accept time). */
	list(filters: MessageFilters): ConversationMessage[] {
		const matches = (stored: StoredMessage): boolean => {
			const message = stored.message;
			const identity = message.channel_identity as unknown as ChannelTarget;
			return (
				stored.source === filters.source &&
				(filters.appId === undefined || stored.appId === filters.appId) &&
				(filters.conversationId === undefined ||
					message.conversation_id === filters.conversationId) &&
				(filters.contactId === undefined || message.contact_id === filters.contactId) &&
				(filters.channelIdentity === undefined || identity.identity === filters.channelIdentity) &&
				(filters.channel === undefined || identity.channel === filters.channel) &&
				(filters.direction === undefined || message.direction === filters.direction) &&
				(!filters.onlyRecipientOriginated || message.direction === 'TO_APP') &&
				(filters.startTime === undefined || stored.acceptedAt >= filters.startTime) &&
				(filters.endTime === undefined || stored.acceptedAt < filters.endTime)
			);
		};
		return [...this.stored.values()]
			.filter(matches)
			.sort((a, b) => (a.message.id < b.message.id ? 1 : -1))
			.map((stored) => structuredClone(stored.message));
	}

	delete(id: string, source: MessageSource): boolean {
		return this.get(id, source) !== undefined && this.stored.delete(id);
	}

	updateMetadata(
		id: string,
		source: MessageSource,
		metadata: string,
	): ConversationMessage | undefined {
		const stored = this.get(id, source);
		if (!stored) return undefined;
		stored.message.metadata = metadata;
		return structuredClone(stored.message);
	}

	deleteForApp(appId: string): void {
		for (const [id, stored] of this.stored) if (stored.appId === appId) this.stored.delete(id);
	}

	/** A contact merge: the source contact's messages become the destination's, in their conversations' new IDs. */
	moveContact(
		fromId: string,
		toId: string,
		renamedConversations: ReadonlyMap<string, string>,
	): void {
		for (const { message } of this.stored.values()) {
			if (message.contact_id !== fromId) continue;
			message.contact_id = toId;
			const conversationId = String(message.conversation_id);
			message.conversation_id = renamedConversations.get(conversationId) ?? conversationId;
		}
	}

	clear(): void {
		this.stored.clear();
	}

	private add(
		app: App,
		target: ChannelTarget,
		content: {
			direction: ConversationMessage['direction'];
			app_message?: unknown;
			contact_message?: JsonObject;
			metadata: string;
			contactId?: string;
			conversationMetadata?: JsonObject;
			request?: JsonObject;
		},
	): StoredMessage {
		const source = sourceOf(app);
		const conversational = source === 'CONVERSATION_SOURCE';
		const acceptedAt = Date.now();
		const contactId = conversational
			? (content.contactId ?? this.contacts.forIdentity(target, app.id))
			: '';
		const conversationId = conversational
			? this.conversations.forMessage(
					app.id,
					contactId,
					target.channel,
					acceptedAt,
					content.conversationMetadata,
				)
			: '';
		const message: ConversationMessage = {
			id: ulid(acceptedAt),
			direction: content.direction,
			...(content.app_message === undefined
				? { contact_message: content.contact_message as JsonObject }
				: { app_message: structuredClone(content.app_message) as JsonObject }),
			channel_identity: { channel: target.channel, identity: target.identity, app_id: app.id },
			conversation_id: conversationId,
			contact_id: contactId,
			metadata: content.metadata,
			accept_time: new Date(acceptedAt).toISOString(),
			sender_id: '',
			processing_mode: app.processing_mode,
			injected: false,
		};
		const stored: StoredMessage = {
			message,
			appId: app.id,
			source,
			acceptedAt,
			...(content.request === undefined ? {} : { request: structuredClone(content.request) }),
		};
		this.stored.set(message.id, stored);
		return structuredClone(stored);
	}
}
