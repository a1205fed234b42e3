/**
 * Conformance with an independent client: the same app, once filled in the node's fields and run through n8n's
 * engine, once written as Sinch's official Node SDK models it (typed by @sinch/sdk-core, so the compiler holds it to
 * the SDK's shape) and sent with `conversation.app.create`. Both go to the emulator; the two request bodies it
 * recorded must be deep-equal, and so must the two apps it answered (their IDs aside).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import type { Conversation } from '@sinch/sdk-core';

import { CHANNELS } from '../../nodes/SinchConversation/helpers/channels';

import { runNode } from '../harness/engine';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { emulatorCredentials } from '../harness/setup';
import { sdkClient } from '../harness/sdk';

type SdkApp = Conversation.AppCreateRequest;
type SdkEntry = Conversation.ConversationChannelCredentialRequest;

const emulator = emulatorPerFile();

const appsPath = () => `/v1/projects/${emulator.projectId}/apps`;
const appRequests = () => emulator.requests.filter((request) => request.path === appsPath());

/** One channel entry, as the node's fields and as the SDK's model. */
const CHANNEL_ENTRIES: Array<[string, INodeParameters, SdkEntry]> = [
	[
		'WHATSAPP',
		{
			channel: 'WHATSAPP',
			whatsappSenderId: 'wa-sender',
			whatsappToken: 'wa-token',
			entryOptions: { callbackSecret: 'wa-callback' },
		},
		{
			channel: 'WHATSAPP',
			static_bearer: { claimed_identity: 'wa-sender', token: 'wa-token' },
			callback_secret: 'wa-callback',
		},
	],
	[
		'RCS',
		{ channel: 'RCS', rcsAgentId: 'rcs-agent', rcsToken: 'rcs-token' },
		{ channel: 'RCS', static_bearer: { claimed_identity: 'rcs-agent', token: 'rcs-token' } },
	],
	[
		'SMS',
		{
			channel: 'SMS',
			smsServicePlanId: 'sms-plan',
			smsApiToken: 'sms-token',
			entryOptions: { callbackSecret: 'sms-callback' },
		},
		{
			channel: 'SMS',
			static_bearer: { claimed_identity: 'sms-plan', token: 'sms-token' },
			callback_secret: 'sms-callback',
		},
	],
	[
		'MESSENGER',
		{
			channel: 'MESSENGER',
			messengerPageToken: 'page-token',
			entryOptions: { callbackSecret: 'fb-callback' },
		},
		{ channel: 'MESSENGER', static_token: { token: 'page-token' }, callback_secret: 'fb-callback' },
	],
	[
		'VIBERBM',
		{ channel: 'VIBERBM', viberServiceId: 'viber-id', viberToken: 'viber-token' },
		{ channel: 'VIBERBM', static_bearer: { claimed_identity: 'viber-id', token: 'viber-token' } },
	],
	[
		'MMS',
		{
			channel: 'MMS',
			mmsAccountId: 'mms-acc',
			mmsApiKey: 'mms-key',
			mmsBasicAuthUsername: 'mms-user',
			mmsBasicAuthPassword: 'mms-pass',
		},
		{
			channel: 'MMS',
			mms_credentials: {
				account_id: 'mms-acc',
				api_key: 'mms-key',
				basic_auth: { username: 'mms-user', password: 'mms-pass' },
			},
		},
	],
	[
		'INSTAGRAM',
		{
			channel: 'INSTAGRAM',
			instagramToken: 'ig-token',
			instagramBusinessAccountId: 'ig-business',
			entryOptions: { callbackSecret: 'ig-callback' },
		},
		{
			channel: 'INSTAGRAM',
			instagram_credentials: { token: 'ig-token', business_account_id: 'ig-business' },
			callback_secret: 'ig-callback',
		},
	],
	[
		'TELEGRAM',
		{ channel: 'TELEGRAM', telegramBotToken: '42:bot-token' },
		{ channel: 'TELEGRAM', telegram_credentials: { token: '42:bot-token' } },
	],
	[
		'KAKAOTALK',
		{ channel: 'KAKAOTALK', kakaotalkPlusFriendId: '@friend', kakaotalkSenderKey: 'sender-key' },
		{
			channel: 'KAKAOTALK',
			kakaotalk_credentials: {
				kakaotalk_plus_friend_id: '@friend',
				kakaotalk_sender_key: 'sender-key',
			},
		},
	],
	[
		'KAKAOTALKCHAT',
		{
			channel: 'KAKAOTALKCHAT',
			kakaotalkChatPlusFriendId: '@chat',
			kakaotalkChatApiKey: 'chat-key',
		},
		{
			channel: 'KAKAOTALKCHAT',
			kakaotalkchat_credentials: { kakaotalk_plus_friend_id: '@chat', api_key: 'chat-key' },
		},
	],
	[
		'LINE',
		{
			channel: 'LINE',
			lineToken: 'line-token',
			lineSecret: 'line-secret',
			entryOptions: { callbackSecret: 'line-callback' },
		},
		{
			channel: 'LINE',
			line_credentials: { token: 'line-token', secret: 'line-secret' },
			callback_secret: 'line-callback',
		},
	],
	[
		'WECHAT',
		{
			channel: 'WECHAT',
			wechatAppId: 'wx-app',
			wechatAppSecret: 'wx-secret',
			wechatToken: 'wx-token',
			wechatAesKey: 'wx-aes',
		},
		{
			channel: 'WECHAT',
			wechat_credentials: {
				app_id: 'wx-app',
				app_secret: 'wx-secret',
				token: 'wx-token',
				aes_key: 'wx-aes',
			},
		},
	],
	[
		'APPLEBC',
		{
			channel: 'APPLEBC',
			applebcBusinessChatAccountId: 'abc-id',
			applebcMerchantId: 'merchant.example',
			applebcApplePayCertificateReference: 'cert-ref',
			applebcApplePayCertificatePassword: 'cert-pass',
		},
		{
			channel: 'APPLEBC',
			applebc_credentials: {
				business_chat_account_id: 'abc-id',
				merchant_id: 'merchant.example',
				apple_pay_certificate_reference: 'cert-ref',
				apple_pay_certificate_password: 'cert-pass',
			},
		},
	],
];

