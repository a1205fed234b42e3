/**
 * Callbacks through n8n-core's WebhookContext (test/harness/trigger.ts): verified on the raw body before anything
 * starts, 401 and no run for every failed check, one item per accepted callback, unchosen events and other apps
 * answered 200 without a run.
 */
import type { INodeParameters } from 'n8n-workflow';

import { SIGNATURE_HEADERS } from '../../nodes/SinchConversationTrigger/helpers/signature';
import { processNonces } from '../../nodes/SinchConversationTrigger/helpers/nonces';
import { VECTOR } from '../harness/signature-vector';
import { signatureHeaders as signedHeaders } from '../emulator/signing';
import { receivedItems, TriggerHarness } from '../harness/trigger';
import { logLines, newCredentialsHelper } from '../harness/engine';

const APP_ID = '01HZX3K5V8Q2M7N4P6R9S0T1AB';
// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- made up for the tests, not a secret
const SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718';

const inbound = (overrides: Record<string, unknown> = {}) =>
	JSON.stringify({
		app_id: APP_ID,
		accepted_time: '2026-12-02T03:00:00.123Z',
		event_time: '2026-12-02T03:00:00.100Z',
		project_id: 'project-1',
		message: {
			id: '01JCALLBACKMSG00000000000A',
			direction: 'TO_APP',
			contact_message: { text_message: { text: 'Hello from SMS' } },
			channel_identity: { channel: 'SMS', identity: '46701234567', app_id: APP_ID },
			conversation_id: '01JCONVERSATION0000000000A',
			contact_id: '01JCONTACT000000000000000A',
		},
		message_metadata: '',
		...overrides,
	});

let harness: TriggerHarness;

async function start(options: INodeParameters = {}, events = ['MESSAGE_INBOUND']) {
	harness = new TriggerHarness({
		parameters: { app: { __rl: true, mode: 'id', value: APP_ID }, events, options },
		credentials: newCredentialsHelper({}),
	});
	await harness.listen();
	// What create() leaves behind when the workflow is published.
	Object.assign(harness.staticData, {
		webhookId: 'wh-1',
		appId: APP_ID,
		target: harness.url(),
		secret: SECRET,
	});
}

afterEach(async () => {
	await harness?.close();
	processNonces.clear();
	jest.useRealTimers();
});

describe('a signed callback', () => {
	test('starts the workflow with one item: the event name, app and project IDs, times, the flat fields and the message', async () => {
		await start();
		const body = inbound();
		const delivery = await harness.post(body, signedHeaders(SECRET, body));
		expect(delivery.status).toBe(200);
		expect(receivedItems(delivery.run)).toEqual([
			{
				trigger: 'MESSAGE_INBOUND',
				app_id: APP_ID,
				project_id: 'project-1',
				event_time: '2026-12-02T03:00:00.100Z',
				accepted_time: '2026-12-02T03:00:00.123Z',
				text: 'Hello from SMS',
				media_url: null,
				postback_data: null,
				channel: 'SMS',
				identity: '46701234567',
				contact_id: '01JCONTACT000000000000000A',
				conversation_id: '01JCONVERSATION0000000000A',
				message_id: '01JCALLBACKMSG00000000000A',
				message: JSON.parse(body).message,
				message_metadata: '',
			},
		]);
		expect(delivery.run?.status).toBe('success');
	});

	test('Include Raw Body adds the bytes as sent', async () => {
		await start({ includeRawBody: true });
		const body = `${inbound()}\n`;
		const delivery = await harness.post(body, signedHeaders(SECRET, body));
		expect(receivedItems(delivery.run)[0].rawBody).toBe(body);
	});

	test('an event not chosen, or of another app, is answered 200 and starts nothing', async () => {
		await start({}, ['MESSAGE_DELIVERY']);
		let body = inbound();
		let delivery = await harness.post(body, signedHeaders(SECRET, body));
		expect([delivery.status, delivery.run]).toEqual([200, undefined]);

		await harness.close();
		await start();
		body = inbound({ app_id: '01HZX3K5V8Q2M7N4P6R9S0T1CD' });
		delivery = await harness.post(body, signedHeaders(SECRET, body));
		expect([delivery.status, delivery.run]).toEqual([200, undefined]);
	});

	test('a callback of no known event, or not JSON at all, is answered 200 and starts nothing', async () => {
		await start();
		const unsupported = JSON.stringify({
			app_id: APP_ID,
			project_id: 'project-1',
			unsupported_callback: { channel: 'SMS' },
		});
		let delivery = await harness.post(unsupported, signedHeaders(SECRET, unsupported));
		expect([delivery.status, delivery.run]).toEqual([200, undefined]);
		delivery = await harness.post('not json', signedHeaders(SECRET, 'not json'));
		expect([delivery.status, delivery.run, delivery.response]).toEqual([
			200,
			undefined,
			{ webhookResponse: { ignored: 'not a JSON callback' } },
		]);
	});
});

