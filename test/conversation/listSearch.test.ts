/**
 * The Conversation picker's search, run on n8n-core's own LoadOptionsContext against the emulator: the chosen app's
 * conversations, latest first, named by identity and channel, one Sinch page per scroll.
 */
import type { INodeListSearchResult } from 'n8n-workflow';

import { SinchConversation } from '../../nodes/SinchConversation/SinchConversation.node';
import { emulatorApi } from '../harness/emulatorApi';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { listSearchContext } from '../harness/listSearch';
import { emulatorCredentials } from '../harness/setup';
import { conversationApp, inbound } from './setup';

const emulator = emulatorPerFile();
const nodeType = new SinchConversation();

async function search(
	appValue: string,
	filter?: string,
	token?: string,
): Promise<INodeListSearchResult> {
	const parameters = {
		resource: 'conversation',
		operation: 'stop',
		appId: { __rl: true, mode: 'list', value: appValue },
		conversationId: { __rl: true, mode: 'list', value: '' },
	};
	const context = listSearchContext(emulatorCredentials(emulator), parameters, 'conversationId');
	return await nodeType.methods.listSearch.searchConversations.call(context, filter, token);
}

beforeEach(() => emulator.setDeliveryReports({ mode: 'off' }));

it('lists the chosen app’s conversations, latest first, by identity and channel; filters', async () => {
	const appId = await conversationApp(emulator);
	const other = await conversationApp(emulator, 'Other');
	const ann = await inbound(emulator, appId, '46701110001', 'hi', 'SMS');
	const bob = await inbound(emulator, appId, '46701110002', 'hi', 'WHATSAPP');
	await inbound(emulator, other, '46701110003');
	await emulatorApi(emulator, 'POST', `/conversations/${ann.conversationId}:stop`);

	expect(await search(appId.toLowerCase())).toEqual({
		results: [
			{
				name: '46701110002 on WhatsApp',
				value: bob.conversationId,
				description: `Contact ${bob.contactId}`,
			},
			{
				name: '46701110001 on SMS (ended)',
				value: ann.conversationId,
				description: `Contact ${ann.contactId}`,
			},
		],
	});
	expect((await search(appId, 'whatsapp')).results.map((entry) => entry.value)).toEqual([
		bob.conversationId,
	]);
	expect((await search(appId, ann.contactId.toLowerCase())).results.map((e) => e.value)).toEqual([
		ann.conversationId,
	]);
});

it('hands Sinch’s page token to n8n, so scrolling loads the next page', async () => {
	const appId = await conversationApp(emulator);
	for (let index = 0; index < 55; index++) await inbound(emulator, appId, `4670400${index}`);
	const first = await search(appId);
	expect(first.results).toHaveLength(50);
	expect(first.paginationToken).toEqual(expect.any(String));
	const second = await search(appId, undefined, first.paginationToken);
	expect(second.results).toHaveLength(5);
	expect(second.paginationToken).toBeUndefined();
	expect(new Set([...first.results, ...second.results].map((entry) => entry.value)).size).toBe(55);
});

it('a filter reads on through the pages until something matches', async () => {
	const appId = await conversationApp(emulator);
	const oldest = await inbound(emulator, appId, '46799999999');
	for (let index = 0; index < 60; index++) await inbound(emulator, appId, `4670500${index}`);
	const since = emulator.requests.length;
	const found = await search(appId, '46799999999');
	expect(found.results.map((entry) => entry.value)).toEqual([oldest.conversationId]);
	expect(found.paginationToken).toBeUndefined();
	const pages = emulator.requests
		.slice(since)
		.filter((request) => request.path.endsWith('/conversations:recent'));
	expect(pages.map((request) => request.query.page_token !== undefined)).toEqual([false, true]);
});

it('asks for the app first, without a request', async () => {
	await expect(search('')).rejects.toThrow(
		'Choose the App first: the list shows its conversations',
	);
	expect(emulator.requests).toHaveLength(0);
});
