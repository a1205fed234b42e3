import { copyPath } from './apps';
import { FAILING_IDENTITY_PREFIX } from './message-rules';
import { ulid } from './ulid';
import type { JsonObject } from './types';

/** Channels whose identities belong to one app (Sinch: "app-scoped"): an identity there names its app too. */
export const APP_SCOPED_CHANNELS: readonly string[] = ['MESSENGER', 'INSTAGRAM', 'LINE', 'WECHAT'];

/** What Sinch shows for a contact created without a display name. */
export const DEFAULT_DISPLAY_NAME = 'Unknown';

/** The language of contacts Sinch makes itself for a message (the create body must name one). */
export const DEFAULT_LANGUAGE = 'EN_US';

export interface ChannelIdentity {
	channel: string;
	identity: string;
	/** '' on channels whose identities are not app-scoped. */
	app_id: string;
}

/** A contact as the API answers it (Sinch's Contact). */
export interface Contact {
	id: string;
	channel_identities: ChannelIdentity[];
	channel_priority: string[];
	display_name: string;
	email: string;
	external_id: string;
	language: string;
	metadata: string;
}

/** The list filters: `external_id`, or `channel` with `identity`. */
export interface ContactFilters {
	externalId?: string;
	channel?: string;
	identity?: string;
}

export type ContactChange =
	| { ok: true; contact: Contact }
	| { ok: false; status: number; message: string };

/** The key that makes an identity unique across the project: app-scoped channels add the app. */
function identityKey(identity: { channel: string; identity: string; app_id?: string }): string {
	const scope = APP_SCOPED_CHANNELS.includes(identity.channel) ? (identity.app_id ?? '') : '';
	return `${identity.channel}\u0000${scope}\u0000${identity.identity}`;
}

/**
 * The project's contacts in creation order, with Sinch's rule that a channel identity belongs to at most one
 * contact. Contacts are the project's, not a region's or an app's.
 */
export class ContactStore {
	private readonly stored = new Map<string, Contact>();
	private readonly profiles = new Map<string, string>();

	/** `fields` must have passed validation (ContactCreateRequest). */
	create(fields: JsonObject): ContactChange {
		const contact = present(ulid(), fields);
		const problem = this.identityProblem(contact);
		if (problem) return refused(problem);
		this.stored.set(contact.id, contact);
		return { ok: true, contact: structuredClone(contact) };
	}

	get(id: string): Contact | undefined {
		const contact = this.stored.get(id);
		return contact && structuredClone(contact);
	}

	/** Matching contacts in creation order (IDs are ULIDs, so also by ID). */
	list(filters: ContactFilters = {}): Contact[] {
		return [...this.stored.values()]
			.filter(
				(contact) =>
					(filters.externalId === undefined || contact.external_id === filters.externalId) &&
					(filters.channel === undefined ||
						contact.channel_identities.some(
							(identity) =>
								identity.channel === filters.channel &&
								(filters.identity === undefined || identity.identity === filters.identity),
						)),
			)
			.map((contact) => structuredClone(contact));
	}

	/**
	 * Masked fields (all fields sent when there is no mask) replace the stored ones; a masked field absent from the
	 * body is cleared. An identity another contact has is refused. Undefined when there is no such contact.
	 */
	update(id: string, changes: JsonObject, mask?: readonly string[]): ContactChange | undefined {
		const current = this.stored.get(id);
		if (!current) return undefined;
		const next = structuredClone(current) as unknown as JsonObject;
		const fields = (mask ?? Object.keys(changes)).filter((field) => field !== 'id');
		for (const field of fields) copyPath(changes, next, field.split('.'));
		const contact = present(id, next);
		const problem = this.identityProblem(contact);
		if (problem) return refused(problem);
		this.stored.set(id, contact);
		return { ok: true, contact: structuredClone(contact) };
	}

	delete(id: string): boolean {
		return this.stored.delete(id);
	}

	/**
	 * Sinch's merge: the source's identities on channels the destination lacks move over (their channels go to the end
	 * of the priority list), optional fields fill only the destination's empty ones, and the source is removed.
	 * Conversations and messages are moved by the caller (contact-api.ts).
	 */
	merge(destinationId: string, sourceId: string): ContactChange {
		const destination = this.stored.get(destinationId);
		const source = this.stored.get(sourceId);
		if (!destination) return refused(`Contact ${destinationId} not found`, 404);
		if (!source) return refused(`Contact ${sourceId} not found`, 404);
		if (destinationId === sourceId)
			return refused('source_id: a contact cannot be merged into itself');
		const merged = structuredClone(destination);
		const channels = new Set(merged.channel_identities.map((identity) => identity.channel));
		for (const identity of source.channel_identities) {
			if (channels.has(identity.channel)) continue;
			merged.channel_identities.push(structuredClone(identity));
			if (!merged.channel_priority.includes(identity.channel))
				merged.channel_priority.push(identity.channel);
		}
		for (const field of ['display_name', 'email', 'external_id', 'metadata'] as const) {
			const empty =
				merged[field] === '' ||
				(field === 'display_name' && merged[field] === DEFAULT_DISPLAY_NAME);
			if (empty && source[field] !== '') merged[field] = source[field];
		}
		this.stored.delete(sourceId);
		this.stored.set(destinationId, merged);
		return { ok: true, contact: structuredClone(merged) };
	}

