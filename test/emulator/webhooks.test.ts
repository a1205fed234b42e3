import axios from 'axios';
import { createHmac } from 'node:crypto';
import { WEBHOOK_TRIGGERS } from '../../nodes/SinchConversation/helpers/webhookRules';
import {
	SIGNATURE_HEADERS,
	ULID_PATTERN,
	signCallback,
	startEmulator,
	type App,
	type Emulator,
	type Webhook,
} from './';
import { Receiver, type Received } from '../harness/receiver';

const http = axios.create({ validateStatus: () => true });

let emulator: Emulator;
let receiver: Receiver;

beforeAll(async () => {
	emulator = await startEmulator({ otherProjects: ['not-yours'] });
	receiver = await Receiver.start();
});
afterAll(async () => {
	await emulator.close();
	await receiver.close();
});
beforeEach(() => {
	emulator.reset();
	receiver.clear();
});

const auth = (): { headers: Record<string, string> } => ({
	headers: {
		authorization: `Basic ${Buffer.from(`${emulator.keyId}:${emulator.keySecret}`).toString('base64')}`,
	},
});
const base = (project = emulator.projectId): string => `${emulator.url}/v1/projects/${project}`;

async function createApp(): Promise<App> {
	const response = await http.post(
		`${base()}/apps`,
		{
			display_name: 'Hooks',
			channel_credentials: [
				{ channel: 'SMS', static_bearer: { claimed_identity: 'plan', token: 't' } },
			],
		},
		auth(),
	);
	expect(response.status).toBe(200);
	return response.data as App;
}

async function createWebhook(body: object): Promise<Webhook> {
	const response = await http.post(`${base()}/webhooks`, body, auth());
	expect(response.data).toMatchObject({ id: expect.any(String) });
	return response.data as Webhook;
}

function errorOf(response: { status: number; data: unknown }, status: number): string {
	expect(response.status).toBe(status);
	return (response.data as { error: { message: string; status: string } }).error.message;
}

