/* eslint-disable @n8n/community-nodes/no-restricted-globals -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
import axios, { type AxiosResponse } from 'axios';
import {
	CHANNELS,
	DEFAULT_KEY_ID,
	DEFAULT_KEY_SECRET,
	DEFAULT_PROJECT_ID,
	ULID_PATTERN,
	startEmulator,
	type App,
	type Emulator,
} from './';
import { emulatorPerFile } from '../harness/emulatorPerFile';

const OTHER_PROJECT = 'project-of-someone-else';
const http = axios.create({ validateStatus: () => true });

const emulator = emulatorPerFile({ otherProjects: [OTHER_PROJECT] });

const basic = (keyId = emulator.keyId, keySecret = emulator.keySecret): string =>
	`Basic ${Buffer.from(`${keyId}:${keySecret}`).toString('base64')}`;
const appsUrl = (project = emulator.projectId): string =>
	`${emulator.url}/v1/projects/${project}/apps`;
const auth = { headers: { authorization: '' } };

function withBasic(): { headers: Record<string, string> } {
	return { headers: { authorization: basic() } };
}

async function fetchToken(): Promise<string> {
	const response = await http.post(emulator.tokenUrl, 'grant_type=client_credentials', {
		headers: { authorization: basic(), 'content-type': 'application/x-www-form-urlencoded' },
	});
	expect(response.status).toBe(200);
	return (response.data as { access_token: string }).access_token;
}

const smsEntry = {
	channel: 'SMS',
	static_bearer: { claimed_identity: 'service-plan-1', token: 'sms-api-token' },
};
const smsApp = { display_name: 'SMS app', channel_credentials: [smsEntry] };

async function create(body: object = smsApp): Promise<App> {
	const response = await http.post(appsUrl(), body, withBasic());
	expect(response.status).toBe(200);
	return response.data as App;
}

/** Asserts Sinch's error shape and returns the message. */
function sinchError(response: AxiosResponse, code: number, status: string): string {
	expect(response.status).toBe(code);
	const body = response.data as {
		error: { code: number; message: string; status: string; details: unknown[] };
	};
	expect(body.error).toEqual({ code, status, message: expect.any(String), details: [] });
	return body.error.message;
}

/** One valid entry per channel, with every required field. */
const ENTRY_BY_CHANNEL: Record<(typeof CHANNELS)[number], object> = {
	WHATSAPP: { static_bearer: { claimed_identity: 'wa-sender', token: 't' } },
	RCS: { static_bearer: { claimed_identity: 'rcs-agent', token: 't' } },
	SMS: { static_bearer: { claimed_identity: 'plan', token: 't' } },
	VIBERBM: { static_bearer: { claimed_identity: 'viber-service', token: 't' } },
	MESSENGER: { static_token: { token: 'page-token' } },
	MMS: {
		mms_credentials: {
			account_id: 'acc',
			api_key: 'key',
			basic_auth: { username: 'u', password: 'p' },
		},
	},
	INSTAGRAM: { instagram_credentials: { token: 't', business_account_id: 'b' } },
	TELEGRAM: { telegram_credentials: { token: 'bot-token' } },
	KAKAOTALK: {
		kakaotalk_credentials: { kakaotalk_plus_friend_id: 'f', kakaotalk_sender_key: 'k' },
	},
	KAKAOTALKCHAT: { kakaotalkchat_credentials: { kakaotalk_plus_friend_id: 'f' } },
	LINE: { line_credentials: { token: 't', secret: 's' } },
	WECHAT: { wechat_credentials: { app_id: 'a', app_secret: 's', token: 't', aes_key: 'k' } },
	APPLEBC: { applebc_credentials: { business_chat_account_id: 'b' } },
};

