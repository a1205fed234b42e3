/**
 * What the trigger hands the workflow, with the emulator's signed callbacks through n8n-core (test/harness/trigger.ts):
 * the flat fields of inbound messages (text, media, choice reply) and delivery reports next to Sinch's objects, on
 * both node versions; the Channels and Delivery Statuses filters answering 200 and starting nothing; and verification
 * still coming first.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { processNonces } from '../../nodes/SinchConversationTrigger/helpers/nonces';
import { startEmulator, type Emulator } from '../emulator';
import { contactMessage } from '../emulator/callback-bodies';
import type { JsonObject } from '../emulator/types';
import { runNode } from '../harness/engine';
import { emulatorCredentials, smsApp } from '../harness/setup';
import { receivedItems, TriggerHarness } from '../harness/trigger';

let emulator: Emulator;
let harness: TriggerHarness | undefined;
let appId: string;

beforeAll(async () => {
	emulator = await startEmulator();
	const { outputs } = await runNode({
		parameters: smsApp('Trigger output app'),
		credentials: emulatorCredentials(emulator),
	});
	appId = String(outputs[0][0].json.id);
});
afterAll(async () => await emulator.close());
afterEach(async () => {
	if (harness) {
		await harness.deactivate();
		await harness.close();
	}
	harness = undefined;
	processNonces.clear();
});

async function publish(parameters: INodeParameters = {}, typeVersion?: number) {
	harness = new TriggerHarness({
		parameters: {
			app: { __rl: true, mode: 'id', value: appId },
			events: ['MESSAGE_INBOUND', 'MESSAGE_DELIVERY', 'CONTACT_CREATE'],
			options: {},
			...parameters,
		},
		credentials: emulatorCredentials(emulator),
		typeVersion,
	});
	await harness.listen();
	await harness.activate();
	return harness;
}

/** Delivers one signed callback; the item the workflow received, or undefined when no run started. */
async function deliver(
	trigger: string,
	body: JsonObject = {},
	forgeSignature = false,
): Promise<{ status: number | null; item?: IDataObject }> {
	const before = harness!.deliveries.length;
	const [delivery] = await emulator.deliver({ appId, trigger, body, forgeSignature });
	await harness!.settled();
	const run = harness!.deliveries[before]?.run;
	return { status: delivery.status, item: run ? receivedItems(run)[0] : undefined };
}

const on = (channel: string, identity = '46701234567') => ({
	channel_identity: { channel, identity, app_id: appId },
});

describe.each([2, 1])('node version %i: flat fields next to Sinch objects', (version) => {
	test('an inbound text: text, channel, identity, contact, conversation and message IDs', async () => {
		await publish({}, version);
		const { status, item } = await deliver('MESSAGE_INBOUND', {
			message: { contact_message: contactMessage.text('Hello there'), ...on('WHATSAPP') },
		});
		expect(status).toBe(200);
		const message = item!.message as IDataObject;
		expect(item).toMatchObject({
			trigger: 'MESSAGE_INBOUND',
			app_id: appId,
			text: 'Hello there',
			media_url: null,
			postback_data: null,
			channel: 'WHATSAPP',
			identity: '46701234567',
			contact_id: message.contact_id,
			conversation_id: message.conversation_id,
			message_id: message.id,
		});
		expect(message.contact_id).toEqual(expect.any(String));
		expect(message.id).toEqual(expect.any(String));
		// The keys the trigger always had are all still there.
		expect(Object.keys(item!)).toEqual(
			expect.arrayContaining([
				'trigger',
				'app_id',
				'project_id',
				'event_time',
				'accepted_time',
				'message',
				'message_metadata',
			]),
		);
		expect(message.contact_message).toEqual(contactMessage.text('Hello there'));
	});
});

test('an inbound media message gives media_url, a choice reply gives postback_data; neither has text', async () => {
	await publish();
	const media = await deliver('MESSAGE_INBOUND', {
		message: { contact_message: contactMessage.media('https://example.com/cat.jpg') },
	});
	expect(media.item).toMatchObject({
		text: null,
		media_url: 'https://example.com/cat.jpg',
		postback_data: null,
		channel: 'SMS',
	});
	const choice = await deliver('MESSAGE_INBOUND', {
		message: { contact_message: contactMessage.choice('yes-please') },
	});
	expect(choice.item).toMatchObject({ text: null, media_url: null, postback_data: 'yes-please' });
	expect((choice.item!.message as IDataObject).contact_message).toEqual({
		choice_response_message: { message_id: expect.any(String), postback_data: 'yes-please' },
	});
});

