/**
 * `npm start` as a newcomer runs it: the real command, twice, each time stopped with Ctrl-C (SIGINT to its process
 * group, as a terminal sends it). It runs in a cache folder of its own whose Node 24 and n8n are links to the installed
 * ones, so a developer's own `npm start` data is never touched and nothing is installed twice.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ensureRuntime } from '../../scripts/n8n/cache';
import { exampleWorkflows } from '../../scripts/n8n/importData';
import { DEV_LOGIN, logIn } from '../../scripts/n8n/owner';
import { freePort, isPortFree, packageRoot } from '../../scripts/n8n/userFolder';

let cache: string;
let n8nPort: number;
let emulatorPort: number;

beforeAll(async () => {
	const runtime = await ensureRuntime();
	cache = mkdtempSync(path.join(tmpdir(), 'sinch-npm-start-'));
	for (const entry of readdirSync(runtime.cacheDir).filter((name) =>
		/^(node\d+|n8n-[\d.]+)$/.test(name),
	)) {
		symlinkSync(path.join(runtime.cacheDir, entry), path.join(cache, entry), 'dir');
	}
	n8nPort = await freePort();
	emulatorPort = await freePort();
}, 600_000);

afterAll(() => {
	if (cache) rmSync(cache, { recursive: true, force: true });
});

interface Started {
	child: ChildProcess;
	output: () => string;
	/** The exit code, or the signal that ended npm. */
	exited: Promise<number | string | null>;
	ms: number;
}

/** Runs `npm start` in its own process group and waits for its banner. */
async function npmStart(): Promise<Started> {
	const env: NodeJS.ProcessEnv = {
		...process.env,
		SINCH_N8N_CACHE: cache,
		N8N_PORT: String(n8nPort),
		SINCH_EMULATOR_PORT: String(emulatorPort),
	};
	delete env.NODE_ENV;
	const started = Date.now();
	const child = spawn('npm', ['start'], {
		cwd: packageRoot,
		env,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<number | string | null>((resolve) =>
		child.on('close', (code, signal) => resolve(code ?? signal)),
	);
	let code: number | string | null | undefined;
	void exited.then((value) => (code = value));
	while (!output.includes('Press Ctrl-C to stop')) {
		if (code !== undefined)
			throw new Error(`npm start exited (${code}) before its banner:\n${output.slice(-4000)}`);
		if (Date.now() - started > 180_000)
			throw new Error(`npm start printed no banner in 180 s:\n${output.slice(-4000)}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	return { child, output: () => output, exited, ms: Date.now() - started };
}

/** Ctrl-C in the terminal: SIGINT to the whole foreground group. */
async function pressCtrlC(run: Started): Promise<void> {
	process.kill(-run.child.pid!, 'SIGINT');
	let timer: NodeJS.Timeout | undefined;
	const ended = await Promise.race([
		run.exited,
		new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), 60_000))),
	]);
	clearTimeout(timer);
	// npm passes the Ctrl-C on to the script and then ends itself by the same signal, as a shell expects.
	expect([0, 'SIGINT']).toContain(ended);
	expect(run.output()).toContain('Stopped. Nothing is left running.');
	expect(await isPortFree(n8nPort)).toBe(true);
	expect(await isPortFree(emulatorPort)).toBe(true);
	// No process of that run is left: n8n, its task runner, the emulator all ran from the temporary cache or npm's group.
	const left = execFileSync('ps', ['-eo', 'pgid=,args='], { encoding: 'utf8' })
		.split('\n')
		.filter((line) => line.trim().startsWith(`${run.child.pid} `) || line.includes(cache));
	expect(left).toEqual([]);
}

test('npm start: the banner, a working editor with the examples, and Ctrl-C leaves nothing running', async () => {
	const run = await npmStart();
	try {
		const url = `http://127.0.0.1:${n8nPort}`;
		expect(run.output()).toContain(`Editor     ${url}`);
		expect(run.output()).toContain(
			`Log in     ${DEV_LOGIN.email} / ${DEV_LOGIN.password}   (account created just now)`,
		);
		expect(run.output()).toContain(`Emulator   http://127.0.0.1:${emulatorPort}`);
		expect(run.output()).toMatch(/Emulator key  Project ID \S+, Key ID \S+, Key Secret \S+/);
		expect(run.output()).toContain('credentials imported, workflows imported');

		expect((await fetch(`${url}/healthz/readiness`)).status).toBe(200);
		const session = await logIn(url);
		const response = await fetch(`${url}/rest/workflows`, {
			headers: { cookie: session.cookie, 'browser-id': session.browserId },
		});
		expect(response.status).toBe(200);
		const listed = await response.text();
		for (const example of exampleWorkflows()) expect(listed).toContain(`"${example.id}"`);
		expect((await fetch(`http://127.0.0.1:${emulatorPort}/_emulator/info`)).status).toBe(200);
	} finally {
		await pressCtrlC(run);
	}
}, 300_000);

test('a second npm start reuses the install and the imports', async () => {
	const run = await npmStart();
	try {
		expect(run.output()).not.toContain('First run: installing');
		expect(run.output()).toContain('credentials unchanged, workflows unchanged');
		expect(run.output()).toContain(`Log in     ${DEV_LOGIN.email} / ${DEV_LOGIN.password}\n`);
		process.stderr.write(`[npm start] second start to banner: ${(run.ms / 1000).toFixed(1)} s\n`);
	} finally {
		await pressCtrlC(run);
	}
}, 300_000);
