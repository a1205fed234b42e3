/* eslint-disable @n8n/community-nodes/no-restricted-imports -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/**
 * Issues 9 and 10 in the real n8n CLI (2.41.1, from the cache) against the emulator: a batch going through every App
 * operation concurrently with one token, a proxy's page and a 429 inside a batch with the error output, and the
 * Retry On Fail guard on Create.
 *
 *   npm run build && npx jest -c jest.e2e.config.js test/e2e/batches.test.ts
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ensureRuntime, type N8nRuntime } from '../../scripts/n8n/cache';
import {
	EMULATOR_CREDENTIALS,
	emulatorCredentials,
	importCredentials,
} from '../../scripts/n8n/importData';
import { n8nCli, runN8nCli } from '../../scripts/n8n/process';
import { NODE_TYPE, prepareUserFolder, type UserFolder } from '../../scripts/n8n/userFolder';
import { startEmulator, type Emulator } from '../emulator';
import { executeWorkflow, outputItems, parseRunOutput } from './n8nRun';

let runtime: N8nRuntime;
let emulator: Emulator;
let userRoot: string;
let folder: UserFolder;

const sinch = (
	name: string,
	x: number,
	parameters: Record<string, unknown>,
	extra: Record<string, unknown> = {},
) => ({
	id: `e2e-${name}`,
	name,
	type: NODE_TYPE,
	typeVersion: 2,
	position: [x, 0],
	parameters,
	credentials: { sinchConversationApi: EMULATOR_CREDENTIALS.oAuth2 },
	...extra,
});
const create = {
	resource: 'app',
	operation: 'create',
	displayName: '={{ $json.name }}',
	channelCredentials: {
		entries: [
			{ channel: 'SMS', smsServicePlanId: 'plan', smsApiToken: "={{ 'tok-' + $json.name }}" },
		],
	},
};
const byId = { __rl: true, mode: 'id', value: '={{ $json.id }}' };

function workflow(id: string, names: string[], chain: Array<Record<string, unknown>>) {
	const nodes = [
		{
			id: `${id}-start`,
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: `${id}-items`,
			name: 'Items',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [200, 0],
			parameters: {
				jsCode: `return ${JSON.stringify(names)}.map((name) => ({ json: { name } }));`,
			},
		},
		...chain,
	];
	const order = nodes.map((node) => node.name);
	const connections = Object.fromEntries(
		order
			.slice(0, -1)
			.map((name, i) => [name, { main: [[{ node: order[i + 1], type: 'main', index: 0 }]] }]),
	);
	return {
		id,
		name: id,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes,
		connections,
		pinData: {},
	};
}

async function importWorkflow(json: Record<string, unknown>): Promise<void> {
	const file = path.join(userRoot, `${String(json.id)}.json`);
	writeFileSync(file, JSON.stringify(json));
	await n8nCli(runtime, folder, ['import:workflow', `--input=${file}`]);
}

beforeAll(async () => {
	runtime = await ensureRuntime();
	emulator = await startEmulator();
	userRoot = mkdtempSync(path.join(tmpdir(), 'sinch-n8n-batches-'));
	folder = prepareUserFolder(userRoot);
	await importCredentials(runtime, folder, emulatorCredentials(emulator));
}, 600_000);

afterAll(async () => {
	await emulator?.close();
	if (userRoot) rmSync(userRoot, { recursive: true, force: true });
});

beforeEach(() => emulator.reset());

test('six items through Create, Get, Update and Delete: concurrent, in order, paired, one token', async () => {
	const names = ['a', 'b', 'c', 'd', 'e', 'f'];
	await importWorkflow(
		workflow('sinchE2eBatchLifecycle', names, [
			sinch('Create', 400, create),
			sinch('Get', 600, { resource: 'app', operation: 'get', appId: byId }),
			sinch('Update', 800, {
				resource: 'app',
				operation: 'update',
				appId: byId,
				updateFields: { displayName: '={{ "renamed-" + $json.display_name }}' },
			}),
			sinch('Delete', 1000, { resource: 'app', operation: 'delete', appId: byId }),
		]),
	);
	emulator.setLatency(30);
	const { run } = await executeWorkflow(runtime, folder, 'sinchE2eBatchLifecycle');
	emulator.setLatency(0);

	const created = outputItems(run, 'Create');
	expect(created.map((item) => [item.json.display_name, item.pairedItem])).toEqual(
		names.map((name, i) => [name, { item: i }]),
	);
	expect(outputItems(run, 'Get').map((item) => item.json.id)).toEqual(
		created.map((item) => item.json.id),
	);
	expect(outputItems(run, 'Update').map((item) => item.json.display_name)).toEqual(
		names.map((name) => `renamed-${name}`),
	);
	expect(outputItems(run, 'Delete').map((item) => item.json)).toEqual(
		created.map((item) => ({ deleted: true, id: item.json.id })),
	);
	expect(emulator.apps).toEqual([]);

	const log = emulator.requests;
	expect(log.filter((r) => r.path === '/oauth2/token')).toHaveLength(1);
	const count = (method: string) =>
		log.filter((r) => r.method === method && r.path.includes('/apps')).length;
	expect([count('POST'), count('GET'), count('PATCH'), count('DELETE')]).toEqual([6, 12, 6, 6]);
	// Concurrent: some create was received before an earlier one was answered.
	const posts = log.filter((r) => r.method === 'POST' && r.path.includes('/apps'));
	expect(
		posts.some(
			(r, i) =>
				i > 0 && posts.slice(0, i).some((earlier) => (earlier.answeredAt ?? 0) > r.receivedAt),
		),
	).toBe(true);
});

test('a proxy page and a 429 inside a batch: the page is an error item, the 429 is waited out', async () => {
	await importWorkflow(
		workflow(
			'sinchE2eBatchFaults',
			['ok-0', 'proxied', 'limited'],
			[sinch('Create', 400, create, { onError: 'continueErrorOutput' })],
		),
	);
	emulator.failNext({
		status: 200,
		bodyIncludes: '"proxied"',
		body: '<html><title>Proxy Login</title></html>',
		contentType: 'text/html',
	});
	emulator.failNext({ status: 429, bodyIncludes: '"limited"' });
	const { run } = await executeWorkflow(runtime, folder, 'sinchE2eBatchFaults');
	expect(
		outputItems(run, 'Create', 0).map((item) => [item.json.display_name, item.pairedItem]),
	).toEqual([
		['ok-0', { item: 0 }],
		['limited', { item: 2 }],
	]);
	const failed = outputItems(run, 'Create', 1);
	expect(failed.map((item) => item.pairedItem)).toEqual([{ item: 1 }]);
	expect(String(failed[0].json.error)).toBe(
		'The answer (200, text/html) is not from the Sinch API: "Proxy Login". The app may or may not have been created',
	);
	const limited = emulator.requests.filter(
		(r) => (r.body as { display_name?: string })?.display_name === 'limited',
	);
	expect(limited.map((r) => r.status)).toEqual([429, 200]);
});

test('Retry On Fail on a Create node is refused before anything is sent', async () => {
	await importWorkflow(
		workflow(
			'sinchE2eRetryOnFail',
			['x'],
			[sinch('Create', 400, create, { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 })],
		),
	);
	const result = await runN8nCli(
		runtime,
		folder,
		['execute', '--id=sinchE2eRetryOnFail', '--rawOutput'],
		{ timeoutMs: 90_000 },
	);
	const run = parseRunOutput(result.stdout);
	expect(run.status).toBe('error');
	expect(run.data.resultData.error?.message).toBe(
		'Retry On Fail cannot be used with Create: it would create items again',
	);
	expect(emulator.requests).toEqual([]);
});
