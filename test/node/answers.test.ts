/**
 * Issue 9: answers the node can trust. Every operation meets what proxies, gateways and networks do (a login page
 * where JSON was expected, a body cut off, an answer that never comes), with continue-on-fail off and on.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeParameters,
} from 'n8n-workflow';

import {
	ANY_OBJECT,
	checkAnswer,
	listUnder,
	objectWith,
} from '../../nodes/SinchConversation/helpers/sinchAnswer';
import { retryAfterMs, retryWait } from '../../nodes/SinchConversation/transport/rateLimit';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { type FaultRequest } from '../emulator';
import { pressTest } from '../harness/credential-test';
import { credentialType, runNode } from '../harness/engine';
import {
	appRequests,
	emulatorCredential,
	emulatorCredentials,
	seedApp,
	smsApp,
	tokenRequests,
} from '../harness/setup';

const emulator = emulatorPerFile();

const SMS_BODY = {
	display_name: 'Seeded',
	channel_credentials: [
		{ channel: 'SMS', static_bearer: { claimed_identity: 'plan-1', token: 'sms-secret-token' } },
	],
};

const seed = async () => String((await seedApp(emulator, SMS_BODY)).id);

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const fast = { timeout: 1 };

interface Operation {
	name: string;
	method: string;
	parameters: (appId: string) => INodeParameters;
	/** Whether the failing request can have changed something at Sinch. */
	changes: boolean;
}

const OPERATIONS: Operation[] = [
	{
		name: 'create',
		method: 'POST',
		parameters: () => ({ ...smsApp('Made'), options: fast }),
		changes: true,
	},
	{
		name: 'get',
		method: 'GET',
		parameters: (id) => ({ resource: 'app', operation: 'get', appId: byId(id), options: fast }),
		changes: false,
	},
	{
		name: 'getAll',
		method: 'GET',
		parameters: () => ({ resource: 'app', operation: 'getAll', returnAll: true, options: fast }),
		changes: false,
	},
	{
		name: 'update',
		method: 'PATCH',
		parameters: (id) => ({
			resource: 'app',
			operation: 'update',
			appId: byId(id),
			updateFields: { displayName: 'Renamed' },
			options: fast,
		}),
		changes: true,
	},
	{
		name: 'delete',
		method: 'DELETE',
		parameters: (id) => ({ resource: 'app', operation: 'delete', appId: byId(id), options: fast }),
		changes: true,
	},
];

const LOGIN_PAGE =
	'<!DOCTYPE html><html><head><title>Corporate Proxy – Sign in</title><style>body{color:red}</style></head><body><h1>Please sign in</h1>' +
	'<p>' +
	'lorem ipsum '.repeat(2000) +
	'</p></body></html>';

interface Fault {
	name: string;
	arm: (method: string) => FaultRequest;
	/** The message for an operation that reads, and for one that may have changed something. */
	message: (changes: boolean, op: string) => RegExp;
}

const FAULTS: Fault[] = [
	{
		name: 'an HTML login page with 200',
		arm: (method) => ({
			kind: 'fail',
			status: 200,
			method,
			pathIncludes: '/apps',
			body: LOGIN_PAGE,
			contentType: 'text/html; charset=utf-8',
		}),
		message: (changes, op) =>
			new RegExp(
				`^The answer \\(200, text/html\\) is not from the Sinch API: "Corporate Proxy – Sign in"${op === 'create' ? '\\. The app may or may not have been created$' : '$'}`,
			),
	},
	{
		name: 'JSON of another shape with 200',
		arm: (method) => ({
			kind: 'fail',
			status: 200,
			method,
			pathIncludes: '/apps',
			body: { status: 'ok' },
		}),
		message: () =>
			/^Sinch answered 200 with JSON that is not (an app|a list of apps|an empty JSON object)|^Sinch answered 200 with JSON that is not/,
	},
	{
		name: 'a 200 whose body a proxy cut off',
		arm: (method) => ({ kind: 'truncate', method, pathIncludes: '/apps', destroy: false }),
		message: (_, op) =>
			new RegExp(
				`^The answer from Sinch \\(200, application/json\\) broke off after \\d+ characters: no complete answer came${op === 'create' ? '\\. The app may or may not have been created' : ''}`,
			),
	},
	{
		name: 'a half-sent answer (headers, part of the body, then the connection is gone)',
		arm: (method) => ({ kind: 'truncate', method, pathIncludes: '/apps' }),
		message: (_, op) =>
			op === 'create'
				? /^No answer from Sinch to the create: the connection closed or timed out, so the app may or may not exist now$/
				: /^No complete answer from Sinch: the connection closed before the answer was complete/,
	},
	{
		name: 'an answer that never comes (Timeout 1 second)',
		arm: (method) => ({ kind: 'hang', method, pathIncludes: '/apps' }),
		message: (_, op) =>
			new RegExp(
				`^No answer from Sinch within 1 second \\(the node's Timeout option\\)${op === 'create' ? ', so the app may or may not exist now$' : '$'}`,
			),
	},
];

