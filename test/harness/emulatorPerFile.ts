import { startEmulator, type Emulator, type EmulatorOptions } from '../emulator';

/**
 * One emulator for the test file, started before its tests, reset before each and closed after them. Returns the
 * getter of the running emulator (it exists only once the file's tests run).
 */
export function emulatorPerFile(options: EmulatorOptions = {}): () => Emulator {
	let emulator: Emulator | undefined;
	beforeAll(async () => {
		emulator = await startEmulator(options);
	});
	afterAll(async () => {
		await emulator?.close();
	});
	beforeEach(() => emulator?.reset());
	return () => {
		if (!emulator) throw new Error('the emulator runs only inside the tests of the file');
		return emulator;
	};
}
