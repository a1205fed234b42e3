/**
 * Create App, bad input: every rule checked before sending, with its exact message (field, problem, fix), the index of
 * the item on the error, and proof from the emulator's log that nothing at all was sent for it. The second half runs
 * checkAppBody directly on edge cases.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { CHANNELS } from '../../nodes/SinchConversation/helpers/channels';
import { checkAppBody } from '../../nodes/SinchConversation/helpers/validateApp';

import { runNode } from '../harness/engine';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { emulatorCredentials } from '../harness/setup';

const emulator = emulatorPerFile();

const appsPath = () => `/v1/projects/${emulator.projectId}/apps`;
const appRequests = () => emulator.requests.filter((request) => request.path === appsPath());

async function create(parameters: INodeParameters, items?: IDataObject[]) {
	return await runNode({
		credentials: emulatorCredentials(emulator),
		parameters: { resource: 'app', operation: 'create', ...parameters },
		items,
	});
}

/** Runs one item that must be refused; checks the item index and that the emulator saw no request at all. */
async function refused(parameters: INodeParameters, item: IDataObject = {}) {
	const { error, outputs } = await create(parameters, [item]);
	expect(error).toBeDefined();
	expect(error?.context?.itemIndex).toBe(0);
	expect(outputs).toEqual([]);
	expect(emulator.requests).toEqual([]);
	return error!;
}

/** The node with the whole app as JSON. */
const asJson = (app: unknown): INodeParameters => ({
	specifyBody: 'json',
	jsonBody: JSON.stringify(app),
});
/** The node with the whole app as JSON, around a channel list under test. */
const channelsAsJson = (channels: unknown): INodeParameters =>
	asJson({ display_name: 'Bad channels', channel_credentials: channels });

const SMS = { channel: 'SMS', static_bearer: { claimed_identity: 'plan', token: 'token' } };
const SMS_UI = { channel: 'SMS', smsServicePlanId: 'plan', smsApiToken: 'token' };
const LINE_UI = { channel: 'LINE', lineToken: 'line-token', lineSecret: 'line-secret' };
const CHANNEL_LIST =
	'WHATSAPP, RCS, SMS, MESSENGER, VIBERBM, MMS, INSTAGRAM, TELEGRAM, KAKAOTALK, KAKAOTALKCHAT, LINE, WECHAT, APPLEBC';

describe('display name present', () => {
	it.each([
		['an expression giving empty text', { displayName: '={{ $json.name }}' }, { name: '' }],
		['an expression giving only spaces', { displayName: '={{ $json.name }}' }, { name: '   ' }],
		['an expression over a missing key', { displayName: '={{ $json.missing }}' }, {}],
		['JSON without display_name', asJson({ channel_credentials: [] }), {}],
		['JSON with an empty display_name', asJson({ display_name: '', channel_credentials: [] }), {}],
	])('%s', async (_name, parameters, item) => {
		const error = await refused(parameters, item);
		// In JSON mode the message names the JSON key the user typed.
		const label =
			(parameters as INodeParameters).specifyBody === 'json' ? 'display_name' : 'Display Name';
		expect(error.message).toBe(`${label} is required. Enter a name for the app.`);
	});

	it('JSON with a number as display_name is said to be not text, not missing', async () => {
		const error = await refused(asJson({ display_name: 42, channel_credentials: [] }), {});
		expect(error.message).toMatch(/^display_name must be text, not a number\./);
	});

	it('an empty literal name never reaches the node: n8n itself refuses the required parameter', async () => {
		await expect(create({ displayName: '' })).rejects.toThrow(
			'Parameter "Display Name" is required.',
		);
		expect(emulator.requests).toEqual([]);
	});
});

