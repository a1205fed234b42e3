/* eslint-disable @n8n/community-nodes/no-restricted-imports -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/**
 * The example test/examples/create-app-wait-for-channels.json in the real n8n CLI (`n8n execute`) against the emulator,
 * whose new channels stay PENDING for 0.4 s: the node waits for them, and the IF node branches on the result. Then
 * the same workflow with the WhatsApp credentials rejected: the item leaves on the error output with Sinch's reason.
 *
 *   npm run build && npx jest -c jest.e2e.config.js test/e2e/provisioning.test.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ensureRuntime, type N8nRuntime } from '../../scripts/n8n/cache';
import {
	emulatorCredentials,
	importCredentials,
	importWorkflows,
} from '../../scripts/n8n/importData';
import { prepareUserFolder, type UserFolder } from '../../scripts/n8n/userFolder';
import { startEmulator, type Emulator } from '../emulator';
import { executeWorkflow, executedNodes, outputJson } from './n8nRun';

const WORKFLOW_ID = 'sinchExWaitChann';
const ACTIVATION_MS = 400;

let runtime: N8nRuntime;
let emulator: Emulator;
let userRoot: string;
let folder: UserFolder;

beforeAll(async () => {
	runtime = await ensureRuntime();
	emulator = await startEmulator({ channelActivationMs: ACTIVATION_MS });
	userRoot = mkdtempSync(path.join(tmpdir(), 'sinch-n8n-provisioning-'));
	folder = prepareUserFolder(userRoot);
	await importCredentials(runtime, folder, emulatorCredentials(emulator));
	await importWorkflows(runtime, folder);
}, 600_000);

afterAll(async () => {
	await emulator?.close();
	if (userRoot) rmSync(userRoot, { recursive: true, force: true });
});

const appCalls = (since: number) =>
	emulator.requests
		.slice(since)
		.filter((entry) => entry.path.includes('/apps'))
		.map((entry) => `${entry.method} ${entry.status}`);

test('create-app-wait-for-channels.json waits until SMS and WhatsApp are ACTIVE, then takes the "live" branch', async () => {
	const mark = emulator.requests.length;
	const { run } = await executeWorkflow(runtime, folder, WORKFLOW_ID);
	expect(executedNodes(run)).toEqual([
		"When clicking 'Execute workflow'",
		'Create app and wait',
		'All channels live?',
		'Channels live',
	]);
	const [created] = outputJson(run, 'Create app and wait');
	expect(created).toMatchObject({
		display_name: 'Live channels (example)',
		channelStatus: { result: 'ACTIVE', active: ['SMS', 'WHATSAPP'], failing: [], pending: [] },
	});
	expect(JSON.stringify(created)).not.toContain('example-whatsapp-token');
	expect(outputJson(run, 'Channels live')).toEqual([created]);
	// The create answered PENDING; the node read the app again until the emulator's 0.4 s had passed.
	const calls = appCalls(mark);
	expect(calls[0]).toBe('POST 200');
	expect(calls.length).toBeGreaterThanOrEqual(2);
	expect(calls.slice(1).every((call) => call === 'GET 200')).toBe(true);
	expect((created.channelStatus as { checks: number }).checks).toBe(calls.length - 1);
	expect(
		emulator.apps.map((app) => app.channel_credentials.map((entry) => entry.state.status)),
	).toEqual([['ACTIVE', 'ACTIVE']]);
}, 120_000);

test('a rejected WhatsApp credential sends the item to the error output, naming the channel, the reason and the app', async () => {
	emulator.rejectCredential({
		channel: 'WHATSAPP',
		description: 'The WhatsApp sender is not approved yet',
	});
	const { run } = await executeWorkflow(runtime, folder, WORKFLOW_ID);
	expect(executedNodes(run)).toEqual([
		"When clicking 'Execute workflow'",
		'Create app and wait',
		'A channel failed',
	]);
	const app = emulator.apps.at(-1)!;
	const [failed] = outputJson(run, 'Create app and wait', 1);
	expect(failed.error).toBe(
		`Channel WHATSAPP of app ${app.id} is FAILING: The WhatsApp sender is not approved yet`,
	);
	expect(String(failed.details)).toContain(`The app ${app.id} exists`);
	expect(app.channel_credentials.map((entry) => entry.state.status)).toEqual(['ACTIVE', 'FAILING']);
}, 120_000);
