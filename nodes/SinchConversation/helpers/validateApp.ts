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
import {
	CHANNEL_BY_VALUE,
	CHANNELS,
	CREDENTIAL_PROPERTIES,
	LINE_ENTERPRISE_REGIONS,
	type CredentialField,
} from './channels';
import { MASK } from './secrets';
import { notTextProblem } from './text';

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** Messages name what the user typed: the form's labels, or in JSON mode the JSON keys. */
export type Naming = 'fields' | 'json';

const FIELD_NAMES = {
	displayName: 'Display Name',
	channels: 'Channel Credentials',
	callbackSecret: 'Callback Secret',
	ordinal: 'Credential Ordinal Number',
	isDefault: 'Is Default',
	metadataView: 'Metadata in Callbacks',
	processingMode: 'Processing Mode',
	retention: 'Retention Policy',
	retentionType: 'Retention Type',
	retentionTtl: 'Retention TTL (Days)',
	dispatch: 'Dispatch Retention Policy',
	dispatchType: 'Dispatch Retention Type',
	dispatchTtl: 'Dispatch Retention TTL (Days)',
	smart: 'Smart Conversation',
	smartEnabled: 'Smart Conversation',
	callbacks: 'Callback Settings',
	overrideSecret: 'Callback URL Secret',
	retry: 'Message Retry Settings',
	retryDuration: 'Message Retry (Seconds)',
	fallback: 'Delivery Report Based Fallback',
	fallbackEnabled: 'Delivery Report Fallback',
	fallbackWaitingTime: 'Fallback Wait (Seconds)',
};

const JSON_NAMES: typeof FIELD_NAMES = {
	displayName: 'display_name',
	channels: 'channel_credentials',
	callbackSecret: 'callback_secret',
	ordinal: 'credential_ordinal_number',
	isDefault: 'is_default',
	metadataView: 'conversation_metadata_report_view',
	processingMode: 'processing_mode',
	retention: 'retention_policy',
	retentionType: 'retention_policy.retention_type',
	retentionTtl: 'retention_policy.ttl_days',
	dispatch: 'dispatch_retention_policy',
	dispatchType: 'dispatch_retention_policy.retention_type',
	dispatchTtl: 'dispatch_retention_policy.ttl_days',
	smart: 'smart_conversation',
	smartEnabled: 'smart_conversation.enabled',
	callbacks: 'callback_settings',
	overrideSecret: 'callback_settings.secret_for_overridden_callback_urls',
	retry: 'message_retry_settings',
	retryDuration: 'message_retry_settings.retry_duration',
	fallback: 'delivery_report_based_fallback',
	fallbackEnabled: 'delivery_report_based_fallback.enabled',
	fallbackWaitingTime: 'delivery_report_based_fallback.delivery_report_waiting_time',
};

type Names = typeof FIELD_NAMES;
const namesFor = (naming: Naming): Names => (naming === 'json' ? JSON_NAMES : FIELD_NAMES);

/** "Channel Credentials, entry 2" in the form; channel_credentials[1] in JSON. */
export function entryLabel(index: number, naming: Naming): string {
	return naming === 'json'
		? `channel_credentials[${index}]`
		: `Channel Credentials, entry ${index + 1}`;
}

const describeValue = (value: unknown) =>
	typeof value === 'string' ? `"${value}"` : JSON.stringify(value);

function checkRange(label: string, value: unknown, range: Range, problems: string[]) {
	if (value === undefined) return;
	if (
		typeof value !== 'number' ||
		!Number.isInteger(value) ||
		value < range.min ||
		value > range.max
	) {
		problems.push(
			`${label} ${describeValue(value)} is out of range. Use a whole number from ${range.min} to ${range.max}.`,
		);
	}
}

function checkEnum(label: string, value: unknown, allowed: string[], problems: string[]) {
	if (value !== undefined && !allowed.includes(value as string)) {
		problems.push(
			`${label} ${describeValue(value)} is not valid. Use one of ${allowed.join(', ')}.`,
		);
	}
}

function checkBoolean(label: string, value: unknown, problems: string[]) {
	if (value !== undefined && typeof value !== 'boolean') {
		problems.push(`${label} ${describeValue(value)} must be true or false.`);
	}
}

function checkObject(
	label: string,
	value: unknown,
	problems: string[],
): value is IDataObject | undefined {
	if (value === undefined || isObject(value)) return true;
	problems.push(`${label} must be an object, not ${describeValue(value)}.`);
	return false;
}

