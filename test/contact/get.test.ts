/** Contact → Get (by ID, external ID or channel identity) and Delete through n8n's engine against the emulator. */
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { byId, contactCalls, runContact, seedApp, seedContact } from './setup';

const emulator = emulatorPerFile();

describe('Get', () => {
	it('By ID: the contact; an unknown ID says which contact was not found', async () => {
		const contact = await seedContact(emulator, { display_name: 'Ada' });
		const found = await runContact(emulator, 'get', { contactId: byId(String(contact.id)) });
		expect(found.outputs[0][0].json).toEqual(contact);
		const missing = await runContact(emulator, 'get', {
			contactId: byId('01HNOSUCHCONTACT000000000'),
		});
		expect(missing.error?.message).toMatch(/Contact 01HNOSUCHCONTACT000000000 was not found/);
	});

	it('By External ID and By Channel Identity use the list filters and answer the one contact', async () => {
		const contact = await seedContact(emulator, { external_id: 'crm-1' });
		const byExternal = await runContact(emulator, 'get', {
			findBy: 'externalId',
			externalId: 'crm-1',
		});
		expect(byExternal.outputs[0][0].json).toEqual(contact);
		const byIdentity = await runContact(emulator, 'get', {
			findBy: 'identity',
			channel: 'SMS',
			identity: '46701112233',
		});
		expect(byIdentity.outputs[0][0].json).toEqual(contact);
		const reads = contactCalls(emulator).filter((call) => call.method === 'GET');
		expect(reads.map((call) => call.query)).toEqual([
			{ external_id: 'crm-1', page_size: '5' },
			{ channel: 'SMS', identity: '46701112233', page_size: '5' },
		]);
	});

	it('the contact behind an inbound message in CONVERSATION mode, by its channel identity', async () => {
		const app = await seedApp(emulator);
		const { message } = await emulator.receive({
			appId: String(app.id),
			channel: 'WHATSAPP',
			identity: '46709998877',
			text: 'Hi',
		});
		const result = await runContact(
			emulator,
			'get',
			{
				findBy: 'identity',
				channel: '={{ $json.channel_identity.channel }}',
				identity: '={{ $json.channel_identity.identity }}',
			},
			{ items: [message] },
		);
		expect(result.outputs[0][0].json.id).toBe(message.contact_id);
	});

	it('none found by identity: says so, and that apps in DISPATCH mode keep no contacts and how to change it', async () => {
		const result = await runContact(emulator, 'get', {
			findBy: 'identity',
			channel: 'SMS',
			identity: '4670000',
		});
		expect(result.error?.message).toBe('No contact has the SMS identity 4670000');
		expect(result.error?.description).toMatch(/DISPATCH mode.*Processing Mode: Conversation/);
	});

	it('several with one external ID: refused, naming them', async () => {
		const a = await seedContact(emulator, { external_id: 'dup' });
		const b = await seedContact(emulator, {
			external_id: 'dup',
			channel_identities: [{ channel: 'SMS', identity: '2' }],
		});
		const result = await runContact(emulator, 'get', { findBy: 'externalId', externalId: 'dup' });
		expect(result.error?.message).toBe(
			`2 contacts have the external ID dup: ${String(a.id)}, ${String(b.id)}`,
		);
	});

	it.each([
		['an empty contact', { contactId: byId('={{ $json.value }}') }, /Contact parameter is empty/],
		[
			'an empty identity',
			{ findBy: 'identity', channel: 'SMS', identity: '={{ $json.value }}' },
			/Identity parameter is empty/,
		],
		[
			'an empty external ID',
			{ findBy: 'externalId', externalId: '={{ $json.value }}' },
			/External ID parameter is empty/,
		],
	])('refuses %s before sending', async (_name, parameters, message) => {
		const result = await runContact(emulator, 'get', parameters, { items: [{ value: ' ' }] });
		expect(result.error?.message).toMatch(message);
		expect(contactCalls(emulator)).toEqual([]);
	});

	it("an empty contact_id from a DISPATCH app's message: the refusal says why and what to change", async () => {
		const result = await runContact(
			emulator,
			'get',
			{ contactId: byId('={{ $json.contact_id }}') },
			{ items: [{ contact_id: '' }] },
		);
		expect(result.error?.description).toMatch(/DISPATCH processing mode has an empty contact_id/);
		expect(result.error?.description).toMatch(/Processing Mode: Conversation/);
	});
});

describe('Delete', () => {
	it('deletes and outputs what was deleted; an unknown contact is a 404 naming it', async () => {
		const contact = await seedContact(emulator);
		const result = await runContact(emulator, 'delete', { contactId: byId(String(contact.id)) });
		expect(result.outputs[0][0].json).toEqual({ deleted: true, id: contact.id });
		expect(emulator.contacts).toEqual([]);
		const again = await runContact(emulator, 'delete', { contactId: byId(String(contact.id)) });
		expect(again.error?.message).toMatch(new RegExp(`Contact ${String(contact.id)} was not found`));
	});
});
