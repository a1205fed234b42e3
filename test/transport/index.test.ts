import { parseSinchError } from '../../nodes/SinchConversation/helpers/sinchErrors';
import { startEmulator } from '../emulator';
import { logLines, runNode } from '../harness/engine';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { appRequests, emulatorCredentials, smsApp } from '../harness/setup';

const emulator = emulatorPerFile();

const create = async () =>
	await runNode({ credentials: emulatorCredentials(emulator), parameters: smsApp() });

describe('Sinch error bodies become NodeApiErrors with a hint', () => {
	test('the wrapped shape', async () => {
		emulator.failNext({
			status: 400,
			pathIncludes: '/apps',
			body: {
				error: {
					code: 400,
					message: 'display_name too odd',
					status: 'INVALID_ARGUMENT',
					details: [],
				},
			},
		});
		const { error } = await create();
		expect(error?.message).toBe(
			'Sinch answered 400 INVALID_ARGUMENT: display_name too odd. Sinch rejected the request body; the message names the field to correct.',
		);
		expect(error?.httpCode).toBe('400');
		expect(error?.context?.itemIndex).toBe(0);
	});

	test('the flat shape', async () => {
		emulator.failNext({
			status: 403,
			pathIncludes: '/apps',
			body: { code: 403, message: 'Billing blocked', status: 'BILLING_CREDIT_LIMIT_BREACHED' },
		});
		const { error } = await create();
		expect(error?.message).toBe(
			'Sinch answered 403 BILLING_CREDIT_LIMIT_BREACHED: Billing blocked. The key may not be allowed for this project, or the project is blocked by billing. Check the Project ID and the key.',
		);
	});

	test('the gateway shape, with a Retry-After too long to wait: not retried, the wait in the description', async () => {
		emulator.failNext({
			status: 429,
			pathIncludes: '/apps',
			retryAfter: 120,
			body: {
				type: 'https://errors.example/rate',
				title: 'Too Many Requests',
				detail: 'bucket empty',
			},
		});
		const { error } = await create();
		expect(error?.message).toBe(
			"Sinch answered 429: Too Many Requests. Sinch is rate limiting the project; the node tried once: Sinch asks to wait 120 seconds more, then run the item again, or lower Max Concurrent Requests in the node's Options.",
		);
		expect(error?.description).toBe(
			'bucket empty. Sinch refused the request with 429 (rate limited) once, and did nothing with it. The node stopped retrying',
		);
		expect(appRequests(emulator)).toHaveLength(1);
	});

	test('404 on a create points at the project and address, not at an app ID', async () => {
		emulator.failNext({ status: 404, pathIncludes: '/apps' });
		const { error } = await create();
		expect(error?.message).toMatch(
			/^Sinch answered 404 NOT_FOUND.*check the Project ID, the Region, and for a custom region the Base URL/,
		);
		expect(error?.message).not.toMatch(/ID, and that/);
	});

	test('an empty body still names the status; a read may simply be tried again', async () => {
		emulator.failNext({ status: 502, pathIncludes: '/apps', body: '' });
		const { error } = await runNode({
			credentials: emulatorCredentials(emulator),
			parameters: { resource: 'app', operation: 'getAll', returnAll: true },
		});
		expect(error?.message).toBe('Sinch answered 502. Sinch had a server error; try again later.');
	});

	test('a server error on a create says the app may exist, instead of "try again"', async () => {
		emulator.failNext({ status: 502, pathIncludes: '/apps', body: '' });
		const { error } = await create();
		expect(error?.message).toBe('Sinch answered 502. The app may or may not have been created.');
		expect(error?.description).toMatch(
			/^Sinch may have created the app before the failure\. A create is not idempotent/,
		);
	});

	test('unit: every shape parses', () => {
		expect(
			parseSinchError(
				400,
				'{"error":{"message":"m","status":"S","details":[{"type_url":"t","value":"v"}]}}',
			),
		).toEqual({
			httpStatus: 400,
			status: 'S',
			message: 'm',
			details: 'v',
		});
		expect(
			parseSinchError(401, { error: 'invalid_client', error_description: 'bad key' }).message,
		).toBe('bad key');
		expect(parseSinchError(500, '<html>oops</html>').message).toBe('oops');
		expect(
			parseSinchError(
				502,
				'<html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1></body></html>',
			).message,
		).toBe('502 Bad Gateway');
		expect(parseSinchError(500, 'x'.repeat(5000)).message!.length).toBeLessThanOrEqual(300);
	});
});

describe('a create is never repeated', () => {
	test('a 500 after the app was made: one request, one app, an error', async () => {
		emulator.failNext({ status: 500, pathIncludes: '/apps', afterProcessing: true });
		const { error } = await create();
		expect(error?.message).toMatch(/^Sinch answered 500/);
		expect(appRequests(emulator)).toHaveLength(1);
		expect(emulator.apps).toHaveLength(1);
	});

	test("a refused connection on a create keeps n8n's own message: nothing reached Sinch", async () => {
		const closed = await startEmulator();
		await closed.close();
		const { error } = await runNode({
			credentials: emulatorCredentials(closed, { authentication: 'basic' }),
			parameters: smsApp(),
		});
		expect(error?.message).toBe('The service refused the connection - perhaps it is offline');
		expect(error?.description ?? '').not.toContain('may have created');
	});

	test('a dropped connection: one request, an error that says no answer came', async () => {
		emulator.dropNext({ pathIncludes: '/apps', afterProcessing: true });
		const { error } = await create();
		expect(error?.message).toBe(
			'No answer from Sinch to the create: the connection closed or timed out, so the app may or may not exist now',
		);
		expect(error?.description).toMatch(
			/before running this item again, look for the display name with App → Get Many/,
		);
		expect(appRequests(emulator)).toHaveLength(1);
		expect(emulator.apps).toHaveLength(1);
	});
});

describe('secrets stay out of messages, outputs and logs', () => {
	test('a Sinch message that echoes a channel token is redacted', async () => {
		emulator.failNext({
			status: 400,
			pathIncludes: '/apps',
			body: {
				error: {
					code: 400,
					message: 'token sms-token-123 is not valid',
					status: 'INVALID_ARGUMENT',
				},
			},
		});
		const { error } = await create();
		expect(error?.message).toContain('token *** is not valid');
		// n8n itself serialises the node with its parameters; everything our error adds must be clean.
		const ours = JSON.parse(JSON.stringify(error)) as Record<string, unknown>;
		delete ours.node;
		expect(JSON.stringify(ours)).not.toContain('sms-token-123');
	});

	test("no run above wrote a key secret, an access token or a channel token to n8n's log", () => {
		const log = logLines.join('\n');
		expect(log.length).toBeGreaterThan(0);
		for (const secret of [emulator.keySecret, 'sms-token-123']) expect(log).not.toContain(secret);
		expect(log).not.toMatch(/Bearer [A-Za-z0-9._-]{8,}/);
	});
});
