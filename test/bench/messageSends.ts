/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/* eslint-disable no-console -- a command-line tool: the console is where it reports */
/**
 * The bulk-send half of `npm run bench`, in real n8n: N message sends to one app whose outbound limit is 25 a second,
 * by our node's Message → Send and by n8n's HTTP Request node with the same bodies (as a user would set it up: as is,
 * continuing on errors, with Retry On Fail, and paced by hand with its Batching option). Each variant gets an app of its
 * own and an `n8n execute` of its own, so no variant inherits another's rate window. The emulator counts what arrived:
 * 429s met, messages accepted, lost (never accepted) and sent twice (accepted more than once). Then the per-item cost
 * with no rate limit, our node against the HTTP Request node in one execution.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { installedRuntime, type N8nRuntime } from '../../scripts/n8n/cache';
import {
	EMULATOR_CREDENTIALS,
	emulatorCredentials,
	importCredentials,
	type CredentialFileEntry,
} from '../../scripts/n8n/importData';
import { n8nCli, runN8nCli, tail } from '../../scripts/n8n/process';
import {
	NODE_TYPE,
	packageRoot,
	prepareUserFolder,
	type UserFolder,
} from '../../scripts/n8n/userFolder';
import { parseRunOutput, type WorkflowRun } from '../e2e/n8nRun';
import type { Emulator } from '../emulator';
import { emulatorRequest } from '../harness/emulatorApi';
import type { INodeType } from 'n8n-workflow';

/** Sinch's default outbound limit, the one the floor (500 / 25 = 20 s) is computed with. */
export const LIMIT_PER_SECOND = 25;
/** "No rate limit": far above what one n8n process can send. */
const UNLIMITED = 1_000_000;

const HTTP_CREDENTIAL = { id: 'bench-msg-http-basic', name: 'Bench messages HTTP Basic' };

export interface SendFigure {
	variant: string;
	items: number;
	/** The node's execution time in n8n (ms); for a failed node, until it failed. */
	ms: number;
	/** 'success', or what n8n said when the node (and the execution) failed. */
	outcome: string;
	/** Sends the emulator answered 200 / 429 / anything else. */
	accepted: number;
	tooMany: number;
	otherErrors: number;
	/** Items never accepted; items accepted more than once (counted per extra copy). */
	lost: number;
	twice: number;
	/** Items on the node's outputs (main and error). */
	outputItems: number;
	/** Most sends (any answer) that arrived within one sliding second: bursts show here. */
	peakPerSecond: number;
}

function peakPerSecond(times: number[]): number {
	const sorted = [...times].sort((a, b) => a - b);
	let peak = 0;
	let first = 0;
	for (let last = 0; last < sorted.length; last++) {
		while (sorted[last] - sorted[first] >= 1000) first++;
		peak = Math.max(peak, last - first + 1);
	}
	return peak;
}

/** Whether the built node (dist/, what n8n loads) has Message → Send; until it does, only the HTTP Request node runs. */
export function ourSendExists(): boolean {
	const built = path.join(packageRoot, 'dist/nodes/SinchConversation/SinchConversation.node.js');
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- loads a module found at run time
	const { SinchConversation } = require(built) as {
		SinchConversation: new () => INodeType;
	};
	const properties = new SinchConversation().description.properties;
	return properties.some(
		(property) =>
			property.name === 'operation' &&
			(property.displayOptions?.show?.resource ?? []).includes('message') &&
			(property.options ?? []).some((option) => 'value' in option && option.value === 'send'),
	);
}

/** The identity of item i, as both nodes send it: a unique number per item, so the emulator can tell items apart. */
const IDENTITY = "'4670' + String($json.i).padStart(7, '0')";
const TEXT = "'Bench message ' + $json.i";

/** Sinch's send body, built per item by one expression; the HTTP Request node sends exactly this. */
function sendBodyExpression(appId: string): string {
	return `={{ JSON.stringify({ app_id: '${appId}', recipient: { identified_by: { channel_identities: [{ channel: 'SMS', identity: ${IDENTITY} }] } }, message: { text_message: { text: ${TEXT} } } }) }}`;
}

