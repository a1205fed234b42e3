/** The emulator's conversation endpoints over HTTP, as Sinch answers them, and through Sinch's Node SDK. */
import type { IDataObject } from 'n8n-workflow';

import { emulatorApi, emulatorRequest } from '../harness/emulatorApi';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { sdkClient } from '../harness/sdk';
import { messagingApp } from '../message/setup';
import { mergePatch } from './conversation-api';

const emulator = emulatorPerFile();
const request = (method: string, path: string, body?: object) =>
	emulatorRequest(emulator, method, path, body);

let appId: string;
beforeEach(async () => {
	emulator.setDeliveryReports({ mode: 'off' });
	appId = String(
		(await messagingApp(emulator, ['SMS', 'WHATSAPP'], { processing_mode: 'CONVERSATION' })).id,
	);
});

async function inbound(identity: string, text = 'hi', channel = 'SMS', app = appId) {
	const { message } = await emulator.receive({ appId: app, channel, identity, text });
	return { conversationId: String(message.conversation_id), contactId: String(message.contact_id) };
}

const sendTo = async (identity: string, extra: IDataObject = {}) =>
	await emulatorApi(emulator, 'POST', '/messages:send', {
		app_id: appId,
		recipient: { identified_by: { channel_identities: [{ channel: 'SMS', identity }] } },
		message: { text_message: { text: 'Hello' } },
		...extra,
	});

describe('what makes a conversation', () => {
	it('an inbound message or a send in CONVERSATION mode: one active per app and contact', async () => {
		const first = await inbound('46701110001');
		await sendTo('46701110001');
		const second = await inbound('46701110001');
		expect(second).toEqual(first);
		const { body } = await request('GET', `/conversations/${first.conversationId}`);
		expect(body).toMatchObject({
			id: first.conversationId,
			app_id: appId,
			contact_id: first.contactId,
			active: true,
			active_channel: 'SMS',
		});
		expect(Date.parse(String(body.last_received))).toBeGreaterThan(0);
	});

	it('a send carries conversation_metadata onto the conversation', async () => {
		await sendTo('46701110001', { conversation_metadata: { order: '42' } });
		const [conversation] = emulator.conversations;
		expect(conversation.metadata_json).toEqual({ order: '42' });
	});

	it('DISPATCH mode makes none, and lists none for its app', async () => {
		const dispatch = String((await messagingApp(emulator, ['SMS'])).id);
		await inbound('46701110001', 'hi', 'SMS', dispatch);
		expect(emulator.conversations).toEqual([]);
		for (const path of [
			`/conversations?app_id=${dispatch}`,
			`/conversations:recent?app_id=${dispatch}`,
		]) {
			const { status, body } = await request('GET', path);
			expect([status, body.conversations]).toEqual([200, []]);
		}
	});
});