describe('channel known', () => {
	it.each([
		['an unknown name', 'FAX', '"FAX"'],
		['a lower-case name', 'sms', '"sms"'],
		['the retired VIBER', 'VIBER', '"VIBER"'],
		['a number', 7, '7'],
	])('%s', async (_name, channel, shown) => {
		const error = await refused(
			channelsAsJson([SMS, { channel, static_bearer: { claimed_identity: 'a', token: 'b' } }]),
		);
		expect(error.message).toBe(
			`channel_credentials[1]: Channel ${shown} is not a Sinch channel. Use one of ${CHANNEL_LIST}.`,
		);
	});

	it('an entry without a channel', async () => {
		const error = await refused(
			channelsAsJson([{ static_bearer: { claimed_identity: 'a', token: 'b' } }]),
		);
		expect(error.message).toBe(
			`channel_credentials[0]: Channel is missing. Set "channel" to one of ${CHANNEL_LIST}.`,
		);
	});
});

describe("that channel's required fields present (fields mode, the value from an expression that gives empty text)", () => {
	const required = CHANNELS.flatMap((channel) =>
		channel.fields
			.filter((field) => field.required)
			.map((field) => [channel.value, field.param, channel, field] as const),
	);

	it('covers a required field of every channel', () => {
		expect(new Set(required.map(([value]) => value))).toEqual(
			new Set(CHANNELS.map((channel) => channel.value)),
		);
	});

	it.each(required)('%s: %s', async (value, param, channel, field) => {
		const filled = Object.fromEntries(channel.fields.map((f) => [f.param, `${f.param}-value`]));
		const error = await refused(
			{
				displayName: 'Missing field',
				channelCredentials: {
					entries: [{ channel: value, ...filled, [param]: '={{ $json.empty }}' }],
				},
			},
			{ empty: '' },
		);
		expect(error.message).toBe(
			`Channel Credentials, entry 1 (${value}): ${field.displayName} (${field.path.join('.')}) is required: ${field.description}.`,
		);
	});

	it.each([
		[
			'SMS API token',
			{ ...SMS_UI, smsApiToken: '={{ $json.empty }}' },
			'Channel Credentials, entry 1 (SMS): API Token (token) is required: API token of that SMS service plan.',
		],
		[
			'WeChat AES key',
			{
				channel: 'WECHAT',
				wechatAppId: 'a',
				wechatAppSecret: 'b',
				wechatToken: 'c',
				wechatAesKey: '={{ $json.empty }}',
			},
			'Channel Credentials, entry 1 (WECHAT): Encoding AES Key (aes_key) is required: EncodingAESKey set in the server configuration of the WeChat account.',
		],
		[
			'LINE Enterprise Japan secret',
			{ ...LINE_UI, lineType: 'enterpriseJapan', lineSecret: '={{ $json.empty }}' },
			'Channel Credentials, entry 1 (LINE) line_japan: Channel Secret (secret) is required: Channel secret of the LINE Official Account.',
		],
		[
			'MMS Basic auth username without password',
			{ channel: 'MMS', mmsAccountId: 'a', mmsApiKey: 'k', mmsBasicAuthUsername: 'user' },
			'Channel Credentials, entry 1 (MMS): Basic Auth Password (basic_auth.password) is required once Basic Auth is used: give both the username and the password, or neither.',
		],
		[
			'MMS Basic auth password without username',
			{ channel: 'MMS', mmsAccountId: 'a', mmsApiKey: 'k', mmsBasicAuthPassword: 'pass' },
			'Channel Credentials, entry 1 (MMS): Basic Auth Username (basic_auth.username) is required once Basic Auth is used: give both the username and the password, or neither.',
		],
	])('written out: %s', async (_name, entry, message) => {
		const error = await refused(
			{ displayName: 'Missing field', channelCredentials: { entries: [entry] } },
			{ empty: '' },
		);
		expect(error.message).toBe(message);
	});

	it('JSON: a missing field of a nested LINE Thailand credential', async () => {
		const error = await refused(
			channelsAsJson([
				{ channel: 'LINE', line_enterprise_credentials: { line_thailand: { token: 't' } } },
			]),
		);
		expect(error.message).toBe(
			'channel_credentials[0] (LINE): line_enterprise_credentials.line_thailand.secret is required: Channel secret of the LINE Official Account.',
		);
	});
});

