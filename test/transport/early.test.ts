/**
 * Issue 19, through n8n-core's engine against the emulator: while a run checks its items, the token request (OAuth2)
 * or the operation's read (Basic, a key new to this n8n process) may already go; nothing that makes anything at Sinch
 * leaves before the last item is checked.
 */
import { startEmulator, type Emulator, type RequestLogEntry } from '../emulator';
import { runNode } from '../harness/engine';
import { appRequests, emulatorCredentials, smsApp, tokenRequests } from '../harness/setup';

// An emulator of its own per test: another address makes another key for the process's list of accepted keys.
let emulator: Emulator;
beforeEach(async () => {
	emulator = await startEmulator();
});
afterEach(async () => await emulator.close());

/** The last item's name records when n8n evaluated it: the moment the last item was checked. */
const timed = () => ({
	...smsApp(),
	displayName: "={{ $json.last ? 'checked-' + Date.now() : $json.name }}",
});
const items = (count: number) =>
	Array.from({ length: count }, (_, i) => ({ name: `app-${i}`, last: i === count - 1 }));
const nameOf = (request: RequestLogEntry) =>
	String((request.body as { display_name?: string } | undefined)?.display_name);
const lastCheckedAt = () =>
	Number(
		nameOf(appRequests(emulator).find((r) => nameOf(r).startsWith('checked-'))!).slice(
			'checked-'.length,
		),
	);
const creates = () => appRequests(emulator).filter((r) => r.method === 'POST');
const reads = () => appRequests(emulator).filter((r) => r.method === 'GET');

test('OAuth2 without a token: the token request goes while the items are checked, the creates after', async () => {
	const { error, outputs } = await runNode({
		credentials: emulatorCredentials(emulator),
		parameters: timed(),
		items: items(600),
	});
	expect(error).toBeUndefined();
	expect(outputs[0]).toHaveLength(600);
	const checked = lastCheckedAt();
	const [token] = tokenRequests(emulator);
	expect(tokenRequests(emulator)).toHaveLength(1);
	expect(token.receivedAt).toBeLessThan(checked);
	expect(Math.min(...creates().map((r) => r.receivedAt))).toBeGreaterThanOrEqual(checked);
	expect(reads()).toEqual([]);
});

describe('Basic, a key this process has not seen accepted', () => {
	test('a bad last item: the app list may have been read, nothing was created', async () => {
		const { error } = await runNode({
			credentials: emulatorCredentials(emulator, { authentication: 'basic' }),
			parameters: { ...smsApp(), displayName: '={{ $json.name }}' },
			items: [...items(999), { name: '' }],
		});
		expect(error?.message).toMatch(/Display Name/);
		expect(error?.context?.itemIndex).toBe(999);
		expect(creates()).toEqual([]);
		expect(reads().length).toBeLessThanOrEqual(1);
	});

	test('a refused key: the read gets 401, no create is sent, every item says so', async () => {
		const { outputs } = await runNode({
			credentials: emulatorCredentials(emulator, {
				authentication: 'basic',
				keySecret: 'not-the-secret',
			}),
			parameters: timed(),
			items: items(5),
			onError: 'continueErrorOutput',
		});
		expect(appRequests(emulator).map((r) => [r.method, r.status])).toEqual([['GET', 401]]);
		expect(outputs[1]).toHaveLength(5);
		for (const item of outputs[1]) expect(String(item.json.error)).toMatch(/401/);
	});

	test('one item: no read, just the create', async () => {
		const { error } = await runNode({
			credentials: emulatorCredentials(emulator, { authentication: 'basic' }),
			parameters: smsApp(),
		});
		expect(error).toBeUndefined();
		expect(appRequests(emulator).map((r) => r.method)).toEqual(['POST']);
	});

	test('the app list is read while the items are checked; then the creates go without waiting for one another', async () => {
		emulator.delayNext({ ms: 300, bodyIncludes: '"app-0"' });
		const { error, outputs } = await runNode({
			credentials: emulatorCredentials(emulator, { authentication: 'basic' }),
			parameters: timed(),
			items: items(600),
		});
		expect(error).toBeUndefined();
		expect(outputs[0]).toHaveLength(600);
		const checked = lastCheckedAt();
		expect(reads()).toHaveLength(1);
		expect(reads()[0].receivedAt).toBeLessThan(checked);
		expect(Math.min(...creates().map((r) => r.receivedAt))).toBeGreaterThanOrEqual(checked);
		const first = creates().find((r) => nameOf(r) === 'app-0')!;
		expect(creates().filter((r) => r.receivedAt < first.answeredAt!).length).toBeGreaterThan(50);
	});
});