describe('webhook endpoints', () => {
	it('create, list per app, get, update with update_mask, delete', async () => {
		const app = await createApp();
		const created = await createWebhook({
			app_id: app.id,
			target: 'https://example.com/a',
			triggers: ['MESSAGE_INBOUND'],
		});
		expect(created).toEqual({
			id: expect.stringMatching(ULID_PATTERN),
			app_id: app.id,
			target: 'https://example.com/a',
			target_type: 'DISMISS',
			secret: '',
			triggers: ['MESSAGE_INBOUND'],
		});

		const list = await http.get(`${base()}/apps/${app.id}/webhooks`, auth());
		expect(list.data).toEqual({ webhooks: [created] });
		expect((await http.get(`${base()}/webhooks/${created.id}`, auth())).data).toEqual(created);

		const patched = await http.patch(
			`${base()}/webhooks/${created.id}?update_mask=triggers,target_type`,
			{
				triggers: ['MESSAGE_DELIVERY', 'MESSAGE_INBOUND'],
				target_type: 'HTTP',
				secret: 'ignored-not-in-mask',
			},
			auth(),
		);
		expect(patched.status).toBe(200);
		expect(patched.data).toEqual({
			...created,
			triggers: ['MESSAGE_DELIVERY', 'MESSAGE_INBOUND'],
			target_type: 'HTTP',
		});

		expect((await http.delete(`${base()}/webhooks/${created.id}`, auth())).data).toEqual({});
		errorOf(await http.get(`${base()}/webhooks/${created.id}`, auth()), 404);
		expect(emulator.webhooks).toEqual([]);
	});

	it('checks authentication and the project as for apps', async () => {
		expect((await http.get(`${base()}/webhooks/x`)).status).toBe(401);
		expect((await http.post(`${base('not-yours')}/webhooks`, {}, auth())).status).toBe(403);
		expect((await http.get(`${base('unknown')}/apps/x/webhooks`, auth())).status).toBe(404);
		expect((await http.put(`${base()}/webhooks/x`, {}, auth())).status).toBe(404);
	});

	it('allows five webhooks per app and one webhook per target', async () => {
		const app = await createApp();
		const other = await createApp();
		for (let i = 1; i <= 5; i++)
			await createWebhook({ app_id: app.id, target: `https://example.com/${i}` });
		const sixth = await http.post(
			`${base()}/webhooks`,
			{ app_id: app.id, target: 'https://example.com/6' },
			auth(),
		);
		expect(errorOf(sixth, 400)).toMatch(/5 webhooks/);
		expect((sixth.data as { error: { status: string } }).error.status).toBe('INVALID_ARGUMENT');

		await createWebhook({ app_id: other.id, target: 'https://example.com/1' });
		const twice = await http.post(
			`${base()}/webhooks`,
			{ app_id: other.id, target: 'https://example.com/1' },
			auth(),
		);
		expect(errorOf(twice, 400)).toMatch(/already has a webhook with target/);

		const second = await createWebhook({ app_id: other.id, target: 'https://example.com/2' });
		const clash = await http.patch(
			`${base()}/webhooks/${second.id}?update_mask=target`,
			{ target: 'https://example.com/1' },
			auth(),
		);
		expect(errorOf(clash, 400)).toMatch(/already has a webhook with target/);
	});

	it.each([
		[{ target: 'https://example.com/x' }, /app_id: required/],
		[{ app_id: 'APP' }, /target: required/],
		[
			{ app_id: 'APP', target: 'https://example.com/x', triggers: ['NOPE'] },
			/triggers\[0\]: must be one of/,
		],
		[
			{ app_id: 'APP', target: 'https://example.com/x', triggers: ['UNSPECIFIED_TRIGGER'] },
			/not allowed/,
		],
		[
			{ app_id: 'APP', target: 'https://example.com/x', target_type: 'SMTP' },
			/target_type: must be one of/,
		],
		[{ app_id: 'APP', target: `https://example.com/${'a'.repeat(730)}` }, /at most 742/],
		[{ app_id: 'APP', target: 'ftp://example.com/x' }, /http or https/],
		[{ app_id: 'APP', target: 'https://user:pw@example.com/x' }, /user information/],
		[{ app_id: 'APP', target: 'https://conversation-api.eu.sinch.com/x' }, /not allowed/],
		[
			{ app_id: 'APP', target: 'https://example.com/x', client_credentials: { client_id: 'c' } },
			/client_secret: required/,
		],
		[
			{
				app_id: 'APP',
				target: 'https://example.com/x',
				client_credentials: {
					client_id: 'c',
					client_secret: 's',
					endpoint: 'e',
					scope: 'x'.repeat(1025),
				},
			},
			/scope/,
		],
	])('refuses an invalid body %#', async (body, message) => {
		const app = await createApp();
		const sent = JSON.parse(
			JSON.stringify(body).replace('"APP"', JSON.stringify(app.id)),
		) as object;
		expect(errorOf(await http.post(`${base()}/webhooks`, sent, auth()), 400)).toMatch(message);
		expect(emulator.webhooks).toEqual([]);
	});

	it('refuses a webhook for an app that does not exist, and lists 404 for it', async () => {
		expect(
			errorOf(
				await http.post(
					`${base()}/webhooks`,
					{ app_id: '01HZX3K5V8Q2M7N4P6R9S0T1AB', target: 'https://e.com' },
					auth(),
				),
				400,
			),
		).toMatch(/not found/);
		errorOf(await http.get(`${base()}/apps/01HZX3K5V8Q2M7N4P6R9S0T1AB/webhooks`, auth()), 404);
	});

	it('records unknown and read-only fields and drops them', async () => {
		const app = await createApp();
		const created = await createWebhook({
			id: 'mine',
			app_id: app.id,
			target: 'https://e.com',
			colour: 'red',
		});
		expect(created.id).not.toBe('mine');
		const entry = emulator.requests[emulator.requests.length - 1];
		expect(entry.unknownFields).toEqual(['colour']);
		expect(entry.readOnlyFields).toEqual(['id']);
	});

	it('update: a masked field absent from the body is cleared; unknown mask paths are refused', async () => {
		const app = await createApp();
		const created = await createWebhook({
			app_id: app.id,
			target: 'https://e.com',
			secret: 's3',
			triggers: ['OPT_IN'],
		});
		const cleared = await http.patch(
			`${base()}/webhooks/${created.id}?update_mask=secret`,
			{},
			auth(),
		);
		expect(cleared.data).toMatchObject({ secret: '', triggers: ['OPT_IN'] });
		errorOf(
			await http.patch(`${base()}/webhooks/${created.id}?update_mask=colour`, {}, auth()),
			400,
		);
		const noTarget = await http.patch(
			`${base()}/webhooks/${created.id}?update_mask=target`,
			{},
			auth(),
		);
		expect(errorOf(noTarget, 400)).toMatch(/target: required/);
	});

	it('deleting an app deletes its webhooks; reset forgets all', async () => {
		const app = await createApp();
		const kept = await createApp();
		await createWebhook({ app_id: app.id, target: 'https://e.com/1' });
		await createWebhook({ app_id: kept.id, target: 'https://e.com/1' });
		await http.delete(`${base()}/apps/${app.id}`, auth());
		expect(emulator.webhooks.map((webhook) => webhook.app_id)).toEqual([kept.id]);
		emulator.reset();
		expect(emulator.webhooks).toEqual([]);
	});

	it('serves the webhooks and deliveries on the control endpoints', async () => {
		const app = await createApp();
		await createWebhook({ app_id: app.id, target: 'https://e.com/1' });
		expect(
			((await http.get(`${emulator.url}/_emulator/webhooks`)).data as { webhooks: unknown[] })
				.webhooks,
		).toHaveLength(1);
		expect((await http.get(`${emulator.url}/_emulator/deliveries`)).data).toEqual({
			deliveries: [],
		});
	});
});

