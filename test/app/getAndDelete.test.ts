import { runNode } from '../harness/engine';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { apiCalls, emulatorCredentials, seedApp } from '../harness/setup';

const emu = emulatorPerFile();

const appsPath = () => `/v1/projects/${emu.projectId}/apps`;
const byList = (value: string) => ({ __rl: true, mode: 'list', value });
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

const smsApp = {
	display_name: 'Support SMS',
	channel_credentials: [
		{ channel: 'SMS', static_bearer: { claimed_identity: 'plan-1', token: 'sms-secret-token' } },
	],
};

describe('App: Get', () => {
	it('reads the app chosen from the list, with secrets masked', async () => {
		const app = await seedApp(emu, smsApp);
		const mark = emu.requests.length;
		const { outputs, error } = await runNode({
			parameters: { resource: 'app', operation: 'get', appId: byList(app.id as string) },
			credentials: emulatorCredentials(emu),
		});
		expect(error).toBeUndefined();
		expect(apiCalls(emu, mark)).toEqual([
			{ method: 'GET', path: `${appsPath()}/${String(app.id)}`, query: {}, body: undefined },
		]);
		expect(outputs[0]).toHaveLength(1);
		const json = outputs[0][0].json;
		expect(json.id).toBe(app.id);
		expect(json.display_name).toBe('Support SMS');
		expect(json.channel_credentials).toEqual([
			expect.objectContaining({
				channel: 'SMS',
				static_bearer: { claimed_identity: 'plan-1', token: '********' },
			}),
		]);
		expect(JSON.stringify(json)).not.toContain('sms-secret-token');
		expect(outputs[0][0].pairedItem).toEqual({ item: 0 });
	});

	it('shows secrets when Include Secrets is on', async () => {
		const app = await seedApp(emu, smsApp);
		const { outputs } = await runNode({
			parameters: {
				resource: 'app',
				operation: 'get',
				appId: byId(app.id as string),
				options: { includeSecrets: true },
			},
			credentials: emulatorCredentials(emu),
		});
		expect(outputs[0][0].json).toEqual(app);
	});

	it('accepts an ID in lower case and with spaces around it, and sends it upper-cased', async () => {
		const app = await seedApp(emu, smsApp);
		const mark = emu.requests.length;
		const { outputs, error } = await runNode({
			parameters: {
				resource: 'app',
				operation: 'get',
				appId: byId(`  ${(app.id as string).toLowerCase()} `),
			},
			credentials: emulatorCredentials(emu),
		});
		expect(error).toBeUndefined();
		expect(apiCalls(emu, mark).map((call) => call.path)).toEqual([
			`${appsPath()}/${String(app.id)}`,
		]);
		expect(outputs[0][0].json.id).toBe(app.id);
	});

	it('takes a plain string as the app ID, as an expression or an AI agent may give it', async () => {
		const app = await seedApp(emu, smsApp);
		const { outputs, error } = await runNode({
			parameters: { resource: 'app', operation: 'get', appId: '={{ $json.appId }}' },
			items: [{ appId: app.id as string }],
			credentials: emulatorCredentials(emu),
		});
		expect(error).toBeUndefined();
		expect(outputs[0][0].json.id).toBe(app.id);
	});

	it('reads one app per item, each paired with its item', async () => {
		const first = await seedApp(emu, smsApp);
		const second = await seedApp(emu, { display_name: 'Second', channel_credentials: [] });
		const mark = emu.requests.length;
		const { outputs } = await runNode({
			parameters: { resource: 'app', operation: 'get', appId: byId('={{ $json.id }}') },
			items: [{ id: second.id as string }, { id: first.id as string }],
			credentials: emulatorCredentials(emu),
		});
		expect(apiCalls(emu, mark).map((call) => call.path)).toEqual([
			`${appsPath()}/${String(second.id)}`,
			`${appsPath()}/${String(first.id)}`,
		]);
		expect(outputs[0].map((item) => [item.json.display_name, item.pairedItem])).toEqual([
			['Second', { item: 0 }],
			['Support SMS', { item: 1 }],
		]);
	});

	it('stops an ID that is not a Sinch app ID, naming the field, and sends nothing', async () => {
		const { outputs, error } = await runNode({
			parameters: { resource: 'app', operation: 'get', appId: byId('={{ $json.id }}') },
			items: [{ id: 'my-app-01' }],
			credentials: emulatorCredentials(emu),
		});
		expect(outputs).toEqual([]);
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe('The App parameter "my-app-01" is not a Sinch app ID');
		expect(error?.description).toMatch(/26 letters and digits/);
		expect(error?.context?.itemIndex).toBe(0);
		expect(emu.requests).toHaveLength(0);
	});

	it('refuses an empty App, and sends nothing', async () => {
		const { error } = await runNode({
			parameters: { resource: 'app', operation: 'get', appId: byId('={{ $json.id }}') },
			items: [{ id: '' }],
			credentials: emulatorCredentials(emu),
		});
		expect(error?.message).toBe('The App parameter is empty. Choose an app or give its ID.');
		expect(emu.requests).toHaveLength(0);
	});

	it('has n8n refuse a typed-in ID that fails the By ID check before the node runs, and sends nothing', async () => {
		await expect(
			runNode({
				parameters: {
					resource: 'app',
					operation: 'get',
					appId: byId('01HZX3K5V8Q2M7N4P6R9S0T1AI'),
				},
				credentials: emulatorCredentials(emu),
			}),
		).rejects.toThrow(/Not a Sinch app ID/);
		expect(emu.requests).toHaveLength(0);
	});

	it('says a 404 once, short: which app, then one hint (ID or region)', async () => {
		const missing = '01HZX3K5V8Q2M7N4P6R9S0T1AB';
		const { error } = await runNode({
			parameters: { resource: 'app', operation: 'get', appId: byId(missing) },
			credentials: emulatorCredentials(emu),
		});
		expect(error?.name).toBe('NodeApiError');
		expect(error?.httpCode).toBe('404');
		expect(error?.message).toBe(`App ${missing} was not found (404)`);
		expect(error?.description).toBe(
			`Check the app ID, or set the credential's Region to the one the app was created in. Sinch answered: App ${missing} not found`,
		);
		expect(apiCalls(emu, 0)).toEqual([
			{ method: 'GET', path: `${appsPath()}/${missing}`, query: {}, body: undefined },
		]);
	});

	it("with Continue on fail, gives the 404 as the failed item's error and goes on", async () => {
		const app = await seedApp(emu, smsApp);
		const { outputs, error } = await runNode({
			parameters: { resource: 'app', operation: 'get', appId: byId('={{ $json.id }}') },
			items: [{ id: '01HZX3K5V8Q2M7N4P6R9S0T1AB' }, { id: app.id as string }],
			credentials: emulatorCredentials(emu),
			onError: 'continueRegularOutput',
		});
		expect(error).toBeUndefined();
		expect(outputs[0]).toHaveLength(2);
		expect(outputs[0][0].json.error).toBe('App 01HZX3K5V8Q2M7N4P6R9S0T1AB was not found (404)');
		expect(outputs[0][0].json.details).toMatch(/credential's Region/);
		expect(outputs[0][0].pairedItem).toEqual({ item: 0 });
		expect(outputs[0][1].json.id).toBe(app.id);
	});
});

describe('App: Delete', () => {
	it('deletes the app and answers {deleted: true, id}', async () => {
		const keep = await seedApp(emu, { display_name: 'Keep', channel_credentials: [] });
		const gone = await seedApp(emu, smsApp);
		const mark = emu.requests.length;
		const { outputs, error } = await runNode({
			parameters: { resource: 'app', operation: 'delete', appId: byList(gone.id as string) },
			credentials: emulatorCredentials(emu),
		});
		expect(error).toBeUndefined();
		expect(outputs[0].map((item) => item.json)).toEqual([{ deleted: true, id: gone.id }]);
		expect(apiCalls(emu, mark)).toEqual([
			{ method: 'DELETE', path: `${appsPath()}/${String(gone.id)}`, query: {}, body: undefined },
		]);
		expect(emu.apps.map((app) => app.id)).toEqual([keep.id]);
	});

	it('stops a bad ID and deletes nothing', async () => {
		const app = await seedApp(emu, smsApp);
		const mark = emu.requests.length;
		const { error } = await runNode({
			parameters: { resource: 'app', operation: 'delete', appId: byId('={{ "DROP TABLE apps" }}') },
			credentials: emulatorCredentials(emu),
		});
		expect(error?.message).toBe('The App parameter "DROP TABLE apps" is not a Sinch app ID');
		expect(emu.requests.length).toBe(mark);
		expect(emu.apps.map((stored) => stored.id)).toEqual([app.id]);
	});

	it('fails on an app that does not exist (already deleted, or in another region)', async () => {
		const app = await seedApp(emu, smsApp);
		const parameters = { resource: 'app', operation: 'delete', appId: byId(app.id as string) };
		expect(
			(await runNode({ parameters, credentials: emulatorCredentials(emu) })).error,
		).toBeUndefined();
		const { error } = await runNode({ parameters, credentials: emulatorCredentials(emu) });
		expect(error?.httpCode).toBe('404');
		expect(error?.message).toBe(`App ${String(app.id)} was not found (404)`);
	});
});
