import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Emulator } from '../emulator';
import { runNode } from '../harness/engine';
import { emulatorApi } from '../harness/emulatorApi';
import { emulatorCredentials } from '../harness/setup';

/** Runs the Contact resource's operation through n8n's engine against the emulator. */
export const runContact = async (
	emulator: Emulator,
	operation: string,
	parameters: INodeParameters,
	options: { items?: IDataObject[]; onError?: 'continueErrorOutput' } = {},
) =>
	await runNode({
		parameters: { resource: 'contact', operation, ...parameters },
		items: options.items,
		onError: options.onError,
		credentials: emulatorCredentials(emulator),
	});

/** A contact made straight in the emulator (not through the node). */
export const seedContact = async (emulator: Emulator, fields: IDataObject = {}) =>
	await emulatorApi(emulator, 'POST', '/contacts', {
		channel_identities: [{ channel: 'SMS', identity: '46701112233' }],
		language: 'EN_US',
		...fields,
	});

/** The contact requests the emulator received (method, path, query, body), token requests left out. */
export const contactCalls = (emulator: Emulator) =>
	emulator.requests
		.filter((request) => request.path.includes('/contacts'))
		.map(({ method, path, query, body }) => ({ method, path, query, body }));

/** A resource locator value By ID. */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** An app made straight in the emulator with SMS, WhatsApp and Messenger. */
export const seedApp = async (emulator: Emulator, processingMode = 'CONVERSATION') =>
	await emulatorApi(emulator, 'POST', '/apps', {
		display_name: 'Support',
		processing_mode: processingMode,
		channel_credentials: [
			{ channel: 'SMS', static_bearer: { claimed_identity: 'plan', token: 'sms-token' } },
			{ channel: 'WHATSAPP', static_bearer: { claimed_identity: 'wa', token: 'wa-token' } },
			{ channel: 'MESSENGER', static_token: { token: 'fb-token' } },
		],
	});
