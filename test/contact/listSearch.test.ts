/** The Contact picker's search, run on n8n-core's LoadOptionsContext against the emulator. */
import type { INodeListSearchResult } from 'n8n-workflow';

import { SinchConversation } from '../../nodes/SinchConversation/SinchConversation.node';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { listSearchContext } from '../harness/listSearch';
import { emulatorCredentials } from '../harness/setup';
import { seedContact } from './setup';

const emulator = emulatorPerFile();
const nodeType = new SinchConversation();

async function search(filter?: string, token?: string): Promise<INodeListSearchResult> {
	const credentials = emulatorCredentials(emulator);
	const parameters = {
		resource: 'contact',
		operation: 'get',
		contactId: { __rl: true, mode: 'list', value: '' },
	};
	return await nodeType.methods.listSearch.searchContacts.call(
		listSearchContext(credentials, parameters, 'contactId'),
		filter,
		token,
	);
}

it('names contacts by display name, identities and external ID, and pages on with the token', async () => {
	for (let i = 0; i < 25; i++)
		await seedContact(emulator, {
			display_name: i === 3 ? 'Ada' : `Person ${i}`,
			external_id: i === 3 ? 'crm-3' : '',
			channel_identities: [{ channel: 'SMS', identity: `4670${i}` }],
		});
	const first = await search();
	expect(first.results).toHaveLength(20);
	expect(first.results[3]).toEqual({
		name: 'Ada (SMS 46703, external ID crm-3)',
		value: emulator.contacts[3].id,
	});
	const rest = await search(undefined, first.paginationToken as string);
	expect(rest.results).toHaveLength(5);
	expect(rest.paginationToken).toBeUndefined();
});

it('filters by name, external ID or identity across pages', async () => {
	for (let i = 0; i < 30; i++)
		await seedContact(emulator, { channel_identities: [{ channel: 'SMS', identity: `4670${i}` }] });
	await seedContact(emulator, {
		display_name: 'Grace',
		channel_identities: [{ channel: 'WHATSAPP', identity: '4679' }],
	});
	expect((await search('grace')).results.map((r) => r.name)).toEqual(['Grace (WHATSAPP 4679)']);
	expect((await search('467029')).results.map((r) => r.name)).toEqual(['Unknown (SMS 467029)']);
});
