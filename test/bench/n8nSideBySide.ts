/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/* eslint-disable no-console -- a command-line tool: the console is where it reports */
/**
 * The real-n8n half of `npm run bench`: one `n8n execute` per emulator latency, in which our node and n8n's HTTP
 * Request node each create the same N apps (Basic and OAuth2), plus our node limited to one request at a time (what
 * the node did before it sent items concurrently). A plain fetch loop from this process is the floor.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { installedRuntime } from '../../scripts/n8n/cache';
import {
	EMULATOR_CREDENTIALS,
	emulatorCredentials,
	importCredentials,
	type CredentialFileEntry,
} from '../../scripts/n8n/importData';
import { n8nCli } from '../../scripts/n8n/process';
import { NODE_TYPE, prepareUserFolder } from '../../scripts/n8n/userFolder';
import { executeWorkflow } from '../e2e/n8nRun';
import type { Emulator } from '../emulator';

export interface NodeFigure {
	node: string;
	latencyMs: number;
	ms: number;
	/** First request received to last answer sent, as the emulator saw this node's creates. */
	spanMs: number;
	/** From the node's start to the first create the emulator received from it. */
	firstRequestMs: number;
	items: number;
	tokenRequests: number;
	/** Peak resident memory of n8n's main process, when the execution ran this node alone (see `alone`). */
	peakRssMb?: number;
}

const HTTP_CREDENTIALS = {
	basic: { id: 'bench-http-basic', name: 'Bench HTTP Basic', type: 'httpBasicAuth' },
	oAuth2: { id: 'bench-http-oauth2', name: 'Bench HTTP OAuth2', type: 'oAuth2Api' },
};

function httpCredentials(emulator: Emulator): CredentialFileEntry[] {
	return [
		{ ...HTTP_CREDENTIALS.basic, data: { user: emulator.keyId, password: emulator.keySecret } },
		{
			...HTTP_CREDENTIALS.oAuth2,
			data: {
				grantType: 'clientCredentials',
				accessTokenUrl: emulator.tokenUrl,
				clientId: emulator.keyId,
				clientSecret: emulator.keySecret,
				scope: '',
				authentication: 'header',
			},
		},
	];
}

/** The HTTP Request node's channel list, built by one expression per item; our node fills the same entry's fields. */
const CHANNELS =
	"[{ channel: 'SMS', static_bearer: { claimed_identity: 'plan-' + $json.i, token: 'token-' + $json.i } }]";

export const NODES = {
	ourBasic: 'Sinch node (Basic)',
	ourOAuth2: 'Sinch node (OAuth2)',
	ourSequential: 'Sinch node, one at a time (OAuth2)',
	httpBasic: 'HTTP Request (Basic)',
	httpOAuth2: 'HTTP Request (OAuth2)',
};

function workflow(emulator: Emulator, items: number, nodes: string[]): Record<string, unknown> {
	const ours = (
		name: string,
		auth: 'basic' | 'oAuth2',
		y: number,
		options: Record<string, unknown> = {},
	) => ({
		id: `bench-${y}`,
		name,
		type: NODE_TYPE,
		typeVersion: 2,
		position: [480, y],
		parameters: {
			resource: 'app',
			operation: 'create',
			specifyBody: 'fields',
			displayName: `={{ '${name} ' + $json.i }}`,
			// The same entry as CHANNELS gives the HTTP Request node, field by field.
			channelCredentials: {
				entries: [
					{
						channel: 'SMS',
						smsServicePlanId: "={{ 'plan-' + $json.i }}",
						smsApiToken: "={{ 'token-' + $json.i }}",
					},
				],
			},
			options,
		},
		credentials: { sinchConversationApi: EMULATOR_CREDENTIALS[auth] },
	});
	const http = (name: string, auth: 'basic' | 'oAuth2', y: number) => ({
		id: `bench-${y}`,
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [480, y],
		parameters: {
			method: 'POST',
			url: `${emulator.url}/v1/projects/${emulator.projectId}/apps`,
			authentication: 'genericCredentialType',
			genericAuthType: HTTP_CREDENTIALS[auth].type,
			sendBody: true,
			specifyBody: 'json',
			jsonBody: `={{ JSON.stringify({ display_name: '${name} ' + $json.i, channel_credentials: ${CHANNELS} }) }}`,
			options: {},
		},
		credentials: {
			[HTTP_CREDENTIALS[auth].type]: {
				id: HTTP_CREDENTIALS[auth].id,
				name: HTTP_CREDENTIALS[auth].name,
			},
		},
	});
	// Whichever node runs first pays n8n's warm-up (module loading, first credential read): a small create each, first.
	const targets = [
		ours('Warm-up (Sinch node)', 'basic', -400),
		http('Warm-up (HTTP Request)', 'basic', -200),
		ours(NODES.ourBasic, 'basic', 0),
		http(NODES.httpBasic, 'basic', 200),
		ours(NODES.ourOAuth2, 'oAuth2', 400),
		http(NODES.httpOAuth2, 'oAuth2', 600),
		ours(NODES.ourSequential, 'oAuth2', 800, { maxConcurrency: 1 }),
	].filter((node) => node.name.startsWith('Warm-up') || nodes.includes(node.name));
	return {
		id: 'sinchBenchSideBySide',
		name: 'Bench: Sinch node vs HTTP Request',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'bench-trigger',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'bench-items',
				name: 'Items',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [240, 0],
				parameters: {
					jsCode: `return Array.from({ length: ${items} }, (_, i) => ({ json: { i } }));`,
				},
			},
			{
				id: 'bench-one',
				name: 'One item',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [240, -300],
				parameters: { jsCode: 'return [{ json: { i: 0 } }];' },
			},
			...targets,
		],
		connections: {
			Start: {
				main: [
					[
						{ node: 'One item', type: 'main', index: 0 },
						{ node: 'Items', type: 'main', index: 0 },
					],
				],
			},
			'One item': {
				main: [targets.slice(0, 2).map((node) => ({ node: node.name, type: 'main', index: 0 }))],
			},
			Items: {
				main: [targets.slice(2).map((node) => ({ node: node.name, type: 'main', index: 0 }))],
			},
		},
		pinData: {},
	};
}

