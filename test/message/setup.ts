import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Emulator } from '../emulator';
import { seedApp } from '../harness/setup';

/** Channel credentials of the channels the message tests send on. */
export const CHANNEL_ENTRIES: Record<string, IDataObject> = {
	SMS: { channel: 'SMS', static_bearer: { claimed_identity: 'plan-1', token: 'sms-token-1' } },
	WHATSAPP: {
		channel: 'WHATSAPP',
		static_bearer: { claimed_identity: 'wa-sender', token: 'wa-token-1' },
	},
	RCS: { channel: 'RCS', static_bearer: { claimed_identity: 'rcs-agent', token: 'rcs-token-1' } },
	MESSENGER: { channel: 'MESSENGER', static_token: { token: 'page-token-1' } },
};

/** An app on the emulator with these channels, in this order. */
export async function messagingApp(
	emulator: Emulator,
	channels: string[] = ['WHATSAPP', 'SMS'],
	fields: IDataObject = {},
): Promise<IDataObject> {
	return await seedApp(emulator, {
		display_name: 'Messaging',
		channel_credentials: channels.map((channel) => CHANNEL_ENTRIES[channel]),
		...fields,
	});
}

/** The Send's parameters: to channel identities of `appId`, with the message fields given. */
export function sendParameters(
	appId: string,
	message: INodeParameters,
	identities: Array<{ channel: string; identity: string }> = [
		{ channel: 'WHATSAPP', identity: '46701112233' },
	],
): INodeParameters {
	return {
		resource: 'message',
		operation: 'send',
		appId: { __rl: true, mode: 'id', value: appId },
		recipientType: 'identities',
		channelIdentities: { identity: identities },
		...message,
	};
}

export const sendRequests = (emulator: Emulator) =>
	emulator.requests.filter((request) => request.path.endsWith('/messages:send'));
export const appReads = (emulator: Emulator) =>
	emulator.requests.filter(
		(request) => request.method === 'GET' && request.path.includes('/apps/'),
	);
