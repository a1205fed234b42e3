/**
 * The trigger's webhook lifecycle through n8n-core's HookContext against the emulator: publishing creates one HTTP
 * webhook with the chosen triggers and a fresh secret, adopts one that already targets the URL, is safe to repeat,
 * explains the 5-webhook limit, and unpublishing removes it. "Listen for test event" gets its own webhook and static
 * data. Signed callbacks the emulator then delivers start the workflow.
 */
import type { INodeParameters } from 'n8n-workflow';

import { processNonces } from '../../nodes/SinchConversationTrigger/helpers/nonces';
import { startEmulator, type Emulator } from '../emulator';
import { emulatorApi } from '../harness/emulatorApi';
import { logLines, runNode } from '../harness/engine';
import { emulatorCredentials, smsApp } from '../harness/setup';
import { receivedItems, TriggerHarness } from '../harness/trigger';

let emulator: Emulator;
let harness: TriggerHarness | undefined;
let appId: string;

const apiCalls = (from: number) =>
	emulator.requests
		.slice(from)
		.filter((entry) => entry.path !== '/oauth2/token')
		.map(
			(entry) => `${entry.method} ${entry.path.replace(`/v1/projects/${emulator.projectId}`, '')}`,
		);

async function newHarness(parameters: INodeParameters = {}, staticData?: Record<string, unknown>) {
	harness = new TriggerHarness({
		parameters: {
			app: { __rl: true, mode: 'list', value: appId },
			events: ['MESSAGE_INBOUND'],
			options: {},
			...parameters,
		},
		credentials: emulatorCredentials(emulator),
		staticData: staticData as never,
	});
	await harness.listen();
	return harness;
}

/** A webhook made outside the trigger, straight on the emulator's API. */
const makeWebhook = async (body: Record<string, unknown>) =>
	(await emulatorApi(emulator, 'POST', '/webhooks', {
		app_id: appId,
		target_type: 'HTTP',
		triggers: ['MESSAGE_DELIVERY'],
		...body,
	})) as {
		id: string;
	};

const appWebhooks = () => emulator.webhooks.filter((webhook) => webhook.app_id === appId);

beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => await emulator.close());
beforeEach(async () => {
	emulator.reset();
	processNonces.clear();
	const { outputs } = await runNode({
		parameters: smsApp('Trigger app'),
		credentials: emulatorCredentials(emulator),
	});
	appId = String(outputs[0][0].json.id);
});
afterEach(async () => {
	await harness?.close();
	harness = undefined;
});

test('publishing creates one HTTP webhook for the production URL, and a delivered inbound message runs the workflow', async () => {
	const trigger = await newHarness({ events: ['MESSAGE_INBOUND', 'MESSAGE_DELIVERY'] });
	const from = emulator.requests.length;
	await trigger.activate();

	expect(apiCalls(from)).toEqual([
		`GET /apps/${appId}/webhooks`,
		`GET /apps/${appId}/webhooks`,
		'POST /webhooks',
	]);
	const [webhook] = appWebhooks();
	expect(appWebhooks()).toHaveLength(1);
	expect(webhook).toMatchObject({
		target: trigger.url(),
		target_type: 'HTTP',
		triggers: ['MESSAGE_INBOUND', 'MESSAGE_DELIVERY'],
	});
	expect(webhook.secret).toMatch(/^[A-Za-z0-9]{40}$/);
	expect(trigger.staticData).toEqual({
		webhookId: webhook.id,
		appId,
		target: trigger.url(),
		secret: webhook.secret,
	});

	const [delivery] = await emulator.deliver({
		appId,
		trigger: 'MESSAGE_INBOUND',
		body: { message: { contact_message: { text_message: { text: 'Hi from the emulator' } } } },
	});
	expect(delivery.status).toBe(200);
	await trigger.settled();
	const [item] = receivedItems(trigger.deliveries[0].run);
	expect(item).toMatchObject({
		trigger: 'MESSAGE_INBOUND',
		app_id: appId,
		project_id: emulator.projectId,
	});
	expect(item.event_time).toEqual(expect.any(String));
	expect(item.message).toMatchObject({
		contact_message: { text_message: { text: 'Hi from the emulator' } },
	});

	// A forged signature is refused, and so is the same genuine callback delivered again.
	const [forged] = await emulator.deliver({
		appId,
		trigger: 'MESSAGE_INBOUND',
		forgeSignature: true,
	});
	expect(forged.status).toBe(401);
	const nonce = delivery.headers['x-sinch-webhook-signature-nonce'];
	const [replayed] = await emulator.deliver({ appId, trigger: 'MESSAGE_INBOUND', nonce });
	expect(replayed.status).toBe(401);
	await trigger.settled();
	expect(
		trigger.deliveries.map((entry) => [entry.status, receivedItems(entry.run).length]),
	).toEqual([
		[200, 1],
		[401, 0],
		[401, 0],
	]);
});

