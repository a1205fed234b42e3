/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/require-node-api-error -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/**
 * The two servers n8n's queue mode needs beside n8n itself, from the system's packages (Debian: `redis-server`,
 * `postgresql`), each on a free port of 127.0.0.1 with its data in a temporary folder, in its own process group, and
 * gone (group and folder) after stop(). Nothing is saved: Redis keeps no dump, Postgres' folder is deleted.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect, createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { killGroup, tail } from '../n8n/process';
import { freePort } from '../n8n/userFolder';

export interface Service {
	name: string;
	port: number;
	child: ChildProcess;
	output(): string;
	/** Resolves when the process has exited. */
	exited: Promise<number | null>;
	/** Stops the whole group (SIGKILL after `graceMs`) and removes its data; resolves when it is gone. */
	stop(graceMs?: number): Promise<void>;
}

function spawnService(
	name: string,
	port: number,
	command: string,
	args: string[],
	stopSignal: NodeJS.Signals,
): Service {
	const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	let output = '';
	const onData = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-50_000));
	child.stdout?.on('data', onData);
	child.stderr?.on('data', onData);
	const exited = new Promise<number | null>((resolve) => {
		child.on('error', (error) => {
			output += `\n${String(error)}`;
			resolve(null);
		});
		child.on('close', resolve);
	});
	// Whatever ends the test process, the server goes with it.
	const onExit = () => killGroup(child, 'SIGKILL');
	process.once('exit', onExit);
	let stopping: Promise<void> | undefined;
	const stop = (graceMs = 10_000) => {
		stopping ??= (async () => {
			if (child.exitCode === null && child.signalCode === null) {
				killGroup(child, stopSignal);
				const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
				await exited;
				clearTimeout(timer);
			}
			killGroup(child, 'SIGKILL');
			process.off('exit', onExit);
		})();
		return stopping;
	};
	return { name, port, child, output: () => output, exited, stop };
}

/** Polls `ready()` until it is true; fails early (with the server's output) if the server exits. */
async function waitFor(
	service: Service,
	ready: () => Promise<boolean>,
	timeoutMs: number,
): Promise<void> {
	const started = Date.now();
	let exitCode: number | null | undefined;
	void service.exited.then((code) => (exitCode = code));
	while (Date.now() - started < timeoutMs) {
		if (exitCode !== undefined) {
			throw new Error(
				`${service.name} exited (code ${exitCode}) before it was ready:\n${tail(service.output(), 3000)}`,
			);
		}
		if (await ready().catch(() => false)) return;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(
		`${service.name} was not ready after ${timeoutMs / 1000} s:\n${tail(service.output(), 3000)}`,
	);
}

/** Where Debian puts a binary that is not on PATH (Postgres' server binaries live under a versioned folder). */
function findPostgresBin(name: string): string {
	const root = '/usr/lib/postgresql';
	if (existsSync(root)) {
		const versions = readdirSync(root)
			.filter((entry) => /^\d+$/.test(entry))
			.sort((a, b) => Number(b) - Number(a));
		for (const version of versions) {
			const candidate = path.join(root, version, 'bin', name);
			if (existsSync(candidate)) return candidate;
		}
	}
	throw new Error(
		`Postgres' ${name} was not found under ${root}: install Debian's postgresql (scripts/ci-e2e-prereqs.sh).`,
	);
}

/**
 * Starts a server on a free port and waits until it answers. A port can be taken between choosing it and the server
 * binding it (the machine is shared); the server then exits saying so, and it is started again on another port.
 */
async function startOnFreePort(
	start: (port: number) => Service,
	ready: (service: Service) => Promise<boolean>,
	timeoutMs: number,
): Promise<Service> {
	for (let attempt = 1; ; attempt++) {
		const service = start(await freePort());
		try {
			await waitFor(service, () => ready(service), timeoutMs);
			return service;
		} catch (error) {
			await service.stop();
			if (attempt < 3 && /in use/i.test(service.output())) continue;
			throw error;
		}
	}
}

export async function startRedis(): Promise<Service> {
	return await startOnFreePort(
		(port) =>
			spawnService(
				'redis-server',
				port,
				'redis-server',
				[
					'--port',
					String(port),
					'--bind',
					'127.0.0.1',
					'--save',
					'',
					'--appendonly',
					'no',
					'--loglevel',
					'warning',
				],
				'SIGTERM',
			),
		async (service) => await redisPing(service.port),
		20_000,
	);
}

/** A PING over a plain socket: no Redis client needed. */
function redisPing(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		socket.setTimeout(1000);
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.once('data', (data) => {
			socket.destroy();
			resolve(data.toString().startsWith('+PONG'));
		});
		socket.once('error', () => resolve(false));
		socket.once('timeout', () => {
			socket.destroy();
			resolve(false);
		});
	});
}

