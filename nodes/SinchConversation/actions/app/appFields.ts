import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { CHANNELS, LINE_TYPES } from '../../helpers/channels';
import { CALLBACK_SECRET_MAX_LENGTH, RANGES } from '../../helpers/appRules';

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
/** n8n lists a collection's options alphabetically. */
export const sortedByDisplayName = (list: INodeProperties[]) =>
	[...list].sort((a, b) => a.displayName.localeCompare(b.displayName));
const lineOnly = { show: { channel: ['LINE'] } };

const RETENTION_TYPE_OPTIONS = [
	{
		name: 'Conversation Expire',
		value: 'CONVERSATION_EXPIRE_POLICY',
		description: 'Delete whole conversations after the TTL',
	},
	{
		name: 'Message Expire',
		value: 'MESSAGE_EXPIRE_POLICY',
		description: 'Delete each message after the TTL',
	},
	{
		name: 'Persist',
		value: 'PERSIST_RETENTION_POLICY',
		description: 'Keep everything; the TTL has no effect',
	},
];

/**
 * The fields of one channel_credentials entry: the channel, then exactly that channel's credential fields; rarely
 * used settings are added on demand under Entry Options, as n8n's own nodes do with options.
 */
export const channelEntryProperties: INodeProperties[] = [
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		default: 'SMS',
		description: 'Messaging channel this entry connects to the app',
		options: CHANNELS.map((channel) => ({ name: channel.name, value: channel.value })).sort(byName),
	},
	{
		displayName: 'LINE Type',
		name: 'lineType',
		type: 'options',
		default: 'standard',
		description:
			'Kind of LINE Official Account: standard, or an enterprise account in Japan or Thailand',
		options: LINE_TYPES.map((type) => ({ name: type.name, value: type.value })),
		displayOptions: lineOnly,
	},
	...CHANNELS.flatMap((channel) =>
		channel.fields.map(
			(field): INodeProperties => ({
				displayName: field.displayName,
				name: field.param,
				type: 'string',
				...(field.secret ? { typeOptions: { password: true } } : {}),
				default: '',
				required: field.required,
				description: field.description,
				displayOptions: { show: { channel: [channel.value] } },
			}),
		),
	),
	{
		displayName: 'Is Default',
		name: 'isDefault',
		type: 'boolean',
		default: false,
		description:
			'Whether this LINE credential is the one Sinch uses when it cannot tell which to use. With several LINE entries exactly one must be the default.',
		displayOptions: lineOnly,
	},
	{
		displayName: 'Credential Ordinal Number',
		name: 'credentialOrdinalNumber',
		type: 'number',
		default: 0,
		typeOptions: { numberPrecision: 0 },
		description: `Tells several LINE credentials of one app apart: each LINE entry needs its own number, ${RANGES.ordinal.min} to ${RANGES.ordinal.max}. Other channels always use 0.`,
		displayOptions: lineOnly,
	},
	{
		displayName: 'Entry Options',
		name: 'entryOptions',
		type: 'collection',
		default: {},
		placeholder: 'Add Option',
		options: [
			{
				displayName: 'Callback Secret',
				name: 'callbackSecret',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: `Secret Sinch uses to sign this channel's callbacks so your webhook can verify them; at most ${CALLBACK_SECRET_MAX_LENGTH} characters`,
			},
		],
	},
];

/** The list of channel entries, named alike in Create and Update. */
export const channelListProperty = (
	show: IDisplayOptions['show'],
	values: INodeProperties[],
	description: string,
): INodeProperties => ({
	displayName: 'Channel Credentials',
	name: 'channelCredentials',
	type: 'fixedCollection',
	default: {},
	placeholder: 'Add Channel',
	typeOptions: { multipleValues: true, sortable: true },
	description,
	displayOptions: { show },
	options: [{ displayName: 'Channel', name: 'entries', values }],
});

/**
 * The optional app settings. Each sub-field of an object setting is its own field, so adding one sends only it
 * (Update merges it with the stored object) and nothing the user did not add reaches Sinch.
 */
