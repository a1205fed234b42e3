/**
 * Two triggers publishing for one app at the same time in one n8n (two workflows, or production and a test
 * listener): the adopt-or-create of each sees the other's webhook, so Sinch's five-per-app limit is explained by the
 * node before anything is sent, and the same URL is adopted instead of made twice.
 */
import type { Webhook } from '../emulator';
import { emulatorApi } from '../harness/emulatorApi';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { emulatorCredentials } from '../harness/setup';
import { TriggerHarness } from '../harness/trigger';

const emulator = emulatorPerFile();
const harnesses: TriggerHarness[] = [];
let appId: string;

beforeEach(async () => {
	const app = await emulatorApi(emulator, 'POST', '/apps', {
		display_name: 'Trigger app',
		channel_credentials: [
			{ channel: 'SMS', static_bearer: { claimed_identity: 'plan', token: 't' } },
		],
	});
	appId = app.id as string;
});
afterEach(async () => {
	await Promise.all(harnesses.splice(0).map(async (harness) => await harness.close()));
});

async function trigger(): Promise<TriggerHarness> {
	const harness = new TriggerHarness({
		parameters: {
			app: { __rl: true, mode: 'id', value: appId },
			events: ['MESSAGE_INBOUND'],
			options: {},
		},
		credentials: emulatorCredentials(emulator),
	});
	await harness.listen();
	harnesses.push(harness);
	return harness;
}

const seedWebhook = async (target: string) =>
	(await emulatorApi(emulator, 'POST', '/webhooks', {
		app_id: appId,
		target,
		target_type: 'HTTP',
		triggers: ['MESSAGE_DELIVERY'],
	})) as unknown as Webhook;

const posts = (mark: number) =>
	emulator.requests
		.slice(mark)
		.filter((request) => request.method === 'POST' && request.path.endsWith('/webhooks'));

/** Each list of the app's webhooks waits, so both publications list before either creates. */
const slowLists = () =>
	emulator.delayNext({ ms: 300, method: 'GET', pathIncludes: '/webhooks', times: 10 });

test('with four webhooks stored, one of two triggers publishing together gets the fifth; the other is refused unsent', async () => {
	for (const n of [1, 2, 3, 4]) await seedWebhook(`https://stored.example.com/${n}`);
	const [first, second] = [await trigger(), await trigger()];
	slowLists();
	const mark = emulator.requests.length;
	const outcomes = await Promise.allSettled([first.activate(), second.activate()]);

	expect(posts(mark)).toHaveLength(1);
	expect(posts(mark)[0].status).toBe(200);
	const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
	expect(refused).toHaveLength(1);
	expect(((refused[0] as PromiseRejectedResult).reason as Error).message).toMatch(
		new RegExp(`^App ${appId} already has 5 webhooks, Sinch's limit of 5: `),
	);
	expect(emulator.webhooks).toHaveLength(5);
});

test('the same URL published twice at once makes one webhook, which both activations adopt', async () => {
	const harness = await trigger();
	slowLists();
	const mark = emulator.requests.length;
	// n8n retrying an activation while the first attempt still runs: both ask create.
	await Promise.all([harness.hook('create'), harness.hook('create')]);

	expect(posts(mark)).toHaveLength(1);
	expect(posts(mark)[0].status).toBe(200);
	const webhooks = emulator.webhooks;
	expect(webhooks).toHaveLength(1);
	expect(harness.staticData).toMatchObject({ webhookId: webhooks[0].id, target: harness.url() });
	expect(webhooks[0].secret).toBe(harness.staticData.secret);
});