describe('signing', () => {
	it("matches Sinch's published test vector", () => {
		const body =
			'{"app_id":"","accepted_time":"2021-10-18T17:49:13.813615Z","project_id":"e2df3a34-a71b-4448-9db5-a8d2baad28e4","contact_create_notification":{"contact":{"id":"01FJA8B466Y0R2GNXD78MD9SM1","channel_identities":[{"channel":"SMS","identity":"48123456789","app_id":""}],"display_name":"New Test Contact","email":"new.contact@email.com","external_id":"","metadata":"","language":"EN_US"}},"message_metadata":""}';
		expect(signCallback('foo_secret1234', body, '01FJA8B4A7BM43YGWSG9GBV067', '1634579353')).toBe(
			'6bpJoRmFoXVjfJIVglMoJzYXxnoxRujzR4k2GOXewOE=',
		);
	});
});

describe('callback delivery', () => {
	const verify = (secret: string, received: Received): boolean => {
		const nonce = String(received.headers[SIGNATURE_HEADERS.nonce]);
		const timestamp = String(received.headers[SIGNATURE_HEADERS.timestamp]);
		const expected = createHmac('sha256', secret)
			.update(`${received.rawBody}.${nonce}.${timestamp}`)
			.digest('base64');
		return received.headers[SIGNATURE_HEADERS.signature] === expected;
	};

	it('POSTs a signed inbound message to every subscribed HTTP webhook of the app', async () => {
		const app = await createApp();
		const other = await createApp();
		const signed = await createWebhook({
			app_id: app.id,
			target: `${receiver.url}/signed`,
			target_type: 'HTTP',
			secret: 'top-secret',
			triggers: ['MESSAGE_INBOUND'],
		});
		await createWebhook({
			app_id: app.id,
			target: `${receiver.url}/plain`,
			target_type: 'HTTP',
			triggers: ['MESSAGE_INBOUND', 'MESSAGE_DELIVERY'],
		});
		await createWebhook({
			app_id: app.id,
			target: `${receiver.url}/dismissed`,
			triggers: ['MESSAGE_INBOUND'],
		});
		await createWebhook({
			app_id: app.id,
			target: `${receiver.url}/other-trigger`,
			target_type: 'HTTP',
			triggers: ['OPT_IN'],
		});
		await createWebhook({
			app_id: other.id,
			target: `${receiver.url}/other-app`,
			target_type: 'HTTP',
			triggers: ['MESSAGE_INBOUND'],
		});

		const before = Math.floor(Date.now() / 1000);
		const deliveries = await emulator.deliver({ appId: app.id, trigger: 'MESSAGE_INBOUND' });
		expect(deliveries.map((delivery) => [delivery.target, delivery.status, delivery.ok])).toEqual([
			[`${receiver.url}/signed`, 200, true],
			[`${receiver.url}/plain`, 200, true],
		]);
		expect(receiver.received).toHaveLength(2);
		const bySigned = receiver.received.find(
			(entry) => entry.headers[SIGNATURE_HEADERS.signature] !== undefined,
		) as Received;
		const byPlain = receiver.received.find(
			(entry) => entry.headers[SIGNATURE_HEADERS.signature] === undefined,
		) as Received;
		expect(bySigned.headers[SIGNATURE_HEADERS.algorithm]).toBe('HmacSHA256');
		expect(Number(bySigned.headers[SIGNATURE_HEADERS.timestamp])).toBeGreaterThanOrEqual(before);
		expect(bySigned.headers[SIGNATURE_HEADERS.nonce]).toMatch(/^[0-9A-Z]{26}$/);
		expect(verify('top-secret', bySigned)).toBe(true);
		expect(bySigned.headers['content-type']).toBe('application/json');
		expect(Object.keys(byPlain.headers).filter((name) => name.startsWith('x-sinch'))).toEqual([]);

		const body = JSON.parse(bySigned.rawBody) as Record<string, unknown>;
		expect(Object.keys(body).sort()).toEqual([
			'accepted_time',
			'app_id',
			'event_time',
			'message',
			'message_metadata',
			'project_id',
		]);
		expect(body).toMatchObject({
			app_id: app.id,
			project_id: emulator.projectId,
			message: {
				direction: 'TO_APP',
				contact_message: { text_message: { text: expect.any(String) } },
			},
		});
		expect(deliveries[0]).toMatchObject({
			webhookId: signed.id,
			rawBody: bySigned.rawBody,
			forged: false,
		});
		expect(emulator.deliveries).toHaveLength(2);
	});

	it.each(WEBHOOK_TRIGGERS.map((trigger) => [trigger.value, trigger.bodyKey]))(
		'%s carries the one key %s',
		async (trigger, key) => {
			const app = await createApp();
			await createWebhook({
				app_id: app.id,
				target: receiver.url,
				target_type: 'HTTP',
				triggers: [trigger],
			});
			const [delivery] = await emulator.deliver({ appId: app.id, trigger });
			const extra = Object.keys(delivery.body).filter(
				(name) =>
					!['app_id', 'project_id', 'accepted_time', 'event_time', 'message_metadata'].includes(
						name,
					),
			);
			expect(extra).toEqual([key]);
		},
	);

	it('takes a body override, a fixed nonce and timestamp, and can forge the signature', async () => {
		const app = await createApp();
		await createWebhook({
			app_id: app.id,
			target: receiver.url,
			target_type: 'HTTP',
			secret: 'k',
			triggers: ['MESSAGE_INBOUND'],
		});
		const [delivery] = await emulator.deliver({
			appId: app.id,
			trigger: 'MESSAGE_INBOUND',
			body: { message: { contact_message: { text_message: { text: 'STOP' } } } },
			nonce: 'fixed-nonce',
			timestamp: 1700000000,
			forgeSignature: true,
		});
		expect(delivery.headers).toMatchObject({
			[SIGNATURE_HEADERS.nonce]: 'fixed-nonce',
			[SIGNATURE_HEADERS.timestamp]: '1700000000',
		});
		expect(delivery.forged).toBe(true);
		expect(verify('k', receiver.received[0])).toBe(false);
		expect(JSON.parse(receiver.received[0].rawBody)).toMatchObject({
			message: { direction: 'TO_APP', contact_message: { text_message: { text: 'STOP' } } },
		});
	});

	it('retries a failed delivery a bounded number of times, and records each attempt', async () => {
		const app = await createApp();
		await createWebhook({
			app_id: app.id,
			target: receiver.url,
			target_type: 'HTTP',
			triggers: ['MESSAGE_DELIVERY'],
		});
		receiver.answers = [503, 500];
		const [delivery] = await emulator.deliver({
			appId: app.id,
			trigger: 'MESSAGE_DELIVERY',
			retries: 3,
			retryDelayMs: 5,
		});
		expect(delivery.attempts.map((attempt) => attempt.status)).toEqual([503, 500, 200]);
		expect(delivery).toMatchObject({ status: 200, ok: true });
		expect(receiver.received).toHaveLength(3);
		// Sinch sends the same body (and signature) again.
		expect(new Set(receiver.received.map((entry) => entry.rawBody)).size).toBe(1);

		receiver.answers = [500, 500];
		const [failed] = await emulator.deliver({
			appId: app.id,
			trigger: 'MESSAGE_DELIVERY',
			retries: 1,
			retryDelayMs: 1,
		});
		expect(failed).toMatchObject({ status: 500, ok: false });
		expect(failed.attempts).toHaveLength(2);
	});

	it('records a receiver that does not answer', async () => {
		const app = await createApp();
		await createWebhook({
			app_id: app.id,
			target: 'http://127.0.0.1:1/nothing',
			target_type: 'HTTP',
			triggers: ['OPT_OUT'],
		});
		const [delivery] = await emulator.deliver({ appId: app.id, trigger: 'OPT_OUT' });
		expect(delivery.status).toBeNull();
		expect(delivery.attempts[0].error).toMatch(/ECONNREFUSED|fetch failed/);
	});

	it('POST /_emulator/events delivers and answers the deliveries; bad requests are refused', async () => {
		const app = await createApp();
		await createWebhook({
			app_id: app.id,
			target: receiver.url,
			target_type: 'HTTP',
			secret: 's',
			triggers: ['CONTACT_CREATE'],
		});
		const response = await http.post(`${emulator.url}/_emulator/events`, {
			app_id: app.id,
			trigger: 'CONTACT_CREATE',
			nonce: 'n1',
		});
		expect(response.status).toBe(200);
		const { deliveries } = response.data as {
			deliveries: Array<{ status: number; headers: Record<string, string> }>;
		};
		expect(deliveries).toHaveLength(1);
		expect(deliveries[0]).toMatchObject({
			status: 200,
			headers: { [SIGNATURE_HEADERS.nonce]: 'n1' },
		});
		expect(verify('s', receiver.received[0])).toBe(true);
		expect(
			((await http.get(`${emulator.url}/_emulator/deliveries`)).data as { deliveries: unknown[] })
				.deliveries,
		).toHaveLength(1);

		expect(
			(await http.post(`${emulator.url}/_emulator/events`, { app_id: app.id, trigger: 'NOPE' }))
				.status,
		).toBe(400);
		expect(
			(
				await http.post(`${emulator.url}/_emulator/events`, {
					app_id: 'missing',
					trigger: 'OPT_IN',
				})
			).status,
		).toBe(404);
		await expect(emulator.deliver({ appId: app.id, trigger: 'UNSUPPORTED' })).rejects.toThrow(
			/unknown trigger/,
		);
	});
});