describe('token endpoint', () => {
	it('issues a bearer token for the key with grant_type=client_credentials', async () => {
		const response = await http.post(emulator.tokenUrl, 'grant_type=client_credentials', {
			headers: { authorization: basic(), 'content-type': 'application/x-www-form-urlencoded' },
		});
		expect(response.status).toBe(200);
		expect(response.data).toEqual({
			access_token: expect.any(String),
			token_type: 'bearer',
			expires_in: 3600,
			scope: '',
		});
		// JWT-shaped with exp, which Sinch's SDK decodes to refresh early.
		const payload = JSON.parse(
			Buffer.from(response.data.access_token.split('.')[1], 'base64url').toString(),
		) as { exp: number };
		expect(payload.exp).toBeGreaterThan(Date.now() / 1000 + 3500);
		expect(emulator.tokenRequests()).toBe(1);
		expect(emulator.requests[0]).toMatchObject({
			method: 'POST',
			path: '/oauth2/token',
			body: 'grant_type=client_credentials',
			status: 200,
		});
	});

	it('answers 401 for a wrong secret or key, without a token', async () => {
		for (const authorization of [
			basic(emulator.keyId, 'wrong'),
			basic('wrong', emulator.keySecret),
			'',
		]) {
			const response = await http.post(emulator.tokenUrl, 'grant_type=client_credentials', {
				headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
			});
			expect(response.status).toBe(401);
			expect(response.data).toMatchObject({ error: 'invalid_client' });
		}
	});

	it('answers 400 for a missing or other grant_type', async () => {
		const form = { authorization: basic(), 'content-type': 'application/x-www-form-urlencoded' };
		expect((await http.post(emulator.tokenUrl, '', { headers: form })).data).toMatchObject({
			error: 'invalid_request',
		});
		const other = await http.post(emulator.tokenUrl, 'grant_type=password', { headers: form });
		expect(other.status).toBe(400);
		expect(other.data).toMatchObject({ error: 'unsupported_grant_type' });
		// A JSON body is not a form body.
		const asJson = await http.post(
			emulator.tokenUrl,
			{ grant_type: 'client_credentials' },
			{ headers: { authorization: basic() } },
		);
		expect(asJson.status).toBe(400);
	});

	it('honours tokenLifetimeSeconds: a token stops working when it runs out', async () => {
		const shortLived = await startEmulator({ tokenLifetimeSeconds: 1 });
		try {
			const response = await http.post(shortLived.tokenUrl, 'grant_type=client_credentials', {
				headers: {
					authorization: `Basic ${Buffer.from(`${shortLived.keyId}:${shortLived.keySecret}`).toString('base64')}`,
					'content-type': 'application/x-www-form-urlencoded',
				},
			});
			expect(response.data.expires_in).toBe(1);
			await new Promise((resolve) => setTimeout(resolve, 1100));
			const late = await http.get(`${shortLived.url}/v1/projects/${shortLived.projectId}/apps`, {
				headers: { authorization: `Bearer ${response.data.access_token as string}` },
			});
			expect(late.status).toBe(401);
			expect(late.headers['www-authenticate']).toContain('expired');
		} finally {
			await shortLived.close();
		}
	});
});

describe('API authentication', () => {
	it('accepts Basic with the key', async () => {
		expect((await http.get(appsUrl(), withBasic())).status).toBe(200);
	});

	it('accepts a Bearer token from the token endpoint', async () => {
		const token = await fetchToken();
		const response = await http.get(appsUrl(), { headers: { authorization: `Bearer ${token}` } });
		expect(response.status).toBe(200);
		expect(response.data).toEqual({ apps: [] });
	});

	it('answers 401 UNAUTHENTICATED without credentials, with a wrong secret or an unknown token', async () => {
		sinchError(await http.get(appsUrl(), auth), 401, 'UNAUTHENTICATED');
		sinchError(
			await http.get(appsUrl(), { headers: { authorization: basic(emulator.keyId, 'nope') } }),
			401,
			'UNAUTHENTICATED',
		);
		const unknown = await http.get(appsUrl(), { headers: { authorization: 'Bearer not-a-token' } });
		sinchError(unknown, 401, 'UNAUTHENTICATED');
		// Only an expired token may say "expired": the SDKs refresh and retry on that word.
		expect(String(unknown.headers['www-authenticate'] ?? '')).not.toContain('expired');
	});

	it('answers 401 with WWW-Authenticate mentioning expired once tokens are expired; a new token works', async () => {
		const token = await fetchToken();
		emulator.expireTokens();
		const expired = await http.get(appsUrl(), { headers: { authorization: `Bearer ${token}` } });
		sinchError(expired, 401, 'UNAUTHENTICATED');
		expect(expired.headers['www-authenticate']).toMatch(/^Bearer error="invalid_token", .*expired/);
		const fresh = await fetchToken();
		expect(
			(await http.get(appsUrl(), { headers: { authorization: `Bearer ${fresh}` } })).status,
		).toBe(200);
	});

	it('forgets tokens on reset', async () => {
		const token = await fetchToken();
		emulator.reset();
		expect(
			(await http.get(appsUrl(), { headers: { authorization: `Bearer ${token}` } })).status,
		).toBe(401);
	});
});

describe('projects and routes', () => {
	it('answers 403 for a project the key may not use', async () => {
		const message = sinchError(
			await http.get(appsUrl(OTHER_PROJECT), withBasic()),
			403,
			'PERMISSION_DENIED',
		);
		expect(message).toContain('not allowed');
	});

	it('answers 404 for an unknown project', async () => {
		sinchError(await http.get(appsUrl('no-such-project'), withBasic()), 404, 'NOT_FOUND');
	});

	it('checks authentication before the project', async () => {
		sinchError(await http.get(appsUrl(OTHER_PROJECT), auth), 401, 'UNAUTHENTICATED');
	});

	it('answers 404 for a base URL with a region prefix and for unknown routes or methods', async () => {
		sinchError(
			await http.get(`${emulator.url}/eu/v1/projects/${emulator.projectId}/apps`, withBasic()),
			404,
			'NOT_FOUND',
		);
		sinchError(
			await http.get(
				`${emulator.url}/v1/projects/${emulator.projectId}/no-such-resource`,
				withBasic(),
			),
			404,
			'NOT_FOUND',
		);
		sinchError(await http.put(`${appsUrl()}/X`, {}, withBasic()), 404, 'NOT_FOUND');
		sinchError(await http.get(`${emulator.url}/oauth2/token`), 404, 'NOT_FOUND');
	});
});