describe('ranges (fields mode: the panel does not clamp these numbers, so the node refuses them with the range)', () => {
	it.each([
		[
			{ retentionTtlDays: 0 },
			'Retention TTL (Days) 0 is out of range. Use a whole number from 1 to 3650.',
		],
		[
			{ retentionTtlDays: 3651 },
			'Retention TTL (Days) 3651 is out of range. Use a whole number from 1 to 3650.',
		],
		[
			{ retentionTtlDays: 1.5 },
			'Retention TTL (Days) 1.5 is out of range. Use a whole number from 1 to 3650.',
		],
		[
			{ dispatchRetentionTtlDays: -1 },
			'Dispatch Retention TTL (Days) -1 is out of range. Use a whole number from 0 to 7.',
		],
		[
			{ dispatchRetentionTtlDays: 8 },
			'Dispatch Retention TTL (Days) 8 is out of range. Use a whole number from 0 to 7.',
		],
		[
			{ messageRetryDuration: 29 },
			'Message Retry (Seconds) 29 is out of range. Use a whole number from 30 to 3600.',
		],
		[
			{ messageRetryDuration: 3601 },
			'Message Retry (Seconds) 3601 is out of range. Use a whole number from 30 to 3600.',
		],
		[
			{ fallbackWaitingTime: 59 },
			'Fallback Wait (Seconds) 59 is out of range. Use a whole number from 60 to 259200.',
		],
		[
			{ fallbackWaitingTime: 259201 },
			'Fallback Wait (Seconds) 259201 is out of range. Use a whole number from 60 to 259200.',
		],
	])('%j', async (additionalFields, message) => {
		const error = await refused({ displayName: 'Range', additionalFields });
		expect(error.message).toBe(message);
	});

	it.each([
		[
			256,
			'Channel Credentials, entry 1 (LINE): Credential Ordinal Number 256 is out of range. Use a whole number from 0 to 255.',
		],
		[
			-1,
			'Channel Credentials, entry 1 (LINE): Credential Ordinal Number -1 is out of range. Use a whole number from 0 to 255.',
		],
		[
			2.5,
			'Channel Credentials, entry 1 (LINE): Credential Ordinal Number 2.5 is out of range. Use a whole number from 0 to 255.',
		],
	])('LINE Credential Ordinal Number %s', async (ordinal, message) => {
		const error = await refused({
			displayName: 'Range',
			channelCredentials: { entries: [{ ...LINE_UI, credentialOrdinalNumber: ordinal }] },
		});
		expect(error.message).toBe(message);
	});

	it('a callback secret of 257 characters', async () => {
		const error = await refused({
			displayName: 'Range',
			channelCredentials: {
				entries: [SMS_UI, { ...LINE_UI, entryOptions: { callbackSecret: 'y'.repeat(257) } }],
			},
		});
		expect(error.message).toBe(
			'Channel Credentials, entry 2 (LINE): Callback Secret has 257 characters. Use at most 256.',
		);
	});
});

describe('LINE: unique ordinals, and one default when there are several', () => {
	it('the example of the issue: entry 2 reuses ordinal 3 of entry 1', async () => {
		const error = await refused({
			displayName: 'LINE',
			channelCredentials: {
				entries: [
					{ ...LINE_UI, credentialOrdinalNumber: 3, isDefault: true },
					{ ...LINE_UI, lineType: 'enterpriseJapan', credentialOrdinalNumber: 3 },
				],
			},
		});
		expect(error.message).toBe(
			'Channel Credentials, entry 2 (LINE): Credential Ordinal Number 3 is already used by entry 1. Give each LINE entry its own number from 0 to 255.',
		);
	});

	it('two entries left at ordinal 0, with another channel between them', async () => {
		const error = await refused({
			displayName: 'LINE',
			channelCredentials: { entries: [{ ...LINE_UI, isDefault: true }, SMS_UI, LINE_UI] },
		});
		expect(error.message).toBe(
			'Channel Credentials, entry 3 (LINE): Credential Ordinal Number 0 is already used by entry 1. Give each LINE entry its own number from 0 to 255.',
		);
	});

	it('several LINE entries and none is the default', async () => {
		const error = await refused({
			displayName: 'LINE',
			channelCredentials: {
				entries: [LINE_UI, SMS_UI, { ...LINE_UI, credentialOrdinalNumber: 1 }],
			},
		});
		expect(error.message).toBe(
			'Channel Credentials: 2 LINE entries need exactly one with Is Default on; found 0. Turn Is Default on for one of entries 1, 3.',
		);
	});

	it('several LINE entries and two are the default', async () => {
		const error = await refused({
			displayName: 'LINE',
			channelCredentials: {
				entries: [
					{ ...LINE_UI, isDefault: true },
					{ ...LINE_UI, credentialOrdinalNumber: 1 },
					{
						...LINE_UI,
						lineType: 'enterpriseThailand',
						credentialOrdinalNumber: 2,
						isDefault: true,
					},
				],
			},
		});
		expect(error.message).toBe(
			'Channel Credentials: 3 LINE entries need exactly one with Is Default on; found 2. Turn Is Default on for one of entries 1, 2, 3.',
		);
	});
});

