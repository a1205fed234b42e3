/**
 * Sends run at the app's outbound rate (its rate_limits.outbound, read with the app), so a batch meets no 429 where
 * an unpaced one would; the pace is shared by concurrent executions in one process.
 */
import {
	answered,
	IN_FLIGHT_MS,
	leave,
	newLane,
	pace,
	resetPacing,
	waitFor,
	WINDOW_MARGIN_MS,
	WINDOW_MS,
} from '../../nodes/SinchConversation/transport/pacing';
import { startEmulator, type Emulator } from '../emulator';
import { runNode } from '../harness/engine';
import { emulatorCredentials } from '../harness/setup';
import { messagingApp, sendParameters, sendRequests } from './setup';

/** The most times that fall within any one window of `ms` (a sliding window, as the emulator counts). */
function peakIn(times: number[], ms: number): number {
	const sorted = [...times].sort((a, b) => a - b);
	let peak = 0;
	for (let first = 0, last = 0; last < sorted.length; last++) {
		while (sorted[last] - sorted[first] >= ms) first++;
		peak = Math.max(peak, last - first + 1);
	}
	return peak;
}

describe('turns', () => {
	/** A request that left at `left` and was answered `roundTrip` ms later. */
	const sendAt = (lane: ReturnType<typeof newLane>, rate: number, left: number, roundTrip = 2) =>
		answered(lane, leave(lane, rate, left), left + roundTrip);

	it('spaces requests 1/N apart, and an idle lane starts again at once', () => {
		const lane = newLane();
		expect(waitFor(lane, 25, 1_000)).toBe(0);
		sendAt(lane, 25, 1_000);
		expect(waitFor(lane, 25, 1_000)).toBe(40);
		expect(waitFor(lane, 25, 1_030)).toBe(10);
		expect(waitFor(lane, 25, 5_000)).toBe(0);
		sendAt(lane, 25, 5_000);
		expect(waitFor(lane, 25, 5_000)).toBe(40);
	});

	it('late requests keep the schedule, which catches up at half the spacing; a second idle starts it again', () => {
		const lane = newLane();
		sendAt(lane, 25, 1_000);
		sendAt(lane, 25, 1_055);
		expect(waitFor(lane, 25, 1_055)).toBe(25);
		// 120 ms behind: the next goes 20 ms after this one, not 40.
		sendAt(lane, 25, 1_200);
		expect(waitFor(lane, 25, 1_200)).toBe(20);
		sendAt(lane, 25, 3_000);
		expect(waitFor(lane, 25, 3_000)).toBe(40);
	});

	it('the N+1-th waits a second after the N-th last was answered, less the fastest round trip, and the margin', () => {
		const lane = newLane();
		// Ten requests 100 ms apart, answered 5 ms after leaving, but the first one's answer took 150 ms (a stall).
		sendAt(lane, 10, 0, 150);
		for (let i = 1; i < 10; i++) sendAt(lane, 10, i * 100, 5);
		expect(waitFor(lane, 10, 1_000)).toBe(150 - 5 + WINDOW_MARGIN_MS);
		// Without the stall, only the margin and the round trip over the fastest.
		const calm = newLane();
		for (let i = 0; i < 10; i++) sendAt(calm, 10, i * 100, 5);
		expect(waitFor(calm, 10, 1_000)).toBe(WINDOW_MARGIN_MS);
	});

	it('a request still in flight holds the lane back until it is answered, or for at most IN_FLIGHT_MS', () => {
		const lane = newLane();
		const first = leave(lane, 2, 0);
		sendAt(lane, 2, 500);
		expect(waitFor(lane, 2, 1_100)).toBeGreaterThan(0);
		expect(waitFor(lane, 2, IN_FLIGHT_MS)).toBe(0);
		answered(lane, first, 1_200);
		expect(waitFor(lane, 2, 1_200)).toBe(1_200 - 2 + WINDOW_MS + WINDOW_MARGIN_MS - 1_200);
	});

	it('whatever the stalls, Sinch never sees N+1 requests within a second, and the run keeps the rate', () => {
		// A fake clock and a fake Sinch: each request leaves when allowed, late by a random amount (a busy process),
		// then takes a random time to reach Sinch (a stall now and then) and as long again to be answered.
		let seed = 7;
		const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
		const delay = () => (random() < 0.05 ? random() * 150 : 1 + random() * 3);
		for (const rate of [10, 25]) {
			const lane = newLane();
			const taken: number[] = [];
			const pending: Array<{ at: number; sent: ReturnType<typeof leave> }> = [];
			let now = 0;
			for (let request = 0; request < 500; request++) {
				for (;;) {
					// Answers that have come back by now are known.
					for (const done of pending.filter((entry) => entry.at <= now))
						answered(lane, done.sent, done.at);
					const wait = waitFor(lane, rate, now);
					if (wait === 0) break;
					now += wait;
				}
				now += delay();
				const sent = leave(lane, rate, now);
				const arrives = now + delay();
				taken.push(arrives);
				pending.push({ at: arrives + delay(), sent });
			}
			expect(peakIn(taken, WINDOW_MS)).toBeLessThanOrEqual(rate);
			// The floor is 500 / rate seconds; the margin and the stalls cost a few per cent.
			expect(now / ((500 / rate) * 1000)).toBeLessThan(1.1);
		}
	});

	it('callers of one key take turns in real time; another key has its own', async () => {
		resetPacing();
		const started = Date.now();
		const times: Record<string, number[]> = { a: [], b: [] };
		await Promise.all(
			[...'aaaaaabb'].map(async (key) => {
				const done = await pace(key, 20);
				times[key].push(Date.now() - started);
				done();
			}),
		);
		const gaps = times.a.slice(1).map((time, index) => time - times.a[index]);
		for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(45);
		expect(times.b[0]).toBeLessThan(45);
	});
});

