/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/**
 * `npm start`: the package in a real n8n, talking to the local Sinch emulator.
 *
 * The npm script builds the package first. Then: the emulator on 127.0.0.1:8787 (or a free port), Node 24 and
 * n8n 2.41.1 in the cache (installed the first time only), the user folder with the package linked in, the
 * emulator credentials and example workflows imported, `n8n start` on 127.0.0.1:5678 (N8N_PORT overrides), the
 * owner account, and a short guide. Ctrl-C stops n8n (its whole process group) and the emulator.
 *
 * Options (after `npm start --`): --verbose (n8n's log in the terminal too), --reimport (import the credentials and
 * examples again, replacing edits to them), --reset-emulator (start the emulator empty).
 *
 * The emulator serves the three regions (us, eu, br) under path prefixes, and what it holds is saved in the user
 * folder after every change, so a restart keeps the apps the workflows name.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import {
	startEmulator,
	type Emulator,
	type EmulatorOptions,
	type EmulatorState,
} from '../../test/emulator';
import { REGIONS } from '../../nodes/SinchConversation/transport/hosts';
import { ensureRuntime, N8N_VERSION } from './cache';
import { EMULATOR_CREDENTIALS, exampleWorkflows, importExamples } from './importData';
import { DEV_LOGIN, ensureOwner } from './owner';
import { startN8nServer, tail, waitForReady, type N8nServer } from './process';
import { devUserFolderPath, isPortFree, prepareUserFolder } from './userFolder';

const USAGE = `usage: npm start [-- [--verbose] [--reimport] [--reset-emulator]]
  --verbose            show n8n's log in this terminal too
  --reimport           import the emulator credentials and example workflows again, replacing edits made to them
  --reset-emulator     start the emulator empty (it keeps its apps and webhooks across restarts otherwise)
  --help               show this text
environment:
  N8N_PORT             editor port (default 5678)
  SINCH_EMULATOR_PORT  emulator port (default 8787; a free one when taken)
  SINCH_N8N_CACHE      where Node 24, n8n and the n8n data live (default ~/.cache/n8n-nodes-sinch-conversation)`;

const DEFAULT_EMULATOR_PORT = 8787;
/** New channels stay PENDING this long, as while Sinch checks their credentials: Wait for Channels has something to wait for. */
const CHANNEL_ACTIVATION_MS = 3000;
const log = (line = '') => process.stdout.write(`${line}\n`);
const step = (line: string) => log(`» ${line}`);

async function startEmulatorOnPreferredPort(options: EmulatorOptions): Promise<Emulator> {
	const configured = process.env.SINCH_EMULATOR_PORT;
	const port = configured ? Number(configured) : DEFAULT_EMULATOR_PORT;
	if (!Number.isInteger(port) || port < 0 || port > 65535)
		throw new Error(`SINCH_EMULATOR_PORT=${configured} is not a port`);
	try {
		return await startEmulator({ ...options, port });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || configured) throw error;
		const emulator = await startEmulator({ ...options, port: 0 });
		log(
			`  Port ${port} is taken (an emulator from \`npm run emulator\`?); this one listens on ${emulator.url}.`,
		);
		return emulator;
	}
}

/**
 * The emulator's apps, webhooks and channel states, kept in a file of the user folder: saved after every change
 * (written aside, then renamed, so a Ctrl-C mid-write leaves the last whole copy), read back on the next start.
 */
class SavedEmulatorState {
	constructor(readonly file: string) {}

	/** Restores what the file holds; says what was kept, or why nothing was. */
	restoreInto(emulator: Emulator): string {
		if (!existsSync(this.file)) return 'empty (first start, or reset)';
		try {
			emulator.restore(JSON.parse(readFileSync(this.file, 'utf8')) as EmulatorState);
		} catch (error) {
			return `empty: ${this.file} could not be read (${(error as Error).message}); it is replaced on the next change`;
		}
		const apps = REGIONS.reduce((sum, region) => sum + emulator.appsIn(region).length, 0);
		return `${apps} app${apps === 1 ? '' : 's'} and ${emulator.webhooks.length} webhook${emulator.webhooks.length === 1 ? '' : 's'} kept from the last run`;
	}

	save(emulator: Emulator): void {
		const aside = `${this.file}.writing`;
		// Channel credentials in it are test values, but treated like any other secret.
		writeFileSync(aside, `${JSON.stringify(emulator.state())}\n`, { mode: 0o600 });
		renameSync(aside, this.file);
	}

