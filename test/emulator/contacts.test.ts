/* eslint-disable @n8n/community-nodes/no-restricted-imports -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
import axios from 'axios';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { sdkClient } from '../harness/sdk';
import type { App, Contact } from '.';

const http = axios.create({ validateStatus: () => true });
const emulator = emulatorPerFile();

const headers = () => ({
	authorization: `Basic ${Buffer.from(`${emulator.keyId}:${emulator.keySecret}`).toString('base64')}`,
});
const api = (path: string): string => `${emulator.url}/v1/projects/${emulator.projectId}${path}`;
const post = (path: string, body: unknown) => http.post(api(path), body, { headers: headers() });
const get = (path: string) => http.get(api(path), { headers: headers() });
const patch = (path: string, body: unknown) => http.patch(api(path), body, { headers: headers() });
const del = (path: string) => http.delete(api(path), { headers: headers() });

const sms = (identity: string) => ({ channel: 'SMS', identity });

async function createContact(fields: Record<string, unknown> = {}): Promise<Contact> {
	const answer = await post('/contacts', {
		channel_identities: [sms('46700000001')],
		language: 'EN_US',
		...fields,
	});
	expect(answer.status).toBe(200);
	return answer.data as Contact;
}

async function createApp(processingMode = 'CONVERSATION'): Promise<App> {
	const answer = await post('/apps', {
		display_name: 'Support',
		processing_mode: processingMode,
		channel_credentials: [
			{ channel: 'SMS', static_bearer: { claimed_identity: 'plan', token: 'sms-token' } },
			{ channel: 'MESSENGER', static_token: { token: 'fb-token' } },
		],
	});
	expect(answer.status).toBe(200);
	return answer.data as App;
}

const sendText = (appId: string, recipient: object) =>
	post('/messages:send', { app_id: appId, recipient, message: { text_message: { text: 'Hi' } } });

describe('create and get', () => {
	it('answers every field with Sinch defaults, and finds it by ID', async () => {
		const created = await createContact({ external_id: 'crm-1' });
		expect(created).toEqual({
			id: expect.stringMatching(/^[0-9A-Z]{26}$/),
			channel_identities: [{ channel: 'SMS', identity: '46700000001', app_id: '' }],
			channel_priority: [],
			display_name: 'Unknown',
			email: '',
			external_id: 'crm-1',
			language: 'EN_US',
			metadata: '',
		});
		expect((await get(`/contacts/${created.id}`)).data).toEqual(created);
	});

	it.each([
		['no identities', { channel_identities: [] }, 'channel_identities'],
		['no language', { language: undefined }, 'language'],
		['a language Sinch lacks', { language: 'KLINGON' }, 'language'],
		['metadata over 1024', { metadata: 'x'.repeat(1025) }, 'metadata'],
		[
			'an app-scoped identity without its app',
			{ channel_identities: [{ channel: 'MESSENGER', identity: 'psid-1' }] },
			'app_id: required for MESSENGER',
		],
	])('refuses %s with 400', async (_name, change, expected) => {
		const body: Record<string, unknown> = {
			channel_identities: [sms('46700000001')],
			language: 'EN_US',
			...change,
		};
		for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
		const answer = await post('/contacts', body);
		expect(answer.status).toBe(400);
		expect(JSON.stringify(answer.data)).toContain(expected);
		expect(emulator.contacts).toHaveLength(0);
	});

	it('refuses an identity another contact has (per channel), and allows it on another channel', async () => {
		const first = await createContact();
		const clash = await post('/contacts', {
			channel_identities: [sms('46700000001')],
			language: 'EN_US',
		});
		expect(clash.status).toBe(400);
		expect(clash.data).toMatchObject({
			error: {
				status: 'INVALID_ARGUMENT',
				message: expect.stringContaining(`already belongs to contact ${first.id}`),
			},
		});
		const otherChannel = await post('/contacts', {
			channel_identities: [{ channel: 'WHATSAPP', identity: '46700000001' }],
			language: 'EN_US',
		});
		expect(otherChannel.status).toBe(200);
	});

	it('404 for an unknown contact on get, update, delete', async () => {
		for (const answer of [
			await get('/contacts/01HNOPE'),
			await patch('/contacts/01HNOPE', { display_name: 'x' }),
			await del('/contacts/01HNOPE'),
		]) {
			expect(answer.status).toBe(404);
			expect(answer.data).toMatchObject({ error: { status: 'NOT_FOUND' } });
		}
	});
});

describe('list', () => {
	it('pages in creation order with page_size and page_token, at most 20', async () => {
		const ids: string[] = [];
		for (let i = 0; i < 5; i++)
			ids.push((await createContact({ channel_identities: [sms(`4670${i}`)] })).id);
		const first = await get('/contacts?page_size=2');
		expect(first.data.contacts.map((c: Contact) => c.id)).toEqual(ids.slice(0, 2));
		const second = await get(`/contacts?page_size=2&page_token=${first.data.next_page_token}`);
		expect(second.data.contacts.map((c: Contact) => c.id)).toEqual(ids.slice(2, 4));
		const last = await get(`/contacts?page_size=2&page_token=${second.data.next_page_token}`);
		expect(last.data).toEqual({
			contacts: [expect.objectContaining({ id: ids[4] })],
			next_page_token: '',
		});
		expect((await get('/contacts?page_size=21')).status).toBe(400);
		expect((await get('/contacts?page_token=nonsense')).status).toBe(400);
	});

	it('filters by external ID or by channel and identity, never both', async () => {
		const a = await createContact({ external_id: 'crm-a' });
		const b = await createContact({
			channel_identities: [{ channel: 'WHATSAPP', identity: '4671' }],
			external_id: 'crm-b',
		});
		expect((await get('/contacts?external_id=crm-b')).data.contacts).toEqual([b]);
		expect((await get('/contacts?channel=SMS&identity=46700000001')).data.contacts).toEqual([a]);
		expect((await get('/contacts?channel=SMS&identity=4671')).data.contacts).toEqual([]);
		expect((await get('/contacts?channel=SMS')).status).toBe(400);
		expect((await get('/contacts?external_id=crm-a&channel=SMS&identity=1')).status).toBe(400);
	});
});

describe('update', () => {
	it('with update_mask changes only the masked fields; a masked field left out is cleared', async () => {
		const contact = await createContact({ email: 'a@example.com', metadata: 'keep' });
		const answer = await patch(`/contacts/${contact.id}?update_mask=display_name,email`, {
			display_name: 'Ada',
			metadata: 'ignored',
		});
		expect(answer.status).toBe(200);
		expect(answer.data).toMatchObject({ display_name: 'Ada', email: '', metadata: 'keep' });
	});

	it('refuses an unknown mask path, and an identity of another contact', async () => {
		const a = await createContact();
		const b = await createContact({ channel_identities: [sms('4672')] });
		expect((await patch(`/contacts/${a.id}?update_mask=nickname`, {})).status).toBe(400);
		const clash = await patch(`/contacts/${b.id}?update_mask=channel_identities`, {
			channel_identities: [sms('46700000001')],
		});
		expect(clash.status).toBe(400);
		expect(emulator.contacts.find((c) => c.id === b.id)?.channel_identities).toEqual([
			{ channel: 'SMS', identity: '4672', app_id: '' },
		]);
	});
	it('channel_identities in the mask replaces the list: own identities may stay, a dropped one is free for others', async () => {
		const a = await createContact({ channel_identities: [sms('4691'), sms('4692')] });
		const b = await createContact({ channel_identities: [sms('4693')] });
		const replaced = await patch(
			`/contacts/${a.id}?update_mask=channel_identities,channel_priority`,
			{
				channel_identities: [sms('4691'), { channel: 'WHATSAPP', identity: '4692' }],
				channel_priority: ['WHATSAPP', 'SMS'],
			},
		);
		expect(replaced.status).toBe(200);
		expect(replaced.data).toMatchObject({
			channel_identities: [
				{ channel: 'SMS', identity: '4691', app_id: '' },
				{ channel: 'WHATSAPP', identity: '4692', app_id: '' },
			],
			channel_priority: ['WHATSAPP', 'SMS'],
		});
		const taken = await patch(`/contacts/${b.id}?update_mask=channel_identities`, {
			channel_identities: [sms('4693'), sms('4692')],
		});
		expect(taken.status).toBe(200);
		const clash = await patch(`/contacts/${b.id}?update_mask=channel_identities`, {
			channel_identities: [{ channel: 'WHATSAPP', identity: '4692' }],
		});
		expect(clash.status).toBe(400);
		expect(clash.data.error.message).toContain(`already belongs to contact ${a.id}`);
		const cleared = await patch(`/contacts/${a.id}?update_mask=channel_priority`, {});
		expect(cleared.data.channel_priority).toEqual([]);
		expect(
			(
				await patch(`/contacts/${a.id}?update_mask=channel_priority`, {
					channel_priority: ['FAX'],
				})
			).status,
		).toBe(400);
	});

	it('an app-scoped identity is unique within its app on update too', async () => {
		const psid = (appId: string) => ({ channel: 'MESSENGER', identity: 'psid-9', app_id: appId });
		const a = await createContact({ channel_identities: [psid('01HZX3K5V8Q2M7N4P6R9S0T1AA')] });
		const b = await createContact({ channel_identities: [sms('4694')] });
		const otherApp = await patch(`/contacts/${b.id}?update_mask=channel_identities`, {
			channel_identities: [psid('01HZX3K5V8Q2M7N4P6R9S0T1AB')],
		});
		expect(otherApp.status).toBe(200);
		const sameApp = await patch(`/contacts/${b.id}?update_mask=channel_identities`, {
			channel_identities: [psid('01HZX3K5V8Q2M7N4P6R9S0T1AA')],
		});
		expect(sameApp.status).toBe(400);
		expect(sameApp.data.error.message).toContain(a.id);
	});
});

describe('conversations made by messages', () => {
	it('CONVERSATION mode: an inbound message and a send make one contact and one active conversation', async () => {
		const app = await createApp();
		const { message } = await emulator.receive({
			appId: app.id,
			channel: 'SMS',
			identity: '4673',
			text: 'hello',
		});
		expect(emulator.contacts).toEqual([
			expect.objectContaining({
				id: message.contact_id,
				channel_identities: [{ channel: 'SMS', identity: '4673', app_id: '' }],
			}),
		]);
		await sendText(app.id, { identified_by: { channel_identities: [sms('4673')] } });
		expect(emulator.conversations).toEqual([
			expect.objectContaining({
				id: message.conversation_id,
				app_id: app.id,
				contact_id: message.contact_id,
				active: true,
				active_channel: 'SMS',
			}),
		]);
	});

	it('a stopped conversation stays; the next message starts a new active one', async () => {
		const app = await createApp();
		const { message } = await emulator.receive({
			appId: app.id,
			channel: 'SMS',
			identity: '4674',
			text: 'a',
		});
		emulator.conversationRecords.stop(String(message.conversation_id));
		const next = await emulator.receive({
			appId: app.id,
			channel: 'SMS',
			identity: '4674',
			text: 'b',
		});
		expect(next.message.conversation_id).not.toBe(message.conversation_id);
		expect(emulator.conversations.map((c) => c.active)).toEqual([false, true]);
	});

	it('DISPATCH mode makes neither contacts nor conversations', async () => {
		const app = await createApp('DISPATCH');
		await emulator.receive({ appId: app.id, channel: 'SMS', identity: '4675', text: 'hi' });
		expect(
			(await sendText(app.id, { identified_by: { channel_identities: [sms('4675')] } })).status,
		).toBe(200);
		expect(emulator.contacts).toEqual([]);
		expect(emulator.conversations).toEqual([]);
	});

	it('a created contact is the one a message to its identity uses', async () => {
		const app = await createApp();
		const contact = await createContact({ channel_identities: [sms('4676')] });
		const { message } = await emulator.receive({
			appId: app.id,
			channel: 'SMS',
			identity: '4676',
			text: 'hi',
		});
		expect(message.contact_id).toBe(contact.id);
	});

	it("a send to a contact goes to its identity on the app's channels, in the contact's priority", async () => {
		const app = await createApp();
		const contact = await createContact({
			channel_identities: [{ channel: 'WHATSAPP', identity: '4681' }, sms('4682')],
			channel_priority: ['SMS', 'WHATSAPP'],
		});
		const sent = await sendText(app.id, { contact_id: contact.id });
		expect(sent.status).toBe(200);
		expect(emulator.messages[0].message).toMatchObject({
			contact_id: contact.id,
			channel_identity: { channel: 'SMS', identity: '4682' },
		});
	});

	it('deleting a contact deletes its conversations', async () => {
		const app = await createApp();
		const { message } = await emulator.receive({
			appId: app.id,
			channel: 'SMS',
			identity: '4677',
			text: 'hi',
		});
		expect((await del(`/contacts/${String(message.contact_id)}`)).data).toEqual({});
		expect(emulator.conversations).toEqual([]);
	});
});

describe('merge', () => {
	it('moves identities on new channels, fills empty fields, moves conversations and messages, removes the source', async () => {
		const keep = await createContact({ display_name: 'Ada', channel_priority: ['SMS'] });
		const remove = await createContact({
			channel_identities: [sms('4678'), { channel: 'WHATSAPP', identity: '4678' }],
			email: 'ada@example.com',
			display_name: 'Ada L.',
		});
		const app = await createApp();
		const { message } = await emulator.receive({
			appId: app.id,
			channel: 'SMS',
			identity: '4678',
			text: 'x',
		});
		const merged = await post(`/contacts/${keep.id}:merge`, { source_id: remove.id });
		expect(merged.status).toBe(200);
		expect(merged.data).toEqual({
			...keep,
			channel_identities: [
				{ channel: 'SMS', identity: '46700000001', app_id: '' },
				{ channel: 'WHATSAPP', identity: '4678', app_id: '' },
			],
			channel_priority: ['SMS', 'WHATSAPP'],
			email: 'ada@example.com',
		});
		expect((await get(`/contacts/${remove.id}`)).status).toBe(404);
		expect(emulator.conversations).toEqual([
			expect.objectContaining({ id: message.conversation_id, contact_id: keep.id }),
		]);
		expect(emulator.messages[0].message.contact_id).toBe(keep.id);
	});

	it('folds an active conversation into the one the destination has in the same app', async () => {
		const app = await createApp();
		const a = await emulator.receive({
			appId: app.id,
			channel: 'SMS',
			identity: '4679',
			text: 'a',
		});
		const b = await emulator.receive({
			appId: app.id,
			channel: 'SMS',
			identity: '4680',
			text: 'b',
		});
		await post(`/contacts/${String(a.message.contact_id)}:merge`, {
			source_id: b.message.contact_id,
		});
		expect(emulator.conversations.map((c) => c.id)).toEqual([a.message.conversation_id]);
		expect(emulator.messages.map((m) => m.message.conversation_id)).toEqual([
			a.message.conversation_id,
			a.message.conversation_id,
		]);
	});

	it('refuses the same contact twice (400), and unknown contacts (404)', async () => {
		const a = await createContact();
		expect((await post(`/contacts/${a.id}:merge`, { source_id: a.id })).status).toBe(400);
		expect((await post(`/contacts/${a.id}%3Amerge`, { source_id: '01HNOPE' })).status).toBe(404);
		expect((await post('/contacts/01HNOPE:merge', { source_id: a.id })).status).toBe(404);
		expect((await post(`/contacts/${a.id}:merge`, {})).status).toBe(400);
		expect(emulator.contacts).toHaveLength(1);
	});
});

describe('getChannelProfile', () => {
	it('answers the name the channel knows an identity or a contact by', async () => {
		const app = await createApp();
		emulator.setChannelProfile({
			channel: 'MESSENGER',
			identity: 'psid-1',
			name: 'Ada Lovelace',
			appId: app.id,
		});
		const byIdentity = await post('/contacts:getChannelProfile', {
			app_id: app.id,
			channel: 'MESSENGER',
			recipient: {
				identified_by: { channel_identities: [{ channel: 'MESSENGER', identity: 'psid-1' }] },
			},
		});
		expect(byIdentity.data).toEqual({ profile_name: 'Ada Lovelace' });
		const contact = await createContact({
			channel_identities: [{ channel: 'MESSENGER', identity: 'psid-2', app_id: app.id }],
		});
		const byContact = await post('/contacts:getChannelProfile', {
			app_id: app.id,
			channel: 'MESSENGER',
			recipient: { contact_id: contact.id },
		});
		expect(byContact.data).toEqual({ profile_name: 'Messenger user psid-2' });
	});

	it.each([
		['a channel the operation lacks', { channel: 'SMS' }, 400],
		['a channel the app lacks', { channel: 'VIBER' }, 400],
		['an unknown app', { app_id: '01HNOPE' }, 400],
		[
			'an identity the channel does not know',
			{
				recipient: {
					identified_by: { channel_identities: [{ channel: 'MESSENGER', identity: 'fail-1' }] },
				},
			},
			404,
		],
		['an unknown contact', { recipient: { contact_id: '01HNOPE' } }, 404],
	])('refuses %s', async (_name, change, status) => {
		const app = await createApp();
		const answer = await post('/contacts:getChannelProfile', {
			app_id: app.id,
			channel: 'MESSENGER',
			recipient: {
				identified_by: { channel_identities: [{ channel: 'MESSENGER', identity: 'psid-1' }] },
			},
			...change,
		});
		expect(answer.status).toBe(status);
	});

	it('a contact for an app in DISPATCH mode is refused, naming the mode', async () => {
		const app = await createApp('DISPATCH');
		const answer = await post('/contacts:getChannelProfile', {
			app_id: app.id,
			channel: 'MESSENGER',
			recipient: { contact_id: '01HCONTACT' },
		});
		expect(answer.status).toBe(400);
		expect(answer.data.error.message).toContain('DISPATCH processing mode');
	});
});

describe("Sinch's Node SDK", () => {
	it('creates, lists, updates, merges and deletes contacts against the emulator', async () => {
		const sinch = sdkClient(emulator);
		const a = await sinch.conversation.contact.create({
			contactCreateRequestBody: {
				channel_identities: [sms('4690')],
				language: 'EN_US',
				display_name: 'A',
			},
		});
		const b = await sinch.conversation.contact.create({
			contactCreateRequestBody: {
				channel_identities: [{ channel: 'WHATSAPP', identity: '4691' }],
				language: 'SV',
			},
		});
		const listed = await sinch.conversation.contact.list({ channel: 'SMS', identity: '4690' });
		expect(listed.data.map((c) => c.id)).toEqual([a.id]);
		const updated = await sinch.conversation.contact.update({
			contact_id: String(a.id),
			updateContactRequestBody: { external_id: 'crm-9' },
			update_mask: ['external_id'],
		});
		expect(updated).toMatchObject({ display_name: 'A', external_id: 'crm-9' });
		const merged = await sinch.conversation.contact.mergeContact({
			destination_id: String(a.id),
			mergeContactRequestBody: { source_id: String(b.id) },
		});
		expect(merged.channel_identities).toHaveLength(2);
		await sinch.conversation.contact.delete({ contact_id: String(a.id) });
		expect(emulator.contacts).toEqual([]);
	});
});

describe('state', () => {
	it('contacts and conversations survive state() and restore()', async () => {
		const app = await createApp();
		await emulator.receive({ appId: app.id, channel: 'SMS', identity: '4695', text: 'hi' });
		const saved = emulator.state();
		const before = { contacts: emulator.contacts, conversations: emulator.conversations };
		emulator.reset();
		emulator.restore(saved);
		expect({ contacts: emulator.contacts, conversations: emulator.conversations }).toEqual(before);
	});
});
