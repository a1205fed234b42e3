/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/**
 * What the tests of published example workflows share: importing them with an app picked, waiting for something to
 * happen, and reading executions through n8n's REST API as the owner.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { N8nRuntime } from '../../scripts/n8n/cache';
import { EXAMPLES_DIR, emulatorCredentials, importCredentials } from '../../scripts/n8n/importData';
import type { Session } from '../../scripts/n8n/owner';
import { n8nCli, type N8nServer } from '../../scripts/n8n/process';
import { NODE_TYPE, type UserFolder } from '../../scripts/n8n/userFolder';
import type { Emulator } from '../emulator';

/** Polls `probe` until it gives a value, noting how long it took in `timings`; the error shows n8n's last output. */
export async function until<T>(
	what: string,
	probe: () => T | undefined | Promise<T | undefined>,
	context: { timings: string[]; server?: N8nServer },
	timeoutMs = 30_000,
): Promise<T> {
	const started = Date.now();
	while (Date.now() - started < timeoutMs) {
		const value = await probe();
		if (value !== undefined) {
			context.timings.push(`${what}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
			return value;
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(
		`timed out after ${timeoutMs / 1000} s waiting for ${what}\n${context.server?.output().slice(-4000) ?? ''}`,
	);
}

/** A call to n8n's REST API (`/rest…`) as the owner, with a JSON body if given; answers its `data`. */
export async function rest(
	server: N8nServer,
	session: Session,
	method: string,
	route: string,
	body?: unknown,
): Promise<Record<string, unknown>> {
	const response = await fetch(`${server.url}/rest${route}`, {
		method,
		headers: {
			cookie: session.cookie,
			'browser-id': session.browserId,
			...(body === undefined ? {} : { 'content-type': 'application/json' }),
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok)
		throw new Error(`${method} /rest${route}: HTTP ${response.status} ${text.slice(0, 500)}`);
	return (JSON.parse(text) as { data: Record<string, unknown> }).data;
}

/** Every execution of the workflow that n8n lists, whatever its status, newest first. */
export async function executions(
	server: N8nServer,
	session: Session,
	workflowId: string,
): Promise<Array<{ id: string; status: string }>> {
	const data = await rest(
		server,
		session,
		'GET',
		`/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`,
	);
	return data.results as Array<{ id: string; status: string }>;
}

/** The workflow's executions that ended in success, newest first. */
export async function successfulExecutions(
	server: N8nServer,
	session: Session,
	workflowId: string,
): Promise<Array<{ id: string }>> {
	return (await executions(server, session, workflowId)).filter(
		(execution) => execution.status === 'success',
	);
}

/**
 * Imports example workflows (file names in test/examples) with `app` picked in every Sinch node that takes one, and
 * the emulator credentials, as a user would set them up.
 */
export async function importExamplesWithApp(
	runtime: N8nRuntime,
	folder: UserFolder,
	emulator: Emulator,
	files: string[],
	app: { id: string; name: string },
): Promise<void> {
	const workflows = files.map((file) => {
		const example = JSON.parse(readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as {
			nodes: Array<{ type: string; parameters: Record<string, unknown> }>;
		};
		const picked = { __rl: true, mode: 'list', value: app.id, cachedResultName: app.name };
		for (const node of example.nodes) {
			if (node.type === `${NODE_TYPE}Trigger`) node.parameters.app = picked;
			else if (node.type === NODE_TYPE && 'appId' in node.parameters)
				node.parameters.appId = picked;
		}
		return example;
	});
	const file = path.join(folder.root, 'example-workflows.json');
	writeFileSync(file, JSON.stringify(workflows));
	await importCredentials(runtime, folder, emulatorCredentials(emulator));
	await n8nCli(runtime, folder, ['import:workflow', `--input=${file}`]);
}
