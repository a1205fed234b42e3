/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/**
 * The built package in the real n8n CLI (2.41.1 on Node 24, from the cache), against the Sinch emulator on 127.0.0.1:
 * `n8n export:nodes` shows what n8n loaded; then the emulator credentials (OAuth2 and Basic) and every example
 * workflow (test/examples) are imported, as `npm start` does, and each example runs with `n8n execute`. Each test
 * checks the items n8n reports and what the emulator received.
 *
 *   npx jest -c jest.e2e.config.js test/e2e/cli.test.ts      (run `npm run build` first; about a minute)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ensureRuntime, type N8nRuntime } from '../../scripts/n8n/cache';
import {
	EMULATOR_CREDENTIALS,
	emulatorCredentials,
	exampleWorkflows,
	importCredentials,
	importWorkflows,
} from '../../scripts/n8n/importData';
import { n8nCli } from '../../scripts/n8n/process';
import {
	CREDENTIAL_TYPE,
	NODE_TYPE,
	PACKAGE_NAME,
	prepareUserFolder,
	type UserFolder,
} from '../../scripts/n8n/userFolder';
import { startEmulator, ULID_PATTERN, type Emulator, type RequestLogEntry } from '../emulator';
import { executeWorkflow, executedNodes, outputItems, outputJson, type Execution } from './n8nRun';

const TOOL_NODE_TYPE = `${NODE_TYPE}Tool`;
const TRIGGER_NODE_TYPE = `${NODE_TYPE}Trigger`;
/** The approval tool n8n makes from a node with a Send and Wait operation. */
const HITL_TOOL_NODE_TYPE = `${NODE_TYPE}HitlTool`;
const MASK = '********';

let runtime: N8nRuntime;
let emulator: Emulator;
let userRoot: string;
let folder: UserFolder;
const timings: string[] = [];
/** Length of the emulator's request log when the credentials were last imported (which empties the stored token). */
let credentialsImportedAt = 0;

