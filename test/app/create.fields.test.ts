/**
 * Create App, field by field: each UI parameter becomes exactly this JSON on the wire (as the emulator received it
 * through n8n's engine), nothing the user did not set is sent, and the output is the app the emulator answered, with
 * secrets masked unless Include Secrets is on. Both input modes: fields, and JSON.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ULID_PATTERN } from '../emulator';
import { runNode } from '../harness/engine';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { emulatorCredentials } from '../harness/setup';

const emulator = emulatorPerFile();

const appsPath = () => `/v1/projects/${emulator.projectId}/apps`;
const appRequests = () => emulator.requests.filter((request) => request.path === appsPath());

async function create(parameters: INodeParameters) {
	return await runNode({
		credentials: emulatorCredentials(emulator),
		parameters: { resource: 'app', operation: 'create', ...parameters },
	});
}

/** Runs the node and returns the one body the emulator received, after checking it was accepted. */
async function wireBody(parameters: INodeParameters): Promise<unknown> {
	const { error, outputs } = await create(parameters);
	expect(error).toBeUndefined();
	const requests = appRequests();
	expect(requests.map((request) => [request.method, request.status])).toEqual([['POST', 200]]);
	expect(requests[0].unknownFields).toBeUndefined();
	expect(requests[0].readOnlyFields).toBeUndefined();
	expect(outputs[0]).toHaveLength(1);
	return requests[0].body;
}

const SMS_UI = { channel: 'SMS', smsServicePlanId: 'plan-1', smsApiToken: 'sms-token-1' };
const SMS_WIRE = {
	channel: 'SMS',
	static_bearer: { claimed_identity: 'plan-1', token: 'sms-token-1' },
};

/** The emulator's (Sinch's) defaults for every setting a request leaves out. */
const DEFAULT_SETTINGS = {
	conversation_metadata_report_view: 'NONE',
	retention_policy: { retention_type: 'MESSAGE_EXPIRE_POLICY', ttl_days: 180 },
	dispatch_retention_policy: { retention_type: 'MESSAGE_EXPIRE_POLICY', ttl_days: 0 },
	processing_mode: 'DISPATCH',
	smart_conversation: { enabled: false },
	callback_settings: { secret_for_overridden_callback_urls: '' },
	delivery_report_based_fallback: { enabled: false },
	message_retry_settings: { retry_duration: 3600 },
};

describe('fields mode: the minimum', () => {
	it('sends only display_name and an empty channel list when nothing else is set', async () => {
		expect(await wireBody({ displayName: 'Bare', channelCredentials: {} })).toEqual({
			display_name: 'Bare',
			channel_credentials: [],
		});
	});

	it('posts JSON to /v1/projects/{project}/apps with the bearer token', async () => {
		await wireBody({ displayName: 'Headers' });
		const [request] = appRequests();
		expect(request.path).toBe(`/v1/projects/${emulator.projectId}/apps`);
		expect(request.query).toEqual({});
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.headers.accept).toBe('application/json');
		expect(request.headers.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
	});

	it('keeps the display name as typed, spaces and Unicode included', async () => {
		expect(await wireBody({ displayName: '  Support Bot – EU 🇪🇺 ' })).toEqual({
			display_name: '  Support Bot – EU 🇪🇺 ',
			channel_credentials: [],
		});
	});
});