describe('apps', () => {
	it("creates an app with Sinch's read-only fields and defaults", async () => {
		const app = await create();
		expect(app.id).toMatch(ULID_PATTERN);
		expect(app).toEqual({
			id: app.id,
			display_name: 'SMS app',
			channel_credentials: [
				{
					...smsEntry,
					credential_ordinal_number: 0,
					state: { status: 'ACTIVE', description: '' },
					channel_known_id: '',
				},
			],
			conversation_metadata_report_view: 'NONE',
			rate_limits: { inbound: 25, outbound: 25, webhooks: 25 },
			retention_policy: { retention_type: 'MESSAGE_EXPIRE_POLICY', ttl_days: 180 },
			dispatch_retention_policy: { retention_type: 'MESSAGE_EXPIRE_POLICY', ttl_days: 0 },
			processing_mode: 'DISPATCH',
			smart_conversation: { enabled: false },
			queue_stats: { outbound_size: 0, outbound_limit: 500000 },
			callback_settings: { secret_for_overridden_callback_urls: '' },
			delivery_report_based_fallback: { enabled: false },
			message_retry_settings: { retry_duration: 3600 },
		});
		expect(emulator.apps).toEqual([app]);
	});

	it('keeps every optional field sent', async () => {
		const settings = {
			conversation_metadata_report_view: 'FULL',
			retention_policy: { retention_type: 'PERSIST_RETENTION_POLICY', ttl_days: 3650 },
			dispatch_retention_policy: { retention_type: 'MESSAGE_EXPIRE_POLICY', ttl_days: 7 },
			processing_mode: 'CONVERSATION',
			smart_conversation: { enabled: true },
			callback_settings: { secret_for_overridden_callback_urls: 'signing-secret' },
			message_retry_settings: { retry_duration: 30 },
			delivery_report_based_fallback: { enabled: true, delivery_report_waiting_time: 60 },
		};
		const app = await create({
			...smsApp,
			...settings,
			channel_credentials: [{ ...smsEntry, callback_secret: 'x'.repeat(256) }],
		});
		expect(app).toMatchObject(settings);
		expect(app.channel_credentials[0].callback_secret).toHaveLength(256);
	});

	it('accepts all thirteen channels in one app, in the order sent, and an empty list', async () => {
		const entries = CHANNELS.map((channel) => ({ channel, ...ENTRY_BY_CHANNEL[channel] }));
		const app = await create({ display_name: 'All channels', channel_credentials: entries });
		expect(app.channel_credentials.map((entry) => entry.channel)).toEqual([...CHANNELS]);
		expect(
			(await create({ display_name: 'No channels', channel_credentials: [] })).channel_credentials,
		).toEqual([]);
	});

	it('accepts several LINE credentials with distinct ordinals and one default, and LINE Enterprise', async () => {
		const app = await create({
			display_name: 'LINE',
			channel_credentials: [
				{
					channel: 'LINE',
					credential_ordinal_number: 0,
					line_credentials: { token: 't', secret: 's', is_default: true },
				},
				{
					channel: 'LINE',
					credential_ordinal_number: 1,
					line_enterprise_credentials: { line_japan: { token: 't', secret: 's' } },
				},
			],
		});
		expect(app.channel_credentials.map((entry) => entry.credential_ordinal_number)).toEqual([0, 1]);
	});

	it('lists apps in creation order with time-ordered ULIDs, and gets one', async () => {
		const first = await create({ ...smsApp, display_name: 'one' });
		const second = await create({ ...smsApp, display_name: 'two' });
		const third = await create({ ...smsApp, display_name: 'three' });
		const list = await http.get(appsUrl(), withBasic());
		expect(list.data).toEqual({ apps: [first, second, third] });
		expect([first.id, second.id, third.id]).toEqual([first.id, second.id, third.id].sort());
		const got = await http.get(`${appsUrl()}/${second.id}`, withBasic());
		expect(got.status).toBe(200);
		expect(got.data).toEqual(second);
	});

	it('deletes an app with 200 {}; unknown apps are 404 NOT_FOUND', async () => {
		const app = await create();
		const deleted = await http.delete(`${appsUrl()}/${app.id}`, withBasic());
		expect(deleted.status).toBe(200);
		expect(deleted.data).toEqual({});
		sinchError(await http.get(`${appsUrl()}/${app.id}`, withBasic()), 404, 'NOT_FOUND');
		sinchError(await http.delete(`${appsUrl()}/${app.id}`, withBasic()), 404, 'NOT_FOUND');
		sinchError(
			await http.patch(`${appsUrl()}/${app.id}`, { display_name: 'x' }, withBasic()),
			404,
			'NOT_FOUND',
		);
	});

	it('ignores read-only fields sent by the client and records them', async () => {
		const app = await create({
			...smsApp,
			id: 'CLIENT-CHOSEN',
			rate_limits: { inbound: 1, outbound: 1, webhooks: 1 },
			queue_stats: { outbound_size: 9, outbound_limit: 9 },
			channel_credentials: [
				{ ...smsEntry, state: { status: 'FAILING', description: 'x' }, channel_known_id: 'abc' },
			],
		});
		expect(app.id).toMatch(ULID_PATTERN);
		expect(app.rate_limits).toEqual({ inbound: 25, outbound: 25, webhooks: 25 });
		expect(app.queue_stats).toEqual({ outbound_size: 0, outbound_limit: 500000 });
		expect(app.channel_credentials[0]).toMatchObject({
			state: { status: 'ACTIVE', description: '' },
			channel_known_id: '',
		});
		expect(emulator.requests.at(-1)?.readOnlyFields).toEqual([
			'id',
			'rate_limits',
			'queue_stats',
			'channel_credentials[0].state',
			'channel_credentials[0].channel_known_id',
		]);
	});

	it('accepts unknown fields, records them, and does not store them', async () => {
		const app = await create({
			...smsApp,
			surprise: true,
			channel_credentials: [
				{ ...smsEntry, static_bearer: { ...smsEntry.static_bearer, extra: 1 } },
			],
		});
		expect(app).not.toHaveProperty('surprise');
		expect(app.channel_credentials[0].static_bearer).toEqual(smsEntry.static_bearer);
		expect(emulator.requests.at(-1)?.unknownFields).toEqual([
			'channel_credentials[0].static_bearer.extra',
			'surprise',
		]);
	});
});

