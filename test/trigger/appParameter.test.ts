/**
 * The trigger's App parameter: no pattern check in the By ID mode (n8n would run it on every execution), so a
 * malformed ID is refused when the workflow is published instead, with the help text, before any request.
 */
import { startEmulator, type Emulator } from '../emulator';
import { emulatorCredentials } from '../harness/setup';
import { TriggerHarness, triggerType } from '../harness/trigger';

let emulator: Emulator;
let harness: TriggerHarness | undefined;

beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => await emulator.close());
afterEach(async () => await harness?.close());

test('By ID has no per-execution pattern check; From List is unchanged', () => {
	const app = triggerType.description.properties.find((property) => property.name === 'app');
	expect(app?.modes?.map((mode) => [mode.name, mode.validation])).toEqual([
		['list', undefined],
		['id', undefined],
	]);
});

test('publishing with an ID that cannot be an app ID is refused with the help, and nothing is sent', async () => {
	harness = new TriggerHarness({
		parameters: {
			app: { __rl: true, mode: 'id', value: 'not-an-app' },
			events: ['MESSAGE_INBOUND'],
			options: {},
		},
		credentials: emulatorCredentials(emulator),
	});
	await harness.listen();
	const before = emulator.requests.length;
	await expect(harness.activate()).rejects.toMatchObject({
		message: 'The App parameter "not-an-app" is not a Sinch app ID',
		description: expect.stringContaining('26 letters and digits'),
	});
	expect(emulator.requests.length).toBe(before);
});
