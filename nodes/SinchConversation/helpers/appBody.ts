import type { IDataObject } from 'n8n-workflow';

import { CHANNEL_BY_VALUE, LINE_TYPES } from './channels';
import { DISPATCH_RETENTION_TYPE } from './appRules';

const isSet = (value: unknown) => value !== undefined && value !== null && value !== '';

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
		if (isSet(value)) setPath(credential, field.path, typeof value === 'string' ? value : String(value));
	}
	if (channel === 'LINE') {
		const lineType = LINE_TYPES.find((type) => type.value === entry.lineType) ?? LINE_TYPES[0];
		const lineCredential: IDataObject = lineType.region ? { [lineType.region]: credential } : credential;
		if (entry.isDefault === true) lineCredential.is_default = true;
		wire[lineType.property] = lineCredential;
		if (isSet(entry.credentialOrdinalNumber) && Number(entry.credentialOrdinalNumber) !== 0) {
			wire.credential_ordinal_number = entry.credentialOrdinalNumber;
		}
	} else {
		wire[spec.property] = credential;
	}
	if (isSet(entry.callbackSecret)) wire.callback_secret = entry.callbackSecret;
	return wire;
}

/** The optional app settings from the UI's collection, in Sinch's shape; unset ones are left out. */
export function appSettingsFromUi(settings: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (isSet(settings.conversationMetadataReportView)) {
		body.conversation_metadata_report_view = settings.conversationMetadataReportView;
	}
	if (isSet(settings.processingMode)) body.processing_mode = settings.processingMode;
	const retention = (settings.retentionPolicy as IDataObject | undefined)?.policy as IDataObject | undefined;
	if (retention) {
		const policy: IDataObject = {};
		if (isSet(retention.retentionType)) policy.retention_type = retention.retentionType;
		if (isSet(retention.ttlDays)) policy.ttl_days = retention.ttlDays;
		body.retention_policy = policy;
	}
	if (isSet(settings.dispatchRetentionTtlDays)) {
		body.dispatch_retention_policy = {
			retention_type: DISPATCH_RETENTION_TYPE,
			ttl_days: settings.dispatchRetentionTtlDays,
		};
	}
	if (settings.smartConversation !== undefined) {
		body.smart_conversation = { enabled: settings.smartConversation === true };
	}
	if (settings.secretForOverriddenCallbackUrls !== undefined) {
		body.callback_settings = { secret_for_overridden_callback_urls: settings.secretForOverriddenCallbackUrls };
	}
	if (isSet(settings.messageRetryDuration)) {
		body.message_retry_settings = { retry_duration: settings.messageRetryDuration };
	}
	const fallback = (settings.deliveryReportBasedFallback as IDataObject | undefined)?.fallback as
		| IDataObject
		| undefined;
	if (fallback) {
		const wire: IDataObject = { enabled: fallback.enabled === true };
		if (isSet(fallback.waitingTime)) wire.delivery_report_waiting_time = fallback.waitingTime;
		body.delivery_report_based_fallback = wire;
	}
	return body;
}
