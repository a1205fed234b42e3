/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/**
 * The example test/examples/contact-external-id-on-inbound.json in real n8n against the emulator, published with its
 * app (in CONVERSATION mode) picked: an inbound SMS made through the emulator's `POST /_emulator/events` runs Sinch
 * Conversation Trigger → Contact Get (the trigger's contact_id) → Contact Update (external ID) → Message Send (Reply to
 * Trigger Item). The contact Sinch keeps for the sender gets the external ID, and the reply goes to the same identity,
 * on the same channel, through the same app.
 *
 *   flock /tmp/e2e.lock npm run test:e2e -- test/e2e/contact-on-inbound.test.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ensureRuntime, type N8nRuntime } from '../../scripts/n8n/cache';
import { ensureOwner, type Session } from '../../scripts/n8n/owner';
import { n8nCli, startN8nServer, waitForReady, type N8nServer } from '../../scripts/n8n/process';
import { freePort, prepareUserFolder, type UserFolder } from '../../scripts/n8n/userFolder';
import { startEmulator, type Emulator } from '../emulator';
import { emulatorApi } from '../harness/emulatorApi';
import { importExamplesWithApp, rest, successfulExecutions, until } from './published';

const WORKFLOW_ID = 'sinchExContactId';
const SENDER = { channel: 'SMS', identity: '46705550177' };

let runtime: N8nRuntime;
let emulator: Emulator;
let server: N8nServer | undefined;
let folder: UserFolder;
let root: string;
let session: Session;
let appId: string;
const timings: string[] = [];

beforeAll(async () => {
	runtime = await ensureRuntime();
	emulator = await startEmulator({ port: 0 });
	emulator.setDeliveryReports({ mode: 'off' });
	root = mkdtempSync(path.join(tmpdir(), 'sinch-n8n-contacts-'));
	folder = prepareUserFolder(root);
	const app = await emulatorApi(emulator, 'POST', '/apps', {
		display_name: 'Contacts e2e app',
		processing_mode: 'CONVERSATION',
		channel_credentials: [
			{ channel: 'SMS', static_bearer: { claimed_identity: 'plan-1', token: 'sms-token' } },
		],
	});
	appId = String(app.id);
	await importExamplesWithApp(runtime, folder, emulator, ['contact-external-id-on-inbound.json'], {
		id: appId,
		name: 'Contacts e2e app',
	});
	await n8nCli(runtime, folder, ['publish:workflow', `--id=${WORKFLOW_ID}`]);
	server = await startN8nServer(runtime, folder, { port: await freePort() });
	timings.push(`n8n ready: ${((await waitForReady(server)) / 1000).toFixed(1)} s`);
	session = (await ensureOwner(server.url)).session;
	await until(
		"the trigger's webhook on the emulator",
		() => (emulator.webhooks.some((webhook) => webhook.app_id === appId) ? true : undefined),
		{ timings, server },
	);
}, 600_000);

afterAll(async () => {
	await server?.stop();
	await emulator?.close();
	if (root) rmSync(root, { recursive: true, force: true });
	if (timings.length > 0)
		process.stderr.write(`[contact-on-inbound.test] timings:\n  ${timings.join('\n  ')}\n`);
});

test('an inbound SMS: its contact gets the external ID, and the reply goes to the same identity', async () => {
	const event = await fetch(`${emulator.url}/_emulator/events`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			app_id: appId,
			trigger: 'MESSAGE_INBOUND',
			from: SENDER,
			text: 'Hello, who am I?',
		}),
	});
	expect(event.status).toBe(200);
	const { message } = (await event.json()) as { message: { contact_id: string } };
	const contactId = message.contact_id;
	expect(contactId).not.toBe('');
	expect(emulator.contacts.find((contact) => contact.id === contactId)?.external_id).toBe('');

	const reply = await until('the reply', () => emulator.sentMessages[0], { timings, server });
	expect(reply.request).toEqual({
		app_id: appId,
		recipient: { identified_by: { channel_identities: [SENDER] } },
		message: {
			text_message: { text: `Thanks! Your customer number is crm-${SENDER.identity}.` },
		},
	});
	// The same contact Sinch matched the sender to: the reply joined its conversation.
	expect(reply.message.contact_id).toBe(contactId);
	expect(emulator.contacts.find((contact) => contact.id === contactId)?.external_id).toBe(
		`crm-${SENDER.identity}`,
	);
	const contactCalls = emulator.requests
		.filter((request) => request.path.includes('/contacts'))
		.map((request) => `${request.method} ${request.path.replace(/^.*\/contacts/, '/contacts')}`);
	expect(contactCalls).toEqual([`GET /contacts/${contactId}`, `PATCH /contacts/${contactId}`]);

	const [execution] = await until(
		'the successful execution',
		async () => {
			const list = await successfulExecutions(server!, session, WORKFLOW_ID);
			return list.length > 0 ? list : undefined;
		},
		{ timings, server },
	);
	const data = String((await rest(server!, session, 'GET', `/executions/${execution.id}`)).data);
	expect(data).toContain(reply.message.id);
}, 120_000);
