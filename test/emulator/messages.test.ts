/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
import axios from 'axios';
import { sdkClient } from '../harness/sdk';
import { SIGNATURE_HEADERS, signCallback, startEmulator, type App, type Emulator } from '.';
import { Receiver, type Received } from '../harness/receiver';

const http = axios.create({ validateStatus: () => true });

let emulator: Emulator;
let receiver: Receiver;

beforeAll(async () => {
	emulator = await startEmulator();
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

const auth = { authorization: 'Basic ' };
beforeAll(() => {
	auth.authorization = `Basic ${Buffer.from(`${emulator.keyId}:${emulator.keySecret}`).toString('base64')}`;
});
const api = (path: string): string => `${emulator.url}/v1/projects/${emulator.projectId}${path}`;
const post = (path: string, body: unknown) => http.post(api(path), body, { headers: auth });
const get = (path: string) => http.get(api(path), { headers: auth });
const control = (path: string, body: unknown) =>
	http.post(`${emulator.url}/_emulator/${path}`, body);

async function createApp(fields: Record<string, unknown> = {}): Promise<App> {
	const answer = await post('/apps', {
		display_name: 'Messaging',
		channel_credentials: [
			{ channel: 'WHATSAPP', static_bearer: { claimed_identity: 'wa', token: 'wa-token' } },
			{ channel: 'SMS', static_bearer: { claimed_identity: 'plan', token: 'sms-token' } },
		],
		...fields,
	});
	expect(answer.status).toBe(200);
	return answer.data as App;
}

async function createWebhook(appId: string, triggers: string[], secret = 'hook-secret') {
	const answer = await post('/webhooks', {
		app_id: appId,
		target: `${receiver.url}/hook`,
		target_type: 'HTTP',
		secret,
		triggers,
	});
	expect(answer.status).toBe(200);
}

const whatsapp = (identity: string) => ({
	identified_by: { channel_identities: [{ channel: 'WHATSAPP', identity }] },
});

const textTo = (appId: string, identity = '46701234567', extra: Record<string, unknown> = {}) => ({
	app_id: appId,
	recipient: whatsapp(identity),
	message: { text_message: { text: 'Hello' } },
	...extra,
});

function reportsOf(received: readonly Received[]) {
	return received
		.map((entry) => entry.body.message_delivery_report as Record<string, unknown> | undefined)
		.filter((report) => report !== undefined);
}

describe('messages:send', () => {
	it('answers message_id and accepted_time, and GET answers the stored message in its source', async () => {
		const app = await createApp();
		const sent = await post(
			'/messages:send',
			textTo(app.id, '46701234567', { message_metadata: 'm1' }),
		);
		expect(sent.status).toBe(200);
		expect(Object.keys(sent.data as object).sort()).toEqual(['accepted_time', 'message_id']);
		const { message_id: id } = sent.data as { message_id: string };

		// New apps are in DISPATCH mode: their messages live in the dispatch source only.
		expect((await get(`/messages/${id}`)).status).toBe(404);
		const got = await get(`/messages/${id}?messages_source=DISPATCH_SOURCE`);
		expect(got.status).toBe(200);
		expect(got.data).toMatchObject({
			id,
			direction: 'TO_CONTACT',
			app_message: { text_message: { text: 'Hello' } },
			channel_identity: { channel: 'WHATSAPP', identity: '46701234567', app_id: app.id },
			metadata: 'm1',
			contact_id: '',
			conversation_id: '',
			processing_mode: 'DISPATCH',
		});
	});

	it('gives contacts and one conversation per contact in CONVERSATION mode', async () => {
		const app = await createApp({ processing_mode: 'CONVERSATION' });
		const first = (await post('/messages:send', textTo(app.id))).data as { message_id: string };
		const second = (await post('/messages:send', textTo(app.id))).data as { message_id: string };
		const a = (await get(`/messages/${first.message_id}`)).data as Record<string, string>;
		const b = (await get(`/messages/${second.message_id}`)).data as Record<string, string>;
		expect(a.contact_id).not.toBe('');
		expect(b.contact_id).toBe(a.contact_id);
		expect(b.conversation_id).toBe(a.conversation_id);
		const byContact = await post('/messages:send', {
			app_id: app.id,
			recipient: { contact_id: a.contact_id },
			message: { text_message: { text: 'again' } },
		});
		expect(byContact.status).toBe(200);
	});

	it.each([
		['no recipient', { recipient: undefined }, 'recipient: required field is missing'],
		[
			'two message types',
			{ message: { text_message: { text: 'a' }, media_message: { url: 'https://x/y.png' } } },
			'message: must have exactly one of',
		],
		[
			'both contact and identities',
			{ recipient: { contact_id: 'c', ...whatsapp('1') } },
			'recipient: must have exactly one of identified_by, contact_id',
		],
		[
			'11 choices',
			{
				message: {
					choice_message: {
						text_message: { text: 'Pick' },
						choices: Array.from({ length: 11 }, (_, i) => ({ text_message: { text: `c${i}` } })),
					},
				},
			},
			'message.choice_message.choices: must NOT have more than 10 items',
		],
		[
			'4 carousel choices',
			{
				message: {
					carousel_message: {
						cards: [{ title: 'a' }],
						choices: Array.from({ length: 4 }, (_, i) => ({ text_message: { text: `c${i}` } })),
					},
				},
			},
			'message.carousel_message.choices: must NOT have more than 3 items',
		],
		[
			'11 carousel cards',
			{
				message: {
					carousel_message: { cards: Array.from({ length: 11 }, (_, i) => ({ title: `${i}` })) },
				},
			},
			'message.carousel_message.cards: must NOT have more than 10 items',
		],
		[
			'long metadata',
			{ message_metadata: 'x'.repeat(1025) },
			'message_metadata: must NOT have more than 1024 characters',
		],
		[
			'long correlation ID',
			{ correlation_id: 'x'.repeat(129) },
			'correlation_id: must NOT have more than 128',
		],
		[
			'long channel property',
			{ channel_properties: { SMS_SENDER: 'x'.repeat(1025) } },
			'channel_properties.SMS_SENDER: must NOT have more than 1024 characters',
		],
		[
			'conversation metadata too long',
			{ conversation_metadata: { note: 'x'.repeat(2048) } },
			'conversation_metadata: at most 2048 characters as JSON',
		],
		['TTL without s', { ttl: '3600' }, 'ttl: must be a number of seconds followed by "s"'],
		['TTL too short', { ttl: '2s' }, 'ttl: must be between 3s and 315576000000s'],
		[
			'location without title',
			{ message: { location_message: { coordinates: { latitude: 1, longitude: 2 } } } },
			'message.location_message.title: required field is missing',
		],
		[
			'unknown channel in the priority order',
			{ channel_priority_order: ['PIGEON'] },
			'channel_priority_order[0]: must be one of',
		],
		[
			'a channel the app lacks',
			{ channel_priority_order: ['WHATSAPP', 'VIBERBM'] },
			'channel_priority_order[1]: VIBERBM is not configured on app',
		],
		[
			'an identity on a channel the app lacks',
			{ recipient: { identified_by: { channel_identities: [{ channel: 'RCS', identity: '1' }] } } },
			'RCS is not configured on app',
		],
		[
			'a contact for a DISPATCH app',
			{ recipient: { contact_id: '01HCONTACT' } },
			'is in DISPATCH processing mode',
		],
	])('refuses %s with 400 and stores nothing', async (_name, change, expected) => {
		const app = await createApp();
		const body: Record<string, unknown> = { ...textTo(app.id), ...change };
		for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
		const answer = await post('/messages:send', body);
		expect(answer.status).toBe(400);
		const error = (answer.data as { error: { message: string; status: string } }).error;
		expect(error.status).toBe('INVALID_ARGUMENT');
		expect(error.message).toContain(expected);
		expect(emulator.messages).toHaveLength(0);
	});

	it('names the channels the app has when one is missing, and refuses an unknown app', async () => {
		const app = await createApp();
		const missing = await post(
			'/messages:send',
			textTo(app.id, '1', { channel_priority_order: ['MMS'] }),
		);
		expect((missing.data as { error: { message: string } }).error.message).toContain(
			'(it has WHATSAPP, SMS)',
		);
		const unknown = await post('/messages:send', textTo('01NOSUCHAPP'));
		expect(unknown.status).toBe(400);
		expect((unknown.data as { error: { message: string } }).error.message).toContain(
			'app 01NOSUCHAPP not found',
		);
	});

	it('accepts every message type of the spec in its smallest form', async () => {
		const app = await createApp();
		const messages = [
			{ text_message: { text: 'a' } },
			{ media_message: { url: 'https://example.com/a.png' } },
			{
				choice_message: {
					text_message: { text: 'a' },
					choices: [{ text_message: { text: 'b' }, postback_data: 'p' }],
				},
			},
			{ card_message: { title: 't' } },
			{ carousel_message: { cards: [{ title: 'a' }, { title: 'b' }] } },
			{ location_message: { coordinates: { latitude: 1, longitude: 2 }, title: 't' } },
			{
				contact_info_message: {
					name: { full_name: 'Ada' },
					phone_numbers: [{ phone_number: '+461' }],
				},
			},
			{ list_message: { title: 't', sections: [{ items: [{ choice: { title: 'x' } }] }] } },
			{
				template_message: {
					omni_template: { template_id: 'id', version: 'latest', language_code: 'en-US' },
				},
			},
		];
		for (const message of messages) {
			const answer = await post('/messages:send', { ...textTo(app.id), message });
			expect([Object.keys(message)[0], answer.status, answer.data]).toEqual([
				Object.keys(message)[0],
				200,
				expect.objectContaining({ message_id: expect.any(String) }),
			]);
		}
	});
});

describe('GET /messages (list)', () => {
	it('pages newest first with page_size and page_token, each message once', async () => {
		const app = await createApp({ processing_mode: 'CONVERSATION' });
		const ids: string[] = [];
		for (let i = 0; i < 25; i++)
			ids.push(
				((await post('/messages:send', textTo(app.id))).data as { message_id: string }).message_id,
			);
		const seen: string[] = [];
		let token = '';
		let pages = 0;
		do {
			const page = await get(`/messages?page_size=10${token ? `&page_token=${token}` : ''}`);
			expect(page.status).toBe(200);
			const data = page.data as { messages: Array<{ id: string }>; next_page_token: string };
			seen.push(...data.messages.map((message) => message.id));
			token = data.next_page_token;
			pages++;
		} while (token !== '');
		expect(pages).toBe(3);
		expect(seen).toEqual([...ids].reverse());
		const small = (await get('/messages')).data as { messages: unknown[] };
		expect(small.messages).toHaveLength(10);
	});

	it('filters by channel, direction, channel identity, conversation, contact and time', async () => {
		const app = await createApp({ processing_mode: 'CONVERSATION' });
		const before = new Date(Date.now() - 1).toISOString();
		await post('/messages:send', textTo(app.id, '111'));
		await post('/messages:send', {
			...textTo(app.id),
			recipient: { identified_by: { channel_identities: [{ channel: 'SMS', identity: '222' }] } },
		});
		await control('events', {
			app_id: app.id,
			trigger: 'MESSAGE_INBOUND',
			from: { channel: 'WHATSAPP', identity: '111' },
			text: 'hi',
		});
		const ids = async (query: string): Promise<string[]> => {
			const answer = await get(`/messages?${query}`);
			expect(answer.status).toBe(200);
			return (
				answer.data as {
					messages: Array<{ channel_identity: { identity: string }; direction: string }>;
				}
			).messages.map((message) => `${message.direction}:${message.channel_identity.identity}`);
		};
		expect(await ids('channel=SMS')).toEqual(['TO_CONTACT:222']);
		expect(await ids('direction=TO_APP')).toEqual(['TO_APP:111']);
		expect(await ids('channel_identity=111')).toEqual(['TO_APP:111', 'TO_CONTACT:111']);
		expect(await ids('only_recipient_originated=true')).toEqual(['TO_APP:111']);
		const inbound = (await get('/messages?direction=TO_APP')).data as {
			messages: Array<{ contact_id: string; conversation_id: string }>;
		};
		const { contact_id: contactId, conversation_id: conversationId } = inbound.messages[0];
		expect(await ids(`contact_id=${contactId}`)).toEqual(['TO_APP:111', 'TO_CONTACT:111']);
		expect(await ids(`conversation_id=${conversationId}`)).toHaveLength(2);
		expect(await ids(`start_time=${before}`)).toHaveLength(3);
		expect(await ids(`end_time=${before}`)).toHaveLength(0);
		expect(await ids(`app_id=${app.id}`)).toHaveLength(3);
		expect(await ids('app_id=other')).toHaveLength(0);
	});

	it.each([
		['page_size=1001', 'page_size'],
		['page_size=abc', 'page_size'],
		['page_token=nonsense', 'page_token'],
		['channel=PIGEON', 'channel: must be one of'],
		['direction=UP', 'direction: must be one of'],
		['start_time=yesterday', 'start_time: must be an RFC 3339 date-time'],
		[
			'start_time=2026-01-02T00:00:00Z&end_time=2026-01-01T00:00:00Z',
			'start_time: must be before end_time',
		],
		['messages_source=DISPATCH_SOURCE&contact_id=x', 'conversation_id and contact_id'],
		['messages_source=ELSEWHERE', 'messages_source'],
	])('refuses %s with 400', async (query, expected) => {
		const answer = await get(`/messages?${query}`);
		expect(answer.status).toBe(400);
		expect((answer.data as { error: { message: string } }).error.message).toContain(expected);
	});
});

describe('DELETE and PATCH /messages/{id}', () => {
	it('updates metadata in CONVERSATION mode and deletes', async () => {
		const app = await createApp({ processing_mode: 'CONVERSATION' });
		const { message_id: id } = (await post('/messages:send', textTo(app.id))).data as {
			message_id: string;
		};
		const patched = await http.patch(
			api(`/messages/${id}`),
			{ metadata: 'new' },
			{ headers: auth },
		);
		expect(patched.status).toBe(200);
		expect(patched.data).toMatchObject({ id, metadata: 'new' });
		expect(((await get(`/messages/${id}`)).data as { metadata: string }).metadata).toBe('new');
		const missing = await http.patch(api(`/messages/${id}`), {}, { headers: auth });
		expect(missing.status).toBe(400);
		expect((await http.delete(api(`/messages/${id}`), { headers: auth })).status).toBe(200);
		expect((await get(`/messages/${id}`)).status).toBe(404);
		expect((await http.delete(api(`/messages/${id}`), { headers: auth })).status).toBe(404);
	});

	it('refuses a metadata update in DISPATCH mode; deletes there with the source', async () => {
		const app = await createApp();
		const { message_id: id } = (await post('/messages:send', textTo(app.id))).data as {
			message_id: string;
		};
		const source = '?messages_source=DISPATCH_SOURCE';
		const patched = await http.patch(
			api(`/messages/${id}${source}`),
			{ metadata: 'x' },
			{ headers: auth },
		);
		expect(patched.status).toBe(400);
		expect((await http.delete(api(`/messages/${id}`), { headers: auth })).status).toBe(404);
		expect((await http.delete(api(`/messages/${id}${source}`), { headers: auth })).status).toBe(
			200,
		);
	});
});

describe('outbound rate limit', () => {
	it('answers 429 with Retry-After beyond rate_limits.outbound, shows the limit on the app, and admits again a second later', async () => {
		const app = await createApp();
		emulator.setOutboundRateLimit(5, app.id);
		expect(((await get(`/apps/${app.id}`)).data as App).rate_limits.outbound).toBe(5);
		const answers = await Promise.all(
			Array.from({ length: 7 }, () => post('/messages:send', textTo(app.id))),
		);
		const statuses = answers.map((answer) => answer.status).sort();
		expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
		const refused = answers.find((answer) => answer.status === 429);
		expect(refused?.headers['retry-after']).toBe('1');
		expect((refused?.data as { error: { status: string } }).error.status).toBe(
			'RESOURCE_EXHAUSTED',
		);
		// A refused send did nothing.
		expect(emulator.sentMessages).toHaveLength(5);
		await new Promise((resolve) => setTimeout(resolve, 1050));
		expect((await post('/messages:send', textTo(app.id))).status).toBe(200);
	});

	it('defaults to 25 a second; the control endpoint sets it for every app', async () => {
		const app = await createApp();
		expect(app.rate_limits.outbound).toBe(25);
		const started = Date.now();
		const answers = await Promise.all(
			Array.from({ length: 27 }, () => post('/messages:send', textTo(app.id))),
		);
		const refused = answers.filter((answer) => answer.status === 429).length;
		// On a loaded machine the 27 may take longer than the window; then fewer are refused.
		if (Date.now() - started < 1000) expect(refused).toBe(2);
		else expect(refused).toBeLessThanOrEqual(2);
		expect((await control('rate-limits', { outbound: 2 })).status).toBe(200);
		expect(((await get(`/apps/${app.id}`)).data as App).rate_limits.outbound).toBe(2);
		expect((await control('rate-limits', { outbound: 0 })).status).toBe(400);
	});
});

describe('start options', () => {
	it('take the default outbound limit and the report step, and reset goes back to them', async () => {
		const other = await startEmulator({ outboundRateLimit: 3, deliveryReportStepMs: 40 });
		try {
			const headers = {
				authorization: `Basic ${Buffer.from(`${other.keyId}:${other.keySecret}`).toString('base64')}`,
			};
			const create = async () =>
				(
					await http.post(
						`${other.url}/v1/projects/${other.projectId}/apps`,
						{
							display_name: 'x',
							channel_credentials: [
								{ channel: 'SMS', static_bearer: { claimed_identity: 'p', token: 't' } },
							],
						},
						{ headers },
					)
				).data as App;
			expect((await create()).rate_limits.outbound).toBe(3);
			other.setOutboundRateLimit(50);
			other.setDeliveryReports({ mode: 'off' });
			expect((await create()).rate_limits.outbound).toBe(50);
			other.reset();
			expect((await create()).rate_limits.outbound).toBe(3);
			expect(other.info()).not.toHaveProperty('deliveryReportMode');
		} finally {
			await other.close();
		}
	});
});

describe('delivery reports', () => {
	it('delivers QUEUED_ON_CHANNEL, DELIVERED, READ in order, signed, with the message metadata', async () => {
		const app = await createApp();
		await createWebhook(app.id, ['MESSAGE_DELIVERY']);
		const sent = await post(
			'/messages:send',
			textTo(app.id, '46700000001', { message_metadata: 'order-7', correlation_id: 'c-1' }),
		);
		await emulator.deliveryReportsSent();
		const reports = reportsOf(receiver.received);
		expect(reports.map((report) => report.status)).toEqual([
			'QUEUED_ON_CHANNEL',
			'DELIVERED',
			'READ',
		]);
		expect(reports[0]).toMatchObject({
			message_id: (sent.data as { message_id: string }).message_id,
			channel_identity: { channel: 'WHATSAPP', identity: '46700000001', app_id: app.id },
			metadata: 'order-7',
		});
		const first = receiver.received[0];
		expect(first.body).toMatchObject({
			app_id: app.id,
			message_metadata: 'order-7',
			correlation_id: 'c-1',
		});
		const nonce = String(first.headers[SIGNATURE_HEADERS.nonce]);
		const timestamp = String(first.headers[SIGNATURE_HEADERS.timestamp]);
		expect(first.headers[SIGNATURE_HEADERS.signature]).toBe(
			signCallback('hook-secret', first.rawBody, nonce, timestamp),
		);
	});

	it('reports FAILED with a reason for an identity starting with fail-', async () => {
		const app = await createApp();
		await createWebhook(app.id, ['MESSAGE_DELIVERY']);
		await post('/messages:send', textTo(app.id, 'fail-46700000002'));
		await emulator.deliveryReportsSent();
		const reports = reportsOf(receiver.received);
		expect(reports.map((report) => report.status)).toEqual(['FAILED']);
		expect(reports[0].reason).toMatchObject({ code: 'RECIPIENT_NOT_REACHABLE' });
	});

	it('switches channel when the first identity fails, and the message moves to the next channel', async () => {
		const app = await createApp();
		await createWebhook(app.id, ['MESSAGE_DELIVERY']);
		const sent = await post('/messages:send', {
			...textTo(app.id),
			recipient: {
				identified_by: {
					channel_identities: [
						{ channel: 'SMS', identity: '46700000003' },
						{ channel: 'WHATSAPP', identity: 'fail-46700000003' },
					],
				},
			},
			channel_priority_order: ['WHATSAPP', 'SMS'],
		});
		await emulator.deliveryReportsSent();
		const reports = reportsOf(receiver.received);
		expect(
			reports.map(
				(report) => `${report.status}@${(report.channel_identity as { channel: string }).channel}`,
			),
		).toEqual(['SWITCHING_CHANNEL@WHATSAPP', 'QUEUED_ON_CHANNEL@SMS', 'DELIVERED@SMS', 'READ@SMS']);
		const id = (sent.data as { message_id: string }).message_id;
		const got = (await get(`/messages/${id}?messages_source=DISPATCH_SOURCE`)).data as {
			channel_identity: { channel: string };
		};
		expect(got.channel_identity.channel).toBe('SMS');
	});

	it('steps reports one at a time in manual mode, and sends none when off', async () => {
		const app = await createApp();
		await createWebhook(app.id, ['MESSAGE_DELIVERY']);
		expect((await control('delivery-reports', { mode: 'manual' })).status).toBe(200);
		const sent = await post('/messages:send', textTo(app.id));
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(receiver.received).toHaveLength(0);
		const step = await control('delivery-reports/step', {});
		expect((step.data as { deliveries: unknown[] }).deliveries).toHaveLength(1);
		expect(reportsOf(receiver.received).map((report) => report.status)).toEqual([
			'QUEUED_ON_CHANNEL',
		]);
		await emulator.stepDeliveryReports((sent.data as { message_id: string }).message_id);
		await emulator.stepDeliveryReports();
		await emulator.stepDeliveryReports();
		expect(reportsOf(receiver.received).map((report) => report.status)).toEqual([
			'QUEUED_ON_CHANNEL',
			'DELIVERED',
			'READ',
		]);
		emulator.setDeliveryReports({ mode: 'off' });
		await post('/messages:send', textTo(app.id));
		await emulator.stepDeliveryReports();
		expect(receiver.received).toHaveLength(3);
	});

	it('spaces reports by step_ms in auto mode', async () => {
		const app = await createApp();
		await createWebhook(app.id, ['MESSAGE_DELIVERY']);
		await control('delivery-reports', { mode: 'auto', step_ms: 100 });
		await post('/messages:send', textTo(app.id));
		await new Promise((resolve) => setTimeout(resolve, 150));
		expect(reportsOf(receiver.received).map((report) => report.status)).toEqual([
			'QUEUED_ON_CHANNEL',
		]);
		await emulator.deliveryReportsSent();
		expect(reportsOf(receiver.received)).toHaveLength(3);
	});

	it("sends a message's reports to its callback_url, signed with the app's secret for overridden URLs", async () => {
		const app = await createApp({
			callback_settings: { secret_for_overridden_callback_urls: 'override-secret' },
		});
		await createWebhook(app.id, ['MESSAGE_DELIVERY']);
		await post('/messages:send', textTo(app.id, '1', { callback_url: `${receiver.url}/own` }));
		await emulator.deliveryReportsSent();
		expect(receiver.received).toHaveLength(3);
		const first = receiver.received[0];
		expect(first.headers[SIGNATURE_HEADERS.signature]).toBe(
			signCallback(
				'override-secret',
				first.rawBody,
				String(first.headers[SIGNATURE_HEADERS.nonce]),
				String(first.headers[SIGNATURE_HEADERS.timestamp]),
			),
		);
	});
});

describe('inbound messages and the control endpoints', () => {
	it.each([
		[{ text: 'hi there' }, { text_message: { text: 'hi there' } }],
		[
			{ media_url: 'https://example.com/cat.jpg' },
			{ media_message: { url: 'https://example.com/cat.jpg' } },
		],
		[
			{ postback_data: 'yes', message_id: '01CHOICE' },
			{ choice_response_message: { message_id: '01CHOICE', postback_data: 'yes' } },
		],
	])(
		'POST /_emulator/events delivers an inbound message %j, signed, and stores it',
		async (event, contactMessage) => {
			const app = await createApp({ processing_mode: 'CONVERSATION' });
			await createWebhook(app.id, ['MESSAGE_INBOUND']);
			const answer = await control('events', {
				app_id: app.id,
				trigger: 'MESSAGE_INBOUND',
				from: { channel: 'WHATSAPP', identity: '46709999999' },
				...event,
			});
			expect(answer.status).toBe(200);
			expect(receiver.received).toHaveLength(1);
			const callback = receiver.received[0];
			const message = callback.body.message as Record<string, unknown>;
			expect(message).toEqual(
				expect.objectContaining({
					direction: 'TO_APP',
					contact_message: contactMessage,
					channel_identity: { channel: 'WHATSAPP', identity: '46709999999', app_id: app.id },
				}),
			);
			expect(callback.headers[SIGNATURE_HEADERS.signature]).toBeDefined();
			const stored = await get(`/messages/${String(message.id)}`);
			expect(stored.data).toEqual(message);
			// A reply to that identity lands in the same conversation.
			const reply = await post('/messages:send', textTo(app.id, '46709999999'));
			const replied = (await get(`/messages/${(reply.data as { message_id: string }).message_id}`))
				.data as {
				conversation_id: string;
			};
			expect(replied.conversation_id).toBe(message.conversation_id);
		},
	);

	it('refuses an inbound event without exactly one content, or for an unknown app', async () => {
		const app = await createApp();
		const from = { channel: 'SMS', identity: '1' };
		const both = await control('events', {
			app_id: app.id,
			trigger: 'MESSAGE_INBOUND',
			from,
			text: 'a',
			media_url: 'b',
		});
		expect(both.status).toBe(400);
		const unknown = await control('events', {
			app_id: 'nope',
			trigger: 'MESSAGE_INBOUND',
			from,
			text: 'a',
		});
		expect(unknown.status).toBe(404);
	});

	it('GET /_emulator/sent-messages lists what was sent, with the send body', async () => {
		const app = await createApp();
		await post('/messages:send', {
			...textTo(app.id),
			message: { text_message: { text: 'Your link: https://example.com/reset?t=abc' } },
		});
		const answer = await http.get(`${emulator.url}/_emulator/sent-messages`);
		const [sent] = (
			answer.data as {
				messages: Array<{ request: { message: { text_message: { text: string } } } }>;
			}
		).messages;
		expect(/https:\S+/.exec(sent.request.message.text_message.text)?.[0]).toBe(
			'https://example.com/reset?t=abc',
		);
	});
});

describe("Sinch's Node SDK against the message endpoints", () => {
	it('sends, gets, lists and updates messages', async () => {
		const app = await createApp({ processing_mode: 'CONVERSATION' });
		const sinch = sdkClient(emulator);
		const sent = await sinch.conversation.messages.send({
			sendMessageRequestBody: {
				app_id: app.id,
				recipient: {
					identified_by: { channel_identities: [{ channel: 'WHATSAPP', identity: '46701112233' }] },
				},
				message: { text_message: { text: 'From the SDK' } },
				ttl: 60,
			},
		});
		expect(sent.message_id).toEqual(expect.any(String));
		const sentBody = emulator.sentMessages[0].request;
		expect(sentBody).toMatchObject({ ttl: '60s' });
		const got = await sinch.conversation.messages.get({ message_id: sent.message_id as string });
		expect(got.id).toBe(sent.message_id);
		const page = await sinch.conversation.messages.list({ page_size: 5 });
		expect(page.data.map((message) => message.id)).toEqual([sent.message_id]);
		const updated = await sinch.conversation.messages.update({
			message_id: sent.message_id as string,
			updateMessageRequestBody: { metadata: 'via sdk' },
		});
		expect(updated.metadata).toBe('via sdk');
		await sinch.conversation.messages.delete({ message_id: sent.message_id as string });
		await expect(
			sinch.conversation.messages.get({ message_id: sent.message_id as string }),
		).rejects.toThrow();
	});
});