const entryFor = (channel: string) => CHANNEL_ENTRIES.find(([value]) => value === channel)!;

/** Every optional app field, as the node's Additional Fields and as the SDK's model. */
const ALL_SETTINGS_UI: INodeParameters = {
	conversationMetadataReportView: 'FULL',
	deliveryReportFallback: true,
	fallbackWaitingTime: 3600,
	dispatchRetentionTtlDays: 4,
	messageRetryDuration: 1800,
	processingMode: 'CONVERSATION',
	retentionType: 'CONVERSATION_EXPIRE_POLICY',
	retentionTtlDays: 60,
	secretForOverriddenCallbackUrls: 'override-secret',
	smartConversation: true,
};
const ALL_SETTINGS_SDK: Omit<SdkApp, 'display_name' | 'channel_credentials'> = {
	conversation_metadata_report_view: 'FULL',
	delivery_report_based_fallback: { enabled: true, delivery_report_waiting_time: 3600 },
	dispatch_retention_policy: { retention_type: 'MESSAGE_EXPIRE_POLICY', ttl_days: 4 },
	message_retry_settings: { retry_duration: 1800 },
	processing_mode: 'CONVERSATION',
	retention_policy: { retention_type: 'CONVERSATION_EXPIRE_POLICY', ttl_days: 60 },
	callback_settings: { secret_for_overridden_callback_urls: 'override-secret' },
	smart_conversation: { enabled: true },
};

interface Definition {
	name: string;
	node: INodeParameters;
	sdk: SdkApp;
}

