/**
 * Create App with "On Error" set to continue: good items, items the node refuses before sending, and items Sinch (the
 * emulator, through injected faults) rejects, all in one run. Checks every output item, which output it is on, its
 * pairing with its input item, and what was sent.
 *
 * The emulator applies armed faults to matching requests in the order they arrive, so the items Sinch rejects are the
 * first ones sent in each run.
 */
import type { IDataObject, INode, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { apiCalls, emulatorCredentials } from '../harness/setup';

const emulator = emulatorPerFile();

const appsPath = () => `/v1/projects/${emulator.projectId}/apps`;
const appRequests = () => emulator.requests.filter((request) => request.path === appsPath());

async function create(
	items: IDataObject[],
	onError?: INode['onError'],
	parameters: INodeParameters = PARAMETERS,
) {
	return await runNode({
		credentials: emulatorCredentials(emulator),
		parameters: { resource: 'app', operation: 'create', ...parameters },
		items,
		onError,
	});
}

/** The app as JSON: name and SMS token from the item; a LINE entry added twice (same ordinal, no default) when the item asks for it. */
const PARAMETERS: INodeParameters = {
	specifyBody: 'json',
	jsonBody:
		'={{ { display_name: $json.name, channel_credentials: [{ channel: "SMS", static_bearer: { claimed_identity: "plan", token: $json.token } }].concat($json.twoLines ? [{ channel: "LINE", line_credentials: { token: "a", secret: "b" } }, { channel: "LINE", line_credentials: { token: "c", secret: "d" } }] : []) } }}',
};

const ITEMS: IDataObject[] = [
	// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- made up for the tests, not a secret
	{ name: 'rejected-400', token: 'secret-token-400' },
	{ name: '', token: 'never-sent-1' },
	// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- made up for the tests, not a secret
	{ name: 'rejected-500', token: 'secret-token-500' },
	{ name: 'good-1', token: 'token-good-1' },
	{ name: 'two-lines', token: 'never-sent-2', twoLines: true },
	{ name: 'good-2', token: 'token-good-2' },
];

const ERROR_400 = {
	error:
		'Sinch answered 400 INVALID_ARGUMENT: Invalid argument: token *** was refused by the channel. Sinch rejected the request body; the message names the field to correct.',
	details: 'channel_credentials[0].static_bearer.token',
};
/** A create that failed on Sinch's side may still have made the app: the item says to look before re-running. */
const MAYBE_CREATED =
	'Sinch may have created the app before the failure. A create is not idempotent: before running this item again, look for the display name with App → Get Many, or a second app may be made';
const ERROR_500 = {
	error:
		'Sinch answered 500 INTERNAL: Injected fault: HTTP 500. The app may or may not have been created.',
	details: MAYBE_CREATED,
};
const ERROR_NAME = { error: 'display_name is required. Enter a name for the app.' };
const ERROR_LINES = {
	error:
		'channel_credentials[2] (LINE): credential_ordinal_number 0 is already used by channel_credentials[1]. Give each LINE entry its own number from 0 to 255. (and 1 more problem)',
	details: [
		'channel_credentials[2] (LINE): credential_ordinal_number 0 is already used by channel_credentials[1]. Give each LINE entry its own number from 0 to 255.',
		'channel_credentials: 2 LINE entries need exactly one with is_default on; found 0. Turn is_default on for one of channel_credentials[1], channel_credentials[2].',
	].join('\n'),
};

function armSinchRejections() {
	emulator.failNext({
		status: 400,
		method: 'POST',
		pathIncludes: '/apps',
		// Sinch echoes the offending value; the node must not show the secret it sent.
		body: {
			error: {
				code: 400,
				message: 'Invalid argument: token secret-token-400 was refused by the channel',
				status: 'INVALID_ARGUMENT',
				details: [
					{
						type_url: 'type.googleapis.com/google.rpc.BadRequest',
						value: 'channel_credentials[0].static_bearer.token',
					},
				],
			},
		},
	});
	emulator.failNext({ status: 500, method: 'POST', pathIncludes: '/apps' });
}

/** The app output of a good item: the emulator's app, token masked. */
function goodOutput(name: string): IDataObject {
	const app = emulator.apps.find((candidate) => candidate.display_name === name);
	expect(app).toBeDefined();
	const channels = app!.channel_credentials.map((entry) => ({
		...entry,
		static_bearer: { ...(entry.static_bearer as IDataObject), token: '********' },
	}));
	return { ...app!, channel_credentials: channels };
}

const summary = (items: INodeExecutionData[]) =>
	items.map((item) => ({ json: item.json, pairedItem: item.pairedItem }));

describe('continue (using error output)', () => {
	it('sends the good items to the first output and every failed item, paired, to the error output', async () => {
		armSinchRejections();
		const { outputs, error } = await create(ITEMS, 'continueErrorOutput');

		expect(error).toBeUndefined();
		expect(outputs).toHaveLength(2);
		expect(summary(outputs[0])).toEqual([
			{ json: goodOutput('good-1'), pairedItem: { item: 3 } },
			{ json: goodOutput('good-2'), pairedItem: { item: 5 } },
		]);
		// n8n puts the failed item's input fields beside error and details on the error output.
		expect(summary(outputs[1])).toEqual([
			{ json: { ...ITEMS[0], ...ERROR_400 }, pairedItem: { item: 0 } },
			{ json: { ...ITEMS[1], ...ERROR_NAME }, pairedItem: { item: 1 } },
			{ json: { ...ITEMS[2], ...ERROR_500 }, pairedItem: { item: 2 } },
			{ json: { ...ITEMS[4], ...ERROR_LINES }, pairedItem: { item: 4 } },
		]);
	});

	it('sent each item Sinch saw exactly once, never the refused ones, and created only the good apps', async () => {
		armSinchRejections();
		await create(ITEMS, 'continueErrorOutput');

		expect(
			appRequests().map((request) => [(request.body as IDataObject).display_name, request.status]),
		).toEqual([
			['rejected-400', 400],
			['rejected-500', 500],
			['good-1', 200],
			['good-2', 200],
		]);
		expect(emulator.apps.map((app) => app.display_name)).toEqual(['good-1', 'good-2']);
		expect(JSON.stringify(emulator.requests)).not.toContain('never-sent');
	});

	it('a create that failed after Sinch made the app is not repeated (no idempotency key: a retry would make two)', async () => {
		emulator.failNext({
			status: 503,
			method: 'POST',
			pathIncludes: '/apps',
			afterProcessing: true,
		});
		const { outputs } = await create(
			[
				{ name: 'maybe-created', token: 't1' },
				{ name: 'next', token: 't2' },
			],
			'continueErrorOutput',
		);

		expect(
			appRequests().map((request) => [(request.body as IDataObject).display_name, request.status]),
		).toEqual([
			['maybe-created', 503],
			['next', 200],
		]);
		expect(emulator.apps.map((app) => app.display_name)).toEqual(['maybe-created', 'next']);
		expect(summary(outputs[1])).toEqual([
			{
				json: {
					name: 'maybe-created',
					token: 't1',
					error:
						'Sinch answered 503 UNAVAILABLE: Injected fault: HTTP 503. The app may or may not have been created.',
					details: MAYBE_CREATED,
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(summary(outputs[0])).toEqual([{ json: goodOutput('next'), pairedItem: { item: 1 } }]);
	});

	it('a dropped connection is an error item too, and the next item still goes through', async () => {
		emulator.dropNext({ method: 'POST', pathIncludes: '/apps' });
		const { outputs } = await create(
			[
				{ name: 'dropped', token: 't1' },
				{ name: 'after-drop', token: 't2' },
			],
			'continueErrorOutput',
		);

		expect(outputs[1]).toHaveLength(1);
		expect(outputs[1][0].pairedItem).toEqual({ item: 0 });
		expect(outputs[1][0].json).toEqual({
			name: 'dropped',
			token: 't1',
			error:
				'No answer from Sinch to the create: the connection closed or timed out, so the app may or may not exist now',
			details: MAYBE_CREATED,
		});
		expect(summary(outputs[0])).toEqual([
			{ json: goodOutput('after-drop'), pairedItem: { item: 1 } },
		]);
	});

	it('all items good: the error output is empty', async () => {
		const { outputs } = await create(
			[
				{ name: 'a', token: '1' },
				{ name: 'b', token: '2' },
			],
			'continueErrorOutput',
		);
		expect(outputs[0].map((item) => [item.json.display_name, item.pairedItem])).toEqual([
			['a', { item: 0 }],
			['b', { item: 1 }],
		]);
		expect(outputs[1]).toEqual([]);
	});

	it('all items bad: nothing is sent and every item is on the error output', async () => {
		const { outputs } = await create(
			[
				{ name: '', token: 't' },
				{ name: ' ', token: 't' },
			],
			'continueErrorOutput',
		);
		expect(outputs[0]).toEqual([]);
		expect(summary(outputs[1])).toEqual([
			{ json: { name: '', token: 't', ...ERROR_NAME }, pairedItem: { item: 0 } },
			{ json: { name: ' ', token: 't', ...ERROR_NAME }, pairedItem: { item: 1 } },
		]);
		// The token request may go while items are checked; nothing else does.
		expect(apiCalls(emulator)).toEqual([]);
	});
});

describe('continue (regular output)', () => {
	it('one output item per input item, in order, paired; failed items carry only error and details', async () => {
		armSinchRejections();
		const { outputs, error } = await create(ITEMS, 'continueRegularOutput');

		expect(error).toBeUndefined();
		expect(outputs).toHaveLength(1);
		expect(summary(outputs[0])).toEqual([
			{ json: ERROR_400, pairedItem: { item: 0 } },
			{ json: ERROR_NAME, pairedItem: { item: 1 } },
			{ json: ERROR_500, pairedItem: { item: 2 } },
			{ json: goodOutput('good-1'), pairedItem: { item: 3 } },
			{ json: ERROR_LINES, pairedItem: { item: 4 } },
			{ json: goodOutput('good-2'), pairedItem: { item: 5 } },
		]);
		for (const item of [0, 1, 2, 4]) {
			expect(
				Object.keys(outputs[0][item].json).every((key) => ['error', 'details'].includes(key)),
			).toBe(true);
		}
	});
});

describe('stop on error (the default)', () => {
	it('stops at the first item Sinch rejects, naming the item, its HTTP code and the fix', async () => {
		emulator.failNext({ status: 403, method: 'POST', pathIncludes: '/apps' });
		const { outputs, error } = await create([
			{ name: 'forbidden', token: 't1' },
			{ name: 'never', token: 't2' },
		]);

		expect(outputs).toEqual([]);
		expect(error?.message).toBe(
			'Sinch answered 403 PERMISSION_DENIED: Injected fault: HTTP 403. The key may not be allowed for this project, or the project is blocked by billing. Check the Project ID and the key.',
		);
		expect(error?.context?.itemIndex).toBe(0);
		expect(error?.httpCode).toBe('403');
		// The second item went out with the first once the run's token had come (issue 19), so it was made, and the
		// error says so.
		expect(appRequests().map((request) => (request.body as IDataObject).display_name)).toEqual([
			'forbidden',
			'never',
		]);
		expect(error?.description).toMatch(/already created: item 1 → app /);
	});
});
