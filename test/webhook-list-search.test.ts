/**
 * The Webhook picker's search, run on n8n-core's own LoadOptionsContext (as n8n's editor back end runs it) against
 * the emulator: the webhooks of the app chosen in the App field.
 */
import type { INode, INodeListSearchResult, INodeTypes, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';
import { LoadOptionsContext } from 'n8n-core';

import { SinchConversation } from '../nodes/SinchConversation/SinchConversation.node';
import { startEmulator, type Emulator } from './emulator';
import { CREDENTIAL_ID, NODE_TYPE } from './harness/engine';
import { emulatorApi } from './harness/emulatorApi';
import { emulatorCredentials } from './harness/setup';

let emu: Emulator;
beforeAll(async () => {
	emu = await startEmulator();
});
afterAll(async () => {
	await emu.close();
});
beforeEach(() => emu.reset());

const nodeType = new SinchConversation();
const nodeTypes = {
	getByName: () => nodeType,
	getByNameAndVersion: (_name: string, version?: number) => NodeHelpers.getVersionedNodeType(nodeType, version),
	getKnownTypes: () => ({}),
} as unknown as INodeTypes;

async function search(appValue: string, filter?: string): Promise<INodeListSearchResult> {
	const parameters = {
		resource: 'webhook',
		operation: 'get',
		appId: { __rl: true, mode: 'list', value: appValue },
		webhookId: { __rl: true, mode: 'list', value: '' },
	};
	const node: INode = {
		id: 'sinch',
		name: 'Sinch',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { sinchConversationApi: { id: CREDENTIAL_ID, name: 'Sinch' } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = {
		credentialsHelper: emulatorCredentials(emu),
		currentNodeParameters: parameters,
		variables: {},
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		userId: 'user-1',
	} as unknown as IWorkflowExecuteAdditionalData;
	const context = new LoadOptionsContext(workflow, node, additionalData, 'webhookId');
	return await nodeType.methods.listSearch.searchWebhooks.call(context, filter);
}

const api = (path: string, body: object) => emulatorApi(emu, 'POST', path, body);

describe('searchWebhooks (Webhook picker)', () => {
	it("lists the chosen app's webhooks by target URL with their triggers, sorted, filtered by target", async () => {
		const app = (await api('/apps', { display_name: 'A', channel_credentials: [] })).id as string;
		const other = (await api('/apps', { display_name: 'B', channel_credentials: [] })).id as string;
		const b = await api('/webhooks', { app_id: app, target: 'https://b.example.com/hook', triggers: ['OPT_IN'] });
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
		expect((await search(app.toLowerCase(), 'B.EXAMPLE')).results.map((entry) => entry.value)).toEqual([b.id]);
	});

	it('asks for the app first when none is chosen, without a request', async () => {
		await expect(search('')).rejects.toThrow(/Choose the App first/);
		expect(emu.requests).toEqual([]);
	});
});