describe('fields mode: each additional field alone', () => {
	const cases: Array<[string, INodeParameters, IDataObject]> = [
		[
			'Conversation Metadata Report View Full',
			{ conversationMetadataReportView: 'FULL' },
			{ conversation_metadata_report_view: 'FULL' },
		],
		[
			'Conversation Metadata Report View None',
			{ conversationMetadataReportView: 'NONE' },
			{ conversation_metadata_report_view: 'NONE' },
		],
		[
			'Processing Mode Conversation',
			{ processingMode: 'CONVERSATION' },
			{ processing_mode: 'CONVERSATION' },
		],
		['Processing Mode Dispatch', { processingMode: 'DISPATCH' }, { processing_mode: 'DISPATCH' }],
		[
			'Retention, conversation expiry after 30 days',
			{ retentionType: 'CONVERSATION_EXPIRE_POLICY', retentionTtlDays: 30 },
			{ retention_policy: { retention_type: 'CONVERSATION_EXPIRE_POLICY', ttl_days: 30 } },
		],
		[
			'Retention, persist, TTL 3650',
			{ retentionType: 'PERSIST_RETENTION_POLICY', retentionTtlDays: 3650 },
			{ retention_policy: { retention_type: 'PERSIST_RETENTION_POLICY', ttl_days: 3650 } },
		],
		[
			'Retention TTL added and left at its default',
			{ retentionTtlDays: 180 },
			{ retention_policy: { ttl_days: 180 } },
		],
		[
			'Dispatch Retention TTL 7',
			{ dispatchRetentionTtlDays: 7 },
			{ dispatch_retention_policy: { retention_type: 'MESSAGE_EXPIRE_POLICY', ttl_days: 7 } },
		],
		[
			'Dispatch Retention TTL 0 (added, left at 0)',
			{ dispatchRetentionTtlDays: 0 },
			{ dispatch_retention_policy: { retention_type: 'MESSAGE_EXPIRE_POLICY', ttl_days: 0 } },
		],
		[
			'Message Retry Duration 30',
			{ messageRetryDuration: 30 },
			{ message_retry_settings: { retry_duration: 30 } },
		],
		[
			'Message Retry Duration 3600',
			{ messageRetryDuration: 3600 },
			{ message_retry_settings: { retry_duration: 3600 } },
		],
		[
			'Smart Conversation on',
			{ smartConversation: true },
			{ smart_conversation: { enabled: true } },
		],
		[
			'Smart Conversation off',
			{ smartConversation: false },
			{ smart_conversation: { enabled: false } },
		],
		[
			'Secret for Overridden Callback URLs',
			// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- made up for the tests, not a secret
			{ secretForOverriddenCallbackUrls: 'override-secret-1' },
			// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- made up for the tests, not a secret
			{ callback_settings: { secret_for_overridden_callback_urls: 'override-secret-1' } },
		],
		[
			'Delivery Report Fallback on, 300 s',
			{ deliveryReportFallback: true, fallbackWaitingTime: 300 },
			{ delivery_report_based_fallback: { enabled: true, delivery_report_waiting_time: 300 } },
		],
		[
			'Delivery Report Fallback at its limits, 259200 s',
			{ deliveryReportFallback: true, fallbackWaitingTime: 259200 },
			{ delivery_report_based_fallback: { enabled: true, delivery_report_waiting_time: 259200 } },
		],
		[
			'Delivery Report Fallback added and left at its default',
			{ deliveryReportFallback: false },
			{ delivery_report_based_fallback: { enabled: false } },
		],
		[
			'Delivery Report Fallback off',
			{ deliveryReportFallback: false, fallbackWaitingTime: 120 },
			{ delivery_report_based_fallback: { enabled: false, delivery_report_waiting_time: 120 } },
		],
	];

	it.each(cases)('%s', async (_name, additionalFields, expected) => {
		expect(await wireBody({ displayName: 'One field', additionalFields })).toEqual({
			display_name: 'One field',
			channel_credentials: [],
			...expected,
		});
	});
});

