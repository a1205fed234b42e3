/**
 * The checks of Webhook → Create and Update that depend on the app's other webhooks (one per target URL, five per
 * app) hold across the items of one concurrent run: items whose requests land at the same time see each other's
 * webhooks, and the later one gets the node's own refusal with nothing sent, not Sinch's 400.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Webhook } from '../emulator';
import { runNode } from '../harness/engine';
import { emulatorApi } from '../harness/emulatorApi';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { emulatorCredentials } from '../harness/setup';

const emulator = emulatorPerFile();
const api = (method: string, path: string, body?: object) =>
	emulatorApi(emulator, method, path, body);

async function seedApp(): Promise<string> {
	const app = await api('POST', '/apps', {
		display_name: 'Hooks',
		channel_credentials: [
			{ channel: 'SMS', static_bearer: { claimed_identity: 'plan', token: 't' } },
		],
	});
	return app.id as string;
}

const seedWebhook = async (appId: string, target: string) =>
	(await api('POST', '/webhooks', {
		app_id: appId,
		target,
		target_type: 'HTTP',
		triggers: ['MESSAGE_INBOUND'],
	})) as unknown as Webhook;

/** Every list of an app's webhooks waits, so the lists of concurrent items are all in flight together. */
const slowLists = () =>
	emulator.delayNext({ ms: 300, method: 'GET', pathIncludes: '/webhooks', times: 10 });

const posts = (mark: number) =>
	emulator.requests
		.slice(mark)
		.filter((request) => request.method === 'POST' && request.path.endsWith('/webhooks'));

async function run(parameters: INodeParameters, items: IDataObject[]) {
	return await runNode({
		parameters: { resource: 'webhook', ...parameters },
		credentials: emulatorCredentials(emulator),
		items,
		onError: 'continueRegularOutput',
	});
}

const createEach = (appId: string, items: IDataObject[]) =>
	run(
		{
			operation: 'create',
			appId: { __rl: true, mode: 'id', value: appId },
			target: '={{ $json.target }}',
			triggers: ['MESSAGE_INBOUND'],
		},
		items,
	);

describe('Webhook → Create, items of one run at the same time', () => {
	it('makes one webhook for a target two items give; the second is refused by the node, unsent', async () => {
		const appId = await seedApp();
		slowLists();
		const mark = emulator.requests.length;
		// The first item goes alone (it fetches the token); items 1 and 2 then run together.
		const { outputs, error } = await createEach(appId, [
			{ target: 'https://hooks.example.com/a' },
			{ target: 'https://hooks.example.com/b' },
			{ target: 'https://hooks.example.com/b' },
		]);
		expect(error).toBeUndefined();
		expect(posts(mark).map((post) => (post.body as IDataObject).target)).toEqual([
			'https://hooks.example.com/a',
			'https://hooks.example.com/b',
		]);
		expect(posts(mark).every((post) => post.status === 200)).toBe(true);
		const [first, second, third] = outputs[0];
		expect(first.json.error).toBeUndefined();
		expect(second.json.error).toBeUndefined();
		expect(third.json.error).toBe(
			`App ${appId} already has a webhook for https://hooks.example.com/b (ID ${String(second.json.id)}); Sinch allows one webhook per target URL and app`,
		);
		expect(third.pairedItem).toEqual({ item: 2 });
		expect(emulator.webhooks).toHaveLength(2);
	});

	it("stops at five webhooks with the node's message: with three stored, the third item is refused, unsent", async () => {
		const appId = await seedApp();
		for (const n of [1, 2, 3]) await seedWebhook(appId, `https://stored.example.com/${n}`);
		slowLists();
		const mark = emulator.requests.length;
		const { outputs } = await createEach(appId, [
			{ target: 'https://hooks.example.com/4' },
			{ target: 'https://hooks.example.com/5' },
			{ target: 'https://hooks.example.com/6' },
		]);
		expect(posts(mark)).toHaveLength(2);
		expect(posts(mark).every((post) => post.status === 200)).toBe(true);
		expect(outputs[0].map((item) => item.json.error)).toEqual([
			undefined,
			undefined,
			expect.stringMatching(
				new RegExp(`^App ${appId} already has 5 webhooks, Sinch's maximum of 5: `),
			),
		]);
		expect(emulator.webhooks).toHaveLength(5);
	});

	it('with If Target Already Exists → Update, the second item updates the webhook the first made', async () => {
		const appId = await seedApp();
		slowLists();
		const mark = emulator.requests.length;
		const { outputs } = await run(
			{
				operation: 'create',
				appId: { __rl: true, mode: 'id', value: appId },
				target: '={{ $json.target }}',
				triggers: '={{ $json.triggers }}',
				options: { onExisting: 'update' },
			},
			[
				{ target: 'https://hooks.example.com/a', triggers: ['OPT_IN'] },
				{ target: 'https://hooks.example.com/b', triggers: ['MESSAGE_INBOUND'] },
				{ target: 'https://hooks.example.com/b', triggers: ['MESSAGE_DELIVERY'] },
			],
		);
		expect(outputs[0].map((item) => item.json.error)).toEqual([undefined, undefined, undefined]);
		expect(posts(mark)).toHaveLength(2);
		expect(outputs[0][2].json.id).toBe(outputs[0][1].json.id);
		expect(emulator.webhooks.map((webhook) => webhook.triggers)).toEqual([
			['OPT_IN'],
			['MESSAGE_DELIVERY'],
		]);
	});
});

describe('Webhook → Update, items of one run at the same time', () => {
	it('moves one webhook to a new target; the other item moving another webhook there is refused, unsent', async () => {
		const appId = await seedApp();
		const hooks = [];
		for (const n of [1, 2, 3])
			hooks.push(await seedWebhook(appId, `https://stored.example.com/${n}`));
		slowLists();
		const mark = emulator.requests.length;
		const { outputs } = await run(
			{
				operation: 'update',
				webhookId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				updateFields: { target: '={{ $json.target }}' },
			},
			[
				{ id: hooks[0].id, target: 'https://new.example.com/0' },
				{ id: hooks[1].id, target: 'https://new.example.com/x' },
				{ id: hooks[2].id, target: 'https://new.example.com/x' },
			],
		);
		const patches = emulator.requests.slice(mark).filter((request) => request.method === 'PATCH');
		expect(patches.map((patch) => patch.path.split('/').pop())).toEqual([hooks[0].id, hooks[1].id]);
		expect(patches.every((patch) => patch.status === 200)).toBe(true);
		expect(outputs[0][2].json.error).toBe(
			`App ${appId} already has a webhook for https://new.example.com/x (ID ${hooks[1].id}); Sinch allows one webhook per target URL and app`,
		);
	});
});