describe('only LINE may repeat, and only LINE uses the ordinal', () => {
	it('a non-LINE ordinal other than 0 (JSON)', async () => {
		const error = await refused(channelsAsJson([{ ...SMS, credential_ordinal_number: 2 }]));
		expect(error.message).toBe(
			'channel_credentials[0] (SMS): credential_ordinal_number 2 is only for LINE. Leave it at 0 for SMS.',
		);
	});

	it('a second entry of the same non-LINE channel (Sinch refuses it)', async () => {
		const error = await refused({
			displayName: 'Twice',
			channelCredentials: {
				entries: [
					SMS_UI,
					{ channel: 'TELEGRAM', telegramBotToken: 't' },
					{ ...SMS_UI, smsServicePlanId: 'other' },
				],
			},
		});
		expect(error.message).toBe(
			'Channel Credentials, entry 3 (SMS): SMS is already in entry 1. An app has one credential per channel (only LINE can have several); remove one of the two entries.',
		);
	});
});

describe('JSON that is not valid JSON', () => {
	const FIX =
		'Fix the JSON syntax, or build the value with an expression such as {{ JSON.stringify($json.app) }}.';

	it('App (JSON)', async () => {
		const error = await refused({ specifyBody: 'json', jsonBody: '{"display_name": "x", ' });
		expect(error.message).toMatch(/^App \(JSON\) is not valid JSON: \S/);
		expect(error.description).toBe(FIX);
	});

	it('App (JSON) left empty', async () => {
		const error = await refused({ specifyBody: 'json', jsonBody: '' });
		expect(error.message).toMatch(/^App \(JSON\) is not valid JSON: /);
	});
});