type NodeJson = Record<string, unknown>;

function ourSendNode(name: string, appId: string, y: number): NodeJson {
	return {
		id: `bench-${y}`,
		name,
		type: NODE_TYPE,
		typeVersion: 1,
		position: [480, y],
		parameters: {
			resource: 'message',
			operation: 'send',
			appId: { __rl: true, mode: 'id', value: appId },
			recipientType: 'identities',
			channelIdentities: { identity: [{ channel: 'SMS', identity: `={{ ${IDENTITY} }}` }] },
			messageType: 'text',
			text: `={{ ${TEXT} }}`,
		},
		credentials: { sinchConversationApi: EMULATOR_CREDENTIALS.basic },
	};
}

interface HttpSetup {
	batching?: { batchSize: number; batchInterval: number };
	/** n8n's node settings. */
	settings?: NodeJson;
}

function httpSendNode(
	name: string,
	emulator: Emulator,
	appId: string,
	y: number,
	setup: HttpSetup = {},
): NodeJson {
	return {
		id: `bench-${y}`,
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [480, y],
		parameters: {
			method: 'POST',
			url: `${emulator.url}/v1/projects/${emulator.projectId}/messages:send`,
			authentication: 'genericCredentialType',
			genericAuthType: 'httpBasicAuth',
			sendBody: true,
			specifyBody: 'json',
			jsonBody: sendBodyExpression(appId),
			options: setup.batching ? { batching: { batch: setup.batching } } : {},
		},
		credentials: { httpBasicAuth: HTTP_CREDENTIAL },
		...setup.settings,
	};
}

/** Start → Items (N) → the nodes in order; a one-item warm-up of each node type runs first, on an app of its own. */
function workflow(id: string, items: number, warmUps: NodeJson[], targets: NodeJson[]): NodeJson {
	const link = (nodes: NodeJson[]) => [
		nodes.map((node) => ({ node: node.name as string, type: 'main', index: 0 })),
	];
	return {
		id,
		name: `Bench: ${id}`,
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
				id: 'bench-one',
				name: 'One item',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [240, -300],
				parameters: { jsCode: 'return [{ json: { i: 9999999 } }];' },
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
			...warmUps,
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
			'One item': { main: link(warmUps) },
			Items: { main: link(targets) },
		},
		pinData: {},
	};
}

async function createApp(emulator: Emulator, name: string, outbound: number): Promise<string> {
	const { status, body } = await emulatorRequest(emulator, 'POST', '/apps', {
		display_name: name,
		channel_credentials: [
			{ channel: 'SMS', static_bearer: { claimed_identity: 'bench', token: 'bench-token' } },
		],
	});
	if (status !== 200) throw new Error(`bench: creating app ${name}: ${status}`);
	const id = String(body.id);
	emulator.setOutboundRateLimit(outbound, id);
	return id;
}

interface TaskData {
	executionTime?: number;
	executionStatus?: string;
	error?: { message?: string };
	data?: { main?: Array<unknown[] | null> };
}

