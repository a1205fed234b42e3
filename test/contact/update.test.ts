/** Contact → Update through n8n's engine against the emulator; the request compared with Sinch's Node SDK's. */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { emulatorPerFile } from '../harness/emulatorPerFile';
import { sdkClient } from '../harness/sdk';
import { byId, contactCalls, runContact, seedContact } from './setup';

const emulator = emulatorPerFile();
const patches = () => contactCalls(emulator).filter((call) => call.method === 'PATCH');

it('sends only the fields given, named in update_mask, as the SDK does; the others stay', async () => {
	const contact = await seedContact(emulator, {
		display_name: 'Ada',
		email: 'ada@example.com',
		metadata: 'vip',
	});
	const id = String(contact.id);
	const result = await runContact(emulator, 'update', {
		contactId: byId(id),
		updateFields: { externalId: 'crm-42', language: 'DE', email: '' },
	});
	expect(result.error).toBeUndefined();
	expect(result.outputs[0][0].json).toEqual({
		...contact,
		external_id: 'crm-42',
		language: 'DE',
		email: '',
	});
	const [call] = patches();
	expect(call.query).toEqual({ update_mask: 'email,external_id,language' });
	await sdkClient(emulator).conversation.contact.update({
		contact_id: id,
		updateContactRequestBody: { email: '', external_id: 'crm-42', language: 'DE' },
		update_mask: ['email', 'external_id', 'language'],
	});
	const [, sdkCall] = patches();
	expect(call.body).toEqual(sdkCall.body);
	expect(call.path).toBe(sdkCall.path);
	expect(String(call.query.update_mask).split(',')).toEqual(
		String(sdkCall.query.update_mask).split(','),
	);
});

it.each([
	['no field', {}, /Update Fields is empty/],
	['a bad email', { email: 'x' }, /not an email address/],
	['a language Sinch lacks', { language: 'XX' }, /not a language Sinch knows/],
])('refuses %s before sending', async (_name, updateFields, message) => {
	const contact = await seedContact(emulator);
	const result = await runContact(emulator, 'update', {
		contactId: byId(String(contact.id)),
		updateFields,
	});
	expect(result.error?.message).toMatch(message);
	expect(patches()).toEqual([]);
});

it('an unknown contact: 404 naming it', async () => {
	const result = await runContact(emulator, 'update', {
		contactId: byId('01HNOSUCHCONTACT000000000'),
		updateFields: { displayName: 'x' },
	});
	expect(result.error?.message).toMatch(/Contact 01HNOSUCHCONTACT000000000 was not found/);
});

