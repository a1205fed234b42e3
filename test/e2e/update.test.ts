/* eslint-disable @n8n/community-nodes/no-restricted-imports -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/**
 * The two data-loss cases of issue 8 in the real n8n CLI (2.41.1 from the cache) against the emulator: an Update that
 * adds only Retention TTL keeps the stored retention type, and one that adds only Fallback Waiting Time keeps the
 * fallback off.
 *
 *   npm run build && npx jest -c jest.e2e.config.js test/e2e/update.test.ts
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ensureRuntime, type N8nRuntime } from '../../scripts/n8n/cache';
import {
	EMULATOR_CREDENTIALS,
	emulatorCredentials,
	importCredentials,
	importWorkflows,
} from '../../scripts/n8n/importData';
import { NODE_TYPE, prepareUserFolder, type UserFolder } from '../../scripts/n8n/userFolder';
import { startEmulator, type Emulator } from '../emulator';
import { seedApp } from '../harness/setup';
import { executeWorkflow, outputJson } from './n8nRun';

let runtime: N8nRuntime;
let emulator: Emulator;
let root: string;
let folder: UserFolder;

beforeAll(async () => {
	runtime = await ensureRuntime();
	emulator = await startEmulator({ port: 0 });
	root = mkdtempSync(path.join(tmpdir(), 'sinch-n8n-update-'));
	folder = prepareUserFolder(path.join(root, 'user'));
	await importCredentials(runtime, folder, emulatorCredentials(emulator));
}, 600_000);

afterAll(async () => {
	await emulator?.close();
	if (root) rmSync(root, { recursive: true, force: true });
});

const stored = (id: string) =>
	emulator.apps.find((app) => app.id === id) as unknown as Record<string, unknown>;

/** A manual trigger followed by Sinch nodes in a row, each with its parameters. */
function workflow(id: string, steps: Array<{ name: string; parameters: Record<string, unknown> }>) {
	const nodes: Array<Record<string, unknown>> = [
		{
			id: `${id}-t`,
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
	];
	const connections: Record<string, unknown> = {};
	let previous = 'Start';
	steps.forEach((step, index) => {
		nodes.push({
			id: `${id}-${index}`,
			name: step.name,
			type: NODE_TYPE,
			typeVersion: 2,
			position: [220 * (index + 1), 0],
			parameters: step.parameters,
			credentials: { sinchConversationApi: EMULATOR_CREDENTIALS.oAuth2 },
		});
		connections[previous] = { main: [[{ node: step.name, type: 'main', index: 0 }]] };
		previous = step.name;
	});
	return { id, name: id, active: false, settings: { executionOrder: 'v1' }, nodes, connections };
}

async function run(flow: ReturnType<typeof workflow>) {
	const dir = mkdtempSync(path.join(root, 'wf-'));
	writeFileSync(path.join(dir, `${flow.id}.json`), JSON.stringify(flow));
	await importWorkflows(runtime, folder, dir);
	const before = emulator.requests.length;
	const execution = await executeWorkflow(runtime, folder, flow.id);
	const patches = emulator.requests
		.slice(before)
		.filter((request) => request.method === 'PATCH')
		.map(({ query, body }) => ({ query, body }));
	return { ...execution, patches };
}

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

test('Retention TTL alone keeps the retention type; Fallback Waiting Time alone keeps the fallback off', async () => {
	const app = await seedApp(emulator, {
		display_name: 'Keep my settings',
		channel_credentials: [
			{ channel: 'SMS', static_bearer: { claimed_identity: 'plan', token: 'token' } },
		],
		retention_policy: { retention_type: 'CONVERSATION_EXPIRE_POLICY', ttl_days: 30 },
		delivery_report_based_fallback: { enabled: false, delivery_report_waiting_time: 120 },
	});
	const id = app.id as string;
	const before = structuredClone(stored(id));

	const { run: result, patches } = await run(
		workflow('sinchE2eUpdateV2', [
			{
				name: 'TTL only',
				parameters: {
					resource: 'app',
					operation: 'update',
					appId: byId(id),
					updateFields: { retentionTtlDays: 60 },
				},
			},
			{
				name: 'Waiting time only',
				parameters: {
					resource: 'app',
					operation: 'update',
					appId: byId(id),
					updateFields: { fallbackWaitingTime: 300 },
				},
			},
		]),
	);

	expect(patches).toEqual([
		{
			query: { update_mask: 'retention_policy' },
			body: { retention_policy: { retention_type: 'CONVERSATION_EXPIRE_POLICY', ttl_days: 60 } },
		},
		{
			query: { update_mask: 'delivery_report_based_fallback' },
			body: {
				delivery_report_based_fallback: { enabled: false, delivery_report_waiting_time: 300 },
			},
		},
	]);
	expect(stored(id)).toEqual({
		...before,
		retention_policy: { retention_type: 'CONVERSATION_EXPIRE_POLICY', ttl_days: 60 },
		delivery_report_based_fallback: { enabled: false, delivery_report_waiting_time: 300 },
	});
	expect(outputJson(result, 'Waiting time only')[0]).toMatchObject({
		retention_policy: { retention_type: 'CONVERSATION_EXPIRE_POLICY', ttl_days: 60 },
		delivery_report_based_fallback: { enabled: false, delivery_report_waiting_time: 300 },
	});
});
