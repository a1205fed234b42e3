import type { App, JsonObject } from './types';

/** `ttl` is a protobuf Duration in seconds with an `s` suffix, "3600s"; Sinch's range in seconds. */
export const TTL_MIN_SECONDS = 3;
export const TTL_MAX_SECONDS = 315576000000;
const TTL_PATTERN = /^(\d+)(\.\d{1,9})?s$/;

/** `conversation_metadata` is an object whose JSON text may be at most this long. */
export const CONVERSATION_METADATA_MAX_LENGTH = 2048;

/** An identity (or contact ID) starting with this is not reachable: its channel reports FAILED. */
export const FAILING_IDENTITY_PREFIX = 'fail-';

/** Where a message is kept and searched: each processing mode has its own store at Sinch. */
export type MessageSource = 'CONVERSATION_SOURCE' | 'DISPATCH_SOURCE';
export const MESSAGE_SOURCES: readonly MessageSource[] = ['CONVERSATION_SOURCE', 'DISPATCH_SOURCE'];

export function sourceOf(app: App): MessageSource {
	return app.processing_mode === 'DISPATCH' ? 'DISPATCH_SOURCE' : 'CONVERSATION_SOURCE';
}

/** Rules of a send body that the schema cannot carry (stated in prose), checked on the pruned, schema-valid body. */
export function sendBodyIssues(body: JsonObject): string[] {
	const issues: string[] = [];
	if (typeof body.ttl === 'string') {
		const match = TTL_PATTERN.exec(body.ttl);
		const seconds = match ? Number(match[1]) : NaN;
		if (!match) issues.push('ttl: must be a number of seconds followed by "s", e.g. "3600s"');
		else if (seconds < TTL_MIN_SECONDS || seconds > TTL_MAX_SECONDS)
			issues.push(`ttl: must be between ${TTL_MIN_SECONDS}s and ${TTL_MAX_SECONDS}s`);
	}
	const metadata = body.conversation_metadata;
	if (metadata !== undefined && JSON.stringify(metadata).length > CONVERSATION_METADATA_MAX_LENGTH)
		issues.push(
			`conversation_metadata: at most ${CONVERSATION_METADATA_MAX_LENGTH} characters as JSON`,
		);
	return issues;
}

/** The app's configured channels, in the app's order, each once. */
export function appChannels(app: App): string[] {
	return [...new Set(app.channel_credentials.map((entry) => entry.channel))];
}

/** Rules that need the app: every channel named must be configured on it; DISPATCH apps need channel identities. */
export function sendAppIssues(body: JsonObject, app: App): string[] {
	const configured = appChannels(app);
	const named = (channel: unknown): string =>
		`${String(channel)} is not configured on app ${app.id} (it has ${configured.join(', ') || 'no channels'})`;
	const issues: string[] = [];
	const order = (body.channel_priority_order as string[] | undefined) ?? [];
	order.forEach((channel, i) => {
		if (!configured.includes(channel))
			issues.push(`channel_priority_order[${i}]: ${named(channel)}`);
	});
	const recipient = body.recipient as JsonObject;
	const identities = identitiesOf(recipient);
	identities.forEach((identity, i) => {
		if (!configured.includes(identity.channel))
			issues.push(
				`recipient.identified_by.channel_identities[${i}].channel: ${named(identity.channel)}`,
			);
	});
	if (recipient.identified_by !== undefined && identities.length === 0)
		issues.push(
			'recipient.identified_by.channel_identities: at least one channel identity is required',
		);
	if (recipient.contact_id !== undefined && app.processing_mode === 'DISPATCH')
		issues.push(
			`recipient.contact_id: app ${app.id} is in DISPATCH processing mode, which has no contacts; send to channel identities (recipient.identified_by)`,
		);
	return issues;
}

export interface ChannelTarget {
	channel: string;
	identity: string;
}

export function identitiesOf(recipient: JsonObject): ChannelTarget[] {
	const list = (recipient.identified_by as JsonObject | undefined)?.channel_identities;
	return Array.isArray(list) ? (list as unknown as ChannelTarget[]) : [];
}

/**
 * The channels a message is tried on, in order: the identities (sorted by channel_priority_order when given). For a
 * contact, its identities on the app's channels (in channel_priority_order, else the contact's channel priority, else
 * as listed); a contact the emulator does not know (or with none of the app's channels) is tried on the priority order
 * or the app's first channel, its contact ID standing in for the identity.
 */
export function deliveryPlan(
	body: JsonObject,
	app: App,
	contact?: { channel_identities: ChannelTarget[]; channel_priority: string[] },
): ChannelTarget[] {
	const order = (body.channel_priority_order as string[] | undefined) ?? [];
	const recipient = body.recipient as JsonObject;
	const identities = identitiesOf(recipient);
	const byOrder = (targets: ChannelTarget[], ranking: string[]): ChannelTarget[] => {
		if (ranking.length === 0) return targets;
		const rank = (target: ChannelTarget): number => {
			const at = ranking.indexOf(target.channel);
			return at === -1 ? ranking.length : at;
		};
		return [...targets].sort((a, b) => rank(a) - rank(b));
	};
	if (identities.length > 0) return byOrder(identities, order);
	const configured = appChannels(app);
	const reachable = (contact?.channel_identities ?? [])
		.filter((identity) => configured.includes(identity.channel))
		.map(({ channel, identity }) => ({ channel, identity }));
	if (reachable.length > 0)
		return byOrder(reachable, order.length > 0 ? order : (contact?.channel_priority ?? []));
	const channels = order.length > 0 ? order : configured.slice(0, 1);
	return channels.map((channel) => ({ channel, identity: String(recipient.contact_id) }));
}

export function isFailingIdentity(identity: string): boolean {
	return identity.startsWith(FAILING_IDENTITY_PREFIX);
}