	reset(): void {
		rmSync(this.file, { force: true });
	}
}

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	if (args.includes('--help') || args.includes('-h')) {
		log(USAGE);
		return;
	}
	const unknown = args.filter(
		(arg) => !['--verbose', '--reimport', '--reset-emulator'].includes(arg),
	);
	if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(' ')}\n${USAGE}`);
	const verbose = args.includes('--verbose');
	const started = Date.now();

	const port = Number(process.env.N8N_PORT || 5678);
	if (!Number.isInteger(port) || port <= 0 || port > 65535)
		throw new Error(`N8N_PORT=${process.env.N8N_PORT} is not a port`);
	if (!(await isPortFree(port))) {
		throw new Error(
			`Port ${port} on 127.0.0.1 is already in use (another n8n?). Stop it, or run with another port: N8N_PORT=5679 npm start`,
		);
	}

	// `let`, not `const`: a signal during start-up runs shutdown before these are set, and a const would throw there.
	/* eslint-disable prefer-const */
	let emulator: Emulator | undefined;
	let server: N8nServer | undefined;
	/* eslint-enable prefer-const */
	let stopping = false;
	let firstSignalAt = 0;
	const shutdown = async (reason: string, exitCode: number) => {
		if (stopping) return;
		stopping = true;
		log(`\n» ${reason}: stopping n8n and the emulator…`);
		await server?.stop();
		await emulator?.close().catch(() => undefined);
		log('» Stopped. Nothing is left running.');
		process.exit(exitCode);
	};
	const onSignal = (signal: NodeJS.Signals) => {
		// npm and tsx pass the terminal's Ctrl-C on as well: one keypress can arrive two or three times.
		const now = Date.now();
		if (stopping && now - firstSignalAt > 2000) {
			log('» Stopping right away.');
			// process.ts kills every n8n it started on the way out.
			process.exit(130);
		}
		if (!stopping) firstSignalAt = now;
		void shutdown(signal === 'SIGINT' ? 'Ctrl-C' : signal, 0);
	};
	process.on('SIGINT', onSignal);
	process.on('SIGTERM', onSignal);
	process.on('SIGHUP', onSignal);
	step('Starting the Sinch emulator');
	const saved = new SavedEmulatorState(path.join(devUserFolderPath(), 'emulator-state.json'));
	if (args.includes('--reset-emulator')) saved.reset();
	emulator = await startEmulatorOnPreferredPort({
		regions: REGIONS,
		channelActivationMs: CHANNEL_ACTIVATION_MS,
		onChange: () => emulator && saved.save(emulator),
	});
	const kept = saved.restoreInto(emulator);
	log(
		`  ${emulator.url}, regions ${emulator.regions.join(', ')}, new channels PENDING for ${CHANNEL_ACTIVATION_MS / 1000} s: ${kept}`,
	);

	step(`Checking the n8n ${N8N_VERSION} install in the cache`);
	const runtime = await ensureRuntime({ log: (line) => log(`  ${line}`) });
	if (stopping) return;
	log(`  n8n ${runtime.n8nVersion} on Node ${runtime.nodeVersion} in ${runtime.cacheDir}`);

	const folder = prepareUserFolder(devUserFolderPath());
	step(`Importing the emulator credentials and ${exampleWorkflows().length} example workflows`);
	const imported = await importExamples(runtime, folder, emulator, {
		force: args.includes('--reimport'),
	});
	log(`  credentials ${imported.credentials}, workflows ${imported.workflows}`);
	if (stopping) return;

	step(`Starting n8n on 127.0.0.1:${port}`);
	const logFile = path.join(folder.root, 'n8n.log');
	server = await startN8nServer(runtime, folder, {
		port,
		logFile,
		echo: verbose ? process.stdout : undefined,
	});
	void server.exited.then((code) => {
		if (stopping) return;
		log(
			`\nn8n stopped by itself (exit code ${code}). Its last words:\n${tail(server?.output() ?? '', 3000)}`,
		);
		void shutdown('n8n exited', 1);
	});
	await waitForReady(server, 180_000);
	if (stopping) return;

	let loginLine = `${DEV_LOGIN.email} / ${DEV_LOGIN.password}`;
	try {
		const owner = await ensureOwner(server.url);
		if (owner.created) loginLine += '   (account created just now)';
	} catch (error) {
		loginLine = `your own owner account (${(error as Error).message})`;
	}

	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	const first = exampleWorkflows().find((workflow) => workflow.id === 'sinchExSeveralCh');
	log(
		[
			'',
			`n8n ${runtime.n8nVersion} is running with the Sinch Conversation node (ready in ${seconds} s).`,
			'',
			`  Editor     ${server.url}`,
			`  Log in     ${loginLine}`,
			`  Emulator   ${emulator.url}  (a local stand-in for Sinch; see what it received: ${emulator.url}/_emulator/requests)`,
			`  Credentials "${EMULATOR_CREDENTIALS.oAuth2.name}" and "${EMULATOR_CREDENTIALS.basic.name}" point at the emulator.`,
			`  Emulator key  Project ID ${emulator.projectId}, Key ID ${emulator.keyId}, Key Secret ${emulator.keySecret}`,
			`  For a credential of your own with Region Custom (a test key only the emulator accepts):`,
			`    Base URL   ${emulator.url}/{region}   (Region of Custom URL: United States; {region} reaches us, eu and br)`,
			`    Token URL  ${emulator.tokenUrl}`,
			`  Emulator data  ${kept}, saved in ${saved.file}`,
			'             (`npm start -- --reset-emulator` starts the emulator empty)',
			'',
			'What to try first:',
			`  1. Open the workflow "${first?.name ?? 'Sinch: create an app with several channels'}"` +
				(first ? ` (${server.url}/workflow/${first.id})` : ''),
			'     and press "Execute workflow". The Sinch node creates an app with SMS, WhatsApp and Telegram channels.',
			`  2. See the app as the emulator stored it: ${emulator.url}/_emulator/apps/us`,
			'  3. The other "Sinch: …" workflows show item lists with expressions, the error output, and both auth methods.',
			'',
			'To use your real Sinch account: + (top of the left sidebar) → New credential → "Sinch Conversation API", with your Region',
			'(United States, Europe or Brazil), project ID and access key, and pick it in the Sinch nodes. (Keep the two',
			'emulator credentials as they are: npm start imports them again when the emulator gets another port.)',
			'',
			`n8n's log: ${logFile}${verbose ? ' (also shown here)' : ''}`,
			`n8n's data (workflows, credentials, database): ${folder.n8nDir}`,
			'Press Ctrl-C to stop n8n and the emulator.',
			'',
		].join('\n'),
	);
	await server.exited;
}

main().catch((error: unknown) => {
	process.stderr.write(
		`\nnpm start failed: ${error instanceof Error ? error.message : String(error)}\n`,
	);
	// process.ts stops n8n on exit; the emulator dies with this process.
	process.exit(1);
});
