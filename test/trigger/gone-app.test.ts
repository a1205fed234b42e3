/**
 * Publishing a trigger whose app is gone (deleted, or an emulator started empty): the error says the app was not
 * found, in the words App → Delete uses for the same 404, not that the project or address is wrong.
 */
import { startEmulator, type Emulator } from '../emulator';
import { runNode } from '../harness/engine';
import { emulatorCredentials, smsApp } from '../harness/setup';
import { TriggerHarness } from '../harness/trigger';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => await emulator.close());

test('the trigger and App → Delete say the same of an app that is gone', async () => {
	const made = await runNode({
		parameters: smsApp('Soon gone'),
		credentials: emulatorCredentials(emulator),
	});
	const appId = String(made.outputs[0][0].json.id);
	const app = { __rl: true, mode: 'id', value: appId };
	const deleted = await runNode({
		parameters: { resource: 'app', operation: 'delete', appId: app },
		credentials: emulatorCredentials(emulator),
	});
	expect(deleted.error).toBeUndefined();

	const again = await runNode({
		parameters: { resource: 'app', operation: 'delete', appId: app },
		credentials: emulatorCredentials(emulator),
	});
	expect(again.error?.message).toBe(`App ${appId} was not found (404)`);

	const trigger = new TriggerHarness({
		parameters: { app, events: ['MESSAGE_INBOUND'], options: {} },
		credentials: emulatorCredentials(emulator),
	});
	await trigger.listen();
	try {
		const published = await trigger.activate().then(
			() => undefined,
			(error: unknown) => error as Error & { description?: string },
		);
		expect(published?.message).toBe(again.error?.message);
		expect(published?.description).toBe(again.error?.description);
		expect(published?.message).not.toMatch(/project/i);
	} finally {
		await trigger.close();
	}
	expect(emulator.webhooks).toEqual([]);
});
