/**
 * Apps in DISPATCH processing mode (the default of new apps) have no conversations: Sinch lists none, without an
 * error. The node reads the app when a list by app comes back empty, and says which setting changes it.
 */
import { SinchConversation } from '../../nodes/SinchConversation/SinchConversation.node';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { listSearchContext } from '../harness/listSearch';
import { emulatorCredentials } from '../harness/setup';
import { messagingApp } from '../message/setup';
import { byId, conversationApp, inbound, runConversation } from './setup';

const emulator = emulatorPerFile();

const appReads = () =>
	emulator.requests.filter(
		(request) => request.method === 'GET' && /\/apps\/\w+$/.test(request.path),
	);

let dispatchApp: string;
beforeEach(async () => {
	emulator.setDeliveryReports({ mode: 'off' });
	dispatchApp = String((await messagingApp(emulator, ['SMS'])).id);
	// A message in DISPATCH mode makes no conversation.
	await emulator.receive({
		appId: dispatchApp,
		channel: 'SMS',
		identity: '46701110001',
		text: 'hi',
	});
});

const SETTING = /Processing Mode: Conversation/;

it.each([
	['getAll', {}],
	['getRecent', {}],
	['getAll', { status: 'active' }],
])(
	'%s %j of a DISPATCH app says so and names the setting that changes it',
	async (operation, extra) => {
		const result = await runConversation(emulator, operation, {
			appId: byId(dispatchApp),
			returnAll: true,
			...extra,
		});
		expect(result.error?.message).toBe(
			`App ${dispatchApp} is in DISPATCH processing mode: Sinch keeps no conversations for it`,
		);
		expect(result.error?.description).toMatch(SETTING);
		expect(result.error?.description).toContain('App → Update → Update Fields → Processing Mode');
		expect(appReads()).toHaveLength(1);
	},
);

it('a list that has conversations costs no app read', async () => {
	const appId = await conversationApp(emulator);
	await inbound(emulator, appId, '46701110001');
	const result = await runConversation(emulator, 'getAll', { appId: byId(appId), returnAll: true });
	expect(result.outputs[0]).toHaveLength(1);
	expect(appReads()).toHaveLength(0);
});

it('the Conversation picker of a DISPATCH app says so too', async () => {
	const parameters = {
		resource: 'conversation',
		operation: 'get',
		appId: { __rl: true, mode: 'list', value: dispatchApp },
		conversationId: { __rl: true, mode: 'list', value: '' },
	};
	const context = listSearchContext(emulatorCredentials(emulator), parameters, 'conversationId');
	await expect(
		new SinchConversation().methods.listSearch.searchConversations.call(context),
	).rejects.toThrow(`App ${dispatchApp} is in DISPATCH processing mode`);
});