interface TaskData {
	startTime?: number;
	executionTime?: number;
	data?: { main?: Array<unknown[] | null> };
}

/** Runs the side-by-side in real n8n at each latency; undefined when the n8n runtime is not installed. */
export async function sideBySide(
	emulator: Emulator,
	items: number,
	latencies: number[],
	nodes: string[] = Object.values(NODES),
	alone = false,
): Promise<NodeFigure[] | undefined> {
	const runtime = installedRuntime();
	if (!runtime) return undefined;
	const root = mkdtempSync(path.join(tmpdir(), 'sinch-bench-n8n-'));
	const figures: NodeFigure[] = [];
	try {
		const folder = prepareUserFolder(root);
		const file = path.join(root, 'workflow.json');
		writeFileSync(file, JSON.stringify(workflow(emulator, items, nodes)));
		await n8nCli(runtime, folder, ['import:workflow', `--input=${file}`]);
		for (const latencyMs of latencies) {
			const once = async () => {
				// Fresh credentials: no stored token, so each run shows the token requests it makes.
				await importCredentials(runtime, folder, [
					...emulatorCredentials(emulator),
					...httpCredentials(emulator),
				]);
				emulator.reset();
				emulator.setLatency(latencyMs);
				return await executeWorkflow(runtime, folder, 'sinchBenchSideBySide', {
					timeoutMs: 600_000,
					env: alone ? { NODE_OPTIONS: `--require ${path.join(__dirname, 'peakRss.cjs')}` } : {},
				});
			};
			// n8n sometimes exits before its multi-megabyte run JSON is all written out: one more run then.
			const { run, stdout } = await once().catch(async (error: Error) => {
				if (!/printed no run JSON/.test(error.message)) throw error;
				console.log(`(n8n's output at ${latencyMs} ms was cut off; running it again)`);
				return await once();
			});
			const log = emulator.requests;
			for (const node of nodes) {
				const task = run.data.resultData.runData[node]?.[0] as TaskData | undefined;
				if (!task?.startTime || task.executionTime === undefined)
					throw new Error(`${node} did not run`);
				const end = task.startTime + task.executionTime;
				const creates = log.filter((r) =>
					String((r.body as { display_name?: string })?.display_name).startsWith(`${node} `),
				);
				const firstReceived = Math.min(...creates.map((r) => r.receivedAt));
				figures.push({
					node,
					latencyMs,
					ms: task.executionTime,
					firstRequestMs: firstReceived - task.startTime,
					spanMs: Math.max(...creates.map((r) => r.answeredAt ?? 0)) - firstReceived,
					items: task.data?.main?.[0]?.length ?? 0,
					peakRssMb: alone ? mainPeakRssMb(stdout, runtime.n8nBin) : undefined,
					tokenRequests: log.filter(
						(r) =>
							r.path === '/oauth2/token' && r.receivedAt >= task.startTime! && r.receivedAt <= end,
					).length,
				});
			}
		}
	} finally {
		emulator.setLatency(0);
		rmSync(root, { recursive: true, force: true });
	}
	return figures;
}

/** The peak the n8n main process printed through peakRss.cjs, in MB. */
function mainPeakRssMb(stdout: string, n8nBin: string): number | undefined {
	for (const [, kb, script] of stdout.matchAll(/^PEAK_RSS_KB (\d+) (.*)$/gm)) {
		if (path.resolve(script) === path.resolve(n8nBin)) return Number(kb) / 1024;
	}
	return undefined;
}

/** The floor: creates from this process with fetch, `concurrency` at a time, Basic auth, no n8n. */
export async function fetchLoop(
	emulator: Emulator,
	items: number,
	concurrency: number,
): Promise<number> {
	const authorization = `Basic ${Buffer.from(`${emulator.keyId}:${emulator.keySecret}`).toString('base64')}`;
	let next = 0;
	const started = Date.now();
	const worker = async () => {
		while (next < items) {
			const i = next++;
			const response = await fetch(`${emulator.url}/v1/projects/${emulator.projectId}/apps`, {
				method: 'POST',
				headers: { authorization, 'content-type': 'application/json' },
				body: JSON.stringify({
					display_name: `fetch ${i}`,
					channel_credentials: [
						{
							channel: 'SMS',
							static_bearer: { claimed_identity: `plan-${i}`, token: `token-${i}` },
						},
					],
				}),
			});
			if (response.status !== 200) throw new Error(`fetch loop: HTTP ${response.status}`);
			await response.arrayBuffer();
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	return Date.now() - started;
}