describe('JSON of the wrong shape', () => {
	const entry = (prefix: string) => `channel_credentials[0] (${prefix})`;
	const cases: Array<[string, INodeParameters, string]> = [
		['an array for the app', asJson([]), 'The app must be a JSON object, not [].'],
		['text for the app', asJson('my app'), 'The app must be a JSON object, not "my app".'],
		['null for the app', asJson(null), 'The app must be a JSON object, not null.'],
		[
			'no channel_credentials',
			asJson({ display_name: 'x' }),
			'channel_credentials is required. Give a list of entries; it may be empty.',
		],
		[
			'an object for the channel list',
			channelsAsJson({ channel: 'SMS' }),
			'channel_credentials must be a list of entries, not {"channel":"SMS"}.',
		],
		[
			'text for an entry',
			channelsAsJson(['SMS']),
			'channel_credentials[0] must be an object with a channel and its credential, not "SMS".',
		],
		[
			'a misspelled app field',
			asJson({ display_name: 'x', channel_credentials: [], processingMode: 'DISPATCH' }),
			'Unknown app field "processingMode". Use only display_name, channel_credentials, conversation_metadata_report_view, retention_policy, dispatch_retention_policy, processing_mode, smart_conversation, callback_settings, message_retry_settings, delivery_report_based_fallback.',
		],
		[
			'an entry without its credential',
			channelsAsJson([{ channel: 'SMS' }]),
			`${entry('SMS')}: needs exactly one credential object, static_bearer; found none.`,
		],
		[
			"another channel's credential",
			channelsAsJson([{ channel: 'SMS', static_token: { token: 't' } }]),
			`${entry('SMS')}: needs exactly one credential object, static_bearer; found static_token.`,
		],
		[
			'two credentials in one LINE entry',
			channelsAsJson([
				{
					channel: 'LINE',
					line_credentials: { token: 'a', secret: 'b' },
					line_enterprise_credentials: { line_japan: { token: 'a', secret: 'b' } },
				},
			]),
			`${entry('LINE')}: needs exactly one credential object, line_credentials or line_enterprise_credentials; found line_credentials and line_enterprise_credentials.`,
		],
		[
			'an unknown entry field',
			channelsAsJson([{ ...SMS, secret: 'x' }]),
			`${entry('SMS')}: unknown field "secret". An entry has channel, static_bearer, callback_secret and credential_ordinal_number.`,
		],
		[
			'an unknown credential field',
			channelsAsJson([
				{
					channel: 'SMS',
					static_bearer: { claimed_identity: 'a', token: 'b', service_plan_id: 'c' },
				},
			]),
			`${entry('SMS')}: unknown credential field "service_plan_id". Use only claimed_identity, token.`,
		],
		[
			'a credential that is not an object',
			channelsAsJson([{ channel: 'SMS', static_bearer: 'plan:token' }]),
			`${entry('SMS')}: static_bearer must be an object.`,
		],
		[
			'a credential field that is not text',
			channelsAsJson([{ channel: 'SMS', static_bearer: { claimed_identity: 'a', token: 12345 } }]),
			// The value is not shown: it may be a secret.
			`${entry('SMS')}: static_bearer.token must be text, not a number. If an expression fills it, make it give one text value, e.g. {{ String($json.field) }}.`,
		],
		[
			'basic_auth that is not an object (said once)',
			channelsAsJson([
				{
					channel: 'MMS',
					mms_credentials: { account_id: 'a', api_key: 'k', basic_auth: 'user:pass' },
				},
			]),
			`${entry('MMS')}: basic_auth must be an object.`,
		],
		[
			'LINE Enterprise with both regions',
			channelsAsJson([
				{
					channel: 'LINE',
					line_enterprise_credentials: {
						line_japan: { token: 'a', secret: 'b' },
						line_thailand: { token: 'a', secret: 'b' },
					},
				},
			]),
			`${entry('LINE')}: an enterprise LINE credential needs exactly one of line_japan or line_thailand.`,
		],
		[
			'LINE Enterprise with no region',
			channelsAsJson([{ channel: 'LINE', line_enterprise_credentials: { is_default: true } }]),
			`${entry('LINE')}: an enterprise LINE credential needs exactly one of line_japan or line_thailand.`,
		],
		[
			'a LINE Enterprise region that is not an object',
			channelsAsJson([{ channel: 'LINE', line_enterprise_credentials: { line_japan: 'token' } }]),
			`${entry('LINE')}: line_japan must be an object with token and secret.`,
		],
		[
			'Is Default as text',
			channelsAsJson([
				{ channel: 'LINE', line_credentials: { token: 'a', secret: 'b', is_default: 'yes' } },
			]),
			`${entry('LINE')}: is_default "yes" must be true or false.`,
		],
		[
			'a callback secret that is not text',
			channelsAsJson([{ ...SMS, callback_secret: 5 }]),
			`${entry('SMS')}: callback_secret must be text.`,
		],
		[
			'an ordinal as text',
			channelsAsJson([
				{
					channel: 'LINE',
					line_credentials: { token: 't', secret: 's' },
					credential_ordinal_number: '3',
				},
			]),
			`${entry('LINE')}: credential_ordinal_number "3" is out of range. Use a whole number from 0 to 255.`,
		],
		[
			'an unknown processing mode',
			asJson({ display_name: 'x', channel_credentials: [], processing_mode: 'FAST' }),
			'processing_mode "FAST" is not valid. Use one of CONVERSATION, DISPATCH.',
		],
		[
			'an unknown metadata report view',
			asJson({
				display_name: 'x',
				channel_credentials: [],
				conversation_metadata_report_view: 'ALL',
			}),
			'conversation_metadata_report_view "ALL" is not valid. Use one of NONE, FULL.',
		],
		[
			'an unknown retention type',
			asJson({
				display_name: 'x',
				channel_credentials: [],
				retention_policy: { retention_type: 'FOREVER' },
			}),
			'retention_policy.retention_type "FOREVER" is not valid. Use one of MESSAGE_EXPIRE_POLICY, CONVERSATION_EXPIRE_POLICY, PERSIST_RETENTION_POLICY.',
		],
		[
			'a dispatch retention type other than message expiry',
			asJson({
				display_name: 'x',
				channel_credentials: [],
				dispatch_retention_policy: { retention_type: 'CONVERSATION_EXPIRE_POLICY' },
			}),
			'dispatch_retention_policy.retention_type "CONVERSATION_EXPIRE_POLICY" is not valid. Use one of MESSAGE_EXPIRE_POLICY.',
		],
		[
			'a retention policy that is a number',
			asJson({ display_name: 'x', channel_credentials: [], retention_policy: 30 }),
			'retention_policy must be an object, not 30.',
		],
		[
			'smart conversation as a boolean',
			asJson({ display_name: 'x', channel_credentials: [], smart_conversation: true }),
			'smart_conversation must be an object, not true.',
		],
		[
			'smart conversation enabled as text',
			asJson({
				display_name: 'x',
				channel_credentials: [],
				smart_conversation: { enabled: 'yes' },
			}),
			'smart_conversation.enabled "yes" must be true or false.',
		],
		[
			'fallback enabled as a number',
			asJson({
				display_name: 'x',
				channel_credentials: [],
				delivery_report_based_fallback: { enabled: 1 },
			}),
			'delivery_report_based_fallback.enabled 1 must be true or false.',
		],
		[
			'callback settings as text',
			asJson({ display_name: 'x', channel_credentials: [], callback_settings: 'secret' }),
			'callback_settings must be an object, not "secret".',
		],
		[
			'the overridden-URL secret as a number',
			asJson({
				display_name: 'x',
				channel_credentials: [],
				callback_settings: { secret_for_overridden_callback_urls: 5 },
			}),
			'callback_settings.secret_for_overridden_callback_urls must be text.',
		],
		[
			'message retry settings as a number',
			asJson({ display_name: 'x', channel_credentials: [], message_retry_settings: 60 }),
			'message_retry_settings must be an object, not 60.',
		],
		[
			'a retry duration as text',
			asJson({
				display_name: 'x',
				channel_credentials: [],
				message_retry_settings: { retry_duration: '60s' },
			}),
			'message_retry_settings.retry_duration "60s" is out of range. Use a whole number from 30 to 3600.',
		],
	];

	it.each(cases)('%s', async (_name, parameters, message) => {
		const error = await refused(parameters);
		expect(error.message).toBe(message);
	});
});

