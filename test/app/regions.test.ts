/* eslint-disable @n8n/community-nodes/no-restricted-globals -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/**
 * Regions through n8n's engine against an emulator serving us, eu and br under path prefixes, reached with a custom
 * Base URL holding {region}: Get Many with All Regions (one region down too), and the region hint on a 404.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { apiBaseUrl, reachableRegions } from '../../nodes/SinchConversation/transport/hosts';
import { pressTest } from '../harness/credential-test';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { runNode } from '../harness/engine';
import { emulatorCredential, emulatorCredentials } from '../harness/setup';

const emulator = emulatorPerFile({ regions: ['us', 'eu', 'br'] });

/** The credential a user makes for all regions of the emulator; its own region is `customRegion`. */
const allRegions = (customRegion = 'us') =>
	emulatorCredentials(emulator, { baseUrl: `${emulator.url}/{region}`, customRegion });

async function seedApp(
	region: string,
	name: string,
	token = `${name}-token`,
): Promise<IDataObject> {
	const response = await fetch(
		`${emulator.regionUrl(region)}/v1/projects/${emulator.projectId}/apps`,
		{
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				authorization: `Basic ${Buffer.from(`${emulator.keyId}:${emulator.keySecret}`).toString('base64')}`,
			},
			body: JSON.stringify({
				display_name: name,
				channel_credentials: [
					{ channel: 'SMS', static_bearer: { claimed_identity: 'plan', token } },
				],
			}),
		},
	);
	expect(response.status).toBe(200);
	return (await response.json()) as IDataObject;
}

const getMany = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'app',
	operation: 'getAll',
	returnAll: true,
	allRegions: true,
	...extra,
});

const apiCalls = (since = 0) =>
	emulator.requests
		.slice(since)
		.filter((entry) => entry.path !== '/oauth2/token')
		.map(
			(entry) =>
				`${entry.method} ${entry.path.replace(`/v1/projects/${emulator.projectId}`, '')} ${entry.status}`,
		);

describe('hosts: a custom Base URL with {region}', () => {
	it("fills in the credential's own region, or the one asked for; without it only its own region is reachable", () => {
		const credentials = { region: 'custom', baseUrl: 'http://h:1/{region}/', customRegion: 'eu' };
		expect(apiBaseUrl(credentials)).toBe('http://h:1/eu');
		expect(apiBaseUrl(credentials, 'br')).toBe('http://h:1/br');
		expect(reachableRegions(credentials)).toEqual(['us', 'eu', 'br']);
		expect(reachableRegions({ region: 'custom', baseUrl: 'http://h:1' })).toEqual(['us']);
		expect(() => apiBaseUrl({ region: 'custom', baseUrl: 'http://h:1' }, 'eu')).toThrow(
			/no \{region\} placeholder/,
		);
		expect(apiBaseUrl({ region: 'custom', baseUrl: 'http://h:1', customRegion: 'br' }, 'br')).toBe(
			'http://h:1',
		);
		expect(apiBaseUrl({ region: 'eu' }, 'br')).toBe('https://br.conversation.api.sinch.com');
	});

	it('the credential test uses the same rule', async () => {
		await seedApp('eu', 'Only in EU');
		const ok = await pressTest(
			emulatorCredential(emulator, { baseUrl: `${emulator.url}/{region}`, customRegion: 'eu' }),
		);
		expect(ok.status).toBe('OK');
		expect(emulator.requests.at(-1)?.path).toBe(`/eu/v1/projects/${emulator.projectId}/apps`);
	});

	it("the credential's own requests go to its Region of Custom URL", async () => {
		await seedApp('eu', 'Only in EU');
		const { outputs } = await runNode({
			parameters: getMany({ allRegions: false }),
			credentials: allRegions('eu'),
		});
		expect(outputs[0].map((item) => item.json.display_name)).toEqual(['Only in EU']);
		expect(outputs[0][0].json.region).toBeUndefined();
	});
});

