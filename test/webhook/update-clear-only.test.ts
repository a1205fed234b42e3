/**
 * Webhook → Update that only clears a field (Remove Client Credentials): Sinch's update body is required and is a
 * webhook, whose target is required, so the node sends a JSON body with the webhook's current target while
 * update_mask names only the cleared field. Compared with Sinch's Node SDK, which always sends a body.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Webhook } from '../emulator';
import { runNode } from '../harness/engine';
import { emulatorApi } from '../harness/emulatorApi';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { sdkClient } from '../harness/sdk';
import { emulatorCredentials } from '../harness/setup';

const emulator = emulatorPerFile();
const api = (method: string, path: string, body?: object) =>
	emulatorApi(emulator, method, path, body);

test('Remove Client Credentials sends the current target as JSON, with a mask of client_credentials only', async () => {
	const app = await api('POST', '/apps', {
		display_name: 'Hooks',
		channel_credentials: [
			{ channel: 'SMS', static_bearer: { claimed_identity: 'plan', token: 't' } },
		],
	});
	const webhook = (await api('POST', '/webhooks', {
		app_id: app.id,
		target: 'https://hooks.example.com/sinch?key=abc',
		target_type: 'HTTP',
		triggers: ['MESSAGE_INBOUND'],
		client_credentials: {
			client_id: 'client-1',
			client_secret: 'client-secret-1',
			endpoint: 'https://auth.example.com/token',
		},
	})) as unknown as Webhook;
	const mark = emulator.requests.length;

	const { outputs, error } = await runNode({
		parameters: {
			resource: 'webhook',
			operation: 'update',
			webhookId: { __rl: true, mode: 'id', value: webhook.id },
			updateFields: { removeClientCredentials: true },
		},
		credentials: emulatorCredentials(emulator),
	});
	expect(error).toBeUndefined();
	expect(outputs[0][0].json.client_credentials).toBeUndefined();
	const patch = emulator.requests.slice(mark).find((request) => request.method === 'PATCH')!;
	expect(patch.query).toEqual({ update_mask: 'client_credentials' });
	expect(patch.headers['content-type']).toMatch(/^application\/json/);
	expect(patch.body).toEqual({ target: 'https://hooks.example.com/sinch?key=abc' });
	expect(emulator.webhooks[0]).toMatchObject({
		target: 'https://hooks.example.com/sinch?key=abc',
		triggers: ['MESSAGE_INBOUND'],
	});
	expect(emulator.webhooks[0].client_credentials).toBeUndefined();

	// The SDK, given the same change, sends the same query and body.
	await sdkClient(emulator).conversation.webhooks.update({
		webhook_id: webhook.id,
		update_mask: ['client_credentials'],
		webhookUpdateRequestBody: { target: 'https://hooks.example.com/sinch?key=abc' },
	});
	const fromSdk = emulator.requests.at(-1)!;
	expect(fromSdk.method).toBe('PATCH');
	expect(fromSdk.query).toEqual(patch.query);
	expect(fromSdk.body as IDataObject).toEqual(patch.body);
});
