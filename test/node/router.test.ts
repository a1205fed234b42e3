/* eslint-disable @n8n/community-nodes/no-restricted-globals -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/**
 * Issue 10: a batch is checked as a whole, sent concurrently within a bound, answered in input order, shares one
 * token, waits out 429s, never repeats a create, and says what was done when it stops.
 */
import type { INode, INodeParameters } from 'n8n-workflow';

import type { RequestLogEntry } from '../emulator';
import { runNode } from '../harness/engine';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import {
	appRequests,
	emulatorCredentials,
	peakInFlight,
	seedApp,
	smsApp,
	tokenRequests,
} from '../harness/setup';

const emulator = emulatorPerFile();
beforeEach(() => emulator.setLatency(0));

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const named = (name = '={{ $json.name }}') => ({ ...smsApp(), displayName: name });
const items = (count: number, prefix = 'app') =>
	Array.from({ length: count }, (_, i) => ({ name: `${prefix}-${i}` }));

async function seedApps(count: number): Promise<string[]> {
	const ids: string[] = [];
	for (let i = 0; i < count; i++)
		ids.push(
			String(
				(await seedApp(emulator, { display_name: `seeded-${i}`, channel_credentials: [] })).id,
			),
		);
	// The seeding requests are not part of what the node sent.
	(emulator.requests as RequestLogEntry[]).splice(0);
	return ids;
}

describe('concurrency keeps order and pairing', () => {
	test.each(['get', 'delete', 'update'])(
		'%s: answers out of order, output in input order, each paired',
		async (operation) => {
			const ids = await seedApps(6);
			// Slow answers for items 1 and 3: later items are answered before them.
			emulator.delayNext({ ms: 250, pathIncludes: ids[1] });
			emulator.delayNext({ ms: 150, pathIncludes: ids[3] });
			const parameters: INodeParameters = {
				resource: 'app',
				operation,
				appId: byId('={{ $json.id }}'),
				...(operation === 'update'
					? { updateFields: { displayName: '={{ "renamed-" + $json.id }}' } }
					: {}),
			};
			const { outputs, error } = await runNode({
				credentials: emulatorCredentials(emulator),
				parameters,
				items: ids.map((id) => ({ id })),
			});
			expect(error).toBeUndefined();
			expect(outputs[0].map((item) => [item.json.id, item.pairedItem])).toEqual(
				ids.map((id, i) => [id, { item: i }]),
			);
			if (operation === 'update')
				expect(outputs[0].map((item) => item.json.display_name)).toEqual(
					ids.map((id) => `renamed-${id}`),
				);
			if (operation === 'delete') expect(emulator.apps).toEqual([]);
			const sent = emulator.requests.filter((r) => r.path.includes('/apps/'));
			const answered = [...sent].sort((a, b) => a.answeredAt! - b.answeredAt!);
			expect(answered.at(-1)?.path).toContain(ids[1]);
			expect(peakInFlight(sent)).toBeGreaterThan(1);
		},
	);

	test('create: 12 items through the engine, in order and paired, with answers out of order', async () => {
		emulator.delayNext({ ms: 200, bodyIncludes: '"batch-2"' });
		emulator.delayNext({ ms: 100, bodyIncludes: '"batch-5"' });
		const { outputs, error } = await runNode({
			credentials: emulatorCredentials(emulator),
			parameters: named(),
			items: items(12, 'batch'),
		});
		expect(error).toBeUndefined();
		expect(outputs[0].map((item) => [item.json.display_name, item.pairedItem])).toEqual(
			items(12, 'batch').map((item, i) => [item.name, { item: i }]),
		);
		expect(emulator.apps).toHaveLength(12);
		expect(appRequests(emulator)).toHaveLength(12);
	});

	test('Max Concurrent Requests bounds the requests in flight', async () => {
		emulator.setLatency(40);
		const { error } = await runNode({
			credentials: emulatorCredentials(emulator),
			parameters: { ...named(), options: { maxConcurrency: 3 } },
			items: items(12),
		});
		expect(error).toBeUndefined();
		const peak = peakInFlight(appRequests(emulator));
		expect(peak).toBeLessThanOrEqual(3);
		expect(peak).toBeGreaterThanOrEqual(2);
	});

	test('Max Concurrent Requests 1 sends one item after the other', async () => {
		emulator.setLatency(10);
		await runNode({
			credentials: emulatorCredentials(emulator),
			parameters: { ...named(), options: { maxConcurrency: 1 } },
			items: items(5),
		});
		expect(peakInFlight(appRequests(emulator))).toBe(1);
	});
});