describe('Get Many with All Regions', () => {
	it('lists the apps of us, eu and br, each tagged with its region, one request per region', async () => {
		const seeded = [
			await seedApp('us', 'US app'),
			await seedApp('eu', 'EU app 1'),
			await seedApp('eu', 'EU app 2'),
			await seedApp('br', 'BR app'),
		];
		const mark = emulator.requests.length;
		const { outputs, error } = await runNode({ parameters: getMany(), credentials: allRegions() });
		expect(error).toBeUndefined();
		expect(
			outputs[0].map((item) => [item.json.id, item.json.display_name, item.json.region]),
		).toEqual([
			[seeded[0].id, 'US app', 'us'],
			[seeded[1].id, 'EU app 1', 'eu'],
			[seeded[2].id, 'EU app 2', 'eu'],
			[seeded[3].id, 'BR app', 'br'],
		]);
		expect(outputs[0][0].json).toEqual({
			id: seeded[0].id,
			display_name: 'US app',
			channels: [{ channel: 'SMS', credential_ordinal_number: 0, status: 'ACTIVE' }],
			region: 'us',
		});
		expect(apiCalls(mark).sort()).toEqual([
			'GET /br/apps 200',
			'GET /eu/apps 200',
			'GET /us/apps 200',
		]);
		expect(outputs[0].map((item) => item.pairedItem)).toEqual(outputs[0].map(() => ({ item: 0 })));
	});

	it('raw apps keep every field, masked, plus region; Limit counts across regions', async () => {
		await seedApp('us', 'US app');
		await seedApp('eu', 'EU app', 'eu-secret-token');
		const { outputs } = await runNode({
			parameters: getMany({ returnAll: false, limit: 2, simplify: false }),
			credentials: allRegions(),
		});
		expect(outputs[0]).toHaveLength(2);
		expect(outputs[0][1].json).toMatchObject({
			display_name: 'EU app',
			region: 'eu',
			rate_limits: expect.any(Object),
		});
		expect(JSON.stringify(outputs)).not.toContain('eu-secret-token');
	});

	it("a region that fails is reported in its own item, and the other regions' apps are all there", async () => {
		await seedApp('us', 'US app');
		await seedApp('eu', 'EU app');
		await seedApp('br', 'BR app');
		emulator.failNext({ status: 503, pathIncludes: '/br/v1/', times: 20 });
		const { outputs, error } = await runNode({ parameters: getMany(), credentials: allRegions() });
		expect(error).toBeUndefined();
		expect(outputs[0].map((item) => [item.json.display_name, item.json.region])).toEqual([
			['US app', 'us'],
			['EU app', 'eu'],
			[undefined, 'br'],
		]);
		const failed = outputs[0][2].json;
		expect(failed.id).toBeUndefined();
		expect(failed.error).toMatch(/^Could not list the apps of region Brazil \(br\): .*503/);
	});

	it('fails the item only when no region answers', async () => {
		emulator.failNext({ status: 503, pathIncludes: '/apps', times: 60 });
		const { error } = await runNode({ parameters: getMany(), credentials: allRegions() });
		expect(error?.message).toMatch(
			/^No region could be listed; United States \(us\) answered: .*503/,
		);
	});

	it('needs a Base URL that can name other regions, and says how to write one', async () => {
		const { error } = await runNode({
			parameters: getMany(),
			credentials: emulatorCredentials(emulator, { baseUrl: emulator.regionUrl('us') }),
		});
		expect(error?.message).toBe('All Regions needs a credential that can reach every region');
		expect(error?.description).toMatch(/Put \{region\} in it/);
		expect(apiCalls()).toEqual([]);
	});
});

describe('the region hint on a 404', () => {
	const byId = (operation: string, id: unknown, extra: INodeParameters = {}): INodeParameters => ({
		resource: 'app',
		operation,
		appId: { mode: 'id', value: String(id) },
		...extra,
	});

	it('Get says which other region has the app', async () => {
		const app = await seedApp('eu', 'EU app');
		const mark = emulator.requests.length;
		const { error } = await runNode({
			parameters: byId('get', app.id),
			credentials: allRegions('us'),
		});
		expect(error?.message).toBe(
			`Sinch has no app ${String(app.id)} in region United States (us), but region Europe (eu) has it: an app stays in the region that created it. Set the credential's Region of Custom URL to Europe, or use a credential for that region.`,
		);
		expect(error?.description).toMatch(/^Sinch answered: /);
		// The credential's region first; then the others at once (the node goes on as soon as eu has it).
		expect(apiCalls(mark)[0]).toBe(`GET /us/apps/${String(app.id)} 404`);
		expect(apiCalls(mark)).toContain(`GET /eu/apps/${String(app.id)} 200`);
	});

	it('Delete only looks (never deletes in the other region), and Update says the same', async () => {
		const app = await seedApp('br', 'BR app');
		const deleted = await runNode({
			parameters: byId('delete', app.id),
			credentials: allRegions('eu'),
		});
		expect(deleted.error?.message).toMatch(
			/in region Europe \(eu\), but region Brazil \(br\) has it/,
		);
		const updated = await runNode({
			parameters: byId('update', app.id, { updateFields: { displayName: 'Renamed' } }),
			credentials: allRegions('eu'),
		});
		expect(updated.error?.message).toMatch(
			/in region Europe \(eu\), but region Brazil \(br\) has it/,
		);
		expect(emulator.appsIn('br').map((stored) => stored.display_name)).toEqual(['BR app']);
		expect(
			apiCalls().filter((call) => call.startsWith('DELETE') || call.startsWith('PATCH')),
		).toEqual([`DELETE /eu/apps/${String(app.id)} 404`]);
	});

	it('a region that does not answer within 3 s does not hold up the 404: the hint is then left out', async () => {
		const app = await seedApp('eu', 'EU app');
		emulator.delayNext({ ms: 3600, pathIncludes: '/eu/v1/' });
		const { error } = await runNode({
			parameters: byId('get', app.id),
			credentials: allRegions('us'),
		});
		expect(error?.message).toMatch(/^App \w+ was not found \(404\)$/);
		// The node answered before the slow region did; let that answer land before the next test resets the emulator.
		const slow = emulator.requests.find((entry) => entry.faults.includes('delay'));
		expect(slow?.status).toBeNull();
		while (slow?.status === null) await new Promise((resolve) => setTimeout(resolve, 50));
	});

	it('an app in no region keeps the usual 404 message', async () => {
		const { error } = await runNode({
			parameters: byId('get', '01HZX3K5V8Q2M7N4P6R9S0T1AB'),
			credentials: allRegions(),
		});
		expect(error?.message).toMatch(/^App \w+ was not found \(404\)$/);
		expect(apiCalls()).toHaveLength(3);
	});

	it("with continue-on-fail the hint is in the item's error", async () => {
		const app = await seedApp('eu', 'EU app');
		const { outputs } = await runNode({
			parameters: byId('get', app.id),
			credentials: allRegions('br'),
			onError: 'continueRegularOutput',
		});
		expect(outputs[0][0].json.error).toMatch(/but region Europe \(eu\) has it/);
	});
});
