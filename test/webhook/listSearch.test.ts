/**
 * The Webhook picker's search, run on n8n-core's own LoadOptionsContext (as n8n's editor back end runs it) against
 * the emulator: the webhooks of the app chosen in the App field.
 */
import type { INodeListSearchResult } from 'n8n-workflow';

import { SinchConversation } from '../../nodes/SinchConversation/SinchConversation.node';
import { emulatorApi } from '../harness/emulatorApi';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { listSearchContext } from '../harness/listSearch';
import { emulatorCredentials } from '../harness/setup';

const emulator = emulatorPerFile();

const nodeType = new SinchConversation();

/** Calls the picker's search the way n8n's back end does for the Webhook field, with the App field set. */
async function search(appValue: string, filter?: string): Promise<INodeListSearchResult> {
	const parameters = {
		resource: 'webhook',
		operation: 'get',
		appId: { __rl: true, mode: 'list', value: appValue },
		webhookId: { __rl: true, mode: 'list', value: '' },
	};
	const context = listSearchContext(emulatorCredentials(emulator), parameters, 'webhookId');
	return await nodeType.methods.listSearch.searchWebhooks.call(context, filter);
}

const api = (path: string, body: object) => emulatorApi(emulator, 'POST', path, body);

describe('searchWebhooks (Webhook picker)', () => {
	it("lists the chosen app's webhooks by target URL with their triggers, sorted, filtered by target", async () => {
		const app = (await api('/apps', { display_name: 'A', channel_credentials: [] })).id as string;
		const other = (await api('/apps', { display_name: 'B', channel_credentials: [] })).id as string;
		const b = await api('/webhooks', {
			app_id: app,
			target: 'https://b.example.com/hook',
			triggers: ['OPT_IN'],
		});
		const a = await api('/webhooks', {
			app_id: app,
			target: 'https://a.example.com/hook',
			triggers: ['MESSAGE_INBOUND', 'MESSAGE_DELIVERY'],
		});
		const none = await api('/webhooks', { app_id: app, target: 'https://c.example.com/hook' });
		await api('/webhooks', { app_id: other, target: 'https://a.example.com/hook' });

		expect(await search(app)).toEqual({
			results: [
				{ name: 'https://a.example.com/hook (MESSAGE_INBOUND, MESSAGE_DELIVERY)', value: a.id },
				{ name: 'https://b.example.com/hook (OPT_IN)', value: b.id },
				{ name: 'https://c.example.com/hook (no triggers)', value: none.id },
			],
		});
		expect(
			(await search(app.toLowerCase(), 'B.EXAMPLE')).results.map((entry) => entry.value),
		).toEqual([b.id]);
	});

	it('asks for the app first when none is chosen, without a request', async () => {
		await expect(search('')).rejects.toThrow(/Choose the App first/);
		expect(emulator.requests).toEqual([]);
	});
});
