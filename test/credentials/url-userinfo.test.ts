/**
 * A Base URL or Token URL with user:password@ would replace the node's authorization (n8n sends it as Basic auth):
 * refused before anything is sent, naming the field, the same in a node run and on the credential's Test button.
 * And a webhook target on Sinch's own API host written with a trailing dot is still Sinch's API host.
 */
import { pressTest } from '../harness/credential-test';
import { newCredentialsHelper, runNode } from '../harness/engine';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { emulatorCredential, smsApp } from '../harness/setup';

const emulator = emulatorPerFile();

const withUser = (url: string) => url.replace('://', '://user:pa55word@');

describe.each([
	['Base URL', () => ({ baseUrl: withUser(emulator.url) })],
	['Token URL', () => ({ tokenUrl: withUser(emulator.tokenUrl) })],
])('%s with user:password@', (label, overrides) => {
	const expected = new RegExp(
		`^The ${label} of the Sinch credential contains a user name or password \\(user:password@\\)`,
	);

	it('stops a node run before any request, naming the field and not the password', async () => {
		const { error } = await runNode({
			parameters: smsApp(),
			credentials: newCredentialsHelper(emulatorCredential(emulator, overrides())),
		});
		expect(error?.message).toMatch(expected);
		expect(`${error?.message} ${error?.description}`).not.toContain('pa55word');
		expect(emulator.requests).toEqual([]);
	});

	it('fails the credential test with the same message', async () => {
		const result = await pressTest(emulatorCredential(emulator, overrides()));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(expected);
		expect(emulator.requests).toEqual([]);
	});
});

test('a webhook target on a Sinch API host with a trailing dot is refused, unsent', async () => {
	const { error } = await runNode({
		parameters: {
			resource: 'webhook',
			operation: 'create',
			appId: { __rl: true, mode: 'id', value: '01HZZZZZZZZZZZZZZZZZZZZZZZ' },
			target: 'https://us.conversation.api.sinch.com./x',
			triggers: ['MESSAGE_INBOUND'],
		},
		credentials: newCredentialsHelper(emulatorCredential(emulator)),
	});
	expect(error?.message).toMatch(/points at Sinch's Conversation API/);
	expect(emulator.requests).toEqual([]);
});
