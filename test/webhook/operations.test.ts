/**
 * The Webhook resource through n8n's engine against the emulator: what goes on the wire (compared with Sinch's Node
 * SDK for the same webhook), the checks that stop an item before anything is sent, masking, duplicates and the limit.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import type { Conversation } from '@sinch/sdk-core';

import { MASK } from '../../nodes/SinchConversation/helpers/secrets';
import { type Webhook } from '../emulator';
import { runNode } from '../harness/engine';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { emulatorApi } from '../harness/emulatorApi';
import { emulatorCredentials } from '../harness/setup';
import { sdkClient } from '../harness/sdk';

const emu = emulatorPerFile();

const TOKEN_PATH = '/oauth2/token';
const byList = (value: string) => ({ __rl: true, mode: 'list', value });
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const webhooksPath = () => `/v1/projects/${emu.projectId}/webhooks`;

const api = (method: string, path: string, body?: object) => emulatorApi(emu, method, path, body);

async function seedApp(): Promise<string> {
	const app = await api('POST', '/apps', {
		display_name: 'Hooks',
		channel_credentials: [
			{ channel: 'SMS', static_bearer: { claimed_identity: 'plan', token: 't' } },
		],
	});
	return app.id as string;
}

const seedWebhook = async (body: object) =>
	(await api('POST', '/webhooks', body)) as unknown as Webhook;

/** API requests after `mark`, the token request left out. */
function apiCalls(mark = 0) {
	return emu.requests
		.slice(mark)
		.filter((request) => request.path !== TOKEN_PATH)
		.map(({ method, path, query, body }) => ({ method, path, query, body }));
}

async function run(parameters: INodeParameters, items?: IDataObject[]) {
	return await runNode({
		parameters: { resource: 'webhook', ...parameters },
		credentials: emulatorCredentials(emu),
		items,
	});
}

const create = (appId: string, extra: INodeParameters = {}) =>
	run({
		operation: 'create',
		appId: byList(appId),
		target: 'https://n8n.example.com/webhook/sinch',
		triggers: ['MESSAGE_INBOUND', 'MESSAGE_DELIVERY'],
		...extra,
	});

const sdk = () => sdkClient(emu);

