import type { IDataObject } from 'n8n-workflow';

/** A channel entry Sinch did not accept, with Sinch's reason. */
export interface FailingChannel extends IDataObject {
	channel: string;
	description: string;
}

/** Where an app's channels stand after Sinch's check of their credentials. */
export interface ChannelStatusSummary extends IDataObject {
	/** FAILING when any entry fails, else PENDING when any is still being checked, else ACTIVE (also with no channels). */
	result: 'ACTIVE' | 'FAILING' | 'PENDING';
	active: string[];
	failing: FailingChannel[];
	pending: string[];
}

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** The channel's name, with the ordinal number when it is not 0 (several LINE credentials), e.g. "LINE #2". */
export function channelLabel(entry: IDataObject): string {
	const ordinal = entry.credential_ordinal_number;
	const name = String(entry.channel ?? '?');
	return typeof ordinal === 'number' && ordinal !== 0 ? `${name} #${ordinal}` : name;
}

/** Sorts an app's channel entries by state. An entry without a known state counts as still pending. */
export function summarizeChannelStates(app: IDataObject): ChannelStatusSummary {
	const summary: ChannelStatusSummary = { result: 'ACTIVE', active: [], failing: [], pending: [] };
	const entries = Array.isArray(app.channel_credentials)
		? (app.channel_credentials as unknown[])
		: [];
	for (const entry of entries.filter(isObject)) {
		const state = isObject(entry.state) ? entry.state : {};
		if (state.status === 'ACTIVE') summary.active.push(channelLabel(entry));
		else if (state.status === 'FAILING') {
			summary.failing.push({
				channel: channelLabel(entry),
				description: String(state.description ?? ''),
			});
		} else summary.pending.push(channelLabel(entry));
	}
	if (summary.failing.length > 0) summary.result = 'FAILING';
	else if (summary.pending.length > 0) summary.result = 'PENDING';
	return summary;
}

/**
 * Milliseconds to wait before the check after `checksDone` checks: doubling from a first wait of a 40th of the
 * timeout (25 ms to 2 s), capped at a quarter of the timeout (at most 15 s). With the default 120 s: 2, 4, 8, 15, 15 s...
 * so Sinch sees about ten requests; a short timeout in a test polls in milliseconds.
 */
export function pollDelay(checksDone: number, timeoutMs: number): number {
	const first = Math.min(2000, Math.max(25, timeoutMs / 40));
	const cap = Math.max(first, Math.min(15000, timeoutMs / 4));
	return Math.min(cap, first * 2 ** checksDone);
}

const reasonOf = (entry: FailingChannel) => entry.description || 'Sinch gave no reason';

/** One line per failing channel, for an error message. */
export function describeFailing(failing: FailingChannel[]): string {
	return failing.map((entry) => `${entry.channel}: ${reasonOf(entry)}`).join('; ');
}

/** The error message for an app whose channels failed Sinch's check: each channel named once, with its reason. */
export function failingMessage(appId: string, failing: FailingChannel[]): string {
	if (failing.length === 1)
		return `Channel ${failing[0].channel} of app ${appId} is FAILING: ${reasonOf(failing[0])}`;
	return `${failing.length} channels of app ${appId} are FAILING: ${describeFailing(failing)}`;
}