describe('GET /conversations', () => {
	it('needs app_id or contact_id; an unknown app is 404', async () => {
		expect((await request('GET', '/conversations')).body).toMatchObject({
			error: {
				code: 400,
				status: 'INVALID_ARGUMENT',
				message: expect.stringMatching(/app_id or contact_id/),
			},
		});
		expect((await request('GET', '/conversations?app_id=01HNOSUCHAPP00000000000000')).status).toBe(
			404,
		);
	});

	it('only_active=true the active ones, false the ended ones, absent all; active_channel', async () => {
		const ann = await inbound('46701110001');
		const bob = await inbound('46701110002', 'hi', 'WHATSAPP');
		await request('POST', `/conversations/${ann.conversationId}:stop`);
		const ids = async (query: string) =>
			(
				(await request('GET', `/conversations?app_id=${appId}${query}`)).body
					.conversations as IDataObject[]
			).map((conversation) => conversation.id);
		expect(await ids('')).toEqual([ann.conversationId, bob.conversationId]);
		expect(await ids('&only_active=true')).toEqual([bob.conversationId]);
		expect(await ids('&only_active=false')).toEqual([ann.conversationId]);
		expect(await ids('&active_channel=WHATSAPP')).toEqual([bob.conversationId]);
		expect((await request('GET', `/conversations?app_id=${appId}&only_active=yes`)).status).toBe(
			400,
		);
		expect((await request('GET', `/conversations?app_id=${appId}&active_channel=FAX`)).status).toBe(
			400,
		);
	});

	it('pages of 10 by default, at most 20, with next_page_token and total_size', async () => {
		for (let index = 0; index < 23; index++) await inbound(`4670500${index}`);
		const first = await request('GET', `/conversations?app_id=${appId}`);
		expect((first.body.conversations as IDataObject[]).length).toBe(10);
		expect(first.body.total_size).toBe(23);
		const big = await request('GET', `/conversations?app_id=${appId}&page_size=20`);
		const rest = await request(
			'GET',
			`/conversations?app_id=${appId}&page_size=20&page_token=${String(big.body.next_page_token)}`,
		);
		expect((rest.body.conversations as IDataObject[]).length).toBe(3);
		expect(rest.body.next_page_token).toBe('');
		expect((await request('GET', `/conversations?app_id=${appId}&page_size=21`)).status).toBe(400);
		expect(
			(await request('GET', `/conversations?app_id=${appId}&page_token=nonsense`)).status,
		).toBe(400);
	});
});

describe('GET /conversations:recent', () => {
	it('by the latest message, each with it; order ASC; only_active=true; app_id needed; at most 50', async () => {
		const ann = await inbound('46701110001', 'one');
		const bob = await inbound('46701110002', 'two');
		await inbound('46701110001', 'three');
		const { body } = await request('GET', `/conversations:recent?app_id=${appId}`);
		const entries = body.conversations as IDataObject[];
		expect(entries.map((entry) => (entry.conversation as IDataObject).id)).toEqual([
			ann.conversationId,
			bob.conversationId,
		]);
		expect(entries[0].last_message).toMatchObject({
			conversation_id: ann.conversationId,
			contact_message: { text_message: { text: 'three' } },
		});
		const asc = await request('GET', `/conversations:recent?app_id=${appId}&order=ASC`);
		expect(
			(asc.body.conversations as IDataObject[]).map(
				(entry) => (entry.conversation as IDataObject).id,
			),
		).toEqual([bob.conversationId, ann.conversationId]);
		await request('POST', `/conversations/${bob.conversationId}:stop`);
		const active = await request('GET', `/conversations:recent?app_id=${appId}&only_active=true`);
		expect((active.body.conversations as IDataObject[]).length).toBe(1);
		const all = await request('GET', `/conversations:recent?app_id=${appId}&only_active=false`);
		expect((all.body.conversations as IDataObject[]).length).toBe(2);
		expect((await request('GET', '/conversations:recent')).status).toBe(400);
		expect(
			(await request('GET', `/conversations:recent?app_id=${appId}&order=NEWEST`)).status,
		).toBe(400);
		expect(
			(await request('GET', `/conversations:recent?app_id=${appId}&page_size=51`)).status,
		).toBe(400);
	});
});

