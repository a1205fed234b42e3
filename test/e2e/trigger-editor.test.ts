/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/**
 * "Listen for test event" in the real n8n editor (2.41.1, Chromium through playwright-core): the example trigger
 * workflow, its app set to one in the emulator, opened in the editor; the trigger's button registers the test URL on
 * the emulator, the emulator delivers a signed inbound message, the panel shows it, and n8n removes the test webhook.
 * Screenshots go to test-artifacts/e2e/.
 *
 *   npm run build && npx jest -c jest.e2e.config.js test/e2e/trigger-editor.test.ts
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import {
	launchEditorBrowser,
	saveDebugArtifacts,
	type EditorBrowser,
} from '../../scripts/n8n/browser';
import { ensureRuntime } from '../../scripts/n8n/cache';
import { ensureOwner } from '../../scripts/n8n/owner';
import { startN8nServer, waitForReady, type N8nServer } from '../../scripts/n8n/process';
import { freePort, packageRoot, prepareUserFolder } from '../../scripts/n8n/userFolder';
import { startEmulator, type Emulator } from '../emulator';
import { openNode, until } from './editorSession';
import { importTriggerExample } from './triggerExample';

const ARTIFACTS = path.join(packageRoot, 'test-artifacts', 'e2e');
const TEXT = 'Hello from the editor test';

let emulator: Emulator;
let server: N8nServer | undefined;
let browser: EditorBrowser | undefined;
let root: string;
let appId: string;
let workflowId: string;

const testWebhooks = () =>
	emulator.webhooks.filter((webhook) => webhook.target.startsWith(`${server!.url}/webhook-test/`));

beforeAll(async () => {
	mkdirSync(ARTIFACTS, { recursive: true });
	const runtime = await ensureRuntime();
	emulator = await startEmulator({ port: 0 });
	root = mkdtempSync(path.join(tmpdir(), 'sinch-e2e-trigger-editor-'));
	const folder = prepareUserFolder(root);

	({ appId, workflowId } = await importTriggerExample(
		runtime,
		folder,
		emulator,
		'Editor trigger app',
	));

	server = await startN8nServer(runtime, folder, { port: await freePort() });
	await waitForReady(server);
	await ensureOwner(server.url);
	browser = await launchEditorBrowser({ actionTimeoutMs: 30_000 });
}, 600_000);

afterAll(async () => {
	await browser?.close();
	await server?.stop();
	await emulator?.close();
	if (root) rmSync(root, { recursive: true, force: true });
}, 60_000);

test('"Listen for test event" registers the test URL, shows the delivered message, and removes the test webhook', async () => {
	const page = browser!.page;
	try {
		const ndv = await openNode(page, server!.url, workflowId, 'On Sinch event');
		await ndv.getByTestId('trigger-execute-button').click();
		await ndv.getByTestId('trigger-listening').waitFor();
		await until('the test webhook on the emulator', () => testWebhooks().length === 1);
		expect(testWebhooks()[0]).toMatchObject({
			app_id: appId,
			target_type: 'HTTP',
			triggers: ['MESSAGE_INBOUND', 'MESSAGE_DELIVERY'],
		});
		await page.screenshot({ path: path.join(ARTIFACTS, 'trigger-listening.png') });

		const [delivery] = await emulator.deliver({
			appId,
			trigger: 'MESSAGE_INBOUND',
			body: { message: { contact_message: { text_message: { text: TEXT } } } },
		});
		expect(delivery.status).toBe(200);
		await ndv.getByText(TEXT).first().waitFor();
		await page.screenshot({ path: path.join(ARTIFACTS, 'trigger-test-event.png') });
		await until('the test webhook removed', () => testWebhooks().length === 0);
		expect(emulator.webhooks.filter((webhook) => webhook.app_id === appId)).toEqual([]);
	} catch (error) {
		await saveDebugArtifacts(page, ARTIFACTS, 'failure-trigger-editor');
		writeFileSync(
			path.join(ARTIFACTS, 'failure-trigger-editor-n8n.log'),
			server?.output().slice(-50_000) ?? '',
		);
		throw error;
	}
}, 180_000);