export const appSettingProperties: INodeProperties[] = sortedByDisplayName([
	{
		displayName: 'Metadata in Callbacks',
		name: 'conversationMetadataReportView',
		type: 'options',
		default: 'NONE',
		description:
			"Whether callbacks carry the conversation metadata (Sinch's conversation_metadata_report_view). Sinch uses None when not set.",
		options: [
			{
				name: 'Full',
				value: 'FULL',
				description: 'Include all metadata of the conversation in callbacks',
			},
			{ name: 'None', value: 'NONE', description: 'Leave conversation metadata out of callbacks' },
		],
	},
	{
		displayName: 'Dispatch Retention TTL (Days)',
		name: 'dispatchRetentionTtlDays',
		type: 'number',
		default: 0,
		typeOptions: { numberPrecision: 0 },
		description: `Days messages sent in Dispatch processing mode are kept, ${RANGES.dispatchTtlDays.min} to ${RANGES.dispatchTtlDays.max}; 0 keeps none. Sent as a message-expiry policy, the only kind Dispatch mode has.`,
	},
	{
		displayName: 'Message Retry (Seconds)',
		name: 'messageRetryDuration',
		type: 'number',
		default: 3600,
		typeOptions: { numberPrecision: 0 },
		description: `How long Sinch keeps retrying a message that could not be delivered, ${RANGES.retryDuration.min} to ${RANGES.retryDuration.max} seconds. Sinch uses 3600 when not set.`,
	},
	{
		displayName: 'Processing Mode',
		name: 'processingMode',
		type: 'options',
		default: 'DISPATCH',
		description:
			'Whether Sinch stores contacts and conversations for the app. Sinch uses Dispatch when not set.',
		options: [
			{
				name: 'Conversation',
				value: 'CONVERSATION',
				description: 'Store contacts and conversations',
			},
			{
				name: 'Dispatch',
				value: 'DISPATCH',
				description: 'Only send and receive messages; store no contacts or conversations',
			},
		],
	},
	{
		displayName: 'Callback URL Secret',
		name: 'secretForOverriddenCallbackUrls',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description:
			"Secret Sinch uses to sign callbacks sent to a callback URL given per message instead of the app webhook (Sinch's secret_for_overridden_callback_urls)",
	},
	{
		displayName: 'Smart Conversation',
		name: 'smartConversation',
		type: 'boolean',
		default: false,
		description:
			'Whether messages of this app go through Sinch Smart Conversations (analysis such as sentiment). Sinch leaves it off when not set.',
	},
	{
		displayName: 'Delivery Report Fallback',
		name: 'deliveryReportFallback',
		type: 'boolean',
		default: false,
		description:
			'Whether to fall back to the next channel when no delivery report arrives in time (a paid Sinch feature in beta). Sinch leaves it off when not set.',
	},
	{
		displayName: 'Fallback Wait (Seconds)',
		name: 'fallbackWaitingTime',
		type: 'number',
		default: 60,
		typeOptions: { numberPrecision: 0 },
		description: `How long to wait for a delivery report before falling back, ${RANGES.fallbackWaitingTime.min} to ${RANGES.fallbackWaitingTime.max} seconds (3 days). Does not turn the fallback on.`,
	},
	{
		displayName: 'Retention TTL (Days)',
		name: 'retentionTtlDays',
		type: 'number',
		default: 180,
		typeOptions: { numberPrecision: 0 },
		description: `Days before a message or conversation may be deleted, ${RANGES.retentionTtlDays.min} to ${RANGES.retentionTtlDays.max}. Sinch's cleanup runs once a day.`,
	},
	{
		displayName: 'Retention Type',
		name: 'retentionType',
		type: 'options',
		default: 'MESSAGE_EXPIRE_POLICY',
		description:
			'What Sinch deletes after the retention TTL. Sinch uses Message Expire when not set.',
		options: RETENTION_TYPE_OPTIONS,
	},
]);

/** Update only: removing the stored secret is a choice of its own, so an empty secret box never wipes it. */
export const clearCallbackSecretProperty: INodeProperties = {
	displayName: 'Clear Callback URL Secret',
	name: 'clearSecretForOverriddenCallbackUrls',
	type: 'boolean',
	default: true,
	description:
		'Whether to remove the stored Callback URL Secret, so callbacks to per-message URLs are no longer signed',
};

/** "Using Fields Below" or "Using JSON", the choice n8n's own nodes offer for a request body. */
export const inputModeOptions = [
	{ name: 'Using Fields Below', value: 'fields' },
	{ name: 'Using JSON', value: 'json' },
];
