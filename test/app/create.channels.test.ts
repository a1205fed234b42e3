/**
 * Create App, one channel at a time: every channel of helpers/channels.ts (plus LINE Enterprise Japan and Thailand and
 * MMS with Basic auth) goes from the node's UI fields through n8n's engine to the emulator, which checks the body
 * against Sinch's schema. The expected credential objects are written out by hand here, independently of the table.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { CHANNELS } from '../../nodes/SinchConversation/helpers/channels';
import { channelEntryProperties } from '../../nodes/SinchConversation/actions/app/appFields';
import { CHANNELS as EMULATOR_CHANNELS, CREDENTIAL_PROPERTIES_BY_CHANNEL } from '../emulator';
import { runNode } from '../harness/engine';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { emulatorCredentials } from '../harness/setup';

interface ChannelFixture {
	/** UI parameters of the entry, beside channel. */
	ui: INodeParameters;
	/** Credential property of the entry as Sinch names it. */
	property: string;
	/** The credential object Sinch must receive. */
	credential: IDataObject;
	/** Paths (dot-joined) inside the credential object that hold secrets. */
	secrets: string[];
}

/** Every field of every channel, filled in. A channel added to helpers/channels.ts without a fixture here fails below. */
const FULL: Record<string, ChannelFixture> = {
	WHATSAPP: {
		ui: { whatsappSenderId: 'wa-sender-1', whatsappToken: 'wa-token-1' },
		property: 'static_bearer',
		credential: { claimed_identity: 'wa-sender-1', token: 'wa-token-1' },
		secrets: ['token'],
	},
	RCS: {
		ui: { rcsAgentId: 'rcs-agent-1', rcsToken: 'rcs-token-1' },
		property: 'static_bearer',
		credential: { claimed_identity: 'rcs-agent-1', token: 'rcs-token-1' },
		secrets: ['token'],
	},
	SMS: {
		ui: { smsServicePlanId: 'sms-plan-1', smsApiToken: 'sms-token-1' },
		property: 'static_bearer',
		credential: { claimed_identity: 'sms-plan-1', token: 'sms-token-1' },
		secrets: ['token'],
	},
	MESSENGER: {
		ui: { messengerPageToken: 'fb-page-token-1' },
		property: 'static_token',
		credential: { token: 'fb-page-token-1' },
		secrets: ['token'],
	},
	VIBERBM: {
		ui: { viberServiceId: 'viber-service-1', viberToken: 'viber-token-1' },
		property: 'static_bearer',
		credential: { claimed_identity: 'viber-service-1', token: 'viber-token-1' },
		secrets: ['token'],
	},
	MMS: {
		ui: {
			mmsAccountId: 'mms-account-1',
			mmsApiKey: 'mms-key-1',
			mmsBasicAuthUsername: 'mms-user',
			mmsBasicAuthPassword: 'mms-pass-1',
		},
		property: 'mms_credentials',
		credential: {
			account_id: 'mms-account-1',
			api_key: 'mms-key-1',
			basic_auth: { username: 'mms-user', password: 'mms-pass-1' },
		},
		secrets: ['api_key', 'basic_auth.password'],
	},
	INSTAGRAM: {
		ui: { instagramToken: 'ig-token-1', instagramBusinessAccountId: 'ig-business-1' },
		property: 'instagram_credentials',
		credential: { token: 'ig-token-1', business_account_id: 'ig-business-1' },
		secrets: ['token'],
	},
	TELEGRAM: {
		ui: { telegramBotToken: '123456:tg-bot-token' },
		property: 'telegram_credentials',
		credential: { token: '123456:tg-bot-token' },
		secrets: ['token'],
	},
	KAKAOTALK: {
		// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- made up for the tests, not a secret
		ui: { kakaotalkPlusFriendId: '@kakao-friend', kakaotalkSenderKey: 'kakao-sender-key-1' },
		property: 'kakaotalk_credentials',
		credential: {
			kakaotalk_plus_friend_id: '@kakao-friend',
			// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- made up for the tests, not a secret
			kakaotalk_sender_key: 'kakao-sender-key-1',
		},
		secrets: ['kakaotalk_sender_key'],
	},
	KAKAOTALKCHAT: {
		// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- made up for the tests, not a secret
		ui: { kakaotalkChatPlusFriendId: '@kakao-chat', kakaotalkChatApiKey: 'kakao-chat-key-1' },
		property: 'kakaotalkchat_credentials',
		// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- made up for the tests, not a secret
		credential: { kakaotalk_plus_friend_id: '@kakao-chat', api_key: 'kakao-chat-key-1' },
		secrets: ['api_key'],
	},
	LINE: {
		ui: { lineToken: 'line-token-1', lineSecret: 'line-secret-1' },
		property: 'line_credentials',
		credential: { token: 'line-token-1', secret: 'line-secret-1' },
		secrets: ['token', 'secret'],
	},
	WECHAT: {
		ui: {
			wechatAppId: 'wx-app-1',
			wechatAppSecret: 'wx-secret-1',
			wechatToken: 'wx-token-1',
			wechatAesKey: 'wx-aes-1',
		},
		property: 'wechat_credentials',
		credential: {
			app_id: 'wx-app-1',
			app_secret: 'wx-secret-1',
			token: 'wx-token-1',
			aes_key: 'wx-aes-1',
		},
		secrets: ['app_secret', 'token', 'aes_key'],
	},
	APPLEBC: {
		ui: {
			applebcBusinessChatAccountId: 'abc-account-1',
			applebcMerchantId: 'merchant.com.example',
			applebcApplePayCertificateReference: 'cert-ref-1',
			applebcApplePayCertificatePassword: 'cert-pass-1',
		},
		property: 'applebc_credentials',
		credential: {
			business_chat_account_id: 'abc-account-1',
			merchant_id: 'merchant.com.example',
			apple_pay_certificate_reference: 'cert-ref-1',
			apple_pay_certificate_password: 'cert-pass-1',
		},
		secrets: ['apple_pay_certificate_password'],
	},
};

