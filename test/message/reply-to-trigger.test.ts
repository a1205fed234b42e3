/**
 * Reply to Trigger Item from a real trigger output: the emulator's inbound message reaches the Sinch Conversation
 * Trigger as a signed callback, the trigger's item goes into the Send, and the reply goes to the same identity on the
 * same channel through the same app, with nothing typed but the text.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../emulator';
import { runNode } from '../harness/engine';
import { emulatorCredentials } from '../harness/setup';
import { receivedItems, TriggerHarness } from '../harness/trigger';
import { messagingApp, sendRequests } from './setup';

let emulator: Emulator;
let harness: TriggerHarness;
let appId: string;

beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => {
	await emulator.close();
});
beforeEach(async () => {
	emulator.reset();
	emulator.setDeliveryReports({ mode: 'off' });
	appId = String((await messagingApp(emulator, ['WHATSAPP', 'SMS'])).id);
	harness = new TriggerHarness({
		parameters: {
			app: { __rl: true, mode: 'id', value: appId },
			events: ['MESSAGE_INBOUND', 'MESSAGE_DELIVERY'],
			options: {},
		},
		credentials: emulatorCredentials(emulator),
	});
	await harness.listen();
	await harness.activate();
});
afterEach(async () => {
	await harness.deactivate();
	await harness.close();
});

/** What the trigger outputs when `identity` writes `text` on `channel`. */
async function inboundItem(channel: string, identity: string, text: string): Promise<IDataObject> {
	await emulator.receive({ appId, channel, identity, text });
	await harness.settled();
	const run = harness.deliveries.at(-1)?.run;
	const [item] = receivedItems(run);
	expect(item).toBeDefined();
	return item;
}

const echo: INodeParameters = {
	resource: 'message',
	operation: 'send',
	recipientType: 'trigger',
	messageType: 'text',
	text: '=You said: {{ $json.message.contact_message.text_message.text }}',
};

it('answers the sender on the channel it wrote from, through the same app', async () => {
	const item = await inboundItem('SMS', '46709998877', 'Is my order on its way?');
	const result = await runNode({
		parameters: echo,
		items: [item],
		credentials: emulatorCredentials(emulator),
	});
	expect(result.error).toBeUndefined();
	expect(sendRequests(emulator).map((request) => request.body)).toEqual([
		{
			app_id: appId,
			recipient: {
				identified_by: { channel_identities: [{ channel: 'SMS', identity: '46709998877' }] },
			},
			message: { text_message: { text: 'You said: Is my order on its way?' } },
		},
	]);
	expect(result.outputs[0][0].json).toMatchObject({
		app_id: appId,
		channels: ['SMS'],
		renderingNotes: ['SMS: 1 part, GSM-7, 33 characters'],
	});
});

it('a trigger item given by expression, and a quoted reply from its message ID', async () => {
	const item = await inboundItem('WHATSAPP', '46701112233', 'hello');
	const result = await runNode({
		parameters: {
			...echo,
			text: 'Got it',
			triggerItem: '={{ $json.original }}',
			options: { replyToMessageId: '={{ $json.original.message.id }}' },
		},
		items: [{ original: item }],
		credentials: emulatorCredentials(emulator),
	});
	expect(result.error).toBeUndefined();
	const [request] = sendRequests(emulator);
	expect(request.body).toMatchObject({
		app_id: appId,
		recipient: {
			identified_by: { channel_identities: [{ channel: 'WHATSAPP', identity: '46701112233' }] },
		},
		message: {
			text_message: { text: 'Got it' },
			reply_to: { message_id: (item.message as IDataObject).id },
		},
	});
});

it('an item that is not a trigger item names what is missing, and nothing is sent', async () => {
	const result = await runNode({
		parameters: echo,
		items: [{ name: 'Ada', phone: '+46701112233' }],
		credentials: emulatorCredentials(emulator),
	});
	expect(result.error?.message).toBe(
		'The trigger item has no app_id, message.channel_identity.channel, message.channel_identity.identity: Reply to Trigger Item needs an inbound message or delivery report from a Sinch Conversation Trigger (this item has name, phone).',
	);
	expect(result.error?.description).toMatch(/Nothing was sent/);
	expect(sendRequests(emulator)).toHaveLength(0);
});
