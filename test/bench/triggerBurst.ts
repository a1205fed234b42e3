/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/* eslint-disable no-console -- a command-line tool: the console is where it reports */
/**
 * The trigger half of `npm run bench`: one real n8n (`n8n start`) with three published workflows, each a receiver
 * followed by a No Op node: the Sinch Conversation Trigger on version 2 and on version 1 (each on its own emulator
 * app, with the webhook it registered itself), and n8n's own Webhook node (version 2, POST, answer on receipt), for
 * which a webhook with a secret is made on a third app. The emulator delivers a burst of N signed MESSAGE_INBOUND
 * callbacks to one receiver at a time, all at once, as Sinch does when traffic spikes. Measured: the time until every
 * callback has its answer, and until n8n has finished (and stored) every execution; the rate is N over the latter.
 * Rounds rotate the order of the receivers, and the median round counts. After the bursts a forged callback must get
 * 401 from both triggers: the figures are for a trigger that verifies every callback.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { installedRuntime, type N8nRuntime } from '../../scripts/n8n/cache';
import {
	EMULATOR_CREDENTIALS,
	emulatorCredentials,
	importCredentials,
} from '../../scripts/n8n/importData';
import { ensureOwner, type Session } from '../../scripts/n8n/owner';
import { n8nCli, startN8nServer, waitForReady, type N8nServer } from '../../scripts/n8n/process';
import {
	freePort,
	NODE_TYPE,
	prepareUserFolder,
	type UserFolder,
} from '../../scripts/n8n/userFolder';
import type { Emulator } from '../emulator';
import { emulatorApi } from '../harness/emulatorApi';

export const RECEIVERS = {
	ours2: 'Sinch Conversation Trigger v2',
	ours1: 'Sinch Conversation Trigger v1',
	webhookNode: 'n8n Webhook node v2',
} as const;
type ReceiverKey = keyof typeof RECEIVERS;

export interface BurstConfig {
	name: string;
	env: Record<string, string>;
}

/** n8n's defaults, and its expression engine told to create an isolate only when an expression needs one. */
export const BURST_CONFIGS: BurstConfig[] = [
	{ name: 'defaults', env: {} },
	{
		name: 'N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true',
		env: { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' },
	},
];

export interface BurstFigure {
	config: string;
	receiver: string;
	callbacks: number;
	/** Median round: first callback sent to last answer received. */
	answeredMs: number;
	/** Median round: first callback sent until every answer is in and every execution has finished. */
	finishedMs: number;
	/** Callbacks a second, over finishedMs. */
	rate: number;
	/** Every round's rate, in the order run. */
	rates: number[];
	/** Answers other than 200 and executions missing, over all rounds. */
	failures: number;
	/** For the triggers: what a forged callback got (401 when verification is on). */
	forgedStatus?: number | null;
}

interface Receiver {
	key: ReceiverKey;
	workflowId: string;
	appId: string;
	/** The URL n8n serves it on, once the server runs. */
	target: (server: N8nServer) => string;
}

const WEBHOOK_NODE_PATH = 'sinch-bench-burst';

function receiverWorkflow(receiver: Receiver, webhookId: string): Record<string, unknown> {
	const start =
		receiver.key === 'webhookNode'
			? {
					id: `${receiver.workflowId}-start`,
					name: 'Receive',
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					position: [0, 0],
					webhookId,
					parameters: { httpMethod: 'POST', path: WEBHOOK_NODE_PATH, options: {} },
				}
			: {
					id: `${receiver.workflowId}-start`,
					name: 'Receive',
					type: `${NODE_TYPE}Trigger`,
					typeVersion: receiver.key === 'ours1' ? 1 : 2,
					position: [0, 0],
					webhookId,
					parameters: {
						app: { __rl: true, mode: 'id', value: receiver.appId },
						events: ['MESSAGE_INBOUND'],
						options: {},
					},
					credentials: {
						sinchConversationApi: {
							id: EMULATOR_CREDENTIALS.oAuth2.id,
							name: EMULATOR_CREDENTIALS.oAuth2.name,
						},
					},
				};
	return {
		id: receiver.workflowId,
		name: `Bench burst: ${RECEIVERS[receiver.key]}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			start,
			{
				id: `${receiver.workflowId}-done`,
				name: 'Done',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [240, 0],
				parameters: {},
			},
		],
		connections: { Receive: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
		pinData: {},
	};
}

class Rest {
	constructor(
		private readonly server: N8nServer,
		private readonly session: Session,
	) {}

	async get(route: string): Promise<Record<string, unknown>> {
		const response = await fetch(`${this.server.url}/rest${route}`, {
			headers: { cookie: this.session.cookie, 'browser-id': this.session.browserId },
		});
		const text = await response.text();
		if (!response.ok)
			throw new Error(`GET /rest${route}: HTTP ${response.status} ${text.slice(0, 300)}`);
		return (JSON.parse(text) as { data: Record<string, unknown> }).data;
	}

	/**
	 * The workflow's finished executions: how many, and when the last one stopped, read from the newest 100 (n8n's
	 * page limit; executions of a burst stop in about the order they started).
	 */
	async finished(workflowId: string): Promise<{ count: number; lastStop: number }> {
		const filter = encodeURIComponent(
			JSON.stringify({ workflowId, status: ['success', 'error', 'crashed', 'canceled'] }),
		);
		const data = await this.get(`/executions?filter=${filter}&limit=100`);
		const results = (data.results ?? []) as Array<{ status: string; stoppedAt?: string }>;
		const done = results.filter((execution) => execution.stoppedAt);
		return {
			count: Number(data.count ?? results.length),
			lastStop: Math.max(0, ...done.map((execution) => Date.parse(execution.stoppedAt!))),
		};
	}
}

async function until<T>(
	what: string,
	probe: () => Promise<T | undefined>,
	timeoutMs: number,
): Promise<T> {
	const started = Date.now();
	while (Date.now() - started < timeoutMs) {
		const value = await probe();
		if (value !== undefined) return value;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
}

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** One burst to one receiver: every callback at once, then until n8n has finished every execution. */
async function burst(
	emulator: Emulator,
	rest: Rest,
	receiver: Receiver,
	callbacks: number,
): Promise<{ answeredMs: number; finishedMs: number; failures: number }> {
	const before = (await rest.finished(receiver.workflowId)).count;
	const started = Date.now();
	const deliveries = await Promise.all(
		Array.from({ length: callbacks }, async () => {
			const [delivery] = await emulator.deliver({
				appId: receiver.appId,
				trigger: 'MESSAGE_INBOUND',
				timeoutMs: 120_000,
			});
			return delivery;
		}),
	);
	const answeredMs = Date.now() - started;
	const refused = deliveries.filter((delivery) => delivery?.status !== 200).length;
	const expected = before + callbacks - refused;
	const { count, lastStop } = await until(
		`${callbacks} executions of ${RECEIVERS[receiver.key]}`,
		async () => {
			const now = await rest.finished(receiver.workflowId);
			return now.count >= expected ? now : undefined;
		},
		180_000,
	);
	return {
		answeredMs,
		// Done when both are: every answer received and every execution finished.
		finishedMs: Math.max(lastStop - started, answeredMs),
		failures: refused + Math.max(0, before + callbacks - count),
	};
}

async function prepare(
	runtime: N8nRuntime,
	folder: UserFolder,
	emulator: Emulator,
): Promise<Receiver[]> {
	const apps: Record<ReceiverKey, string> = { ours2: '', ours1: '', webhookNode: '' };
	for (const key of Object.keys(apps) as ReceiverKey[]) {
		const app = await emulatorApi(emulator, 'POST', '/apps', {
			display_name: `Bench burst ${key}`,
			channel_credentials: [
				{ channel: 'SMS', static_bearer: { claimed_identity: 'plan-1', token: 'sms-token' } },
			],
		});
		apps[key] = String(app.id);
	}
	const webhookIds: Record<ReceiverKey, string> = {
		ours2: '6a0e1c52-2b7d-4f31-9c48-b1e5a0d7c201',
		ours1: '6a0e1c52-2b7d-4f31-9c48-b1e5a0d7c202',
		webhookNode: '6a0e1c52-2b7d-4f31-9c48-b1e5a0d7c203',
	};
	const receivers: Receiver[] = (Object.keys(apps) as ReceiverKey[]).map((key) => ({
		key,
		workflowId: `sinchBenchBurst${key[0].toUpperCase()}${key.slice(1)}`,
		appId: apps[key],
		target: (server) =>
			key === 'webhookNode'
				? `${server.url}/webhook/${WEBHOOK_NODE_PATH}`
				: `${server.url}/webhook/${webhookIds[key]}/webhook`,
	}));
	const file = path.join(folder.root, 'burst-workflows.json');
	writeFileSync(
		file,
		JSON.stringify(
			receivers.map((receiver) => receiverWorkflow(receiver, webhookIds[receiver.key])),
		),
	);
	await importCredentials(runtime, folder, emulatorCredentials(emulator));
	await n8nCli(runtime, folder, ['import:workflow', `--input=${file}`]);
	for (const receiver of receivers)
		await n8nCli(runtime, folder, ['publish:workflow', `--id=${receiver.workflowId}`]);
	return receivers;
}

/** The bursts in real n8n, once per config; undefined when the n8n runtime is not installed. */
export async function triggerBurst(
	emulator: Emulator,
	options: {
		callbacks: number;
		rounds: number;
		configs?: BurstConfig[];
		log?: (line: string) => void;
	},
): Promise<BurstFigure[] | undefined> {
	const runtime = installedRuntime();
	if (!runtime) return undefined;
	const log = options.log ?? (() => {});
	const root = mkdtempSync(path.join(tmpdir(), 'sinch-bench-burst-'));
	const figures: BurstFigure[] = [];
	try {
		const folder = prepareUserFolder(root);
		const receivers = await prepare(runtime, folder, emulator);
		// The same port for every config: the triggers then adopt the webhooks they registered the first time.
		const port = await freePort();
		for (const config of options.configs ?? BURST_CONFIGS) {
			const server = await startN8nServer(runtime, folder, { port, env: config.env });
			try {
				await waitForReady(server);
				const rest = new Rest(server, (await ensureOwner(server.url)).session);
				for (const receiver of receivers.filter((entry) => entry.key !== 'webhookNode')) {
					await until(
						`the webhook of ${RECEIVERS[receiver.key]}`,
						async () =>
							emulator.webhooks.some((webhook) => webhook.target === receiver.target(server))
								? true
								: undefined,
						60_000,
					);
				}
				const webhookNode = receivers.find((entry) => entry.key === 'webhookNode')!;
				if (!emulator.webhooks.some((webhook) => webhook.app_id === webhookNode.appId)) {
					await emulatorApi(emulator, 'POST', '/webhooks', {
						app_id: webhookNode.appId,
						target: webhookNode.target(server),
						target_type: 'HTTP',
						triggers: ['MESSAGE_INBOUND'],
						// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- made up for the tests, not a secret
						secret: 'bench-burst-webhook-node-secret-0123456789',
					});
				}
				// One callback each first: n8n loads each workflow's code paths once, outside the figures.
				for (const receiver of receivers) await burst(emulator, rest, receiver, 1);

				const rounds: Record<
					ReceiverKey,
					Array<{ answeredMs: number; finishedMs: number; failures: number }>
				> = { ours2: [], ours1: [], webhookNode: [] };
				for (let round = 0; round < options.rounds; round++) {
					const order = receivers.map((_, i) => receivers[(i + round) % receivers.length]);
					for (const receiver of order) {
						const result = await burst(emulator, rest, receiver, options.callbacks);
						rounds[receiver.key].push(result);
						log(
							`  [${config.name}] round ${round + 1}: ${RECEIVERS[receiver.key]}: answered ${result.answeredMs} ms, finished ${result.finishedMs} ms`,
						);
					}
				}
				for (const receiver of receivers) {
					const results = rounds[receiver.key];
					const rates = results.map((result) => (options.callbacks * 1000) / result.finishedMs);
					let forgedStatus: number | null | undefined;
					if (receiver.key !== 'webhookNode') {
						const [forged] = await emulator.deliver({
							appId: receiver.appId,
							trigger: 'MESSAGE_INBOUND',
							forgeSignature: true,
						});
						forgedStatus = forged.status;
					}
					figures.push({
						config: config.name,
						receiver: RECEIVERS[receiver.key],
						callbacks: options.callbacks,
						answeredMs: median(results.map((result) => result.answeredMs)),
						finishedMs: median(results.map((result) => result.finishedMs)),
						rate: median(rates),
						rates,
						failures: results.reduce((sum, result) => sum + result.failures, 0),
						forgedStatus,
					});
				}
			} finally {
				await server.stop();
			}
		}
	} finally {
		rmSync(root, { recursive: true, force: true });
	}
	return figures;
}

/** Standalone: `node ./node_modules/tsx/dist/cli.mjs test/bench/triggerBurst.ts` (BURST_CALLBACKS, BURST_ROUNDS). */
if (require.main === module) {
	void (async () => {
		const { startEmulator } = await import('../emulator');
		const emulator = await startEmulator({ port: 0 });
		try {
			const figures = await triggerBurst(emulator, {
				callbacks: Number(process.env.BURST_CALLBACKS ?? 200),
				rounds: Number(process.env.BURST_ROUNDS ?? 3),
				log: (line) => console.log(line),
			});
			console.log(JSON.stringify(figures, null, 2));
		} finally {
			await emulator.close();
		}
	})();
}
