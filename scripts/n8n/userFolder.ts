/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/**
 * An n8n user folder (N8N_USER_FOLDER) that loads this package: n8n keeps its database, encryption key and
 * community packages in `<folder>/.n8n`, and loads every `n8n-nodes-*` package under `.n8n/nodes/node_modules`.
 * The package is symlinked there, so a rebuild (`npm run build`) is picked up by the next n8n start.
 */
import {
	existsSync,
	lstatSync,
	mkdirSync,
	readlinkSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

import { cacheDir, type N8nRuntime } from './cache';

export const PACKAGE_NAME = 'n8n-nodes-sinch-conversation';
export const NODE_TYPE = `${PACKAGE_NAME}.sinchConversation`;
export const CREDENTIAL_TYPE = 'sinchConversationApi';

/** The repository root (this file is scripts/n8n/userFolder.ts). */
export const packageRoot = path.resolve(__dirname, '..', '..');

export interface UserFolder {
	/** The value of N8N_USER_FOLDER. */
	root: string;
	/** `<root>/.n8n`, where n8n writes its database and config. */
	n8nDir: string;
	/** The symlink to this package. */
	packageLink: string;
}

/** The folder `npm start` uses: kept between runs, so workflows and credentials made in the editor stay. */
export function devUserFolderPath(): string {
	return path.join(cacheDir(), 'user');
}

/**
 * Creates the folder (if needed) and links the built package into it. Fails early when the package was not built,
 * because n8n would then start without our node and say nothing.
 */
export function prepareUserFolder(root: string): UserFolder {
	const distNode = path.join(
		packageRoot,
		'dist',
		'nodes',
		'SinchConversation',
		'SinchConversation.node.js',
	);
	if (!existsSync(distNode))
		throw new Error(`${distNode} is missing: run \`npm run build\` first.`);

	const n8nDir = path.join(root, '.n8n');
	const modules = path.join(n8nDir, 'nodes', 'node_modules');
	mkdirSync(modules, { recursive: true });
	// n8n treats .n8n/nodes as an npm project of community packages; give it the manifest it would write itself.
	const manifest = path.join(n8nDir, 'nodes', 'package.json');
	if (!existsSync(manifest))
		writeFileSync(
			manifest,
			`${JSON.stringify({ name: 'installed-nodes', private: true }, null, 2)}\n`,
		);

	const packageLink = path.join(modules, PACKAGE_NAME);
	let current: string | undefined;
	try {
		const stat = lstatSync(packageLink);
		current = stat.isSymbolicLink() ? readlinkSync(packageLink) : '(not a link)';
	} catch {
		current = undefined;
	}
	if (current !== packageRoot) {
		// A link to another checkout, or a copy installed from npm: this checkout wins.
		if (current !== undefined) rmSync(packageLink, { recursive: true, force: true });
		symlinkSync(packageRoot, packageLink, 'dir');
	}
	return { root, n8nDir, packageLink };
}

export interface N8nEnvOptions {
	/** N8N_PORT: the editor and REST API. */
	port: number;
	/** N8N_RUNNERS_BROKER_PORT: each n8n process opens one; concurrent processes need their own. */
	brokerPort: number;
	/** N8N_LOG_LEVEL; `info` is needed for `n8n execute --rawOutput` to print the run. */
	logLevel?: 'error' | 'warn' | 'info' | 'debug';
	extra?: Record<string, string>;
}

/** Settings that keep a local n8n quiet and offline, bound to 127.0.0.1, using the given folder and ports. */
export function n8nEnv(
	runtime: N8nRuntime,
	folder: UserFolder,
	options: N8nEnvOptions,
): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env };
	// This replaces the custom-node folders n8n scans, which would hide the linked package.
	delete env.N8N_CUSTOM_EXTENSIONS;
	// tsx and Jest hooks must not leak into n8n's Node 24 processes.
	if (env.NODE_OPTIONS && /tsx|ts-node|jest/.test(env.NODE_OPTIONS)) delete env.NODE_OPTIONS;
	for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key];
	// Jest sets NODE_ENV=test, and n8n then refuses to load nodes and silences its logger: `export:nodes` writes
	// nothing and `execute` prints no run, both with exit code 0. n8n runs as from a plain shell instead.
	if (env.NODE_ENV === 'test') delete env.NODE_ENV;
	delete env.JEST_WORKER_ID;

	return {
		...env,
		PATH: `${runtime.nodeBinDir}${path.delimiter}${process.env.PATH ?? ''}`,
		N8N_USER_FOLDER: folder.root,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_DISABLED_MODULES: 'mcp-registry',
		N8N_SECURE_COOKIE: 'false',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_PORT: String(options.port),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(options.brokerPort),
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_LOG_LEVEL: options.logLevel ?? 'info',
		...options.extra,
	};
}

/** A TCP port on 127.0.0.1 that is free right now. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

/** Whether something already listens on 127.0.0.1:port. */
export function isPortFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}
