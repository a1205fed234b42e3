/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { NodeHelpers, Workflow, createRunExecutionData } from 'n8n-workflow';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';

import { SinchConversation } from '../../nodes/SinchConversation/SinchConversation.node';

import { NODE_TYPE, runNode } from '../harness/engine';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { apiCalls, emulatorCredentials, seedApp } from '../harness/setup';

const emu = emulatorPerFile();

const appsPath = () => `/v1/projects/${emu.projectId}/apps`;
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

const lineEntry = (ordinal: number, token: string, isDefault = false): IDataObject => ({
	channel: 'LINE',
	credential_ordinal_number: ordinal,
	line_credentials: {
		token,
		secret: `${token}-secret`,
		...(isDefault ? { is_default: true } : {}),
	},
});
const smsEntry = (plan: string, token: string): IDataObject => ({
	channel: 'SMS',
	static_bearer: { claimed_identity: plan, token },
});
/** An entry as the emulator stores and answers it, read-only fields included. */
const stored = (entry: IDataObject): IDataObject => ({
	credential_ordinal_number: 0,
	...entry,
	state: { status: 'ACTIVE', description: '' },
	channel_known_id: '',
});
/** The same entry as the node sends it back: read-only fields dropped, the ordinal number Sinch answered kept. */
const sentBack = (entry: IDataObject): IDataObject => ({ credential_ordinal_number: 0, ...entry });

const seed = {
	display_name: 'Support',
	channel_credentials: [smsEntry('plan-1', 'sms-token-1'), lineEntry(0, 'line-zero', true)],
};

const update = (appId: string, rest: INodeParameters): INodeParameters => ({
	resource: 'app',
	operation: 'update',
	appId: byId(appId),
	...rest,
});

/** The GET the node reads the app with, then the PATCH it sends (or nothing more). */
function expectCalls(since: number, appId: string, patch?: { mask: string; body: IDataObject }) {
	const path = `${appsPath()}/${appId}`;
	const expected: unknown[] = [{ method: 'GET', path, query: {}, body: undefined }];
	if (patch)
		expected.push({ method: 'PATCH', path, query: { update_mask: patch.mask }, body: patch.body });
	expect(apiCalls(emu, since)).toEqual(expected);
}

const storedApp = (id: string) => emu.apps.find((app) => app.id === id) as unknown as IDataObject;