export interface Postgres extends Service {
	database: string;
	user: string;
	/** Runs SQL with psql and returns its rows, columns separated by `|`. */
	query(sql: string): string[];
}

/**
 * initdb and postgres refuse to run as root: as root they run as the `postgres` user that Debian's package creates
 * (setpriv switches user without a shell in between, so the server is the process that gets the signals).
 */
function asPostgresUser(): { prefix: string[]; uid?: number; gid?: number } {
	if (process.getuid?.() !== 0) return { prefix: [] };
	let uid: number;
	let gid: number;
	try {
		uid = Number(
			execFileSync('id', ['-u', 'postgres'], { stdio: ['ignore', 'pipe', 'ignore'] })
				.toString()
				.trim(),
		);
		gid = Number(
			execFileSync('id', ['-g', 'postgres'], { stdio: ['ignore', 'pipe', 'ignore'] })
				.toString()
				.trim(),
		);
	} catch {
		throw new Error(
			"Postgres refuses to run as root, and there is no `postgres` user to run it as: install Debian's postgresql, or run the tests as another user.",
		);
	}
	return {
		prefix: ['setpriv', '--reuid=postgres', '--regid=postgres', '--init-groups', '--'],
		uid,
		gid,
	};
}

/** A throw-away Postgres cluster: trust authentication on 127.0.0.1 only, no Unix socket outside its folder. */
export async function startPostgres(database = 'n8n'): Promise<Postgres> {
	const user = 'n8n';
	const dir = mkdtempSync(path.join(tmpdir(), 'sinch-queue-pg-'));
	const owner = asPostgresUser();
	if (owner.uid !== undefined && owner.gid !== undefined) chownSync(dir, owner.uid, owner.gid);
	const dataDir = path.join(dir, 'data');
	const run = (bin: string, args: string[]) => {
		const [command, ...rest] = [...owner.prefix, findPostgresBin(bin), ...args];
		return execFileSync(command, rest, { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir }).toString();
	};
	try {
		run('initdb', [
			'-D',
			dataDir,
			'-U',
			user,
			'--auth=trust',
			'--encoding=UTF8',
			'--no-sync',
			'--locale=C',
		]);
	} catch (error) {
		rmSync(dir, { recursive: true, force: true });
		const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
		throw new Error(`initdb failed: ${stderr}`);
	}
	const psql = (port: number, db: string, sql: string) =>
		execFileSync(
			findPostgresBin('psql'),
			[
				'-h',
				'127.0.0.1',
				'-p',
				String(port),
				'-U',
				user,
				'-d',
				db,
				'-X',
				'-A',
				'-t',
				'-q',
				'-v',
				'ON_ERROR_STOP=1',
				'-c',
				sql,
			],
			{ stdio: ['ignore', 'pipe', 'pipe'], timeout: 20_000 },
		).toString();
	const removeDir = () => rmSync(dir, { recursive: true, force: true });
	let service: Service;
	try {
		service = await startOnFreePort(
			(port) => {
				const [command, ...args] = [
					...owner.prefix,
					findPostgresBin('postgres'),
					'-D',
					dataDir,
					'-p',
					String(port),
					'-c',
					'listen_addresses=127.0.0.1',
					'-c',
					`unix_socket_directories=${dir}`,
					'-c',
					'fsync=off',
					'-c',
					'synchronous_commit=off',
					'-c',
					'full_page_writes=off',
				];
				// SIGINT is Postgres' fast shutdown: it ends open connections instead of waiting for them.
				return spawnService('postgres', port, command, args, 'SIGINT');
			},
			async (started) => {
				psql(started.port, 'postgres', 'select 1');
				return true;
			},
			30_000,
		);
	} catch (error) {
		removeDir();
		throw error;
	}
	try {
		psql(service.port, 'postgres', `create database ${database}`);
	} catch (error) {
		await service.stop();
		removeDir();
		throw error;
	}
	const stopService = service.stop;
	return {
		...service,
		stop: async (graceMs) => {
			await stopService(graceMs);
			removeDir();
		},
		database,
		user,
		query: (sql) =>
			psql(service.port, database, sql)
				.split('\n')
				.filter((line) => line !== ''),
	};
}

/** `count` different ports of 127.0.0.1 that are free right now (all held open until all are chosen). */
export async function reservePorts(count: number): Promise<number[]> {
	const servers = await Promise.all(
		Array.from(
			{ length: count },
			() =>
				new Promise<Server>((resolve, reject) => {
					const server = createServer();
					server.once('error', reject);
					server.listen(0, '127.0.0.1', () => resolve(server));
				}),
		),
	);
	const ports = servers.map((server) => (server.address() as AddressInfo).port);
	await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
	return ports;
}

/** Whether a process still exists (signal 0 checks without sending anything). */
export function isRunning(pid: number | undefined): boolean {
	if (pid === undefined) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}