describe('JSON mode names the JSON keys, the form names its labels', () => {
	it.each([
		[
			'a missing token (JSON)',
			asJson({
				display_name: 'x',
				channel_credentials: [{ channel: 'SMS', static_bearer: { claimed_identity: 'p' } }],
			}),
			/^channel_credentials\[0\] \(SMS\): static_bearer\.token is required: /,
		],
		[
			'a missing LINE Japan secret (JSON)',
			asJson({
				display_name: 'x',
				channel_credentials: [
					{ channel: 'LINE', line_enterprise_credentials: { line_japan: { token: 't' } } },
				],
			}),
			/^channel_credentials\[0\] \(LINE\): line_enterprise_credentials\.line_japan\.secret is required: /,
		],
		[
			'a missing token (fields)',
			{
				displayName: 'x',
				channelCredentials: {
					entries: [{ channel: 'SMS', smsServicePlanId: 'p', smsApiToken: '={{ "" }}' }],
				},
			},
			/^Channel Credentials, entry 1 \(SMS\): API Token \(token\) is required: /,
		],
	])('%s', async (_name, parameters, message) => {
		const error = await refused(parameters as INodeParameters);
		expect(error.message).toMatch(message);
	});
});

describe('secrets masked by an earlier output are not sent as secrets', () => {
	it.each([
		[
			'a channel token',
			channelsAsJson([
				{ channel: 'SMS', static_bearer: { claimed_identity: 'a', token: '********' } },
			]),
			'channel_credentials[0] (SMS): static_bearer.token is a masked value from an earlier output. Enter the real secret.',
		],
		[
			'a callback secret',
			channelsAsJson([{ ...SMS, callback_secret: '********' }]),
			'channel_credentials[0] (SMS): callback_secret is a masked value from an earlier output. Enter the real secret.',
		],
		[
			'a LINE Enterprise secret',
			channelsAsJson([
				{
					channel: 'LINE',
					line_enterprise_credentials: { line_japan: { token: 't', secret: '********' } },
				},
			]),
			'channel_credentials[0] (LINE): line_enterprise_credentials.line_japan.secret is a masked value from an earlier output. Enter the real secret.',
		],
		[
			'the overridden-URL secret',
			asJson({
				display_name: 'x',
				channel_credentials: [],
				callback_settings: { secret_for_overridden_callback_urls: '********' },
			}),
			'callback_settings.secret_for_overridden_callback_urls is a masked value from an earlier output. Enter the real secret.',
		],
	])('%s', async (_name, parameters, message) => {
		const error = await refused(parameters);
		expect(error.message).toBe(message);
	});
});

