/** Enums and ranges of an app's own settings, as Sinch's API reference gives them. */
export const METADATA_REPORT_VIEWS = ['NONE', 'FULL'];
export const PROCESSING_MODES = ['CONVERSATION', 'DISPATCH'];
export const RETENTION_TYPES = [
	'MESSAGE_EXPIRE_POLICY',
	'CONVERSATION_EXPIRE_POLICY',
	'PERSIST_RETENTION_POLICY',
];
export const DISPATCH_RETENTION_TYPE = 'MESSAGE_EXPIRE_POLICY';

export interface Range {
	min: number;
	max: number;
}

export const RANGES = {
	retentionTtlDays: { min: 1, max: 3650 },
	dispatchTtlDays: { min: 0, max: 7 },
	retryDuration: { min: 30, max: 3600 },
	fallbackWaitingTime: { min: 60, max: 259200 },
	ordinal: { min: 0, max: 255 },
} satisfies Record<string, Range>;

export const CALLBACK_SECRET_MAX_LENGTH = 256;

/** Top-level request fields; anything else in JSON input is most likely a typo. */
export const APP_FIELDS = [
	'display_name',
	'channel_credentials',
	'conversation_metadata_report_view',
	'retention_policy',
	'dispatch_retention_policy',
	'processing_mode',
	'smart_conversation',
	'callback_settings',
	'message_retry_settings',
	'delivery_report_based_fallback',
];

/** Fields Sinch fills in and ignores on input; JSON copied from a Get output may carry them. */
export const READ_ONLY_APP_FIELDS = ['id', 'rate_limits', 'queue_stats'];
export const READ_ONLY_ENTRY_FIELDS = ['state', 'channel_known_id'];
