/* eslint-disable @n8n/community-nodes/no-restricted-globals -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/* eslint-disable no-console -- a command-line tool: the console is where it reports */
/**
 * The cost of checking every item before the first request, through n8n-core's engine: the time `prepare` takes per
 * item of an App → Create whose fields are expressions (the real-n8n bench's parameters), and how long after the
 * node's start the first request reaches the emulator. `npx tsx test/bench/prepareCost.ts [items]`.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { resources } from '../../nodes/SinchConversation/actions/resources';
import { startEmulator } from '../emulator';
import { runNode } from '../harness/engine';
import { emulatorCredentials } from '../harness/setup';

export const EXPRESSION_APP = {
	resource: 'app',
	operation: 'create',
	specifyBody: 'fields',
	displayName: "={{ 'Bench ' + $json.i }}",
	channelCredentials: {
		entries: [
			{
				channel: 'SMS',
				smsServicePlanId: "={{ 'plan-' + $json.i }}",
				smsApiToken: "={{ 'token-' + $json.i }}",
			},
		],
	},
	options: {},
};

/** The same app with one expression (the name) and a channel the same for every item. */
const ONE_EXPRESSION_APP = {
	...EXPRESSION_APP,
	channelCredentials: {
		entries: [{ channel: 'SMS', smsServicePlanId: 'plan', smsApiToken: 'token' }],
	},
};

async function main() {
	const items = Number(process.argv[2] ?? 3000);
	const parameters = process.argv[4] === 'one' ? ONE_EXPRESSION_APP : EXPRESSION_APP;
	const operations = resources.app;
	const prepare = operations.create.prepare!;
	let spent = 0n;
	// CPU time, not wall time: the shared machine's load would swamp the difference otherwise.
	let cpu = 0;
	// The operation modules are read-only namespaces: the run sees a copy of Create with a timed prepare.
	resources.app = { ...operations, create: { ...operations.create, prepare: timed } };
	function timed(this: IExecuteFunctions, itemIndex: number) {
		const started = process.hrtime.bigint();
		const used = process.cpuUsage();
		try {
			return prepare.call(this, itemIndex);
		} finally {
			const { user, system } = process.cpuUsage(used);
			cpu += user + system;
			spent += process.hrtime.bigint() - started;
		}
	}
	const emulator = await startEmulator();
	try {
		const credentials = emulatorCredentials(emulator);
		await runNode({ credentials, parameters, items: [{ i: 0 }] });
		for (let round = 0; round < Number(process.argv[3] ?? 3); round++) {
			emulator.reset();
			spent = 0n;
			cpu = 0;
			const started = Date.now();
			const { error } = await runNode({
				credentials,
				parameters,
				items: Array.from({ length: items }, (_, i) => ({ i })),
			});
			if (error) throw error;
			const first = Math.min(...emulator.requests.map((r) => r.receivedAt));
			const creates = emulator.requests.filter((r) => r.path.endsWith('/apps'));
			const firstCreate = Math.min(...creates.map((r) => r.receivedAt));
			console.log(
				`${items} items: prepare ${(cpu / items).toFixed(1)} µs CPU/item (${(Number(spent) / 1e3 / items).toFixed(1)} µs wall), first request after ${first - started} ms, first create after ${firstCreate - started} ms (from the workflow's start), all done ${Date.now() - started} ms`,
			);
		}
	} finally {
		resources.app = operations;
		await emulator.close();
	}
}

void main();