test('the production URL on 127.0.0.1 over http gets a warning naming WEBHOOK_URL', async () => {
	const trigger = await newHarness();
	const logged = logLines.length;
	await trigger.activate();
	const warning = logLines
		.slice(logged)
		.find((line) => line.startsWith('warn') && line.includes('WEBHOOK_URL'));
	expect(warning).toContain(trigger.url());
	expect(warning).toContain('is this machine only');
});

test('publishing again is safe: the webhook is found and left as it is, never a second one', async () => {
	const trigger = await newHarness();
	await trigger.activate();
	const first = { ...appWebhooks()[0] };
	const from = emulator.requests.length;
	await trigger.activate();
	await trigger.activate();
	expect(apiCalls(from)).toEqual([`GET /apps/${appId}/webhooks`, `GET /apps/${appId}/webhooks`]);
	expect(appWebhooks()).toEqual([first]);

	// After a restart n8n loads the static data from its database: still the same webhook and secret.
	trigger.reload({ staticData: trigger.workflow.staticData });
	await trigger.activate();
	expect(appWebhooks()).toEqual([first]);
	const [delivery] = await emulator.deliver({ appId, trigger: 'MESSAGE_INBOUND' });
	expect(delivery.status).toBe(200);
});

test('an existing webhook for this URL (made elsewhere, no static data) is adopted: triggers and secret brought in line', async () => {
	const made = await newHarness({ events: ['MESSAGE_INBOUND', 'EVENT_INBOUND'] });
	const existing = await makeWebhook({
		target: made.url(),
		target_type: 'DISMISS',
		secret: 'someone-elses-secret',
	});
	const from = emulator.requests.length;
	await made.activate();

	expect(apiCalls(from)).toEqual([`GET /apps/${appId}/webhooks`, `PATCH /webhooks/${existing.id}`]);
	const patch = emulator.requests.find((entry) => entry.method === 'PATCH');
	expect(String(patch?.query.update_mask).split(',').sort()).toEqual([
		'secret',
		'target_type',
		'triggers',
	]);
	const [webhook] = appWebhooks();
	expect(appWebhooks()).toHaveLength(1);
	expect(webhook).toMatchObject({
		id: existing.id,
		target_type: 'HTTP',
		triggers: ['MESSAGE_INBOUND', 'EVENT_INBOUND'],
	});
	expect(webhook.secret).not.toBe('someone-elses-secret');
	expect(made.staticData).toMatchObject({ webhookId: existing.id, secret: webhook.secret });

	const [delivery] = await emulator.deliver({ appId, trigger: 'EVENT_INBOUND' });
	expect(delivery.status).toBe(200);
	await made.settled();
	expect(receivedItems(made.deliveries[0].run)).toMatchObject([{ trigger: 'EVENT_INBOUND' }]);
});

test('changed events are applied to the webhook at the next activation', async () => {
	const trigger = await newHarness();
	await trigger.activate();
	trigger.reload({
		staticData: trigger.workflow.staticData,
		parameters: { events: ['MESSAGE_DELIVERY'] },
	});
	await trigger.activate();
	expect(appWebhooks()).toMatchObject([
		{ triggers: ['MESSAGE_DELIVERY'], secret: trigger.staticData.secret },
	]);
	const patch = emulator.requests.filter((entry) => entry.method === 'PATCH');
	expect(patch.map((entry) => entry.query.update_mask)).toEqual(['triggers']);
});

test('a create whose answer was lost: the retried activation adopts that webhook instead of making a second', async () => {
	const trigger = await newHarness();
	emulator.failNext({
		status: 503,
		method: 'POST',
		pathIncludes: '/webhooks',
		afterProcessing: true,
	});
	await expect(trigger.activate()).rejects.toThrow();
	expect(appWebhooks()).toHaveLength(1);
	const lost = { ...appWebhooks()[0] };

	// n8n retries a failed activation with the workflow as stored, without what the failed attempt kept.
	trigger.reload({ staticData: {} });
	await trigger.activate();
	expect(appWebhooks()).toHaveLength(1);
	expect(appWebhooks()[0].id).toBe(lost.id);
	expect(appWebhooks()[0].secret).toBe(trigger.staticData.secret);
	const [delivery] = await emulator.deliver({ appId, trigger: 'MESSAGE_INBOUND' });
	expect(delivery.status).toBe(200);
});

