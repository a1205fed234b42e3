/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/**
 * n8n in queue mode on one machine, from nothing: Redis and Postgres (services.ts), credentials and workflows
 * imported into Postgres and published with n8n's CLI, then one main (`n8n start`, which receives webhooks and puts
 * executions on the Redis queue) and workers (`n8n worker`, which run them). Every process has its own user folder
 * with this package linked, its own ports, and the same encryption key; all of it on 127.0.0.1.
 * stop() ends every process group and deletes every folder, also after a failed start.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { N8nRuntime } from '../n8n/cache';
import { importCredentials, importWorkflows, type CredentialFileEntry } from '../n8n/importData';
import {
	n8nCli,
	startN8nServer,
	tail,
	waitForReady,
	type N8nServer,
	type StartOptions,
} from '../n8n/process';
import { prepareUserFolder, type UserFolder } from '../n8n/userFolder';
import {
	isRunning,
	reservePorts,
	startPostgres,
	startRedis,
	type Postgres,
	type Service,
} from './services';

export interface QueueClusterOptions {
	credentials: CredentialFileEntry[];
	/** Workflow JSON objects, each with an `id`; all are imported, and those in `publish` are made active. */
	workflows: Array<Record<string, unknown>>;
	publish: string[];
	workers?: number;
	/** `n8n worker --concurrency`: executions one worker runs at the same time. */
	concurrency?: number;
	/** Extra environment for every n8n process. */
	env?: Record<string, string>;
	/**
	 * Sets WEBHOOK_URL to `http://<this host>:<main's port>/` on the workers too, not only on the main. A worker builds
	 * the URLs of what it runs, e.g. the resume links of a waiting execution, from its own WEBHOOK_URL (without one:
	 * localhost:5678). The main then starts before the workers, which need its port.
	 */
	publicHost?: string;
	log?: (line: string) => void;
}

export interface Worker extends N8nServer {
	name: string;
}

export interface QueueCluster {
	/** The temporary folder of every user folder, log and database file; gone after stop(). */
	root: string;
	redis: Service;
	postgres: Postgres;
	main: N8nServer;
	workers: Worker[];
	/** The production URL of a Webhook node's path. */
	webhookUrl(webhookPath: string): string;
	/** Process IDs of everything started (servers and n8n process groups), to check that none outlives stop(). */
	pids(): number[];
	/** Every port listened on, likewise. */
	ports(): number[];
	stop(): Promise<void>;
}

/** The settings every process of one queue-mode installation shares. */
function queueEnv(
	redis: Service,
	postgres: Postgres,
	encryptionKey: string,
): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		// Credentials are encrypted in the shared database: a worker with another key cannot read them.
		N8N_ENCRYPTION_KEY: encryptionKey,
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'false',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
	};
}

