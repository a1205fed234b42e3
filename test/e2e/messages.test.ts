/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/**
 * Messages in real n8n (2.41.1) against the emulator, with the example workflows as a user imports them (their app
 * set to one made in the emulator):
 *   - message-broadcast.json, run with `n8n execute`: 30 numbers → one SMS each, paced at the app's outbound limit
 *     (set to 10 a second here): every number gets one message, no 429 is met;
 *   - message-echo-bot.json and message-delivery-reports.json, published: an inbound WhatsApp message from the
 *     emulator reaches the echo bot, whose reply ("You said: …", from the trigger's flat `text`) goes to the same
 *     identity on the same channel through the same app; the second workflow's trigger, filtered on the FAILED
 *     delivery status, starts only for the reply to an unreachable (fail-) identity, not for the delivered one.
 *
 *   npm run build && npx jest -c jest.e2e.config.js test/e2e/messages.test.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ensureRuntime, type N8nRuntime } from '../../scripts/n8n/cache';
import { ensureOwner, type Session } from '../../scripts/n8n/owner';
import { n8nCli, startN8nServer, waitForReady, type N8nServer } from '../../scripts/n8n/process';
import { freePort, prepareUserFolder, type UserFolder } from '../../scripts/n8n/userFolder';
import { startEmulator, type Emulator } from '../emulator';
import { emulatorApi } from '../harness/emulatorApi';
import { executeWorkflow, outputJson } from './n8nRun';
import {
	executions,
	importExamplesWithApp,
	rest as restCall,
	successfulExecutions as executionsDone,
	until as untilDone,
} from './published';

const EXAMPLES = [
	'message-broadcast.json',
	'message-echo-bot.json',
	'message-delivery-reports.json',
];

let runtime: N8nRuntime;
let emulator: Emulator;
let server: N8nServer | undefined;
let folder: UserFolder;
let root: string;
let session: Session;
let appId: string;
const timings: string[] = [];

const until = <T>(what: string, probe: () => T | undefined | Promise<T | undefined>) =>
	untilDone(what, probe, { timings, server });
const rest = (method: string, route: string) => restCall(server!, session, method, route);
const successfulExecutions = (workflowId: string) => executionsDone(server!, session, workflowId);
const executionsOf = (workflowId: string) => executions(server!, session, workflowId);

beforeAll(async () => {
	runtime = await ensureRuntime();
	emulator = await startEmulator({ port: 0 });
	root = mkdtempSync(path.join(tmpdir(), 'sinch-n8n-messages-'));
	folder = prepareUserFolder(root);
	const app = await emulatorApi(emulator, 'POST', '/apps', {
		display_name: 'Messages e2e app',
		channel_credentials: [
			{ channel: 'WHATSAPP', static_bearer: { claimed_identity: 'wa-sender', token: 'wa-token' } },
			{ channel: 'SMS', static_bearer: { claimed_identity: 'plan-1', token: 'sms-token' } },
		],
	});
	appId = String(app.id);
	await importExamplesWithApp(runtime, folder, emulator, EXAMPLES, {
		id: appId,
		name: 'Messages e2e app',
	});
}, 600_000);

afterAll(async () => {
	await server?.stop();
	await emulator?.close();
	if (root) rmSync(root, { recursive: true, force: true });
	if (timings.length > 0)
		process.stderr.write(`[messages.test] timings:\n  ${timings.join('\n  ')}\n`);
});

test('broadcast: 30 numbers, one SMS each, paced at the app limit of 10 a second with no 429', async () => {
	emulator.setOutboundRateLimit(10, appId);
	const { run, ms } = await executeWorkflow(runtime, folder, 'sinchExBroadcast');
	timings.push(
		`n8n execute sinchExBroadcast (30 sends at 10/s, start-up included): ${(ms / 1000).toFixed(1)} s`,
	);
	const output = outputJson(run, 'Send to each number');
	expect(output).toHaveLength(30);
	expect(output[0]).toMatchObject({
		app_id: appId,
		channels: ['SMS'],
		renderingNotes: ['SMS: 1 part, GSM-7, 62 characters'],
	});
	const sends = emulator.requests.filter((request) => request.path.endsWith('/messages:send'));
	expect(sends.filter((request) => request.status === 429)).toHaveLength(0);
	const identities = emulator.sentMessages.map(
		(stored) =>
			(
				stored.request as {
					recipient: { identified_by: { channel_identities: Array<{ identity: string }> } };
				}
			).recipient.identified_by.channel_identities[0].identity,
	);
	expect(identities.sort()).toEqual(
		Array.from({ length: 30 }, (_, i) => `+4670111${String(i + 1).padStart(4, '0')}`),
	);
	emulator.setOutboundRateLimit(25, appId);
}, 120_000);

describe('published: echo bot and delivery reports', () => {
	beforeAll(async () => {
		await n8nCli(runtime, folder, ['publish:workflow', '--id=sinchExEchoBot']);
		await n8nCli(runtime, folder, ['publish:workflow', '--id=sinchExDeliveries']);
		server = await startN8nServer(runtime, folder, { port: await freePort() });
		timings.push(`n8n ready: ${((await waitForReady(server)) / 1000).toFixed(1)} s`);
		session = (await ensureOwner(server.url)).session;
		await until('both webhooks on the emulator', () =>
			emulator.webhooks.filter((webhook) => webhook.app_id === appId).length === 2
				? true
				: undefined,
		);
	}, 300_000);

	test('an inbound WhatsApp message is answered on WhatsApp, to the sender; only a FAILED delivery report starts the second workflow', async () => {
		const replyTo = async (identity: string, text: string) => {
			const before = emulator.sentMessages.length;
			const inbound = await emulator.receive({ appId, channel: 'WHATSAPP', identity, text });
			expect(inbound.deliveries.map((delivery) => delivery.status)).toEqual([200]);
			const reply = await until(`the reply to ${identity}`, () => emulator.sentMessages[before]);
			expect(reply.request).toEqual({
				app_id: appId,
				recipient: { identified_by: { channel_identities: [{ channel: 'WHATSAPP', identity }] } },
				message: { text_message: { text: `You said: ${text}` } },
			});
			expect(emulator.sentMessages).toHaveLength(before + 1);
			await emulator.deliveryReportsSent();
			return reply.message.id;
		};
		const reportsOf = (messageId: string) =>
			emulator.deliveries
				.filter(
					(delivery) =>
						delivery.trigger === 'MESSAGE_DELIVERY' &&
						(delivery.body.message_delivery_report as { message_id?: string })?.message_id ===
							messageId,
				)
				.map((delivery) => ({
					status: (delivery.body.message_delivery_report as { status: string }).status,
					answered: delivery.status,
				}));

		// Reached: QUEUED_ON_CHANNEL, DELIVERED and READ are each answered 200 by the filtered trigger, and start nothing.
		const delivered = await replyTo('46705550101', 'Hello bot');
		expect(reportsOf(delivered)).toEqual([
			{ status: 'QUEUED_ON_CHANNEL', answered: 200 },
			{ status: 'DELIVERED', answered: 200 },
			{ status: 'READ', answered: 200 },
		]);
		// Not reachable (the emulator's fail- identities): one FAILED report, with a reason.
		const failed = await replyTo('fail-46705550102', 'Are you there?');
		expect(reportsOf(failed)).toEqual([{ status: 'FAILED', answered: 200 }]);

		const echoes = await until('both echo bot executions', async () => {
			const list = await successfulExecutions('sinchExEchoBot');
			return list.length >= 2 ? list : undefined;
		});
		const echoData = (
			await Promise.all(
				echoes.map(async (execution) =>
					String((await rest('GET', `/executions/${execution.id}`)).data),
				),
			)
		).join('\n');
		expect(echoData).toContain(delivered);
		expect(echoData).toContain(failed);

		const [report] = await until('the failed delivery execution', async () => {
			const list = await successfulExecutions('sinchExDeliveries');
			return list.length > 0 ? list : undefined;
		});
		const reportData = String((await rest('GET', `/executions/${report.id}`)).data);
		for (const value of [failed, 'FAILED', 'RECIPIENT_NOT_REACHABLE', 'fail-46705550102'])
			expect(reportData).toContain(value);
		expect(reportData).not.toContain(delivered);
		// The three reports of the delivered reply came before the FAILED one and were all answered, so by now any
		// execution they had started would be listed.
		expect(await executionsOf('sinchExDeliveries')).toEqual([
			expect.objectContaining({ id: report.id, status: 'success' }),
		]);
	}, 120_000);
});
