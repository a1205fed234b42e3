/* eslint-disable @n8n/community-nodes/no-restricted-globals -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/** Installs Node 24 and n8n into the cache before any test runs (minutes, once; seconds after that). */
import { ensureRuntime } from '../../scripts/n8n/cache';

export default async function globalSetup(): Promise<void> {
	const started = Date.now();
	const runtime = await ensureRuntime({
		log: (line) => process.stderr.write(`[e2e setup] ${line}\n`),
	});
	process.stderr.write(
		`[e2e setup] n8n ${runtime.n8nVersion} on Node ${runtime.nodeVersion} ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
	);
}
