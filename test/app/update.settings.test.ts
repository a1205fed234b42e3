/**
 * Through n8n's engine against the emulator: an Update that adds one app setting changes that setting and nothing
 * else Sinch stores (every other field and sub-field is compared before and after), with the exact body and
 * update_mask on the wire. Then empty secrets and ranges.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { emulatorCredentials, seedApp as seedAppIn } from '../harness/setup';

const emu = emulatorPerFile();

/** An app where every setting differs from Sinch's default, so a default sneaking onto the wire would show. */
const rich: IDataObject = {
	display_name: 'Rich',
	channel_credentials: [
		{ channel: 'SMS', static_bearer: { claimed_identity: 'plan-1', token: 'sms-token-1' } },
	],
	conversation_metadata_report_view: 'FULL',
	retention_policy: { retention_type: 'CONVERSATION_EXPIRE_POLICY', ttl_days: 30 },
	dispatch_retention_policy: { retention_type: 'MESSAGE_EXPIRE_POLICY', ttl_days: 5 },
	processing_mode: 'CONVERSATION',
	smart_conversation: { enabled: true },
	callback_settings: { secret_for_overridden_callback_urls: 'stored-secret' },
	message_retry_settings: { retry_duration: 600 },
	delivery_report_based_fallback: { enabled: false, delivery_report_waiting_time: 120 },
};

const seedApp = async (body: IDataObject) => (await seedAppIn(emu, body)) as IDataObject;

const storedApp = (id: string) =>
	structuredClone(emu.apps.find((app) => app.id === id)) as unknown as IDataObject;
const apiCalls = (since: number) =>
	emu.requests
		.slice(since)
		.filter((request) => request.path !== '/oauth2/token')
		.map(({ method, path, query, body }) => ({ method, path, query, body }));

async function update(id: string, parameters: INodeParameters) {
	return await runNode({
		parameters: {
			resource: 'app',
			operation: 'update',
			appId: { __rl: true, mode: 'id', value: id },
			...parameters,
		},
		credentials: emulatorCredentials(emu),
	});
}

/** The stored app with `value` put at `path`: what the app must look like after changing only that. */
function withChange(app: IDataObject, path: string[], value: unknown): IDataObject {
	const copy = structuredClone(app);
	let node = copy;
	for (const key of path.slice(0, -1)) node = node[key] as IDataObject;
	node[path[path.length - 1]] = value as IDataObject[string];
	return copy;
}

// [field added in Update Fields, its value, the stored path it changes, the new value there, the PATCH body]
const cases: Array<[string, unknown, string[], unknown, IDataObject]> = [
	['displayName', 'Renamed', ['display_name'], 'Renamed', { display_name: 'Renamed' }],
	[
		'conversationMetadataReportView',
		'NONE',
		['conversation_metadata_report_view'],
		'NONE',
		{ conversation_metadata_report_view: 'NONE' },
	],
	[
		'retentionType',
		'PERSIST_RETENTION_POLICY',
		['retention_policy', 'retention_type'],
		'PERSIST_RETENTION_POLICY',
		{ retention_policy: { retention_type: 'PERSIST_RETENTION_POLICY', ttl_days: 30 } },
	],
	// The first data-loss case: the TTL alone no longer resets the type to message expiry.
	[
		'retentionTtlDays',
		60,
		['retention_policy', 'ttl_days'],
		60,
		{ retention_policy: { retention_type: 'CONVERSATION_EXPIRE_POLICY', ttl_days: 60 } },
	],
	[
		'dispatchRetentionTtlDays',
		2,
		['dispatch_retention_policy', 'ttl_days'],
		2,
		{ dispatch_retention_policy: { retention_type: 'MESSAGE_EXPIRE_POLICY', ttl_days: 2 } },
	],
	['processingMode', 'DISPATCH', ['processing_mode'], 'DISPATCH', { processing_mode: 'DISPATCH' }],
	[
		'smartConversation',
		false,
		['smart_conversation', 'enabled'],
		false,
		{ smart_conversation: { enabled: false } },
	],
	[
		'secretForOverriddenCallbackUrls',
		'new-secret',
		['callback_settings', 'secret_for_overridden_callback_urls'],
		'new-secret',
		{ callback_settings: { secret_for_overridden_callback_urls: 'new-secret' } },
	],
	[
		'clearSecretForOverriddenCallbackUrls',
		true,
		['callback_settings', 'secret_for_overridden_callback_urls'],
		'',
		{ callback_settings: { secret_for_overridden_callback_urls: '' } },
	],
	[
		'messageRetryDuration',
		900,
		['message_retry_settings', 'retry_duration'],
		900,
		{ message_retry_settings: { retry_duration: 900 } },
	],
	[
		'deliveryReportFallback',
		true,
		['delivery_report_based_fallback', 'enabled'],
		true,
		{ delivery_report_based_fallback: { enabled: true, delivery_report_waiting_time: 120 } },
	],
	// The second data-loss case: the waiting time alone no longer switches the (paid) fallback on.
	[
		'fallbackWaitingTime',
		300,
		['delivery_report_based_fallback', 'delivery_report_waiting_time'],
		300,
		{ delivery_report_based_fallback: { enabled: false, delivery_report_waiting_time: 300 } },
	],
];