describe('app validation (400 INVALID_ARGUMENT naming the field)', () => {
	const cases: Array<[string, object, RegExp]> = [
		[
			'missing display_name',
			{ channel_credentials: [] },
			/display_name: required field is missing/,
		],
		[
			'missing channel_credentials',
			{ display_name: 'x' },
			/channel_credentials: required field is missing/,
		],
		['wrong type', { ...smsApp, display_name: 5 }, /display_name: must be string/],
		[
			'wrong enum',
			{ ...smsApp, processing_mode: 'BATCH' },
			/processing_mode: must be one of CONVERSATION, DISPATCH/,
		],
		[
			'wrong channel',
			{ display_name: 'x', channel_credentials: [{ ...smsEntry, channel: 'VIBER' }] },
			/channel_credentials\[0\]\.channel: must be one of/,
		],
		[
			'ttl_days too high',
			{ ...smsApp, retention_policy: { ttl_days: 3651 } },
			/retention_policy\.ttl_days: must be <= 3650/,
		],
		[
			'ttl_days too low',
			{ ...smsApp, retention_policy: { ttl_days: 0 } },
			/retention_policy\.ttl_days: must be >= 1/,
		],
		[
			'ttl_days not an integer',
			{ ...smsApp, retention_policy: { ttl_days: 1.5 } },
			/retention_policy\.ttl_days: must be integer/,
		],
		[
			'dispatch ttl_days',
			{ ...smsApp, dispatch_retention_policy: { ttl_days: 8 } },
			/dispatch_retention_policy\.ttl_days: must be <= 7/,
		],
		[
			'retry_duration',
			{ ...smsApp, message_retry_settings: { retry_duration: 29 } },
			/message_retry_settings\.retry_duration: must be >= 30/,
		],
		[
			'delivery_report_waiting_time',
			{
				...smsApp,
				delivery_report_based_fallback: { enabled: true, delivery_report_waiting_time: 59 },
			},
			/delivery_report_based_fallback\.delivery_report_waiting_time: must be >= 60/,
		],
		[
			'callback_secret too long',
			{
				display_name: 'x',
				channel_credentials: [{ ...smsEntry, callback_secret: 'x'.repeat(257) }],
			},
			/channel_credentials\[0\]\.callback_secret: must NOT have more than 256 characters/,
		],
		[
			'credential property of another channel',
			{
				display_name: 'x',
				channel_credentials: [{ channel: 'SMS', static_token: { token: 't' } }],
			},
			/channel_credentials\[0\]\.static_token: not valid for channel SMS, expected static_bearer/,
		],
		[
			'two credential properties',
			{ display_name: 'x', channel_credentials: [{ ...smsEntry, static_token: { token: 't' } }] },
			/channel_credentials\[0\]: exactly one credential object is allowed, found static_bearer, static_token/,
		],
		[
			'no credential property',
			{ display_name: 'x', channel_credentials: [{ channel: 'TELEGRAM' }] },
			/channel_credentials\[0\]: channel TELEGRAM needs the credential object telegram_credentials/,
		],
		[
			'missing required credential field',
			{
				display_name: 'x',
				channel_credentials: [{ channel: 'SMS', static_bearer: { claimed_identity: 'plan' } }],
			},
			/channel_credentials\[0\]\.static_bearer\.token: required field is missing/,
		],
		[
			'missing nested credential field',
			{
				display_name: 'x',
				channel_credentials: [
					{
						channel: 'MMS',
						mms_credentials: { account_id: 'a', api_key: 'k', basic_auth: { username: 'u' } },
					},
				],
			},
			/channel_credentials\[0\]\.mms_credentials\.basic_auth\.password: required field is missing/,
		],
		[
			'missing channel',
			{ display_name: 'x', channel_credentials: [{ static_bearer: smsEntry.static_bearer }] },
			/channel_credentials\[0\]\.channel: required field is missing/,
		],
		[
			'LINE Enterprise with both regions',
			{
				display_name: 'x',
				channel_credentials: [
					{
						channel: 'LINE',
						line_enterprise_credentials: {
							line_japan: { token: 't', secret: 's' },
							line_thailand: { token: 't', secret: 's' },
						},
					},
				],
			},
			/line_enterprise_credentials: exactly one of line_japan, line_thailand is required, found 2/,
		],
		[
			'LINE Enterprise without a region',
			{
				display_name: 'x',
				channel_credentials: [
					{ channel: 'LINE', line_enterprise_credentials: { is_default: true } },
				],
			},
			/found 0/,
		],
		[
			'ordinal on a single-credential channel',
			{ display_name: 'x', channel_credentials: [{ ...smsEntry, credential_ordinal_number: 1 }] },
			/channel_credentials\[0\]\.credential_ordinal_number: must be 0 for channel SMS/,
		],
		[
			'ordinal out of range',
			{ display_name: 'x', channel_credentials: [{ ...smsEntry, credential_ordinal_number: 256 }] },
			/credential_ordinal_number: must be <= 255/,
		],
		[
			'same channel twice',
			{ display_name: 'x', channel_credentials: [smsEntry, smsEntry] },
			/channel_credentials\[1\]: duplicates channel_credentials\[0\]/,
		],
		[
			'several LINE credentials without a default',
			{
				display_name: 'x',
				channel_credentials: [
					{
						channel: 'LINE',
						credential_ordinal_number: 0,
						line_credentials: { token: 't', secret: 's' },
					},
					{
						channel: 'LINE',
						credential_ordinal_number: 1,
						line_credentials: { token: 't', secret: 's' },
					},
				],
			},
			/exactly one must have is_default true, found 0/,
		],
		['a body that is not an object', [smsApp], /request body: must be a JSON object/],
	];

	it.each(cases)('%s', async (_name, body, message) => {
		const response = await http.post(appsUrl(), body, withBasic());
		expect(sinchError(response, 400, 'INVALID_ARGUMENT')).toMatch(message);
		expect(emulator.apps).toHaveLength(0);
	});

	it('reports every problem at once', async () => {
		const response = await http.post(
			appsUrl(),
			{
				display_name: 'x',
				processing_mode: 'BATCH',
				channel_credentials: [{ channel: 'SMS', static_token: { token: 't' } }],
			},
			withBasic(),
		);
		const message = sinchError(response, 400, 'INVALID_ARGUMENT');
		expect(message).toContain('processing_mode');
		expect(message).toContain('channel_credentials[0].static_token');
	});

	it('rejects a body that is not JSON', async () => {
		const response = await http.post(appsUrl(), '{"display_name":', {
			headers: { ...withBasic().headers, 'content-type': 'application/json' },
			transformRequest: [(data: unknown) => data], // axios would re-encode an unparsable string as a JSON string
		});
		expect(sinchError(response, 400, 'INVALID_ARGUMENT')).toContain('invalid JSON');
	});
});

