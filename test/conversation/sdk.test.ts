/**
 * Conformance with Sinch's Node SDK: each Conversation operation, once run through n8n's engine and once made with
 * the SDK's own conversation call (typed by @sinch/sdk-core), must reach the emulator as the same request: method,
 * path, query and body.
 */
import type { INodeParameters } from 'n8n-workflow';

import { emulatorPerFile } from '../harness/emulatorPerFile';
import { sdkClient } from '../harness/sdk';
import { byId, conversationApp, conversationCalls, inbound, runConversation } from './setup';

const emulator = emulatorPerFile();

let appId: string;
let conversationId: string;
let contactId: string;
beforeEach(async () => {
	emulator.setDeliveryReports({ mode: 'off' });
	appId = await conversationApp(emulator);
	({ conversationId, contactId } = await inbound(emulator, appId, '46701110001'));
	await inbound(emulator, appId, '46701110002');
});

/** The requests of the node's run and of the SDK's call, each alone. */
async function bothRequests(
	operation: string,
	parameters: INodeParameters,
	sdk: (sinch: ReturnType<typeof sdkClient>) => Promise<unknown>,
) {
	const since = conversationCalls(emulator).length;
	const run = await runConversation(emulator, operation, parameters);
	expect(run.error).toBeUndefined();
	const ours = conversationCalls(emulator).slice(since);
	await sdk(sdkClient(emulator));
	const theirs = conversationCalls(emulator).slice(since + ours.length);
	return { ours, theirs };
}

const cases: Array<
	[string, string, () => INodeParameters, (s: ReturnType<typeof sdkClient>) => Promise<unknown>]
> = [
	[
		'Get',
		'get',
		() => ({ conversationId: byId(conversationId) }),
		async (sinch) => await sinch.conversation.conversation.get({ conversation_id: conversationId }),
	],
	[
		'Get Many by app, active only, limit 5',
		'getAll',
		() => ({ appId: byId(appId), status: 'active', limit: 5 }),
		async (sinch) =>
			await sinch.conversation.conversation.list({
				app_id: appId,
				only_active: true,
				page_size: 5,
			}),
	],
	[
		'Get Many by contact and app, ended only, on WhatsApp',
		'getAll',
		() => ({
			listBy: 'both',
			appId: byId(appId),
			contactId: byId(contactId),
			status: 'ended',
			filters: { activeChannel: 'WHATSAPP' },
			limit: 20,
		}),
		async (sinch) =>
			await sinch.conversation.conversation.list({
				app_id: appId,
				contact_id: contactId,
				only_active: false,
				active_channel: 'WHATSAPP',
				page_size: 20,
			}),
	],
	[
		'Get Recent, oldest first',
		'getRecent',
		() => ({ appId: byId(appId), order: 'ASC', limit: 7 }),
		async (sinch) =>
			await sinch.conversation.conversation.listRecent({
				app_id: appId,
				only_active: false,
				order: 'ASC',
				page_size: 7,
			}),
	],
	[
		'Update, merged',
		'update',
		() => ({
			conversationId: byId(conversationId),
			metadata: '{"ticket": "T-1", "closed": null}',
			metadataUpdateStrategy: 'MERGE_PATCH',
		}),
		async (sinch) =>
			await sinch.conversation.conversation.update({
				conversation_id: conversationId,
				update_mask: ['metadata_json'],
				metadata_update_strategy: 'MERGE_PATCH',
				updateConversationRequestBody: { metadata_json: { ticket: 'T-1', closed: null } },
			}),
	],
	[
		'Update, replaced',
		'update',
		() => ({ conversationId: byId(conversationId), metadata: { ticket: 'T-2' } }),
		async (sinch) =>
			await sinch.conversation.conversation.update({
				conversation_id: conversationId,
				update_mask: ['metadata_json'],
				updateConversationRequestBody: { metadata_json: { ticket: 'T-2' } },
			}),
	],
];

it.each(cases)('%s: the same request as the SDK', async (_name, operation, parameters, sdk) => {
	const { ours, theirs } = await bothRequests(operation, parameters(), sdk);
	expect(ours).toHaveLength(1);
	expect(ours).toEqual(theirs);
});

it('Stop and Delete: the same requests as the SDK (each on its own conversation)', async () => {
	const second = String(
		emulator.conversations.find((conversation) => conversation.id !== conversationId)?.id,
	);
	const stop = await bothRequests(
		'stop',
		{ conversationId: byId(conversationId) },
		async (sinch) => {
			await sinch.conversation.conversation.stopActive({ conversation_id: second });
		},
	);
	expect(
		stop.ours.map((call) => ({ ...call, path: call.path.replace(conversationId, 'ID') })),
	).toEqual(stop.theirs.map((call) => ({ ...call, path: call.path.replace(second, 'ID') })));
	const del = await bothRequests(
		'delete',
		{ conversationId: byId(conversationId) },
		async (sinch) => {
			await sinch.conversation.conversation.delete({ conversation_id: second });
		},
	);
	expect(
		del.ours.map((call) => ({ ...call, path: call.path.replace(conversationId, 'ID') })),
	).toEqual(del.theirs.map((call) => ({ ...call, path: call.path.replace(second, 'ID') })));
	expect(del.ours).toHaveLength(1);
});
