/**
 * Issue 19, through n8n-core's engine against the emulator: a run reads its credential once and hands it to n8n with
 * every request; its other requests wait for the first one's token, not its whole create; a batch goes in one wave of
 * up to 100; each 429 halves the wave; a bad item still stops the run before anything is sent.
 */
import { startEmulator, type Emulator, type RequestLogEntry } from '../emulator';
import { CREDENTIAL_ID, runNode } from '../harness/engine';
import {
	appRequests,
	emulatorCredentials,
	peakInFlight,
	smsApp,
	tokenRequests,
} from '../harness/setup';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => await emulator.close());
beforeEach(() => {
	emulator.reset();
	emulator.setLatency(0);
});

const named = () => ({ ...smsApp(), displayName: '={{ $json.name }}' });
const items = (count: number, prefix = 'app') =>
	Array.from({ length: count }, (_, i) => ({ name: `${prefix}-${i}` }));
const nameOf = (request: RequestLogEntry) =>
	String((request.body as { display_name?: string } | undefined)?.display_name);

describe('the credential', () => {
	test('is read once per run, not once per request, and every request carries one token', async () => {
		const credentials = emulatorCredentials(emulator);
		const { error, outputs } = await runNode({
			credentials,
			parameters: named(),
			items: items(30),
		});
		expect(error).toBeUndefined();
		expect(outputs[0]).toHaveLength(30);
		expect(credentials.reads).toBe(1);
		expect(tokenRequests(emulator)).toHaveLength(1);
	});

	test('a token fetched in the run is saved for the next run, which fetches none', async () => {
		const credentials = emulatorCredentials(emulator);
		await runNode({ credentials, parameters: named(), items: items(3) });
		await runNode({ credentials, parameters: named(), items: items(3, 'again') });
		expect(tokenRequests(emulator)).toHaveLength(1);
		expect(emulator.apps).toHaveLength(6);
	});
});

describe('the start of a run', () => {
	test('OAuth2 without a stored token: the other items wait for the token, not for the first create', async () => {
		emulator.delayNext({ ms: 400, bodyIncludes: '"start-0"' });
		const { error, outputs } = await runNode({
			credentials: emulatorCredentials(emulator),
			parameters: named(),
			items: items(6, 'start'),
		});
		expect(error).toBeUndefined();
		expect(outputs[0].map((item) => [item.json.display_name, item.pairedItem])).toEqual(
			items(6, 'start').map((item, i) => [item.name, { item: i }]),
		);
		const creates = appRequests(emulator);
		const first = creates.find((r) => nameOf(r) === 'start-0')!;
		// Items 1-5 reached Sinch while item 0's create was still unanswered.
		expect(creates.filter((r) => r.receivedAt < first.answeredAt!)).toHaveLength(6);
		expect(tokenRequests(emulator)).toHaveLength(1);
	});

	test('OAuth2 with a stored token that is not about to expire: no request waits for another', async () => {
		const credentials = emulatorCredentials(emulator);
		await runNode({ credentials, parameters: named(), items: items(1, 'earlier') });
		emulator.delayNext({ ms: 400, bodyIncludes: '"stored-0"' });
		const { error } = await runNode({
			credentials,
			parameters: named(),
			items: items(5, 'stored'),
		});
		expect(error).toBeUndefined();
		const creates = appRequests(emulator).filter((r) => nameOf(r).startsWith('stored-'));
		const first = creates.find((r) => nameOf(r) === 'stored-0')!;
		expect(creates.filter((r) => r.receivedAt < first.answeredAt!)).toHaveLength(5);
		expect(tokenRequests(emulator)).toHaveLength(1);
	});

	test('OAuth2 with a stored token about to expire: a new token comes before the first create, then none waits', async () => {
		const credentials = emulatorCredentials(emulator);
		await runNode({ credentials, parameters: named(), items: items(1, 'earlier') });
		const saved = credentials.saved.get(CREDENTIAL_ID)!;
		credentials.store(CREDENTIAL_ID, { ...saved, accessTokenExpires: String(Date.now() + 5_000) });
		emulator.delayNext({ ms: 200, bodyIncludes: '"expiring-0"' });
		const { error } = await runNode({
			credentials,
			parameters: named(),
			items: items(5, 'expiring'),
		});
		expect(error).toBeUndefined();
		const creates = appRequests(emulator).filter((r) => nameOf(r).startsWith('expiring-'));
		const first = creates.find((r) => nameOf(r) === 'expiring-0')!;
		expect(creates.filter((r) => r.receivedAt < first.answeredAt!)).toHaveLength(5);
		const [, refresh] = tokenRequests(emulator);
		expect(refresh.answeredAt).toBeLessThanOrEqual(Math.min(...creates.map((r) => r.receivedAt)));
		expect(creates.every((r) => r.status === 200)).toBe(true);
	});

	test('Basic with a refused key: one request, the other items are not sent', async () => {
		const { outputs } = await runNode({
			credentials: emulatorCredentials(emulator, {
				authentication: 'basic',
				keySecret: 'not-the-secret',
			}),
			parameters: named(),
			items: items(8),
			onError: 'continueErrorOutput',
		});
		expect(outputs[1]).toHaveLength(8);
		expect(appRequests(emulator).map((r) => r.status)).toEqual([401]);
	});

	test('Basic with a key Sinch accepted earlier in this process: no request waits for another', async () => {
		const credentials = emulatorCredentials(emulator, { authentication: 'basic' });
		await runNode({ credentials, parameters: named(), items: items(1, 'known') });
		emulator.delayNext({ ms: 400, bodyIncludes: '"basic-0"' });
		const { error } = await runNode({ credentials, parameters: named(), items: items(5, 'basic') });
		expect(error).toBeUndefined();
		const creates = appRequests(emulator).filter((r) => nameOf(r).startsWith('basic-'));
		const first = creates.find((r) => nameOf(r) === 'basic-0')!;
		expect(creates.filter((r) => r.receivedAt < first.answeredAt!)).toHaveLength(5);
	});
});

