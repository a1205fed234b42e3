import type { IDataObject } from 'n8n-workflow';

import { APP_FIELDS } from './appRules';
import { withoutReadOnlyFields } from './validateApp';

/**
 * What an Update does to the app's channel_credentials list. Sinch replaces that list as a whole on every update, so
 * each mode is turned into the complete new list here, from the list the app has now.
 */
export type ChannelCredentialsChange =
	| { mode: 'keep' }
	| { mode: 'replace'; entries: IDataObject[] }
	| { mode: 'upsert'; entries: IDataObject[] }
	| { mode: 'remove'; channels: string[] };

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** Sinch leaves credential_ordinal_number out, or answers 0, for every channel but LINE: both mean 0. */
export function ordinalOf(entry: IDataObject): unknown {
	return entry.credential_ordinal_number ?? 0;
}

/** The identity of a channel_credentials entry: its channel and its ordinal number (several only for LINE). */
export function entryKey(entry: IDataObject): string {
	return `${String(entry.channel)}#${String(ordinalOf(entry))}`;
}

/**
 * Adds entries to a channel list, or replaces the entries they match by (channel, ordinal number). A replaced entry
 * keeps its place in the list, which is the channel priority; new entries go last, in the order given. Entries that
 * match nothing given are kept as they are. When `entries` has two entries with one key, the later one wins.
 */
export function upsertChannelEntries(
	current: IDataObject[],
	entries: IDataObject[],
): IDataObject[] {
	const result = [...current];
	for (const entry of entries) {
		const key = entryKey(entry);
		const at = result.findIndex((existing) => entryKey(existing) === key);
		if (at === -1) result.push(entry);
		else result[at] = entry;
	}
	return result;
}

/** Drops every entry of the given channels (all LINE credentials when LINE is given). */
export function removeChannels(current: IDataObject[], channels: string[]): IDataObject[] {
	const gone = new Set(channels);
	return current.filter((entry) => !gone.has(String(entry.channel)));
}

/** The complete channel list after a change, from the list the app has now. */
export function applyChannelChange(
	current: IDataObject[],
	change: ChannelCredentialsChange,
): IDataObject[] {
	switch (change.mode) {
		case 'replace':
			return [...change.entries];
		case 'upsert':
			return upsertChannelEntries(current, change.entries);
		case 'remove':
			return removeChannels(current, change.channels);
		default:
			return current;
	}
}

/** Keys (in a stable order) of entries in `entries` that share a (channel, ordinal number) key with an earlier one. */
export function duplicateEntryKeys(
	entries: IDataObject[],
): Array<{ key: string; first: number; again: number }> {
	const seen = new Map<string, number>();
	const duplicates: Array<{ key: string; first: number; again: number }> = [];
	entries.forEach((entry, index) => {
		if (!isObject(entry)) return;
		const key = entryKey(entry);
		const first = seen.get(key);
		if (first === undefined) seen.set(key, index);
		else duplicates.push({ key, first, again: index });
	});
	return duplicates;
}

/** JSON with object keys sorted, so two values compare equal whatever order Sinch or the user wrote the keys in. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (isObject(value)) {
		const keys = Object.keys(value)
			.filter((key) => value[key] !== undefined)
			.sort();
		return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
	}
	return JSON.stringify(value ?? null);
}

/** A channel list in a form where "ordinal left out" and "ordinal 0" are the same, for comparison only. */
function comparableChannels(value: unknown): unknown {
	if (!Array.isArray(value)) return value;
	return value.map((entry: unknown) =>
		isObject(entry) ? { ...entry, credential_ordinal_number: ordinalOf(entry) } : entry,
	);
}

function sameField(field: string, stored: unknown, next: unknown): boolean {
	if (field === 'channel_credentials')
		return canonical(comparableChannels(stored)) === canonical(comparableChannels(next));
	return canonical(stored) === canonical(next);
}

/** Top-level fields of `next` whose value differs from the stored app's, in Sinch's field order (unknown ones last). */
export function changedFields(stored: IDataObject, next: IDataObject): string[] {
	const order = (field: string) => {
		const at = APP_FIELDS.indexOf(field);
		return at === -1 ? APP_FIELDS.length : at;
	};
	return Object.keys(next)
		.filter((field) => next[field] !== undefined && !sameField(field, stored[field], next[field]))
		.sort((a, b) => order(a) - order(b));
}

/**
 * Merges a setting into the stored one: an object setting (retention_policy, delivery_report_based_fallback, …) keeps
 * the stored sub-fields that the change leaves out; anything else is replaced.
 */
function mergeSetting(stored: unknown, change: unknown): unknown {
	if (isObject(stored) && isObject(change)) return { ...stored, ...change };
	return change;
}

export interface AppUpdate {
	/** The stored app without read-only fields, with the changes applied: what the app will be. */
	merged: IDataObject;
	/** Only the fields that change, as sent in the PATCH body. */
	body: IDataObject;
	/** The same fields' names, for update_mask. Empty when nothing changes. */
	updateMask: string[];
}

/**
 * Plans an update from the app as Sinch answered it (read-only fields are dropped here), the changed settings and
 * display name in Sinch's shape (no channel_credentials), and what to do with the channel list. Pure: sends nothing.
 */
export function planAppUpdate(
	storedApp: IDataObject,
	settings: IDataObject,
	channels: ChannelCredentialsChange,
): AppUpdate {
	const stored = withoutReadOnlyFields(storedApp);
	const merged: IDataObject = { ...stored };
	for (const [field, value] of Object.entries(settings)) {
		if (field === 'channel_credentials' || value === undefined) continue;
		merged[field] = mergeSetting(stored[field], value) as IDataObject[keyof IDataObject];
	}
	const touched = Object.keys(settings).filter(
		(field) => field !== 'channel_credentials' && settings[field] !== undefined,
	);
	if (channels.mode !== 'keep') {
		const current = Array.isArray(stored.channel_credentials)
			? (stored.channel_credentials as IDataObject[])
			: [];
		merged.channel_credentials = applyChannelChange(current, channels);
		touched.push('channel_credentials');
	}
	const candidates: IDataObject = {};
	for (const field of touched) candidates[field] = merged[field];
	const updateMask = changedFields(stored, candidates);
	const body: IDataObject = {};
	for (const field of updateMask) body[field] = merged[field];
	return { merged, body, updateMask };
}