describe('App: Update, fields', () => {
	it('renames the app: update_mask and body name only the display name', async () => {
		const app = await seedApp(emu, seed);
		const id = app.id as string;
		const mark = emu.requests.length;
		const { outputs, error } = await runNode({
			parameters: update(id, { updateFields: { displayName: 'Support EU' } }),
			credentials: emulatorCredentials(emu),
		});
		expect(error).toBeUndefined();
		expectCalls(mark, id, { mask: 'display_name', body: { display_name: 'Support EU' } });
		expect(outputs[0]).toHaveLength(1);
		expect(outputs[0][0].json.display_name).toBe('Support EU');
		expect(outputs[0][0].json.channel_credentials).toEqual(
			app.channel_credentials && [
				expect.objectContaining({
					channel: 'SMS',
					static_bearer: { claimed_identity: 'plan-1', token: '********' },
				}),
				expect.objectContaining({
					channel: 'LINE',
					line_credentials: { token: '********', secret: '********', is_default: true },
				}),
			],
		);
		expect(storedApp(id)).toEqual({ ...app, display_name: 'Support EU' });
	});

	it("changes settings and sends each as a whole object, in Sinch's field order", async () => {
		const app = await seedApp(emu, seed);
		const id = app.id as string;
		const mark = emu.requests.length;
		const { error } = await runNode({
			parameters: update(id, {
				updateFields: {
					processingMode: 'CONVERSATION',
					retentionType: 'CONVERSATION_EXPIRE_POLICY',
					retentionTtlDays: 30,
					messageRetryDuration: 600,
					smartConversation: true,
				},
			}),
			credentials: emulatorCredentials(emu),
		});
		expect(error).toBeUndefined();
		expectCalls(mark, id, {
			mask: 'retention_policy,processing_mode,smart_conversation,message_retry_settings',
			body: {
				retention_policy: { retention_type: 'CONVERSATION_EXPIRE_POLICY', ttl_days: 30 },
				processing_mode: 'CONVERSATION',
				smart_conversation: { enabled: true },
				message_retry_settings: { retry_duration: 600 },
			},
		});
		const after = storedApp(id);
		expect(after.channel_credentials).toEqual(app.channel_credentials);
		expect(after.processing_mode).toBe('CONVERSATION');
		expect(after.display_name).toBe('Support');
	});

	it('adds a second LINE entry with another ordinal number: the two stay two, the rest is kept', async () => {
		const app = await seedApp(emu, seed);
		const id = app.id as string;
		const mark = emu.requests.length;
		const { outputs, error } = await runNode({
			parameters: update(id, {
				channelCredentialsMode: 'addOrReplace',
				channelCredentials: {
					entries: [
						{
							channel: 'LINE',
							lineType: 'standard',
							lineToken: 'line-four',
							lineSecret: 'line-four-secret',
							credentialOrdinalNumber: 4,
						},
					],
				},
			}),
			credentials: emulatorCredentials(emu),
		});
		expect(error).toBeUndefined();
		const newLine = {
			channel: 'LINE',
			line_credentials: { token: 'line-four', secret: 'line-four-secret' },
			credential_ordinal_number: 4,
		};
		expectCalls(mark, id, {
			mask: 'channel_credentials',
			body: {
				channel_credentials: [
					sentBack(smsEntry('plan-1', 'sms-token-1')),
					lineEntry(0, 'line-zero', true),
					newLine,
				],
			},
		});
		expect(storedApp(id).channel_credentials).toEqual([
			stored(smsEntry('plan-1', 'sms-token-1')),
			stored(lineEntry(0, 'line-zero', true)),
			stored(newLine),
		]);
		expect(
			(outputs[0][0].json.channel_credentials as IDataObject[]).map((entry) => [
				entry.channel,
				entry.credential_ordinal_number,
			]),
		).toEqual([
			['SMS', 0],
			['LINE', 0],
			['LINE', 4],
		]);
	});

	it('replaces the entry with the same channel and ordinal number in its place', async () => {
		const app = await seedApp(emu, {
			...seed,
			channel_credentials: [...seed.channel_credentials, lineEntry(4, 'line-four')],
		});
		const id = app.id as string;
		const mark = emu.requests.length;
		const { error } = await runNode({
			parameters: update(id, {
				channelCredentialsMode: 'addOrReplace',
				channelCredentials: {
					entries: [
						{
							channel: 'LINE',
							lineType: 'standard',
							lineToken: 'line-four-new',
							lineSecret: 'line-four-new-secret',
							credentialOrdinalNumber: 4,
						},
						{
							channel: 'SMS',
							smsServicePlanId: 'plan-2',
							smsApiToken: 'sms-token-2',
							entryOptions: { callbackSecret: 'cb' },
						},
					],
				},
			}),
			credentials: emulatorCredentials(emu),
		});
		expect(error).toBeUndefined();
		const newLine = {
			channel: 'LINE',
			line_credentials: { token: 'line-four-new', secret: 'line-four-new-secret' },
			credential_ordinal_number: 4,
		};
		const newSms = { ...smsEntry('plan-2', 'sms-token-2'), callback_secret: 'cb' };
		expectCalls(mark, id, {
			mask: 'channel_credentials',
			body: { channel_credentials: [newSms, lineEntry(0, 'line-zero', true), newLine] },
		});
		expect(storedApp(id).channel_credentials).toEqual([
			stored(newSms),
			stored(lineEntry(0, 'line-zero', true)),
			stored(newLine),
		]);
	});

	it('removes every entry of the chosen channels and keeps the others', async () => {
		const app = await seedApp(emu, {
			...seed,
			channel_credentials: [
				lineEntry(0, 'line-zero', true),
				smsEntry('plan-1', 'sms-token-1'),
				lineEntry(4, 'line-four'),
			],
		});
		const id = app.id as string;
		const mark = emu.requests.length;
		const { error } = await runNode({
			parameters: update(id, {
				channelCredentialsMode: 'remove',
				channelsToRemove: ['LINE', 'WECHAT'],
			}),
			credentials: emulatorCredentials(emu),
		});
		expect(error).toBeUndefined();
		expectCalls(mark, id, {
			mask: 'channel_credentials',
			body: { channel_credentials: [sentBack(smsEntry('plan-1', 'sms-token-1'))] },
		});
		expect(storedApp(id).channel_credentials).toEqual([stored(smsEntry('plan-1', 'sms-token-1'))]);
	});

	it('replaces the whole channel list on Replace All, together with a new name', async () => {
		const app = await seedApp(emu, seed);
		const id = app.id as string;
		const mark = emu.requests.length;
		const { error } = await runNode({
			parameters: update(id, {
				updateFields: { displayName: 'Telegram only' },
				channelCredentialsMode: 'replace',
				channelCredentials: { entries: [{ channel: 'TELEGRAM', telegramBotToken: 'bot-token' }] },
			}),
			credentials: emulatorCredentials(emu),
		});
		expect(error).toBeUndefined();
		const telegram = { channel: 'TELEGRAM', telegram_credentials: { token: 'bot-token' } };
		expectCalls(mark, id, {
			mask: 'display_name,channel_credentials',
			body: { display_name: 'Telegram only', channel_credentials: [telegram] },
		});
		expect(storedApp(id).channel_credentials).toEqual([stored(telegram)]);
	});

	it('leaves the channels alone on Keep (the default)', async () => {
		const app = await seedApp(emu, seed);
		const id = app.id as string;
		const mark = emu.requests.length;
		await runNode({
			parameters: update(id, { updateFields: { conversationMetadataReportView: 'FULL' } }),
			credentials: emulatorCredentials(emu),
		});
		expectCalls(mark, id, {
			mask: 'conversation_metadata_report_view',
			body: { conversation_metadata_report_view: 'FULL' },
		});
		expect(storedApp(id).channel_credentials).toEqual(app.channel_credentials);
	});

	it('sends no PATCH when nothing differs, and outputs the app as read', async () => {
		const app = await seedApp(emu, seed);
		const id = app.id as string;
		const mark = emu.requests.length;
		const { outputs, error } = await runNode({
			parameters: update(id, {
				updateFields: { displayName: 'Support', processingMode: 'DISPATCH' },
				channelCredentialsMode: 'addOrReplace',
				channelCredentials: {
					entries: [{ channel: 'SMS', smsServicePlanId: 'plan-1', smsApiToken: 'sms-token-1' }],
				},
				options: { includeSecrets: true },
			}),
			credentials: emulatorCredentials(emu),
		});
		expect(error).toBeUndefined();
		expectCalls(mark, id);
		expect(outputs[0][0].json).toEqual(app);
	});

	it('outputs secrets only with Include Secrets', async () => {
		const app = await seedApp(emu, seed);
		const id = app.id as string;
		const { outputs } = await runNode({
			parameters: update(id, {
				updateFields: { displayName: 'Shown' },
				options: { includeSecrets: true },
			}),
			credentials: emulatorCredentials(emu),
		});
		expect(outputs[0][0].json).toEqual({ ...app, display_name: 'Shown' });
	});
});