describe('one token per run', () => {
	test('30 concurrent items: one token request', async () => {
		emulator.setLatency(5);
		const { error, outputs } = await runNode({
			credentials: emulatorCredentials(emulator),
			parameters: named(),
			items: items(30),
		});
		expect(error).toBeUndefined();
		expect(outputs[0]).toHaveLength(30);
		expect(tokenRequests(emulator)).toHaveLength(1);
		expect(peakInFlight(appRequests(emulator))).toBeGreaterThan(1);
	});

	test('a token that expires mid-batch is refreshed once, and every item succeeds once', async () => {
		emulator.setLatency(20);
		const credentials = emulatorCredentials(emulator);
		// Expire the token once the batch is well under way, with requests in flight.
		const watcher = setInterval(() => {
			if (appRequests(emulator).length >= 8) {
				emulator.expireTokens();
				clearInterval(watcher);
			}
		}, 2);
		const { error, outputs } = await runNode({
			credentials,
			parameters: named(),
			items: items(40),
		});
		clearInterval(watcher);
		expect(error).toBeUndefined();
		expect(outputs[0]).toHaveLength(40);
		expect(tokenRequests(emulator)).toHaveLength(2);
		const refused = appRequests(emulator).filter((r) => r.status === 401);
		expect(refused.length).toBeGreaterThanOrEqual(1);
		// A 401 means Sinch did nothing: each item made exactly one app.
		expect(emulator.apps.map((app) => app.display_name).sort()).toEqual(
			items(40)
				.map((item) => item.name)
				.sort(),
		);
	});

	test('a wrong secret costs one token request, not one per item', async () => {
		const credentials = emulatorCredentials(emulator, { keySecret: 'wrong-secret-value' });
		const { outputs } = await runNode({
			credentials,
			parameters: named(),
			items: items(10),
			onError: 'continueErrorOutput',
		});
		expect(outputs[1]).toHaveLength(10);
		expect(String(outputs[1][9].json.error)).toMatch(/Key ID and Key Secret/);
		expect(tokenRequests(emulator)).toHaveLength(1);
		expect(appRequests(emulator)).toHaveLength(0);
	});
});

