/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/**
 * The Sinch Conversation Trigger in real n8n (2.41.1, `n8n start`) against the emulator, with the example workflow
 * test/examples/trigger-inbound-message.json (its app set to one made in the emulator):
 *   - published (`n8n publish:workflow` before start), n8n registers the webhook: the emulator holds one HTTP webhook
 *     for the production URL, with a secret;
 *   - the emulator delivers a signed inbound message: 200, and n8n runs the workflow (IF → "Show the text");
 *   - a forged signature gets 401 and no execution;
 *   - "Listen for test event" (the editor's REST call) registers the test URL; an emulator callback runs the
 *     workflow manually, after which n8n removes the test webhook again, and the production one stays;
 *   - unpublishing removes the webhook from the emulator.
 *
 *   npm run build && npx jest -c jest.e2e.config.js test/e2e/trigger.test.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ensureRuntime, type N8nRuntime } from '../../scripts/n8n/cache';
import { ensureOwner, type Session } from '../../scripts/n8n/owner';
import { n8nCli, startN8nServer, waitForReady, type N8nServer } from '../../scripts/n8n/process';
import { freePort, prepareUserFolder, type UserFolder } from '../../scripts/n8n/userFolder';
import { startEmulator, type Emulator, type Webhook } from '../emulator';
import { rest as restCall, until as untilDone } from './published';
import { importTriggerExample, TRIGGER_WEBHOOK_ID } from './triggerExample';

const TEXT = 'Hello n8n, this is the emulator';

let runtime: N8nRuntime;
let emulator: Emulator;
let server: N8nServer | undefined;
let folder: UserFolder;
let root: string;
let session: Session;
let appId: string;
let workflowId: string;
const timings: string[] = [];

const until = <T>(
	what: string,
	probe: () => T | undefined | Promise<T | undefined>,
	timeoutMs?: number,
) => untilDone(what, probe, { timings, server }, timeoutMs);
const rest = (method: string, route: string, body?: unknown) =>
	restCall(server!, session, method, route, body);

interface ExecutionSummary {
	id: string;
	mode: string;
	status: string;
}

async function executions(): Promise<ExecutionSummary[]> {
	const data = await rest(
		'GET',
		`/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`,
	);
	return (data.results as ExecutionSummary[]).filter((execution) => execution.status !== 'new');
}

/** The execution's stored run data (n8n keeps it as `flatted` text: the values appear in it as plain strings). */
async function executionData(id: string): Promise<string> {
	return String((await rest('GET', `/executions/${id}`)).data);
}

const ourWebhooks = (kind: 'webhook' | 'webhook-test'): Webhook[] =>
	emulator.webhooks.filter(
		(webhook) => webhook.app_id === appId && webhook.target.startsWith(`${server!.url}/${kind}/`),
	);

beforeAll(async () => {
	runtime = await ensureRuntime();
	emulator = await startEmulator({ port: 0 });
	root = mkdtempSync(path.join(tmpdir(), 'sinch-n8n-trigger-'));
	folder = prepareUserFolder(root);

	const started = Date.now();
	({ appId, workflowId } = await importTriggerExample(
		runtime,
		folder,
		emulator,
		'Trigger e2e app',
	));
	await n8nCli(runtime, folder, ['publish:workflow', `--id=${workflowId}`]);
	timings.push(`import and publish: ${((Date.now() - started) / 1000).toFixed(1)} s`);

	server = await startN8nServer(runtime, folder, { port: await freePort(), logLevel: 'debug' });
	timings.push(`n8n ready: ${((await waitForReady(server)) / 1000).toFixed(1)} s`);
	session = (await ensureOwner(server.url)).session;
}, 600_000);

afterAll(async () => {
	await server?.stop();
	await emulator?.close();
	if (root) rmSync(root, { recursive: true, force: true });
	if (timings.length > 0)
		process.stderr.write(`[trigger.test] timings:\n  ${timings.join('\n  ')}\n`);
});

