import { copyPath } from './apps';
import { ulid } from './ulid';
import type { JsonObject } from './types';

/** A conversation as the API answers it (Sinch's Conversation). */
export interface Conversation {
	id: string;
	app_id: string;
	contact_id: string;
	active: boolean;
	/** The channel of the latest message; '' before any. */
	active_channel: string;
	metadata: string;
	metadata_json?: JsonObject;
	correlation_id?: string;
	/** The latest message's time; 1970-01-01T00:00:00Z when there is none, as Sinch answers. */
	last_received: string;
}

export interface ConversationFilters {
	appId?: string;
	contactId?: string;
	onlyActive?: boolean;
}

/** Fields a client may change with an update; the rest are Sinch's. */
export const UPDATABLE_CONVERSATION_FIELDS = [
	'metadata',
	'metadata_json',
	'correlation_id',
	'active_channel',
] as const;

const NEVER = new Date(0).toISOString();

/**
 * The project's conversations in creation order. At most one conversation per app and contact is active: a message
 * goes to it, or starts a new one when there is none (also after a stop). DISPATCH mode makes none (the caller
 * decides).
 */
export class ConversationStore {
	private readonly stored = new Map<string, Conversation>();

	/**
	 * The active conversation of the app and contact for a message on `channel` at `at` (ms), started when there is
	 * none; it becomes the active channel and the latest time. `metadataJson` (a send's conversation_metadata) is kept
	 * on the conversation.
	 */
	forMessage(
		appId: string,
		contactId: string,
		channel: string,
		at: number,
		metadataJson?: JsonObject,
	): string {
		let conversation = this.activeOf(appId, contactId);
		if (!conversation) {
			conversation = {
				id: ulid(at),
				app_id: appId,
				contact_id: contactId,
				active: true,
				active_channel: '',
				metadata: '',
				last_received: NEVER,
			};
			this.stored.set(conversation.id, conversation);
		}
		conversation.active_channel = channel;
		conversation.last_received = new Date(at).toISOString();
		if (metadataJson !== undefined) conversation.metadata_json = structuredClone(metadataJson);
		return conversation.id;
	}

	get(id: string): Conversation | undefined {
		const conversation = this.stored.get(id);
		return conversation && structuredClone(conversation);
	}

	/** Matching conversations in creation order (copies). */
	list(filters: ConversationFilters = {}): Conversation[] {
		return [...this.stored.values()]
			.filter(
				(conversation) =>
					(filters.appId === undefined || conversation.app_id === filters.appId) &&
					(filters.contactId === undefined || conversation.contact_id === filters.contactId) &&
					(!filters.onlyActive || conversation.active),
			)
			.map((conversation) => structuredClone(conversation));
	}

	/**
	 * Masked fields (every updatable field sent when there is no mask) replace the stored ones; a masked field absent
	 * from the body is cleared. Only UPDATABLE_CONVERSATION_FIELDS change. Undefined when there is no such conversation.
	 */
	update(id: string, changes: JsonObject, mask?: readonly string[]): Conversation | undefined {
		const current = this.stored.get(id);
		if (!current) return undefined;
		const updatable: readonly string[] = UPDATABLE_CONVERSATION_FIELDS;
		const fields = (mask ?? Object.keys(changes)).filter((field) =>
			updatable.includes(field.split('.')[0]),
		);
		const next = structuredClone(current) as unknown as JsonObject;
		for (const field of fields) copyPath(changes, next, field.split('.'));
		if (typeof next.metadata !== 'string') next.metadata = '';
		if (typeof next.active_channel !== 'string') next.active_channel = '';
		const conversation = next as unknown as Conversation;
		this.stored.set(id, conversation);
		return structuredClone(conversation);
	}

	/** Ends the conversation (it stays readable, no longer active); undefined when there is none. */
	stop(id: string): Conversation | undefined {
		const conversation = this.stored.get(id);
		if (!conversation) return undefined;
		conversation.active = false;
		return structuredClone(conversation);
	}

	delete(id: string): boolean {
		return this.stored.delete(id);
	}

	/**
	 * A contact merge: the source contact's conversations become the destination's. An active one in an app where the
	 * destination also has an active conversation is folded into that one and removed. Answers the IDs that changed
	 * (old conversation ID to the one its messages now belong to), for the message store.
	 */
	moveContact(fromId: string, toId: string): Map<string, string> {
		const renamed = new Map<string, string>();
		for (const conversation of [...this.stored.values()]) {
			if (conversation.contact_id !== fromId) continue;
			const target = conversation.active ? this.activeOf(conversation.app_id, toId) : undefined;
			if (target) {
				if (conversation.last_received > target.last_received) {
					target.last_received = conversation.last_received;
					target.active_channel = conversation.active_channel;
				}
				this.stored.delete(conversation.id);
				renamed.set(conversation.id, target.id);
			} else {
				conversation.contact_id = toId;
			}
		}
		return renamed;
	}

	deleteForApp(appId: string): void {
		for (const [id, conversation] of this.stored)
			if (conversation.app_id === appId) this.stored.delete(id);
	}

	deleteForContact(contactId: string): void {
		for (const [id, conversation] of this.stored)
			if (conversation.contact_id === contactId) this.stored.delete(id);
	}

	clear(): void {
		this.stored.clear();
	}

	/** The stored conversations in creation order, for Emulator.state(). */
	saved(): Array<[string, JsonObject]> {
		return [...this.stored].map(([id, conversation]) => [
			id,
			structuredClone(conversation) as unknown as JsonObject,
		]);
	}

	load(saved: ReadonlyArray<[string, JsonObject]>): void {
		this.stored.clear();
		for (const [id, fields] of saved)
			this.stored.set(id, structuredClone(fields) as unknown as Conversation);
	}

	private activeOf(appId: string, contactId: string): Conversation | undefined {
		return [...this.stored.values()].find(
			(conversation) =>
				conversation.app_id === appId &&
				conversation.contact_id === contactId &&
				conversation.active,
		);
	}
}
