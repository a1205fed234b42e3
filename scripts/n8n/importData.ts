/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/**
 * Puts the emulator credentials and the example workflows (test/examples/*.json) into an n8n user folder with
 * n8n's own CLI (`import:credentials`, `import:workflow`). Fixed IDs make a repeated import replace, never duplicate.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { N8nRuntime } from './cache';
import { n8nCli } from './process';
import { CREDENTIAL_TYPE, packageRoot, type UserFolder } from './userFolder';

export const EXAMPLES_DIR = path.join(packageRoot, 'test', 'examples');

export const EMULATOR_CREDENTIALS = {
	oAuth2: { id: 'sinch-emulator-oauth2', name: 'Sinch emulator (OAuth2)' },
	basic: { id: 'sinch-emulator-basic', name: 'Sinch emulator (Basic)' },
} as const;

/** What the credentials need to know about a running emulator (startEmulator()'s result has all of it). */
export interface EmulatorConnection {
	url: string;
	tokenUrl: string;
	projectId: string;
	keyId: string;
	keySecret: string;
	/** Region prefixes the emulator serves; with them the credentials reach every region through `{region}`. */
	regions?: readonly string[];
}

export interface CredentialFileEntry {
	id: string;
	name: string;
	type: string;
	data: Record<string, string>;
}

/**
 * The two credentials, OAuth2 and Basic, with region "custom" pointing at the emulator: at its `{region}` URL when it
 * serves regions (so Get Many → All Regions reaches each), with the first region, us, as the credential's own.
 */
export function emulatorCredentials(emulator: EmulatorConnection): CredentialFileEntry[] {
	const regions = emulator.regions ?? [];
	const regional: Record<string, string> = { baseUrl: emulator.url };
	if (regions.length > 0) {
		regional.baseUrl = `${emulator.url}/{region}`;
		regional.customRegion = regions.includes('us') ? 'us' : regions[0];
	}
	return (['oAuth2', 'basic'] as const).map((authentication) => ({
		...EMULATOR_CREDENTIALS[authentication],
		type: CREDENTIAL_TYPE,
		data: {
			projectId: emulator.projectId,
			keyId: emulator.keyId,
			keySecret: emulator.keySecret,
			region: 'custom',
			...regional,
			authentication,
			...(authentication === 'oAuth2' ? { tokenUrl: emulator.tokenUrl } : {}),
		},
	}));
}

export interface ExampleWorkflow {
	file: string;
	id: string;
	name: string;
	json: Record<string, unknown>;
}

export function exampleWorkflows(): ExampleWorkflow[] {
	return readdirSync(EXAMPLES_DIR)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((name) => {
			const file = path.join(EXAMPLES_DIR, name);
			const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
			return { file, id: String(json.id), name: String(json.name), json };
		});
}

/** Writes the credentials to a private temporary file, imports it, and removes the file (it holds the secret). */
export async function importCredentials(
	runtime: N8nRuntime,
	folder: UserFolder,
	credentials: CredentialFileEntry[],
	env?: Record<string, string>,
): Promise<void> {
	const dir = mkdtempSync(path.join(tmpdir(), 'sinch-n8n-credentials-'));
	const file = path.join(dir, 'credentials.json');
	const remove = () => rmSync(dir, { recursive: true, force: true });
	// `npm start` ends with process.exit() on Ctrl-C, which skips `finally`: the file goes on the way out too.
	process.once('exit', remove);
	try {
		writeFileSync(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
		await n8nCli(runtime, folder, ['import:credentials', `--input=${file}`], { env });
	} finally {
		process.off('exit', remove);
		remove();
	}
}

/** Imports every example workflow in one n8n command. */
export async function importWorkflows(
	runtime: N8nRuntime,
	folder: UserFolder,
	dir = EXAMPLES_DIR,
	env?: Record<string, string>,
): Promise<void> {
	await n8nCli(runtime, folder, ['import:workflow', '--separate', `--input=${dir}`], { env });
}

export interface ImportOutcome {
	credentials: 'imported' | 'unchanged';
	workflows: 'imported' | 'unchanged';
}

/**
 * Imports the credentials and the examples when they differ from what this folder last imported (or `force`).
 * Skipping unchanged ones keeps a second start fast and keeps what the user changed in the editor: a credential
 * switched to a real Sinch region stays switched as long as the emulator keeps its URL.
 */
export async function importExamples(
	runtime: N8nRuntime,
	folder: UserFolder,
	emulator: EmulatorConnection,
	options: { force?: boolean } = {},
): Promise<ImportOutcome> {
	const stateFile = path.join(folder.n8nDir, 'sinch-examples-imported.json');
	const state = existsSync(stateFile)
		? (JSON.parse(readFileSync(stateFile, 'utf8')) as { credentials?: string; workflows?: string })
		: {};
	const credentials = emulatorCredentials(emulator);
	const credentialsHash = hash(JSON.stringify(credentials));
	const workflowsHash = hash(
		exampleWorkflows()
			.map((workflow) => JSON.stringify(workflow.json))
			.join('\n'),
	);

	const outcome: ImportOutcome = { credentials: 'unchanged', workflows: 'unchanged' };
	if (options.force || state.credentials !== credentialsHash) {
		await importCredentials(runtime, folder, credentials);
		state.credentials = credentialsHash;
		outcome.credentials = 'imported';
	}
	if (options.force || state.workflows !== workflowsHash) {
		await importWorkflows(runtime, folder);
		state.workflows = workflowsHash;
		outcome.workflows = 'imported';
	}
	writeFileSync(stateFile, `${JSON.stringify(state, null, 2)}\n`);
	return outcome;
}

function hash(text: string): string {
	return createHash('sha256').update(text).digest('hex');
}