const nonDeleteDelete = (op: string, fault: Fault) =>
	op === 'delete' && fault.name.startsWith('JSON of another shape');

describe.each(OPERATIONS)('$name', (op) => {
	describe.each(FAULTS.filter((fault) => !nonDeleteDelete(op.name, fault)))('$name', (fault) => {
		test.each([undefined, 'continueErrorOutput'] as Array<INode['onError']>)(
			'onError %s: an error, not a success',
			async (onError) => {
				const appId = await seed();
				const before = emulator.requests.length;
				emulator.addFault(fault.arm(op.method));
				const { outputs, error } = await runNode({
					credentials: emulatorCredentials(emulator),
					parameters: op.parameters(appId),
					onError,
				});
				const message = onError ? String(outputs[1]?.[0]?.json.error) : String(error?.message);
				expect(message).toMatch(fault.message(op.changes, op.name));
				expect(message.length).toBeLessThan(520);
				if (onError) {
					expect(outputs[0]).toEqual([]);
					expect(outputs[1]).toHaveLength(1);
					expect(outputs[1][0].pairedItem).toEqual({ item: 0 });
					expect(String(outputs[1][0].json.details).length).toBeLessThanOrEqual(1200);
					if (op.name === 'create')
						expect(outputs[1][0].json.details).toMatch(/Sinch may have created the app/);
				} else {
					expect(outputs).toEqual([]);
					expect(error?.context?.itemIndex).toBe(0);
					if (op.name === 'create')
						expect(error?.description).toMatch(/Sinch may have created the app/);
				}
				// One request of the kind that met the fault: nothing is repeated.
				const sent = emulator.requests
					.slice(before)
					.filter((request) => request.method === op.method && request.path.includes('/apps'));
				expect(sent.filter((request) => request.faults.length > 0)).toHaveLength(1);
				expect(sent).toHaveLength(1);
				if (op.name === 'delete' && fault.arm('DELETE').kind === 'fail')
					expect(emulator.apps.map((app) => app.id)).toContain(appId);
			},
		);
	});
});

describe('error bodies', () => {
	test("a gateway's 502 page becomes its title, not raw HTML", async () => {
		emulator.failNext({
			status: 502,
			pathIncludes: '/apps',
			body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>',
			contentType: 'text/html',
		});
		const { error } = await runNode({
			credentials: emulatorCredentials(emulator),
			parameters: { resource: 'app', operation: 'getAll', returnAll: true },
		});
		expect(error?.message).toBe(
			'Sinch answered 502: 502 Bad Gateway. Sinch had a server error; try again later.',
		);
		expect(error?.message).not.toMatch(/</);
	});

	test('a page without a title becomes its first words, tags and scripts stripped', async () => {
		emulator.failNext({
			status: 503,
			pathIncludes: '/apps',
			body: '<html><script>var x = 1;</script><body><div>Service   temporarily\n unavailable &amp; more</div></body></html>',
			contentType: 'text/html',
		});
		const { error } = await runNode({
			credentials: emulatorCredentials(emulator),
			parameters: { resource: 'app', operation: 'getAll', returnAll: true },
		});
		expect(error?.message).toBe(
			'Sinch answered 503: Service temporarily unavailable & more. Sinch had a server error; try again later.',
		);
	});

	test('a 200 KB Sinch message is cut to a sensible length, in the message and the description', async () => {
		const huge = 'x'.repeat(200_000);
		emulator.failNext({
			status: 400,
			pathIncludes: '/apps',
			body: {
				error: { code: 400, message: huge, status: 'INVALID_ARGUMENT', details: [{ value: huge }] },
			},
		});
		const { error } = await runNode({
			credentials: emulatorCredentials(emulator),
			parameters: smsApp(),
		});
		expect(error?.message).toMatch(/^Sinch answered 400 INVALID_ARGUMENT: x+…/);
		expect(error!.message.length).toBeLessThanOrEqual(500);
		expect(String(error?.description).length).toBeLessThanOrEqual(1200);
	});

	test('a 404 on Get Many points at the project and address, not at an app ID', async () => {
		emulator.failNext({ status: 404, pathIncludes: '/apps' });
		const { error } = await runNode({
			credentials: emulatorCredentials(emulator),
			parameters: { resource: 'app', operation: 'getAll', returnAll: true },
		});
		expect(error?.message).toMatch(
			/check the Project ID, the Region, and for a custom region the Base URL/,
		);
	});

	test('a slow answer within the Timeout is a success', async () => {
		emulator.delayNext({ ms: 300, pathIncludes: '/apps' });
		const { error, outputs } = await runNode({
			credentials: emulatorCredentials(emulator),
			parameters: { ...smsApp(), options: { timeout: 2 } },
		});
		expect(error).toBeUndefined();
		expect(outputs[0]).toHaveLength(1);
	});
});

