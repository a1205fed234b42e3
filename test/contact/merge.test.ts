/** Contact → Merge through n8n's engine against the emulator; the request compared with Sinch's Node SDK's. */
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { runNode } from '../harness/engine';
import { sdkClient } from '../harness/sdk';
import { emulatorCredentials } from '../harness/setup';
import { byId, contactCalls, runContact, seedApp, seedContact } from './setup';

const emulator = emulatorPerFile();
const merges = () =>
	contactCalls(emulator).filter((call) => call.method === 'POST' && call.path.endsWith(':merge'));

async function twoContacts() {
	const keep = await seedContact(emulator, { display_name: 'Ada' });
	const remove = await seedContact(emulator, {
		display_name: 'Ada on WhatsApp',
		channel_identities: [{ channel: 'WHATSAPP', identity: '46701112233' }],
		email: 'ada@example.com',
	});
	return { keep: String(keep.id), remove: String(remove.id) };
}

it('merges: the output says which contact was kept and which removed, with the merged contact', async () => {
	const { keep, remove } = await twoContacts();
	const app = await seedApp(emulator);
	await emulator.receive({
		appId: String(app.id),
		channel: 'WHATSAPP',
		identity: '46701112233',
		text: 'hi',
	});
	const result = await runContact(emulator, 'merge', {
		keepContactId: byId(keep),
		removeContactId: byId(remove),
	});
	expect(result.error).toBeUndefined();
	expect(result.outputs[0][0].json).toEqual({
		keptContactId: keep,
		removedContactId: remove,
		removedDisplayName: 'Ada on WhatsApp',
		contact: expect.objectContaining({
			id: keep,
			display_name: 'Ada',
			email: 'ada@example.com',
			channel_identities: [
				{ channel: 'SMS', identity: '46701112233', app_id: '' },
				{ channel: 'WHATSAPP', identity: '46701112233', app_id: '' },
			],
		}),
	});
	expect(emulator.contacts.map((contact) => contact.id)).toEqual([keep]);
	expect(emulator.conversations.map((conversation) => conversation.contact_id)).toEqual([keep]);
});

it('sends the same request as the SDK', async () => {
	const first = await twoContacts();
	await runContact(emulator, 'merge', {
		keepContactId: byId(first.keep),
		removeContactId: byId(first.remove),
	});
	const [ours] = merges();
	emulator.reset();
	const second = await twoContacts();
	await sdkClient(emulator).conversation.contact.mergeContact({
		destination_id: second.keep,
		mergeContactRequestBody: { source_id: second.remove },
	});
	const [theirs] = merges();
	expect(ours.body).toEqual({ source_id: first.remove });
	expect(theirs.body).toEqual({ source_id: second.remove });
	expect(ours.path.replace(first.keep, 'ID')).toBe(theirs.path.replace(second.keep, 'ID'));
});

it('refuses the same contact twice before sending anything', async () => {
	const { keep } = await twoContacts();
	const before = emulator.requests.length;
	const result = await runContact(emulator, 'merge', {
		keepContactId: byId(keep),
		removeContactId: byId(` ${keep} `),
	});
	expect(result.error?.message).toBe(
		`Contact to Keep and Contact to Remove are the same contact (${keep})`,
	);
	expect(emulator.requests.slice(before).filter((r) => r.path !== '/oauth2/token')).toEqual([]);
});

it('a Contact to Remove that does not exist: named, and no merge is sent', async () => {
	const { keep } = await twoContacts();
	const result = await runContact(emulator, 'merge', {
		keepContactId: byId(keep),
		removeContactId: byId('01HNOSUCHCONTACT000000000'),
	});
	expect(result.error?.message).toMatch(/Contact 01HNOSUCHCONTACT000000000 was not found/);
	expect(merges()).toEqual([]);
});

it('is never repeated after a lost answer, and says how to check', async () => {
	const { keep, remove } = await twoContacts();
	emulator.dropNext({ method: 'POST', pathIncludes: ':merge', afterProcessing: true });
	const result = await runContact(emulator, 'merge', {
		keepContactId: byId(keep),
		removeContactId: byId(remove),
	});
	expect(result.error?.message).toMatch(/may or may not have been merged/);
	expect(merges()).toHaveLength(1);
});

it('a contact one item removes cannot take part in another item of the run: refused before anything is sent', async () => {
	const { keep, remove } = await twoContacts();
	const third = String(
		(await seedContact(emulator, { channel_identities: [{ channel: 'RCS', identity: '1' }] })).id,
	);
	const result = await runContact(
		emulator,
		'merge',
		{ keepContactId: byId('={{ $json.keep }}'), removeContactId: byId('={{ $json.remove }}') },
		{
			items: [
				{ keep, remove },
				{ keep: remove, remove: third },
			],
		},
	);
	expect(result.error?.message).toBe(
		`Item 0 of this run removes contact ${remove}, the Contact to Keep of this item`,
	);
	expect(merges()).toEqual([]);
});

it('Retry On Fail is refused, as a repeat would merge again', async () => {
	const { keep, remove } = await twoContacts();
	const result = await runNode({
		parameters: {
			resource: 'contact',
			operation: 'merge',
			keepContactId: byId(keep),
			removeContactId: byId(remove),
		},
		credentials: emulatorCredentials(emulator),
		settings: { retryOnFail: true },
	});
	expect(result.error?.message).toMatch(/Retry On Fail/);
	expect(merges()).toEqual([]);
});