describe('App: Update, JSON', () => {
	it('sends the fields given, merging object settings with the stored ones', async () => {
		const app = await seedApp(emu, {
			...seed,
			retention_policy: { retention_type: 'CONVERSATION_EXPIRE_POLICY', ttl_days: 90 },
		});
		const id = app.id as string;
		const mark = emu.requests.length;
		const { error } = await runNode({
			parameters: update(id, {
				specifyBody: 'json',
				jsonBody: JSON.stringify({ display_name: 'From JSON', retention_policy: { ttl_days: 30 } }),
			}),
			credentials: emulatorCredentials(emu),
		});
		expect(error).toBeUndefined();
		expectCalls(mark, id, {
			mask: 'display_name,retention_policy',
			body: {
				display_name: 'From JSON',
				retention_policy: { retention_type: 'CONVERSATION_EXPIRE_POLICY', ttl_days: 30 },
			},
		});
	});

	it('accepts a Get output (with secrets) edited and fed back: read-only fields dropped, only changes sent', async () => {
		const app = await seedApp(emu, seed);
		const id = app.id as string;
		const mark = emu.requests.length;
		const { error } = await runNode({
			parameters: update(id, {
				specifyBody: 'json',
				jsonBody: '={{ JSON.stringify({ ...$json, processing_mode: "CONVERSATION" }) }}',
			}),
			items: [app],
			credentials: emulatorCredentials(emu),
		});
		expect(error).toBeUndefined();
		expectCalls(mark, id, { mask: 'processing_mode', body: { processing_mode: 'CONVERSATION' } });
	});

	it('replaces the channel list given in JSON as a whole', async () => {
		const app = await seedApp(emu, seed);
		const id = app.id as string;
		const mark = emu.requests.length;
		const { error } = await runNode({
			parameters: update(id, {
				specifyBody: 'json',
				jsonBody: JSON.stringify({ channel_credentials: [lineEntry(2, 'only-line')] }),
			}),
			credentials: emulatorCredentials(emu),
		});
		expect(error).toBeUndefined();
		expectCalls(mark, id, {
			mask: 'channel_credentials',
			body: { channel_credentials: [lineEntry(2, 'only-line')] },
		});
	});
});