describe('the wave', () => {
	test('a batch of 100 goes in one wave; 150 items never have more than 100 in flight', async () => {
		// Long enough that, on a loaded machine, the first answer does not come before the hundredth request leaves.
		emulator.setLatency(400);
		const { error, outputs } = await runNode({
			credentials: emulatorCredentials(emulator),
			parameters: named(),
			items: items(150),
		});
		expect(error).toBeUndefined();
		expect(outputs[0].map((item) => item.pairedItem)).toEqual(
			items(150).map((_, i) => ({ item: i })),
		);
		// Wider than the former 50: the whole first hundred was in flight together.
		expect(peakInFlight(appRequests(emulator))).toBe(100);
	});

	test('each 429 halves the wave; refused items are sent again and made once', async () => {
		emulator.setLatency(30);
		emulator.failNext({ status: 429, pathIncludes: '/apps', retryAfter: 0 });
		const { error, outputs } = await runNode({
			credentials: emulatorCredentials(emulator),
			parameters: { ...named(), options: { maxConcurrency: 8 } },
			items: items(40, 'limited'),
		});
		expect(error).toBeUndefined();
		expect(outputs[0]).toHaveLength(40);
		const creates = appRequests(emulator);
		expect(creates.map((r) => r.status).filter((status) => status === 429)).toEqual([429]);
		expect(emulator.apps.map((app) => app.display_name).sort()).toEqual(
			items(40, 'limited')
				.map((item) => item.name)
				.sort(),
		);
		// Once the first wave (sent before any 429 was known) is answered, at most 8 / 2 are in flight.
		const firstWave = creates.slice(0, 8);
		const waveEnd = Math.max(...firstWave.map((r) => r.answeredAt!));
		expect(peakInFlight(creates.filter((r) => r.receivedAt > waveEnd))).toBeLessThanOrEqual(4);
	});

	test('a bad last item of 150 stops the run before any API request; only the token request may have gone', async () => {
		const batch = [...items(149), { name: '' }];
		const { error } = await runNode({
			credentials: emulatorCredentials(emulator),
			parameters: named(),
			items: batch,
		});
		expect(error?.message).toMatch(/Display Name/);
		expect(error?.context?.itemIndex).toBe(149);
		expect(emulator.requests.filter((r) => r.path !== '/oauth2/token')).toEqual([]);
		expect(tokenRequests(emulator).length).toBeLessThanOrEqual(1);
	});
});
