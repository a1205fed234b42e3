/**
 * A credential made from scratch for the emulator (Region Custom, a local Base URL, the emulator's key) and saved
 * without touching Token URL: n8n tests it on save, so its token request must go to the local host, never to Sinch's
 * real token service.
 */
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { tokenUrl } from '../../nodes/SinchConversation/transport/hosts';
import { startEmulator, type Emulator } from '../emulator';
import { pressTest } from '../harness/credential-test';
import { credentialType } from '../harness/engine';
import { appRequests, emulatorCredential, tokenRequests } from '../harness/setup';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator({ regions: ['us', 'eu', 'br'] });
});
afterAll(async () => await emulator.close());
beforeEach(() => emulator.reset());

/** The Token URL as n8n fills it in for a credential whose field was left as it was: the property's default. */
const untouchedTokenUrl = String(
	credentialType.properties.find((p) => p.name === 'tokenUrl')!.default,
);

/** The emulator credential as a user types it from the banner: no Token URL of their own. */
const fromScratch = (baseUrl: string): ICredentialDataDecryptedObject => ({
	...emulatorCredential(emulator, { baseUrl }),
	tokenUrl: untouchedTokenUrl,
});

/** Runs the credential's token request with n8n's request helper replaced by one that records where it went. */
async function tokenRequestTargets(credentials: ICredentialDataDecryptedObject): Promise<string[]> {
	const sent: string[] = [];
	const helper = {
		helpers: {
			httpRequest: async (options: IHttpRequestOptions) => {
				sent.push(String(options.url));
				return { access_token: 'token-from-the-stub' };
			},
		},
	};
	await credentialType.preAuthentication.call(helper as never, credentials);
	return sent;
}

test('the Token URL field starts empty, so nothing points at Sinch before the Base URL is known', () => {
	expect(untouchedTokenUrl).toBe('');
});

test.each([
	['127.0.0.1', (e: Emulator) => e.url],
	['localhost', (e: Emulator) => e.url.replace('127.0.0.1', 'localhost')],
	['a {region} URL', (e: Emulator) => `${e.url}/{region}`],
])(
	'a local Base URL (%s) with Token URL left empty asks the same host, never auth.sinch.com',
	async (_label, base) => {
		const credentials = fromScratch(base(emulator));
		const targets = await tokenRequestTargets(credentials);
		expect(targets).toHaveLength(1);
		expect(targets[0]).not.toMatch(/sinch\.com/);
		expect(new URL(targets[0]).pathname).toBe('/oauth2/token');
		expect(new URL(targets[0]).port).toBe(new URL(emulator.url).port);
	},
);

test('saving such a credential (n8n presses Test) gets its token from the emulator and passes', async () => {
	const result = await pressTest(fromScratch(`${emulator.url}/{region}`));
	expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
	expect(tokenRequests(emulator)).toHaveLength(1);
	expect(appRequests(emulator).map((request) => request.status)).toEqual([200]);
});

test("a Base URL elsewhere keeps Sinch's token service, and a Token URL given is used as it is", () => {
	const custom = (baseUrl: string, tokenUrlGiven = '') =>
		tokenUrl({ region: 'custom', baseUrl, tokenUrl: tokenUrlGiven });
	expect(custom('https://proxy.example.com')).toBe('https://auth.sinch.com/oauth2/token');
	expect(custom('https://127.0.0.1.example.com')).toBe('https://auth.sinch.com/oauth2/token');
	expect(custom('http://127.0.0.1:8787', 'https://auth.sinch.com/oauth2/token/')).toBe(
		'https://auth.sinch.com/oauth2/token',
	);
	expect(custom('http://[::1]:9/{region}')).toBe('http://[::1]:9/oauth2/token');
	expect(tokenUrl({ region: 'eu', baseUrl: 'http://127.0.0.1:1' })).toBe(
		'https://auth.sinch.com/oauth2/token',
	);
});