	/** The contact having this identity (app-scoped channels: in this app), if any. */
	withIdentity(channel: string, identity: string, appId = ''): Contact | undefined {
		const key = identityKey({ channel, identity, app_id: appId });
		const found = [...this.stored.values()].find((contact) =>
			contact.channel_identities.some((own) => identityKey(own) === key),
		);
		return found && structuredClone(found);
	}

	/**
	 * The contact ID for a message on this identity of the app, making the contact as Sinch does when a message
	 * reaches or comes from an identity no contact has (CONVERSATION mode only; the caller decides).
	 */
	forIdentity(target: { channel: string; identity: string }, appId: string): string {
		const existing = this.withIdentity(target.channel, target.identity, appId);
		if (existing) return existing.id;
		const appScoped = APP_SCOPED_CHANNELS.includes(target.channel);
		const change = this.create({
			channel_identities: [
				{ channel: target.channel, identity: target.identity, app_id: appScoped ? appId : '' },
			],
			language: DEFAULT_LANGUAGE,
		});
		if (!change.ok) throw new Error(change.message);
		return change.contact.id;
	}

	/** The name `channel` gives the identity from now on (Get Channel Profile); app-scoped channels name the app. */
	setChannelProfile(channel: string, identity: string, name: string, appId = ''): void {
		this.profiles.set(identityKey({ channel, identity, app_id: appId }), name);
	}

	/**
	 * The profile name the channel knows the identity by: one set with setChannelProfile, else "<Channel> user
	 * <identity>"; undefined for an identity starting with `fail-` (the channel knows no such user).
	 */
	channelProfile(channel: string, identity: string, appId = ''): string | undefined {
		const set = this.profiles.get(identityKey({ channel, identity, app_id: appId }));
		if (set !== undefined) return set;
		if (identity.startsWith(FAILING_IDENTITY_PREFIX)) return undefined;
		return `${channel.charAt(0)}${channel.slice(1).toLowerCase()} user ${identity}`;
	}

	/** Forgets contacts and channel profiles. */
	clear(): void {
		this.stored.clear();
		this.profiles.clear();
	}

	/** The stored contacts in creation order, for Emulator.state(). */
	saved(): Array<[string, JsonObject]> {
		return [...this.stored].map(([id, contact]) => [
			id,
			structuredClone(contact) as unknown as JsonObject,
		]);
	}

	load(saved: ReadonlyArray<[string, JsonObject]>): void {
		this.stored.clear();
		for (const [id, fields] of saved) this.stored.set(id, present(id, fields));
	}

	/** What is wrong with the contact's identities: twice in itself, missing an app, or another contact's. */
	private identityProblem(contact: Contact): string | undefined {
		const seen = new Set<string>();
		for (const [i, identity] of contact.channel_identities.entries()) {
			const at = `channel_identities[${i}]`;
			if (identity.identity === '') return `${at}.identity: must not be empty`;
			if (APP_SCOPED_CHANNELS.includes(identity.channel) && identity.app_id === '')
				return `${at}.app_id: required for ${identity.channel}, whose identities belong to one app`;
			const key = identityKey(identity);
			if (seen.has(key)) return `${at}: the same ${identity.channel} identity is listed twice`;
			seen.add(key);
			const owner = [...this.stored.values()].find(
				(other) =>
					other.id !== contact.id &&
					other.channel_identities.some((theirs) => identityKey(theirs) === key),
			);
			if (owner)
				return `${at}: ${identity.channel} identity ${identity.identity} already belongs to contact ${owner.id}`;
		}
		return undefined;
	}
}

function refused(message: string, status = 400): ContactChange {
	return { ok: false, status, message };
}

const text = (value: unknown, fallback = ''): string =>
	typeof value === 'string' ? value : fallback;

/** A contact with every field Sinch answers, from validated fields. */
function present(id: string, fields: JsonObject): Contact {
	const identities = Array.isArray(fields.channel_identities)
		? (fields.channel_identities as JsonObject[])
		: [];
	const displayName = text(fields.display_name);
	return {
		id,
		channel_identities: identities.map((identity) => ({
			channel: text(identity.channel),
			identity: text(identity.identity),
			app_id: text(identity.app_id),
		})),
		channel_priority: Array.isArray(fields.channel_priority)
			? (fields.channel_priority as string[]).slice()
			: [],
		display_name: displayName === '' ? DEFAULT_DISPLAY_NAME : displayName,
		email: text(fields.email),
		external_id: text(fields.external_id),
		language: text(fields.language, DEFAULT_LANGUAGE),
		metadata: text(fields.metadata),
	};
}