/** Other shapes: LINE Enterprise, MMS with and without Basic auth, and the required fields alone. */
const VARIANTS: Array<[string, string, ChannelFixture]> = [
	[
		'LINE Enterprise Japan',
		'LINE',
		{
			ui: { lineType: 'enterpriseJapan', lineToken: 'jp-token', lineSecret: 'jp-secret' },
			property: 'line_enterprise_credentials',
			credential: { line_japan: { token: 'jp-token', secret: 'jp-secret' } },
			secrets: ['line_japan.token', 'line_japan.secret'],
		},
	],
	[
		'LINE Enterprise Thailand',
		'LINE',
		{
			ui: { lineType: 'enterpriseThailand', lineToken: 'th-token', lineSecret: 'th-secret' },
			property: 'line_enterprise_credentials',
			credential: { line_thailand: { token: 'th-token', secret: 'th-secret' } },
			secrets: ['line_thailand.token', 'line_thailand.secret'],
		},
	],
	[
		'LINE standard, default, ordinal 7',
		'LINE',
		{
			ui: {
				lineType: 'standard',
				lineToken: 'l-token',
				lineSecret: 'l-secret',
				isDefault: true,
				credentialOrdinalNumber: 7,
			},
			property: 'line_credentials',
			credential: { token: 'l-token', secret: 'l-secret', is_default: true },
			secrets: ['token', 'secret'],
		},
	],
	[
		'MMS with Basic auth',
		'MMS',
		{
			ui: {
				mmsAccountId: 'acc-2',
				mmsApiKey: 'key-2',
				mmsBasicAuthUsername: 'basic-user',
				mmsBasicAuthPassword: 'basic-pass',
			},
			property: 'mms_credentials',
			credential: {
				account_id: 'acc-2',
				api_key: 'key-2',
				basic_auth: { username: 'basic-user', password: 'basic-pass' },
			},
			secrets: ['api_key', 'basic_auth.password'],
		},
	],
	[
		'MMS without Basic auth',
		'MMS',
		{
			ui: { mmsAccountId: 'acc-3', mmsApiKey: 'key-3' },
			property: 'mms_credentials',
			credential: { account_id: 'acc-3', api_key: 'key-3' },
			secrets: ['api_key'],
		},
	],
	[
		'Instagram without business account',
		'INSTAGRAM',
		{
			ui: { instagramToken: 'ig-only' },
			property: 'instagram_credentials',
			credential: { token: 'ig-only' },
			secrets: ['token'],
		},
	],
	[
		'KakaoTalk Chat without API key',
		'KAKAOTALKCHAT',
		{
			ui: { kakaotalkChatPlusFriendId: '@only-id' },
			property: 'kakaotalkchat_credentials',
			credential: { kakaotalk_plus_friend_id: '@only-id' },
			secrets: [],
		},
	],
	[
		'Apple Messages for Business without Apple Pay',
		'APPLEBC',
		{
			ui: { applebcBusinessChatAccountId: 'abc-only' },
			property: 'applebc_credentials',
			credential: { business_chat_account_id: 'abc-only' },
			secrets: [],
		},
	],
];