describe('app update', () => {
	const patch = (id: string, body: unknown, query = ''): Promise<AxiosResponse> =>
		http.patch(`${appsUrl()}/${id}${query}`, body, withBasic());
	const telegramEntry = { channel: 'TELEGRAM', telegram_credentials: { token: 'bot' } };

	it('without a mask replaces every field sent and keeps the others', async () => {
		const app = await create({ ...smsApp, processing_mode: 'CONVERSATION' });
		const response = await patch(app.id, {
			display_name: 'Renamed',
			smart_conversation: { enabled: true },
		});
		expect(response.status).toBe(200);
		expect(response.data).toEqual({
			...app,
			display_name: 'Renamed',
			smart_conversation: { enabled: true },
		});
		expect((await http.get(`${appsUrl()}/${app.id}`, withBasic())).data).toEqual(response.data);
	});

	it('replaces channel_credentials as a whole list', async () => {
		const app = await create({ ...smsApp, channel_credentials: [smsEntry, telegramEntry] });
		const response = await patch(app.id, { channel_credentials: [telegramEntry] });
		expect((response.data as App).channel_credentials.map((entry) => entry.channel)).toEqual([
			'TELEGRAM',
		]);
	});

	it.each([
		['update_mask=a,b', '?update_mask=display_name,processing_mode'],
		['update_mask repeated', '?update_mask=display_name&update_mask=processing_mode'],
		['update_mask.paths', '?update_mask.paths=display_name,processing_mode'],
		[
			'update_mask.paths repeated',
			'?update_mask.paths=display_name&update_mask.paths=processing_mode',
		],
	])('with a mask (%s) changes only the named fields', async (_name, query) => {
		const app = await create();
		const response = await patch(
			app.id,
			{
				display_name: 'Masked',
				processing_mode: 'CONVERSATION',
				conversation_metadata_report_view: 'FULL',
				channel_credentials: [],
			},
			query,
		);
		expect(response.status).toBe(200);
		expect(response.data).toEqual({
			...app,
			display_name: 'Masked',
			processing_mode: 'CONVERSATION',
		});
	});

	it('clears a masked field absent from the body back to its default', async () => {
		const app = await create({
			...smsApp,
			processing_mode: 'CONVERSATION',
			retention_policy: { retention_type: 'CONVERSATION_EXPIRE_POLICY', ttl_days: 30 },
		});
		const response = await patch(
			app.id,
			{ display_name: 'x' },
			'?update_mask=processing_mode,retention_policy',
		);
		expect(response.data).toMatchObject({
			display_name: 'SMS app',
			processing_mode: 'DISPATCH',
			retention_policy: { retention_type: 'MESSAGE_EXPIRE_POLICY', ttl_days: 180 },
		});
	});

	it('replaces a nested object whole, but a nested mask path changes one field', async () => {
		const app = await create({
			...smsApp,
			retention_policy: { retention_type: 'CONVERSATION_EXPIRE_POLICY', ttl_days: 30 },
		});
		const whole = await patch(app.id, { retention_policy: { ttl_days: 60 } });
		expect((whole.data as App).retention_policy).toEqual({
			retention_type: 'MESSAGE_EXPIRE_POLICY',
			ttl_days: 60,
		});

		await patch(app.id, {
			retention_policy: { retention_type: 'CONVERSATION_EXPIRE_POLICY', ttl_days: 30 },
		});
		const nested = await patch(
			app.id,
			{ retention_policy: { ttl_days: 90 } },
			'?update_mask=retention_policy.ttl_days',
		);
		expect((nested.data as App).retention_policy).toEqual({
			retention_type: 'CONVERSATION_EXPIRE_POLICY',
			ttl_days: 90,
		});
	});

	it('rejects an unknown mask path and an invalid body, leaving the app as it was', async () => {
		const app = await create();
		expect(
			sinchError(
				await patch(app.id, { display_name: 'x' }, '?update_mask=displayName'),
				400,
				'INVALID_ARGUMENT',
			),
		).toContain('update_mask: unknown field path "displayName"');
		expect(
			sinchError(
				await patch(app.id, { retention_policy: { ttl_days: 4000 } }),
				400,
				'INVALID_ARGUMENT',
			),
		).toContain('retention_policy.ttl_days');
		expect(
			sinchError(
				await patch(app.id, {
					channel_credentials: [{ channel: 'MESSENGER', static_bearer: smsEntry.static_bearer }],
				}),
				400,
				'INVALID_ARGUMENT',
			),
		).toContain('channel_credentials[0].static_bearer: not valid for channel MESSENGER');
		expect(emulator.apps).toEqual([app]);
	});

	it('needs no required fields and ignores read-only ones', async () => {
		const app = await create();
		const response = await patch(app.id, { ...app, display_name: 'Round trip' });
		expect(response.status).toBe(200);
		expect(response.data).toEqual({ ...app, display_name: 'Round trip' });
		expect(emulator.requests.at(-1)?.readOnlyFields).toEqual([
			'id',
			'rate_limits',
			'queue_stats',
			'channel_credentials[0].state',
			'channel_credentials[0].channel_known_id',
		]);
		expect((await patch(app.id, {})).data).toEqual({ ...app, display_name: 'Round trip' });
	});
});

