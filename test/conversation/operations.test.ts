/** The Conversation operations through n8n's engine against the emulator: what they send, output and refuse. */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { emulatorApi } from '../harness/emulatorApi';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { byId, conversationApp, conversationCalls, inbound, runConversation } from './setup';

const emulator = emulatorPerFile();
const run = (
	operation: string,
	parameters: INodeParameters,
	items?: IDataObject[],
	onError?: 'continueRegularOutput',
) => runConversation(emulator, operation, parameters, items, onError);

let appId: string;
beforeEach(async () => {
	emulator.setDeliveryReports({ mode: 'off' });
	appId = await conversationApp(emulator);
});

describe('Get', () => {
	it('answers the conversation an inbound message made; one item per input item, paired', async () => {
		const ann = await inbound(emulator, appId, '46701110001');
		const bob = await inbound(emulator, appId, '46701110002');
		const result = await run('get', { conversationId: byId('={{ $json.id }}') }, [
			{ id: ann.conversationId },
			{ id: bob.conversationId },
		]);
		expect(result.error).toBeUndefined();
		expect(result.outputs[0].map((item) => [item.json.id, item.json.contact_id])).toEqual([
			[ann.conversationId, ann.contactId],
			[bob.conversationId, bob.contactId],
		]);
		expect(result.outputs[0][0].json).toMatchObject({
			app_id: appId,
			active: true,
			active_channel: 'SMS',
		});
		expect(result.outputs[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('names the conversation Sinch does not know; refuses an impossible ID before any request', async () => {
		const missing = await run('get', { conversationId: byId('01HNOSUCHCONVERSATION00000') });
		expect(missing.error?.message).toBe(
			'Conversation 01HNOSUCHCONVERSATION00000 was not found (404)',
		);
		const before = emulator.requests.length;
		// By ID's own pattern stops such a value in the editor; one from an expression reaches the node.
		const bad = await run('get', { conversationId: byId('={{ "not an/id" }}') });
		expect(bad.error?.message).toBe(
			'The Conversation parameter "not an/id" is not a conversation ID',
		);
		const empty = await run('get', { conversationId: byId('={{ "  " }}') });
		expect(empty.error?.message).toBe(
			'The Conversation parameter is empty. Choose a conversation or give its ID.',
		);
		expect(emulator.requests.length).toBe(before);
	});
});

describe('Get Many', () => {
	it('by app, by contact, or both; Status sends only_active (false lists the ended ones)', async () => {
		const other = await conversationApp(emulator, 'Sales');
		const ann = await inbound(emulator, appId, '46701110001');
		const bob = await inbound(emulator, appId, '46701110002');
		const annAtSales = await inbound(emulator, other, '46701110001');
		await emulatorApi(emulator, 'POST', `/conversations/${bob.conversationId}:stop`);
		const ids = (result: Awaited<ReturnType<typeof run>>) =>
			result.outputs[0].map((item) => item.json.id);

		expect(ids(await run('getAll', { appId: byId(appId), returnAll: true }))).toEqual([
			ann.conversationId,
			bob.conversationId,
		]);
		expect(
			ids(
				await run('getAll', { listBy: 'contact', contactId: byId(ann.contactId), returnAll: true }),
			),
		).toEqual([ann.conversationId, annAtSales.conversationId]);
		expect(
			ids(
				await run('getAll', {
					listBy: 'both',
					appId: byId(other),
					contactId: byId(ann.contactId),
					returnAll: true,
				}),
			),
		).toEqual([annAtSales.conversationId]);
		const since = conversationCalls(emulator).length;
		expect(
			ids(await run('getAll', { appId: byId(appId), status: 'active', returnAll: true })),
		).toEqual([ann.conversationId]);
		expect(
			ids(await run('getAll', { appId: byId(appId), status: 'ended', returnAll: true })),
		).toEqual([bob.conversationId]);
		expect(
			conversationCalls(emulator)
				.slice(since)
				.map((request) => request.query),
		).toEqual([
			{ app_id: appId, only_active: 'true', page_size: '20' },
			{ app_id: appId, only_active: 'false', page_size: '20' },
		]);
	});

	it("Return All follows Sinch's pages of 20; Limit asks for no more than it needs", async () => {
		for (let index = 0; index < 25; index++) await inbound(emulator, appId, `4670200${index}`);
		const since = conversationCalls(emulator).length;
		const all = await run('getAll', { appId: byId(appId), returnAll: true });
		expect(new Set(all.outputs[0].map((item) => item.json.id)).size).toBe(25);
		expect(
			conversationCalls(emulator)
				.slice(since)
				.map((request) => [request.query.page_size, request.query.page_token !== undefined]),
		).toEqual([
			['20', false],
			['20', true],
		]);
		const limited = await run('getAll', { appId: byId(appId), returnAll: false, limit: 3 });
		expect(limited.outputs[0].map((item) => item.json.id)).toEqual(
			all.outputs[0].slice(0, 3).map((item) => item.json.id),
		);
		expect(emulator.requests[emulator.requests.length - 1].query.page_size).toBe('3');
	});

	it('Active Channel filters by the channel of the latest message', async () => {
		await inbound(emulator, appId, '46701110001', 'hi', 'SMS');
		const wa = await inbound(emulator, appId, '46701110009', 'hi', 'WHATSAPP');
		const result = await run('getAll', {
			appId: byId(appId),
			returnAll: true,
			filters: { activeChannel: 'WHATSAPP' },
		});
		expect(result.outputs[0].map((item) => item.json.id)).toEqual([wa.conversationId]);
	});

	it('refuses an empty or impossible contact before any request', async () => {
		const before = emulator.requests.length;
		const empty = await run('getAll', { listBy: 'contact', contactId: byId('={{ " " }}') });
		expect(empty.error?.message).toBe(
			'The Contact parameter is empty. Choose a contact or give its ID.',
		);
		const bad = await run('getAll', { listBy: 'contact', contactId: byId('={{ "a b" }}') });
		expect(bad.error?.message).toBe('The Contact parameter "a b" is not a contact ID');
		expect(emulator.requests.length).toBe(before);
	});

	it('an app without conversations yet gives no items (the app is read to tell it from DISPATCH)', async () => {
		const result = await run('getAll', { appId: byId(appId), returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.outputs[0]).toEqual([]);
	});

	it('an unknown app is named', async () => {
		const result = await run('getAll', { appId: byId('01HZX3K5V8Q2M7N4P6R9S0T1AB') });
		expect(result.error?.message).toBe('App 01HZX3K5V8Q2M7N4P6R9S0T1AB was not found (404)');
	});
});

describe('Get Recent', () => {
	it('the latest message first, each conversation with that message; Oldest First and Active Only', async () => {
		const ann = await inbound(emulator, appId, '46701110001', 'first');
		const bob = await inbound(emulator, appId, '46701110002', 'second');
		await inbound(emulator, appId, '46701110001', 'third');
		const latest = await run('getRecent', { appId: byId(appId), returnAll: true });
		expect(
			latest.outputs[0].map((item) => [
				item.json.id,
				((item.json.last_message as IDataObject).contact_message as IDataObject).text_message,
			]),
		).toEqual([
			[ann.conversationId, { text: 'third' }],
			[bob.conversationId, { text: 'second' }],
		]);
		expect(latest.outputs[0][0].json).toMatchObject({ app_id: appId, contact_id: ann.contactId });

		const oldest = await run('getRecent', { appId: byId(appId), order: 'ASC', returnAll: true });
		expect(oldest.outputs[0].map((item) => item.json.id)).toEqual([
			bob.conversationId,
			ann.conversationId,
		]);
		await emulatorApi(emulator, 'POST', `/conversations/${ann.conversationId}:stop`);
		const active = await run('getRecent', { appId: byId(appId), onlyActive: true, limit: 10 });
		expect(active.outputs[0].map((item) => item.json.id)).toEqual([bob.conversationId]);
		expect(emulator.requests[emulator.requests.length - 1].query).toEqual({
			app_id: appId,
			only_active: 'true',
			order: 'DESC',
			page_size: '10',
		});
	});

	it('pages of 50 with Return All', async () => {
		for (let index = 0; index < 55; index++) await inbound(emulator, appId, `4670300${index}`);
		const since = conversationCalls(emulator).length;
		const all = await run('getRecent', { appId: byId(appId), returnAll: true });
		expect(new Set(all.outputs[0].map((item) => item.json.id)).size).toBe(55);
		expect(
			conversationCalls(emulator)
				.slice(since)
				.map((request) => request.query.page_size),
		).toEqual(['50', '50']);
	});
});

describe('Update', () => {
	it('Replace sets metadata_json; Merge keeps other keys and removes those given as null', async () => {
		const { conversationId } = await inbound(emulator, appId, '46701110001');
		const replaced = await run('update', {
			conversationId: byId(conversationId),
			metadata: '{"ticket": "T-1", "agent": "Ann", "tier": "gold"}',
		});
		expect(replaced.outputs[0][0].json.metadata_json).toEqual({
			ticket: 'T-1',
			agent: 'Ann',
			tier: 'gold',
		});
		const merged = await run('update', {
			conversationId: byId(conversationId),
			metadata: { agent: 'Bob', tier: null },
			metadataUpdateStrategy: 'MERGE_PATCH',
		});
		expect(merged.outputs[0][0].json).toMatchObject({
			id: conversationId,
			metadata_json: { ticket: 'T-1', agent: 'Bob' },
		});
		expect(conversationCalls(emulator).filter((call) => call.method === 'PATCH')).toEqual([
			expect.objectContaining({
				query: { update_mask: 'metadata_json', metadata_update_strategy: 'REPLACE' },
				body: { metadata_json: { ticket: 'T-1', agent: 'Ann', tier: 'gold' } },
			}),
			expect.objectContaining({
				query: { update_mask: 'metadata_json', metadata_update_strategy: 'MERGE_PATCH' },
				body: { metadata_json: { agent: 'Bob', tier: null } },
			}),
		]);
	});

	it('refuses metadata that is not a JSON object, or too long, before any request', async () => {
		const { conversationId } = await inbound(emulator, appId, '46701110001');
		const before = emulator.requests.length;
		const list = await run('update', { conversationId: byId(conversationId), metadata: '[1, 2]' });
		expect(list.error?.message).toBe(
			'Metadata must be a JSON object, e.g. {"ticket": "T-1042", "agent": "Ann"}.',
		);
		const broken = await run('update', { conversationId: byId(conversationId), metadata: '{"a":' });
		expect(broken.error?.message).toMatch(/^Metadata is not valid JSON/);
		const long = await run('update', {
			conversationId: byId(conversationId),
			metadata: { note: 'x'.repeat(2100) },
		});
		expect(long.error?.message).toBe(
			'Metadata has 2111 characters as JSON; Sinch allows at most 2048.',
		);
		expect(emulator.requests.length).toBe(before);
	});
});

describe('Stop', () => {
	it('ends the conversation; the next message starts a new one; a second Stop says it had ended', async () => {
		const first = await inbound(emulator, appId, '46701110001');
		const stopped = await run('stop', { conversationId: byId(first.conversationId) });
		expect(stopped.outputs[0][0].json).toEqual({
			id: first.conversationId,
			stopped: true,
			active: false,
		});
		const again = await run('stop', { conversationId: byId(first.conversationId) });
		expect(again.error).toBeUndefined();
		expect(again.outputs[0][0].json).toEqual({
			id: first.conversationId,
			stopped: false,
			active: false,
			note: 'Already ended',
		});
		const next = await inbound(emulator, appId, '46701110001');
		expect(next.conversationId).not.toBe(first.conversationId);
		expect(next.contactId).toBe(first.contactId);
		expect(conversationCalls(emulator).map((call) => `${call.method} ${call.path}`)).toEqual([
			expect.stringMatching(/^POST .*\/conversations\/\w+:stop$/),
			expect.stringMatching(/^POST .*\/conversations\/\w+:stop$/),
			expect.stringMatching(/^GET .*\/conversations\/\w+$/),
		]);
	});

	it('an unknown conversation is named', async () => {
		const result = await run('stop', { conversationId: byId('01HNOSUCHCONVERSATION00000') });
		expect(result.error?.message).toBe(
			'Conversation 01HNOSUCHCONVERSATION00000 was not found (404)',
		);
	});
});

describe('Delete', () => {
	it('deletes the conversation and its messages', async () => {
		const { conversationId } = await inbound(emulator, appId, '46701110001');
		const deleted = await run('delete', { conversationId: byId(conversationId) });
		expect(deleted.outputs[0][0].json).toEqual({ deleted: true, id: conversationId });
		expect((await run('get', { conversationId: byId(conversationId) })).error?.message).toMatch(
			/was not found \(404\)/,
		);
		expect(
			emulator.messages.filter((stored) => stored.message.conversation_id === conversationId),
		).toEqual([]);
	});

	it('continues on fail: an unknown ID fails its own item only', async () => {
		const { conversationId } = await inbound(emulator, appId, '46701110001');
		const result = await run(
			'delete',
			{ conversationId: byId('={{ $json.id }}') },
			[{ id: '01HNOSUCHCONVERSATION00000' }, { id: conversationId }],
			'continueRegularOutput',
		);
		expect(result.outputs[0].map((item) => item.json)).toEqual([
			expect.objectContaining({
				error: 'Conversation 01HNOSUCHCONVERSATION00000 was not found (404)',
			}),
			{ deleted: true, id: conversationId },
		]);
	});
});
