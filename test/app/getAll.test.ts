import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { apiCalls, emulatorCredentials, seedApp } from '../harness/setup';

const emu = emulatorPerFile();

const appsPath = () => `/v1/projects/${emu.projectId}/apps`;

const seeds = [
	{
		display_name: 'Alpha',
		channel_credentials: [
			{ channel: 'SMS', static_bearer: { claimed_identity: 'plan-a', token: 'alpha-sms-token' } },
			{
				channel: 'LINE',
				credential_ordinal_number: 0,
				line_credentials: { token: 'l0-token', secret: 'l0-secret', is_default: true },
			},
			{
				channel: 'LINE',
				credential_ordinal_number: 4,
				line_credentials: { token: 'l4-token', secret: 'l4-secret' },
			},
		],
	},
	{ display_name: 'Beta', channel_credentials: [] },
	{
		display_name: 'Gamma',
		channel_credentials: [
			{ channel: 'TELEGRAM', telegram_credentials: { token: 'gamma-bot-token' } },
		],
	},
];

async function seedAll(): Promise<IDataObject[]> {
	const apps: IDataObject[] = [];
	for (const seed of seeds) apps.push(await seedApp(emu, seed));
	return apps;
}

const listCall = () => ({ method: 'GET', path: appsPath(), query: {}, body: undefined });

describe('App: Get Many', () => {
	it('lists every app, simplified by default, with one request', async () => {
		const apps = await seedAll();
		const mark = emu.requests.length;
		const { outputs, error } = await runNode({
			parameters: { resource: 'app', operation: 'getAll' },
			credentials: emulatorCredentials(emu),
		});
		expect(error).toBeUndefined();
		expect(apiCalls(emu, mark)).toEqual([listCall()]);
		expect(outputs[0].map((item) => item.json)).toEqual([
			{
				id: apps[0].id,
				display_name: 'Alpha',
				channels: [
					{ channel: 'SMS', credential_ordinal_number: 0, status: 'ACTIVE' },
					{ channel: 'LINE', credential_ordinal_number: 0, status: 'ACTIVE' },
					{ channel: 'LINE', credential_ordinal_number: 4, status: 'ACTIVE' },
				],
			},
			{ id: apps[1].id, display_name: 'Beta', channels: [] },
			{
				id: apps[2].id,
				display_name: 'Gamma',
				channels: [{ channel: 'TELEGRAM', credential_ordinal_number: 0, status: 'ACTIVE' }],
			},
		]);
		expect(outputs[0].every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
	});

	it("returns at most Limit apps, in Sinch's order, still with one request", async () => {
		const apps = await seedAll();
		const mark = emu.requests.length;
		const { outputs } = await runNode({
			parameters: { resource: 'app', operation: 'getAll', returnAll: false, limit: 2 },
			credentials: emulatorCredentials(emu),
		});
		expect(apiCalls(emu, mark)).toEqual([listCall()]);
		expect(outputs[0].map((item) => item.json.id)).toEqual([apps[0].id, apps[1].id]);
	});

	it('ignores Limit when Return All is on', async () => {
		await seedAll();
		const { outputs } = await runNode({
			parameters: { resource: 'app', operation: 'getAll', returnAll: true, limit: 1 },
			credentials: emulatorCredentials(emu),
		});
		expect(outputs[0].map((item) => item.json.display_name)).toEqual(['Alpha', 'Beta', 'Gamma']);
	});

	it('gives the full apps with secrets masked when Simplify is off', async () => {
		const apps = await seedAll();
		const { outputs } = await runNode({
			parameters: { resource: 'app', operation: 'getAll', returnAll: true, simplify: false },
			credentials: emulatorCredentials(emu),
		});
		const json = outputs[0].map((item) => item.json);
		expect(json.map((app) => app.id)).toEqual(apps.map((app) => app.id));
		expect(json[0]).toEqual(
			expect.objectContaining({
				rate_limits: apps[0].rate_limits,
				processing_mode: 'DISPATCH',
				queue_stats: apps[0].queue_stats,
			}),
		);
		const text = JSON.stringify(json);
		for (const secret of [
			'alpha-sms-token',
			'l0-token',
			'l0-secret',
			'l4-secret',
			'gamma-bot-token',
		])
			expect(text).not.toContain(secret);
		expect((json[2].channel_credentials as IDataObject[])[0].telegram_credentials).toEqual({
			token: '********',
		});
	});

	it('gives the apps exactly as Sinch answered with Simplify off and Include Secrets on', async () => {
		const apps = await seedAll();
		const { outputs } = await runNode({
			parameters: {
				resource: 'app',
				operation: 'getAll',
				returnAll: true,
				simplify: false,
				options: { includeSecrets: true },
			},
			credentials: emulatorCredentials(emu),
		});
		expect(outputs[0].map((item) => item.json)).toEqual(apps);
	});

	it('outputs no items for a project without apps', async () => {
		const { outputs, error } = await runNode({
			parameters: { resource: 'app', operation: 'getAll' },
			credentials: emulatorCredentials(emu),
		});
		expect(error).toBeUndefined();
		expect(outputs[0]).toEqual([]);
		expect(apiCalls(emu, 0)).toEqual([listCall()]);
	});

	it('lists once per input item, each result paired with its item', async () => {
		await seedAll();
		const mark = emu.requests.length;
		const { outputs } = await runNode({
			parameters: { resource: 'app', operation: 'getAll', limit: 1 },
			items: [{ n: 1 }, { n: 2 }],
			credentials: emulatorCredentials(emu),
		});
		expect(apiCalls(emu, mark)).toEqual([listCall(), listCall()]);
		expect(outputs[0].map((item) => [item.json.display_name, item.pairedItem])).toEqual([
			['Alpha', { item: 0 }],
			['Alpha', { item: 1 }],
		]);
	});

	it('reports a Sinch failure with its status', async () => {
		emu.failNext({ status: 503, method: 'GET', pathIncludes: '/apps' });
		const { error } = await runNode({
			parameters: { resource: 'app', operation: 'getAll' },
			credentials: emulatorCredentials(emu),
		});
		expect(error?.name).toBe('NodeApiError');
		expect(error?.httpCode).toBe('503');
		expect(apiCalls(emu, 0)).toEqual([listCall()]);
	});
});
