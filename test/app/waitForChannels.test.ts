/**
 * Create and Update with Options → Wait for Channels, through n8n's engine against the emulator, whose channel
 * entries stay PENDING for a set time and then become ACTIVE, or FAILING for rejected credentials. Timeouts are 1 s.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { pollDelay } from '../../nodes/SinchConversation/helpers/channelStates';
import type { RequestLogEntry } from '../emulator';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { runNode } from '../harness/engine';
import { emulatorCredentials } from '../harness/setup';

const emulator = emulatorPerFile();

const twoChannels = {
	entries: [
		{ channel: 'SMS', smsServicePlanId: 'plan-1', smsApiToken: 'sms-token-123' },
		{ channel: 'TELEGRAM', telegramBotToken: '123456:telegram-token' },
	],
};

const createWithWait = (
	options: INodeParameters,
	channelCredentials: INodeParameters = twoChannels,
): INodeParameters => ({
	resource: 'app',
	operation: 'create',
	displayName: 'Provisioned',
	channelCredentials,
	options: { waitForChannels: true, ...options },
});

const reads = (since = 0): RequestLogEntry[] =>
	emulator.requests
		.slice(since)
		.filter((entry) => entry.method === 'GET' && entry.path.includes('/apps/'));

describe('Wait for Channels', () => {
	it('without the option, the create answer is the output and nothing is read back', async () => {
		emulator.setChannelActivationMs(60_000);
		const { outputs, error } = await runNode({
			parameters: { ...createWithWait({}), options: {} },
			credentials: emulatorCredentials(emulator),
		});
		expect(error).toBeUndefined();
		expect(outputs[0][0].json.channelStatus).toBeUndefined();
		expect(
			(outputs[0][0].json.channel_credentials as IDataObject[]).map(
				(entry) => (entry.state as IDataObject).status,
			),
		).toEqual(['PENDING', 'PENDING']);
		expect(reads()).toHaveLength(0);
	});

	it('reads the app again until every channel is ACTIVE, and outputs it with the channel summary', async () => {
		emulator.setChannelActivationMs(150);
		const { outputs, error } = await runNode({
			parameters: createWithWait({ waitTimeout: 10 }),
			credentials: emulatorCredentials(emulator),
		});
		expect(error).toBeUndefined();
		const json = outputs[0][0].json;
		expect(json.channelStatus).toMatchObject({
			result: 'ACTIVE',
			active: ['SMS', 'TELEGRAM'],
			failing: [],
			pending: [],
		});
		expect(
			(json.channel_credentials as IDataObject[]).map(
				(entry) => (entry.state as IDataObject).status,
			),
		).toEqual(['ACTIVE', 'ACTIVE']);
		// The output is the app as last read, masked as usual.
		expect(JSON.stringify(json)).not.toContain('sms-token-123');
		const polls = reads();
		expect(polls.length).toBeGreaterThanOrEqual(1);
		expect((json.channelStatus as IDataObject).checks).toBe(polls.length);
		expect(
			polls.every(
				(entry) => entry.path.endsWith(`/apps/${String(json.id)}`) && entry.status === 200,
			),
		).toBe(true);
		expect(outputs[0][0].pairedItem).toEqual({ item: 0 });
	});

	it('needs no read when Sinch answers the create with every channel already ACTIVE', async () => {
		const { outputs } = await runNode({
			parameters: createWithWait({}),
			credentials: emulatorCredentials(emulator),
		});
		expect(outputs[0][0].json.channelStatus).toMatchObject({ result: 'ACTIVE', checks: 0 });
		expect(reads()).toHaveLength(0);
	});

	it("a FAILING channel fails the item, naming the channel, Sinch's reason and the app that exists", async () => {
		emulator.setChannelActivationMs(50);
		emulator.rejectCredential({ channel: 'TELEGRAM', description: 'The bot token was revoked' });
		const { error } = await runNode({
			parameters: createWithWait({ waitTimeout: 10 }),
			credentials: emulatorCredentials(emulator),
		});
		const [app] = emulator.apps;
		expect(app).toBeDefined();
		expect(error?.message).toBe(
			`Channel TELEGRAM of app ${app.id} is FAILING: The bot token was revoked`,
		);
		expect(error?.description).toMatch(new RegExp(`The app ${app.id} exists .*Active: SMS\\.`));
		expect(error?.context?.itemIndex).toBe(0);
	});

	it('with the error output, the failing item goes there and the good one to the success output', async () => {
		emulator.setChannelActivationMs(50);
		const { outputs, error } = await runNode({
			parameters: createWithWait(
				{ waitTimeout: 10 },
				{
					entries: [
						{ channel: 'SMS', smsServicePlanId: 'plan-1', smsApiToken: '={{ $json.token }}' },
					],
				},
			),
			items: [{ token: 'good-token' }, { token: 'fail-expired-token' }],
			onError: 'continueErrorOutput',
			credentials: emulatorCredentials(emulator),
		});
		expect(error).toBeUndefined();
		expect(outputs[0].map((item) => (item.json.channelStatus as IDataObject).result)).toEqual([
			'ACTIVE',
		]);
		expect(outputs[1]).toHaveLength(1);
		expect(outputs[1][0].pairedItem).toEqual({ item: 1 });
		const failedApp = emulator.apps[1];
		expect(outputs[1][0].json.error).toBe(
			`Channel SMS of app ${failedApp.id} is FAILING: SMS did not accept the credentials: authentication with the channel failed`,
		);
		// The secret of the failing channel is not in what the node added (the input item's own fields come along).
		expect(
			JSON.stringify([outputs[0], outputs[1][0].json.error, outputs[1][0].json.details]),
		).not.toContain('fail-expired-token');
	});

	it('stops at the timeout with the channels still PENDING listed, without failing the item', async () => {
		emulator.setChannelActivationMs(60_000);
		const started = Date.now();
		const { outputs, error } = await runNode({
			parameters: createWithWait({ waitTimeout: 1 }),
			credentials: emulatorCredentials(emulator),
		});
		expect(error).toBeUndefined();
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
		const status = outputs[0][0].json.channelStatus as IDataObject;
		expect(status).toMatchObject({
			result: 'PENDING',
			active: [],
			failing: [],
			pending: ['SMS', 'TELEGRAM'],
		});
		expect(status.waitedSeconds).toBeGreaterThanOrEqual(1);
	});

	it('backs off: each wait at least doubles up to a cap, so a 1 s wait makes few reads', async () => {
		emulator.setChannelActivationMs(60_000);
		const mark = emulator.requests.length;
		const { outputs } = await runNode({
			parameters: createWithWait({ waitTimeout: 1 }),
			credentials: emulatorCredentials(emulator),
		});
		const create = emulator.requests.slice(mark).find((entry) => entry.method === 'POST')!;
		const polls = reads(mark);
		// 25, 50, 100, 200, 250, 250 ms and a last read at the deadline: 7 reads (a fixed 25 ms interval would make 40).
		expect(polls.length).toBeGreaterThanOrEqual(3);
		expect(polls.length).toBeLessThanOrEqual(7);
		expect((outputs[0][0].json.channelStatus as IDataObject).checks).toBe(polls.length);
		const times = [create.receivedAt, ...polls.map((entry) => entry.receivedAt)];
		// A sleep lasts at least its delay, so every gap is at least the planned one (the last is cut to the deadline).
		for (let index = 0; index < polls.length - 1; index++) {
			expect(times[index + 1] - times[index]).toBeGreaterThanOrEqual(pollDelay(index, 1000) - 5);
		}
	});

	it('the delays: doubling from a 40th of the timeout, capped at a quarter of it and at 15 s', () => {
		expect([0, 1, 2, 3, 4, 5].map((n) => pollDelay(n, 120_000))).toEqual([
			2000, 4000, 8000, 15000, 15000, 15000,
		]);
		expect([0, 1, 2, 3, 4].map((n) => pollDelay(n, 1000))).toEqual([25, 50, 100, 200, 250]);
	});

	it('rejects a bad timeout before any request', async () => {
		const { error } = await runNode({
			parameters: createWithWait({ waitTimeout: '={{ "soon" }}' }),
			items: [{}, {}],
			credentials: emulatorCredentials(emulator),
		});
		expect(error?.message).toBe(
			'Wait Timeout (Seconds) "soon" is not a number of seconds from 1 to 3600',
		);
		expect(emulator.requests.filter((entry) => entry.path.includes('/apps'))).toHaveLength(0);
	});
});

describe('Wait for Channels on Update', () => {
	async function seed(): Promise<string> {
		const { outputs } = await runNode({
			parameters: createWithWait({}),
			credentials: emulatorCredentials(emulator),
		});
		return String(outputs[0][0].json.id);
	}

	it('waits after a change of channels, for the new entry to leave PENDING', async () => {
		const appId = await seed();
		emulator.setChannelActivationMs(100);
		const mark = emulator.requests.length;
		const { outputs, error } = await runNode({
			parameters: {
				resource: 'app',
				operation: 'update',
				appId: { mode: 'id', value: appId },
				channelCredentialsMode: 'addOrReplace',
				channelCredentials: {
					entries: [
						{ channel: 'VIBERBM', viberServiceId: 'viber-service', viberToken: 'viber-token' },
					],
				},
				options: { waitForChannels: true, waitTimeout: 10 },
			},
			credentials: emulatorCredentials(emulator),
		});
		expect(error).toBeUndefined();
		expect(outputs[0][0].json.channelStatus).toMatchObject({
			result: 'ACTIVE',
			active: ['SMS', 'TELEGRAM', 'VIBERBM'],
		});
		// The read before the change, the PATCH, then at least one read after it.
		const calls = emulator.requests
			.slice(mark)
			.filter((entry) => entry.path.includes('/apps/'))
			.map((entry) => entry.method);
		expect(calls.slice(0, 2)).toEqual(['GET', 'PATCH']);
		expect(calls.length).toBeGreaterThanOrEqual(3);
	});

	it('does not wait when the channels stay as they are', async () => {
		const appId = await seed();
		emulator.setChannelActivationMs(60_000);
		const mark = emulator.requests.length;
		const { outputs } = await runNode({
			parameters: {
				resource: 'app',
				operation: 'update',
				appId: { mode: 'id', value: appId },
				updateFields: { displayName: 'Renamed' },
				options: { waitForChannels: true, waitTimeout: 10 },
			},
			credentials: emulatorCredentials(emulator),
		});
		expect(outputs[0][0].json).toMatchObject({ display_name: 'Renamed' });
		expect(outputs[0][0].json.channelStatus).toBeUndefined();
		const calls = emulator.requests
			.slice(mark)
			.filter((entry) => entry.path.includes('/apps/'))
			.map((entry) => entry.method);
		expect(calls).toEqual(['GET', 'PATCH']);
	});
});