describe('Channel Identities and Channel Priority', () => {
	const APP_ID = '01HZX3K5V8Q2M7N4P6R9S0T1AB';
	const entries = (...list: IDataObject[]) => ({ entries: list }) as unknown as INodeParameters;

	it('replace the whole lists, named in update_mask, as the SDK sends them', async () => {
		const contact = await seedContact(emulator, {
			channel_identities: [
				{ channel: 'SMS', identity: '4670100' },
				{ channel: 'WHATSAPP', identity: '4670100' },
			],
			channel_priority: ['WHATSAPP'],
			external_id: 'crm-1',
		});
		const id = String(contact.id);
		const result = await runContact(emulator, 'update', {
			contactId: byId(id),
			updateFields: {
				channelIdentities: entries(
					{ channel: 'SMS', identity: ' 4670100 ' },
					{ channel: 'MESSENGER', identity: 'psid-1', appId: APP_ID },
				),
				channelPriority: ['MESSENGER', 'SMS'],
			},
		});
		expect(result.error).toBeUndefined();
		expect(result.outputs[0]).toEqual([
			{
				json: {
					...contact,
					channel_identities: [
						{ channel: 'SMS', identity: '4670100', app_id: '' },
						{ channel: 'MESSENGER', identity: 'psid-1', app_id: APP_ID },
					],
					channel_priority: ['MESSENGER', 'SMS'],
				},
				pairedItem: { item: 0 },
			},
		]);
		const [call] = patches();
		expect(call.query).toEqual({ update_mask: 'channel_identities,channel_priority' });
		await sdkClient(emulator).conversation.contact.update({
			contact_id: id,
			updateContactRequestBody: {
				channel_identities: [
					{ channel: 'SMS', identity: '4670100' },
					{ channel: 'MESSENGER', identity: 'psid-1', app_id: APP_ID },
				],
				channel_priority: ['MESSENGER', 'SMS'],
			},
			update_mask: ['channel_identities', 'channel_priority'],
		});
		const [, sdkCall] = patches();
		expect(call.body).toEqual(sdkCall.body);
		expect(call.path).toBe(sdkCall.path);
		expect(String(call.query.update_mask).split(',')).toEqual(
			String(sdkCall.query.update_mask).split(','),
		);
	});

	it('Channel Priority from an expression as text keeps its order; an empty one clears it', async () => {
		const contact = await seedContact(emulator, { channel_priority: ['SMS'] });
		const contactId = byId(String(contact.id));
		const ordered = await runContact(emulator, 'update', {
			contactId,
			updateFields: { channelPriority: '={{ "whatsapp, sms" }}' },
		});
		expect(ordered.outputs[0][0].json.channel_priority).toEqual(['WHATSAPP', 'SMS']);
		const cleared = await runContact(emulator, 'update', {
			contactId,
			updateFields: { channelPriority: [] },
		});
		expect(cleared.outputs[0][0].json.channel_priority).toEqual([]);
		expect(patches().map((call) => [call.query, call.body])).toEqual([
			[{ update_mask: 'channel_priority' }, { channel_priority: ['WHATSAPP', 'SMS'] }],
			[{ update_mask: 'channel_priority' }, { channel_priority: [] }],
		]);
	});

	it.each([
		['no identity', { channelIdentities: entries() }, /Channel Identities is empty/],
		[
			'a Messenger identity without its app',
			{ channelIdentities: entries({ channel: 'MESSENGER', identity: 'psid-1' }) },
			/entry 1 \(Facebook Messenger\): App ID is empty/,
		],
		[
			'the same identity twice',
			{
				channelIdentities: entries(
					{ channel: 'SMS', identity: '1' },
					{ channel: 'SMS', identity: '1' },
				),
			},
			/entry 2 repeats entry 1/,
		],
		['a channel Sinch lacks', { channelPriority: ['SMS', 'FAX'] }, /"FAX" is not a channel/],
		['a channel twice', { channelPriority: 'SMS,WHATSAPP,sms' }, /names SMS twice/],
		['a priority that is an object', { channelPriority: '={{ { a: 1 } }}' }, /neither a list/],
	])('refuses %s before sending', async (_name, updateFields, message) => {
		const contact = await seedContact(emulator);
		const result = await runContact(emulator, 'update', {
			contactId: byId(String(contact.id)),
			updateFields: updateFields as INodeParameters,
		});
		expect(result.error?.message).toMatch(message);
		expect(patches()).toEqual([]);
	});

	/** The ID of a contact made in the emulator with this one SMS identity. */
	const smsContact = async (phone: string) =>
		String(
			(await seedContact(emulator, { channel_identities: [{ channel: 'SMS', identity: phone }] }))
				.id,
		);

	const identityFromItem = {
		contactId: byId('={{ $json.contact }}'),
		updateFields: {
			channelIdentities: entries({ channel: 'SMS', identity: '={{ $json.phone }}' }),
		},
	};

	it('two items giving one identity to two contacts: refused before anything is sent', async () => {
		const a = await smsContact('1');
		const b = await smsContact('2');
		const result = await runContact(emulator, 'update', identityFromItem, {
			items: [
				{ contact: a, phone: '4670555' },
				{ contact: b, phone: '4670555' },
			],
		});
		expect(result.error?.message).toMatch(
			`Item 0 of this run already gives the SMS identity 4670555 to contact ${a}`,
		);
		expect(patches()).toEqual([]);
	});

	it('two items giving one identity to the same contact are both sent', async () => {
		const a = await smsContact('1');
		const result = await runContact(emulator, 'update', identityFromItem, {
			items: [
				{ contact: a, phone: '4670556' },
				{ contact: a, phone: '4670556' },
			],
		});
		expect(result.error).toBeUndefined();
		expect(patches()).toHaveLength(2);
	});

	it("an identity another contact has: Sinch's refusal names that contact; with continue-on-fail the others are updated", async () => {
		const owner = await smsContact('4670777');
		const a = await smsContact('3');
		const b = await smsContact('4');
		const result = await runContact(emulator, 'update', identityFromItem, {
			items: [
				{ contact: a, phone: '4670777' },
				{ contact: b, phone: '4670888' },
			],
			onError: 'continueErrorOutput',
		});
		expect(result.outputs[0].map((item) => item.pairedItem)).toEqual([{ item: 1 }]);
		expect(result.outputs[1]).toHaveLength(1);
		expect(result.outputs[1][0].pairedItem).toEqual({ item: 0 });
		const error = String(result.outputs[1][0].json.error);
		expect(error).toContain('4670777');
		expect(error).toContain(owner);
		expect(String(result.outputs[1][0].json.details)).toMatch(
			/belongs to one contact only\. Remove it from that contact first .* or Merge the two contacts/,
		);
		const stored = (id: string) => emulator.contacts.find((contact) => contact.id === id);
		expect(stored(a)?.channel_identities).toEqual([{ channel: 'SMS', identity: '3', app_id: '' }]);
		expect(stored(b)?.channel_identities).toEqual([
			{ channel: 'SMS', identity: '4670888', app_id: '' },
		]);
	});
});
