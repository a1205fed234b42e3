/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/**
 * Send and Wait for Response in real n8n (2.41.1, `n8n start`, WEBHOOK_URL set) against the emulator. A published
 * workflow (Webhook → Sinch Conversation "Send and Wait for Response" by SMS → "Answered") is started on its
 * production URL; the test reads the answer link from the SMS the emulator received, opens it as a phone's browser
 * would, and the execution finishes with the answer. Also: n8n lists the approval tool it generates from the node.
 *
 *   flock /tmp/e2e.lock npm run test:e2e -- test/e2e/sendAndWait.test.ts
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ensureRuntime, type N8nRuntime } from '../../scripts/n8n/cache';
import { emulatorCredentials, EXAMPLES_DIR, importCredentials } from '../../scripts/n8n/importData';
import { launchEditorBrowser } from '../../scripts/n8n/browser';
import { ensureOwner, type Session } from '../../scripts/n8n/owner';
import { n8nCli, startN8nServer, waitForReady, type N8nServer } from '../../scripts/n8n/process';
import {
	freePort,
	NODE_TYPE,
	packageRoot,
	prepareUserFolder,
	type UserFolder,
} from '../../scripts/n8n/userFolder';
import { startEmulator, type Emulator } from '../emulator';
import { emulatorApi } from '../harness/emulatorApi';
import {
	ASK_PATH,
	ASK_WORKFLOW_ID,
	askWorkflow,
	executionOfLink,
	linkIn,
	PHONE_BROWSER,
	smsOf,
} from './sendAndWaitWorkflow';
import { rest as restCall, until as untilDone } from './published';

const HITL_TOOL = `${NODE_TYPE}HitlTool`;
/** The answer page as a phone shows it, for the README. */
const PAGE_SCREENSHOT = path.join(packageRoot, 'docs', 'send-and-wait-answer-page.png');
const AGENT_EXAMPLE = path.join(EXAMPLES_DIR, 'ai-agent-approval-by-sms.json');
const PHONE = '46701234567';

let runtime: N8nRuntime;
let emulator: Emulator;
let server: N8nServer | undefined;
let folder: UserFolder;
let root: string;
let session: Session;
let appId: string;
let publicBase: string;

const timings: string[] = [];
const until = <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs?: number) =>
	untilDone(what, probe, { timings, server }, timeoutMs);
const rest = (route: string) => restCall(server!, session, 'GET', route);

const sends = () => emulator.requests.filter((request) => request.path.endsWith('/messages:send'));

/** Starts the workflow and returns the SMS text the emulator received, and the execution's ID. */
async function ask(
	question: string,
	responseType: string,
): Promise<{ sms: string; executionId: string }> {
	const before = sends().length;
	emulator.failNext({
		pathIncludes: '/messages:send',
		status: 200,
		body: { message_id: '01JE2EMSG00000000000000000', accepted_time: new Date().toISOString() },
	});
	const started = await fetch(`${server!.url}/webhook/${ASK_PATH}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ to: PHONE, question, responseType }),
	});
	expect(started.status).toBe(200);
	const send = await until('the SMS', async () => sends()[before]);
	const sms = smsOf(send.body);
	const executionId = executionOfLink(linkIn(sms));
	await until('the execution waiting', async () =>
		(await rest(`/executions/${executionId}`)).status === 'waiting' ? true : undefined,
	);
	return { sms, executionId };
}

async function finished(executionId: string): Promise<string> {
	const execution = await until('the execution finished', async () => {
		const found = await rest(`/executions/${executionId}`);
		return found.status === 'success' ? found : undefined;
	});
	return String(execution.data);
}

beforeAll(async () => {
	runtime = await ensureRuntime();
	emulator = await startEmulator({ port: 0 });
	root = mkdtempSync(path.join(tmpdir(), 'sinch-n8n-sendwait-'));
	folder = prepareUserFolder(root);
	const app = await emulatorApi(emulator, 'POST', '/apps', {
		display_name: 'Send and Wait e2e',
		channel_credentials: [
			{ channel: 'SMS', static_bearer: { claimed_identity: 'plan-1', token: 'sms-token' } },
		],
	});
	appId = String(app.id);
	const file = path.join(root, 'workflow.json');
	writeFileSync(file, JSON.stringify([askWorkflow(appId)]));
	await importCredentials(runtime, folder, emulatorCredentials(emulator));
	await n8nCli(runtime, folder, ['import:workflow', `--input=${file}`]);
	await n8nCli(runtime, folder, ['publish:workflow', `--id=${ASK_WORKFLOW_ID}`]);
	const port = await freePort();
	// The public address n8n puts in links: another host name than the one n8n listens on.
	publicBase = `http://localhost:${port}/`;
	server = await startN8nServer(runtime, folder, { port, env: { WEBHOOK_URL: publicBase } });
	await waitForReady(server);
	session = (await ensureOwner(server.url)).session;
}, 600_000);

afterAll(async () => {
	await server?.stop();
	await emulator?.close();
	if (root) rmSync(root, { recursive: true, force: true });
});