const MASK = '********';

function masked(credential: IDataObject, secrets: string[]): IDataObject {
	const copy = structuredClone(credential);
	for (const path of secrets) {
		const keys = path.split('.');
		let node = copy;
		for (const key of keys.slice(0, -1)) node = node[key] as IDataObject;
		node[keys[keys.length - 1]] = MASK;
	}
	return copy;
}

const emulator = emulatorPerFile();

const appsPath = () => `/v1/projects/${emulator.projectId}/apps`;
const appRequests = () => emulator.requests.filter((request) => request.path === appsPath());

async function createWithEntries(entries: INodeParameters[], options: INodeParameters = {}) {
	return await runNode({
		credentials: emulatorCredentials(emulator),
		parameters: {
			resource: 'app',
			operation: 'create',
			displayName: 'Channel test',
			channelCredentials: { entries },
			options,
		},
	});
}

describe('the channel table', () => {
	const values = CHANNELS.map((channel) => channel.value);

	it('has a hand-written fixture for every channel, and no fixture for a channel it lacks', () => {
		expect(Object.keys(FULL).sort()).toEqual([...values].sort());
	});

	it('names the same 13 channels as the emulator (Sinch schema), with the same credential property', () => {
		expect(values).toHaveLength(13);
		expect([...values].sort()).toEqual([...EMULATOR_CHANNELS].sort());
		for (const channel of CHANNELS) {
			expect(
				CREDENTIAL_PROPERTIES_BY_CHANNEL[
					channel.value as keyof typeof CREDENTIAL_PROPERTIES_BY_CHANNEL
				],
			).toContain(channel.property);
			expect(FULL[channel.value].property).toBe(channel.property);
		}
	});

	it('offers exactly these channels in the Channel dropdown', () => {
		const dropdown = channelEntryProperties.find((property) => property.name === 'channel');
		expect(
			(dropdown?.options ?? []).map((option) => (option as { value: string }).value).sort(),
		).toEqual([...values].sort());
	});

	it.each(CHANNELS.map((channel) => [channel.value, channel] as const))(
		'%s: the fixture fills every UI field of the channel, and the password fields are the secrets',
		(value, channel) => {
			const fixture = FULL[value];
			expect(Object.keys(fixture.ui).sort()).toEqual(
				channel.fields.map((field) => field.param).sort(),
			);
			const secretPaths = channel.fields
				.filter((field) => field.secret)
				.map((field) => field.path.join('.'));
			expect(secretPaths.sort()).toEqual([...fixture.secrets].sort());
		},
	);
});

