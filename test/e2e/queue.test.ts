/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/**
 * The package in n8n's queue mode, all on 127.0.0.1: Redis and Postgres from the system's packages, the Sinch
 * emulator, one n8n main (receives the webhooks, queues the executions) and two workers (`n8n worker`, run them),
 * each with its own user folder holding this package. Two published workflows: Webhook → Create App (OAuth2 credential
 * on the emulator), called on its production URL; and Sinch Conversation Trigger → Create App, whose webhook the main
 * registers on an emulator app when it activates the workflow, and which the emulator then sends signed callbacks.
 *
 * Which worker ran an execution: each worker logs "Worker started execution <id>" (n8n's job processor, level info),
 * and the app's display name carries the call number and `$execution.id`, so every app the emulator holds leads to
 * one call, one row of `execution_entity` in Postgres, and one worker's log.
 *
 *   npm run build && npx jest -c jest.e2e.config.js test/e2e/queue.test.ts      (about two minutes)
 */
import { existsSync } from 'node:fs';

import { ensureRuntime, type N8nRuntime } from '../../scripts/n8n/cache';
import { emulatorCredentials } from '../../scripts/n8n/importData';
import { isPortFree } from '../../scripts/n8n/userFolder';
import {
	groupAlive,
	startQueueCluster,
	waitUntil,
	type QueueCluster,
} from '../../scripts/queue/cluster';
import { startEmulator, type Emulator, type RequestLogEntry } from '../emulator';
import { emulatorRequest } from '../harness/emulatorApi';
import {
	CALLBACK_NAME_PATTERN,
	CREATE_WEBHOOK_PATH,
	CREATE_WORKFLOW_ID,
	DISPLAY_NAME_PATTERN,
	TRIGGER_WORKFLOW_ID,
	callbackToApp,
	createAppOnWebhook,
	displayName,
} from './queue/workflows';

const WORKERS = 2;
const CONCURRENCY = 2;
const CALLS = 20;
const CALLS_AFTER_EXPIRY = 10;
const CALLBACKS = 10;

let runtime: N8nRuntime;
let emulator: Emulator;
let cluster: QueueCluster | undefined;
/** The emulator app whose events the trigger listens to. */
let triggerAppId: string;
let emulatorClosed: Promise<void> | undefined;
const closeEmulator = () => (emulatorClosed ??= emulator?.close());
let pids: number[] = [];
/** What the emulator received while n8n started: the main registering the trigger's webhook. */
let activationRequests: RequestLogEntry[] = [];
let ports: number[] = [];
const timings: string[] = [];

const appsPath = () => `/v1/projects/${emulator.projectId}/apps`;
const isTokenRequest = (entry: RequestLogEntry) => entry.path === '/oauth2/token';
const bearer = (entry: RequestLogEntry) => entry.headers.authorization?.replace(/^Bearer /, '');
const createdName = (entry: RequestLogEntry) =>
	String((entry.body as { display_name?: unknown } | undefined)?.display_name);
/** A create request of a webhook call's workflow (not of a callback's, nor the test's own trigger app). */
const isCreate = (entry: RequestLogEntry) =>
	entry.method === 'POST' &&
	entry.path === appsPath() &&
	DISPLAY_NAME_PATTERN.test(createdName(entry));

interface CallResult {
	call: number;
	status: number;
	body: Record<string, unknown>;
}

/** One production webhook call; the main answers when the worker has run the workflow (Respond: When Last Node Finishes). */
async function callWebhook(call: number): Promise<CallResult> {
	const response = await fetch(cluster!.webhookUrl(CREATE_WEBHOOK_PATH), {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ call }),
		signal: AbortSignal.timeout(120_000),
	});
	const text = await response.text();
	let body: Record<string, unknown>;
	try {
		body = JSON.parse(text) as Record<string, unknown>;
	} catch {
		body = { text };
	}
	return { call, status: response.status, body };
}

