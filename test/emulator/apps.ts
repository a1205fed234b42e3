import type { ChannelState, ChannelStates } from './channel-states';
import { DEFAULT_RATE_LIMIT, type RateLimits } from './rate-limits';
import { ulid } from './ulid';
import type { App, ChannelCredentialResponse, Json, JsonObject } from './types';

/** What Sinch answers for fields a client never set (reference table), and the fixed read-only values. */
const DEFAULTS = {
	conversation_metadata_report_view: 'NONE',
	retention_policy: { retention_type: 'MESSAGE_EXPIRE_POLICY', ttl_days: 180 },
	dispatch_retention_policy: { retention_type: 'MESSAGE_EXPIRE_POLICY', ttl_days: 0 },
	processing_mode: 'DISPATCH',
	smart_conversation: { enabled: false },
	callback_settings: { secret_for_overridden_callback_urls: '' },
	delivery_report_based_fallback: { enabled: false },
	message_retry_settings: { retry_duration: 3600 },
} as const;
const RATE_LIMITS = {
	inbound: DEFAULT_RATE_LIMIT,
	outbound: DEFAULT_RATE_LIMIT,
	webhooks: DEFAULT_RATE_LIMIT,
};
const QUEUE_STATS = { outbound_size: 0, outbound_limit: 500000 };

/** Apps of the emulator's one project, in creation order. Stores what clients set; answers add the rest. */
export class AppStore {
	private readonly settable = new Map<string, JsonObject>();

	/** Without channel states every entry is answered ACTIVE; without rate limits every app has Sinch's defaults. */
	constructor(
		private readonly states?: ChannelStates,
		private readonly rateLimits?: RateLimits,
	) {}

	/** `fields` must have passed validateAppBody('create'). */
	create(fields: JsonObject): App {
		const id = ulid();
		this.settable.set(id, structuredClone(fields));
		this.states?.record(id, entriesOf(fields));
		return this.get(id) as App;
	}

	get(id: string): App | undefined {
		const fields = this.settable.get(id);
		return (
			fields &&
			present(
				id,
				fields,
				(entry) => this.states?.stateOf(id, entry) ?? ACTIVE,
				this.rateLimits?.outboundOf(id) ?? DEFAULT_RATE_LIMIT,
			)
		);
	}

	list(): App[] {
		return [...this.settable.keys()].map((id) => this.get(id) as App);
	}

	/**
	 * `changes` must have passed validateAppBody('update'). Without a mask every field sent replaces the stored one;
	 * with a mask only the masked paths change, and a masked path absent from the body is cleared (back to its default),
	 * as with a protobuf FieldMask.
	 */
	update(id: string, changes: JsonObject, mask: readonly string[] | undefined): App | undefined {
		const current = this.settable.get(id);
		if (!current) return undefined;
		const next = structuredClone(current);
		const paths = mask ?? Object.keys(changes);
		for (const maskPath of paths) copyPath(changes, next, maskPath.split('.'));
		this.settable.set(id, next);
		this.states?.record(id, entriesOf(next));
		return this.get(id);
	}

	delete(id: string): boolean {
		this.rateLimits?.forget(id);
		return this.settable.delete(id);
	}

	clear(): void {
		this.settable.clear();
	}
}

/** Sets (or, when the source lacks it, removes) the value at `path` in `target`. */
export function copyPath(source: JsonObject, target: JsonObject, path: string[]): void {
	const [head, ...rest] = path;
	const value = source[head];
	if (rest.length === 0) {
		if (value === undefined) delete target[head];
		else target[head] = structuredClone(value);
		return;
	}
	const sourceChild = isObject(value) ? value : {};
	if (!isObject(target[head])) target[head] = {};
	copyPath(sourceChild, target[head] as JsonObject, rest);
}

function isObject(value: Json | undefined): value is JsonObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Nested defaults apply per field: a sent {ttl_days: 30} still answers retention_type. */
function withDefault<T extends object>(defaults: T, given: Json | undefined): T {
	return { ...defaults, ...(isObject(given) ? given : {}) } as T;
}

const ACTIVE: ChannelState = { status: 'ACTIVE', description: '' };

const entriesOf = (fields: JsonObject) =>
	(fields.channel_credentials as JsonObject[] | undefined) ?? [];

function present(
	id: string,
	fields: JsonObject,
	stateOf: (entry: JsonObject) => ChannelState,
	outbound: number,
): App {
	const app: App = {
		id,
		display_name: (fields.display_name as string | undefined) ?? '',
		channel_credentials: entriesOf(fields).map((entry) => presentCredential(entry, stateOf(entry))),
		conversation_metadata_report_view:
			(fields.conversation_metadata_report_view as
				| App['conversation_metadata_report_view']
				| undefined) ?? DEFAULTS.conversation_metadata_report_view,
		rate_limits: { ...RATE_LIMITS, outbound },
		retention_policy: withDefault(DEFAULTS.retention_policy, fields.retention_policy),
		dispatch_retention_policy: withDefault(
			DEFAULTS.dispatch_retention_policy,
			fields.dispatch_retention_policy,
		),
		processing_mode:
			(fields.processing_mode as App['processing_mode'] | undefined) ?? DEFAULTS.processing_mode,
		smart_conversation: withDefault(DEFAULTS.smart_conversation, fields.smart_conversation),
		queue_stats: { ...QUEUE_STATS },
		callback_settings: withDefault(DEFAULTS.callback_settings, fields.callback_settings),
		delivery_report_based_fallback: withDefault(
			DEFAULTS.delivery_report_based_fallback,
			fields.delivery_report_based_fallback,
		),
		message_retry_settings: withDefault(
			DEFAULTS.message_retry_settings,
			fields.message_retry_settings,
		),
	};
	return structuredClone(app);
}

function presentCredential(entry: JsonObject, state: ChannelState): ChannelCredentialResponse {
	return {
		...entry,
		channel: entry.channel as string,
		credential_ordinal_number: (entry.credential_ordinal_number as number | undefined) ?? 0,
		state: { ...state },
		channel_known_id: '',
	};
}