describe('each channel through the engine to the emulator', () => {
	it.each(CHANNELS.map((channel) => [channel.value] as const))(
		'%s with every field and a callback secret: exact entry on the wire, accepted, secrets masked in the output',
		async (value) => {
			const fixture = FULL[value];
			expect(fixture).toBeDefined();
			const callbackSecret = `cb-${value.toLowerCase()}`;
			const { outputs, error } = await createWithEntries([
				{ channel: value, ...fixture.ui, entryOptions: { callbackSecret } },
			]);

			expect(error).toBeUndefined();
			const entry = {
				channel: value,
				[fixture.property]: fixture.credential,
				callback_secret: callbackSecret,
			};
			const requests = appRequests();
			expect(requests).toHaveLength(1);
			expect(requests[0].status).toBe(200);
			expect(requests[0].body).toEqual({
				display_name: 'Channel test',
				channel_credentials: [entry],
			});
			expect(requests[0].unknownFields).toBeUndefined();

			const stored = {
				...entry,
				credential_ordinal_number: 0,
				state: { status: 'ACTIVE', description: '' },
				channel_known_id: '',
			};
			expect(emulator.apps).toHaveLength(1);
			expect(emulator.apps[0].channel_credentials).toEqual([stored]);

			expect(outputs).toHaveLength(1);
			expect(outputs[0]).toHaveLength(1);
			expect(outputs[0][0].json.channel_credentials).toEqual([
				{
					...stored,
					[fixture.property]: masked(fixture.credential, fixture.secrets),
					callback_secret: MASK,
				},
			]);
		},
	);

	it.each(VARIANTS)('%s: exact entry on the wire and accepted', async (_name, channel, fixture) => {
		const { outputs, error } = await createWithEntries([{ channel, ...fixture.ui }]);

		expect(error).toBeUndefined();
		const ordinal = fixture.ui.credentialOrdinalNumber as number | undefined;
		const entry = {
			channel,
			[fixture.property]: fixture.credential,
			...(ordinal ? { credential_ordinal_number: ordinal } : {}),
		};
		const requests = appRequests();
		expect(requests.map((request) => request.status)).toEqual([200]);
		expect(requests[0].body).toEqual({
			display_name: 'Channel test',
			channel_credentials: [entry],
		});
		expect(requests[0].unknownFields).toBeUndefined();
		expect(emulator.apps[0].channel_credentials).toEqual([
			{
				...entry,
				credential_ordinal_number: ordinal ?? 0,
				state: { status: 'ACTIVE', description: '' },
				channel_known_id: '',
			},
		]);
		expect((outputs[0][0].json.channel_credentials as IDataObject[])[0][fixture.property]).toEqual(
			masked(fixture.credential, fixture.secrets),
		);
	});

	it('every channel in one app, in the order given (the channel priority), unmasked with Include Secrets', async () => {
		const order = [...CHANNELS].reverse().map((channel) => channel.value);
		const { outputs, error } = await createWithEntries(
			order.map((value) => ({ channel: value, ...FULL[value].ui })),
			{ includeSecrets: true },
		);

		expect(error).toBeUndefined();
		const entries = order.map((value) => ({
			channel: value,
			[FULL[value].property]: FULL[value].credential,
		}));
		expect(appRequests().map((request) => [request.status, request.body])).toEqual([
			[200, { display_name: 'Channel test', channel_credentials: entries }],
		]);
		expect(outputs[0][0].json.channel_credentials).toEqual(
			entries.map((entry) => ({
				...entry,
				credential_ordinal_number: 0,
				state: { status: 'ACTIVE', description: '' },
				channel_known_id: '',
			})),
		);
	});

	it('three LINE credentials (standard, Japan, Thailand) with their own ordinals and one default', async () => {
		const { error } = await createWithEntries([
			{ channel: 'LINE', lineToken: 't0', lineSecret: 's0' },
			{
				channel: 'LINE',
				lineType: 'enterpriseJapan',
				lineToken: 't1',
				lineSecret: 's1',
				credentialOrdinalNumber: 1,
				isDefault: true,
			},
			{
				channel: 'LINE',
				lineType: 'enterpriseThailand',
				lineToken: 't2',
				lineSecret: 's2',
				credentialOrdinalNumber: 255,
			},
		]);

		expect(error).toBeUndefined();
		expect(appRequests().map((request) => [request.status, request.body])).toEqual([
			[
				200,
				{
					display_name: 'Channel test',
					channel_credentials: [
						{ channel: 'LINE', line_credentials: { token: 't0', secret: 's0' } },
						{
							channel: 'LINE',
							line_enterprise_credentials: {
								line_japan: { token: 't1', secret: 's1' },
								is_default: true,
							},
							credential_ordinal_number: 1,
						},
						{
							channel: 'LINE',
							line_enterprise_credentials: { line_thailand: { token: 't2', secret: 's2' } },
							credential_ordinal_number: 255,
						},
					],
				},
			],
		]);
	});
});
