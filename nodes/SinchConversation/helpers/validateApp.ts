import type { IDataObject } from 'n8n-workflow';

import {
	APP_FIELDS,
	CALLBACK_SECRET_MAX_LENGTH,
	DISPATCH_RETENTION_TYPE,
	METADATA_REPORT_VIEWS,
	PROCESSING_MODES,
	RANGES,
	READ_ONLY_APP_FIELDS,
	READ_ONLY_ENTRY_FIELDS,
	RETENTION_TYPES,
	type Range,
} from './appRules';
import { CHANNEL_BY_VALUE, CHANNELS, CREDENTIAL_PROPERTIES, LINE_ENTERPRISE_REGIONS, type CredentialField } from './channels';
import { MASK } from './secrets';

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const describeValue = (value: unknown) => (typeof value === 'string' ? `"${value}"` : JSON.stringify(value));

function checkRange(label: string, value: unknown, range: Range, problems: string[]) {
	if (value === undefined) return;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < range.min || value > range.max) {
		problems.push(`${label} ${describeValue(value)} is out of range. Use a whole number from ${range.min} to ${range.max}.`);
	}
}

function checkEnum(label: string, value: unknown, allowed: string[], problems: string[]) {
	if (value !== undefined && !allowed.includes(value as string)) {
		problems.push(`${label} ${describeValue(value)} is not valid. Use one of ${allowed.join(', ')}.`);
	}
}

function checkBoolean(label: string, value: unknown, problems: string[]) {
	if (value !== undefined && typeof value !== 'boolean') {
		problems.push(`${label} ${describeValue(value)} must be true or false.`);
	}
}

function checkObject(label: string, value: unknown, problems: string[]): value is IDataObject | undefined {
	if (value === undefined || isObject(value)) return true;
	problems.push(`${label} must be an object, not ${describeValue(value)}.`);
	return false;
}

function fieldLabel(field: CredentialField) {
	return `${field.displayName} (${field.path.join('.')})`;
}

function checkCredentialFields(prefix: string, fields: CredentialField[], credential: IDataObject, problems: string[]) {
	const known = new Set(fields.map((field) => field.path[0]));
	for (const key of Object.keys(credential)) {
		if (!known.has(key) && key !== 'is_default') {
			problems.push(`${prefix}: unknown credential field "${key}". Use only ${[...known].join(', ')}.`);
		}
	}
	const basicAuth = credential.basic_auth;
	for (const field of fields) {
		const parent = field.path.length > 1 ? credential[field.path[0]] : credential;
		if (field.path.length > 1 && parent === undefined) continue;
		if (!isObject(parent)) {
			// basic_auth has two fields: say it once.
			const problem = `${prefix}: ${field.path[0]} must be an object.`;
			if (!problems.includes(problem)) problems.push(problem);
			continue;
		}
		const value = parent[field.path[field.path.length - 1]];
		// basic_auth is optional as a whole, but once given both of its fields are required.
		const required = field.required || (field.path[0] === 'basic_auth' && basicAuth !== undefined);
		if (value === undefined || value === '') {
			if (required) problems.push(`${prefix}: ${fieldLabel(field)} is required. ${field.description}.`);
		} else if (typeof value !== 'string') {
			problems.push(`${prefix}: ${fieldLabel(field)} must be text, not ${describeValue(value)}.`);
		} else if (field.secret && value === MASK) {
			problems.push(`${prefix}: ${fieldLabel(field)} is a masked value from an earlier output. Enter the real secret.`);
		}
	}
}

function checkLineEnterprise(prefix: string, credential: IDataObject, problems: string[]) {
	const regions = Object.keys(credential).filter((key) => key !== 'is_default');
	const lineFields = CHANNEL_BY_VALUE.get('LINE')!.fields;
	if (regions.length !== 1 || !LINE_ENTERPRISE_REGIONS.includes(regions[0])) {
		problems.push(`${prefix}: an enterprise LINE credential needs exactly one of ${LINE_ENTERPRISE_REGIONS.join(' or ')}.`);
		return;
	}
	const region = credential[regions[0]];
	if (!isObject(region)) {
		problems.push(`${prefix}: ${regions[0]} must be an object with token and secret.`);
		return;
	}
	checkCredentialFields(`${prefix} ${regions[0]}`, lineFields, region, problems);
}