async function importEmulatorCredentials(): Promise<void> {
	const started = Date.now();
	await importCredentials(runtime, folder, emulatorCredentials(emulator));
	credentialsImportedAt = emulator.requests.length;
	timings.push(`n8n import:credentials: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** The App endpoints of the emulator's project: `…/apps` or `…/apps/<id>`. */
const appsPath = () => `/v1/projects/${emulator.projectId}/apps`;
const basicHeader = () =>
	`Basic ${Buffer.from(`${emulator.keyId}:${emulator.keySecret}`).toString('base64')}`;
const isTokenRequest = (entry: RequestLogEntry) => entry.path === '/oauth2/token';
const apiRequests = (log: RequestLogEntry[]) => log.filter((entry) => !isTokenRequest(entry));
const summary = (log: RequestLogEntry[]) =>
	log.map(
		(entry) => `${entry.method} ${entry.path.replace(appsPath(), '…/apps')} → ${entry.status}`,
	);

/** Runs an example with `n8n execute` and returns the run and the emulator requests made during it. */
async function execute(id: string): Promise<Execution & { requests: RequestLogEntry[] }> {
	const before = emulator.requests.length;
	const execution = await executeWorkflow(runtime, folder, id);
	timings.push(`n8n execute ${id}: ${(execution.ms / 1000).toFixed(1)} s`);
	return { ...execution, requests: emulator.requests.slice(before) };
}

/**
 * Every API request went out with the OAuth2 credential: a Bearer token the emulator accepted, obtained by at most
 * one token request during this run (n8n stores the token with the credential, so a later run may reuse it).
 */
function expectOAuth2(requests: RequestLogEntry[]): void {
	const tokenRequests = requests.filter(isTokenRequest);
	expect(tokenRequests.length).toBeLessThanOrEqual(1);
	// When this run got a token, it got it before its first API request.
	if (tokenRequests.length === 1) expect(requests[0]).toBe(tokenRequests[0]);
	for (const entry of tokenRequests) {
		expect(entry).toMatchObject({
			method: 'POST',
			status: 200,
			body: 'grant_type=client_credentials',
		});
		expect(entry.headers.authorization).toBe(basicHeader());
	}
	for (const entry of apiRequests(requests)) {
		expect(entry.headers.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
		expect(entry.status).toBe(200);
	}
}

beforeAll(async () => {
	runtime = await ensureRuntime();
	emulator = await startEmulator({ port: 0 });
	userRoot = mkdtempSync(path.join(tmpdir(), 'sinch-n8n-cli-'));
	folder = prepareUserFolder(userRoot);
}, 600_000);

afterAll(async () => {
	await emulator?.close();
	if (userRoot) rmSync(userRoot, { recursive: true, force: true });
	if (timings.length > 0) process.stderr.write(`[cli.test] timings:\n  ${timings.join('\n  ')}\n`);
});

describe('n8n export:nodes', () => {
	test('lists the Sinch Conversation node, its AI tool variant, and the credential both declare', async () => {
		const file = path.join(userRoot, 'nodes.json');
		const result = await n8nCli(runtime, folder, ['export:nodes', `--output=${file}`]);
		timings.push(`n8n export:nodes: ${(result.ms / 1000).toFixed(1)} s`);
		const nodes = JSON.parse(readFileSync(file, 'utf8')) as Array<Record<string, unknown>>;
		const ours = nodes.filter((node) => String(node.name).startsWith(`${PACKAGE_NAME}.`));
		expect(ours.map((node) => node.name).sort()).toEqual(
			[NODE_TYPE, TOOL_NODE_TYPE, TRIGGER_NODE_TYPE, HITL_TOOL_NODE_TYPE].sort(),
		);

		const node = ours.find((entry) => entry.name === NODE_TYPE) as Record<string, unknown>;
		expect(node).toMatchObject({
			displayName: 'Sinch Conversation',
			version: 2,
			usableAsTool: true,
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		});
		const properties = node.properties as Array<{
			name: string;
			options?: Array<{ value: unknown }>;
		}>;
		const operation = properties.find((property) => property.name === 'operation');
		expect(operation?.options?.map((option) => option.value).sort()).toEqual([
			'create',
			'delete',
			'get',
			'getAll',
			'update',
		]);

		// n8n derives the tool from `usableAsTool`: same credential, an ai_tool output for AI agents.
		const tool = ours.find((entry) => entry.name === TOOL_NODE_TYPE) as Record<string, unknown>;
		expect(tool).toMatchObject({
			displayName: 'Sinch Conversation Tool',
			outputs: ['ai_tool'],
			credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		});
	});
});

describe('imported like `npm start` does', () => {
	beforeAll(async () => {
		await importEmulatorCredentials();
		const started = Date.now();
		await importWorkflows(runtime, folder);
		timings.push(
			`n8n import:workflow (${exampleWorkflows().length} examples): ${((Date.now() - started) / 1000).toFixed(1)} s`,
		);
	}, 120_000);

	test('both credentials and every example workflow are stored, examples pointing at the imported credentials', async () => {
		const listed = await n8nCli(runtime, folder, ['list:workflow']);
		const examples = exampleWorkflows();
		expect(examples.length).toBe(15);
		for (const example of examples)
			expect(listed.stdout).toContain(`${example.id}|${example.name}`);

		const file = path.join(userRoot, 'credentials-export.json');
		await n8nCli(runtime, folder, [
			'export:credentials',
			'--all',
			'--decrypted',
			`--output=${file}`,
		]);
		const stored = JSON.parse(readFileSync(file, 'utf8')) as Array<Record<string, unknown>>;
		expect(
			stored.map((credential) => [credential.id, credential.name, credential.type]).sort(),
		).toEqual([
			[EMULATOR_CREDENTIALS.basic.id, EMULATOR_CREDENTIALS.basic.name, CREDENTIAL_TYPE],
			[EMULATOR_CREDENTIALS.oAuth2.id, EMULATOR_CREDENTIALS.oAuth2.name, CREDENTIAL_TYPE],
		]);
		const byId = Object.fromEntries(stored.map((credential) => [credential.id, credential.data]));
		expect(byId[EMULATOR_CREDENTIALS.basic.id]).toMatchObject({
			region: 'custom',
			baseUrl: emulator.url,
			authentication: 'basic',
		});
		expect(byId[EMULATOR_CREDENTIALS.oAuth2.id]).toMatchObject({
			region: 'custom',
			baseUrl: emulator.url,
			authentication: 'oAuth2',
			tokenUrl: emulator.tokenUrl,
		});

		// What a user imports: a manual trigger to press "Execute workflow" (or the Sinch trigger, to publish: that
		// example is run in trigger.test.ts), and Sinch nodes that use a stored credential. The one exception is the
		// receiving end of the webhook example, a Webhook node alone (webhook.test.ts runs the two together).
		const credentialIds = new Set<string>(
			Object.values(EMULATOR_CREDENTIALS).map((credential) => credential.id),
		);
		for (const { json, file: exampleFile } of examples) {
			const nodes = json.nodes as Array<{
				type: string;
				credentials?: Record<string, { id: string }>;
			}>;
			const context = path.basename(exampleFile);
			if (context === 'app-webhook-receiver.json') {
				expect(nodes.map((node) => node.type)).toContain('n8n-nodes-base.webhook');
				continue;
			}
			const starts = nodes.filter(
				(node) => node.type === 'n8n-nodes-base.manualTrigger' || node.type === TRIGGER_NODE_TYPE,
			);
			expect([context, starts.length]).toEqual([context, 1]);
			const sinchNodes = nodes.filter(
				(node) =>
					node.type === NODE_TYPE ||
					node.type === TRIGGER_NODE_TYPE ||
					node.type === HITL_TOOL_NODE_TYPE,
			);
			expect([context, sinchNodes.length > 0]).toEqual([context, true]);
			for (const node of sinchNodes) {
				expect([context, credentialIds.has(node.credentials?.[CREDENTIAL_TYPE]?.id ?? '')]).toEqual(
					[context, true],
				);
			}
		}
	});

	test('whatsapp-templates.json lists the approved WhatsApp templates and reads each from the Provisioning API', async () => {
		const { run, requests } = await execute('sinchExTemplates');
		expect(executedNodes(run)).toEqual([
			"When clicking 'Execute workflow'",
			'Approved WhatsApp templates',
			'Read each template',
		]);
		const listed = outputJson(run, 'Approved WhatsApp templates');
		expect(listed.map((template) => `${template.name}/${template.language}`)).toEqual([
			'delivery_photo/EN_US',
			'order_shipped/EN_US',
			'order_shipped/PT_BR',
			'spring_picks/EN_US',
		]);
		expect(outputJson(run, 'Read each template')).toEqual(listed);
		const templates = `/v1/projects/${emulator.projectId}/whatsapp/templates`;
		expect(apiRequests(requests).map((entry) => entry.path)).toEqual([
			templates,
			...listed.map((t) => `${templates}/${String(t.name)}/languages/${String(t.language)}`),
		]);
		expectOAuth2(requests);
	});

	test('app-lifecycle.json creates, updates, gets, lists and deletes an app', async () => {
		const { run, requests } = await execute('sinchExLifecycle');
		expect(executedNodes(run)).toEqual([
			"When clicking 'Execute workflow'",
			'Create app',
			'Update app',
			'Get app',
			'Get many apps',
			'Delete app',
		]);

		const [created] = outputJson(run, 'Create app');
		expect(outputJson(run, 'Create app')).toHaveLength(1);
		const appId = String(created.id);
		expect(appId).toMatch(ULID_PATTERN);
		expect(created).toMatchObject({
			display_name: 'Lifecycle demo',
			channel_credentials: [
				{
					channel: 'SMS',
					static_bearer: { claimed_identity: 'example-sms-service-plan', token: MASK },
				},
				{ channel: 'LINE', line_credentials: { token: MASK, secret: MASK, is_default: true } },
			],
		});

		const [updated] = outputJson(run, 'Update app');
		expect(updated).toMatchObject({
			id: appId,
			display_name: 'Lifecycle demo (updated)',
			processing_mode: 'CONVERSATION',
		});
		// Add or replace: the new LINE credential (ordinal 1) joins SMS and the first LINE credential.
		const channels = (updated.channel_credentials as Array<Record<string, unknown>>).map(
			(entry) => `${String(entry.channel)}#${String(entry.credential_ordinal_number)}`,
		);
		expect(channels).toEqual(['SMS#0', 'LINE#0', 'LINE#1']);

		expect(outputJson(run, 'Get app')).toEqual([updated]);
		const listed = outputJson(run, 'Get many apps');
		expect(listed).toContainEqual({
			id: appId,
			display_name: 'Lifecycle demo (updated)',
			channels: [
				{ channel: 'SMS', credential_ordinal_number: 0, status: 'ACTIVE' },
				{ channel: 'LINE', credential_ordinal_number: 0, status: 'ACTIVE' },
				{ channel: 'LINE', credential_ordinal_number: 1, status: 'ACTIVE' },
			],
		});
		// "Execute once": one delete, of the app made above, however many apps Get Many listed.
		expect(outputJson(run, 'Delete app')).toEqual([{ deleted: true, id: appId }]);

		const appPath = `${appsPath()}/${appId}`;
		expect(apiRequests(requests).map((entry) => `${entry.method} ${entry.path}`)).toEqual([
			`POST ${appsPath()}`,
			`GET ${appPath}`, // Update reads the app first, to merge the channel list
			`PATCH ${appPath}`,
			`GET ${appPath}`,
			`GET ${appsPath()}`,
			`DELETE ${appPath}`,
		]);
		expectOAuth2(requests);
		const [create, , patch] = apiRequests(requests);
		expect(create.body).toEqual({
			display_name: 'Lifecycle demo',
			channel_credentials: [
				{
					channel: 'SMS',
					static_bearer: {
						claimed_identity: 'example-sms-service-plan',
						token: 'example-sms-api-token',
					},
				},
				{
					channel: 'LINE',
					line_credentials: {
						token: 'example-line-token-0',
						secret: 'example-line-secret-0',
						is_default: true,
					},
				},
			],
		});
		expect(String(patch.query.update_mask).split(',').sort()).toEqual([
			'channel_credentials',
			'display_name',
			'processing_mode',
		]);
		expect(patch.body).toMatchObject({
			display_name: 'Lifecycle demo (updated)',
			processing_mode: 'CONVERSATION',
			channel_credentials: [
				{ channel: 'SMS' },
				{ channel: 'LINE', line_credentials: { token: 'example-line-token-0' } },
				{
					channel: 'LINE',
					credential_ordinal_number: 1,
					line_credentials: { token: 'example-line-token-1' },
				},
			],
		});
		expect(emulator.apps.find((app) => app.id === appId)).toBeUndefined();
	});

	test('create-app-several-channels.json creates one app with SMS, WhatsApp and Telegram', async () => {
		const { run, requests } = await execute('sinchExSeveralCh');
		const output = outputJson(run, 'Create support app');
		expect(output).toHaveLength(1);
		expect(output[0]).toMatchObject({
			display_name: 'Support Bot (example)',
			processing_mode: 'CONVERSATION',
			conversation_metadata_report_view: 'FULL',
			retention_policy: { retention_type: 'MESSAGE_EXPIRE_POLICY', ttl_days: 30 },
			channel_credentials: [
				{ channel: 'SMS', static_bearer: { token: MASK }, state: { status: 'ACTIVE' } },
				{
					channel: 'WHATSAPP',
					static_bearer: { token: MASK },
					callback_secret: MASK,
					state: { status: 'ACTIVE' },
				},
				{ channel: 'TELEGRAM', telegram_credentials: { token: MASK }, state: { status: 'ACTIVE' } },
			],
		});

		expect(summary(apiRequests(requests))).toEqual(['POST …/apps → 200']);
		expectOAuth2(requests);
		expect(apiRequests(requests)[0].body).toEqual({
			display_name: 'Support Bot (example)',
			channel_credentials: [
				{
					channel: 'SMS',
					static_bearer: {
						claimed_identity: 'example-sms-service-plan',
						token: 'example-sms-api-token',
					},
				},
				{
					channel: 'WHATSAPP',
					static_bearer: {
						claimed_identity: 'example-whatsapp-sender',
						token: 'example-whatsapp-token',
					},
					callback_secret: 'example-callback-secret',
				},
				{
					channel: 'TELEGRAM',
					telegram_credentials: { token: '123456:example-telegram-bot-token' },
				},
			],
			processing_mode: 'CONVERSATION',
			conversation_metadata_report_view: 'FULL',
			retention_policy: { retention_type: 'MESSAGE_EXPIRE_POLICY', ttl_days: 30 },
		});
		const stored = emulator.apps.find((app) => app.id === output[0].id);
		expect(stored?.channel_credentials.map((entry) => entry.channel)).toEqual([
			'SMS',
			'WHATSAPP',
			'TELEGRAM',
		]);
	});

	test('create-apps-from-items.json: one app per input item, expressions evaluated per item', async () => {
		const { run, requests } = await execute('sinchExItemsList');
		const items = outputItems(run, 'Create app per team');
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items.map((item) => item.json.display_name)).toEqual([
			'Sales team app',
			'Support team app',
			'Billing team app',
		]);
		expect(
			items.map((item) =>
				(item.json.channel_credentials as Array<{ channel: string }>).map((entry) => entry.channel),
			),
		).toEqual([['SMS'], ['SMS', 'TELEGRAM'], ['SMS']]);
		for (const item of items) expect(item.json).toMatchObject({ processing_mode: 'DISPATCH' });

		expect(summary(apiRequests(requests))).toEqual([
			'POST …/apps → 200',
			'POST …/apps → 200',
			'POST …/apps → 200',
		]);
		expectOAuth2(requests);
		// Items after the first are sent concurrently, so the emulator may receive them in any order; the output keeps
		// the input's order (above).
		const byName = (a: unknown, b: unknown) =>
			String((a as { display_name: string }).display_name).localeCompare(
				String((b as { display_name: string }).display_name),
			);
		expect(
			apiRequests(requests)
				.map((entry) => entry.body)
				.sort(byName),
		).toEqual([
			{
				display_name: 'Billing team app',
				channel_credentials: [
					{
						channel: 'SMS',
						static_bearer: {
							claimed_identity: 'example-plan-billing',
							token: 'example-token-billing',
						},
					},
				],
				processing_mode: 'DISPATCH',
			},
			{
				display_name: 'Sales team app',
				channel_credentials: [
					{
						channel: 'SMS',
						static_bearer: { claimed_identity: 'example-plan-sales', token: 'example-token-sales' },
					},
				],
				processing_mode: 'DISPATCH',
			},
			{
				display_name: 'Support team app',
				channel_credentials: [
					{
						channel: 'SMS',
						static_bearer: {
							claimed_identity: 'example-plan-support',
							token: 'example-token-support',
						},
					},
					{ channel: 'TELEGRAM', telegram_credentials: { token: '111111:example-support-bot' } },
				],
				processing_mode: 'DISPATCH',
			},
		]);
	});

	test('continue-on-fail-error-output.json: the bad item goes to the error output with a useful message, the good ones are created', async () => {
		const { run, requests } = await execute('sinchExErrorOutp');
		const created = outputItems(run, 'Create app', 0);
		const failed = outputItems(run, 'Create app', 1);
		expect(created.map((item) => [item.json.display_name, item.pairedItem])).toEqual([
			['Good app 1', { item: 0 }],
			['Good app 2', { item: 2 }],
		]);
		expect(failed).toHaveLength(1);
		expect(failed[0].pairedItem).toEqual({ item: 1 });
		// n8n passes the failed input item on, with the node's message under `error`.
		expect(failed[0].json).toMatchObject({
			name: 'App without token',
			servicePlanId: 'example-plan-2',
		});
		expect(String(failed[0].json.error)).toMatch(
			/^Channel Credentials, entry 1 \(SMS\): API Token \(token\) is required/,
		);
		expect(outputJson(run, 'Created').map((json) => json.display_name)).toEqual([
			'Good app 1',
			'Good app 2',
		]);
		expect(outputJson(run, 'Failed').map((json) => json.name)).toEqual(['App without token']);

		// The bad item is stopped before anything is sent: two creates, no request for it.
		expect(summary(apiRequests(requests))).toEqual(['POST …/apps → 200', 'POST …/apps → 200']);
		expectOAuth2(requests);
		expect(
			apiRequests(requests).map((entry) => (entry.body as { display_name: string }).display_name),
		).toEqual(['Good app 1', 'Good app 2']);
	});

	// n8n's CLI lists no credential types; this is the proof that n8n loaded `sinchConversationApi`: it looks the type
	// up by name for each request, and the headers below come from its preAuthentication() and authenticate().
	test('both-auth-methods.json: OAuth2 sends a Bearer token after one token request, Basic sends the key', async () => {
		// A fresh import empties the stored OAuth2 token, so this run has to get one.
		await importEmulatorCredentials();
		const { run, requests } = await execute('sinchExAuthBoth1');
		expect(outputJson(run, 'Create app (OAuth2)')).toMatchObject([
			{ display_name: 'App made with an OAuth2 token' },
		]);
		expect(outputJson(run, 'Create app (Basic)')).toMatchObject([
			{
				display_name: 'App made with Basic authentication',
				channel_credentials: [{ channel: 'MESSENGER' }],
			},
		]);

		expect(summary(requests)).toEqual([
			'POST /oauth2/token → 200',
			'POST …/apps → 200',
			'POST …/apps → 200',
		]);
		const [token, oAuth2, basic] = requests;
		expect(token.headers.authorization).toBe(basicHeader());
		expect(token.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
		expect(token.body).toBe('grant_type=client_credentials');
		expect(oAuth2.body).toMatchObject({ display_name: 'App made with an OAuth2 token' });
		expect(oAuth2.headers.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
		expect(basic.body).toMatchObject({ display_name: 'App made with Basic authentication' });
		expect(basic.headers.authorization).toBe(basicHeader());
	});

	test('an expired OAuth2 token: n8n asks for a new one once and repeats the request', async () => {
		// The OAuth2 credential must hold a token already (it does after the tests above; run alone, get one first).
		if (!emulator.requests.slice(credentialsImportedAt).some(isTokenRequest))
			await execute('sinchExSeveralCh');
		emulator.expireTokens();
		const { run, requests } = await execute('sinchExSeveralCh');
		expect(outputJson(run, 'Create support app')).toMatchObject([
			{ display_name: 'Support Bot (example)' },
		]);
		expect(summary(requests)).toEqual([
			'POST …/apps → 401',
			'POST /oauth2/token → 200',
			'POST …/apps → 200',
		]);
		const [rejected, , repeated] = requests;
		expect(repeated.headers.authorization).toMatch(/^Bearer /);
		expect(repeated.headers.authorization).not.toBe(rejected.headers.authorization);
		expect(repeated.body).toEqual(rejected.body);
	});
});