test('published: n8n registered one HTTP webhook with the production URL and a secret, warning about the local URL', async () => {
	const [webhook] = await until('the webhook on the emulator', () =>
		ourWebhooks('webhook').length > 0 ? ourWebhooks('webhook') : undefined,
	);
	expect(ourWebhooks('webhook')).toHaveLength(1);
	expect(webhook.target).toBe(`${server!.url}/webhook/${TRIGGER_WEBHOOK_ID}/webhook`);
	expect(webhook).toMatchObject({
		target_type: 'HTTP',
		triggers: ['MESSAGE_INBOUND', 'MESSAGE_DELIVERY'],
	});
	expect(webhook.secret).toMatch(/^[A-Za-z0-9]{40}$/);
	expect(emulator.webhooks.filter((entry) => entry.app_id === appId)).toHaveLength(1);
	// n8n's log has the node's warning; never the secret.
	await until('the WEBHOOK_URL warning', () =>
		server!.output().includes('set the WEBHOOK_URL environment variable') ? true : undefined,
	);
	expect(server!.output()).not.toContain(webhook.secret);
});

test('a signed inbound message runs the workflow: 200 at once, then the IF sends the text to "Show the text"', async () => {
	const before = (await executions()).length;
	const [delivery] = await emulator.deliver({
		appId,
		trigger: 'MESSAGE_INBOUND',
		body: { message: { contact_message: { text_message: { text: TEXT } } } },
	});
	expect(delivery.status).toBe(200);
	const [execution] = await until('the execution', async () => {
		const list = await executions();
		return list.length > before && list[0].status === 'success' ? list : undefined;
	});
	expect(execution).toMatchObject({ mode: 'webhook', status: 'success' });
	const data = await executionData(execution.id);
	expect(data).toContain('Show the text');
	expect(data).toContain(TEXT);
	// "Show the text" joins the flat fields `channel` and `identity` (trigger version 2, as the example is saved).
	expect(data).toContain('SMS 46701234567');
	expect(data).toContain('MESSAGE_INBOUND');
	expect(data).not.toContain('"Other event"');
});

test('a forged signature gets 401 and starts no execution', async () => {
	const before = await executions();
	const [forged] = await emulator.deliver({
		appId,
		trigger: 'MESSAGE_INBOUND',
		forgeSignature: true,
	});
	expect(forged.status).toBe(401);
	// A delivery with a valid signature after it does run: so by then the forged one would have shown up too.
	const [genuine] = await emulator.deliver({ appId, trigger: 'MESSAGE_DELIVERY' });
	expect(genuine.status).toBe(200);
	const after = await until('the execution of the genuine delivery', async () => {
		const list = await executions();
		return list.length > before.length && list.every((execution) => execution.status === 'success')
			? list
			: undefined;
	});
	expect(after.length - before.length).toBe(1);
	expect(await executionData(after[0].id)).toContain('Other event');
});

test('"Listen for test event" registers the test URL, runs the workflow with a callback, then removes only that webhook', async () => {
	const production = ourWebhooks('webhook');
	const answer = await rest('POST', `/workflows/${workflowId}/run`, {
		triggerToStartFrom: { name: 'On Sinch event' },
	});
	expect(answer).toMatchObject({ waitingForWebhook: true });
	const [test] = await until('the test webhook', () =>
		ourWebhooks('webhook-test').length > 0 ? ourWebhooks('webhook-test') : undefined,
	);
	expect(test.target).toBe(`${server!.url}/webhook-test/${TRIGGER_WEBHOOK_ID}/webhook`);
	expect(test.secret).not.toBe(production[0].secret);

	const deliveries = await emulator.deliver({
		appId,
		trigger: 'MESSAGE_INBOUND',
		body: { message: { contact_message: { text_message: { text: 'test event' } } } },
	});
	expect(deliveries.map((delivery) => delivery.status)).toEqual([200, 200]);
	const manual = await until('the manual execution', async () => {
		const found = (await executions()).find(
			(execution) => execution.mode === 'manual' && execution.status === 'success',
		);
		return found;
	});
	expect(await executionData(manual.id)).toContain('test event');
	await until('the test webhook removed', () =>
		ourWebhooks('webhook-test').length === 0 ? true : undefined,
	);
	expect(ourWebhooks('webhook')).toEqual(production);
});

test('unpublishing removes the webhook from the emulator', async () => {
	await rest('POST', `/workflows/${workflowId}/deactivate`, {});
	await until('the webhook removed', () =>
		emulator.webhooks.some((webhook) => webhook.app_id === appId) ? undefined : true,
	);
	expect(emulator.webhooks.filter((webhook) => webhook.app_id === appId)).toEqual([]);
	// An event now reaches nobody.
	expect(await emulator.deliver({ appId, trigger: 'MESSAGE_INBOUND' })).toEqual([]);
});