describe('Update: adding one setting changes only it', () => {
	it.each(cases)('%s', async (field, value, path, stored, body) => {
		const app = await seedApp(rich);
		const id = app.id as string;
		const before = storedApp(id);
		const mark = emu.requests.length;

		const { error, outputs } = await update(id, {
			updateFields: { [field]: value } as INodeParameters,
		});

		expect(error).toBeUndefined();
		const appPath = `/v1/projects/${emu.projectId}/apps/${id}`;
		expect(apiCalls(mark)).toEqual([
			{ method: 'GET', path: appPath, query: {}, body: undefined },
			{ method: 'PATCH', path: appPath, query: { update_mask: Object.keys(body).join(',') }, body },
		]);
		expect(storedApp(id)).toEqual(withChange(before, path, stored));
		expect(outputs[0]).toHaveLength(1);
	});

	it('adds several at once: one PATCH naming each changed object once, both sub-fields of a group merged', async () => {
		const app = await seedApp(rich);
		const id = app.id as string;
		const before = storedApp(id);
		const mark = emu.requests.length;
		const { error } = await update(id, {
			updateFields: { retentionTtlDays: 90, fallbackWaitingTime: 600, processingMode: 'DISPATCH' },
		});
		expect(error).toBeUndefined();
		const patch = apiCalls(mark)[1];
		expect(patch.query).toEqual({
			update_mask: 'retention_policy,processing_mode,delivery_report_based_fallback',
		});
		expect(patch.body).toEqual({
			retention_policy: { retention_type: 'CONVERSATION_EXPIRE_POLICY', ttl_days: 90 },
			processing_mode: 'DISPATCH',
			delivery_report_based_fallback: { enabled: false, delivery_report_waiting_time: 600 },
		});
		const after = withChange(
			withChange(
				withChange(before, ['retention_policy', 'ttl_days'], 90),
				['processing_mode'],
				'DISPATCH',
			),
			['delivery_report_based_fallback', 'delivery_report_waiting_time'],
			600,
		);
		expect(storedApp(id)).toEqual(after);
	});

	it('a value the app already has sends no PATCH', async () => {
		const app = await seedApp(rich);
		const mark = emu.requests.length;
		const { error } = await update(app.id as string, { updateFields: { retentionTtlDays: 30 } });
		expect(error).toBeUndefined();
		expect(apiCalls(mark).map((call) => call.method)).toEqual(['GET']);
	});
});