describe('429: Sinch did nothing, so the node waits and sends again', () => {
	test('with Retry-After: waits as asked, then succeeds; one app', async () => {
		emulator.failNext({ status: 429, pathIncludes: '/apps', retryAfter: 1, times: 2 });
		const started = Date.now();
		const { error, outputs } = await runNode({
			credentials: emulatorCredentials(emulator),
			parameters: smsApp(),
		});
		expect(error).toBeUndefined();
		expect(outputs[0]).toHaveLength(1);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
		expect(appRequests(emulator).map((r) => r.status)).toEqual([429, 429, 200]);
		expect(emulator.apps).toHaveLength(1);
	});

	test.each([
		['get', 'GET'],
		['getAll', 'GET'],
		['update', 'PATCH'],
		['delete', 'DELETE'],
		['create', 'POST'],
	])('without Retry-After (%s): a short backoff, then success', async (operation, method) => {
		const [id] = await seedApps(1);
		emulator.failNext({ status: 429, method, pathIncludes: '/apps' });
		const parameters: INodeParameters =
			operation === 'create'
				? smsApp()
				: {
						resource: 'app',
						operation,
						appId: byId(id),
						returnAll: true,
						updateFields: { displayName: 'renamed' },
					};
		const { error } = await runNode({ credentials: emulatorCredentials(emulator), parameters });
		expect(error).toBeUndefined();
		expect(
			appRequests(emulator)
				.filter((r) => r.method === method)
				.map((r) => r.status),
		).toEqual([429, 200]);
	});

	test('gives up after 4 tries and says how long Sinch asks to wait still', async () => {
		emulator.failNext({ status: 429, pathIncludes: '/apps', times: 4 });
		const { error, outputs } = await runNode({
			credentials: emulatorCredentials(emulator),
			parameters: smsApp(),
			onError: 'continueErrorOutput',
		});
		expect(outputs[1][0].json.error).toMatch(
			/^Sinch answered 429 .*the node tried 4 times: wait at least 4 seconds, then run the item again/,
		);
		expect(outputs[1][0].json.details).toMatch(
			/rate limited\) 4 times in \d+ seconds, and did nothing with it\. The node stopped retrying$/,
		);
		expect(error).toBeUndefined();
		expect(appRequests(emulator)).toHaveLength(4);
		expect(emulator.apps).toHaveLength(0);
	});

	test('a Retry-After too long to wait: one try, the wait in the message', async () => {
		emulator.failNext({ status: 429, pathIncludes: '/apps', retryAfter: 600 });
		const { error } = await runNode({
			credentials: emulatorCredentials(emulator),
			parameters: smsApp(),
		});
		expect(error?.message).toMatch(/Sinch asks to wait 600 seconds more/);
		expect(appRequests(emulator)).toHaveLength(1);
	});

	test('5xx and lost answers on a create are not retried', async () => {
		emulator.failNext({ status: 503, pathIncludes: '/apps' });
		emulator.dropNext({ pathIncludes: '/apps', afterProcessing: true });
		const { outputs } = await runNode({
			credentials: emulatorCredentials(emulator),
			parameters: named(),
			items: items(2),
			onError: 'continueErrorOutput',
		});
		expect(outputs[1]).toHaveLength(2);
		expect(appRequests(emulator)).toHaveLength(2);
	});
});

describe('the batch is checked as a whole', () => {
	const GOOD_BAD_GOOD = [{ name: 'good-0' }, { name: '' }, { name: 'good-2' }];

	test('continue-on-fail off: one bad item stops the node with nothing sent', async () => {
		const { error } = await runNode({
			credentials: emulatorCredentials(emulator),
			parameters: named(),
			items: GOOD_BAD_GOOD,
		});
		expect(error?.message).toMatch(/Display Name/);
		expect(error?.context?.itemIndex).toBe(1);
		expect(emulator.requests).toEqual([]);
	});

	test.each(['continueErrorOutput', 'continueRegularOutput'] as Array<INode['onError']>)(
		'%s: the bad item is set aside, the others are sent',
		async (onError) => {
			const { outputs } = await runNode({
				credentials: emulatorCredentials(emulator),
				parameters: named(),
				items: GOOD_BAD_GOOD,
				onError,
			});
			const all = onError === 'continueErrorOutput' ? [...outputs[0], ...outputs[1]] : outputs[0];
			expect(
				all
					.map((item) => item.pairedItem)
					.sort((a, b) => (a as { item: number }).item - (b as { item: number }).item),
			).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			expect(emulator.apps.map((app) => app.display_name).sort()).toEqual(['good-0', 'good-2']);
		},
	);
});

describe('when the node stops, the error says what was already done', () => {
	test('creates: item → app ID for every app made, and which items were not sent', async () => {
		emulator.failNext({ status: 400, bodyIncludes: '"made-2"' });
		const { error } = await runNode({
			credentials: emulatorCredentials(emulator),
			parameters: { ...named(), options: { maxConcurrency: 1 } },
			items: items(9, 'made'),
		});
		expect(error?.context?.itemIndex).toBe(2);
		const made = emulator.apps.map((app) => [app.display_name, app.id]);
		expect(made.map(([name]) => name)).toEqual(['made-0', 'made-1']);
		expect(error?.description).toContain(
			`Before the node stopped, these items were already created: item 0 → app ${made[0][1]}, item 1 → app ${made[1][1]}. Running them again makes a second app each; leave them out of the next run.`,
		);
		expect(error?.description).toContain('Not sent: items 3–8.');
	});

	test('concurrent creates: every app made is named, whichever items they were', async () => {
		emulator.setLatency(20);
		emulator.failNext({ status: 500, bodyIncludes: '"made-3"' });
		const { error } = await runNode({
			credentials: emulatorCredentials(emulator),
			parameters: named(),
			items: items(8, 'made'),
		});
		expect(error?.context?.itemIndex).toBe(3);
		const made = emulator.apps.filter((app) => app.display_name !== 'made-3');
		expect(made.length).toBeGreaterThanOrEqual(1);
		for (const app of made) {
			const item = Number(app.display_name.split('-')[1]);
			expect(error?.description).toContain(`item ${item} → app ${app.id}`);
		}
	});
});