test('unpublishing deletes the webhook; deleting again is harmless; one left without static data goes too', async () => {
	const trigger = await newHarness();
	await trigger.activate();
	const { webhookId } = trigger.staticData;
	await makeWebhook({ target: 'https://other.example.com/hook' });

	const from = emulator.requests.length;
	await trigger.deactivate();
	expect(apiCalls(from)).toEqual([
		`DELETE /webhooks/${String(webhookId)}`,
		`GET /apps/${appId}/webhooks`,
	]);
	expect(appWebhooks().map((webhook) => webhook.target)).toEqual([
		'https://other.example.com/hook',
	]);
	expect(trigger.staticData).toEqual({});

	await trigger.deactivate();
	expect(appWebhooks()).toHaveLength(1);

	// A webhook for this URL the node has no record of (static data lost) is removed as well.
	await makeWebhook({ target: trigger.url() });
	await trigger.deactivate();
	expect(appWebhooks().map((webhook) => webhook.target)).toEqual([
		'https://other.example.com/hook',
	]);

	// Deleted on Sinch's side already (here with its app): unpublishing still succeeds.
	await trigger.activate();
	emulator.reset();
	await expect(trigger.deactivate()).resolves.toBeUndefined();
	expect(trigger.staticData).toEqual({});
});

test('at the limit of 5 webhooks the activation error names them and says how to free one, and nothing is created', async () => {
	const made: string[] = [];
	for (let index = 0; index < 5; index++)
		made.push(
			(await makeWebhook({ target: `https://hooks.example.com/${index}?token=t${index}` })).id,
		);
	const trigger = await newHarness();
	const from = emulator.requests.length;
	const error = await trigger.activate().then(
		() => undefined,
		(caught: Error & { description?: string }) => caught,
	);
	expect(error?.message).toBe(
		`App ${appId} already has 5 webhooks, Sinch's limit of 5: ${made.map((id, index) => `${id} → https://hooks.example.com/${index}?…`).join('; ')}`,
	);
	expect(error?.description).toMatch(
		/^Free one: delete a webhook you no longer need, with the Sinch Conversation node \(Webhook → Delete\)/,
	);
	expect(error?.message).not.toContain('token=');
	expect(apiCalls(from).filter((call) => call.startsWith('POST'))).toEqual([]);
	expect(appWebhooks()).toHaveLength(5);
});

test('no event chosen: activation fails before anything is sent', async () => {
	const trigger = await newHarness({ events: [] });
	const from = emulator.requests.length;
	await expect(trigger.activate()).rejects.toThrow(
		'Events is empty: the webhook would receive nothing.',
	);
	expect(apiCalls(from)).toEqual([]);
});

test('"Listen for test event" registers the test URL beside the production webhook, and cleans up only its own', async () => {
	const trigger = await newHarness();
	await trigger.activate();
	const production = { ...appWebhooks()[0] };

	await trigger.activate(true);
	expect(appWebhooks()).toHaveLength(2);
	const test = appWebhooks().find((webhook) => webhook.target === trigger.url(true));
	expect(test).toMatchObject({ target_type: 'HTTP', triggers: ['MESSAGE_INBOUND'] });
	expect(trigger.url(true)).toMatch(/\/webhook-test\//);
	// Separate static data: the production record is untouched.
	expect(trigger.staticData).toMatchObject({ webhookId: production.id, secret: production.secret });
	expect(trigger.testStaticDataOfNode).toMatchObject({ webhookId: test?.id, secret: test?.secret });

	// One event reaches both, each verified with its own secret.
	const deliveries = await emulator.deliver({ appId, trigger: 'MESSAGE_INBOUND' });
	expect(deliveries.map((delivery) => [delivery.target, delivery.status]).sort()).toEqual(
		[
			[trigger.url(), 200],
			[trigger.url(true), 200],
		].sort(),
	);

	await trigger.deactivate(true);
	expect(appWebhooks()).toEqual([production]);
	expect(trigger.staticData).toMatchObject({ webhookId: production.id });
});

test('a test run started from a copy of production static data never deletes the production webhook', async () => {
	const trigger = await newHarness();
	await trigger.activate();
	const production = { ...appWebhooks()[0] };
	// The test registration failed before create stored anything: n8n cleans up with the copied static data.
	await trigger.deactivate(true);
	expect(appWebhooks()).toEqual([production]);
});