function checkEntry(entry: unknown, index: number, problems: string[]) {
	const where = `Channel Credentials, entry ${index + 1}`;
	if (!isObject(entry)) {
		problems.push(`${where} must be an object with a channel and its credential, not ${describeValue(entry)}.`);
		return;
	}
	const spec = CHANNEL_BY_VALUE.get(entry.channel as string);
	if (!spec) {
		const channels = CHANNELS.map((c) => c.value).join(', ');
		problems.push(
			entry.channel === undefined || entry.channel === ''
				? `${where}: Channel is missing. Set "channel" to one of ${channels}.`
				: `${where}: Channel ${describeValue(entry.channel)} is not a Sinch channel. Use one of ${channels}.`,
		);
		return;
	}
	const prefix = `${where} (${spec.value})`;
	const allowed = spec.value === 'LINE' ? ['line_credentials', 'line_enterprise_credentials'] : [spec.property];
	const given = Object.keys(entry).filter((key) => CREDENTIAL_PROPERTIES.has(key));
	for (const key of Object.keys(entry)) {
		if (!given.includes(key) && !['channel', 'callback_secret', 'credential_ordinal_number'].includes(key)) {
			problems.push(`${prefix}: unknown field "${key}". An entry has channel, ${allowed.join(' or ')}, callback_secret and credential_ordinal_number.`);
		}
	}
	if (given.length !== 1 || !allowed.includes(given[0])) {
		const found = given.length ? given.join(' and ') : 'none';
		problems.push(`${prefix}: needs exactly one credential object, ${allowed.join(' or ')}; found ${found}.`);
		return;
	}
	const credential = entry[given[0]];
	if (!isObject(credential)) {
		problems.push(`${prefix}: ${given[0]} must be an object.`);
		return;
	}
	if (given[0] === 'line_enterprise_credentials') checkLineEnterprise(prefix, credential, problems);
	else checkCredentialFields(prefix, spec.fields, credential, problems);
	if (spec.value === 'LINE') checkBoolean(`${prefix}: Is Default`, credential.is_default, problems);

	const secret = entry.callback_secret;
	if (secret !== undefined && typeof secret !== 'string') {
		problems.push(`${prefix}: Callback Secret must be text.`);
	} else if (typeof secret === 'string' && secret.length > CALLBACK_SECRET_MAX_LENGTH) {
		problems.push(`${prefix}: Callback Secret has ${secret.length} characters. Use at most ${CALLBACK_SECRET_MAX_LENGTH}.`);
	} else if (secret === MASK) {
		problems.push(`${prefix}: Callback Secret is a masked value from an earlier output. Enter the real secret.`);
	}
	const ordinal = entry.credential_ordinal_number;
	checkRange(`${prefix}: Credential Ordinal Number`, ordinal, RANGES.ordinal, problems);
	if (spec.value !== 'LINE' && ordinal !== undefined && ordinal !== 0) {
		problems.push(`${prefix}: Credential Ordinal Number ${describeValue(ordinal)} is only for LINE. Leave it at 0 for ${spec.name}.`);
	}
}

/** Only LINE can hold several credentials in one app (told apart by ordinal); Sinch rejects a second entry of any other channel. */
function checkSingleCredentialChannels(entries: unknown[], problems: string[]) {
	const first = new Map<string, number>();
	entries.forEach((entry, index) => {
		const spec = isObject(entry) ? CHANNEL_BY_VALUE.get(entry.channel as string) : undefined;
		if (!spec || spec.value === 'LINE') return;
		const earlier = first.get(spec.value);
		if (earlier === undefined) first.set(spec.value, index);
		else {
			problems.push(
				`Channel Credentials, entry ${index + 1} (${spec.value}): ${spec.name} is already in entry ${earlier + 1}. An app has one credential per channel (only LINE can have several); remove one of the two entries.`,
			);
		}
	});
}

/** Several LINE credentials in one app need their own ordinal numbers and exactly one default. */
function checkLineEntries(entries: unknown[], problems: string[]) {
	const lines = entries
		.map((entry, index) => ({ entry: entry as IDataObject, index }))
		.filter(({ entry }) => isObject(entry) && entry.channel === 'LINE');
	const seen = new Map<number, number>();
	for (const { entry, index } of lines) {
		const ordinal = (entry.credential_ordinal_number ?? 0) as number;
		const first = seen.get(ordinal);
		if (first !== undefined) {
			problems.push(
				`Channel Credentials, entry ${index + 1} (LINE): Credential Ordinal Number ${ordinal} is already used by entry ${first + 1}. Give each LINE entry its own number from 0 to 255.`,
			);
		} else seen.set(ordinal, index);
	}
	if (lines.length > 1) {
		const defaults = lines.filter(({ entry }) => {
			const credential = (entry.line_credentials ?? entry.line_enterprise_credentials) as IDataObject | undefined;
			return credential?.is_default === true;
		});
		if (defaults.length !== 1) {
			problems.push(
				`Channel Credentials: ${lines.length} LINE entries need exactly one with Is Default on; found ${defaults.length}. Turn Is Default on for one of entries ${lines.map(({ index }) => index + 1).join(', ')}.`,
			);
		}
	}
}