test('the other items in flight when the node stopped: said to be sent, with their own errors, apart from those not sent', async () => {
	// Items 1 to 11 reach the emulator together (the first item goes alone): Sinch drops 10 and 11 and refuses the rest.
	emulator.setLatency(30);
	for (const name of ['late-10', 'late-11'])
		emulator.dropNext({ method: 'POST', pathIncludes: '/apps', bodyIncludes: `"${name}"` });
	emulator.failNext({ status: 400, times: 9, method: 'POST', bodyIncludes: '"late-' });
	const { error } = await runNode({
		credentials: emulatorCredentials(emulator),
		parameters: { ...named(), options: { maxConcurrency: 11 } },
		items: [{ name: 'first' }, ...items(14, 'late').slice(1)],
	});
	// Whichever of them failed first stops the node; the others are reported as sent.
	const stopped = Number(error?.context?.itemIndex);
	expect(stopped).toBeGreaterThanOrEqual(1);
	expect(stopped).toBeLessThanOrEqual(9);
	const description = String(error?.description);
	expect(description).toContain('these items were already created: item 0 → app');
	expect(description).toMatch(
		/Also sent before the node stopped, and failed: items [\d–, ]+: Sinch answered 400 .*?; items 10, 11: No answer from Sinch to the create: [^.]*may or may not exist now\. Not sent: items 12, 13\.$/,
	);
	expect(appRequests(emulator).filter((r) => r.method === 'POST')).toHaveLength(12);
});

describe('Retry On Fail', () => {
	test('on a Create node: refused before anything is sent', async () => {
		const { error } = await runNode({
			credentials: emulatorCredentials(emulator),
			parameters: named(),
			items: items(2),
			settings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 },
		});
		expect(error?.message).toBe(
			'Retry On Fail cannot be used with Create: it would create items again',
		);
		expect(error?.description).toMatch(/Turn off Retry On Fail in the node's Settings/);
		expect(emulator.requests).toEqual([]);
	});

	test('on a Get node: allowed', async () => {
		const [id] = await seedApps(1);
		const { error } = await runNode({
			credentials: emulatorCredentials(emulator),
			parameters: { resource: 'app', operation: 'get', appId: byId(id) },
			settings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 },
		});
		expect(error).toBeUndefined();
	});
});

describe('the token request', () => {
	test('a 429 from the token service is waited out, then the run goes on with one token', async () => {
		emulator.failNext({ status: 429, pathIncludes: '/oauth2/token' });
		const { error, outputs } = await runNode({
			credentials: emulatorCredentials(emulator),
			parameters: named(),
			items: items(3),
		});
		expect(error).toBeUndefined();
		expect(outputs[0]).toHaveLength(3);
		expect(tokenRequests(emulator).map((r) => r.status)).toEqual([429, 200]);
	});

	test('a token service that keeps answering 429 fails the run with its own message, after 4 tries', async () => {
		emulator.failNext({ status: 429, pathIncludes: '/oauth2/token', times: 4 });
		const { error } = await runNode({
			credentials: emulatorCredentials(emulator),
			parameters: named(),
			items: items(3),
		});
		expect(error?.message).toMatch(/The Sinch token service is rate limiting this key \(429\)/);
		expect(tokenRequests(emulator)).toHaveLength(4);
		expect(appRequests(emulator)).toHaveLength(0);
	});
});
