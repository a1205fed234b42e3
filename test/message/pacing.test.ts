/**
 * Sends run at the app's outbound rate (its rate_limits.outbound, read with the app), so a batch meets no 429 where
 * an unpaced one would; the pace is shared by concurrent executions in one process.
 */
import { bookSlot, PACE_MARGIN, resetPacing } from '../../nodes/SinchConversation/transport/pacing';
import { startEmulator, type Emulator } from '../emulator';
import { runNode } from '../harness/engine';
import { emulatorCredentials } from '../harness/setup';
import { messagingApp, sendParameters, sendRequests } from './setup';

describe('slots', () => {
	beforeEach(resetPacing);

	it('books evenly spaced slots per key, each key on its own', () => {
		const gap = (1000 / 25) * PACE_MARGIN;
		const waits = [0, 1, 2].map(() => bookSlot('app-a', 25, 1_000));
		waits.forEach((wait, index) => expect(wait).toBeCloseTo(index * gap, 6));
		expect(bookSlot('app-b', 25, 1_000)).toBe(0);
	});

	it('a slot in the past is not owed: an idle lane starts again at once', () => {
		bookSlot('app-a', 10, 1_000);
		expect(bookSlot('app-a', 10, 5_000)).toBe(0);
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

	it('25 items to an app limited to 10 a second: no 429, each sent once, in order', async () => {
		const items = numbers(25);
		const result = await broadcast(items);
		expect(result.error).toBeUndefined();
		expect(sendRequests(emulator).filter((request) => request.status === 429)).toHaveLength(0);
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

	it('two executions at once through the same app share its rate: still no 429', async () => {
		const [first, second] = await Promise.all([
			broadcast(numbers(12)),
			broadcast(numbers(12, 100)),
		]);
		expect(first.error).toBeUndefined();
		expect(second.error).toBeUndefined();
		expect(sendRequests(emulator).filter((request) => request.status === 429)).toHaveLength(0);
		expect(emulator.sentMessages).toHaveLength(24);
	});
});