describe('faults', () => {
	it("failNext answers the status K times with Sinch's error body and Retry-After, before auth", async () => {
		emulator.failNext({ status: 503, retryAfter: 2, times: 2 });
		for (let i = 0; i < 2; i++) {
			const response = await http.get(appsUrl(), auth);
			sinchError(response, 503, 'UNAVAILABLE');
			expect(response.headers['retry-after']).toBe('2');
		}
		expect((await http.get(appsUrl(), withBasic())).status).toBe(200);
		expect(emulator.requests.map((entry) => [entry.status, entry.faults])).toEqual([
			[503, ['fail']],
			[503, ['fail']],
			[200, []],
		]);
	});

	it('failNext sends a given body as is and matches method and path', async () => {
		emulator.failNext({
			status: 429,
			body: { type: 'about:blank', title: 'Too Many Requests', detail: 'slow down' },
			method: 'post',
			pathIncludes: '/oauth2/',
		});
		emulator.failNext({ status: 502, body: '<html>bad gateway</html>', method: 'DELETE' });
		expect((await http.get(appsUrl(), withBasic())).status).toBe(200);
		const limited = await http.post(emulator.tokenUrl, 'grant_type=client_credentials', {
			headers: { authorization: basic() },
		});
		expect(limited.status).toBe(429);
		expect(limited.headers['retry-after']).toBeUndefined();
		expect(limited.data).toEqual({
			type: 'about:blank',
			title: 'Too Many Requests',
			detail: 'slow down',
		});
		const gateway = await http.delete(`${appsUrl()}/anything`, withBasic());
		expect(gateway.status).toBe(502);
		expect(gateway.headers['content-type']).toContain('text/plain');
		expect(gateway.data).toBe('<html>bad gateway</html>');
	});

	it('failNext with afterProcessing does the work first: the app exists although the create failed', async () => {
		emulator.failNext({ status: 500, afterProcessing: true });
		sinchError(await http.post(appsUrl(), smsApp, withBasic()), 500, 'INTERNAL');
		expect(emulator.apps).toHaveLength(1);
	});

	it('delayNext holds the answer for ms', async () => {
		emulator.delayNext({ ms: 300, pathIncludes: '/apps' });
		const started = Date.now();
		expect((await http.get(appsUrl(), withBasic())).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
		expect(emulator.requests[0].faults).toEqual(['delay']);
	});

	it('a delay combines with a failure', async () => {
		emulator.delayNext({ ms: 50 });
		emulator.failNext({ status: 500 });
		expect((await http.get(appsUrl(), withBasic())).status).toBe(500);
		expect(emulator.requests[0].faults).toEqual(['delay', 'fail']);
	});

	it('dropNext closes the connection without an answer', async () => {
		emulator.dropNext();
		await expect(http.get(appsUrl(), withBasic())).rejects.toMatchObject({
			code: expect.stringMatching(/ECONNRESET|ERR_BAD_RESPONSE|EPIPE/),
		});
		expect(emulator.requests[0]).toMatchObject({ status: null, faults: ['drop'] });
		expect((await http.get(appsUrl(), withBasic())).status).toBe(200);
	});

	it('dropNext with afterProcessing creates the app, then drops', async () => {
		emulator.dropNext({ afterProcessing: true, method: 'POST' });
		await expect(http.post(appsUrl(), smsApp, withBasic())).rejects.toThrow();
		expect(emulator.apps).toHaveLength(1);
	});

	it('reset disarms faults', async () => {
		emulator.failNext({ status: 500, times: 5 });
		emulator.reset();
		expect((await http.get(appsUrl(), withBasic())).status).toBe(200);
	});
});

describe('control endpoints', () => {
	const control = (path: string): string => `${emulator.url}/_emulator/${path}`;

	it('GET info describes the emulator', async () => {
		const response = await http.get(control('info'));
		expect(response.data).toEqual({
			url: emulator.url,
			tokenUrl: emulator.tokenUrl,
			projectId: emulator.projectId,
			keyId: emulator.keyId,
			keySecret: emulator.keySecret,
			otherProjects: [OTHER_PROJECT],
			tokenLifetimeSeconds: 3600,
			latencyMs: 0,
		});
	});

	it('GET requests and apps show the log and the apps; control calls are not logged', async () => {
		const app = await create();
		const requests = await http.get(control('requests'));
		expect(requests.data.requests).toHaveLength(1);
		expect(requests.data.requests[0]).toMatchObject({
			method: 'POST',
			path: `/v1/projects/${emulator.projectId}/apps`,
			query: {},
			headers: { authorization: basic(), 'content-type': 'application/json' },
			body: smsApp,
			status: 200,
		});
		expect((await http.get(control('apps'))).data).toEqual({ apps: [app] });
		expect(emulator.requests).toHaveLength(1);
	});

	it('logs the query as an object, repeated keys as arrays', async () => {
		await http.get(`${appsUrl()}?a=1&b=2&b=3`, withBasic());
		expect(emulator.requests[0].query).toEqual({ a: '1', b: ['2', '3'] });
	});

	it('POST faults arms any kind; bad faults get 400', async () => {
		expect(
			(
				await http.post(control('faults'), {
					kind: 'fail',
					status: 503,
					times: 2,
					pathIncludes: '/apps',
				})
			).status,
		).toBe(200);
		expect((await http.post(control('faults'), { kind: 'delay', ms: 10 })).status).toBe(200);
		expect((await http.get(appsUrl(), withBasic())).status).toBe(503);
		expect((await http.get(appsUrl(), withBasic())).status).toBe(503);
		expect((await http.get(appsUrl(), withBasic())).status).toBe(200);
		expect((await http.post(control('faults'), { kind: 'drop' })).status).toBe(200);
		await expect(http.get(appsUrl(), withBasic())).rejects.toThrow();

		for (const bad of [
			{ kind: 'explode' },
			{ kind: 'fail' },
			{ kind: 'delay', ms: -1 },
			{ kind: 'drop', times: 0 },
		]) {
			expect((await http.post(control('faults'), bad)).status).toBe(400);
		}
	});

	it('POST expire-tokens and POST reset', async () => {
		const token = await fetchToken();
		expect((await http.post(control('expire-tokens'))).status).toBe(200);
		expect(
			(await http.get(appsUrl(), { headers: { authorization: `Bearer ${token}` } })).headers[
				'www-authenticate'
			],
		).toContain('expired');
		await create();
		expect((await http.post(control('reset'))).status).toBe(200);
		expect(emulator.apps).toHaveLength(0);
		expect(emulator.requests).toHaveLength(0);
		expect(emulator.tokenRequests()).toBe(0);
	});

	it('answers 404 for unknown control endpoints', async () => {
		expect((await http.get(control('nothing'))).status).toBe(404);
	});
});

describe('defaults', () => {
	it('uses the fixed development project, key and secret', () => {
		expect([emulator.projectId, emulator.keyId, emulator.keySecret]).toEqual([
			DEFAULT_PROJECT_ID,
			DEFAULT_KEY_ID,
			DEFAULT_KEY_SECRET,
		]);
		expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(emulator.tokenUrl).toBe(`${emulator.url}/oauth2/token`);
	});

	it('takes its own project, key and port', async () => {
		const probe = await startEmulator();
		const port = Number(new URL(probe.url).port);
		await probe.close();
		const custom = await startEmulator({ port, projectId: 'p', keyId: 'k', keySecret: 's' });
		try {
			expect(custom.url).toBe(`http://127.0.0.1:${port}`);
			const response = await http.get(`${custom.url}/v1/projects/p/apps`, {
				headers: { authorization: `Basic ${Buffer.from('k:s').toString('base64')}` },
			});
			expect(response.status).toBe(200);
		} finally {
			await custom.close();
		}
	});
});

describe('latency and the faults that break answers', () => {
	let emu: Emulator;
	beforeAll(async () => {
		emu = await startEmulator({ latencyMs: 150 });
	});
	afterAll(async () => await emu.close());

	const basicAuth = () =>
		`Basic ${Buffer.from(`${emu.keyId}:${emu.keySecret}`).toString('base64')}`;
	const list = () =>
		fetch(`${emu.url}/v1/projects/${emu.projectId}/apps`, {
			headers: { authorization: basicAuth() },
		});

	it('delays every request by the latency, settable at run time over HTTP', async () => {
		let started = Date.now();
		expect((await list()).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
		expect(
			(await fetch(`${emu.url}/_emulator/latency`, { method: 'POST', body: '{"ms":0}' })).status,
		).toBe(200);
		expect(emu.info().latencyMs).toBe(0);
		started = Date.now();
		await list();
		expect(Date.now() - started).toBeLessThan(140);
		expect(
			(await fetch(`${emu.url}/_emulator/latency`, { method: 'POST', body: '{"ms":-1}' })).status,
		).toBe(400);
	});

	it('truncate without destroy: a complete HTTP answer with half the JSON', async () => {
		emu.truncateNext({ destroy: false });
		const response = await list();
		expect(response.status).toBe(200);
		const text = await response.text();
		expect(() => JSON.parse(text)).toThrow();
		expect(text.startsWith('{')).toBe(true);
	});

	it('truncate (default): the headers promise more than comes, then the socket closes', async () => {
		emu.truncateNext({});
		const response = await list();
		await expect(response.text()).rejects.toThrow();
		expect(emu.requests.at(-1)?.faults).toEqual(['truncate']);
	});

	it('hang: no answer at all until the client gives up', async () => {
		emu.hangNext({});
		await expect(
			fetch(`${emu.url}/v1/projects/${emu.projectId}/apps`, {
				headers: { authorization: basicAuth() },
				signal: AbortSignal.timeout(400),
			}),
		).rejects.toThrow();
		expect(emu.requests.at(-1)?.status).toBeNull();
	});

	it('a 200 with an HTML body and its content type', async () => {
		emu.failNext({ status: 200, body: '<html><title>x</title></html>', contentType: 'text/html' });
		const response = await list();
		expect(response.headers.get('content-type')).toBe('text/html');
		expect(await response.text()).toBe('<html><title>x</title></html>');
	});

	it('rejects bad truncate faults over HTTP', async () => {
		const post = (body: unknown) =>
			fetch(`${emu.url}/_emulator/faults`, { method: 'POST', body: JSON.stringify(body) });
		expect((await post({ kind: 'truncate', bytes: -1 })).status).toBe(400);
		expect((await post({ kind: 'hang' })).status).toBe(200);
		emu.reset();
	});
});