describe('several problems in one item', () => {
	it('names the first, counts the rest, and lists them all in the details', async () => {
		const error = await refused(
			asJson({
				display_name: ' ',
				channel_credentials: [{ channel: 'FAX' }],
				message_retry_settings: { retry_duration: 5 },
			}),
		);
		expect(error.message).toBe(
			'display_name is required. Enter a name for the app. (and 2 more problems)',
		);
		expect(error.description).toBe(
			[
				'display_name is required. Enter a name for the app.',
				`channel_credentials[0]: Channel "FAX" is not a Sinch channel. Use one of ${CHANNEL_LIST}.`,
				'message_retry_settings.retry_duration 5 is out of range. Use a whole number from 30 to 3600.',
			].join('\n'),
		);
	});

	it('two problems say "1 more problem"', async () => {
		const error = await refused({
			displayName: 'Two',
			additionalFields: { messageRetryDuration: 1, dispatchRetentionTtlDays: 9 },
		});
		expect(error.message).toBe(
			'Dispatch Retention TTL (Days) 9 is out of range. Use a whole number from 0 to 7. (and 1 more problem)',
		);
	});
});

describe('the item index', () => {
	it('names the failing item, and sends nothing for any item: the whole batch is checked first', async () => {
		const { error, outputs } = await create(
			{
				displayName: '={{ $json.name }}',
				additionalFields: { messageRetryDuration: '={{ $json.retry }}' },
			},
			[
				{ name: 'first', retry: 60 },
				{ name: 'second', retry: 120 },
				{ name: 'third', retry: 10 },
				{ name: 'fourth', retry: 60 },
			],
		);
		expect(error?.message).toBe(
			'Message Retry (Seconds) 10 is out of range. Use a whole number from 30 to 3600.',
		);
		expect(error?.context?.itemIndex).toBe(2);
		expect(outputs).toEqual([]);
		expect(appRequests()).toEqual([]);
	});
});

