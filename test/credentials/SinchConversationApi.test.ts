import { pressTest } from '../harness/credential-test';
import { runNode } from '../harness/engine';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import {
	appRequests,
	emulatorCredential,
	emulatorCredentials,
	smsApp,
	tokenRequests,
} from '../harness/setup';

const emulator = emulatorPerFile({ otherProjects: ['other-project'] });

const basic = (id: string, secret: string) =>
	`Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

describe('Basic authentication', () => {
	test('sends the key pair as Basic auth on every call and asks for no token', async () => {
		const credentials = emulatorCredentials(emulator, { authentication: 'basic' });
		const { outputs, error } = await runNode({
			credentials,
			parameters: smsApp(),
			items: [{}, {}],
		});
		expect(error).toBeUndefined();
		expect(outputs[0]).toHaveLength(2);
		expect(tokenRequests(emulator)).toHaveLength(0);
		const calls = appRequests(emulator);
		expect(calls).toHaveLength(2);
		for (const call of calls) {
			expect(call.method).toBe('POST');
			expect(call.path).toBe(`/v1/projects/${emulator.projectId}/apps`);
			expect(call.headers.authorization).toBe(basic(emulator.keyId, emulator.keySecret));
			expect(call.headers['content-type']).toMatch(/^application\/json/);
			expect(call.headers.accept).toBe('application/json');
		}
	});

	test('a wrong secret fails with a hint and is not sent twice', async () => {
		const credentials = emulatorCredentials(emulator, {
			authentication: 'basic',
			keySecret: 'wrong-secret-value',
		});
		const { error } = await runNode({ credentials, parameters: smsApp() });
		expect(error?.message).toMatch(/Sinch answered 401.*Check the Key ID and Key Secret/);
		expect(error?.message).not.toContain('wrong-secret-value');
		expect(appRequests(emulator)).toHaveLength(1);
	});
});

describe('OAuth2 authentication', () => {
	test('fetches a client-credentials token with the key pair, then sends it as Bearer', async () => {
		const credentials = emulatorCredentials(emulator);
		const { error } = await runNode({ credentials, parameters: smsApp() });
		expect(error).toBeUndefined();
		const [token] = tokenRequests(emulator);
		expect(token.method).toBe('POST');
		expect(token.headers.authorization).toBe(basic(emulator.keyId, emulator.keySecret));
		expect(token.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(token.body).toBe('grant_type=client_credentials');
		const [create] = appRequests(emulator);
		expect(create.headers.authorization).toMatch(/^Bearer \S+$/);
		expect(create.headers.authorization).toBe(
			`Bearer ${String(credentials.saved.get('cred-1')?.accessToken)}`,
		);
	});

	test('50 items share exactly one token request', async () => {
		const credentials = emulatorCredentials(emulator);
		const items = Array.from({ length: 50 }, (_, i) => ({ i }));
		const { outputs, error } = await runNode({ credentials, parameters: smsApp(), items });
		expect(error).toBeUndefined();
		expect(outputs[0]).toHaveLength(50);
		expect(emulator.tokenRequests()).toBe(1);
		const bearers = new Set(appRequests(emulator).map((r) => r.headers.authorization));
		expect(bearers.size).toBe(1);
		expect(appRequests(emulator)).toHaveLength(50);
	});

	test('the stored token is reused by the next execution', async () => {
		const credentials = emulatorCredentials(emulator);
		await runNode({ credentials, parameters: smsApp() });
		await runNode({ credentials, parameters: smsApp() });
		expect(emulator.tokenRequests()).toBe(1);
		expect(appRequests(emulator)).toHaveLength(2);
	});

	test('after Sinch expires the token, exactly one new token is fetched and the item succeeds once', async () => {
		const credentials = emulatorCredentials(emulator);
		await runNode({ credentials, parameters: smsApp('first') });
		const firstToken = credentials.saved.get('cred-1')?.accessToken;
		emulator.expireTokens();

		const { outputs, error } = await runNode({
			credentials,
			parameters: smsApp('second'),
			items: [{}, {}, {}],
		});
		expect(error).toBeUndefined();
		expect(outputs[0]).toHaveLength(3);
		expect(emulator.tokenRequests()).toBe(2);
		const newToken = credentials.saved.get('cred-1')?.accessToken;
		expect(newToken).not.toBe(firstToken);
		const statuses = appRequests(emulator).map((r) => r.status);
		// A stored token holds no request back: each one in flight meets the expiry once (Sinch did nothing), and
		// all of them are sent again with the one new token.
		expect(statuses.filter((s) => s === 401)).toHaveLength(3);
		expect(emulator.apps.filter((app) => app.display_name === 'second')).toHaveLength(3);
	});

	test('a wrong secret says so, names no secret, and sends no API call', async () => {
		const credentials = emulatorCredentials(emulator, { keySecret: 'wrong-secret-value' });
		const { error } = await runNode({ credentials, parameters: smsApp() });
		expect(error?.message).toContain(
			'Sinch did not accept the Key ID and Key Secret when asked for an access token (401)',
		);
		expect(JSON.stringify(error)).not.toContain('wrong-secret-value');
		expect(appRequests(emulator)).toHaveLength(0);
		expect(emulator.tokenRequests()).toBe(1);
	});

	test('an unreachable token URL says which URL and what to check', async () => {
		const credentials = emulatorCredentials(emulator, {
			tokenUrl: 'http://127.0.0.1:1/oauth2/token',
		});
		const { error } = await runNode({ credentials, parameters: smsApp() });
		expect(error?.message).toBe(
			'Could not reach the Sinch token URL http://127.0.0.1:1/oauth2/token. Check the Region (or the Token URL of a custom region) and the network or proxy of n8n.',
		);
	});
});

describe('a key edited after its token was stored', () => {
	/** A credential that has run once (so n8n stored a token), then had its secret edited in the UI. */
	async function usedThenEdited(keySecret: string) {
		const credentials = emulatorCredentials(emulator);
		await runNode({ credentials, parameters: smsApp('before the edit') });
		const stored = credentials.saved.get('cred-1')!;
		expect(stored.accessToken).toEqual(expect.any(String));
		credentials.saved.set('cred-1', { ...stored, keySecret });
		emulator.reset();
		return { credentials, stored: { ...stored, keySecret } };
	}

	test('a wrong secret fails the run: the old token is not sent for it', async () => {
		const { credentials } = await usedThenEdited('edited-wrong-secret');
		const { error } = await runNode({ credentials, parameters: smsApp('after the edit') });
		expect(error?.message).toContain(
			'Sinch did not accept the Key ID and Key Secret when asked for an access token (401)',
		);
		// One call without a token (Sinch answers 401), then n8n asks for a token with the edited secret, which fails.
		expect(
			emulator.requests.map((r) => [
				r.method,
				r.path.replace(/^\/v1\/projects\/[^/]+/, ''),
				r.status,
			]),
		).toEqual([
			['POST', '/apps', 401],
			['POST', '/oauth2/token', 401],
		]);
		expect(emulator.requests[0].headers.authorization).toBeUndefined();
		expect(emulator.apps).toHaveLength(0);
	});

	// Real n8n 2.41.1 kept using the stored token on Test, so a wrong secret passed; this harness fetches a token on
	// every Test (as n8n's code reads), so the regression itself is proven in real n8n by test/e2e/editor.test.ts.
	test('a wrong secret fails the Test button', async () => {
		const { stored } = await usedThenEdited('edited-wrong-secret');
		const result = await pressTest(stored);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			/^Sinch did not accept the Key ID and Key Secret when asked for an access token \(401\)/,
		);
	});

	test('an edit to the right secret costs one refused call and one new token, then works', async () => {
		const { credentials } = await usedThenEdited(emulator.keySecret);
		const before = credentials.saved.get('cred-1')!.accessTokenKey;
		const { error } = await runNode({ credentials, parameters: smsApp('same key') });
		expect(error).toBeUndefined();
		expect(emulator.tokenRequests()).toBe(1);
		expect(appRequests(emulator).map((r) => r.status)).toEqual([401, 200]);
		expect(credentials.saved.get('cred-1')!.accessTokenKey).toBe(before);
	});

	test('a token stored without its key (by an earlier version of the node) is replaced once', async () => {
		const credentials = emulatorCredentials(emulator);
		await runNode({ credentials, parameters: smsApp('first') });
		const older = { ...credentials.saved.get('cred-1')! };
		delete older.accessTokenKey;
		credentials.saved.set('cred-1', older);
		emulator.reset();
		await runNode({ credentials, parameters: smsApp('second') });
		await runNode({ credentials, parameters: smsApp('third') });
		expect(emulator.tokenRequests()).toBe(1);
		expect(appRequests(emulator).map((r) => r.status)).toEqual([401, 200, 200]);
	});
});

describe('the credential Test button', () => {
	test.each(['oAuth2', 'basic'])('passes with a good key (%s)', async (authentication) => {
		const result = await pressTest(emulatorCredential(emulator, { authentication }));
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		const [list] = appRequests(emulator);
		expect(list.method).toBe('GET');
		expect(list.path).toBe(`/v1/projects/${emulator.projectId}/apps`);
		expect(list.status).toBe(200);
	});

	test('a wrong secret (Basic) is reported as a key problem', async () => {
		const result = await pressTest(
			emulatorCredential(emulator, { authentication: 'basic', keySecret: 'nope-nope' }),
		);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Sinch did not accept the Key ID and Key Secret \(401\)/);
	});

	test('a wrong secret (OAuth2) is reported as a key problem, from the token request', async () => {
		const result = await pressTest(emulatorCredential(emulator, { keySecret: 'nope-nope' }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			/^Sinch did not accept the Key ID and Key Secret when asked for an access token/,
		);
		expect(result.message).not.toContain('nope-nope');
	});

	test('a project the key may not use is reported as 403', async () => {
		const result = await pressTest(emulatorCredential(emulator, { projectId: 'other-project' }));
		expect(result).toEqual({
			status: 'Error',
			message: expect.stringMatching(/^This key may not use this project \(403\)/),
		});
	});

	test('an unknown project is reported as a wrong project or region', async () => {
		const result = await pressTest(emulatorCredential(emulator, { projectId: 'no-such-project' }));
		expect(result.message).toMatch(
			/^Sinch does not know this project here \(404\)\. Check the Project ID and the Region/,
		);
	});

	test('the wrong region (a host without the project) is reported as 404', async () => {
		const result = await pressTest(
			emulatorCredential(emulator, { authentication: 'basic', baseUrl: `${emulator.url}/eu/` }),
		);
		expect(result.message).toMatch(/^Sinch does not know this project here \(404\)/);
	});

	test('an unreachable host fails the test', async () => {
		const result = await pressTest(
			emulatorCredential(emulator, { authentication: 'basic', baseUrl: 'http://127.0.0.1:1' }),
		);
		expect(result.status).toBe('Error');
		expect(result.message).toBe('ECONNREFUSED');
	});

	test('an unreachable token URL (OAuth2) names the URL to check', async () => {
		const result = await pressTest(
			emulatorCredential(emulator, { tokenUrl: 'http://127.0.0.1:1/oauth2/token' }),
		);
		expect(result).toEqual({
			status: 'Error',
			message:
				'Could not reach the Sinch token URL http://127.0.0.1:1/oauth2/token. Check the Region (or the Token URL of a custom region) and the network or proxy of n8n.',
		});
	});

	test('a real region builds the Sinch host from the region', async () => {
		const { apiBaseUrl } = await import('../../nodes/SinchConversation/transport/hosts');
		expect(apiBaseUrl({ region: 'eu' })).toBe('https://eu.conversation.api.sinch.com');
		expect(apiBaseUrl({ region: 'custom', baseUrl: ' http://x:1/ ' })).toBe('http://x:1');
	});
});

test("no run in this file wrote the key secret or an access token to n8n's log", async () => {
	const { logLines } = await import('../harness/engine');
	const log = logLines.join('\n');
	expect(log).toContain('Workflow execution finished');
	expect(log).not.toContain(emulator.keySecret);
	expect(log).not.toMatch(/Bearer [A-Za-z0-9._-]{8,}/);
	expect(log).not.toContain('access_token');
});