test('approval by SMS: one link behind WEBHOOK_URL; its page approves, and the execution finishes with approved true', async () => {
	const { sms, executionId } = await ask('Refund 120 EUR to order 1042?', 'approval');
	const link = linkIn(sms);
	expect(link.startsWith(`${publicBase}webhook-waiting/${executionId}/`)).toBe(true);
	process.stderr.write(`[sendAndWait e2e] SMS (${sms.length} characters):\n${sms}\n`);
	// A link preview does not answer; the page shows the buttons and answers nothing either.
	const preview = await fetch(link, { headers: { 'user-agent': 'WhatsApp/2.23.20.0 A' } });
	expect(preview.status).toBe(200);
	const page = await (await fetch(link, { headers: { 'user-agent': PHONE_BROWSER } })).text();
	expect(page).toContain('<button>Approve</button>');
	expect((await rest(`/executions/${executionId}`)).status).toBe('waiting');
	const answered = await fetch(link, {
		method: 'POST',
		headers: { 'user-agent': PHONE_BROWSER, 'content-type': 'application/x-www-form-urlencoded' },
		body: 'a=y',
	});
	expect(answered.status).toBe(200);
	expect(await answered.text()).toContain('Got it, thanks');
	const data = await finished(executionId);
	expect(data).toContain('"approved":true');
	expect(data).toContain('Answered');
	// Once answered, the link answers nothing more: n8n shows its own "no action required" page.
	const again = await fetch(link, {
		method: 'POST',
		headers: { 'user-agent': PHONE_BROWSER, 'content-type': 'application/x-www-form-urlencoded' },
		body: 'a=n',
	});
	expect(await again.text()).not.toContain('Got it, thanks');
	expect(await finished(executionId)).toContain('"approved":true');
});

test("in a phone-sized browser: the SMS link's page, Approve tapped, the execution finishes approved", async () => {
	const { sms, executionId } = await ask('Refund 120 EUR to order 1042?', 'approval');
	// The browser may reach 127.0.0.1 only; n8n signs the path and query, not the host.
	const link = linkIn(sms).replace('//localhost:', '//127.0.0.1:');
	const browser = await launchEditorBrowser({ viewport: { width: 390, height: 520 } });
	try {
		await browser.page.goto(link);
		await browser.page.getByRole('button', { name: 'Decline' }).waitFor();
		await browser.page.screenshot({ path: PAGE_SCREENSHOT });
		await browser.page.getByRole('button', { name: 'Approve' }).click();
		await browser.page.getByText('Got it, thanks').waitFor();
	} finally {
		await browser.close();
	}
	expect(await finished(executionId)).toContain('"approved":true');
});

test('decline through the direct link of the choice message', async () => {
	const { executionId } = await ask('Ship order 1043 today?', 'approval');
	const send = sends().at(-1)!.body as {
		message: {
			choice_message: { choices: Array<{ url_message: { title: string; url: string } }> };
		};
	};
	const decline = send.message.choice_message.choices.find(
		(choice) => choice.url_message.title === 'Decline',
	)!;
	const answered = await fetch(decline.url_message.url, {
		headers: { 'user-agent': PHONE_BROWSER },
	});
	expect(answered.status).toBe(200);
	expect(await finished(executionId)).toContain('"approved":false');
});

test('free text: the link opens a form, the posted text ends the wait', async () => {
	const { sms, executionId } = await ask('What should we tell the customer?', 'freeText');
	const link = linkIn(sms);
	expect(await (await fetch(link, { headers: { 'user-agent': PHONE_BROWSER } })).text()).toContain(
		'<textarea',
	);
	const answered = await fetch(link, {
		method: 'POST',
		headers: { 'user-agent': PHONE_BROWSER, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ text: 'Sorry for the delay, it ships Monday' }).toString(),
	});
	expect(answered.status).toBe(200);
	expect(await finished(executionId)).toContain('Sorry for the delay, it ships Monday');
});

test('a tampered link is refused by n8n', async () => {
	const { sms, executionId } = await ask('Tamper test?', 'approval');
	const tampered = linkIn(sms).replace('signature=', 'a=y&signature=');
	const answered = await fetch(tampered, { headers: { 'user-agent': PHONE_BROWSER } });
	expect(answered.status).toBeGreaterThanOrEqual(400);
	expect((await rest(`/executions/${executionId}`)).status).toBe('waiting');
});

test('n8n generates the approval tool for AI agents, and the example wires it between an agent and a tool', async () => {
	const out = path.join(root, 'nodes.json');
	await n8nCli(runtime, folder, ['export:nodes', `--output=${out}`]);
	const nodes = JSON.parse(readFileSync(out, 'utf8')) as Array<{
		name: string;
		inputs?: unknown;
		outputs?: unknown;
		properties: Array<{ name: string; type: string; default: unknown }>;
	}>;
	const tool = nodes.find((node) => node.name === HITL_TOOL);
	expect(tool).toBeDefined();
	expect(JSON.stringify(tool!.inputs)).toContain('ai_tool');
	expect(JSON.stringify(tool!.outputs)).toContain('ai_tool');
	const byName = Object.fromEntries(tool!.properties.map((property) => [property.name, property]));
	expect(byName.operation).toMatchObject({ type: 'hidden', default: 'sendAndWait' });
	expect(byName.resource).toMatchObject({ type: 'hidden', default: 'message' });
	expect(byName.responseType).toMatchObject({ type: 'hidden', default: 'approval' });
	expect(byName.phoneNumber).toBeDefined();

	// The example: every node type it uses exists in this n8n, and n8n stores it with the tool gated.
	const example = JSON.parse(readFileSync(AGENT_EXAMPLE, 'utf8')) as {
		id: string;
		nodes: Array<{ name: string; type: string }>;
	};
	const known = new Set(nodes.map((node) => node.name));
	for (const node of example.nodes)
		expect([node.name, known.has(node.type)]).toEqual([node.name, true]);
	await n8nCli(runtime, folder, ['import:workflow', `--input=${AGENT_EXAMPLE}`]);
	const stored = await rest(`/workflows/${example.id}`);
	const connections = stored.connections as Record<
		string,
		Record<string, Array<Array<{ node: string }>>>
	>;
	const gate = example.nodes.find((node) => node.type === HITL_TOOL)!.name;
	expect(connections['Issue refund'].ai_tool[0][0].node).toBe(gate);
	expect(connections[gate].ai_tool[0][0].node).toBe('AI Agent');
});
