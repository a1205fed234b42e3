/**
 * Timeout (Seconds) and Max Concurrent Requests out of range are refused with the range, before anything is sent,
 * instead of aborting at once (a timeout a timer cannot hold) or silently falling back to the default.
 */
import type { INodeParameters } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { emulatorCredentials, smsApp } from '../harness/setup';

const emulator = emulatorPerFile();

test.each<[string, INodeParameters, RegExp]>([
	[
		'Timeout 3000000',
		{ timeout: 3000000 },
		/^Timeout \(Seconds\) 3000000 is not a number from 1 to 600$/,
	],
	[
		'Timeout Infinity',
		{ timeout: '={{ Infinity }}' },
		/^Timeout \(Seconds\) Infinity is not a number from 1 to 600$/,
	],
	['Timeout 0', { timeout: 0 }, /^Timeout \(Seconds\) 0 is not/],
	['Timeout -5', { timeout: -5 }, /^Timeout \(Seconds\) -5 is not/],
	['Timeout "abc"', { timeout: 'abc' }, /^Timeout \(Seconds\) "abc" is not/],
	[
		'Max Concurrent Requests 0',
		{ maxConcurrency: 0 },
		/^Max Concurrent Requests 0 is not a number from 1 to 100$/,
	],
	['Max Concurrent Requests -1', { maxConcurrency: -1 }, /^Max Concurrent Requests -1 is not/],
	[
		'Max Concurrent Requests "abc"',
		{ maxConcurrency: 'abc' },
		/^Max Concurrent Requests "abc" is not/,
	],
])('%s is refused before anything is sent', async (_name, options, message) => {
	const { error } = await runNode({
		parameters: { ...smsApp(), options },
		credentials: emulatorCredentials(emulator),
	});
	expect(error?.message).toMatch(message);
	expect(error?.description).toMatch(/Nothing was sent\.$/);
	expect(emulator.requests).toEqual([]);
});