test('a delivery report gives status, the reason code, and who and which message it is about', async () => {
	await publish();
	const failed = await deliver('MESSAGE_DELIVERY', {
		message_delivery_report: {
			status: 'FAILED',
			reason: { code: 'RECIPIENT_NOT_REACHABLE', description: 'The phone is off' },
			...on('SMS', 'fail-46700000000'),
		},
	});
	const report = failed.item!.message_delivery_report as IDataObject;
	expect(failed.item).toMatchObject({
		trigger: 'MESSAGE_DELIVERY',
		status: 'FAILED',
		reason: 'RECIPIENT_NOT_REACHABLE',
		channel: 'SMS',
		identity: 'fail-46700000000',
		message_id: report.message_id,
		conversation_id: report.conversation_id,
		contact_id: report.contact_id,
	});
	expect(report.reason).toEqual({
		code: 'RECIPIENT_NOT_REACHABLE',
		description: 'The phone is off',
	});
	expect(failed.item).not.toHaveProperty('text');

	const delivered = await deliver('MESSAGE_DELIVERY');
	expect(delivered.item).toMatchObject({ status: 'DELIVERED', reason: null });
});

test('other events keep their shape: no flat fields', async () => {
	await publish();
	const { item } = await deliver('CONTACT_CREATE');
	expect(Object.keys(item!).sort()).toEqual(
		[
			'trigger',
			'app_id',
			'project_id',
			'event_time',
			'accepted_time',
			'contact_create_notification',
			'message_metadata',
		].sort(),
	);
});

describe('filters', () => {
	test('Channels: an event on another channel is answered 200 and starts nothing; events with no channel pass', async () => {
		await publish({ filters: { channels: ['WHATSAPP', 'RCS'] } });
		const sms = await deliver('MESSAGE_INBOUND', { message: on('SMS') });
		expect([sms.status, sms.item]).toEqual([200, undefined]);
		const whatsapp = await deliver('MESSAGE_INBOUND', { message: on('WHATSAPP') });
		expect(whatsapp.item).toMatchObject({ channel: 'WHATSAPP' });
		const report = await deliver('MESSAGE_DELIVERY', { message_delivery_report: on('SMS') });
		expect([report.status, report.item]).toEqual([200, undefined]);
		const contact = await deliver('CONTACT_CREATE');
		expect(contact.item).toMatchObject({ trigger: 'CONTACT_CREATE' });
		expect(harness!.deliveries.map((delivery) => delivery.response.webhookResponse)).toEqual([
			{ ignored: 'filtered out' },
			undefined,
			{ ignored: 'filtered out' },
			undefined,
		]);
	});

	test('Delivery Statuses: only the chosen statuses of delivery reports start the workflow; messages are not affected', async () => {
		await publish({ filters: { deliveryStatuses: ['FAILED'] } });
		const delivered = await deliver('MESSAGE_DELIVERY', {
			message_delivery_report: { status: 'DELIVERED' },
		});
		expect([delivered.status, delivered.item]).toEqual([200, undefined]);
		const read = await deliver('MESSAGE_DELIVERY', { message_delivery_report: { status: 'READ' } });
		expect(read.item).toBeUndefined();
		const failed = await deliver('MESSAGE_DELIVERY', {
			message_delivery_report: { status: 'FAILED', reason: { code: 'CHANNEL_FAILURE' } },
		});
		expect(failed.item).toMatchObject({ status: 'FAILED', reason: 'CHANNEL_FAILURE' });
		const inbound = await deliver('MESSAGE_INBOUND');
		expect(inbound.item).toMatchObject({ trigger: 'MESSAGE_INBOUND' });
	});

	test('both filters together, and a forged callback is refused 401 whether or not it would pass them', async () => {
		await publish({ filters: { channels: ['SMS'], deliveryStatuses: ['FAILED'] } });
		const wrongChannel = await deliver('MESSAGE_DELIVERY', {
			message_delivery_report: { status: 'FAILED', ...on('RCS') },
		});
		expect(wrongChannel.item).toBeUndefined();
		const match = { message_delivery_report: { status: 'FAILED', ...on('SMS') } };
		expect((await deliver('MESSAGE_DELIVERY', match)).item).toMatchObject({
			status: 'FAILED',
			channel: 'SMS',
		});
		const forgedMatch = await deliver('MESSAGE_DELIVERY', match, true);
		expect([forgedMatch.status, forgedMatch.item]).toEqual([401, undefined]);
		const forgedOther = await deliver(
			'MESSAGE_DELIVERY',
			{ message_delivery_report: { status: 'READ' } },
			true,
		);
		expect([forgedOther.status, forgedOther.item]).toEqual([401, undefined]);
	});
});
