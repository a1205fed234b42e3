import type { ChannelIntegrationStatus, ChannelRejection, JsonObject } from './types';

/** A credential value starting with this makes its channel entry FAILING, so n8n runs can show a failure without setup. */
export const REJECTED_PREFIX = 'fail-';

export interface ChannelState {
	status: ChannelIntegrationStatus;
	description: string;
}

const NOT_CREDENTIALS = new Set(['channel', 'credential_ordinal_number', 'callback_secret']);

/** Every string inside an entry's credential object (token, secret, sender ID, ...). */
function credentialValues(entry: JsonObject): string[] {
	const found: string[] = [];
	const walk = (value: unknown): void => {
		if (typeof value === 'string') found.push(value);
		else if (value && typeof value === 'object') Object.values(value).forEach(walk);
	};
	for (const [key, value] of Object.entries(entry)) if (!NOT_CREDENTIALS.has(key)) walk(value);
	return found;
}

/**
 * Sinch checks channel credentials after a create or update: an entry is PENDING, then ACTIVE or FAILING. Here an
 * entry is PENDING for `activationMs` after it was set (0: never, the emulator's first behaviour), then FAILING when
 * a rejection rule or the `fail-` prefix matches its credentials, else ACTIVE. Shared by every region's store.
 */
export class ChannelStates {
	private readonly setAt = new Map<string, { fingerprint: string; at: number }>();
	private rejections: ChannelRejection[] = [];

	constructor(public activationMs = 0) {}

	/** Notes when each entry of an app was set; an entry whose channel credentials are unchanged keeps its time. */
	record(appId: string, entries: readonly JsonObject[]): void {
		const now = Date.now();
		const kept = new Set<string>();
		for (const entry of entries) {
			const key = entryKey(appId, entry);
			const fingerprint = JSON.stringify(entry);
			kept.add(key);
			if (this.setAt.get(key)?.fingerprint !== fingerprint)
				this.setAt.set(key, { fingerprint, at: now });
		}
		for (const key of this.setAt.keys())
			if (key.startsWith(`${appId}|`) && !kept.has(key)) this.setAt.delete(key);
	}

	stateOf(appId: string, entry: JsonObject): ChannelState {
		const at = this.setAt.get(entryKey(appId, entry))?.at ?? 0;
		if (Date.now() - at < this.activationMs) return { status: 'PENDING', description: '' };
		const rejected = this.rejectionOf(entry);
		return rejected === undefined
			? { status: 'ACTIVE', description: '' }
			: { status: 'FAILING', description: rejected };
	}

	reject(rule: ChannelRejection): void {
		this.rejections.push(rule);
	}

	/** When each channel entry was set, for Emulator.state(). Rejection rules are a test's setup and are not kept. */
	saved(): Array<[string, { fingerprint: string; at: number }]> {
		return [...this.setAt].map(([key, value]) => [key, { ...value }]);
	}

	load(saved: ReadonlyArray<[string, { fingerprint: string; at: number }]>): void {
		this.setAt.clear();
		for (const [key, value] of saved) this.setAt.set(key, { ...value });
	}

	/** Forgets rejection rules and entry times; the activation delay stays as configured. */
	clear(): void {
		this.rejections = [];
		this.setAt.clear();
	}

	/** The description of the rule that rejects this entry, if any. */
	private rejectionOf(entry: JsonObject): string | undefined {
		const channel = String(entry.channel);
		const values = credentialValues(entry);
		const rule = this.rejections.find(
			(candidate) =>
				(candidate.channel === undefined || candidate.channel.toUpperCase() === channel) &&
				(candidate.token === undefined || values.includes(candidate.token)),
		);
		if (rule) return rule.description ?? defaultDescription(channel);
		return values.some((value) => value.startsWith(REJECTED_PREFIX))
			? defaultDescription(channel)
			: undefined;
	}
}

function entryKey(appId: string, entry: JsonObject): string {
	return `${appId}|${String(entry.channel)}#${String(entry.credential_ordinal_number ?? 0)}`;
}

function defaultDescription(channel: string): string {
	return `${channel} did not accept the credentials: authentication with the channel failed`;
}

/** Checks a body posted to /_emulator/channel-states; returns a problem or undefined. */
export function channelStatesRequestProblem(body: unknown): string | undefined {
	if (body === null || typeof body !== 'object' || Array.isArray(body))
		return 'body must be a JSON object';
	const { activationMs, reject } = body as Record<string, unknown>;
	if (activationMs !== undefined && !(typeof activationMs === 'number' && activationMs >= 0))
		return 'activationMs must be a number >= 0';
	if (reject === undefined) return undefined;
	if (reject === null || typeof reject !== 'object' || Array.isArray(reject))
		return 'reject must be an object';
	for (const key of ['channel', 'token', 'description'] as const) {
		const value = (reject as Record<string, unknown>)[key];
		if (value !== undefined && typeof value !== 'string') return `reject.${key} must be a string`;
	}
	return undefined;
}