describe('through the engine against the emulator', () => {
	let emulator: Emulator;
	let appId: string;
	beforeAll(async () => {
		emulator = await startEmulator();
	});
	afterAll(async () => {
		await emulator.close();
	});
	beforeEach(async () => {
		resetPacing();
		emulator.reset();
		emulator.setDeliveryReports({ mode: 'off' });
		appId = String((await messagingApp(emulator, ['SMS'])).id);
		emulator.setOutboundRateLimit(10, appId);
	});

	const numbers = (count: number, from = 0) =>
		Array.from({ length: count }, (_, index) => ({
			phone: `+467011${String(from + index).padStart(5, '0')}`,
		}));
	const broadcast = (items: object[]) =>
		runNode({
			parameters: {
				...sendParameters(appId, { messageType: 'text', text: 'Sale starts now' }),
				recipientType: 'phone',
				phoneNumber: '={{ $json.phone }}',
				phoneChannels: ['SMS'],
			},
			items: items as never,
			credentials: emulatorCredentials(emulator),
		});
	// Unpaced, these runs meet a 429 for most sends beyond the first ten. Paced, none in the bench's runs; here one or
	// two are let pass, since a loaded test machine can hold a request back past the emulator's window (the
	// simulated-clock tests above hold the rule itself exactly).
	const MOST_429S = 2;
	const refused = () => sendRequests(emulator).filter((request) => request.status === 429);

	it('25 items to an app limited to 10 a second: (almost) no 429, each sent once, in order', async () => {
		const items = numbers(25);
		const result = await broadcast(items);
		expect(result.error).toBeUndefined();
		expect(refused().length).toBeLessThanOrEqual(MOST_429S);
		const sentTo = emulator.sentMessages.map(
			(stored) =>
				(
					stored.request as {
						recipient: { identified_by: { channel_identities: Array<{ identity: string }> } };
					}
				).recipient.identified_by.channel_identities[0].identity,
		);
		expect(new Set(sentTo).size).toBe(25);
		expect(result.outputs[0].map((item) => item.pairedItem)).toEqual(
			items.map((_, item) => ({ item })),
		);
	});

	it('two executions at once through the same app share its rate: still (almost) no 429', async () => {
		const [first, second] = await Promise.all([
			broadcast(numbers(12)),
			broadcast(numbers(12, 100)),
		]);
		expect(first.error).toBeUndefined();
		expect(second.error).toBeUndefined();
		expect(refused().length).toBeLessThanOrEqual(MOST_429S);
		expect(emulator.sentMessages).toHaveLength(24);
	});

	it("a 429's retry takes a turn too: no second holds more sends than the limit, the refused one included", async () => {
		// Sinch refuses the 8th send; the node sends it again after its backoff (0.5 s without Retry-After), which,
		// outside the pace, would be an eleventh send within a second.
		emulator.failNext({
			pathIncludes: '/messages:send',
			bodyIncludes: '+46701100007',
			status: 429,
		});
		const result = await broadcast(numbers(25));
		expect(result.error).toBeUndefined();
		const sends = sendRequests(emulator);
		expect(sends.filter((request) => request.status === 429)).toHaveLength(1);
		expect(sends).toHaveLength(26);
		expect(emulator.sentMessages).toHaveLength(25);
		expect(
			peakIn(
				sends.map((request) => request.receivedAt),
				WINDOW_MS,
			),
		).toBeLessThanOrEqual(10);
	});
});