describe('Webhook: Create', () => {
	it('sends target, HTTP target type and triggers, and outputs the webhook', async () => {
		const appId = await seedApp();
		const mark = emu.requests.length;
		const { outputs, error } = await create(appId);
		expect(error).toBeUndefined();
		expect(apiCalls(mark)).toEqual([
			{
				method: 'GET',
				path: `/v1/projects/${emu.projectId}/apps/${appId}/webhooks`,
				query: {},
				body: undefined,
			},
			{
				method: 'POST',
				path: webhooksPath(),
				query: {},
				body: {
					app_id: appId,
					target: 'https://n8n.example.com/webhook/sinch',
					target_type: 'HTTP',
					triggers: ['MESSAGE_INBOUND', 'MESSAGE_DELIVERY'],
				},
			},
		]);
		expect(outputs[0]).toHaveLength(1);
		expect(outputs[0][0].json).toEqual(emu.webhooks[0]);
		expect(outputs[0][0].pairedItem).toEqual({ item: 0 });
	});

	it("sends the same body as Sinch's Node SDK for the same webhook, client credentials included", async () => {
		const appId = await seedApp();
		const { error } = await create(appId, {
			triggers: ['MESSAGE_INBOUND', 'EVENT_INBOUND', 'CONTACT_CREATE'],
			secretMode: 'enter',
			secret: 'my-signing-secret',
			additionalFields: {
				targetType: 'HTTP',
				clientCredentials: {
					credentials: {
						clientId: 'client-1',
						clientSecret: 'client-secret-1',
						endpoint: 'https://auth.example.com/oauth2/token',
						scope: 'callbacks',
						tokenRequestType: 'FORM',
					},
				},
			},
		});
		expect(error).toBeUndefined();
		const sdkBody: Conversation.CreateWebhookRequestBody = {
			app_id: appId,
			target: 'https://n8n.example.com/webhook/sinch',
			target_type: 'HTTP',
			triggers: ['MESSAGE_INBOUND', 'EVENT_INBOUND', 'CONTACT_CREATE'],
			secret: 'my-signing-secret',
			client_credentials: {
				client_id: 'client-1',
				client_secret: 'client-secret-1',
				endpoint: 'https://auth.example.com/oauth2/token',
				scope: 'callbacks',
				token_request_type: 'FORM',
			},
		};
		emu.reset();
		const fresh = await seedApp();
		await sdk().conversation.webhooks.create({
			webhookCreateRequestBody: { ...sdkBody, app_id: fresh },
		});
		const sdkSent = emu.requests.find(
			(request) => request.method === 'POST' && request.path === webhooksPath(),
		);
		// Same object, apart from the app the run used.
		expect({ ...(sdkSent?.body as IDataObject), app_id: appId }).toEqual(sdkBody);
	});

	it("body on the wire equals the SDK's, field by field (key order aside)", async () => {
		const appId = await seedApp();
		await create(appId, { triggers: ['OPT_IN'] });
		const node = emu.requests.find(
			(request) => request.method === 'POST' && request.path === webhooksPath(),
		)?.body;
		await sdk().conversation.webhooks.create({
			webhookCreateRequestBody: {
				app_id: appId,
				target: 'https://n8n.example.com/webhook/sinch-2',
				target_type: 'HTTP',
				triggers: ['OPT_IN'],
			},
		});
		const fromSdk = emu.requests.filter(
			(request) => request.method === 'POST' && request.path === webhooksPath(),
		)[1]?.body;
		expect({
			...(fromSdk as IDataObject),
			target: 'https://n8n.example.com/webhook/sinch',
		}).toEqual(node);
	});

	it('masks a secret entered, and shows it with Include Secrets', async () => {
		const appId = await seedApp();
		const masked = await create(appId, { secretMode: 'enter', secret: 'entered-secret' });
		expect(masked.outputs[0][0].json.secret).toBe(MASK);
		expect(JSON.stringify(masked.outputs[0][0].json)).not.toContain('entered-secret');
		const shown = await run({
			operation: 'get',
			webhookId: byId(emu.webhooks[0].id),
			options: { includeSecrets: true },
		});
		expect(shown.outputs[0][0].json.secret).toBe('entered-secret');
	});

	it('generates a strong secret, sends it, and outputs it once', async () => {
		const appId = await seedApp();
		const first = await create(appId, { secretMode: 'generate' });
		const secret = first.outputs[0][0].json.secret as string;
		expect(secret).toMatch(/^[A-Za-z0-9]{40}$/);
		expect(emu.webhooks[0].secret).toBe(secret);
		const again = await run({ operation: 'get', webhookId: byId(emu.webhooks[0].id) });
		expect(again.outputs[0][0].json.secret).toBe(MASK);
		const second = await create(appId, {
			secretMode: 'generate',
			target: 'https://n8n.example.com/other',
		});
		expect(second.outputs[0][0].json.secret).not.toBe(secret);
	});

	it('masks the client secret in outputs', async () => {
		const appId = await seedApp();
		const { outputs } = await create(appId, {
			additionalFields: {
				clientCredentials: {
					credentials: {
						clientId: 'c',
						clientSecret: 'oauth-client-secret',
						endpoint: 'https://auth.example.com/t',
					},
				},
			},
		});
		expect((outputs[0][0].json.client_credentials as IDataObject).client_secret).toBe(MASK);
		expect(JSON.stringify(outputs)).not.toContain('oauth-client-secret');
	});

	it('keeps the secret and client secret out of an error message that echoes them', async () => {
		const appId = await seedApp();
		emu.failNext({
			status: 400,
			method: 'POST',
			pathIncludes: '/webhooks',
			body: {
				error: {
					code: 400,
					message: 'refused sign-secret-123 and oauth-secret-456',
					status: 'INVALID_ARGUMENT',
					details: [],
				},
			},
		});
		const { error } = await create(appId, {
			secretMode: 'enter',
			secret: 'sign-secret-123',
			additionalFields: {
				clientCredentials: {
					credentials: {
						clientId: 'c',
						// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- made up for the tests, not a secret
						clientSecret: 'oauth-secret-456',
						endpoint: 'https://a.example.com/t',
					},
				},
			},
		});
		expect(error?.httpCode).toBe('400');
		const shown = JSON.stringify({ message: error?.message, description: error?.description });
		expect(shown).not.toContain('sign-secret-123');
		expect(shown).not.toContain('oauth-secret-456');
	});

	it('sends DISMISS only when chosen', async () => {
		const appId = await seedApp();
		await create(appId, { additionalFields: { targetType: 'DISMISS' } });
		expect(emu.webhooks[0].target_type).toBe('DISMISS');
	});

	it('accepts triggers from an expression as comma-separated text', async () => {
		const appId = await seedApp();
		const { error } = await create(appId, { triggers: '={{ "message_inbound, OPT_OUT" }}' });
		expect(error).toBeUndefined();
		expect(emu.webhooks[0].triggers).toEqual(['MESSAGE_INBOUND', 'OPT_OUT']);
	});

	it('refuses a second webhook for the same target, naming the existing one, and sends no create', async () => {
		const appId = await seedApp();
		const existing = await seedWebhook({
			app_id: appId,
			target: 'https://n8n.example.com/webhook/sinch',
			triggers: ['OPT_IN'],
		});
		const mark = emu.requests.length;
		const { error } = await create(appId);
		expect(error?.message).toContain(existing.id);
		expect(error?.message).toMatch(/one webhook per target URL/);
		expect(apiCalls(mark).map((call) => call.method)).toEqual(['GET']);
	});

	it('updates the existing webhook for the same target when asked, with an exact update_mask', async () => {
		const appId = await seedApp();
		const existing = await seedWebhook({
			app_id: appId,
			target: 'https://n8n.example.com/webhook/sinch',
			triggers: ['OPT_IN'],
			secret: 'old',
		});
		const mark = emu.requests.length;
		const { outputs, error } = await create(appId, { options: { onExisting: 'update' } });
		expect(error).toBeUndefined();
		const calls = apiCalls(mark);
		expect(calls.map((call) => call.method)).toEqual(['GET', 'PATCH']);
		expect(calls[1]).toEqual({
			method: 'PATCH',
			path: `${webhooksPath()}/${existing.id}`,
			query: { update_mask: 'target_type,triggers,secret,client_credentials' },
			body: {
				target: 'https://n8n.example.com/webhook/sinch',
				target_type: 'HTTP',
				triggers: ['MESSAGE_INBOUND', 'MESSAGE_DELIVERY'],
			},
		});
		expect(outputs[0][0].json).toMatchObject({
			id: existing.id,
			triggers: ['MESSAGE_INBOUND', 'MESSAGE_DELIVERY'],
			target_type: 'HTTP',
			secret: '',
		});
		expect(emu.webhooks).toHaveLength(1);
	});

	it('refuses a sixth webhook with a message naming the five', async () => {
		const appId = await seedApp();
		const five: Webhook[] = [];
		for (let i = 1; i <= 5; i++)
			five.push(
				await seedWebhook({ app_id: appId, target: `https://e.com/${i}`, triggers: ['OPT_IN'] }),
			);
		const mark = emu.requests.length;
		const { error } = await create(appId);
		expect(error?.message).toMatch(/already has 5 webhooks/);
		for (const webhook of five)
			expect(error?.message).toContain(`${webhook.id} → ${webhook.target}`);
		expect(apiCalls(mark).map((call) => call.method)).toEqual(['GET']);
	});

	it('names the five without the query of their URLs, which may carry a token', async () => {
		const appId = await seedApp();
		for (let i = 1; i <= 5; i++) {
			await seedWebhook({
				app_id: appId,
				target: `https://e.com/${i}?token=leak-${i}`,
				triggers: ['OPT_IN'],
			});
		}
		const { error } = await create(appId);
		expect(error?.message).toContain('https://e.com/1?…');
		expect(error?.message).not.toContain('leak-');
	});

	it('says which app was not found', async () => {
		const { error } = await create('01HZX3K5V8Q2M7N4P6R9S0T1AB');
		expect(error?.message).toMatch(/^App 01HZX3K5V8Q2M7N4P6R9S0T1AB was not found \(404\)$/);
	});
});