/** What the emulator saw for one app, and what n8n said about the node that sent to it. */
function figureFor(
	emulator: Emulator,
	variant: string,
	appId: string,
	items: number,
	run: WorkflowRun | undefined,
	failure?: string,
): SendFigure {
	const sends = emulator.requests.filter(
		(entry) =>
			entry.path.endsWith('messages:send') &&
			(entry.body as { app_id?: string } | undefined)?.app_id === appId,
	);
	const counts = new Map<string, number>();
	for (const stored of emulator.sentMessages.filter((message) => message.appId === appId)) {
		const identity = String(
			(stored.message.channel_identity as { identity?: string } | undefined)?.identity,
		).replace(/^\+/, '');
		counts.set(identity, (counts.get(identity) ?? 0) + 1);
	}
	const accepted = [...counts.values()].reduce((sum, n) => sum + n, 0);
	const task = run?.data.resultData.runData[variant]?.[0] as TaskData | undefined;
	return {
		variant,
		items,
		ms: task?.executionTime ?? NaN,
		outcome:
			task?.executionStatus === 'success'
				? 'success'
				: `failed: ${task?.error?.message ?? failure ?? 'did not run'}`,
		accepted,
		tooMany: sends.filter((entry) => entry.status === 429).length,
		otherErrors: sends.filter((entry) => entry.status !== 200 && entry.status !== 429).length,
		lost: items - counts.size,
		twice: accepted - counts.size,
		outputItems: (task?.data?.main ?? []).reduce((sum, output) => sum + (output?.length ?? 0), 0),
		peakPerSecond: peakPerSecond(sends.map((entry) => entry.receivedAt)),
	};
}

/** One `n8n execute`; a failed run still gives its run data (n8n prints it), which is what we measure. */
async function execute(
	runtime: N8nRuntime,
	folder: UserFolder,
	root: string,
	flow: NodeJson,
): Promise<{ run?: WorkflowRun; failure?: string }> {
	const file = path.join(root, `${String(flow.id)}.json`);
	writeFileSync(file, JSON.stringify(flow));
	await n8nCli(runtime, folder, ['import:workflow', `--input=${file}`]);
	const result = await runN8nCli(
		runtime,
		folder,
		['execute', `--id=${String(flow.id)}`, '--rawOutput'],
		{ timeoutMs: 300_000 },
	);
	try {
		return { run: parseRunOutput(result.stdout) };
	} catch (error) {
		return { failure: `${(error as Error).message.split('\n')[0]} ${tail(result.stderr, 300)}` };
	}
}

export interface MessageBench {
	paced: SendFigure[];
	/** Our node and the HTTP Request node with no rate limit (undefined: our Send is not in this tree). */
	unlimited?: { ours: SendFigure; http: SendFigure };
	ourSend: boolean;
}

export const VARIANTS = {
	ours: 'Sinch node: Message → Send',
	httpAsIs: 'HTTP Request, as is',
	httpContinue: 'HTTP Request, On Error: continue',
	httpRetry: 'HTTP Request, Retry On Fail (5 tries, 1 s apart)',
	httpBatched: 'HTTP Request, Batching 25 per 1000 ms',
};

