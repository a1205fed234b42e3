import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import type { Emulator } from '../emulator';
import { runNode } from '../harness/engine';
import { emulatorCredentials } from '../harness/setup';
import { messagingApp } from '../message/setup';

/** An app in CONVERSATION mode (Sinch keeps conversations for it) with SMS and WhatsApp. */
export async function conversationApp(emulator: Emulator, name = 'Support'): Promise<string> {
	const app = await messagingApp(emulator, ['SMS', 'WHATSAPP'], {
		display_name: name,
		processing_mode: 'CONVERSATION',
	});
	return String(app.id);
}

/** A contact writes to the app: Sinch makes (or goes on with) their conversation. Answers its ID. */
export async function inbound(
	emulator: Emulator,
	appId: string,
	identity: string,
	text = 'Hello',
	channel = 'SMS',
): Promise<{ conversationId: string; contactId: string }> {
	const { message } = await emulator.receive({ appId, channel, identity, text });
	return {
		conversationId: String(message.conversation_id),
		contactId: String(message.contact_id),
	};
}

export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

export const runConversation = async (
	emulator: Emulator,
	operation: string,
	parameters: INodeParameters,
	items?: IDataObject[],
	onError?: INode['onError'],
) =>
	await runNode({
		parameters: { resource: 'conversation', operation, ...parameters },
		items,
		credentials: emulatorCredentials(emulator),
		onError,
	});

export const conversationCalls = (emulator: Emulator) =>
	emulator.requests
		.filter((request) => request.path.includes('/conversations'))
		.map(({ method, path, query, body }) => ({ method, path, query, body }));
