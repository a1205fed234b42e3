/**
 * Sinch (or a proxy) may echo the request body, secrets included, in an answer the node shows part of. Secrets are
 * masked before any text is shortened: a secret that straddles the cut must not show even its first characters.
 * Engine runs of App → Create with an MMS API key, against emulator answers that echo the key.
 */
import type { IDataObject } from 'n8n-workflow';

import { MESSAGE_MAX, DESCRIPTION_MAX } from '../../nodes/SinchConversation/helpers/sinchErrors';
import type { FailFault } from '../emulator/types';
import { runNode } from '../harness/engine';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { emulatorCredentials } from '../harness/setup';

const emulator = emulatorPerFile();

// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- made up for the tests, not a secret
const SECRET = 'S3CRET-C20-mms-api-key-0123456789';
/** A key with characters JSON escapes, so an echo carries it as \" and \\. */
const QUOTED_SECRET = 'Q7"quoted\\key-abcdefghijklmnop';

async function createWithKey(apiKey: string) {
	return await runNode({
		parameters: {
			resource: 'app',
			operation: 'create',
			displayName: 'MMS app',
			channelCredentials: {
				entries: [{ channel: 'MMS', mmsAccountId: 'account-1', mmsApiKey: apiKey }],
			},
		},
		credentials: emulatorCredentials(emulator),
	});
}

/** The request body as Sinch would echo it, placed so the key starts `before` characters before `cut`. */
function echoAt(cut: number, before: number, apiKey = SECRET): string {
	const echo = JSON.stringify({
		channel: 'MMS',
		mms_credentials: { account_id: 'account-1', api_key: apiKey },
	});
	const keyAt = echo.indexOf(JSON.stringify(apiKey).slice(1, -1));
	const padding = cut - before - keyAt;
	return `${'x'.repeat(padding - 1)} ${echo}`;
}

/** Everything the user sees of the error, and what n8n keeps of it (but the node's own parameters, n8n's copy). */
function shown(error: (Error & { description?: string }) | undefined): string {
	expect(error).toBeDefined();
	const kept: IDataObject = { ...(error as unknown as IDataObject) };
	delete kept.node;
	return [error!.message, error!.description ?? '', JSON.stringify(kept)].join('\n');
}

/** No piece of the secret of 5 characters or more, from its start (what a cut leaves) or anywhere. */
function expectNoPieceOf(secret: string, text: string) {
	const escaped = JSON.stringify(secret).slice(1, -1);
	for (const form of [secret, escaped]) {
		for (let start = 0; start + 5 <= form.length; start++)
			expect(text).not.toContain(form.slice(start, start + 5));
	}
}

const fail = (fault: Omit<FailFault, 'method'>) =>
	emulator.failNext({ method: 'POST', pathIncludes: '/apps', ...fault });

describe('a secret echoed by an error answer', () => {
	it('in the message, across the cut at MESSAGE_MAX', async () => {
		const message = echoAt(MESSAGE_MAX, 10);
		fail({ status: 400, body: { error: { code: 400, message, status: 'INVALID_ARGUMENT' } } });
		const { error } = await createWithKey(SECRET);
		expect(error?.message).toMatch(/^Sinch answered 400 INVALID_ARGUMENT: x+ /);
		expect(error?.message).toContain('"api_key":"***"');
		expectNoPieceOf(SECRET, shown(error));
	});

	it('in a detail, across the cut of one detail and across the cut of the description', async () => {
		fail({
			status: 400,
			body: {
				error: {
					code: 400,
					message: 'Invalid argument',
					status: 'INVALID_ARGUMENT',
					details: [
						{ description: echoAt(MESSAGE_MAX, 8) },
						{ description: 'y'.repeat(600) },
						{ description: echoAt(DESCRIPTION_MAX - 2 * MESSAGE_MAX, 6) },
					],
				},
			},
		});
		const { error } = await createWithKey(SECRET);
		expect(error?.description).toContain('"api_key":"***"');
		expectNoPieceOf(SECRET, shown(error));
	});

	it('in a proxy page that is not JSON, across the cut of its excerpt', async () => {
		fail({
			status: 502,
			contentType: 'text/plain',
			body: echoAt(200, 7),
		});
		const { error } = await createWithKey(SECRET);
		expect(error?.message).toMatch(/^Sinch answered 502/);
		expectNoPieceOf(SECRET, shown(error));
	});

	it('in a success answer that is not an app, across the cut of its excerpt', async () => {
		const head = '{"echo":"';
		const before = `","api_key":"`;
		const padding = 120 - 9 - head.length - before.length;
		fail({
			status: 200,
			contentType: 'application/json',
			body: `${head}${'x'.repeat(padding)}${before}${SECRET}"}`,
		});
		const { error } = await createWithKey(SECRET);
		expect(error?.message).toMatch(/with JSON that is not an app/);
		expect(error?.message).toContain('"api_key":"***');
		expectNoPieceOf(SECRET, shown(error));
	});

	it('written as JSON writes it, with quotes and backslashes escaped', async () => {
		const message = echoAt(MESSAGE_MAX, 12, QUOTED_SECRET);
		fail({ status: 400, body: { error: { code: 400, message, status: 'INVALID_ARGUMENT' } } });
		const { error } = await createWithKey(QUOTED_SECRET);
		expect(error?.message).toContain('"api_key":"***"');
		expectNoPieceOf(QUOTED_SECRET, shown(error));
	});

	it('in full (no cut), masked as before', async () => {
		fail({
			status: 400,
			body: { error: { code: 400, message: `bad ${SECRET}`, status: 'INVALID_ARGUMENT' } },
		});
		const { error } = await createWithKey(SECRET);
		expect(error?.message).toContain('bad ***');
		expectNoPieceOf(SECRET, shown(error));
		expect((error as unknown as IDataObject).httpCode).toBe('400');
	});
});