describe('Webhook: checks before sending', () => {
	const APP = '01HZX3K5V8Q2M7N4P6R9S0T1AB';
	// Empty required fields come from expressions here: n8n itself stops a workflow whose required field is left empty.
	it.each<[string, INodeParameters, RegExp]>([
		['an empty target', { target: '={{ "" }}' }, /Target URL is empty/],
		['a target that is not a URL', { target: 'n8n.example.com/hook' }, /is not a URL/],
		['an ftp target', { target: 'ftp://example.com/hook' }, /https:\/\/ or http:\/\//],
		[
			'a target over 742 characters',
			{ target: `https://example.com/${'a'.repeat(723)}` },
			/743 characters; Sinch accepts at most 742/,
		],
		[
			'user:password@ in the target',
			{ target: 'https://me:pw@example.com/hook' },
			/user name or password/,
		],
		[
			'a Sinch API host (regional)',
			{ target: 'https://eu.conversation.api.sinch.com/hook' },
			/Sinch's Conversation API/,
		],
		[
			'a conversation-api.*.sinch.com host',
			{ target: 'https://conversation-api.us1.sinch.com/hook' },
			/Sinch's Conversation API/,
		],
		['no trigger', { triggers: '={{ [] }}' }, /webhook would receive nothing/],
		[
			'an unknown trigger',
			{ triggers: '={{ ["MESSAGE_INBOUND", "MESSAGE_READ"] }}' },
			/"MESSAGE_READ" is not a Sinch trigger/,
		],
		[
			'an empty entered secret',
			{ secretMode: 'enter', secret: '={{ "" }}' },
			/Secret Value is empty/,
		],
		[
			'client credentials without a secret',
			{
				additionalFields: {
					clientCredentials: {
						credentials: { clientId: 'c', clientSecret: '', endpoint: 'https://a.example.com/t' },
					},
				},
			},
			/Client Secret is empty/,
		],
		[
			'client credentials with a bad endpoint',
			{
				additionalFields: {
					clientCredentials: {
						credentials: { clientId: 'c', clientSecret: 's', endpoint: 'auth' },
					},
				},
			},
			/Token Endpoint "auth" is not a URL/,
		],
		[
			'a scope over 1024 characters',
			{
				additionalFields: {
					clientCredentials: {
						credentials: {
							clientId: 'c',
							clientSecret: 's',
							endpoint: 'https://a.example.com/t',
							scope: 'x'.repeat(1025),
						},
					},
				},
			},
			/Scope may have at most 1024/,
		],
		['an app ID that is not one', { appId: byId('={{ "not-an-app" }}') }, /not a Sinch app ID/],
		[
			'an unknown target type',
			{ additionalFields: { targetType: '={{ "SMTP" }}' } },
			/Target Type "SMTP" is not valid/,
		],
		[
			'an unknown token request type',
			{
				additionalFields: {
					clientCredentials: {
						credentials: {
							clientId: 'c',
							clientSecret: 's',
							endpoint: 'https://a.example.com/t',
							tokenRequestType: '={{ "JWT" }}',
						},
					},
				},
			},
			/Token Request Type "JWT" is not valid/,
		],
	])('refuses %s and sends nothing', async (_name, parameters, message) => {
		const { error } = await create(APP, parameters);
		expect(error?.message).toMatch(message);
		expect(error?.context?.itemIndex).toBe(0);
		expect(emu.requests).toEqual([]);
	});

	it('checks every item before sending any, and continue-on-fail keeps the good items and pairing', async () => {
		const appId = await seedApp();
		const parameters: INodeParameters = {
			operation: 'create',
			appId: byId(appId),
			target: '={{ $json.target }}',
			triggers: ['MESSAGE_INBOUND'],
		};
		const items = [{ target: 'https://e.com/1' }, { target: 'ftp://e.com/2' }];
		const strict = await run(parameters, items);
		expect(strict.error?.message).toMatch(/https:\/\/ or http:\/\//);
		expect(strict.error?.context?.itemIndex).toBe(1);
		expect(emu.webhooks).toEqual([]);

		const lenient = await runNode({
			parameters: { resource: 'webhook', ...parameters },
			credentials: emulatorCredentials(emu),
			items,
			onError: 'continueRegularOutput',
		});
		expect(
			lenient.outputs[0].map((item) => [item.pairedItem, item.json.error === undefined]),
		).toEqual([
			[{ item: 0 }, true],
			[{ item: 1 }, false],
		]);
		expect(emu.webhooks.map((webhook) => webhook.target)).toEqual(['https://e.com/1']);
	});
});

describe('Webhook: Get, Get Many, Delete', () => {
	it('Get reads one webhook chosen from the list, masked', async () => {
		const appId = await seedApp();
		const webhook = await seedWebhook({
			app_id: appId,
			target: 'https://e.com/1',
			triggers: ['OPT_IN'],
			secret: 'hidden',
		});
		const mark = emu.requests.length;
		const { outputs, error } = await run({
			operation: 'get',
			appId: byList(appId),
			webhookId: byList(webhook.id),
		});
		expect(error).toBeUndefined();
		expect(apiCalls(mark)).toEqual([
			{ method: 'GET', path: `${webhooksPath()}/${webhook.id}`, query: {}, body: undefined },
		]);
		expect(outputs[0][0].json).toEqual({ ...webhook, secret: MASK });
	});

	it('Get explains a webhook Sinch does not have', async () => {
		const { error } = await run({
			operation: 'get',
			webhookId: byId('01HZX4B7C9D2E3F4G5H6J7K8M9'),
		});
		expect(error?.message).toMatch(/^Webhook 01HZX4B7C9D2E3F4G5H6J7K8M9 was not found \(404\)$/);
	});

	it('Get refuses an empty webhook before sending', async () => {
		const { error } = await run({ operation: 'get', webhookId: byId('={{ " " }}') });
		expect(error?.message).toMatch(/Webhook parameter is empty/);
		expect(emu.requests).toEqual([]);
	});

	it('Get Many outputs one item per webhook of the app, masked unless Include Secrets', async () => {
		const appId = await seedApp();
		const other = await seedApp();
		await seedWebhook({ app_id: appId, target: 'https://e.com/1', secret: 's1' });
		await seedWebhook({ app_id: appId, target: 'https://e.com/2' });
		await seedWebhook({ app_id: other, target: 'https://e.com/3' });
		const { outputs } = await run({ operation: 'getAll', appId: byList(appId) });
		expect(outputs[0].map((item) => [item.json.target, item.json.secret])).toEqual([
			['https://e.com/1', MASK],
			['https://e.com/2', ''],
		]);
		const shown = await run({
			operation: 'getAll',
			appId: byList(appId),
			options: { includeSecrets: true },
		});
		expect(shown.outputs[0][0].json.secret).toBe('s1');
	});

	it('Delete removes the webhook and outputs {deleted: true}', async () => {
		const appId = await seedApp();
		const webhook = await seedWebhook({ app_id: appId, target: 'https://e.com/1' });
		const { outputs } = await run({ operation: 'delete', webhookId: byId(webhook.id) });
		expect(outputs[0][0].json).toEqual({ deleted: true, id: webhook.id });
		expect(emu.webhooks).toEqual([]);
		const missing = await run({ operation: 'delete', webhookId: byId(webhook.id) });
		expect(missing.error?.message).toMatch(/404/);
	});
});

describe('Webhook: Update', () => {
	let appId: string;
	let webhook: Webhook;
	beforeEach(async () => {
		appId = await seedApp();
		webhook = await seedWebhook({
			app_id: appId,
			target: 'https://e.com/1',
			target_type: 'HTTP',
			triggers: ['MESSAGE_INBOUND', 'OPT_IN'],
			secret: 'old-secret',
		});
		seeded = emu.requests.length;
	});
	let seeded: number;
	const update = (parameters: INodeParameters) =>
		run({ operation: 'update', webhookId: byId(webhook.id), ...parameters });
	const patches = () => apiCalls(seeded).filter((call) => call.method === 'PATCH');

	it('replaces the triggers with a mask of triggers only, like the SDK', async () => {
		const { outputs, error } = await update({
			triggersMode: 'replace',
			triggers: ['MESSAGE_DELIVERY'],
		});
		expect(error).toBeUndefined();
		expect(apiCalls(seeded).map((call) => call.method)).toEqual(['PATCH']);
		expect(patches()[0]).toMatchObject({
			query: { update_mask: 'triggers' },
			body: { triggers: ['MESSAGE_DELIVERY'] },
		});
		expect(outputs[0][0].json).toMatchObject({
			triggers: ['MESSAGE_DELIVERY'],
			target: 'https://e.com/1',
			secret: MASK,
		});
		expect(emu.webhooks[0].secret).toBe('old-secret');

		await sdk().conversation.webhooks.update({
			webhook_id: webhook.id,
			update_mask: ['triggers'],
			webhookUpdateRequestBody: { target: 'https://e.com/1', triggers: ['MESSAGE_DELIVERY'] },
		});
		const [fromNode, fromSdk] = patches();
		expect(fromSdk.query).toEqual(fromNode.query);
		// The SDK's type insists on target; with the mask Sinch changes only the masked fields.
		expect((fromSdk.body as IDataObject).triggers).toEqual((fromNode.body as IDataObject).triggers);
	});

	it('adds and removes triggers from the current list', async () => {
		await update({ triggersMode: 'add', triggers: ['OPT_IN', 'OPT_OUT'] });
		expect(emu.webhooks[0].triggers).toEqual(['MESSAGE_INBOUND', 'OPT_IN', 'OPT_OUT']);
		await update({ triggersMode: 'remove', triggers: ['MESSAGE_INBOUND', 'CAPABILITY'] });
		expect(emu.webhooks[0].triggers).toEqual(['OPT_IN', 'OPT_OUT']);
		expect(patches().map((call) => call.query)).toEqual([
			{ update_mask: 'triggers' },
			{ update_mask: 'triggers' },
		]);
	});

	it('refuses to remove the last trigger', async () => {
		const { error } = await update({
			triggersMode: 'remove',
			triggers: ['MESSAGE_INBOUND', 'OPT_IN'],
		});
		expect(error?.message).toMatch(/no trigger/);
		expect(patches()).toEqual([]);
	});

	it("changes target and target type with an exact mask, equal to the SDK's request", async () => {
		const { error } = await update({
			updateFields: { target: 'https://e.com/new', targetType: 'DISMISS' },
		});
		expect(error).toBeUndefined();
		await sdk().conversation.webhooks.update({
			webhook_id: webhook.id,
			update_mask: ['target', 'target_type'],
			webhookUpdateRequestBody: { target: 'https://e.com/new', target_type: 'DISMISS' },
		});
		const [fromNode, fromSdk] = patches();
		expect(fromNode).toEqual(fromSdk);
		expect(fromNode.query).toEqual({ update_mask: 'target,target_type' });
	});

	it('refuses a new target another webhook of the app has, before the PATCH', async () => {
		const other = await seedWebhook({ app_id: appId, target: 'https://e.com/2' });
		const { error } = await update({ updateFields: { target: 'https://e.com/2' } });
		expect(error?.message).toContain(other.id);
		expect(patches()).toEqual([]);
	});

	it('clears the secret, or generates a new one output once', async () => {
		await update({ updateFields: { secret: '' } });
		expect(patches()[0]).toMatchObject({ query: { update_mask: 'secret' }, body: { secret: '' } });
		expect(emu.webhooks[0].secret).toBe('');
		const { outputs } = await update({ updateFields: { generateSecret: true } });
		expect(outputs[0][0].json.secret).toMatch(/^[A-Za-z0-9]{40}$/);
		expect(emu.webhooks[0].secret).toBe(outputs[0][0].json.secret);
	});

	it('sets and removes client credentials', async () => {
		await update({
			updateFields: {
				clientCredentials: {
					credentials: { clientId: 'c', clientSecret: 'cs', endpoint: 'https://a.example.com/t' },
				},
			},
		});
		expect(emu.webhooks[0].client_credentials).toEqual({
			client_id: 'c',
			client_secret: 'cs',
			endpoint: 'https://a.example.com/t',
			token_request_type: 'BASIC',
		});
		await update({ updateFields: { removeClientCredentials: true } });
		expect(patches()[1]).toMatchObject({ query: { update_mask: 'client_credentials' }, body: {} });
		expect(emu.webhooks[0].client_credentials).toBeUndefined();
	});

	it.each<[string, INodeParameters, RegExp]>([
		['nothing to change', {}, /Nothing to update/],
		['a bad target', { updateFields: { target: 'https://u:p@e.com' } }, /user name or password/],
		['replace with no trigger', { triggersMode: 'replace', triggers: [] }, /Triggers is empty/],
		[
			'an unknown trigger',
			{ triggersMode: 'add', triggers: '={{ "NOPE" }}' },
			/"NOPE" is not a Sinch trigger/,
		],
		[
			'both a secret and a generated one',
			{ updateFields: { secret: 'x', generateSecret: true } },
			/both set/,
		],
	])('refuses %s and sends nothing', async (_name, parameters, message) => {
		const mark = emu.requests.length;
		const { error } = await update(parameters);
		expect(error?.message).toMatch(message);
		expect(emu.requests.slice(mark)).toEqual([]);
	});
});