describe('App: Update, invalid input sends nothing', () => {
	async function expectRefused(
		parameters: INodeParameters,
		message: string | RegExp,
		items?: IDataObject[],
	) {
		const mark = emu.requests.length;
		const { outputs, error } = await runNode({
			parameters,
			items,
			credentials: emulatorCredentials(emu),
		});
		expect(outputs).toEqual([]);
		expect(error?.name).toBe('NodeOperationError');
		if (typeof message === 'string') expect(error?.message).toBe(message);
		else expect(error?.message).toMatch(message);
		expect(emu.requests.length).toBe(mark);
		return error;
	}

	it('refuses a setting out of range with the same message as Create', async () => {
		const app = await seedApp(emu, seed);
		const message =
			'Message Retry (Seconds) 10 is out of range. Use a whole number from 30 to 3600.';
		await expectRefused(
			update(app.id as string, { updateFields: { messageRetryDuration: 10 } }),
			message,
		);
		const created = await runNode({
			parameters: {
				resource: 'app',
				operation: 'create',
				displayName: 'x',
				additionalFields: { messageRetryDuration: 10 },
			},
			credentials: emulatorCredentials(emu),
		});
		expect(created.error?.message).toBe(message);
	});

	it('refuses an empty display name', async () => {
		const app = await seedApp(emu, seed);
		await expectRefused(
			update(app.id as string, { updateFields: { displayName: ' ' } }),
			'Display Name is required. Enter a name for the app.',
		);
	});

	it('refuses an entry to add that misses its token, numbered as given', async () => {
		const app = await seedApp(emu, seed);
		await expectRefused(
			update(app.id as string, {
				channelCredentialsMode: 'addOrReplace',
				channelCredentials: {
					entries: [
						{ channel: 'TELEGRAM', telegramBotToken: 'ok' },
						{ channel: 'SMS', smsServicePlanId: 'plan-2', smsApiToken: '={{ "" }}' },
					],
				},
			}),
			/^Channel Credentials, entry 2 \(SMS\): API Token \(token\) is required: /,
		);
	});

	it('refuses two entries to add for the same channel and ordinal number', async () => {
		const app = await seedApp(emu, seed);
		await expectRefused(
			update(app.id as string, {
				channelCredentialsMode: 'addOrReplace',
				channelCredentials: {
					entries: [
						{ channel: 'LINE', lineToken: 'a', lineSecret: 's', credentialOrdinalNumber: 3 },
						{ channel: 'LINE', lineToken: 'b', lineSecret: 's', credentialOrdinalNumber: 3 },
					],
				},
			}),
			/^Channel Credentials, entry 2 \(LINE\): entry 1 already has channel LINE with Credential Ordinal Number 3/,
		);
	});

	it('refuses Remove Channels without a channel', async () => {
		const app = await seedApp(emu, seed);
		await expectRefused(
			update(app.id as string, { channelCredentialsMode: 'remove', channelsToRemove: [] }),
			'Channels to Remove is empty. Choose at least one channel, or set Channel Changes to Keep.',
		);
	});

	it('refuses JSON with an unknown field or a masked secret', async () => {
		const app = await seedApp(emu, seed);
		await expectRefused(
			update(app.id as string, { specifyBody: 'json', jsonBody: '{"displayName": "x"}' }),
			/^Unknown app field "displayName"/,
		);
		await expectRefused(
			update(app.id as string, {
				specifyBody: 'json',
				jsonBody: {
					channel_credentials: [
						{ channel: 'TELEGRAM', telegram_credentials: { token: '********' } },
					],
				},
			}),
			/is a masked value from an earlier output/,
		);
		await expectRefused(
			update(app.id as string, { specifyBody: 'json', jsonBody: '{"display_name": ' }),
			/^Changes \(JSON\) is not valid JSON/,
		);
	});

	it('refuses a bad app ID before reading anything', async () => {
		await expectRefused(
			update('={{ $json.id }}', { updateFields: { displayName: 'x' } }),
			'The App parameter "nope" is not a Sinch app ID',
			[{ id: 'nope' }],
		);
	});
});