describe('credential slips are caught before anything is sent', () => {
	const SLIPS: Array<[string, ICredentialDataDecryptedObject, RegExp]> = [
		[
			'an empty Project ID',
			{ projectId: '  ' },
			/^The Project ID of the Sinch credential is empty/,
		],
		[
			'a Project ID with a slash',
			{ projectId: 'abc/def' },
			/^The Project ID of the Sinch credential contains spaces, slashes/,
		],
		['an empty Base URL', { baseUrl: ' ' }, /^The Base URL of the Sinch credential is empty/],
		[
			'a Base URL that is no URL',
			{ baseUrl: 'us.conversation.api.sinch.com' },
			/^The Base URL "us\.conversation\.api\.sinch\.com" of the Sinch credential is not a URL/,
		],
		[
			'a Base URL ending in /v1',
			{ baseUrl: 'http://127.0.0.1:1/v1' },
			/^The Base URL "http:\/\/127\.0\.0\.1:1\/v1" of the Sinch credential carries an API path \(\/v1\)/,
		],
		[
			'a Base URL with the project path',
			{ baseUrl: 'http://127.0.0.1:1/v1/projects/p/apps' },
			/carries an API path/,
		],
		[
			'a Base URL of the token service',
			{ baseUrl: 'http://127.0.0.1:1/oauth2/token' },
			/Base URL .* carries an API path \(\/oauth2\/token\)/,
		],
		[
			'a Token URL of the Conversation API',
			{ tokenUrl: 'http://127.0.0.1:1/v1/projects' },
			/^The Token URL of the Sinch credential points at the Conversation API/,
		],
		[
			'a Token URL that is no URL',
			{ tokenUrl: 'auth.sinch.com' },
			/^The Token URL "auth\.sinch\.com" of the Sinch credential is not a URL/,
		],
		['an empty Key Secret', { keySecret: '' }, /^The Key Secret of the Sinch credential is empty/],
	];

	test.each(SLIPS)(
		'%s: the node names it, sends nothing and asks for no token',
		async (_, overrides, message) => {
			const { error } = await runNode({
				credentials: emulatorCredentials(emulator, overrides),
				parameters: smsApp(),
			});
			expect(error?.message).toMatch(message);
			expect(error?.description).toMatch(/Nothing was sent to Sinch/);
			expect(emulator.requests).toEqual([]);
		},
	);

	test.each(SLIPS)(
		'%s: continue-on-fail puts it on the error output, nothing sent',
		async (_, overrides, message) => {
			const { outputs } = await runNode({
				credentials: emulatorCredentials(emulator, overrides),
				parameters: smsApp(),
				onError: 'continueErrorOutput',
				items: [{}, {}],
			});
			expect(outputs[1].map((item) => [item.pairedItem, String(item.json.error)])).toEqual([
				[{ item: 0 }, expect.stringMatching(message)],
				[{ item: 1 }, expect.stringMatching(message)],
			]);
			expect(emulator.requests).toEqual([]);
		},
	);

	test.each(SLIPS)(
		'%s: the credential Test says the same, sends nothing',
		async (_, overrides, message) => {
			const result = await pressTest(emulatorCredential(emulator, overrides));
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(message);
			expect(emulator.requests).toEqual([]);
		},
	);

	test.each(SLIPS.slice(0, 2))(
		'%s: Basic auth is checked too (node and Test)',
		async (_, overrides, message) => {
			const { error } = await runNode({
				credentials: emulatorCredentials(emulator, { ...overrides, authentication: 'basic' }),
				parameters: smsApp(),
			});
			expect(error?.message).toMatch(message);
			expect(
				(await pressTest(emulatorCredential(emulator, { ...overrides, authentication: 'basic' })))
					.message,
			).toMatch(message);
			expect(emulator.requests).toEqual([]);
		},
	);

	test('spaces around the Project ID, Base URL and key are trimmed, not sent', async () => {
		const credentials = emulatorCredentials(emulator, {
			projectId: `  ${emulator.projectId} `,
			baseUrl: ` ${emulator.url}/ `,
			keyId: ` ${emulator.keyId}`,
			keySecret: `${emulator.keySecret} `,
		});
		const { error } = await runNode({ credentials, parameters: smsApp() });
		expect(error).toBeUndefined();
		expect(appRequests(emulator).map((request) => request.path)).toEqual([
			`/v1/projects/${emulator.projectId}/apps`,
		]);
		expect(tokenRequests(emulator)).toHaveLength(1);
		expect(
			(
				await pressTest(
					emulatorCredential(emulator, {
						projectId: ` ${emulator.projectId} `,
						keySecret: ` ${emulator.keySecret}`,
					}),
				)
			).status,
		).toBe('OK');
	});

	test('a {region} placeholder in the Base URL is not refused', async () => {
		const { error } = await runNode({
			credentials: emulatorCredentials(emulator, { baseUrl: 'http://{region}.localhost:1' }),
			parameters: smsApp(),
		});
		expect(String(error?.message)).not.toMatch(/of the Sinch credential/);
	});
});

