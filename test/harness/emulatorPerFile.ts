import { startEmulator, type Emulator, type EmulatorOptions } from '../emulator';

/**
 * One emulator for the test file: started before its tests, reset before each, closed after them. The returned object
 * stands for the running emulator, so a file's set-up is one line and its tests read `emulator.url` as before.
 */
export function emulatorPerFile(options: EmulatorOptions = {}): Emulator {
	let running: Emulator | undefined;
	beforeAll(async () => {
		running = await startEmulator(options);
	});
	afterAll(async () => {
		await running?.close();
	});
	beforeEach(() => running?.reset());
	return new Proxy({} as Emulator, {
		get(_, key) {
			if (!running) throw new Error('the emulator runs only inside the tests of the file');
			const value: unknown = Reflect.get(running, key, running);
			return typeof value === 'function'
				? (value as (...args: unknown[]) => unknown).bind(running)
				: value;
		},
	});
}
