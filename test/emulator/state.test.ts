/* eslint-disable @n8n/community-nodes/no-restricted-imports -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/**
 * The emulator's state as `npm start` keeps it across restarts: `state()` is plain JSON, `restore()` brings back the
 * apps of every region, the webhooks and the channel states, and `onChange` says when to save.
 */
import { emulatorRequest } from '../harness/emulatorApi';
import { startEmulator, type Emulator, type EmulatorState } from '.';

const running: Emulator[] = [];
afterAll(async () => await Promise.all(running.map(async (emulator) => await emulator.close())));

async function start(options: Parameters<typeof startEmulator>[0] = {}): Promise<Emulator> {
	const emulator = await startEmulator(options);
	running.push(emulator);
	return emulator;
}

const call = async (
	base: string,
	emulator: Emulator,
	method: string,
	path: string,
	body?: object,
) => await emulatorRequest(emulator, method, path, body, base);

const sms = (token: string) => ({
	channel: 'SMS',
	static_bearer: { claimed_identity: 'plan-1', token },
});

const app = (name: string) => ({ display_name: name, channel_credentials: [sms('sms-token')] });

test('a restored emulator answers the apps of every region, the webhooks and the channel states as before', async () => {
	const first = await start({ regions: ['us', 'eu', 'br'], channelActivationMs: 60_000 });
	const inEu = await call(first.regionUrl('eu'), first, 'POST', '/apps', {
		display_name: 'Kept in eu',
		channel_credentials: [sms('sms-token')],
	});
	const inRoot = await call(first.url, first, 'POST', '/apps', {
		display_name: 'Kept at the root',
		channel_credentials: [sms('fail-token')],
	});
	const webhook = await call(first.regionUrl('eu'), first, 'POST', '/webhooks', {
		app_id: inEu.body.id,
		target: 'https://example.com/hook',
		target_type: 'HTTP',
		triggers: ['MESSAGE_INBOUND'],
		secret: 'hook-secret',
	});
	expect([inEu.status, inRoot.status, webhook.status]).toEqual([200, 200, 200]);

	const saved = JSON.parse(JSON.stringify(first.state())) as EmulatorState;
	const second = await start({ regions: ['us', 'eu', 'br'], channelActivationMs: 60_000 });
	second.restore(saved);

	expect(second.appsIn('eu')).toEqual(first.appsIn('eu'));
	expect(second.apps).toEqual(first.apps);
	expect(second.appsIn('us')).toEqual([]);
	// Still PENDING: the time each channel entry was set came along, not the moment of the restore.
	expect(second.appsIn('eu')[0].channel_credentials[0].state.status).toBe('PENDING');
	expect(second.webhooks).toEqual(first.webhooks);
	const read = await call(second.regionUrl('eu'), second, 'GET', `/apps/${String(inEu.body.id)}`);
	expect(read.body.display_name).toBe('Kept in eu');
	const hooks = await call(
		second.regionUrl('eu'),
		second,
		'GET',
		`/apps/${String(inEu.body.id)}/webhooks`,
	);
	expect(hooks.body.webhooks).toEqual([webhook.body]);
});

test('a region the restored emulator does not serve is left out', async () => {
	const first = await start({ regions: ['br'] });
	await call(first.regionUrl('br'), first, 'POST', '/apps', app('In br'));
	const second = await start();
	second.restore(first.state());
	expect(second.apps).toEqual([]);
});

test('restore refuses what is not a saved state, and changes nothing then', async () => {
	const emulator = await start();
	await call(emulator.url, emulator, 'POST', '/apps', app('Stays'));
	for (const bad of [null, {}, { version: 2 }, { version: 1, apps: { '': [['id']] } }]) {
		expect(() => emulator.restore(bad as unknown as EmulatorState)).toThrow(
			/^not an emulator state: /,
		);
	}
	expect(emulator.apps.map((app) => app.display_name)).toEqual(['Stays']);
});

test('onChange is called once a changing request is answered, and not for reads', async () => {
	const seen: number[] = [];
	const emulator = await start({ onChange: () => seen.push(emulator.apps.length) });
	await call(emulator.url, emulator, 'GET', '/apps');
	expect(seen).toEqual([]);
	const created = await call(emulator.url, emulator, 'POST', '/apps', app('New'));
	expect(seen).toEqual([1]);
	await call(emulator.url, emulator, 'DELETE', `/apps/${String(created.body.id)}`);
	expect(seen).toEqual([1, 0]);
	await fetch(`${emulator.url}/_emulator/reset`, { method: 'POST' });
	expect(seen).toEqual([1, 0, 0]);
});