describe('App: Update, checks after merging and errors', () => {
	it('refuses a merge that leaves two LINE defaults: reads the app, sends no PATCH', async () => {
		const app = await seedApp(emu, seed);
		const id = app.id as string;
		const mark = emu.requests.length;
		const { error } = await runNode({
			parameters: update(id, {
				channelCredentialsMode: 'addOrReplace',
				channelCredentials: {
					entries: [
						{
							channel: 'LINE',
							lineToken: 't',
							lineSecret: 's',
							credentialOrdinalNumber: 1,
							isDefault: true,
						},
					],
				},
			}),
			credentials: emulatorCredentials(emu),
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(
			"After merging with the app's channels: Channel Credentials: 2 LINE entries need exactly one with Is Default on; found 2. Turn Is Default on for one of entries 2, 3.",
		);
		expect(error?.description).toBe(
			"The app's channels after the change (channel #ordinal number): 1. SMS #0, 2. LINE #0, 3. LINE #1.",
		);
		expectCalls(mark, id);
		expect(storedApp(id)).toEqual(app);
	});

	it('explains a 404 on reading the app and sends no PATCH', async () => {
		const missing = '01HZX3K5V8Q2M7N4P6R9S0T1AB';
		const { error } = await runNode({
			parameters: update(missing, { updateFields: { displayName: 'x' } }),
			credentials: emulatorCredentials(emu),
		});
		expect(error?.httpCode).toBe('404');
		expect(error?.message).toBe('App 01HZX3K5V8Q2M7N4P6R9S0T1AB was not found (404)');
		expectCalls(0, missing);
	});

	it('reports Sinch rejecting the PATCH', async () => {
		const app = await seedApp(emu, seed);
		const id = app.id as string;
		emu.failNext({
			status: 400,
			method: 'PATCH',
			body: { error: { code: 400, message: 'display_name too long', status: 'INVALID_ARGUMENT' } },
		});
		const mark = emu.requests.length;
		const { error } = await runNode({
			parameters: update(id, { updateFields: { displayName: 'x' } }),
			credentials: emulatorCredentials(emu),
		});
		expect(error?.httpCode).toBe('400');
		expect(error?.message).toContain('display_name too long');
		expectCalls(mark, id, { mask: 'display_name', body: { display_name: 'x' } });
	});
});

describe('example workflow test/examples/app-lifecycle.json', () => {
	/** Stands in for n8n-nodes-base's Manual Trigger (not installed here): one empty item. */
	class ManualTriggerStub implements INodeType {
		description = {
			displayName: 'Manual Trigger',
			name: 'manualTrigger',
			group: ['trigger'],
			version: 1,
			description: '',
			defaults: { name: 'Manual Trigger' },
			inputs: [],
			outputs: ['main'],
			properties: [],
		} as unknown as INodeType['description'];

		async execute(): Promise<INodeExecutionData[][]> {
			return [[{ json: {} }]];
		}
	}

	it("creates, updates, reads, lists and deletes one app, through n8n-core's engine", async () => {
		const file = JSON.parse(
			readFileSync(join(__dirname, '..', 'examples', 'app-lifecycle.json'), 'utf8'),
		) as IWorkflowBase;
		const types: Record<string, INodeType> = {
			'n8n-nodes-base.manualTrigger': new ManualTriggerStub(),
			[NODE_TYPE]: new SinchConversation(),
		};
		const nodeTypes = {
			getByName: (name: string) => types[name],
			// Unknown types (the sticky note) are skipped, as n8n's Workflow does with any type it does not have.
			getByNameAndVersion: (name: string, version?: number) =>
				types[name] === undefined
					? undefined
					: NodeHelpers.getVersionedNodeType(types[name], version),
			getKnownTypes: () => ({}),
		} as unknown as INodeTypes;
		const credentialRef = file.nodes.find((node) => node.type === NODE_TYPE)?.credentials
			?.sinchConversationApi;
		expect(credentialRef).toEqual({ id: 'sinch-emulator-oauth2', name: 'Sinch emulator (OAuth2)' });
		const helper = emulatorCredentials(emu);
		helper.store(credentialRef!.id as string, {
			projectId: emu.projectId,
			keyId: emu.keyId,
			keySecret: emu.keySecret,
			region: 'custom',
			baseUrl: emu.url,
			tokenUrl: emu.tokenUrl,
			authentication: 'oAuth2',
		});
		const other = await seedApp(emu, { display_name: 'Other app', channel_credentials: [] });
		const mark = emu.requests.length;

		const workflow = new Workflow({
			id: file.id,
			nodes: file.nodes,
			connections: file.connections,
			active: false,
			nodeTypes,
			settings: file.settings,
		});
		const additionalData = {
			credentialsHelper: helper,
			hooks: new ExecutionLifecycleHooks('manual', 'exec-lifecycle', {
				...file,
				createdAt: new Date(),
				updatedAt: new Date(),
			}),
			executeWorkflow: async () => ({ data: [], executionId: '' }),
			getRunExecutionData: async () => undefined,
			currentNodeExecutionIndex: 0,
			restApiUrl: 'http://127.0.0.1:5678/rest',
			instanceBaseUrl: 'http://127.0.0.1:5678',
			webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
			webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
			webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
			formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
			variables: {},
			userId: 'user-1',
		} as unknown as IWorkflowExecuteAdditionalData;
		const trigger = workflow.getNode("When clicking 'Execute workflow'")!;
		const run = await new WorkflowExecute(additionalData, 'manual', createRunExecutionData()).run({
			workflow,
			startNode: trigger,
		});
		expect(run.data.resultData.error).toBeUndefined();

		const output = (name: string) =>
			run.data.resultData.runData[name][0].data!.main[0]!.map((item) => item.json);
		const created = output('Create app')[0];
		const id = created.id as string;
		const appPath = `${appsPath()}/${id}`;
		expect(apiCalls(emu, mark).map(({ method, path, query }) => [method, path, query])).toEqual([
			['POST', appsPath(), {}],
			['GET', appPath, {}],
			['PATCH', appPath, { update_mask: 'display_name,channel_credentials,processing_mode' }],
			['GET', appPath, {}],
			['GET', appsPath(), {}],
			['DELETE', appPath, {}],
		]);
		const patch = apiCalls(emu, mark)[2].body as IDataObject;
		expect(
			(patch.channel_credentials as IDataObject[]).map((entry) => [
				entry.channel,
				entry.credential_ordinal_number ?? 0,
			]),
		).toEqual([
			['SMS', 0],
			['LINE', 0],
			['LINE', 1],
		]);
		expect(output('Update app')[0]).toEqual(
			expect.objectContaining({
				id,
				display_name: 'Lifecycle demo (updated)',
				processing_mode: 'CONVERSATION',
			}),
		);
		expect(output('Get app')[0]).toEqual(output('Update app')[0]);
		expect(output('Get many apps').map((app) => [app.id, app.display_name])).toEqual([
			[other.id, 'Other app'],
			[id, 'Lifecycle demo (updated)'],
		]);
		expect(output('Delete app')).toEqual([{ deleted: true, id }]);
		expect(emu.apps.map((app) => app.id)).toEqual([other.id]);
		expect(JSON.stringify(run.data.resultData.runData)).not.toMatch(
			/example-(sms-api|line)-(token|secret)/,
		);
	});
});
