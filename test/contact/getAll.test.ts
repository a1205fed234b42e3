/** Contact → Get Many through n8n's engine against the emulator: Sinch's pages (20 at most), Limit and filters. */
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { contactCalls, runContact, seedContact } from './setup';

const emulator = emulatorPerFile();
const reads = () => contactCalls(emulator).filter((call) => call.method === 'GET');

async function seedMany(count: number): Promise<string[]> {
	const ids: string[] = [];
	for (let i = 0; i < count; i++)
		ids.push(
			String(
				(
					await seedContact(emulator, {
						channel_identities: [{ channel: 'SMS', identity: `4670${i}` }],
					})
				).id,
			),
		);
	return ids;
}

it('Return All reads every page of 20, oldest first', async () => {
	const ids = await seedMany(45);
	const result = await runContact(emulator, 'getAll', { returnAll: true });
	expect(result.outputs[0].map((item) => item.json.id)).toEqual(ids);
	expect(reads().map((call) => call.query.page_size)).toEqual(['20', '20', '20']);
});

it('Limit asks only for what it needs', async () => {
	const ids = await seedMany(25);
	const result = await runContact(emulator, 'getAll', { returnAll: false, limit: 22 });
	expect(result.outputs[0].map((item) => item.json.id)).toEqual(ids.slice(0, 22));
	expect(reads().map((call) => call.query.page_size)).toEqual(['20', '2']);
});

it('filters by external ID, or by channel and identity', async () => {
	await seedMany(3);
	const tagged = await seedContact(emulator, {
		external_id: 'crm-9',
		channel_identities: [{ channel: 'WHATSAPP', identity: '4679' }],
	});
	const byExternal = await runContact(emulator, 'getAll', {
		returnAll: true,
		filters: { externalId: 'crm-9' },
	});
	expect(byExternal.outputs[0].map((item) => item.json)).toEqual([tagged]);
	const byIdentity = await runContact(emulator, 'getAll', {
		returnAll: true,
		filters: { channel: 'WHATSAPP', identity: '4679' },
	});
	expect(byIdentity.outputs[0].map((item) => item.json)).toEqual([tagged]);
});

it.each([
	['an identity without a channel', { identity: '1' }, /Identity filter needs a Channel/],
	['a channel without an identity', { channel: 'SMS' }, /Channel filter needs an Identity/],
	[
		'an external ID with an identity',
		{ externalId: 'a', channel: 'SMS', identity: '1' },
		/not both/,
	],
])('refuses %s before sending', async (_name, filters, message) => {
	const result = await runContact(emulator, 'getAll', { returnAll: true, filters });
	expect(result.error?.message).toMatch(message);
	expect(contactCalls(emulator)).toEqual([]);
});
