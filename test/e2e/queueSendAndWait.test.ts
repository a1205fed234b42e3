/* eslint-disable @n8n/community-nodes/no-restricted-globals -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/**
 * Send and Wait for Response in n8n's queue mode: Redis, Postgres, one main and two workers (scripts/queue), with
 * WEBHOOK_URL set on every process to `http://localhost:<main's port>/`, a host name other than the 127.0.0.1 the
 * cluster is reached on. A published workflow (Webhook → Send and Wait, Approval by SMS → No Op) is started on the
 * main's production URL; a worker runs it, sends the SMS to the emulator and leaves the execution waiting in Postgres.
 * The test reads the link from the SMS the emulator received, opens it on the main as a phone would, approves, and a
 * worker resumes the execution, which finishes with `approved: true`. Nothing is sent twice.
 *
 *   flock /tmp/e2e.lock npm run test:e2e -- test/e2e/queueSendAndWait.test.ts      (about two minutes)
 */
import { ensureRuntime, type N8nRuntime } from '../../scripts/n8n/cache';
import { emulatorCredentials } from '../../scripts/n8n/importData';
import { startQueueCluster, waitUntil, type QueueCluster } from '../../scripts/queue/cluster';
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

const PHONE = '46701234567';
const PUBLIC_HOST = 'localhost';

let runtime: N8nRuntime;
let emulator: Emulator;
let cluster: QueueCluster | undefined;
let appId: string;
const timings: string[] = [];

/** The execution's status as Postgres holds it. */
const statusOf = (executionId: string): string | undefined =>
	cluster!.postgres.query(
		`select status from execution_entity where id = ${Number(executionId)}`,
	)[0];

/** How often each process logged starting the execution (n8n's job processor logs it on the worker that runs it). */
function startsOf(executionId: string): Record<string, number> {
	const pattern = new RegExp(`Worker started execution ${executionId}\\b`, 'g');
	return Object.fromEntries(
		[cluster!.main, ...cluster!.workers].map((server, index) => [
			index === 0 ? 'main' : cluster!.workers[index - 1].name,
			[...server.output().matchAll(pattern)].length,
		]),
	);
}

async function until(what: string, condition: () => boolean, timeoutMs = 60_000): Promise<void> {
	const started = Date.now();
	await waitUntil(
		condition,
		timeoutMs,
		() =>
			`timed out waiting for ${what}\nmain:\n${cluster!.main.output().slice(-2000)}\n` +
			cluster!.workers
				.map((worker) => `${worker.name}:\n${worker.output().slice(-2000)}`)
				.join('\n'),
	);
	timings.push(`${what}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

beforeAll(async () => {
	runtime = await ensureRuntime();
	emulator = await startEmulator({ port: 0 });
	const app = await emulatorApi(emulator, 'POST', '/apps', {
		display_name: 'Send and Wait queue e2e',
		channel_credentials: [
			{ channel: 'SMS', static_bearer: { claimed_identity: 'plan-1', token: 'sms-token' } },
		],
	});
	appId = String(app.id);
	const started = Date.now();
	cluster = await startQueueCluster(runtime, {
		credentials: emulatorCredentials(emulator),
		workflows: [askWorkflow(appId)],
		publish: [ASK_WORKFLOW_ID],
		workers: 2,
		concurrency: 2,
		publicHost: PUBLIC_HOST,
		log: (line) => timings.push(`start: ${line}`),
	});
	timings.push(`queue mode up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}, 600_000);

afterAll(async () => {
	await cluster?.stop();
	await emulator?.close();
	process.stderr.write(`[queueSendAndWait.test] ${timings.join('\n  ')}\n`);
}, 120_000);

test('an SMS approval sent by a worker, its link opened on the main, resumed by a worker: approved true', async () => {
	const asked = await fetch(cluster!.webhookUrl(ASK_PATH), {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			to: PHONE,
			question: 'Refund 120 EUR to order 1042?',
			responseType: 'approval',
		}),
	});
	expect(asked.status).toBe(200);

	await until('the SMS at the emulator', () => emulator.sentMessages.length > 0);
	const [sent] = emulator.sentMessages;
	expect(sent.request).toMatchObject({
		app_id: appId,
		recipient: { identified_by: { channel_identities: [{ channel: 'SMS', identity: PHONE }] } },
	});
	const sms = smsOf(sent.request);
	const link = linkIn(sms);
	// The worker built the link from its own WEBHOOK_URL: the public host and the main's port.
	expect(link.startsWith(`http://${PUBLIC_HOST}:${cluster!.main.port}/webhook-waiting/`)).toBe(
		true,
	);
	const executionId = executionOfLink(link);
	process.stderr.write(`[queueSendAndWait.test] SMS (${sms.length} characters):\n${sms}\n`);

	await until('the execution waiting in Postgres', () => statusOf(executionId) === 'waiting');
	const first = startsOf(executionId);
	expect(first.main).toBe(0);
	expect(Object.values(first).reduce((a, b) => a + b)).toBe(1);

	// The page, as a phone opens it: the buttons, and nothing answered yet.
	const page = await fetch(link, { headers: { 'user-agent': PHONE_BROWSER } });
	expect(page.status).toBe(200);
	expect(await page.text()).toContain('<button>Approve</button>');
	expect(statusOf(executionId)).toBe('waiting');

	const answered = await fetch(link, {
		method: 'POST',
		headers: { 'user-agent': PHONE_BROWSER, 'content-type': 'application/x-www-form-urlencoded' },
		body: 'a=y',
	});
	expect(answered.status).toBe(200);
	expect(await answered.text()).toContain('Got it, thanks');

	await until('the execution finished', () => statusOf(executionId) === 'success');
	const data = cluster!.postgres
		.query(`select data from execution_data where "executionId" = ${Number(executionId)}`)
		.join('\n');
	expect(data).toContain('"approved":true');
	expect(data).toContain('Answered');

	// A worker resumed it (a second start of the same execution), never the main; the SMS went once.
	const starts = startsOf(executionId);
	timings.push(`starts of execution ${executionId}: ${JSON.stringify(starts)}`);
	expect(starts.main).toBe(0);
	expect(Object.values(starts).reduce((a, b) => a + b)).toBe(2);
	expect(emulator.sentMessages).toHaveLength(1);
	expect(
		emulator.requests.filter((request) => request.path.endsWith('/messages:send')),
	).toHaveLength(1);
}, 180_000);
