/* eslint-disable @n8n/community-nodes/no-restricted-imports -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/**
 * What both trigger end-to-end tests start from: an app in the emulator, and the example trigger workflow with that
 * app picked, imported into an n8n user folder with the emulator credentials.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { N8nRuntime } from '../../scripts/n8n/cache';
import { EXAMPLES_DIR, emulatorCredentials, importCredentials } from '../../scripts/n8n/importData';
import { n8nCli } from '../../scripts/n8n/process';
import { NODE_TYPE, type UserFolder } from '../../scripts/n8n/userFolder';
import type { Emulator } from '../emulator';
import { emulatorApi } from '../harness/emulatorApi';

export const TRIGGER_EXAMPLE = path.join(EXAMPLES_DIR, 'trigger-inbound-message.json');
/** The example trigger node's webhookId: its URLs are `<base>/webhook(-test)/<this>/webhook`. */
export const TRIGGER_WEBHOOK_ID = '3f0c8e52-9d14-4b6a-a7e1-5c2d9b0f8a61';

export async function importTriggerExample(
	runtime: N8nRuntime,
	folder: UserFolder,
	emulator: Emulator,
	appName: string,
): Promise<{ appId: string; workflowId: string }> {
	const app = await emulatorApi(emulator, 'POST', '/apps', {
		display_name: appName,
		channel_credentials: [
			{ channel: 'SMS', static_bearer: { claimed_identity: 'plan-1', token: 'sms-token' } },
		],
	});
	const appId = String(app.id);
	const example = JSON.parse(readFileSync(TRIGGER_EXAMPLE, 'utf8')) as {
		id: string;
		nodes: Array<{ type: string; webhookId?: string; parameters: Record<string, unknown> }>;
	};
	const trigger = example.nodes.find((node) => node.type === `${NODE_TYPE}Trigger`);
	if (trigger?.webhookId !== TRIGGER_WEBHOOK_ID)
		throw new Error(`${TRIGGER_EXAMPLE}: no trigger node with webhookId ${TRIGGER_WEBHOOK_ID}`);
	trigger.parameters.app = { __rl: true, mode: 'list', value: appId, cachedResultName: appName };
	const file = path.join(folder.root, 'trigger-workflow.json');
	writeFileSync(file, JSON.stringify([example]));
	await importCredentials(runtime, folder, emulatorCredentials(emulator));
	await n8nCli(runtime, folder, ['import:workflow', `--input=${file}`]);
	return { appId, workflowId: example.id };
}