const DEFINITIONS: Definition[] = [
	{
		name: 'no channels, no settings',
		node: { displayName: 'Minimal' },
		sdk: { display_name: 'Minimal', channel_credentials: [] },
	},
	...CHANNEL_ENTRIES.map(
		([value, ui, sdk]): Definition => ({
			name: `${value} alone, every field`,
			node: { displayName: `Only ${value}`, channelCredentials: { entries: [ui] } },
			sdk: { display_name: `Only ${value}`, channel_credentials: [sdk] },
		}),
	),
	{
		name: 'every channel in one app and every optional field',
		node: {
			displayName: 'Everything',
			channelCredentials: { entries: CHANNEL_ENTRIES.map(([, ui]) => ui) },
			additionalFields: ALL_SETTINGS_UI,
		},
		sdk: {
			display_name: 'Everything',
			channel_credentials: CHANNEL_ENTRIES.map(([, , sdk]) => sdk),
			...ALL_SETTINGS_SDK,
		},
	},
	{
		name: 'three LINE credentials (standard, Japan default, Thailand) between other channels',
		node: {
			displayName: 'LINE family',
			channelCredentials: {
				entries: [
					entryFor('TELEGRAM')[1],
					{ channel: 'LINE', lineToken: 'std-token', lineSecret: 'std-secret' },
					{
						channel: 'LINE',
						lineType: 'enterpriseJapan',
						lineToken: 'jp-token',
						lineSecret: 'jp-secret',
						isDefault: true,
						credentialOrdinalNumber: 1,
						entryOptions: { callbackSecret: 'jp-callback' },
					},
					{
						channel: 'LINE',
						lineType: 'enterpriseThailand',
						lineToken: 'th-token',
						lineSecret: 'th-secret',
						credentialOrdinalNumber: 2,
					},
					entryFor('SMS')[1],
				],
			},
		},
		sdk: {
			display_name: 'LINE family',
			channel_credentials: [
				entryFor('TELEGRAM')[2],
				{ channel: 'LINE', line_credentials: { token: 'std-token', secret: 'std-secret' } },
				{
					channel: 'LINE',
					line_enterprise_credentials: {
						line_japan: { token: 'jp-token', secret: 'jp-secret' },
						is_default: true,
					},
					credential_ordinal_number: 1,
					callback_secret: 'jp-callback',
				},
				{
					channel: 'LINE',
					line_enterprise_credentials: {
						line_thailand: { token: 'th-token', secret: 'th-secret' },
					},
					credential_ordinal_number: 2,
				},
				entryFor('SMS')[2],
			],
		},
	},
	{
		name: 'only the required fields of the channels that have optional ones',
		node: {
			displayName: 'Required only',
			channelCredentials: {
				entries: [
					{ channel: 'MMS', mmsAccountId: 'acc', mmsApiKey: 'key' },
					{ channel: 'INSTAGRAM', instagramToken: 'ig' },
					{ channel: 'KAKAOTALKCHAT', kakaotalkChatPlusFriendId: '@c' },
					{ channel: 'APPLEBC', applebcBusinessChatAccountId: 'abc' },
				],
			},
		},
		sdk: {
			display_name: 'Required only',
			channel_credentials: [
				// The SDK types basic_auth as required although Sinch's schema and the emulator make it optional.
				{
					channel: 'MMS',
					mms_credentials: { account_id: 'acc', api_key: 'key' } as Conversation.MMSCredentials,
				},
				{ channel: 'INSTAGRAM', instagram_credentials: { token: 'ig' } },
				{ channel: 'KAKAOTALKCHAT', kakaotalkchat_credentials: { kakaotalk_plus_friend_id: '@c' } },
				{ channel: 'APPLEBC', applebc_credentials: { business_chat_account_id: 'abc' } },
			],
		},
	},
	{
		name: 'the other values of each setting',
		node: {
			displayName: 'Other values',
			additionalFields: {
				conversationMetadataReportView: 'NONE',
				deliveryReportFallback: false,
				fallbackWaitingTime: 60,
				dispatchRetentionTtlDays: 0,
				messageRetryDuration: 30,
				processingMode: 'DISPATCH',
				retentionType: 'PERSIST_RETENTION_POLICY',
				retentionTtlDays: 3650,
				secretForOverriddenCallbackUrls: 'other-secret',
				smartConversation: false,
			},
		},
		sdk: {
			display_name: 'Other values',
			channel_credentials: [],
			conversation_metadata_report_view: 'NONE',
			delivery_report_based_fallback: { enabled: false, delivery_report_waiting_time: 60 },
			dispatch_retention_policy: { retention_type: 'MESSAGE_EXPIRE_POLICY', ttl_days: 0 },
			message_retry_settings: { retry_duration: 30 },
			processing_mode: 'DISPATCH',
			retention_policy: { retention_type: 'PERSIST_RETENTION_POLICY', ttl_days: 3650 },
			callback_settings: { secret_for_overridden_callback_urls: 'other-secret' },
			smart_conversation: { enabled: false },
		},
	},
	{
		name: 'the whole app as JSON in the node',
		node: {
			specifyBody: 'json',
			jsonBody: JSON.stringify({
				display_name: 'JSON app',
				channel_credentials: [entryFor('WECHAT')[2], entryFor('VIBERBM')[2]],
				retention_policy: { retention_type: 'MESSAGE_EXPIRE_POLICY', ttl_days: 7 },
			}),
		},
		sdk: {
			display_name: 'JSON app',
			channel_credentials: [entryFor('WECHAT')[2], entryFor('VIBERBM')[2]],
			retention_policy: { retention_type: 'MESSAGE_EXPIRE_POLICY', ttl_days: 7 },
		},
	},
];

const withoutId = (app: IDataObject): IDataObject => {
	const rest = { ...app };
	delete rest.id;
	return rest;
};

it('has an entry, for both clients, for every channel of the node', () => {
	expect(CHANNEL_ENTRIES.map(([value]) => value).sort()).toEqual(
		CHANNELS.map((channel) => channel.value).sort(),
	);
	for (const [value, ui, sdk] of CHANNEL_ENTRIES) {
		expect([ui.channel, sdk.channel]).toEqual([value, value]);
	}
});

it.each(DEFINITIONS.map((definition) => [definition.name, definition] as const))(
	'%s',
	async (_name, definition) => {
		const node = await runNode({
			credentials: emulatorCredentials(emulator),
			parameters: {
				resource: 'app',
				operation: 'create',
				...definition.node,
				options: { includeSecrets: true },
			},
		});
		expect(node.error).toBeUndefined();

		const sdkApp = await sdkClient(emulator).conversation.app.create({
			appCreateRequestBody: definition.sdk,
		});

		const [fromNode, fromSdk] = appRequests();
		expect(appRequests()).toHaveLength(2);
		expect(fromNode.headers['user-agent']).not.toMatch(/sinch-sdk/);
		expect(fromSdk.headers['user-agent']).toMatch(/^sinch-sdk\//);
		expect([fromNode.status, fromSdk.status]).toEqual([200, 200]);
		expect(fromNode.body).toEqual(fromSdk.body);
		// The SDK sends its model as is: so the body is also exactly the definition.
		expect(fromSdk.body).toEqual(definition.sdk);

		expect(node.outputs[0]).toHaveLength(1);
		expect(withoutId(node.outputs[0][0].json)).toEqual(withoutId(sdkApp as unknown as IDataObject));
		expect(node.outputs[0][0].json.id).toBe(emulator.apps[0].id);
		expect(sdkApp.id).toBe(emulator.apps[1].id);
	},
);
