/** Get, Get Many (filters and Sinch's paging), Delete and Update Metadata through n8n's engine against the emulator. */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../emulator';
import { runNode } from '../harness/engine';
import { emulatorApi } from '../harness/emulatorApi';
import { emulatorCredentials } from '../harness/setup';
import { messagingApp } from './setup';

let emulator: Emulator;
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
	appId = String(
		(await messagingApp(emulator, ['WHATSAPP', 'SMS'], { processing_mode: 'CONVERSATION' })).id,
	);
});

const run = async (operation: string, parameters: INodeParameters, items?: IDataObject[]) =>
	await runNode({
		parameters: { resource: 'message', operation, ...parameters },
		items,
		credentials: emulatorCredentials(emulator),
	});

async function sent(
	text: string,
	channel = 'SMS',
	identity = '46701112233',
	app = appId,
): Promise<string> {
	const answer = await emulatorApi(emulator, 'POST', '/messages:send', {
		app_id: app,
		recipient: { identified_by: { channel_identities: [{ channel, identity }] } },
		message: { text_message: { text } },
		message_metadata: 'first',
	});
	return String(answer.message_id);
}
const listRequests = () =>
	emulator.requests.filter(
		(request) => request.method === 'GET' && request.path.endsWith('/messages'),
	);

it('Get: one message by ID; an unknown ID says which message was not found', async () => {
	const id = await sent('Hello');
	const found = await run('get', { messageId: id });
	expect(found.outputs[0][0].json).toMatchObject({
		id,
		app_message: { text_message: { text: 'Hello' } },
		channel_identity: { channel: 'SMS', identity: '46701112233' },
	});
	const missing = await run('get', { messageId: '01HNOSUCHMESSAGE0000000000' });
	expect(missing.error?.message).toBe('Message 01HNOSUCHMESSAGE0000000000 was not found (404)');
});

it('Get: a message of a DISPATCH app is found under the Dispatch source', async () => {
	const dispatch = String((await messagingApp(emulator, ['SMS'])).id);
	const id = await sent('Dispatched', 'SMS', '46701112233', dispatch);
	expect((await run('get', { messageId: id })).error?.message).toMatch(/was not found \(404\)/);
	const found = await run('get', { messageId: id, options: { messagesSource: 'DISPATCH_SOURCE' } });
	expect(found.outputs[0][0].json.id).toBe(id);
});

it('Get: an ID that cannot be one is refused before anything is sent', async () => {
	const result = await run('get', { messageId: 'not/an id' });
	expect(result.error?.message).toMatch(/^Message ID "not\/an id" is not a message ID/);
	expect(emulator.requests.filter((request) => request.path.includes('/messages'))).toHaveLength(0);
});

it('Get Many: newest first, filtered by channel identity, channel and direction', async () => {
	await sent('one', 'SMS', '46701112233');
	await sent('two', 'WHATSAPP', '46701112233');
	await sent('three', 'SMS', '46709999999');
	await emulator.receive({ appId, channel: 'SMS', identity: '46701112233', text: 'reply' });
	const result = await run('getAll', {
		returnAll: true,
		filters: { channelIdentity: '46701112233', channel: 'SMS', direction: 'TO_CONTACT', appId },
	});
	expect(
		result.outputs[0].map((item) => (item.json.app_message as IDataObject).text_message),
	).toEqual([{ text: 'one' }]);
	expect(listRequests()[0].query).toMatchObject({
		channel_identity: '46701112233',
		channel: 'SMS',
		direction: 'TO_CONTACT',
		app_id: appId,
		messages_source: 'CONVERSATION_SOURCE',
	});
});

it("Get Many: Return All follows Sinch's pages; Limit stops at the limit", async () => {
	for (let index = 0; index < 1005; index++)
		await emulator.receive({ appId, channel: 'SMS', identity: `4670${index}`, text: `m${index}` });
	const all = await run('getAll', { returnAll: true });
	expect(all.error).toBeUndefined();
	expect(new Set(all.outputs[0].map((item) => item.json.id)).size).toBe(1005);
	expect(
		listRequests().map((request) => [
			request.query.page_size,
			request.query.page_token !== undefined,
		]),
	).toEqual([
		['1000', false],
		['1000', true],
	]);
	const limited = await run('getAll', { returnAll: false, limit: 3 });
	expect(limited.outputs[0].map((item) => item.json.id)).toEqual(
		all.outputs[0].slice(0, 3).map((item) => item.json.id),
	);
});

it('Get Many: contact or conversation filters with the Dispatch source are refused before sending', async () => {
	const result = await run('getAll', {
		returnAll: true,
		filters: { contactId: '01HCONTACT0000000000000000' },
		options: { messagesSource: 'DISPATCH_SOURCE' },
	});
	expect(result.error?.message).toMatch(/do not work with the Dispatch message source/);
	expect(listRequests()).toHaveLength(0);
});

it('Update Metadata replaces the metadata; Delete removes the message', async () => {
	const id = await sent('Hello');
	const updated = await run('updateMetadata', { messageId: id, metadata: 'handled by n8n' });
	expect(updated.outputs[0][0].json).toMatchObject({ id, metadata: 'handled by n8n' });
	const tooLong = await run('updateMetadata', { messageId: id, metadata: 'x'.repeat(1025) });
	expect(tooLong.error?.message).toBe('Metadata has 1025 characters; Sinch allows at most 1024');
	const deleted = await run('delete', { messageId: id });
	expect(deleted.outputs[0][0].json).toEqual({ deleted: true, id });
	expect((await run('get', { messageId: id })).error?.message).toMatch(/was not found/);
});