describe('every failed check answers 401 and starts nothing', () => {
	const refused = async (body: string, headers: Record<string, string>, reason: RegExp) => {
		const logged = logLines.length;
		const delivery = await harness.post(body, headers);
		expect([delivery.status, delivery.run]).toEqual([401, undefined]);
		expect(delivery.response).toEqual({ noWebhookResponse: true });
		const warning = logLines.slice(logged).find((line) => line.includes('refused a callback'));
		expect(warning).toMatch(reason);
		// The secret never reaches the log.
		expect(logLines.join('\n')).not.toContain(SECRET);
	};

	beforeEach(async () => await start());

	test.each(Object.values(SIGNATURE_HEADERS))('missing %s', async (name) => {
		const body = inbound();
		const headers = signedHeaders(SECRET, body);
		delete headers[name];
		await refused(body, headers, new RegExp(`missing header\\(s\\) ${name}`));
	});

	test('unknown algorithm', async () => {
		const body = inbound();
		await refused(
			body,
			{ ...signedHeaders(SECRET, body), [SIGNATURE_HEADERS.algorithm]: 'HmacSHA512' },
			/unknown signature algorithm/,
		);
	});

	test('wrong secret (a forged signature)', async () => {
		const body = inbound();
		await refused(body, signedHeaders('not-the-secret', body), /signature does not match/);
	});

	test('altered body, even the same JSON re-serialised', async () => {
		const body = inbound();
		const headers = signedHeaders(SECRET, body);
		await refused(
			body.replace('Hello from SMS', 'Hello from SMZ'),
			headers,
			/signature does not match/,
		);
		await refused(JSON.stringify(JSON.parse(body), null, 2), headers, /signature does not match/);
	});

	test('old timestamp, outside the window (default 300 s)', async () => {
		const body = inbound();
		const old = Math.floor(Date.now() / 1000) - 301;
		await refused(
			body,
			signedHeaders(SECRET, body, { timestamp: old }),
			/is 30\d s old \(window 300 s\)/,
		);
	});

	test('replayed nonce: the first delivery runs, the same callback again is refused', async () => {
		const body = inbound();
		const headers = signedHeaders(SECRET, body);
		const first = await harness.post(body, headers);
		expect(first.status).toBe(200);
		expect(receivedItems(first.run)).toHaveLength(1);
		await refused(body, headers, /was seen before/);
	});

	test('no secret stored (the workflow was never published)', async () => {
		delete harness.staticData.secret;
		const body = inbound();
		await refused(body, signedHeaders(SECRET, body), /no webhook secret is stored/);
	});
});

describe('options', () => {
	test('a shorter timestamp window refuses what the default accepts', async () => {
		await start({ timestampWindow: 10 });
		const body = inbound();
		const delivery = await harness.post(
			body,
			signedHeaders(SECRET, body, { timestamp: Math.floor(Date.now() / 1000) - 60 }),
		);
		expect(delivery.status).toBe(401);
	});

	test('Verify Signatures off: an unsigned callback starts the workflow', async () => {
		await start({ verifySignature: false });
		const delivery = await harness.post(inbound(), {});
		expect(delivery.status).toBe(200);
		expect(receivedItems(delivery.run)).toHaveLength(1);
	});
});

test("Sinch's test vector is accepted (verified, then ignored: its app_id is empty)", async () => {
	jest.useFakeTimers({
		now: Number(VECTOR.timestamp) * 1000 + 2_000,
		doNotFake: [
			'nextTick',
			'setImmediate',
			'clearImmediate',
			'setInterval',
			'clearInterval',
			'setTimeout',
			'clearTimeout',
			'queueMicrotask',
			'hrtime',
			'performance',
		],
	});
	harness = new TriggerHarness({
		parameters: {
			app: { __rl: true, mode: 'id', value: APP_ID },
			events: ['CONTACT_CREATE'],
			options: {},
		},
		credentials: newCredentialsHelper({}),
	});
	await harness.listen();
	Object.assign(harness.staticData, {
		webhookId: 'wh-1',
		appId: APP_ID,
		target: harness.url(),
		secret: VECTOR.secret,
	});
	const headers = {
		[SIGNATURE_HEADERS.timestamp]: VECTOR.timestamp,
		[SIGNATURE_HEADERS.nonce]: VECTOR.nonce,
		[SIGNATURE_HEADERS.algorithm]: 'HmacSHA256',
		[SIGNATURE_HEADERS.signature]: VECTOR.signature,
	};
	const delivery = await harness.post(VECTOR.body, headers);
	expect(delivery.status).toBe(200);
	expect(delivery.response).toEqual({ webhookResponse: { ignored: true } });
	// The same bytes with the secret off by one character are refused.
	Object.assign(harness.staticData, { secret: 'foo_secret1235' });
	expect(
		(await harness.post(VECTOR.body, { ...headers, [SIGNATURE_HEADERS.nonce]: 'another' })).status,
	).toBe(401);
});