/** Runs every variant; undefined when the n8n runtime is not installed. */
export async function messageBench(
	emulator: Emulator,
	items: number,
): Promise<MessageBench | undefined> {
	const runtime = installedRuntime();
	if (!runtime) return undefined;
	const ourSend = ourSendExists();
	const root = mkdtempSync(path.join(tmpdir(), 'sinch-bench-messages-'));
	try {
		const folder = prepareUserFolder(root);
		const credentials: CredentialFileEntry[] = [
			...emulatorCredentials(emulator),
			{
				...HTTP_CREDENTIAL,
				type: 'httpBasicAuth',
				data: { user: emulator.keyId, password: emulator.keySecret },
			},
		];
		await importCredentials(runtime, folder, credentials);
		emulator.reset();
		emulator.setDeliveryReports({ mode: 'off' });
		const warmApp = await createApp(emulator, 'warm-up', UNLIMITED);
		const warmUps = (withOurs: boolean) => [
			...(withOurs ? [ourSendNode('Warm-up (Sinch node)', warmApp, -500)] : []),
			httpSendNode('Warm-up (HTTP Request)', emulator, warmApp, -300),
		];

		const pacedVariants: Array<{ name: string; node: (appId: string) => NodeJson }> = [
			...(ourSend
				? [{ name: VARIANTS.ours, node: (app: string) => ourSendNode(VARIANTS.ours, app, 0) }]
				: []),
			{ name: VARIANTS.httpAsIs, node: (app) => httpSendNode(VARIANTS.httpAsIs, emulator, app, 0) },
			{
				name: VARIANTS.httpContinue,
				node: (app) =>
					httpSendNode(VARIANTS.httpContinue, emulator, app, 0, {
						settings: { onError: 'continueRegularOutput' },
					}),
			},
			{
				name: VARIANTS.httpRetry,
				node: (app) =>
					httpSendNode(VARIANTS.httpRetry, emulator, app, 0, {
						settings: { retryOnFail: true, maxTries: 5, waitBetweenTries: 1000 },
					}),
			},
			{
				name: VARIANTS.httpBatched,
				node: (app) =>
					httpSendNode(VARIANTS.httpBatched, emulator, app, 0, {
						batching: { batchSize: LIMIT_PER_SECOND, batchInterval: 1000 },
					}),
			},
		];
		// BENCH_MESSAGE_VARIANTS=ours: only Message → Send at the limit (to measure pacing alone, in a third of the time).
		const oursOnly = process.env.BENCH_MESSAGE_VARIANTS === 'ours';
		const paced: SendFigure[] = [];
		for (const [i, variant] of pacedVariants.entries()) {
			if (oursOnly && variant.name !== VARIANTS.ours) continue;
			const appId = await createApp(emulator, variant.name, LIMIT_PER_SECOND);
			const flow = workflow(`sinchBenchMessages${i}`, items, warmUps(ourSend), [
				variant.node(appId),
			]);
			const { run, failure } = await execute(runtime, folder, root, flow);
			paced.push(figureFor(emulator, variant.name, appId, items, run, failure));
		}

		let unlimited: MessageBench['unlimited'];
		if (ourSend && !oursOnly) {
			const ourApp = await createApp(emulator, 'unlimited ours', UNLIMITED);
			const httpApp = await createApp(emulator, 'unlimited http', UNLIMITED);
			const names = { ours: `${VARIANTS.ours}, no limit`, http: 'HTTP Request, no limit' };
			const flow = workflow('sinchBenchMessagesUnlimited', items, warmUps(true), [
				ourSendNode(names.ours, ourApp, 0),
				httpSendNode(names.http, emulator, httpApp, 200),
			]);
			const { run, failure } = await execute(runtime, folder, root, flow);
			unlimited = {
				ours: figureFor(emulator, names.ours, ourApp, items, run, failure),
				http: figureFor(emulator, names.http, httpApp, items, run, failure),
			};
		}
		return { paced, unlimited, ourSend };
	} finally {
		emulator.setDeliveryReports({ mode: 'auto' });
		rmSync(root, { recursive: true, force: true });
	}
}

export function printMessageBench(bench: MessageBench, items: number): void {
	const floor = (items / LIMIT_PER_SECOND) * 1000;
	console.log(
		`\nreal n8n, ${items} sends to an app limited to ${LIMIT_PER_SECOND}/s (floor ${floor} ms), one execution each:`,
	);
	if (!bench.ourSend)
		console.log("  (this tree's node has no Message → Send yet: only the HTTP Request node ran)");
	for (const f of bench.paced) {
		console.log(
			`  ${f.variant.padEnd(48)} ${String(Number.isNaN(f.ms) ? '-' : f.ms).padStart(6)} ms (${(f.ms / floor).toFixed(2)}x floor)  accepted ${f.accepted}  429s ${f.tooMany}  peak ${f.peakPerSecond}/s  other errors ${f.otherErrors}  lost ${f.lost}  twice ${f.twice}  output items ${f.outputItems}  ${f.outcome}`,
		);
	}
	if (bench.unlimited) {
		const { ours, http } = bench.unlimited;
		console.log(`  no rate limit, ${items} sends each, one execution:`);
		for (const f of [ours, http])
			console.log(
				`    ${f.variant.padEnd(46)} ${String(f.ms).padStart(6)} ms (${((f.ms * 1000) / items).toFixed(0)} µs/item)  accepted ${f.accepted}  lost ${f.lost}  twice ${f.twice}  ${f.outcome}`,
			);
	}
	console.log('');
}
