/**
 * Create App with parameters set from n8n expressions over several input items: each item gets its own app, built
 * from its own values, and its output is paired with it.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { emulatorCredentials } from '../harness/setup';

const emulator = emulatorPerFile();

const appsPath = () => `/v1/projects/${emulator.projectId}/apps`;
const appRequests = () => emulator.requests.filter((request) => request.path === appsPath());
const bodies = () => appRequests().map((request) => request.body);

async function create(
	parameters: INodeParameters,
	items: IDataObject[],
	onError?: 'continueRegularOutput',
) {
	return await runNode({
		credentials: emulatorCredentials(emulator),
		parameters: { resource: 'app', operation: 'create', ...parameters },
		items,
		onError,
	});
}

/** Runs and expects every item to succeed: one output per item, paired in order, each request accepted. */
async function createAll(parameters: INodeParameters, items: IDataObject[]) {
	const result = await create(parameters, items);
	expect(result.error).toBeUndefined();
	expect(result.outputs[0].map((item) => item.pairedItem)).toEqual(
		items.map((_item, index) => ({ item: index })),
	);
	expect(appRequests().map((request) => request.status)).toEqual(items.map(() => 200));
	return result;
}

describe('fields mode', () => {
	it('display name from each item', async () => {
		const { outputs } = await createAll({ displayName: '={{ $json.name }}' }, [
			{ name: 'Alpha' },
			{ name: 'Beta' },
			{ name: 'Gamma' },
		]);

		expect(bodies()).toEqual([
			{ display_name: 'Alpha', channel_credentials: [] },
			{ display_name: 'Beta', channel_credentials: [] },
			{ display_name: 'Gamma', channel_credentials: [] },
		]);
		expect(outputs[0].map((item) => item.json.display_name)).toEqual(['Alpha', 'Beta', 'Gamma']);
		expect(outputs[0].map((item) => item.json.id)).toEqual(emulator.apps.map((app) => app.id));
	});

	it('display name mixing text, item fields, the item index and a value read from the Items node through pairing', async () => {
		await createAll(
			{
				displayName:
					"={{ $json.team }} bot {{ $itemIndex + 1 }} ({{ $('Items').item.json.region }})",
			},
			[
				{ team: 'Sales', region: 'EU' },
				{ team: 'Support', region: 'US' },
			],
		);

		expect(bodies()).toEqual([
			{ display_name: 'Sales bot 1 (EU)', channel_credentials: [] },
			{ display_name: 'Support bot 2 (US)', channel_credentials: [] },
		]);
	});

	it('channel credential fields and callback secrets from each item', async () => {
		await createAll(
			{
				displayName: '={{ $json.name }}',
				channelCredentials: {
					entries: [
						{
							channel: 'SMS',
							smsServicePlanId: '={{ $json.plan }}',
							smsApiToken: '={{ $json.token }}',
							entryOptions: { callbackSecret: '={{ $json.secret }}' },
						},
						{ channel: 'TELEGRAM', telegramBotToken: '={{ $json.bot }}' },
					],
				},
			},
			[
				{ name: 'one', plan: 'plan-1', token: 'token-1', secret: 'cb-1', bot: 'bot-1' },
				{ name: 'two', plan: 'plan-2', token: 'token-2', secret: 'cb-2', bot: 'bot-2' },
			],
		);

		expect(bodies()).toEqual([
			{
				display_name: 'one',
				channel_credentials: [
					{
						channel: 'SMS',
						static_bearer: { claimed_identity: 'plan-1', token: 'token-1' },
						callback_secret: 'cb-1',
					},
					{ channel: 'TELEGRAM', telegram_credentials: { token: 'bot-1' } },
				],
			},
			{
				display_name: 'two',
				channel_credentials: [
					{
						channel: 'SMS',
						static_bearer: { claimed_identity: 'plan-2', token: 'token-2' },
						callback_secret: 'cb-2',
					},
					{ channel: 'TELEGRAM', telegram_credentials: { token: 'bot-2' } },
				],
			},
		]);
	});

	it('a number in an item becomes text in a text credential field', async () => {
		await createAll(
			{
				displayName: 'Numbers',
				channelCredentials: {
					entries: [{ channel: 'SMS', smsServicePlanId: '={{ $json.plan }}', smsApiToken: 'tok' }],
				},
			},
			[{ plan: 123456 }],
		);
		expect(bodies()).toEqual([
			{
				display_name: 'Numbers',
				channel_credentials: [
					{ channel: 'SMS', static_bearer: { claimed_identity: '123456', token: 'tok' } },
				],
			},
		]);
	});

	it('additional fields from each item, numbers and booleans as JSON values', async () => {
		await createAll(
			{
				displayName: '={{ $json.name }}',
				additionalFields: {
					processingMode: '={{ $json.mode }}',
					messageRetryDuration: '={{ $json.retry }}',
					smartConversation: '={{ $json.smart }}',
					dispatchRetentionTtlDays: '={{ $json.dispatch }}',
					retentionType: '={{ $json.retention }}',
					retentionTtlDays: '={{ $json.ttl }}',
					deliveryReportFallback: '={{ $json.fallback }}',
					fallbackWaitingTime: '={{ $json.wait }}',
				},
			},
			[
				{
					name: 'a',
					mode: 'CONVERSATION',
					retry: 300,
					smart: true,
					dispatch: 2,
					retention: 'CONVERSATION_EXPIRE_POLICY',
					ttl: 10,
					fallback: true,
					wait: 90,
				},
				{
					name: 'b',
					mode: 'DISPATCH',
					retry: 3600,
					smart: false,
					dispatch: 0,
					retention: 'PERSIST_RETENTION_POLICY',
					ttl: 1,
					fallback: false,
					wait: 60,
				},
			],
		);

		expect(bodies()).toEqual([
			{
				display_name: 'a',
				channel_credentials: [],
				processing_mode: 'CONVERSATION',
				message_retry_settings: { retry_duration: 300 },
				smart_conversation: { enabled: true },
				dispatch_retention_policy: { retention_type: 'MESSAGE_EXPIRE_POLICY', ttl_days: 2 },
				retention_policy: { retention_type: 'CONVERSATION_EXPIRE_POLICY', ttl_days: 10 },
				delivery_report_based_fallback: { enabled: true, delivery_report_waiting_time: 90 },
			},
			{
				display_name: 'b',
				channel_credentials: [],
				processing_mode: 'DISPATCH',
				message_retry_settings: { retry_duration: 3600 },
				smart_conversation: { enabled: false },
				dispatch_retention_policy: { retention_type: 'MESSAGE_EXPIRE_POLICY', ttl_days: 0 },
				retention_policy: { retention_type: 'PERSIST_RETENTION_POLICY', ttl_days: 1 },
				delivery_report_based_fallback: { enabled: false, delivery_report_waiting_time: 60 },
			},
		]);
	});

	it('numbers and booleans that arrive as text (a webhook, a sheet) are sent as numbers and booleans', async () => {
		await createAll(
			{
				displayName: 'Text values',
				channelCredentials: {
					entries: [
						{
							channel: 'LINE',
							lineToken: 'a',
							lineSecret: 'b',
							isDefault: '={{ $json.first }}',
							credentialOrdinalNumber: '={{ $json.ordinal1 }}',
						},
						{
							channel: 'LINE',
							lineToken: 'c',
							lineSecret: 'd',
							isDefault: '={{ $json.second }}',
							credentialOrdinalNumber: '={{ $json.ordinal2 }}',
						},
					],
				},
				additionalFields: {
					messageRetryDuration: '={{ $json.retry }}',
					smartConversation: '={{ $json.smart }}',
					dispatchRetentionTtlDays: '={{ $json.dispatch }}',
					retentionTtlDays: '={{ $json.ttl }}',
					deliveryReportFallback: '={{ $json.fallback }}',
					fallbackWaitingTime: '={{ $json.wait }}',
				},
			},
			[
				{
					first: 'false',
					second: 'TRUE',
					ordinal1: '0',
					ordinal2: ' 12 ',
					retry: '600',
					smart: 'true',
					dispatch: '3',
					ttl: '365',
					fallback: 'true',
					wait: '120',
				},
			],
		);

		expect(bodies()).toEqual([
			{
				display_name: 'Text values',
				channel_credentials: [
					{ channel: 'LINE', line_credentials: { token: 'a', secret: 'b' } },
					{
						channel: 'LINE',
						line_credentials: { token: 'c', secret: 'd', is_default: true },
						credential_ordinal_number: 12,
					},
				],
				message_retry_settings: { retry_duration: 600 },
				smart_conversation: { enabled: true },
				dispatch_retention_policy: { retention_type: 'MESSAGE_EXPIRE_POLICY', ttl_days: 3 },
				retention_policy: { ttl_days: 365 },
				delivery_report_based_fallback: { enabled: true, delivery_report_waiting_time: 120 },
			},
		]);
	});

	it('text that is neither a number nor a boolean is refused with the field named, not turned into false or NaN', async () => {
		const { outputs } = await create(
			{
				displayName: '={{ $json.name }}',
				additionalFields: {
					smartConversation: '={{ $json.smart }}',
					messageRetryDuration: '={{ $json.retry }}',
				},
			},
			[
				{ name: 'yes', smart: 'yes', retry: 60 },
				{ name: 'soon', smart: true, retry: 'soon' },
				{ name: 'fine', smart: 'false', retry: '45' },
			],
			'continueRegularOutput',
		);

		expect(
			outputs[0].map((item) => [item.json.error ?? item.json.display_name, item.pairedItem]),
		).toEqual([
			['Smart Conversation "yes" must be true or false.', { item: 0 }],
			[
				'Message Retry (Seconds) "soon" is out of range. Use a whole number from 30 to 3600.',
				{ item: 1 },
			],
			['fine', { item: 2 }],
		]);
		expect(bodies()).toEqual([
			{
				display_name: 'fine',
				channel_credentials: [],
				smart_conversation: { enabled: false },
				message_retry_settings: { retry_duration: 45 },
			},
		]);
	});

	it('Include Secrets from each item', async () => {
		const { outputs } = await createAll(
			{
				displayName: '={{ $json.name }}',
				channelCredentials: {
					entries: [{ channel: 'MESSENGER', messengerPageToken: '={{ $json.token }}' }],
				},
				options: { includeSecrets: '={{ $json.reveal }}' },
			},
			[
				{ name: 'hidden', token: 'page-token-1', reveal: false },
				{ name: 'shown', token: 'page-token-2', reveal: true },
			],
		);

		expect(
			outputs[0].map((item) => (item.json.channel_credentials as IDataObject[])[0].static_token),
		).toEqual([{ token: '********' }, { token: 'page-token-2' }]);
	});
});

