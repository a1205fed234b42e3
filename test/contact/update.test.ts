/** Contact → Update through n8n's engine against the emulator; the request compared with Sinch's Node SDK's. */
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