describe('the token request', () => {
	test('has a timeout of its own, and a timeout says so', async () => {
		const seen: IDataObject[] = [];
		const helpers = {
			httpRequest: async (options: IDataObject) => {
				seen.push(options);
				throw Object.assign(new Error('timeout of 30000ms exceeded'), { code: 'ECONNABORTED' });
			},
		};
		const call = credentialType.preAuthentication!.call(
			{ helpers } as never,
			emulatorCredential(emulator) as never,
		);
		await expect(call).rejects.toThrow(
			`The Sinch token URL ${emulator.tokenUrl} did not answer within 30 seconds`,
		);
		expect(seen[0].timeout).toBe(30_000);
	});
});

const APPS = listUnder('apps', 'a list of apps');
const APP = objectWith('an app');
const WEBHOOK = objectWith('a webhook');

describe('unit: answer shapes and waits', () => {
	test('checkAnswer', () => {
		expect(checkAnswer(APPS, 200, 'application/json', '{}')).toEqual({ ok: true, value: {} });
		expect(checkAnswer(APPS, 200, 'application/json', '{"apps":[]}').ok).toBe(true);
		expect(checkAnswer(APPS, 200, 'application/json', '{"apps":{}}').ok).toBe(false);
		expect(checkAnswer(APP, 200, 'application/json', '{"id":""}').ok).toBe(false);
		expect(checkAnswer(WEBHOOK, 200, 'application/json', '{"id":"w1"}').ok).toBe(true);
		expect(checkAnswer(ANY_OBJECT, 200, 'application/json', '{}').ok).toBe(true);
		expect(checkAnswer(ANY_OBJECT, 204, '', '').ok).toBe(true);
		expect(checkAnswer(ANY_OBJECT, 200, 'application/json', '')).toMatchObject({
			ok: false,
			problem: expect.stringMatching(/empty body/),
		});
		expect(checkAnswer(ANY_OBJECT, 200, 'application/json', '[]')).toMatchObject({
			ok: false,
			problem: expect.stringMatching(/not an object/),
		});
		expect(checkAnswer(APP, 200, 'text/html', '{ looks like json')).toMatchObject({
			ok: false,
			cutOff: false,
		});
	});

	test('retry waits', () => {
		const now = Date.parse('2026-01-01T00:00:00Z');
		expect(retryAfterMs('3')).toBe(3000);
		expect(retryAfterMs('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
		expect(retryAfterMs('soon')).toBeUndefined();
		expect(retryWait(1, '')).toEqual({ retry: true, ms: 500, asked: false });
		expect(retryWait(3, '')).toEqual({ retry: true, ms: 2000, asked: false });
		expect(retryWait(4, '')).toEqual({ retry: false, ms: 4000, asked: false });
		expect(retryWait(1, '61')).toEqual({ retry: false, ms: 61_000, asked: true });
	});
});
