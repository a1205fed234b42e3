/** Contact → Get Channel Profile through n8n's engine against the emulator; the body compared with the SDK's. */
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { sdkClient } from '../harness/sdk';
import { byId, contactCalls, runContact, seedApp, seedContact } from './setup';

const emulator = emulatorPerFile();
const profileCalls = () =>
	contactCalls(emulator).filter((call) => call.path.endsWith(':getChannelProfile'));
const appReads = () =>
	emulator.requests.filter(
		(request) => request.method === 'GET' && request.path.includes('/apps/'),
	);

it('by channel identity: the profile name, as the SDK asks for it; the app is read once for the run', async () => {
	const appId = String((await seedApp(emulator)).id);
	emulator.setChannelProfile({
		channel: 'MESSENGER',
		identity: 'psid-1',
		name: 'Ada Lovelace',
		appId,
	});
	const result = await runContact(
		emulator,
		'getChannelProfile',
		{ appId: byId(appId), channel: 'MESSENGER', identity: '={{ $json.psid }}' },
		{ items: [{ psid: 'psid-1' }, { psid: 'psid-2' }] },
	);
	expect(result.outputs[0].map((item) => item.json)).toEqual([
		{ profile_name: 'Ada Lovelace', app_id: appId, channel: 'MESSENGER', identity: 'psid-1' },
		{
			profile_name: 'Messenger user psid-2',
			app_id: appId,
			channel: 'MESSENGER',
			identity: 'psid-2',
		},
	]);
	expect(appReads()).toHaveLength(1);
	await sdkClient(emulator).conversation.contact.getChannelProfile({
		getChannelProfileRequestBody: {
			app_id: appId,
			channel: 'MESSENGER',
			recipient: {
				identified_by: { channel_identities: [{ channel: 'MESSENGER', identity: 'psid-1' }] },
			},
		},
	});
	const calls = profileCalls();
	expect(calls[0].body).toEqual(calls[2].body);
});

it('by contact in a CONVERSATION app', async () => {
	const appId = String((await seedApp(emulator)).id);
	const contact = await seedContact(emulator, {
		channel_identities: [{ channel: 'MESSENGER', identity: 'psid-9', app_id: appId }],
	});
	const result = await runContact(emulator, 'getChannelProfile', {
		appId: byId(appId),
		channel: 'MESSENGER',
		recipientType: 'contact',
		contactId: byId(String(contact.id)),
	});
	expect(result.outputs[0][0].json).toEqual({
		profile_name: 'Messenger user psid-9',
		app_id: appId,
		channel: 'MESSENGER',
		contact_id: contact.id,
	});
	expect(profileCalls()[0].body).toEqual({
		app_id: appId,
		channel: 'MESSENGER',
		recipient: { contact_id: contact.id },
	});
});

it('a contact for an app in DISPATCH mode: refused before asking Sinch, naming the setting that changes it', async () => {
	const appId = String((await seedApp(emulator, 'DISPATCH')).id);
	const result = await runContact(emulator, 'getChannelProfile', {
		appId: byId(appId),
		channel: 'MESSENGER',
		recipientType: 'contact',
		contactId: byId('01HCONTACT0000000000000000'),
	});
	expect(result.error?.message).toBe(
		`App ${appId} is in DISPATCH processing mode, which keeps no contacts: a contact cannot be looked up for it`,
	);
	expect(result.error?.description).toMatch(/Processing Mode: Conversation/);
	expect(profileCalls()).toEqual([]);
});

it("Sinch's refusal for a DISPATCH app says the app's mode", async () => {
	const appId = String((await seedApp(emulator, 'DISPATCH')).id);
	const result = await runContact(emulator, 'getChannelProfile', {
		appId: byId(appId),
		channel: 'MESSENGER',
		identity: 'fail-1',
	});
	expect(result.error?.description).toMatch(/is in DISPATCH processing mode/);
});

it('an identity the channel does not know: 404', async () => {
	const appId = String((await seedApp(emulator)).id);
	const result = await runContact(emulator, 'getChannelProfile', {
		appId: byId(appId),
		channel: 'MESSENGER',
		identity: 'fail-1',
	});
	expect(result.error?.message).toMatch(/404|not found/i);
});
