import type { IDataObject } from 'n8n-workflow';

import { CHANNEL_BY_VALUE, LINE_TYPES } from './channels';
import { DISPATCH_RETENTION_TYPE } from './appRules';

const isSet = (value: unknown) => value !== undefined && value !== null && value !== '';

/** An expression over input items (a webhook, a sheet) often gives numbers and booleans as text: "600" means 600. */
function asNumber(value: unknown): unknown {
	return typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
}

/** "true" and "false" as text are the booleans; anything else is left for the validator to report. */
function asBoolean(value: unknown): unknown {
	const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
	return text === 'true' ? true : text === 'false' ? false : value;
}

function setPath(target: IDataObject, path: string[], value: unknown) {
	let node = target;
	for (const key of path.slice(0, -1)) {
		node[key] = (node[key] as IDataObject | undefined) ?? {};
		node = node[key] as IDataObject;
	}
	node[path[path.length - 1]] = value as IDataObject[keyof IDataObject];
}

/** One channel_credentials entry from a UI entry: only what the user filled in, in Sinch's shape. */
export function channelEntryFromUi(entry: IDataObject): IDataObject {
	const channel = String(entry.channel ?? '');
	const spec = CHANNEL_BY_VALUE.get(channel);
	const wire: IDataObject = { channel };
	if (!spec) return wire;

	const credential: IDataObject = {};
	for (const field of spec.fields) {
		const value = entry[field.param];
		// A number from an item (a sheet's plan ID) is meant as its digits; an object or a list is kept as given for
		// the checks to refuse, never sent as "[object Object]" or as items joined by commas.
		if (isSet(value))
			setPath(credential, field.path, Number.isSafeInteger(value) ? String(value) : value);
	}
	if (channel === 'LINE') {
		const lineType = LINE_TYPES.find((type) => type.value === entry.lineType) ?? LINE_TYPES[0];
		const lineCredential: IDataObject = lineType.region
			? { [lineType.region]: credential }
			: credential;
		const isDefault = asBoolean(entry.isDefault);
		if (isSet(isDefault) && isDefault !== false) lineCredential.is_default = isDefault as boolean;
		wire[lineType.property] = lineCredential;
		const ordinal = asNumber(entry.credentialOrdinalNumber);
		if (isSet(ordinal) && ordinal !== 0) wire.credential_ordinal_number = ordinal as number;
	} else {
		wire[spec.property] = credential;
	}
	// Added under Entry Options means meant: an empty one is kept for the checks to refuse.
	const options = entry.entryOptions as IDataObject | undefined;
	if (options?.callbackSecret !== undefined) wire.callback_secret = options.callbackSecret;
	return wire;
}

/** Puts `value` at `object.key` of the body, keeping what is already in that object. */
function setSub(body: IDataObject, object: string, key: string, value: unknown) {
	setPath(body, [object, key], value);
}

/** The optional app settings from the UI's collection, in Sinch's shape; only what the user added. */
export function appSettingsFromUi(settings: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (isSet(settings.conversationMetadataReportView)) {
		body.conversation_metadata_report_view = settings.conversationMetadataReportView;
	}
	if (isSet(settings.processingMode)) body.processing_mode = settings.processingMode;
	if (isSet(settings.retentionType))
		setSub(body, 'retention_policy', 'retention_type', settings.retentionType);
	if (isSet(settings.retentionTtlDays))
		setSub(body, 'retention_policy', 'ttl_days', asNumber(settings.retentionTtlDays));
	if (isSet(settings.dispatchRetentionTtlDays)) {
		// Message expiry is the only kind Dispatch mode has, so the type is no choice the user could have made.
		body.dispatch_retention_policy = {
			retention_type: DISPATCH_RETENTION_TYPE,
			ttl_days: asNumber(settings.dispatchRetentionTtlDays) as number,
		};
	}
	if (settings.smartConversation !== undefined) {
		body.smart_conversation = { enabled: asBoolean(settings.smartConversation) as boolean };
	}
	// An empty secret is kept here so the checks refuse it: sent, it would wipe the stored one.
	if (settings.secretForOverriddenCallbackUrls !== undefined) {
		body.callback_settings = {
			secret_for_overridden_callback_urls: settings.secretForOverriddenCallbackUrls,
		};
	}
	if (isSet(settings.messageRetryDuration)) {
		body.message_retry_settings = {
			retry_duration: asNumber(settings.messageRetryDuration) as number,
		};
	}
	if (settings.deliveryReportFallback !== undefined && settings.deliveryReportFallback !== '') {
		setSub(
			body,
			'delivery_report_based_fallback',
			'enabled',
			asBoolean(settings.deliveryReportFallback),
		);
	}
	if (isSet(settings.fallbackWaitingTime)) {
		setSub(
			body,
			'delivery_report_based_fallback',
			'delivery_report_waiting_time',
			asNumber(settings.fallbackWaitingTime),
		);
	}
	return body;
}