describe('fields mode: every field at once, and the app Sinch answers', () => {
	const additionalFields = {
		conversationMetadataReportView: 'FULL',
		deliveryReportFallback: true,
		fallbackWaitingTime: 600,
		dispatchRetentionTtlDays: 5,
		messageRetryDuration: 900,
		processingMode: 'CONVERSATION',
		retentionType: 'CONVERSATION_EXPIRE_POLICY',
		retentionTtlDays: 90,
		// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- made up for the tests, not a secret
		secretForOverriddenCallbackUrls: 'override-secret-2',
		smartConversation: true,
	};
	const settingsWire = {
		conversation_metadata_report_view: 'FULL',
		delivery_report_based_fallback: { enabled: true, delivery_report_waiting_time: 600 },
		dispatch_retention_policy: { retention_type: 'MESSAGE_EXPIRE_POLICY', ttl_days: 5 },
		message_retry_settings: { retry_duration: 900 },
		processing_mode: 'CONVERSATION',
		retention_policy: { retention_type: 'CONVERSATION_EXPIRE_POLICY', ttl_days: 90 },
		// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- made up for the tests, not a secret
		callback_settings: { secret_for_overridden_callback_urls: 'override-secret-2' },
		smart_conversation: { enabled: true },
	};
	const entries = [
		{ ...SMS_UI, entryOptions: { callbackSecret: 'sms-callback' } },
		{
			channel: 'LINE',
			lineToken: 'line-token',
			lineSecret: 'line-secret',
			isDefault: true,
			entryOptions: { callbackSecret: 'line-callback' },
		},
		{
			channel: 'LINE',
			lineType: 'enterpriseJapan',
			lineToken: 'jp-token',
			lineSecret: 'jp-secret',
			credentialOrdinalNumber: 2,
		},
	];
	const channelsWire = [
		{ ...SMS_WIRE, callback_secret: 'sms-callback' },
		{
			channel: 'LINE',
			line_credentials: { token: 'line-token', secret: 'line-secret', is_default: true },
			callback_secret: 'line-callback',
		},
		{
			channel: 'LINE',
			line_enterprise_credentials: { line_japan: { token: 'jp-token', secret: 'jp-secret' } },
			credential_ordinal_number: 2,
		},
	];
	const state = { status: 'ACTIVE', description: '' };

	it('sends exactly the fields set, and outputs the app as answered with its read-only fields, secrets masked', async () => {
		const { outputs, error } = await create({
			displayName: 'Everything',
			channelCredentials: { entries },
			additionalFields,
		});

		expect(error).toBeUndefined();
		expect(appRequests().map((request) => request.body)).toEqual([
			{ display_name: 'Everything', channel_credentials: channelsWire, ...settingsWire },
		]);
		expect(emulator.apps).toHaveLength(1);
		const id = emulator.apps[0].id;
		expect(id).toMatch(ULID_PATTERN);

		expect(outputs).toHaveLength(1);
		expect(outputs[0]).toEqual([
			{
				json: {
					id,
					display_name: 'Everything',
					channel_credentials: [
						{
							channel: 'SMS',
							static_bearer: { claimed_identity: 'plan-1', token: '********' },
							callback_secret: '********',
							credential_ordinal_number: 0,
							state,
							channel_known_id: '',
						},
						{
							channel: 'LINE',
							line_credentials: { token: '********', secret: '********', is_default: true },
							callback_secret: '********',
							credential_ordinal_number: 0,
							state,
							channel_known_id: '',
						},
						{
							channel: 'LINE',
							line_enterprise_credentials: {
								line_japan: { token: '********', secret: '********' },
							},
							credential_ordinal_number: 2,
							state,
							channel_known_id: '',
						},
					],
					...settingsWire,
					callback_settings: { secret_for_overridden_callback_urls: '********' },
					rate_limits: { inbound: 25, outbound: 25, webhooks: 25 },
					queue_stats: { outbound_size: 0, outbound_limit: 500000 },
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('with Include Secrets the output is the emulator answer unchanged', async () => {
		const { outputs, error } = await create({
			displayName: 'Everything',
			channelCredentials: { entries },
			additionalFields,
			options: { includeSecrets: true },
		});

		expect(error).toBeUndefined();
		expect(outputs[0].map((item) => item.json)).toEqual([emulator.apps[0]]);
		expect(outputs[0][0].json).toMatchObject({
			channel_credentials: [
				{ static_bearer: { token: 'sms-token-1' }, callback_secret: 'sms-callback' },
				{
					line_credentials: { token: 'line-token', secret: 'line-secret' },
					callback_secret: 'line-callback',
				},
				{ line_enterprise_credentials: { line_japan: { token: 'jp-token', secret: 'jp-secret' } } },
			],
			// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- made up for the tests, not a secret
			callback_settings: { secret_for_overridden_callback_urls: 'override-secret-2' },
		});
	});

	it('an app with no settings comes back with Sinch defaults, id, state, rate limits and queue stats', async () => {
		const { outputs } = await create({
			displayName: 'Defaults',
			channelCredentials: { entries: [SMS_UI] },
		});

		expect(outputs[0][0].json).toEqual({
			id: emulator.apps[0].id,
			display_name: 'Defaults',
			channel_credentials: [
				{
					channel: 'SMS',
					static_bearer: { claimed_identity: 'plan-1', token: '********' },
					credential_ordinal_number: 0,
					state,
					channel_known_id: '',
				},
			],
			...DEFAULT_SETTINGS,
			rate_limits: { inbound: 25, outbound: 25, webhooks: 25 },
			queue_stats: { outbound_size: 0, outbound_limit: 500000 },
		});
	});

	it('JSON: an empty Callback URL Secret is left out (never sent as ""), and Sinch\'s empty one stays visible in the masked output', async () => {
		const { outputs } = await create({
			specifyBody: 'json',
			jsonBody: JSON.stringify({
				display_name: 'Empty secret',
				channel_credentials: [],
				callback_settings: { secret_for_overridden_callback_urls: '' },
			}),
		});

		expect(appRequests()[0].body).toEqual({
			display_name: 'Empty secret',
			channel_credentials: [],
		});
		expect(outputs[0][0].json.callback_settings).toEqual({
			secret_for_overridden_callback_urls: '',
		});
	});
});

describe('fields mode: channel entries', () => {
	it('leaves out optional credential fields left empty, ordinal 0 and Is Default off', async () => {
		expect(
			await wireBody({
				displayName: 'Sparse',
				channelCredentials: {
					entries: [
						{
							channel: 'INSTAGRAM',
							instagramToken: 'ig',
							instagramBusinessAccountId: '',
						},
						{
							channel: 'LINE',
							lineToken: 'lt',
							lineSecret: 'ls',
							isDefault: false,
							credentialOrdinalNumber: 0,
						},
						{
							channel: 'MMS',
							mmsAccountId: 'a',
							mmsApiKey: 'k',
							mmsBasicAuthUsername: '',
							mmsBasicAuthPassword: '',
						},
					],
				},
			}),
		).toEqual({
			display_name: 'Sparse',
			channel_credentials: [
				{ channel: 'INSTAGRAM', instagram_credentials: { token: 'ig' } },
				{ channel: 'LINE', line_credentials: { token: 'lt', secret: 'ls' } },
				{ channel: 'MMS', mms_credentials: { account_id: 'a', api_key: 'k' } },
			],
		});
	});

	it('keeps the entries in the order given: the order is the channel priority', async () => {
		expect(
			await wireBody({
				displayName: 'Priority',
				channelCredentials: {
					entries: [
						{ channel: 'TELEGRAM', telegramBotToken: 'tg' },
						SMS_UI,
						{ channel: 'MESSENGER', messengerPageToken: 'fb' },
					],
				},
			}),
		).toEqual({
			display_name: 'Priority',
			channel_credentials: [
				{ channel: 'TELEGRAM', telegram_credentials: { token: 'tg' } },
				SMS_WIRE,
				{ channel: 'MESSENGER', static_token: { token: 'fb' } },
			],
		});
	});

	it('a callback secret of exactly 256 characters is sent whole', async () => {
		const secret = 'x'.repeat(256);
		expect(
			await wireBody({
				displayName: 'Long secret',
				channelCredentials: { entries: [{ ...SMS_UI, entryOptions: { callbackSecret: secret } }] },
			}),
		).toEqual({
			display_name: 'Long secret',
			channel_credentials: [{ ...SMS_WIRE, callback_secret: secret }],
		});
	});

	it('fields of a channel that is not the selected one are not sent (n8n hides them)', async () => {
		expect(
			await wireBody({
				displayName: 'Hidden',
				channelCredentials: {
					entries: [
						{
							...SMS_UI,
							telegramBotToken: 'stale',
							lineType: 'enterpriseJapan',
							credentialOrdinalNumber: 4,
							isDefault: true,
						},
					],
				},
			}),
		).toEqual({ display_name: 'Hidden', channel_credentials: [SMS_WIRE] });
	});
});

describe('JSON mode: the whole app', () => {
	const app = {
		display_name: 'From JSON',
		channel_credentials: [
			SMS_WIRE,
			{
				channel: 'WECHAT',
				wechat_credentials: { app_id: 'w', app_secret: 'x', token: 'y', aes_key: 'z' },
			},
		],
		conversation_metadata_report_view: 'FULL',
		retention_policy: { retention_type: 'PERSIST_RETENTION_POLICY', ttl_days: 1 },
		dispatch_retention_policy: { retention_type: 'MESSAGE_EXPIRE_POLICY', ttl_days: 7 },
		processing_mode: 'DISPATCH',
		smart_conversation: { enabled: false },
		callback_settings: { secret_for_overridden_callback_urls: 's' },
		message_retry_settings: { retry_duration: 30 },
		delivery_report_based_fallback: { enabled: true, delivery_report_waiting_time: 60 },
	};

	it('sends the typed JSON exactly', async () => {
		expect(await wireBody({ specifyBody: 'json', jsonBody: JSON.stringify(app, null, 2) })).toEqual(
			app,
		);
	});

	it('sends a partial app with only what it has', async () => {
		const partial = {
			display_name: 'Partial',
			channel_credentials: [],
			retention_policy: { ttl_days: 10 },
		};
		expect(await wireBody({ specifyBody: 'json', jsonBody: JSON.stringify(partial) })).toEqual(
			partial,
		);
	});

	it('drops the read-only fields of an app copied from an earlier output (id, rate limits, queue stats, state, known ID)', async () => {
		const copied = {
			...app,
			id: '01ARZ3NDEKTSV4RRFFQ69G5FAV',
			rate_limits: { inbound: 25, outbound: 25, webhooks: 25 },
			queue_stats: { outbound_size: 3, outbound_limit: 500000 },
			channel_credentials: app.channel_credentials.map((entry) => ({
				...entry,
				state: { status: 'ACTIVE', description: '' },
				channel_known_id: 'known',
			})),
		};
		expect(await wireBody({ specifyBody: 'json', jsonBody: JSON.stringify(copied) })).toEqual(app);
	});

	it('ignores the fields of fields mode', async () => {
		expect(
			await wireBody({
				specifyBody: 'json',
				jsonBody: JSON.stringify({ display_name: 'Only JSON', channel_credentials: [] }),
				displayName: 'not sent',
				additionalFields: { processingMode: 'CONVERSATION' },
			}),
		).toEqual({ display_name: 'Only JSON', channel_credentials: [] });
	});

	it('masks the output like fields mode, and Include Secrets shows it unmasked', async () => {
		const masked = await create({ specifyBody: 'json', jsonBody: JSON.stringify(app) });
		expect(masked.outputs[0][0].json).toMatchObject({
			channel_credentials: [
				{ static_bearer: { claimed_identity: 'plan-1', token: '********' } },
				{
					wechat_credentials: {
						app_id: 'w',
						app_secret: '********',
						token: '********',
						aes_key: '********',
					},
				},
			],
			callback_settings: { secret_for_overridden_callback_urls: '********' },
		});

		const unmasked = await create({
			specifyBody: 'json',
			jsonBody: JSON.stringify(app),
			options: { includeSecrets: true },
		});
		expect(unmasked.outputs[0][0].json).toEqual(emulator.apps[1]);
		expect(unmasked.outputs[0][0].json).toMatchObject({
			...app,
			id: expect.stringMatching(ULID_PATTERN),
		});
	});
});