describe('JSON mode', () => {
	it('the app around the channel list of each item ({{ $json.channels }}), one LINE pair, one SMS, one empty', async () => {
		const items = [
			{
				name: 'two LINE',
				channels: [
					{ channel: 'LINE', line_credentials: { token: 'a', secret: 'b', is_default: true } },
					{
						channel: 'LINE',
						line_enterprise_credentials: { line_japan: { token: 'c', secret: 'd' } },
						credential_ordinal_number: 1,
					},
				],
			},
			{
				name: 'sms',
				channels: [
					{
						channel: 'SMS',
						static_bearer: { claimed_identity: 'p', token: 't' },
						callback_secret: 'cb',
					},
				],
			},
			{ name: 'none', channels: [] },
		];
		const { outputs } = await createAll(
			{
				specifyBody: 'json',
				jsonBody: '={{ { display_name: $json.name, channel_credentials: $json.channels } }}',
			},
			items,
		);

		expect(bodies()).toEqual(
			items.map((item) => ({ display_name: item.name, channel_credentials: item.channels })),
		);
		expect(
			outputs[0].map((item) =>
				(item.json.channel_credentials as IDataObject[]).map((entry) => entry.channel),
			),
		).toEqual([['LINE', 'LINE'], ['SMS'], []]);
	});

	it('the whole app from each item, as an object and as text', async () => {
		const apps = [
			{ display_name: 'object', channel_credentials: [], processing_mode: 'CONVERSATION' },
			{
				display_name: 'text',
				channel_credentials: [{ channel: 'TELEGRAM', telegram_credentials: { token: 'tg' } }],
				smart_conversation: { enabled: true },
			},
		];
		await createAll(
			{
				specifyBody: 'json',
				jsonBody: '={{ $json.asText ? JSON.stringify($json.app) : $json.app }}',
			},
			[{ app: apps[0] }, { app: apps[1], asText: true }],
		);
		expect(bodies()).toEqual(apps);
	});

	it('the app built in the JSON field around item values', async () => {
		await createAll(
			{
				specifyBody: 'json',
				jsonBody:
					'={\n  "display_name": "{{ $json.name }}",\n  "channel_credentials": {{ JSON.stringify($json.channels) }},\n  "message_retry_settings": { "retry_duration": {{ $json.retry }} }\n}',
			},
			[
				{ name: 'templated-1', channels: [], retry: 120 },
				{
					name: 'templated-2',
					channels: [{ channel: 'INSTAGRAM', instagram_credentials: { token: 'ig' } }],
					retry: 240,
				},
			],
		);
		expect(bodies()).toEqual([
			{
				display_name: 'templated-1',
				channel_credentials: [],
				message_retry_settings: { retry_duration: 120 },
			},
			{
				display_name: 'templated-2',
				channel_credentials: [{ channel: 'INSTAGRAM', instagram_credentials: { token: 'ig' } }],
				message_retry_settings: { retry_duration: 240 },
			},
		]);
	});

	it('an item whose JSON value is wrong fails alone, with its own index', async () => {
		const { outputs } = await create(
			{ specifyBody: 'json', jsonBody: '={{ $json.app }}' },
			[
				{ app: { display_name: 'ok', channel_credentials: [] } },
				{ app: { display_name: 'not a list', channel_credentials: { channel: 'SMS' } } },
				{ app: '{"display_name": "not JSON", ' },
				{ app: { display_name: 'also ok', channel_credentials: [] } },
			],
			'continueRegularOutput',
		);

		expect(
			outputs[0].map((item) => [item.json.error ?? item.json.display_name, item.pairedItem]),
		).toEqual([
			['ok', { item: 0 }],
			['channel_credentials must be a list of entries, not {"channel":"SMS"}.', { item: 1 }],
			[expect.stringMatching(/^App \(JSON\) is not valid JSON: \S/), { item: 2 }],
			['also ok', { item: 3 }],
		]);
		expect(bodies().map((body) => (body as IDataObject).display_name)).toEqual(['ok', 'also ok']);
	});
});
