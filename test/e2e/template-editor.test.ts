/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/**
 * Send → Template in the real n8n editor (2.41.1, Chromium through playwright-core) against the emulator: a workflow
 * with a Send node set to a WhatsApp template is imported; in the editor the template is picked from the list (which
 * shows the emulator's seeded templates with their states), its variables appear as named fields, they are filled in
 * and the step is run; the emulator receives one send whose parameters carry Sinch's keys.
 * Screenshots go to test-artifacts/e2e/; docs/editor-send-template.png is written when missing, or always with
 * SINCH_E2E_UPDATE_DOCS=1.
 *
 *   npm run build && npx jest -c jest.e2e.config.js test/e2e/template-editor.test.ts
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import {
	launchEditorBrowser,
	saveDebugArtifacts,
	type EditorBrowser,
} from '../../scripts/n8n/browser';
import { ensureRuntime } from '../../scripts/n8n/cache';
import {
	EMULATOR_CREDENTIALS,
	emulatorCredentials,
	importCredentials,
} from '../../scripts/n8n/importData';
import { ensureOwner } from '../../scripts/n8n/owner';
import { n8nCli, startN8nServer, waitForReady, type N8nServer } from '../../scripts/n8n/process';
import { freePort, NODE_TYPE, packageRoot, prepareUserFolder } from '../../scripts/n8n/userFolder';
import { startEmulator, type Emulator } from '../emulator';
import { openNode, until } from './editorSession';
import { emulatorApi } from '../harness/emulatorApi';

const ARTIFACTS = path.join(packageRoot, 'test-artifacts', 'e2e');
const DOCS_SCREENSHOT = path.join(packageRoot, 'docs', 'editor-send-template.png');
const WORKFLOW_ID = 'sinchTemplateEditor1';
const NODE_NAME = 'Send order update';

let emulator: Emulator;
let server: N8nServer | undefined;
let browser: EditorBrowser | undefined;
let root: string;

const sends = () => emulator.requests.filter((request) => request.path.endsWith('/messages:send'));

beforeAll(async () => {
	mkdirSync(ARTIFACTS, { recursive: true });
	const runtime = await ensureRuntime();
	emulator = await startEmulator({ port: 0 });
	root = mkdtempSync(path.join(tmpdir(), 'sinch-e2e-template-editor-'));
	const folder = prepareUserFolder(root);

	const app = await emulatorApi(emulator, 'POST', '/apps', {
		display_name: 'Order updates',
		channel_credentials: [
			{ channel: 'WHATSAPP', static_bearer: { claimed_identity: 'wa-sender', token: 'wa-token' } },
		],
	});
	const workflow = {
		id: WORKFLOW_ID,
		name: 'Send a WhatsApp template',
		active: false,
		settings: {},
		connections: {
			Start: { main: [[{ node: NODE_NAME, type: 'main', index: 0 }]] },
		},
		nodes: [
			{
				id: 'start',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'send',
				name: NODE_NAME,
				type: NODE_TYPE,
				typeVersion: 2,
				position: [240, 0],
				parameters: {
					resource: 'message',
					operation: 'send',
					recipientType: 'phone',
					phoneNumber: '+46701112233',
					phoneChannels: ['WHATSAPP'],
					appId: { __rl: true, mode: 'id', value: String(app.id) },
					messageType: 'template',
					templateKind: 'whatsapp',
				},
				credentials: { sinchConversationApi: EMULATOR_CREDENTIALS.oAuth2 },
			},
		],
	};
	const file = path.join(root, 'template-workflow.json');
	writeFileSync(file, JSON.stringify([workflow]));
	await importCredentials(runtime, folder, emulatorCredentials(emulator));
	await n8nCli(runtime, folder, ['import:workflow', `--input=${file}`]);

	server = await startN8nServer(runtime, folder, { port: await freePort() });
	await waitForReady(server);
	await ensureOwner(server.url);
	browser = await launchEditorBrowser({
		viewport: { width: 1400, height: 1300 },
		actionTimeoutMs: 30_000,
	});
}, 600_000);

afterAll(async () => {
	await browser?.close();
	await server?.stop();
	await emulator?.close();
	if (root) rmSync(root, { recursive: true, force: true });
}, 60_000);

test('the editor picks a WhatsApp template, shows its fields, and a send reaches the emulator with the right keys', async () => {
	const page = browser!.page;
	try {
		const ndv = await openNode(page, server!.url, WORKFLOW_ID, NODE_NAME);

		// The picker lists the seeded templates with their states; only the approved one is picked.
		await ndv.getByTestId('parameter-input-whatsappTemplate').click();
		const option = page.getByText('delivery_photo (en_US) – APPROVED', { exact: true });
		await option.waitFor();
		await page.getByText('welcome_code (en_US) – PENDING', { exact: true }).waitFor();
		await page.screenshot({ path: path.join(ARTIFACTS, 'send-template-picker.png') });
		await option.click();

		// Its variables appear as named fields, labelled with the template's examples.
		const mapper = ndv.getByTestId('mapping-fields-container');
		await mapper.getByText('Body {{2}} (e.g. your pa…)').waitFor();
		const labels = (await mapper.getByTestId('input-label').allInnerTexts()).map((label) =>
			label.split('\n')[0].trim(),
		);
		expect(labels).toEqual([
			'Parameters',
			'Image (e.g. parcel.jpg)',
			'Body {{1}} (e.g. Ana)',
			'Body {{2}} (e.g. your pa…)',
			'Button 1 URL Suffix',
			'Button 2 Reply Payload',
			'Button 3 Reply Payload',
		]);

		const values: Record<string, string> = {
			'header[1]image.link': 'https://cdn.example.com/parcel-42.jpg',
			'body[1]text': 'Ada',
			'body[2]text': 'your blue parcel',
			'button[0]url[1]text': 'A-42',
		};
		for (const [key, value] of Object.entries(values)) {
			const field = mapper.getByTestId(`parameter-input-${key}`);
			await field.locator('input, textarea, [contenteditable="true"]').first().fill(value);
		}
		await page.evaluate('document.activeElement && document.activeElement.blur()');
		await mapper
			.getByTestId('parameter-input-button[2]quick_reply[1]payload')
			.scrollIntoViewIfNeeded();
		await page.mouse.move(10, 1290);
		await page.waitForTimeout(500);
		const shot = path.join(ARTIFACTS, 'send-template-fields.png');
		await page.screenshot({ path: shot });
		if (!existsSync(DOCS_SCREENSHOT) || process.env.SINCH_E2E_UPDATE_DOCS === '1')
			copyFileSync(shot, DOCS_SCREENSHOT);

		await ndv.getByTestId('node-execute-button').click();
		await until('the send at the emulator', () => sends().length === 1);
		const body = sends()[0].body as IDataObject;
		expect((body.message as IDataObject).template_message).toEqual({
			channel_template: {
				WHATSAPP: {
					template_id: 'delivery_photo',
					language_code: 'en_US',
					parameters: {
						...values,
						'button[1]quick_reply[1]payload': '',
						'button[2]quick_reply[1]payload': '',
					},
				},
			},
		});
		await ndv.getByText('message_id').first().waitFor();
		await page.screenshot({ path: path.join(ARTIFACTS, 'send-template-sent.png') });
	} catch (error) {
		await saveDebugArtifacts(page, ARTIFACTS, 'failure-template-editor');
		writeFileSync(
			path.join(ARTIFACTS, 'failure-template-editor-n8n.log'),
			server?.output().slice(-50_000) ?? '',
		);
		throw error;
	}
}, 300_000);