/** Execution ID → the worker whose log says it started that execution. */
function executionsByWorker(): Map<string, string> {
	const owner = new Map<string, string>();
	for (const worker of cluster!.workers) {
		for (const match of worker.output().matchAll(/Worker started execution (\d+)/g)) {
			expect(owner.get(match[1])).toBeUndefined();
			owner.set(match[1], worker.name);
		}
	}
	return owner;
}

/** A workflow's executions as Postgres holds them: id → `<status> <mode>`. */
function storedExecutions(workflowId = CREATE_WORKFLOW_ID): Map<string, string> {
	const rows = cluster!.postgres.query(
		`select id, status, mode from execution_entity where "workflowId" = '${workflowId}' order by id`,
	);
	return new Map(
		rows.map((row) => {
			const [id, status, mode] = row.split('|');
			return [id, `${status} ${mode}`];
		}),
	);
}

/** The calls' apps as the emulator holds them, keyed by call number; fails on a second app for one call. */
function appsByCall(): Map<number, { id: string; executionId: string }> {
	const byCall = new Map<number, { id: string; executionId: string }>();
	for (const app of emulator.apps) {
		const match = DISPLAY_NAME_PATTERN.exec(String(app.display_name));
		if (!match) continue;
		expect(byCall.has(Number(match[1]))).toBe(false);
		byCall.set(Number(match[1]), { id: String(app.id), executionId: match[2] });
	}
	return byCall;
}

function expectCreated(results: CallResult[]): void {
	for (const result of results) {
		expect({ call: result.call, status: result.status }).toEqual({
			call: result.call,
			status: 200,
		});
		expect(String(result.body.display_name)).toMatch(DISPLAY_NAME_PATTERN);
		expect(String(result.body.display_name)).toBe(
			displayName(result.call, DISPLAY_NAME_PATTERN.exec(String(result.body.display_name))![2]),
		);
		expect(result.body.id).toEqual(expect.any(String));
	}
}

/** An app made directly on the emulator (Basic auth), before n8n exists: the trigger's app. */
async function makeApp(name: string): Promise<string> {
	const { status, body } = await emulatorRequest(emulator, 'POST', '/apps', {
		display_name: name,
		channel_credentials: [
			{ channel: 'SMS', static_bearer: { claimed_identity: 'queue-plan', token: 'queue-token' } },
		],
	});
	if (status !== 200 || typeof body.id !== 'string')
		throw new Error(`the emulator did not create the trigger's app: ${JSON.stringify(body)}`);
	return body.id;
}