export async function startQueueCluster(
	runtime: N8nRuntime,
	options: QueueClusterOptions,
): Promise<QueueCluster> {
	const log = options.log ?? (() => {});
	const root = mkdtempSync(path.join(tmpdir(), 'sinch-queue-'));
	const started: Array<{ stop(): Promise<void> }> = [];
	let redis: Service | undefined;
	let postgres: Postgres | undefined;
	const servers: N8nServer[] = [];
	const stop = async () => {
		// n8n first (it holds connections to both), then the servers, then the folders.
		await Promise.all(servers.map((server) => server.stop(20_000)));
		await Promise.all(started.map((service) => service.stop()));
		rmSync(root, { recursive: true, force: true });
	};
	try {
		const at = Date.now();
		[redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
		started.push(redis, postgres);
		log(`redis on ${redis.port}, postgres on ${postgres.port} (${Date.now() - at} ms)`);
		const env = { ...queueEnv(redis, postgres, randomBytes(24).toString('hex')), ...options.env };

		const mainFolder = prepareUserFolder(path.join(root, 'main'));
		const workflowsDir = path.join(root, 'workflows');
		mkdirSync(workflowsDir);
		for (const workflow of options.workflows) {
			writeFileSync(
				path.join(workflowsDir, `${String(workflow.id)}.json`),
				JSON.stringify(workflow, null, 2),
			);
		}
		await importCredentials(runtime, mainFolder, options.credentials, env);
		await importWorkflows(runtime, mainFolder, workflowsDir, env);
		// An imported workflow cannot be activated on a fresh database by import:workflow itself.
		// (The database exists by now, so these may run side by side.)
		await Promise.all(
			options.publish.map((id) =>
				n8nCli(runtime, mainFolder, ['publish:workflow', `--id=${id}`], { env }),
			),
		);
		log(`imported and published (${Date.now() - at} ms)`);

		/**
		 * Starts one n8n process and waits until it is ready. A port can be taken between choosing it and n8n binding it
		 * (the machine is shared); n8n then exits saying so, and it is started again on other ports.
		 */
		const startReady = async (
			name: string,
			folder: UserFolder,
			options: (port: number) => Omit<StartOptions, 'port' | 'brokerPort' | 'logFile'>,
		): Promise<N8nServer> => {
			for (let attempt = 1; ; attempt++) {
				const [port, brokerPort] = await reservePorts(2);
				const server = await startN8nServer(runtime, folder, {
					...options(port),
					port,
					brokerPort,
					logFile: path.join(root, `${name}.log`),
				});
				servers.push(server);
				try {
					await waitForReady(server, 180_000);
					return server;
				} catch (error) {
					await server.stop();
					if (attempt < 3 && /already in use/.test(server.output())) {
						log(`${name}: a port was taken, starting again`);
						continue;
					}
					throw error;
				}
			}
		};
		const concurrency = options.concurrency ?? 2;
		const workerNames = Array.from(
			{ length: options.workers ?? 2 },
			(_, index) => `worker${index + 1}`,
		);
		const startMain = () =>
			startReady('main', mainFolder, (port) => ({
				// The URL the main gives trigger nodes to register as their webhook target.
				env: { ...env, WEBHOOK_URL: `http://${options.publicHost ?? '127.0.0.1'}:${port}/` },
			}));
		// A worker has no editor: its port is the health check's, which answers /healthz/readiness.
		const startWorker = (name: string, webhookUrl?: string) =>
			startReady(name, prepareUserFolder(path.join(root, name)), (port) => ({
				command: ['worker', `--concurrency=${concurrency}`],
				env: {
					...env,
					...(webhookUrl === undefined ? {} : { WEBHOOK_URL: webhookUrl }),
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(port),
					N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
				},
			}));
		let main: N8nServer;
		let workerServers: N8nServer[];
		if (options.publicHost === undefined) {
			[main, ...workerServers] = await Promise.all([
				startMain(),
				...workerNames.map((name) => startWorker(name)),
			]);
		} else {
			main = await startMain();
			const webhookUrl = `http://${options.publicHost}:${main.port}/`;
			workerServers = await Promise.all(workerNames.map((name) => startWorker(name, webhookUrl)));
		}
		const workers: Worker[] = workerServers.map((server, index) => ({
			...server,
			name: workerNames[index],
		}));
		log(`main and ${workers.length} workers ready (${Date.now() - at} ms)`);

		// The main answers readiness before it has registered the published webhooks.
		for (const id of options.publish) {
			await waitUntil(
				() =>
					postgres!.query(`select count(*) from webhook_entity where "workflowId" = '${id}'`)[0] !==
					'0',
				60_000,
				() =>
					`no webhook of workflow ${id} was registered by the main:\n${tail(main.output(), 3000)}`,
			);
		}
		log(`webhooks registered (${Date.now() - at} ms)`);

		const services = [redis, postgres];
		return {
			root,
			redis,
			postgres,
			main,
			workers,
			webhookUrl: (webhookPath) => `${main.url}/webhook/${webhookPath}`,
			pids: () =>
				[...services, ...servers]
					.map((entry) => entry.child.pid)
					.filter((pid): pid is number => pid !== undefined),
			ports: () => [...services, main, ...workers].map((entry) => entry.port),
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}

export async function waitUntil(
	condition: () => boolean | Promise<boolean>,
	timeoutMs: number,
	message: () => string,
): Promise<void> {
	const started = Date.now();
	while (!(await condition())) {
		if (Date.now() - started > timeoutMs) throw new Error(message());
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/** Whether any process of the group led by `pid` is still alive (a negative pid addresses the group). */
export function groupAlive(pid: number): boolean {
	return isRunning(-pid);
}
