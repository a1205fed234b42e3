/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/**
 * The webhook examples in the real n8n 2.41.1 against the Sinch emulator: `n8n execute` runs
 * test/examples/app-webhook-to-n8n.json, which creates an app and a webhook whose target is the Webhook node of
 * test/examples/app-webhook-receiver.json; that workflow is then published and `n8n start` serves its Webhook node,
 * and a signed inbound-message callback from the emulator goes through it.
 *
 *   npm run build && npx jest -c jest.e2e.config.js test/e2e/webhook.test.ts      (about a minute)
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ensureRuntime, type N8nRuntime } from '../../scripts/n8n/cache';
import { EXAMPLES_DIR, emulatorCredentials, importCredentials } from '../../scripts/n8n/importData';
import {
	n8nCli,
	runN8nCli,
	startN8nServer,
	tail,
	waitForReady,
	type N8nServer,
} from '../../scripts/n8n/process';
import { freePort, prepareUserFolder, type UserFolder } from '../../scripts/n8n/userFolder';
import { SIGNATURE_HEADERS, ULID_PATTERN, startEmulator, type Emulator } from '../emulator';
import { executedNodes, outputJson, parseRunOutput } from './n8nRun';

const WORKFLOW_ID = 'sinchExWebhook';
const RECEIVER_ID = 'sinchExWebhookIn';
const MASK = '********';

let runtime: N8nRuntime;
let emulator: Emulator;
let userRoot: string;
let folder: UserFolder;
let port: number;
let server: N8nServer | undefined;

beforeAll(async () => {
	runtime = await ensureRuntime();
	emulator = await startEmulator({ port: 0 });
	userRoot = mkdtempSync(path.join(tmpdir(), 'sinch-n8n-webhook-'));
	folder = prepareUserFolder(userRoot);
	port = await freePort();
	await importCredentials(runtime, folder, emulatorCredentials(emulator));
	for (const file of ['app-webhook-to-n8n.json', 'app-webhook-receiver.json'])
		await n8nCli(runtime, folder, ['import:workflow', `--input=${path.join(EXAMPLES_DIR, file)}`]);
}, 600_000);

afterAll(async () => {
	await server?.stop();
	await emulator?.close();
	if (userRoot) rmSync(userRoot, { recursive: true, force: true });
});

test('the example creates an app and a signed webhook aimed at the receiving Webhook node, which then receives a callback', async () => {
	// The same port as the server started below, so the Production URL the example works out is the one it serves.
	const result = await runN8nCli(
		runtime,
		folder,
		['execute', `--id=${WORKFLOW_ID}`, '--rawOutput'],
		{ port, timeoutMs: 90_000 },
	);
	const run = parseRunOutput(result.stdout);
	expect([run.status, run.data.resultData.error?.message]).toEqual(['success', undefined]);
	expect(executedNodes(run)).toEqual([
		"When clicking 'Execute workflow'",
		'Create app',
		'Create webhook',
	]);

	const [app] = outputJson(run, 'Create app');
	const appId = String(app.id);
	expect(appId).toMatch(ULID_PATTERN);
	const created = outputJson(run, 'Create webhook');
	expect(created).toHaveLength(1);
	const target = `http://127.0.0.1:${port}/webhook/sinch-example-events`;
	expect(created[0]).toMatchObject({
		app_id: appId,
		target,
		target_type: 'HTTP',
		triggers: ['MESSAGE_INBOUND', 'MESSAGE_DELIVERY'],
	});
	// The generated secret is shown this once; Sinch (the emulator) stores the same one.
	const secret = String(created[0].secret);
	expect(secret).toMatch(/^[A-Za-z0-9]{40}$/);
	expect(secret).not.toBe(MASK);
	expect(emulator.webhooks).toEqual([
		expect.objectContaining({ id: created[0].id, app_id: appId, target, secret }),
	]);
	// The example lists the app's webhooks before creating one, and sends one create.
	const webhookCalls = emulator.requests
		.filter((entry) => entry.path.includes('/webhooks'))
		.map((entry) => entry.method);
	expect(webhookCalls).toEqual(['GET', 'POST']);

	await n8nCli(runtime, folder, ['publish:workflow', `--id=${RECEIVER_ID}`]);
	server = await startN8nServer(runtime, folder, { port, logLevel: 'warn' });
	await waitForReady(server);

	const [delivery] = await deliverWhenListening(appId);
	expect(delivery).toMatchObject({ target, status: 200, ok: true });
	expect(delivery.headers[SIGNATURE_HEADERS.algorithm]).toBe('HmacSHA256');
	const nonce = delivery.headers[SIGNATURE_HEADERS.nonce];
	const timestamp = delivery.headers[SIGNATURE_HEADERS.timestamp];
	const expected = createHmac('sha256', secret)
		.update(`${delivery.rawBody}.${nonce}.${timestamp}`)
		.digest('base64');
	expect(delivery.headers[SIGNATURE_HEADERS.signature]).toBe(expected);
	// Read event (the last node) answers what n8n received: the app, the event key, the text and the signature header.
	const answer = JSON.parse(
		delivery.attempts[delivery.attempts.length - 1].responseBody ?? '{}',
	) as Record<string, unknown>;
	expect(answer).toEqual({
		app_id: appId,
		event: 'message',
		text: 'Hello from n8n e2e',
		signed: true,
	});
});

/** n8n registers a published workflow's webhooks shortly after it reports ready; retry a 404 for a few seconds. */
async function deliverWhenListening(appId: string) {
	const until = Date.now() + 30_000;
	for (;;) {
		const deliveries = await emulator.deliver({
			appId,
			trigger: 'MESSAGE_INBOUND',
			body: { message: { contact_message: { text_message: { text: 'Hello from n8n e2e' } } } },
		});
		if (deliveries[0]?.status !== 404 || Date.now() > until) {
			if (deliveries[0]?.status !== 200)
				process.stderr.write(`n8n output:\n${tail(server?.output() ?? '', 3000)}\n`);
			return deliveries;
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}