beforeAll(async () => {
	runtime = await ensureRuntime();
	emulator = await startEmulator({ port: 0 });
	triggerAppId = await makeApp('queue trigger app');
	const requestsBefore = emulator.requests.length;
	const started = Date.now();
	cluster = await startQueueCluster(runtime, {
		credentials: emulatorCredentials(emulator),
		workflows: [createAppOnWebhook(), callbackToApp(triggerAppId)],
		publish: [CREATE_WORKFLOW_ID, TRIGGER_WORKFLOW_ID],
		workers: WORKERS,
		concurrency: CONCURRENCY,
		log: (line) => timings.push(`start: ${line}`),
	});
	pids = cluster.pids();
	ports = [...cluster.ports(), Number(new URL(emulator.url).port)];
	// webhook_entity gets the trigger's row before the main registers the webhook on the emulator.
	await waitUntil(
		() => emulator.webhooks.some((webhook) => webhook.app_id === triggerAppId),
		60_000,
		() =>
			`the main registered no webhook on the trigger's app:\n${cluster!.main.output().slice(-3000)}`,
	);
	timings.push(`queue mode up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	activationRequests = emulator.requests.slice(requestsBefore);
}, 600_000);

afterAll(async () => {
	await cluster?.stop();
	await closeEmulator();
	process.stderr.write(`[queue.test] ${timings.join('\n  ')}\n`);
}, 120_000);

describe('n8n queue mode: a main and two workers sharing Redis and Postgres', () => {
	let results: CallResult[] = [];

	test(`${CALLS} production webhook calls: each ran on a worker, both workers took some, and every app was created once`, async () => {
		const started = Date.now();
		// One call first, alone: it fetches the OAuth2 token (see the next test for why).
		results = [await callWebhook(1)];
		const rest = Array.from({ length: CALLS - 1 }, (_, index) => index + 2);
		results.push(...(await Promise.all(rest.map((call) => callWebhook(call)))));
		timings.push(
			`${CALLS} webhook calls answered in ${((Date.now() - started) / 1000).toFixed(1)} s`,
		);
		expectCreated(results);

		// The emulator: one create request per call, one app per call, none missing, none twice.
		expect(emulator.requests.filter(isCreate).map(createdName).sort()).toEqual(
			results.map((result) => String(result.body.display_name)).sort(),
		);
		const apps = appsByCall();
		expect([...apps.keys()].sort((a, b) => a - b)).toEqual(
			Array.from({ length: CALLS }, (_, index) => index + 1),
		);
		for (const result of results) expect(apps.get(result.call)?.id).toBe(result.body.id);

		// Postgres: one successful webhook execution per call, and the apps name exactly those executions.
		const stored = storedExecutions();
		expect(stored.size).toBe(CALLS);
		for (const state of stored.values()) expect(state).toBe('success webhook');
		expect([...apps.values()].map((app) => app.executionId).sort()).toEqual(
			[...stored.keys()].sort(),
		);

		// The workers' logs: every execution was started by exactly one worker, and both workers ran some.
		const owner = executionsByWorker();
		expect([...owner.keys()].sort()).toEqual([...stored.keys()].sort());
		const perWorker = Object.fromEntries(cluster!.workers.map((worker) => [worker.name, 0]));
		for (const name of owner.values()) perWorker[name]++;
		timings.push(`executions per worker: ${JSON.stringify(perWorker)}`);
		for (const count of Object.values(perWorker)) expect(count).toBeGreaterThan(0);
		// The main only queued them.
		expect(cluster!.main.output()).not.toMatch(/Worker started execution/);
	});

	test('one OAuth2 token, stored with the credential in Postgres, served the main and every execution on both workers', () => {
		// The main fetched it when it activated the trigger (registering its webhook); without the trigger the first call
		// would, which is why it went alone: both workers called at once on a cold start each fetch one (neither finds a
		// stored token before the other has stored one).
		expect(activationRequests.filter(isTokenRequest)).toHaveLength(1);
		expect(emulator.tokenRequests()).toBe(1);
		const creates = emulator.requests.filter(isCreate);
		const tokens = new Set(creates.map(bearer));
		expect(tokens.size).toBe(1);
		expect(emulator.requests.findIndex(isTokenRequest)).toBeLessThan(
			emulator.requests.findIndex(isCreate),
		);
		for (const entry of creates) expect(entry.status).toBe(200);

		// Both workers sent it: each create names its execution, which names its worker.
		const owner = executionsByWorker();
		const workersSeen = new Set(
			creates.map((entry) => owner.get(DISPLAY_NAME_PATTERN.exec(createdName(entry))![2])),
		);
		expect(workersSeen.size).toBe(WORKERS);
	});

	test('after the emulator expires the token, each worker fetches a new one at most once, and no app is made twice', async () => {
		const logStart = emulator.requests.length;
		emulator.expireTokens();
		// A slow token endpoint (a second, as a busy auth server may take) keeps the first refresh of a worker in flight
		// while its other executions get their 401s with the same expired token: without the credential sharing one
		// token request per process (helpers/sharedTokenRequest.ts) each of them would fetch one.
		emulator.delayNext({ pathIncludes: '/oauth2/token', ms: 1000, times: CALLS_AFTER_EXPIRY });
		const calls = Array.from({ length: CALLS_AFTER_EXPIRY }, (_, index) => CALLS + 1 + index);
		const after = await Promise.all(calls.map((call) => callWebhook(call)));
		expectCreated(after);

		const log = emulator.requests.slice(logStart);
		const tokenRequests = log.filter(isTokenRequest);
		const creates = log.filter(isCreate);
		const owner = executionsByWorker();
		const workerOf = (entry: RequestLogEntry) =>
			owner.get(DISPLAY_NAME_PATTERN.exec(createdName(entry))![2]);
		// A create with the expired token is refused before anything is made; n8n fetches a token and repeats it once.
		const refused = creates.filter((entry) => entry.status === 401);
		const accepted = creates.filter((entry) => entry.status === 200);
		expect(accepted.map(createdName).sort()).toEqual(
			after.map((result) => String(result.body.display_name)).sort(),
		);
		// n8n repeats a refused request with the token its own process just fetched (never one read from Postgres), so
		// the tokens of a worker's repeats are the tokens that worker fetched.
		const fetchedBy = new Map(cluster!.workers.map((worker) => [worker.name, new Set<string>()]));
		for (const entry of refused) {
			const repeat = accepted.find((candidate) => createdName(candidate) === createdName(entry));
			expect(repeat).toBeDefined();
			fetchedBy.get(workerOf(entry)!)!.add(bearer(repeat!)!);
		}
		const refreshesPerWorker = Object.fromEntries(
			[...fetchedBy].map(([name, tokens]) => [name, tokens.size]),
		);
		timings.push(
			`after expiry: ${tokenRequests.length} token requests, ${refused.length} creates refused with the expired token, ` +
				`new tokens fetched per worker ${JSON.stringify(refreshesPerWorker)}`,
		);
		const fetched = new Set([...fetchedBy.values()].flatMap((tokens) => [...tokens]));
		expect(fetched.size).toBe(tokenRequests.length);
		expect(tokenRequests.length).toBeGreaterThanOrEqual(1);
		for (const count of Object.values(refreshesPerWorker)) expect(count).toBeLessThanOrEqual(1);

		const apps = appsByCall();
		expect(apps.size).toBe(CALLS + CALLS_AFTER_EXPIRY);
		for (const result of after) expect(apps.get(result.call)?.id).toBe(result.body.id);
	});

	describe('Sinch Conversation Trigger: published on the main, its workflows run on the workers', () => {
		const deliver = (messageId: string, forgeSignature = false, nonce?: string) =>
			emulator.deliver({
				appId: triggerAppId,
				trigger: 'MESSAGE_INBOUND',
				body: { message: { id: messageId } },
				forgeSignature,
				nonce,
			});
		/** Waits until the trigger workflow has `count` executions that have all ended; returns them. */
		async function triggerExecutions(count: number): Promise<Map<string, string>> {
			await waitUntil(
				() => {
					const stored = storedExecutions(TRIGGER_WORKFLOW_ID);
					return (
						stored.size >= count &&
						[...stored.values()].every((state) => !/^(new|running|waiting) /.test(state))
					);
				},
				90_000,
				() =>
					`the trigger's executions: ${JSON.stringify([...storedExecutions(TRIGGER_WORKFLOW_ID)])}`,
			);
			return storedExecutions(TRIGGER_WORKFLOW_ID);
		}
		const callbackApps = () =>
			emulator.apps
				.map((app) => CALLBACK_NAME_PATTERN.exec(String(app.display_name)))
				.filter((match): match is RegExpExecArray => match !== null)
				.map((match) => ({ messageId: match[1], executionId: match[2] }));

		test("the main registered the trigger's webhook on the app, with a secret, when it activated the workflow", () => {
			const webhooks = emulator.webhooks.filter((webhook) => webhook.app_id === triggerAppId);
			expect(webhooks).toHaveLength(1);
			expect(webhooks[0]).toMatchObject({ target_type: 'HTTP', triggers: ['MESSAGE_INBOUND'] });
			expect(webhooks[0].target.startsWith(`${cluster!.main.url}/webhook/`)).toBe(true);
			expect(webhooks[0].secret).not.toBe('');
		});

		test(`${CALLBACKS} signed callbacks: the main verifies and queues them, the workers run them, one app each`, async () => {
			const messageIds = Array.from(
				{ length: CALLBACKS },
				(_, index) => `queue-inbound-${index + 1}`,
			);
			const deliveries = (await Promise.all(messageIds.map((id) => deliver(id)))).flat();
			expect(deliveries.map((delivery) => [delivery.body.message, delivery.status])).toEqual(
				messageIds.map((id) => [expect.objectContaining({ id }), 200]),
			);
			const stored = await triggerExecutions(CALLBACKS);
			expect([...stored.values()]).toEqual(messageIds.map(() => 'success webhook'));

			const owner = executionsByWorker();
			const perWorker = Object.fromEntries(cluster!.workers.map((worker) => [worker.name, 0]));
			for (const id of stored.keys()) perWorker[owner.get(id) ?? 'no worker']++;
			timings.push(`callback executions per worker: ${JSON.stringify(perWorker)}`);
			expect(Object.keys(perWorker).sort()).toEqual(
				cluster!.workers.map((worker) => worker.name).sort(),
			);
			for (const count of Object.values(perWorker)) expect(count).toBeGreaterThan(0);
			expect(cluster!.main.output()).not.toMatch(/Worker started execution/);

			// Each callback made one app, named after its message and the execution that ran it.
			const apps = callbackApps();
			expect(apps.map((app) => app.messageId).sort()).toEqual([...messageIds].sort());
			expect(apps.map((app) => app.executionId).sort()).toEqual([...stored.keys()].sort());
		});

		test('a callback with a forged signature is refused by the main with 401 and starts nothing', async () => {
			const before = storedExecutions(TRIGGER_WORKFLOW_ID).size;
			const started = executionsByWorker().size;
			const [forged] = await deliver('queue-forged', true);
			expect({ forged: forged.forged, status: forged.status }).toEqual({
				forged: true,
				status: 401,
			});
			await waitUntil(
				() => /refused a callback/.test(cluster!.main.output()),
				10_000,
				() => `the main logged no refusal:\n${cluster!.main.output().slice(-3000)}`,
			);
			// A signed one sent after it runs, and is the only new execution: the forged one was never queued.
			const [signed] = await deliver('queue-after-forged');
			expect(signed.status).toBe(200);
			const stored = await triggerExecutions(before + 1);
			await new Promise((resolve) => setTimeout(resolve, 1000));
			expect(storedExecutions(TRIGGER_WORKFLOW_ID).size).toBe(before + 1);
			expect(executionsByWorker().size).toBe(started + 1);
			expect([...stored.values()].pop()).toBe('success webhook');
			const names = callbackApps().map((app) => app.messageId);
			expect(names).toContain('queue-after-forged');
			expect(names).not.toContain('queue-forged');
		});

		test('a replayed callback (same signature nonce) runs once: the main, which receives every webhook, remembers it', async () => {
			const before = storedExecutions(TRIGGER_WORKFLOW_ID).size;
			const [first] = await deliver('queue-replayed', false, 'queue-replay-nonce');
			const [again] = await deliver('queue-replayed', false, 'queue-replay-nonce');
			expect([first.status, again.status]).toEqual([200, 401]);
			const stored = await triggerExecutions(before + 1);
			await new Promise((resolve) => setTimeout(resolve, 1000));
			expect(storedExecutions(TRIGGER_WORKFLOW_ID).size).toBe(before + 1);
			expect([...stored.values()].pop()).toBe('success webhook');
			expect(callbackApps().filter((app) => app.messageId === 'queue-replayed')).toHaveLength(1);
		});
	});

	test('stopping leaves nothing running: no process group, no listening port, no folder', async () => {
		await cluster!.stop();
		await closeEmulator();
		expect(existsSync(cluster!.root)).toBe(false);
		for (const pid of pids) expect({ pid, alive: groupAlive(pid) }).toEqual({ pid, alive: false });
		for (const port of ports)
			expect({ port, free: await isPortFree(port) }).toEqual({ port, free: true });
	});
});
