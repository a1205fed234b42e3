/* eslint-disable @n8n/community-nodes/no-restricted-globals -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/** The emulator's channel states (PENDING, then ACTIVE or FAILING) and regions, in process and over the control endpoints. */
import { startEmulator, type App, type Emulator } from './';

let emu: Emulator;

afterEach(async () => {
	await emu?.close();
});

const basic = () => `Basic ${Buffer.from(`${emu.keyId}:${emu.keySecret}`).toString('base64')}`;

async function call(
	method: string,
	url: string,
	body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
	const response = await fetch(url, {
		method,
		headers: { authorization: basic(), 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	return {
		status: response.status,
		json: text ? (JSON.parse(text) as Record<string, unknown>) : {},
	};
}

const appsUrl = (base = emu.url) => `${base}/v1/projects/${emu.projectId}/apps`;
const sms = (token: string) => ({
	channel: 'SMS',
	static_bearer: { claimed_identity: 'plan', token },
});
const telegram = (token: string) => ({ channel: 'TELEGRAM', telegram_credentials: { token } });
const states = (app: unknown) =>
	(app as App).channel_credentials.map((entry) =>
		`${entry.channel} ${entry.state.status} ${entry.state.description}`.trim(),
	);
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('channel states', () => {
	it('are ACTIVE at once by default, as before', async () => {
		emu = await startEmulator();
		const created = await call('POST', appsUrl(), {
			display_name: 'A',
			channel_credentials: [sms('t-1')],
		});
		expect(states(created.json)).toEqual(['SMS ACTIVE']);
	});

	it('start PENDING for channelActivationMs, then become ACTIVE; a changed entry starts over, an unchanged one does not', async () => {
		emu = await startEmulator({ channelActivationMs: 80 });
		const created = await call('POST', appsUrl(), {
			display_name: 'A',
			channel_credentials: [sms('t-1'), telegram('1:t')],
		});
		expect(states(created.json)).toEqual(['SMS PENDING', 'TELEGRAM PENDING']);
		await wait(120);
		const id = String(created.json.id);
		expect(states((await call('GET', `${appsUrl()}/${id}`)).json)).toEqual([
			'SMS ACTIVE',
			'TELEGRAM ACTIVE',
		]);
		const patched = await call('PATCH', `${appsUrl()}/${id}?update_mask=channel_credentials`, {
			channel_credentials: [sms('t-1'), telegram('1:new')],
		});
		expect(states(patched.json)).toEqual(['SMS ACTIVE', 'TELEGRAM PENDING']);
	});

	it('are FAILING with a description for a credential value starting with fail-, or one the emulator is told to reject', async () => {
		emu = await startEmulator();
		emu.rejectCredential({
			channel: 'TELEGRAM',
			token: '1:revoked',
			description: 'Bot token revoked',
		});
		const created = await call('POST', appsUrl(), {
			display_name: 'A',
			channel_credentials: [sms('fail-bad'), telegram('1:revoked')],
		});
		expect(states(created.json)).toEqual([
			'SMS FAILING SMS did not accept the credentials: authentication with the channel failed',
			'TELEGRAM FAILING Bot token revoked',
		]);
		const other = await call('POST', appsUrl(), {
			display_name: 'B',
			channel_credentials: [telegram('1:fine')],
		});
		expect(states(other.json)).toEqual(['TELEGRAM ACTIVE']);
	});

	it('are set over HTTP with POST /_emulator/channel-states, and reset restores the start options', async () => {
		emu = await startEmulator();
		expect(
			(await call('POST', `${emu.url}/_emulator/channel-states`, { activationMs: 'soon' })).status,
		).toBe(400);
		expect(
			(await call('POST', `${emu.url}/_emulator/channel-states`, { reject: { token: 5 } })).status,
		).toBe(400);
		expect(
			(
				await call('POST', `${emu.url}/_emulator/channel-states`, {
					activationMs: 60_000,
					reject: { channel: 'SMS' },
				})
			).status,
		).toBe(200);
		expect((await call('GET', `${emu.url}/_emulator/info`)).json.channelActivationMs).toBe(60_000);
		const pending = await call('POST', appsUrl(), {
			display_name: 'A',
			channel_credentials: [sms('t')],
		});
		expect(states(pending.json)).toEqual(['SMS PENDING']);
		emu.reset();
		const after = await call('POST', appsUrl(), {
			display_name: 'A',
			channel_credentials: [sms('t')],
		});
		expect(states(after.json)).toEqual(['SMS ACTIVE']);
	});
});

describe('regions', () => {
	it('serve each region under its prefix with its own apps; the root keeps its own', async () => {
		emu = await startEmulator({ regions: ['us', 'eu', 'br'] });
		expect(emu.regionUrl('eu')).toBe(`${emu.url}/eu`);
		const eu = await call('POST', appsUrl(emu.regionUrl('eu')), {
			display_name: 'EU',
			channel_credentials: [],
		});
		expect(eu.status).toBe(200);
		expect(
			((await call('GET', appsUrl(emu.regionUrl('eu')))).json.apps as App[]).map(
				(app) => app.display_name,
			),
		).toEqual(['EU']);
		expect((await call('GET', appsUrl(emu.regionUrl('us')))).json.apps).toEqual([]);
		expect((await call('GET', appsUrl())).json.apps).toEqual([]);
		expect(
			(await call('GET', `${appsUrl(emu.regionUrl('br'))}/${String(eu.json.id)}`)).status,
		).toBe(404);
		expect((await call('GET', appsUrl(`${emu.url}/xx`))).status).toBe(404);
		expect(emu.appsIn('eu').map((app) => app.id)).toEqual([eu.json.id]);
		expect(() => emu.appsIn('xx')).toThrow(/serves no region xx/);

		const info = (await call('GET', `${emu.url}/_emulator/info`)).json;
		expect(info.regions).toEqual(['us', 'eu', 'br']);
		expect(
			((await call('GET', `${emu.url}/_emulator/apps/eu`)).json.apps as App[]).map((app) => app.id),
		).toEqual([eu.json.id]);
		expect((await call('GET', `${emu.url}/_emulator/apps/xx`)).status).toBe(404);
		// The log keeps the full path, so a fault can target one region with pathIncludes: '/br/v1/'.
		expect(
			emu.requests.some((entry) => entry.path === `/eu/v1/projects/${emu.projectId}/apps`),
		).toBe(true);

		emu.reset();
		expect(emu.appsIn('eu')).toEqual([]);
	});

	it('without regions, a region prefix stays a 404', async () => {
		emu = await startEmulator();
		expect((await call('GET', appsUrl(`${emu.url}/eu`))).status).toBe(404);
		expect(() => emu.regionUrl('eu')).toThrow(/serves no region eu/);
	});
});