/** `jsonPath` (JSON mode) names the credential object, so a field is named by its keys, e.g. static_bearer.token. */
function checkCredentialFields(
	prefix: string,
	fields: CredentialField[],
	credential: IDataObject,
	problems: string[],
	jsonPath?: string,
) {
	const fieldLabel = (field: CredentialField) =>
		jsonPath
			? `${jsonPath}.${field.path.join('.')}`
			: `${field.displayName} (${field.path.join('.')})`;
	const known = new Set(fields.map((field) => field.path[0]));
	for (const key of Object.keys(credential)) {
		if (!known.has(key) && key !== 'is_default') {
			problems.push(
				`${prefix}: unknown credential field "${key}". Use only ${[...known].join(', ')}.`,
			);
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
		const pairedBasicAuth = field.path[0] === 'basic_auth' && basicAuth !== undefined;
		if (value === undefined || value === '') {
			// The field's description is a noun phrase (what the value is): it follows as a gloss, not as a sentence.
			if (field.required)
				problems.push(`${prefix}: ${fieldLabel(field)} is required: ${field.description}.`);
			else if (pairedBasicAuth)
				problems.push(
					`${prefix}: ${fieldLabel(field)} is required once Basic Auth is used: give both the username and the password, or neither.`,
				);
		} else if (typeof value !== 'string') {
			problems.push(`${prefix}: ${notTextProblem(fieldLabel(field), value)}`);
		} else if (field.secret && value === MASK) {
			problems.push(
				`${prefix}: ${fieldLabel(field)} is a masked value from an earlier output. Enter the real secret.`,
			);
		}
	}
}

function checkLineEnterprise(
	prefix: string,
	credential: IDataObject,
	problems: string[],
	naming: Naming,
) {
	const regions = Object.keys(credential).filter((key) => key !== 'is_default');
	const lineFields = CHANNEL_BY_VALUE.get('LINE')!.fields;
	if (regions.length !== 1 || !LINE_ENTERPRISE_REGIONS.includes(regions[0])) {
		problems.push(
			`${prefix}: an enterprise LINE credential needs exactly one of ${LINE_ENTERPRISE_REGIONS.join(' or ')}.`,
		);
		return;
	}
	const region = credential[regions[0]];
	if (!isObject(region)) {
		problems.push(`${prefix}: ${regions[0]} must be an object with token and secret.`);
		return;
	}
	if (naming === 'json') {
		checkCredentialFields(
			prefix,
			lineFields,
			region,
			problems,
			`line_enterprise_credentials.${regions[0]}`,
		);
	} else {
		checkCredentialFields(`${prefix} ${regions[0]}`, lineFields, region, problems);
	}
}

function checkEntry(entry: unknown, index: number, problems: string[], naming: Naming) {
	const names = namesFor(naming);
	const where = entryLabel(index, naming);
	if (!isObject(entry)) {
		problems.push(
			`${where} must be an object with a channel and its credential, not ${describeValue(entry)}.`,
		);
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
	const allowed =
		spec.value === 'LINE' ? ['line_credentials', 'line_enterprise_credentials'] : [spec.property];
	const given = Object.keys(entry).filter((key) => CREDENTIAL_PROPERTIES.has(key));
	for (const key of Object.keys(entry)) {
		if (
			!given.includes(key) &&
			!['channel', 'callback_secret', 'credential_ordinal_number'].includes(key)
		) {
			problems.push(
				`${prefix}: unknown field "${key}". An entry has channel, ${allowed.join(' or ')}, callback_secret and credential_ordinal_number.`,
			);
		}
	}
	if (given.length !== 1 || !allowed.includes(given[0])) {
		const found = given.length ? given.join(' and ') : 'none';
		problems.push(
			`${prefix}: needs exactly one credential object, ${allowed.join(' or ')}; found ${found}.`,
		);
		return;
	}
	const credential = entry[given[0]];
	if (!isObject(credential)) {
		problems.push(`${prefix}: ${given[0]} must be an object.`);
		return;
	}
	if (given[0] === 'line_enterprise_credentials')
		checkLineEnterprise(prefix, credential, problems, naming);
	else
		checkCredentialFields(
			prefix,
			spec.fields,
			credential,
			problems,
			naming === 'json' ? given[0] : undefined,
		);
	if (spec.value === 'LINE')
		checkBoolean(`${prefix}: ${names.isDefault}`, credential.is_default, problems);

	const secret = entry.callback_secret;
	if (secret !== undefined && typeof secret !== 'string') {
		problems.push(`${prefix}: ${names.callbackSecret} must be text.`);
	} else if (typeof secret === 'string' && secret.length > CALLBACK_SECRET_MAX_LENGTH) {
		problems.push(
			`${prefix}: ${names.callbackSecret} has ${secret.length} characters. Use at most ${CALLBACK_SECRET_MAX_LENGTH}.`,
		);
	} else if (secret === MASK) {
		problems.push(
			`${prefix}: ${names.callbackSecret} is a masked value from an earlier output. Enter the real secret.`,
		);
	}
	const ordinal = entry.credential_ordinal_number;
	checkRange(`${prefix}: ${names.ordinal}`, ordinal, RANGES.ordinal, problems);
	if (spec.value !== 'LINE' && ordinal !== undefined && ordinal !== 0) {
		problems.push(
			`${prefix}: ${names.ordinal} ${describeValue(ordinal)} is only for LINE. Leave it at 0 for ${spec.name}.`,
		);
	}
}

/** Only LINE can hold several credentials in one app (told apart by ordinal); Sinch rejects a second entry of any other channel. */
function checkSingleCredentialChannels(entries: unknown[], problems: string[], naming: Naming) {
	const first = new Map<string, number>();
	entries.forEach((entry, index) => {
		const spec = isObject(entry) ? CHANNEL_BY_VALUE.get(entry.channel as string) : undefined;
		if (!spec || spec.value === 'LINE') return;
		const earlier = first.get(spec.value);
		if (earlier === undefined) first.set(spec.value, index);
		else {
			problems.push(
				`${entryLabel(index, naming)} (${spec.value}): ${spec.name} is already in ${naming === 'json' ? entryLabel(earlier, naming) : `entry ${earlier + 1}`}. An app has one credential per channel (only LINE can have several); remove one of the two entries.`,
			);
		}
	});
}

/** Several LINE credentials in one app need their own ordinal numbers and exactly one default. */
function checkLineEntries(entries: unknown[], problems: string[], naming: Naming) {
	const names = namesFor(naming);
	const lines = entries
		.map((entry, index) => ({ entry: entry as IDataObject, index }))
		.filter(({ entry }) => isObject(entry) && entry.channel === 'LINE');
	const seen = new Map<number, number>();
	for (const { entry, index } of lines) {
		const ordinal = (entry.credential_ordinal_number ?? 0) as number;
		const first = seen.get(ordinal);
		if (first !== undefined) {
			problems.push(
				`${entryLabel(index, naming)} (LINE): ${names.ordinal} ${ordinal} is already used by ${naming === 'json' ? entryLabel(first, naming) : `entry ${first + 1}`}. Give each LINE entry its own number from 0 to 255.`,
			);
		} else seen.set(ordinal, index);
	}
	if (lines.length > 1) {
		const defaults = lines.filter(({ entry }) => {
			const credential = (entry.line_credentials ?? entry.line_enterprise_credentials) as
				| IDataObject
				| undefined;
			return credential?.is_default === true;
		});
		if (defaults.length !== 1) {
			problems.push(
				`${names.channels}: ${lines.length} LINE entries need exactly one with ${names.isDefault} on; found ${defaults.length}. Turn ${names.isDefault} on for one of ${naming === 'json' ? lines.map(({ index }) => entryLabel(index, naming)).join(', ') : `entries ${lines.map(({ index }) => index + 1).join(', ')}`}.`,
			);
		}
	}
}

function checkSettings(body: IDataObject, problems: string[], names: Names) {
	checkEnum(
		names.metadataView,
		body.conversation_metadata_report_view,
		METADATA_REPORT_VIEWS,
		problems,
	);
	checkEnum(names.processingMode, body.processing_mode, PROCESSING_MODES, problems);
	const retention = body.retention_policy;
	if (checkObject(names.retention, retention, problems) && retention) {
		checkEnum(names.retentionType, retention.retention_type, RETENTION_TYPES, problems);
		checkRange(names.retentionTtl, retention.ttl_days, RANGES.retentionTtlDays, problems);
	}
	const dispatch = body.dispatch_retention_policy;
	if (checkObject(names.dispatch, dispatch, problems) && dispatch) {
		checkEnum(names.dispatchType, dispatch.retention_type, [DISPATCH_RETENTION_TYPE], problems);
		checkRange(names.dispatchTtl, dispatch.ttl_days, RANGES.dispatchTtlDays, problems);
	}
	const smart = body.smart_conversation;
	if (checkObject(names.smart, smart, problems) && smart) {
		checkBoolean(names.smartEnabled, smart.enabled, problems);
	}
	const callbacks = body.callback_settings;
	if (checkObject(names.callbacks, callbacks, problems) && callbacks) {
		const secret = callbacks.secret_for_overridden_callback_urls;
		if (secret !== undefined && typeof secret !== 'string') {
			problems.push(`${names.overrideSecret} must be text.`);
		} else if (secret === MASK) {
			problems.push(
				`${names.overrideSecret} is a masked value from an earlier output. Enter the real secret.`,
			);
		}
	}
	const retry = body.message_retry_settings;
	if (checkObject(names.retry, retry, problems) && retry) {
		checkRange(names.retryDuration, retry.retry_duration, RANGES.retryDuration, problems);
	}
	const fallback = body.delivery_report_based_fallback;
	if (checkObject(names.fallback, fallback, problems) && fallback) {
		checkBoolean(names.fallbackEnabled, fallback.enabled, problems);
		checkRange(
			names.fallbackWaitingTime,
			fallback.delivery_report_waiting_time,
			RANGES.fallbackWaitingTime,
			problems,
		);
	}
}

/**
 * Secrets added in the form but left empty. Sinch stores "" as no secret, so sending one would wipe the
 * stored secret: the input is refused, and removing the secret is an explicit choice (Clear Callback URL Secret).
 */
export function checkNoEmptySecrets(body: IDataObject): string[] {
	const problems: string[] = [];
	const callbacks = body.callback_settings;
	if (isObject(callbacks) && callbacks.secret_for_overridden_callback_urls === '') {
		problems.push(
			`${FIELD_NAMES.overrideSecret} is empty. Enter the secret, or remove the field; to remove the stored secret add Clear Callback URL Secret instead.`,
		);
	}
	const entries = Array.isArray(body.channel_credentials)
		? (body.channel_credentials as unknown[])
		: [];
	entries.forEach((entry, index) => {
		if (isObject(entry) && entry.callback_secret === '') {
			problems.push(
				`${entryLabel(index, 'fields')} (${String(entry.channel)}): ${FIELD_NAMES.callbackSecret} is empty. Enter the secret, or remove it from Entry Options.`,
			);
		}
	});
	return problems;
}

/**
 * JSON is often a Get output fed back, where Sinch answers "" for no secret: there an empty Callback URL Secret is
 * left out rather than refused, so it never wipes the stored one.
 */
export function withoutEmptyCallbackSecret<T>(body: T): T {
	if (!isObject(body) || !isObject(body.callback_settings)) return body;
	const { secret_for_overridden_callback_urls: secret, ...rest } = body.callback_settings;
	if (secret !== '') return body;
	const copy: IDataObject = { ...body };
	if (Object.keys(rest).length > 0) copy.callback_settings = rest;
	else delete copy.callback_settings;
	return copy as T;
}

export function checkChannelCredentials(
	entries: unknown,
	problems: string[],
	naming: Naming = 'fields',
) {
	if (!Array.isArray(entries)) {
		problems.push(
			`${namesFor(naming).channels} must be a list of entries, not ${describeValue(entries)}.`,
		);
		return;
	}
	entries.forEach((entry, index) => checkEntry(entry, index, problems, naming));
	checkSingleCredentialChannels(entries, problems, naming);
	checkLineEntries(entries, problems, naming);
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
		copy.channel_credentials = withoutReadOnlyEntryFields(
			copy.channel_credentials,
		) as IDataObject[];
	}
	return copy;
}

/**
 * Every rule Sinch applies that can be checked before sending, on a body in Sinch's shape (from the UI or from JSON).
 * Returns the problems, each naming the field and how to fix it; an empty list means the body may be sent.
 */
export function checkAppBody(
	body: unknown,
	mode: 'create' | 'update',
	naming: Naming = 'fields',
): string[] {
	const names = namesFor(naming);
	const problems: string[] = [];
	if (!isObject(body)) return [`The app must be a JSON object, not ${describeValue(body)}.`];
	for (const key of Object.keys(body)) {
		if (!APP_FIELDS.includes(key)) {
			problems.push(`Unknown app field "${key}". Use only ${APP_FIELDS.join(', ')}.`);
		}
	}
	const name = body.display_name;
	const nameNotText = notTextProblem(names.displayName, name);
	if (nameNotText) problems.push(nameNotText);
	else if (mode === 'create' || name !== undefined) {
		if (typeof name !== 'string' || name.trim() === '')
			problems.push(`${names.displayName} is required. Enter a name for the app.`);
	}
	if (mode === 'create' && body.channel_credentials === undefined) {
		problems.push(
			`${names.channels} ${naming === 'json' ? 'is' : 'are'} required. Give a list of entries; it may be empty.`,
		);
	} else if (body.channel_credentials !== undefined) {
		checkChannelCredentials(body.channel_credentials, problems, naming);
	}
	checkSettings(body, problems, names);
	return problems;
}