describe('PATCH /conversations/{id}', () => {
	it('REPLACE (default) and MERGE_PATCH on metadata_json; only what the mask names changes', async () => {
		const { conversationId } = await inbound('46701110001');
		const path = `/conversations/${conversationId}`;
		const replaced = await request('PATCH', `${path}?update_mask=metadata_json`, {
			metadata_json: { a: 1, b: { c: 2, d: 3 } },
			metadata: 'not masked',
		});
		expect(replaced.body).toMatchObject({
			metadata_json: { a: 1, b: { c: 2, d: 3 } },
			metadata: '',
		});
		const merged = await request(
			'PATCH',
			`${path}?update_mask=metadata_json&metadata_update_strategy=MERGE_PATCH`,
			{ metadata_json: { a: null, b: { c: 5 }, e: 'x' } },
		);
		expect(merged.body.metadata_json).toEqual({ b: { c: 5, d: 3 }, e: 'x' });
		expect(
			(await request('PATCH', `${path}?metadata_update_strategy=SOMETIMES`, { metadata_json: {} }))
				.status,
		).toBe(400);
		expect((await request('PATCH', `${path}?update_mask=active`, { active: false })).status).toBe(
			400,
		);
		expect((await request('PATCH', path, { metadata_json: [1] })).status).toBe(400);
		expect((await request('PATCH', '/conversations/01HNOSUCH', { metadata_json: {} })).status).toBe(
			404,
		);
	});

	it('merges as RFC 7386 says', () => {
		expect(mergePatch({ a: 'b', c: { d: 'e', f: 'g' } }, { a: 'z', c: { f: null } })).toEqual({
			a: 'z',
			c: { d: 'e' },
		});
		expect(mergePatch({ a: [1] }, { a: [2] })).toEqual({ a: [2] });
		expect(mergePatch('text', { a: 1 })).toEqual({ a: 1 });
	});
});

describe('stop and delete', () => {
	it('stop ends the active conversation; again is 400; the next message starts another', async () => {
		const first = await inbound('46701110001');
		const stop = `/conversations/${first.conversationId}:stop`;
		expect(await request('POST', stop)).toEqual({ status: 200, body: {} });
		const again = await request('POST', stop);
		expect(again.status).toBe(400);
		expect(again.body).toMatchObject({
			error: { message: `Conversation ${first.conversationId} is not active` },
		});
		expect((await request('GET', `/conversations/${first.conversationId}`)).body.active).toBe(
			false,
		);
		const next = await inbound('46701110001');
		expect(next.conversationId).not.toBe(first.conversationId);
		expect((await request('POST', '/conversations/01HNOSUCH:stop')).status).toBe(404);
		expect((await request('POST', `/conversations/${next.conversationId}%3Astop`)).status).toBe(
			200,
		);
	});

	it('delete removes the conversation and its messages; then 404', async () => {
		const { conversationId } = await inbound('46701110001');
		await sendTo('46701110001');
		expect(emulator.messages).toHaveLength(2);
		expect(await request('DELETE', `/conversations/${conversationId}`)).toEqual({
			status: 200,
			body: {},
		});
		expect(emulator.messages).toHaveLength(0);
		expect((await request('GET', `/conversations/${conversationId}`)).status).toBe(404);
		expect((await request('DELETE', `/conversations/${conversationId}`)).status).toBe(404);
	});
});

it("Sinch's Node SDK reads, lists, pages, updates, stops and deletes through the emulator", async () => {
	for (let index = 0; index < 12; index++) await inbound(`4670600${index}`);
	const sinch = sdkClient(emulator).conversation.conversation;
	const listed: string[] = [];
	for await (const conversation of sinch.list({ app_id: appId, page_size: 5 }))
		listed.push(String(conversation.id));
	expect(listed).toHaveLength(12);
	const recent = await sinch.listRecent({ app_id: appId, page_size: 5 });
	expect(recent.data).toHaveLength(5);
	expect(recent.hasNextPage).toBe(true);
	const id = listed[0];
	expect((await sinch.get({ conversation_id: id })).id).toBe(id);
	const updated = await sinch.update({
		conversation_id: id,
		update_mask: ['metadata_json'],
		updateConversationRequestBody: { metadata_json: { tier: 'gold' } },
	});
	expect(updated.metadata_json).toEqual({ tier: 'gold' });
	await sinch.stopActive({ conversation_id: id });
	expect((await sinch.get({ conversation_id: id })).active).toBe(false);
	await sinch.delete({ conversation_id: id });
	await expect(sinch.get({ conversation_id: id })).rejects.toThrow();
});
