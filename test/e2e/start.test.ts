/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/**
 * `npm start` as a newcomer runs it: the real command, twice, each time stopped with Ctrl-C (SIGINT to its process
 * group, as a terminal sends it). It runs in a cache folder of its own whose Node 24 and n8n are links to the installed
 * ones, so a developer's own `npm start` data is never touched and nothing is installed twice.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { ensureRuntime } from '../../scripts/n8n/cache';
import {
	emulatorCredentials,
	exampleWorkflows,
	type EmulatorConnection,
} from '../../scripts/n8n/importData';
import { DEV_LOGIN, logIn } from '../../scripts/n8n/owner';
import { freePort, isPortFree, packageRoot } from '../../scripts/n8n/userFolder';
import { pressTest } from '../harness/credential-test';
import { emulatorRequest } from '../harness/emulatorApi';
import { newCredentialsHelper, runNode } from '../harness/engine';

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
async function npmStart(...args: string[]): Promise<Started> {
	const env: NodeJS.ProcessEnv = {
		...process.env,
		SINCH_N8N_CACHE: cache,
		N8N_PORT: String(n8nPort),
		SINCH_EMULATOR_PORT: String(emulatorPort),
	};
	delete env.NODE_ENV;
	const started = Date.now();
	const child = spawn('npm', ['start', ...(args.length > 0 ? ['--', ...args] : [])], {
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
		expect(run.output()).toMatch(/Emulator key {2}Project ID \S+, Key ID \S+, Key Secret \S+/);
		expect(run.output()).toContain('credentials imported, workflows imported');
		expect(run.output()).toContain(
			'regions us, eu, br, new channels PENDING for 3 s: empty (first start, or reset)',
		);

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

/** The running emulator as the banner and its info endpoint describe it. */
async function emulatorInfo(): Promise<EmulatorConnection> {
	const response = await fetch(`http://127.0.0.1:${emulatorPort}/_emulator/info`);
	return (await response.json()) as EmulatorConnection;
}

/** Basic-auth call to one region of the running emulator, as a setup step. */
const emulatorCall = async (
	info: EmulatorConnection,
	region: string,
	method: string,
	path: string,
	body?: object,
) => await emulatorRequest(info, method, path, body, `${info.url}/${region}`);

/** A value the banner prints after its label, e.g. "Token URL  http://…". */
function bannerValue(output: string, label: string): string {
	const match = new RegExp(`^\\s+${label}\\s+(\\S+)`, 'm').exec(output);
	if (!match) throw new Error(`the banner has no "${label}" line:\n${output}`);
	return match[1];
}

let keptAppId: string;

test('the banner values make a working credential, and the imported one lists all three regions', async () => {
	const run = await npmStart();
	try {
		const output = run.output();
		const key = /Emulator key {2}Project ID (\S+), Key ID (\S+), Key Secret (\S+)/.exec(output)!;
		const baseUrl = bannerValue(output, 'Base URL');
		const tokenUrl = bannerValue(output, 'Token URL');
		expect(baseUrl).toBe(`http://127.0.0.1:${emulatorPort}/{region}`);
		expect(tokenUrl).toBe(`http://127.0.0.1:${emulatorPort}/oauth2/token`);
		const typed: ICredentialDataDecryptedObject = {
			projectId: key[1],
			keyId: key[2],
			keySecret: key[3].replace(/,$/, ''),
			region: 'custom',
			baseUrl,
			customRegion: 'us',
			authentication: 'oAuth2',
		};
		// With the Token URL from the banner, and with the field left empty as a user may leave it.
		expect(await pressTest({ ...typed, tokenUrl })).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(await pressTest({ ...typed, tokenUrl: '' })).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});

		const info = await emulatorInfo();
		const seeded: Record<string, string> = {};
		for (const region of ['us', 'eu', 'br']) {
			const made = await emulatorCall(info, region, 'POST', '/apps', {
				display_name: `Kept in ${region}`,
				channel_credentials: [
					{ channel: 'SMS', static_bearer: { claimed_identity: 'plan-1', token: 'sms-token' } },
				],
			});
			expect(made.status).toBe(200);
			seeded[region] = String(made.body.id);
		}
		keptAppId = seeded.eu;

		// The credential npm start imported (the same function builds it), in Get Many → All Regions.
		const [imported] = emulatorCredentials(info);
		const { outputs, error } = await runNode({
			parameters: { resource: 'app', operation: 'getAll', returnAll: true, allRegions: true },
			credentials: newCredentialsHelper(imported.data),
		});
		expect(error).toBeUndefined();
		expect(outputs[0].map((item) => [item.json.id, item.json.region])).toEqual([
			[seeded.us, 'us'],
			[seeded.eu, 'eu'],
			[seeded.br, 'br'],
		]);

		// The Wait for Channels example's node, as imported (a fourth app, kept by the restart below), waits for this emulator's channels (no second emulator).
		const waitExample = exampleWorkflows().find((example) => example.id === 'sinchExWaitChann');
		const waitNode = (
			waitExample?.json.nodes as Array<{ name: string; parameters: INodeParameters }>
		).find((node) => node.name === 'Create app and wait')!;
		const waited = await runNode({
			parameters: waitNode.parameters,
			credentials: newCredentialsHelper(imported.data),
		});
		expect(waited.error).toBeUndefined();
		const status = waited.outputs[0][0].json.channelStatus as Record<string, unknown>;
		expect(status.result).toBe('ACTIVE');
		expect(status.checks).toBeGreaterThanOrEqual(2);
		expect(status.waitedSeconds).toBeGreaterThanOrEqual(3);
	} finally {
		await pressCtrlC(run);
	}
}, 300_000);

test('a restart keeps the apps; --reset-emulator starts empty', async () => {
	const again = await npmStart();
	try {
		expect(again.output()).toContain('4 apps and 0 webhooks kept from the last run');
		const read = await emulatorCall(await emulatorInfo(), 'eu', 'GET', `/apps/${keptAppId}`);
		expect(read.status).toBe(200);
		expect(read.body.display_name).toBe('Kept in eu');
	} finally {
		await pressCtrlC(again);
	}
	const reset = await npmStart('--reset-emulator');
	try {
		expect(reset.output()).toContain(
			'regions us, eu, br, new channels PENDING for 3 s: empty (first start, or reset)',
		);
		const read = await emulatorCall(await emulatorInfo(), 'eu', 'GET', `/apps/${keptAppId}`);
		expect(read.status).toBe(404);
	} finally {
		await pressCtrlC(reset);
	}
}, 600_000);