function checkSettings(body: IDataObject, problems: string[]) {
	checkEnum('Conversation Metadata Report View', body.conversation_metadata_report_view, METADATA_REPORT_VIEWS, problems);
	checkEnum('Processing Mode', body.processing_mode, PROCESSING_MODES, problems);
	const retention = body.retention_policy;
	if (checkObject('Retention Policy', retention, problems) && retention) {
		checkEnum('Retention Policy, Type', retention.retention_type, RETENTION_TYPES, problems);
		checkRange('Retention Policy, TTL Days', retention.ttl_days, RANGES.retentionTtlDays, problems);
	}
	const dispatch = body.dispatch_retention_policy;
	if (checkObject('Dispatch Retention Policy', dispatch, problems) && dispatch) {
		checkEnum('Dispatch Retention Policy, Type', dispatch.retention_type, [DISPATCH_RETENTION_TYPE], problems);
		checkRange('Dispatch Retention Policy, TTL Days', dispatch.ttl_days, RANGES.dispatchTtlDays, problems);
	}
	const smart = body.smart_conversation;
	if (checkObject('Smart Conversation', smart, problems) && smart) {
		checkBoolean('Smart Conversation, Enabled', smart.enabled, problems);
	}
	const callbacks = body.callback_settings;
	if (checkObject('Callback Settings', callbacks, problems) && callbacks) {
		const secret = callbacks.secret_for_overridden_callback_urls;
		if (secret !== undefined && typeof secret !== 'string') {
			problems.push('Secret for Overridden Callback URLs must be text.');
		} else if (secret === MASK) {
			problems.push('Secret for Overridden Callback URLs is a masked value from an earlier output. Enter the real secret.');
		}
	}
	const retry = body.message_retry_settings;
	if (checkObject('Message Retry Settings', retry, problems) && retry) {
		checkRange('Message Retry Duration', retry.retry_duration, RANGES.retryDuration, problems);
	}
	const fallback = body.delivery_report_based_fallback;
	if (checkObject('Delivery Report Based Fallback', fallback, problems) && fallback) {
		checkBoolean('Delivery Report Based Fallback, Enabled', fallback.enabled, problems);
		checkRange('Delivery Report Based Fallback, Waiting Time', fallback.delivery_report_waiting_time, RANGES.fallbackWaitingTime, problems);
	}
}

export function checkChannelCredentials(entries: unknown, problems: string[]) {
	if (!Array.isArray(entries)) {
		problems.push(`Channel Credentials must be a list of entries, not ${describeValue(entries)}.`);
		return;
	}
	entries.forEach((entry, index) => checkEntry(entry, index, problems));
	checkSingleCredentialChannels(entries, problems);
	checkLineEntries(entries, problems);
}

/** Drops what Sinch fills in on each channel entry (state, known ID); anything but a list is left for the checks. */
export function withoutReadOnlyEntryFields(entries: unknown): unknown {
	if (!Array.isArray(entries)) return entries;
	return entries.map((entry: unknown) => {
		if (!isObject(entry)) return entry;
		const clean = { ...entry };
		for (const key of READ_ONLY_ENTRY_FIELDS) delete clean[key];
		return clean;
	});
}

/** Drops what Sinch fills in itself, so the output of Get can be fed back as input. */
export function withoutReadOnlyFields(body: IDataObject): IDataObject {
	const copy: IDataObject = { ...body };
	for (const key of READ_ONLY_APP_FIELDS) delete copy[key];
	if (copy.channel_credentials !== undefined) {
		copy.channel_credentials = withoutReadOnlyEntryFields(copy.channel_credentials) as IDataObject[];
	}
	return copy;
}

/**
 * Every rule Sinch applies that can be checked before sending, on a body in Sinch's shape (from the UI or from JSON).
 * Returns the problems, each naming the field and how to fix it; an empty list means the body may be sent.
 */
export function checkAppBody(body: unknown, mode: 'create' | 'update'): string[] {
	const problems: string[] = [];
	if (!isObject(body)) return [`The app must be a JSON object, not ${describeValue(body)}.`];
	for (const key of Object.keys(body)) {
		if (!APP_FIELDS.includes(key)) {
			problems.push(`Unknown app field "${key}". Use only ${APP_FIELDS.join(', ')}.`);
		}
	}
	const name = body.display_name;
	if (mode === 'create' || name !== undefined) {
		if (typeof name !== 'string' || name.trim() === '') problems.push('Display Name is required. Enter a name for the app.');
	}
	if (mode === 'create' && body.channel_credentials === undefined) {
		problems.push('Channel Credentials are required. Give a list of entries; it may be empty.');
	} else if (body.channel_credentials !== undefined) {
		checkChannelCredentials(body.channel_credentials, problems);
	}
	checkSettings(body, problems);
	return problems;
}
