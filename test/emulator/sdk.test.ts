/**
 * Sinch's official Node SDK as an independent client of the emulator: if the SDK can drive it, the emulator speaks the
 * same protocol (token flow, Bearer, JSON shapes, update_mask encoding, refresh on an expired token) as Sinch.
 */
import { SinchClient } from '@sinch/sdk-core';
import { startEmulator, type Emulator } from './';

let emulator: Emulator;
let sinch: SinchClient;

beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => {
	emulator.reset();
	sinch = new SinchClient({
		projectId: emulator.projectId,
		keyId: emulator.keyId,
		keySecret: emulator.keySecret,
		// Both are full origins: the SDK appends /oauth2/token and /v1/projects/... to them.
		authHostname: emulator.url,
		conversationHostname: emulator.url,
		logger: null, // the SDK logs every non-2xx answer; the 404 and 401 below are expected
	});
});

const apiCalls = (): typeof emulator.requests =>
	emulator.requests.filter((entry) => entry.path.startsWith('/v1/'));

describe('Sinch Node SDK against the emulator', () => {
	it('creates, lists, gets, updates with update_mask, and deletes apps', async () => {
		const sms = await sinch.conversation.app.create({
			appCreateRequestBody: {
				display_name: 'SDK SMS app',
				channel_credentials: [
					{
						channel: 'SMS',
						static_bearer: { claimed_identity: 'service-plan', token: 'api-token' },
					},
				],
			},
		});
		const line = await sinch.conversation.app.create({
			appCreateRequestBody: {
				display_name: 'SDK LINE app',
				channel_credentials: [
					{
						channel: 'LINE',
						credential_ordinal_number: 0,
						line_credentials: { token: 'line-token', secret: 'line-secret', is_default: true },
					},
					{
						channel: 'LINE',
						credential_ordinal_number: 1,
						line_enterprise_credentials: { line_thailand: { token: 't', secret: 's' } },
					},
				],
				retention_policy: { retention_type: 'CONVERSATION_EXPIRE_POLICY', ttl_days: 30 },
			},
		});
		expect(sms.id).toBeDefined();
		expect(line.channel_credentials?.map((entry) => entry.credential_ordinal_number)).toEqual([
			0, 1,
		]);

		const list = await sinch.conversation.app.list({});
		expect(list.apps?.map((app) => app.display_name)).toEqual(['SDK SMS app', 'SDK LINE app']);

		const fetched = await sinch.conversation.app.get({ app_id: sms.id as string });
		expect(fetched).toEqual(sms);

		const updated = await sinch.conversation.app.update({
			app_id: line.id as string,
			update_mask: ['display_name', 'processing_mode'],
			appUpdateRequestBody: {
				display_name: 'Renamed by SDK',
				processing_mode: 'CONVERSATION',
				smart_conversation: { enabled: true },
			},
		});
		expect(updated).toMatchObject({
			display_name: 'Renamed by SDK',
			processing_mode: 'CONVERSATION',
			smart_conversation: { enabled: false },
			retention_policy: { retention_type: 'CONVERSATION_EXPIRE_POLICY', ttl_days: 30 },
		});
		expect(emulator.requests.find((entry) => entry.method === 'PATCH')?.query).toEqual({
			update_mask: 'display_name,processing_mode',
		});

		await sinch.conversation.app.delete({ app_id: sms.id as string });
		await expect(sinch.conversation.app.get({ app_id: sms.id as string })).rejects.toMatchObject({
			statusCode: 404,
		});
		expect(emulator.apps.map((app) => app.id)).toEqual([line.id]);
	});

	it('fetches one token with Basic and then calls the API with Bearer', async () => {
		await sinch.conversation.app.list({});
		await sinch.conversation.app.list({});

		expect(emulator.tokenRequests()).toBe(1);
		const [tokenCall] = emulator.requests;
		expect(tokenCall).toMatchObject({
			method: 'POST',
			path: '/oauth2/token',
			body: 'grant_type=client_credentials',
			status: 200,
		});
		expect(tokenCall.headers.authorization).toBe(
			`Basic ${Buffer.from(`${emulator.keyId}:${emulator.keySecret}`).toString('base64')}`,
		);
		expect(tokenCall.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(apiCalls()).toHaveLength(2);
		for (const call of apiCalls()) {
			expect(call.headers.authorization).toMatch(/^Bearer \S+$/);
			expect(call.status).toBe(200);
		}
	});

	it('refreshes the token and retries once when the emulator says the token expired', async () => {
		await sinch.conversation.app.list({});
		emulator.expireTokens();
		await sinch.conversation.app.list({});

		expect(emulator.tokenRequests()).toBe(2);
		expect(apiCalls().map((call) => call.status)).toEqual([200, 401, 200]);
		const [first, expired, retried] = apiCalls();
		expect(expired.headers.authorization).toBe(first.headers.authorization);
		expect(retried.headers.authorization).not.toBe(first.headers.authorization);
	});
});