describe('Update: secrets and ranges are refused before anything is sent', () => {
	it.each([
		[
			'an empty Callback URL Secret',
			{ updateFields: { secretForOverriddenCallbackUrls: '' } },
			'Callback URL Secret is empty. Enter the secret, or remove the field; to remove the stored secret add Clear Callback URL Secret instead.',
		],
		[
			'a secret and Clear at once',
			{
				updateFields: {
					secretForOverriddenCallbackUrls: 'x',
					clearSecretForOverriddenCallbackUrls: true,
				},
			},
			'Callback URL Secret and Clear Callback URL Secret are both added. Keep the one you mean: a new secret, or none.',
		],
		[
			'an empty Callback Secret added to an entry',
			{
				channelCredentialsMode: 'addOrReplace',
				channelCredentials: {
					entries: [
						{
							channel: 'SMS',
							smsServicePlanId: 'p',
							smsApiToken: 't',
							entryOptions: { callbackSecret: '' },
						},
					],
				},
			},
			'Channel Credentials, entry 1 (SMS): Callback Secret is empty. Enter the secret, or remove it from Entry Options.',
		],
		[
			'a retention of 0 days (the panel no longer turns it into 1)',
			{ updateFields: { retentionTtlDays: 0 } },
			'Retention TTL (Days) 0 is out of range. Use a whole number from 1 to 3650.',
		],
		[
			'JSON mode names the JSON keys',
			{
				specifyBody: 'json',
				jsonBody: JSON.stringify({ display_name: '', retention_policy: { ttl_days: 0 } }),
			},
			'display_name is required. Enter a name for the app. (and 1 more problem)',
		],
	])('%s', async (_name, parameters, message) => {
		const app = await seedApp(rich);
		const before = storedApp(app.id as string);
		const mark = emu.requests.length;
		const { error } = await update(app.id as string, parameters as INodeParameters);
		expect(error?.message).toBe(message);
		expect(apiCalls(mark)).toEqual([]);
		expect(storedApp(app.id as string)).toEqual(before);
	});

	it('JSON mode: an empty secret (as a Get output carries it) is left out, so the stored secret stays', async () => {
		const app = await seedApp(rich);
		const id = app.id as string;
		const mark = emu.requests.length;
		const { error } = await update(id, {
			specifyBody: 'json',
			jsonBody: JSON.stringify({
				processing_mode: 'DISPATCH',
				callback_settings: { secret_for_overridden_callback_urls: '' },
			}),
		});
		expect(error).toBeUndefined();
		expect(apiCalls(mark)[1]).toMatchObject({
			query: { update_mask: 'processing_mode' },
			body: { processing_mode: 'DISPATCH' },
		});
		expect(storedApp(id).callback_settings).toEqual({
			secret_for_overridden_callback_urls: 'stored-secret',
		});
	});

	it('a Callback Secret added under Entry Options is sent on that entry', async () => {
		const app = await seedApp(rich);
		const mark = emu.requests.length;
		const { error } = await update(app.id as string, {
			channelCredentialsMode: 'addOrReplace',
			channelCredentials: {
				entries: [
					{
						channel: 'SMS',
						smsServicePlanId: 'p',
						smsApiToken: 't',
						entryOptions: { callbackSecret: 'cb' },
					},
				],
			},
		});
		expect(error).toBeUndefined();
		expect(apiCalls(mark)[1].body).toEqual({
			channel_credentials: [
				{
					channel: 'SMS',
					static_bearer: { claimed_identity: 'p', token: 't' },
					callback_secret: 'cb',
				},
			],
		});
	});
});

describe('Create: only what the user adds is sent', () => {
	it('a retention TTL alone, and a fallback waiting time alone, carry no type and no Enabled', async () => {
		const mark = emu.requests.length;
		const { error } = await runNode({
			parameters: {
				resource: 'app',
				operation: 'create',
				displayName: 'Flat',
				channelCredentials: {
					entries: [{ channel: 'SMS', smsServicePlanId: 'p', smsApiToken: 't' }],
				},
				additionalFields: { retentionTtlDays: 14, fallbackWaitingTime: 90 },
			},
			credentials: emulatorCredentials(emu),
		});
		expect(error).toBeUndefined();
		expect(apiCalls(mark)[0].body).toEqual({
			display_name: 'Flat',
			channel_credentials: [
				{ channel: 'SMS', static_bearer: { claimed_identity: 'p', token: 't' } },
			],
			retention_policy: { ttl_days: 14 },
			delivery_report_based_fallback: { delivery_report_waiting_time: 90 },
		});
	});
});
