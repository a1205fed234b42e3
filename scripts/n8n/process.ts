/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/**
 * Running n8n from the cache: one-shot CLI commands (`import:*`, `export:nodes`, `execute`) and the long-running
 * `n8n start`, in its own process group so that stopping it stops its task runners too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';

import type { N8nRuntime } from './cache';
import { freePort, n8nEnv, type UserFolder } from './userFolder';

/**
 * n8n process groups started here that may still run. They are detached (their own group, so that stopping one stops
 * its task runners too), which also means a Ctrl-C in the terminal never reaches them: whatever ends this process
 * (Ctrl-C handled by `npm start`, an error, Jest finishing), they are killed on the way out.
 */
const liveGroups = new Set<ChildProcess>();
let exitHookInstalled = false;
function trackGroup(child: ChildProcess): void {
	if (!exitHookInstalled) {
		exitHookInstalled = true;
		process.on('exit', () => {
			for (const live of liveGroups) killGroup(live, 'SIGKILL');
		});
	}
	liveGroups.add(child);
}

export interface CliResult {
	code: number | null;
	stdout: string;
	stderr: string;
	ms: number;
}

/**
 * Runs `n8n <args>` to completion with the quiet environment (a fresh task-broker port, so it may run beside a
 * started n8n). Never throws for a non-zero exit: the caller decides.
 */
export async function runN8nCli(
	runtime: N8nRuntime,
	folder: UserFolder,
	args: string[],
	options: { timeoutMs?: number; env?: Record<string, string>; port?: number } = {},
): Promise<CliResult> {
	const env = n8nEnv(runtime, folder, {
		port: options.port ?? (await freePort()),
		brokerPort: await freePort(),
		logLevel: 'info',
		extra: options.env,
	});
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const child = spawn(runtime.node, [runtime.n8nBin, ...args], {
			cwd: folder.root,
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		trackGroup(child);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const timer = setTimeout(() => killGroup(child, 'SIGKILL'), options.timeoutMs ?? 120_000);
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('close', (code) => {
			clearTimeout(timer);
			// `n8n execute` can leave its task runner behind for a moment; the group goes with it.
			killGroup(child, 'SIGKILL');
			liveGroups.delete(child);
			resolve({ code, stdout, stderr, ms: Date.now() - started });
		});
	});
}

/** Like runN8nCli, but a non-zero exit is an error that carries n8n's output. */
export async function n8nCli(
	runtime: N8nRuntime,
	folder: UserFolder,
	args: string[],
	options: { timeoutMs?: number; env?: Record<string, string> } = {},
): Promise<CliResult> {
	const result = await runN8nCli(runtime, folder, args, options);
	if (result.code !== 0) {
		throw new Error(
			`n8n ${args.join(' ')} exited with ${result.code}:\n${tail(result.stdout + result.stderr, 4000)}`,
		);
	}
	return result;
}

export function tail(text: string, chars: number): string {
	return text.length > chars ? `…${text.slice(-chars)}` : text;
}

/**
 * Sends a signal to the process group of a child started with `detached: true` (n8n and its task runners).
 * Harmless when the group is already gone.
 */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// already gone
	}
}

export interface N8nServer {
	url: string;
	port: number;
	child: ChildProcess;
	/** Where n8n's output goes. */
	logFile?: string;
	/** Everything n8n printed so far (the last 200 kB). */
	output(): string;
	/** Resolves when the process has exited. */
	exited: Promise<number | null>;
	/** SIGTERM to the whole group, SIGKILL after `graceMs`; resolves when n8n is gone. */
	stop(graceMs?: number): Promise<void>;
}

export interface StartOptions {
	port: number;
	brokerPort?: number;
	/** Append n8n's output to this file. */
	logFile?: string;
	/** Also copy n8n's output to this stream (the terminal, with --verbose). */
	echo?: NodeJS.WritableStream;
	logLevel?: 'error' | 'warn' | 'info' | 'debug';
	env?: Record<string, string>;
	/** The n8n command and its flags; `['start']` unless given (a queue-mode worker: `['worker', '--concurrency=2']`). */
	command?: string[];
}

/** Starts `n8n start` (or `options.command`) in its own process group. Wait for it with waitForReady(). */
export async function startN8nServer(
	runtime: N8nRuntime,
	folder: UserFolder,
	options: StartOptions,
): Promise<N8nServer> {
	const env = n8nEnv(runtime, folder, {
		port: options.port,
		brokerPort: options.brokerPort ?? (await freePort()),
		logLevel: options.logLevel ?? 'info',
		extra: options.env,
	});
	const child = spawn(runtime.node, [runtime.n8nBin, ...(options.command ?? ['start'])], {
		cwd: folder.root,
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	trackGroup(child);
	let log: WriteStream | undefined;
	if (options.logFile) log = createWriteStream(options.logFile, { flags: 'a' });
	let output = '';
	const onData = (chunk: Buffer) => {
		output = (output + chunk.toString()).slice(-200_000);
		log?.write(chunk);
		options.echo?.write(chunk);
	};
	child.stdout?.on('data', onData);
	child.stderr?.on('data', onData);
	const exited = new Promise<number | null>((resolve) => {
		child.on('error', () => resolve(null));
		child.on('close', (code) => {
			log?.end();
			resolve(code);
		});
	});
	let stopping: Promise<void> | undefined;
	const stop = (graceMs = 15_000) => {
		stopping ??= (async () => {
			if (child.exitCode === null && child.signalCode === null) {
				killGroup(child, 'SIGTERM');
				const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
				await exited;
				clearTimeout(timer);
			}
			// n8n's task runners share its group; none may outlive it.
			killGroup(child, 'SIGKILL');
			liveGroups.delete(child);
		})();
		return stopping;
	};
	return {
		url: `http://127.0.0.1:${options.port}`,
		port: options.port,
		child,
		logFile: options.logFile,
		output: () => output,
		exited,
		stop,
	};
}

/** Polls /healthz/readiness until n8n answers 200; fails early if n8n exits. */
export async function waitForReady(server: N8nServer, timeoutMs = 120_000): Promise<number> {
	const started = Date.now();
	let exitCode: number | null | undefined;
	void server.exited.then((code) => (exitCode = code));
	while (Date.now() - started < timeoutMs) {
		if (exitCode !== undefined) {
			throw new Error(
				`n8n exited (code ${exitCode}) before it was ready:\n${tail(server.output(), 4000)}`,
			);
		}
		try {
			const response = await fetch(`${server.url}/healthz/readiness`, {
				signal: AbortSignal.timeout(2000),
			});
			if (response.ok) return Date.now() - started;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(
		`n8n was not ready after ${Math.round(timeoutMs / 1000)} s:\n${tail(server.output(), 4000)}`,
	);
}