describe('checkAppBody, directly', () => {
	const app = (extra: IDataObject = {}): IDataObject => ({
		display_name: 'App',
		channel_credentials: [],
		...extra,
	});
	const line = (extra: IDataObject = {}, credential: IDataObject = {}): IDataObject => ({
		channel: 'LINE',
		line_credentials: { token: 't', secret: 's', ...credential },
		...extra,
	});

	it('accepts every range at both ends', () => {
		for (const [ttl, dispatch, retry, wait, ordinal, secretLength] of [
			[1, 0, 30, 60, 0, 0],
			[3650, 7, 3600, 259200, 255, 256],
		]) {
			expect(
				checkAppBody(
					app({
						channel_credentials: [
							line({
								credential_ordinal_number: ordinal,
								callback_secret: 's'.repeat(secretLength),
							}),
						],
						retention_policy: { ttl_days: ttl },
						dispatch_retention_policy: { ttl_days: dispatch },
						message_retry_settings: { retry_duration: retry },
						delivery_report_based_fallback: { delivery_report_waiting_time: wait },
					}),
					'create',
				),
			).toEqual([]);
		}
	});

	it('accepts an explicit ordinal 0 on a non-LINE channel, and one LINE entry without a default', () => {
		expect(
			checkAppBody(
				app({ channel_credentials: [{ ...SMS, credential_ordinal_number: 0 }, line()] }),
				'create',
			),
		).toEqual([]);
	});

	it('accepts several LINE entries with distinct ordinals and exactly one default, in any kind', () => {
		const entries = [
			line({}, { is_default: false }),
			{
				channel: 'LINE',
				line_enterprise_credentials: { line_japan: { token: 'a', secret: 'b' }, is_default: true },
				credential_ordinal_number: 1,
			},
			line({ credential_ordinal_number: 2 }),
		];
		expect(checkAppBody(app({ channel_credentials: entries }), 'create')).toEqual([]);
	});

	it('treats a missing ordinal as 0 when looking for duplicates', () => {
		expect(
			checkAppBody(
				app({
					channel_credentials: [
						line({}, { is_default: true }),
						line({ credential_ordinal_number: 0 }),
					],
				}),
				'create',
			),
		).toEqual([
			'Channel Credentials, entry 2 (LINE): Credential Ordinal Number 0 is already used by entry 1. Give each LINE entry its own number from 0 to 255.',
		]);
	});

	it('update mode: nothing is required, but what is given is checked', () => {
		expect(checkAppBody({}, 'update')).toEqual([]);
		expect(checkAppBody({ processing_mode: 'CONVERSATION' }, 'update')).toEqual([]);
		expect(checkAppBody({ display_name: '' }, 'update')).toEqual([
			'Display Name is required. Enter a name for the app.',
		]);
		expect(checkAppBody({ channel_credentials: 'SMS' }, 'update')).toEqual([
			'Channel Credentials must be a list of entries, not "SMS".',
		]);
	});

	it('create mode: an empty object has two problems', () => {
		expect(checkAppBody({}, 'create')).toEqual([
			'Display Name is required. Enter a name for the app.',
			'Channel Credentials are required. Give a list of entries; it may be empty.',
		]);
	});

	it('refuses what is not an object', () => {
		expect(checkAppBody(undefined, 'create')).toEqual([
			'The app must be a JSON object, not undefined.',
		]);
		expect(checkAppBody(3, 'update')).toEqual(['The app must be a JSON object, not 3.']);
	});

	it('allows each non-LINE channel once, LINE many times', () => {
		const telegram = { channel: 'TELEGRAM', telegram_credentials: { token: 't' } };
		expect(
			checkAppBody(app({ channel_credentials: [SMS, telegram, SMS, telegram] }), 'create'),
		).toEqual([
			'Channel Credentials, entry 3 (SMS): SMS is already in entry 1. An app has one credential per channel (only LINE can have several); remove one of the two entries.',
			'Channel Credentials, entry 4 (TELEGRAM): Telegram is already in entry 2. An app has one credential per channel (only LINE can have several); remove one of the two entries.',
		]);
	});

	it('a masked secret anywhere in a credential', () => {
		expect(
			checkAppBody(
				app({
					channel_credentials: [
						{
							channel: 'KAKAOTALK',
							kakaotalk_credentials: {
								kakaotalk_plus_friend_id: 'id',
								kakaotalk_sender_key: '********',
							},
						},
					],
				}),
				'create',
			),
		).toEqual([
			'Channel Credentials, entry 1 (KAKAOTALK): Sender Key (kakaotalk_sender_key) is a masked value from an earlier output. Enter the real secret.',
		]);
	});

	it('a mask in a field that is not secret is a value like any other', () => {
		expect(
			checkAppBody(
				app({
					display_name: '********',
					channel_credentials: [
						{ channel: 'SMS', static_bearer: { claimed_identity: '********', token: 't' } },
					],
				}),
				'create',
			),
		).toEqual([]);
	});
});
