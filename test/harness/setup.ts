import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { Emulator, RequestLogEntry } from '../emulator';
import { newCredentialsHelper } from './engine';
import { emulatorApi } from './emulatorApi';

/** The credential a user fills in for the emulator: region Custom, its URLs, its key. */
export function emulatorCredential(
	emulator: Emulator,
	overrides: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return {
		projectId: emulator.projectId,
		keyId: emulator.keyId,
		keySecret: emulator.keySecret,
		region: 'custom',
		baseUrl: emulator.url,
		tokenUrl: emulator.tokenUrl,
		authentication: 'oAuth2',
		...overrides,
	};
}

export function emulatorCredentials(
	emulator: Emulator,
	overrides: ICredentialDataDecryptedObject = {},
) {
	return newCredentialsHelper(emulatorCredential(emulator, overrides));
}

export const smsApp = (name = 'Demo SMS App') => ({
	resource: 'app',
	operation: 'create',
	displayName: name,
	channelCredentials: {
		entries: [{ channel: 'SMS', smsServicePlanId: 'plan-1', smsApiToken: 'sms-token-123' }],
	},
});

/** Requests to the App endpoints, leaving out token requests. */
export const appRequests = (emulator: Emulator) =>
	emulator.requests.filter((r) => r.path.includes('/apps'));
export const tokenRequests = (emulator: Emulator) =>
	emulator.requests.filter((r) => r.path === '/oauth2/token');

/** Creates an app straight in the emulator (Basic auth), not through the node, and returns it as Sinch answers. */
export const seedApp = async (emulator: Emulator, body: object) =>
	await emulatorApi(emulator, 'POST', '/apps', body);

/** API requests (token requests left out) received after `since`, as method, path, query and body. */
export const apiCalls = (emulator: Emulator, since = 0) =>
	emulator.requests
		.slice(since)
		.filter((request) => request.path !== '/oauth2/token')
		.map(({ method, path, query, body }) => ({ method, path, query, body }));

/** The most requests the emulator was handling at once. */
export function peakInFlight(requests: readonly RequestLogEntry[]): number {
	const events = requests.flatMap((r) => [
		[r.receivedAt, 1],
		[r.answeredAt ?? Infinity, -1],
	]);
	events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	let now = 0;
	let peak = 0;
	for (const [, change] of events) peak = Math.max(peak, (now += change));
	return peak;
}
