/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/**
 * The node in the real n8n editor: n8n 2.41.1 (`n8n start`, fresh user folder) with this package linked, driven by
 * Debian's Chromium through playwright-core, against the local Sinch emulator. Nothing leaves 127.0.0.1.
 *
 * What it proves, in order (the tests share one browser page and build on each other):
 *   1. the sign-in form logs the owner in;
 *   2. searching "Sinch" in the nodes panel finds the node, "Create an app" adds it (n8n adds a manual trigger in front),
 *      and the parameter panel shows the Create parameters (one fields/JSON switch);
 *   3. a new "Sinch Conversation API" credential made from the node, pointed at the emulator, passes n8n's connection
 *      test (the emulator sees the token request and the test request);
 *   4. with a wrong Key Secret, n8n's retest shows the credential's own message for a rejected key;
 *   5. a channel entry has no Callback Secret box until added from Entry Options; settings are added one field at a
 *      time from Additional Fields; no label is cut off; a screenshot for the README;
 *   6. Message → Send with the emulator's app picked from the list, a phone number on WhatsApp then SMS and a text, and
 *      Message → Send and Wait for Response with an approval: a screenshot of each panel for the README.
 *
 * Screenshots, timings and (on failure) the page's HTML go to test-artifacts/e2e/. The README's pictures in docs/ are
 * written when missing, or always with SINCH_E2E_UPDATE_DOCS=1 (so a plain run does not touch a committed file).
 */
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Locator, Page } from 'playwright-core';

import {
	launchEditorBrowser,
	saveDebugArtifacts,
	type EditorBrowser,
} from '../../scripts/n8n/browser';
import { ensureRuntime } from '../../scripts/n8n/cache';
import { DEV_LOGIN, ensureOwner } from '../../scripts/n8n/owner';
import { startN8nServer, waitForReady, type N8nServer } from '../../scripts/n8n/process';
import { freePort, packageRoot, prepareUserFolder } from '../../scripts/n8n/userFolder';
import { startEmulator, type Emulator, type RequestLogEntry } from '../emulator';
import { emulatorApi } from '../harness/emulatorApi';

const ARTIFACTS = path.join(packageRoot, 'test-artifacts', 'e2e');
const DOCS_SCREENSHOT = path.join(packageRoot, 'docs', 'editor-create-app.png');
const DOCS_SEND_SCREENSHOT = path.join(packageRoot, 'docs', 'editor-message-send.png');
const DOCS_SEND_AND_WAIT_SCREENSHOT = path.join(packageRoot, 'docs', 'editor-send-and-wait.png');
/** The app the Message panels pick from the list. */
const MESSAGE_APP = 'Shop Notifications';
const VIEWPORT = { width: 1400, height: 900 };
/** Tall enough for the README picture to show the channel entry and Additional Fields. */
const README_VIEWPORT = { width: 1400, height: 1250 };

const CREDENTIAL_TYPE_NAME = 'Sinch Conversation API';
/** What n8n calls a new credential of our type. */
const DEFAULT_CREDENTIAL_NAME = 'Sinch Conversation account';
const WRONG_SECRET = 'not-the-emulator-secret';
/** describeTokenFailure() in nodes/SinchConversation/transport/hosts.ts, thrown by preAuthentication for a 401. */
const WRONG_SECRET_MESSAGE =
	'Sinch did not accept the Key ID and Key Secret when asked for an access token (401). Copy both again from Access Keys in the Sinch dashboard.';

let emulator: Emulator | undefined;
let server: N8nServer | undefined;
let browser: EditorBrowser | undefined;
const tempDirs: string[] = [];
const timings: Record<string, number> = {};
const suiteStarted = Date.now();
let browserLaunched = 0;

function page(): Page {
	if (!browser) throw new Error('the browser did not start (see beforeAll)');
	return browser.page;
}

function n8nUrl(): string {
	if (!server) throw new Error('n8n did not start (see beforeAll)');
	return server.url;
}

function sinch(): Emulator {
	if (!emulator) throw new Error('the emulator did not start (see beforeAll)');
	return emulator;
}

async function timed<T>(name: string, fn: () => Promise<T>): Promise<T> {
	const started = Date.now();
	try {
		return await fn();
	} finally {
		timings[name] = Date.now() - started;
	}
}

/** Runs a test body; on failure saves a screenshot, the page's HTML and n8n's output tail, then fails as it would. */
async function withDebug(name: string, fn: () => Promise<void>): Promise<void> {
	try {
		await fn();
	} catch (error) {
		if (browser) {
			const saved = await saveDebugArtifacts(browser.page, ARTIFACTS, `failure-${name}`);
			process.stderr.write(`[editor e2e] ${name} failed; saved ${saved.join(', ')}\n`);
		}
		if (server)
			writeFileSync(
				path.join(ARTIFACTS, `failure-${name}-n8n.log`),
				server.output().slice(-50_000),
			);
		throw error;
	}
}

/** Emulator requests that arrived after `mark` (an index into the log). */
function requestsSince(mark: number): RequestLogEntry[] {
	return sinch().requests.slice(mark);
}

function describeRequests(entries: readonly RequestLogEntry[]): string[] {
	return entries.map((entry) => `${entry.method} ${entry.path} ${entry.status}`);
}

async function waitForRequests(
	mark: number,
	predicate: (entries: RequestLogEntry[]) => boolean,
	timeoutMs = 15_000,
) {
	const started = Date.now();
	while (!predicate(requestsSince(mark))) {
		if (Date.now() - started > timeoutMs) {
			throw new Error(
				`the emulator did not get the expected calls; it got: ${describeRequests(requestsSince(mark)).join(', ')}`,
			);
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return requestsSince(mark);
}

function basicAuthUser(entry: RequestLogEntry): string {
	const header = entry.headers.authorization ?? '';
	if (!header.startsWith('Basic ')) return '';
	return Buffer.from(header.slice(6), 'base64').toString('utf8');
}

/** Checks that a PNG was written, is of a sensible size, and returns its width and height. */
function assertPng(
	file: string,
	minBytes: number,
): { width: number; height: number; bytes: number } {
	expect(existsSync(file)).toBe(true);
	const bytes = statSync(file).size;
	expect(bytes).toBeGreaterThan(minBytes);
	const head = readFileSync(file).subarray(0, 24);
	expect(head.subarray(1, 4).toString('latin1')).toBe('PNG');
	return { width: head.readUInt32BE(16), height: head.readUInt32BE(20), bytes };
}

/** Puts a screenshot into docs/ for the README when it is missing there, or always with SINCH_E2E_UPDATE_DOCS=1. */
function updateDocs(file: string, docsFile: string): void {
	if (!existsSync(docsFile) || process.env.SINCH_E2E_UPDATE_DOCS === '1') {
		mkdirSync(path.dirname(docsFile), { recursive: true });
		copyFileSync(file, docsFile);
	}
}

/**
 * Clicks the empty input pane on the panel's left: closes an open list and takes the focus (and with it the
 * parameter's Fixed/Expression toolbar) off the last field, then waits for the toolbar to fade.
 */
async function clickAside(p: Page): Promise<void> {
	await p.mouse.click(250, 300);
	await p.evaluate('document.activeElement && document.activeElement.blur()');
	await p.waitForTimeout(500);
}

/**
 * The open panel as the README shows it: it has these labels, none cut off; no focus ring, hover toolbar or toast in
 * the picture, taken at the README's size into test-artifacts/e2e/ and, when due, docs/.
 */
async function readmePanel(
	p: Page,
	labels: string[],
	fileName: string,
	docsFile: string,
): Promise<void> {
	const ndv = p.getByTestId('ndv');
	const shown = (await ndv.getByTestId('input-label').allInnerTexts()).map((label) =>
		label.split('\n')[0].trim(),
	);
	expect(shown).toEqual(expect.arrayContaining(labels));
	await clickAside(p);
	await dismissToasts(p);
	// With the toolbar gone: it would count as a cut label.
	await expect(cutLabels(ndv)).resolves.toEqual([]);
	const file = path.join(ARTIFACTS, fileName);
	await p.screenshot({ path: file });
	expect(assertPng(file, 30_000)).toMatchObject(README_VIEWPORT);
	updateDocs(file, docsFile);
	assertPng(docsFile, 30_000);
}

/** Chooses `option` in the options parameter `name` of the panel. */
async function choose(
	p: Page,
	scope: Locator,
	name: string,
	option: string | RegExp,
): Promise<void> {
	await scope.getByTestId(`parameter-input-${name}`).click();
	await p.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

/** An input of the parameter (node or credential) named `name`, inside `scope`. */
function parameterInput(scope: Locator, name: string): Locator {
	return scope.getByTestId(`parameter-input-${name}`).locator('input').first();
}

/** Labels n8n shows shortened: it puts the ellipsis on an element inside the label, so every one is looked at. */
async function cutLabels(scope: Locator): Promise<string[]> {
	return await scope
		.getByTestId('input-label')
		.evaluateAll((all) =>
			all
				.filter((label) =>
					[label, ...Array.from(label.querySelectorAll('*'))].some(
						(e) => e.scrollWidth > e.clientWidth + 1,
					),
				)
				.map((label) => (label.textContent ?? '').trim()),
		);
}

/**
 * Closes n8n's notifications (they would cover a screenshot), one at a time, and moves the mouse away after each
 * click: a notification under the mouse pauses its own timer and would stay.
 */
async function dismissToasts(p: Page): Promise<void> {
	// Element Plus notifications: cosmetic only, so CSS classes are acceptable here.
	const toasts = p.locator('.el-notification');
	const deadline = Date.now() + 20_000;
	while ((await toasts.count()) > 0) {
		if (Date.now() > deadline)
			throw new Error(`${await toasts.count()} notification(s) would not close`);
		await toasts
			.first()
			.locator('.el-notification__closeBtn')
			.click({ timeout: 2_000 })
			.catch(() => undefined);
		await p.mouse.move(250, 700);
		await p.waitForTimeout(300);
	}
	await p.mouse.move(250, 700);
}

beforeAll(async () => {
	mkdirSync(ARTIFACTS, { recursive: true });
	emulator = await startEmulator({ port: 0 });
	const runtime = await ensureRuntime({
		log: (line) => process.stderr.write(`[editor e2e] ${line}\n`),
	});

	const root = mkdtempSync(path.join(tmpdir(), 'sinch-e2e-editor-'));
	tempDirs.push(root);
	const folder = prepareUserFolder(root);
	const port = await freePort();
	const launched = Date.now();
	server = await startN8nServer(runtime, folder, { port, logFile: path.join(root, 'n8n.log') });
	await waitForReady(server, 120_000);
	timings.n8nLaunchToReady = Date.now() - launched;
	await timed('ownerSetup', () => ensureOwner(n8nUrl()));

	browserLaunched = Date.now();
	browser = await timed('browserLaunch', () =>
		launchEditorBrowser({ viewport: VIEWPORT, actionTimeoutMs: 20_000 }),
	);
}, 240_000);

afterAll(async () => {
	await browser?.close();
	await server?.stop();
	await emulator?.close().catch(() => undefined);
	for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
	timings.total = Date.now() - suiteStarted;
	if (existsSync(ARTIFACTS))
		writeFileSync(path.join(ARTIFACTS, 'timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
	const lines = Object.entries(timings).map(
		([name, ms]) => `  ${name.padEnd(26)} ${(ms / 1000).toFixed(1)} s`,
	);
	process.stderr.write(`[editor e2e] timings\n${lines.join('\n')}\n`);
	if (browser?.blocked.length)
		process.stderr.write(
			`[editor e2e] blocked (not 127.0.0.1): ${[...new Set(browser.blocked)].join(', ')}\n`,
		);
}, 60_000);

describe('Sinch Conversation in the n8n editor (Chromium)', () => {
	test('the owner signs in through the sign-in form', () =>
		withDebug('signin', async () => {
			const p = page();
			await timed('signinPageLoad', async () => {
				await p.goto(`${n8nUrl()}/signin`);
				await p.getByTestId('signin-form').waitFor();
			});
			await timed('login', async () => {
				await p.getByTestId('emailOrLdapLoginId').locator('input').fill(DEV_LOGIN.email);
				await p.getByTestId('password').locator('input').fill(DEV_LOGIN.password);
				await p.getByTestId('form-submit-button').click();
				await p.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
			});
			// Signed in: the overview with the main sidebar, not the form again.
			await expect(p.getByTestId('signin-form').count()).resolves.toBe(0);
			await p.getByTestId('main-sidebar-settings').waitFor();
			// The menu path the README and the npm start banner give for a credential of your own: + → New credential.
			await p.getByTestId('universal-add').click();
			await p.getByTestId('navigation-menu-item').filter({ hasText: 'New credential' }).waitFor();
			await p.keyboard.press('Escape');
		}));

	test('"Sinch" in the nodes panel adds the node; the parameter panel shows Create an app', () =>
		withDebug('add-node', async () => {
			const p = page();
			await timed('openNewWorkflow', async () => {
				await p.goto(`${n8nUrl()}/workflow/new`);
				// An empty workflow's panel offers the app's trigger events first, with its actions folded away below:
				// start with a manual trigger, as a user building an action workflow does, so the panel lists actions.
				await p.getByTestId('canvas-plus-button').click();
				await p.getByTestId('node-creator-search-bar').fill('manual');
				await p
					.getByTestId('node-creator-item-name')
					.getByText('Trigger manually', { exact: true })
					.click();
				await p.getByTestId('canvas-handle-plus').first().click();
			});

			const ndv = p.getByTestId('ndv');
			await timed('searchAndAddNode', async () => {
				await p.getByTestId('node-creator-search-bar').fill('Sinch');
				// n8n 2.41.1 lists a node with actions as an "action item", not a node-creator-node-item: match by name.
				// It lists the action node and the trigger node as one entry of the app, with the actions inside.
				const result = p.getByTestId('item-iterator-item').filter({
					has: p
						.getByTestId('node-creator-item-name')
						.getByText('Sinch Conversation', { exact: true }),
				});
				await result.first().waitFor();
				await expect(result.count()).resolves.toBe(1);
				await result.click();

				// The node's details: its actions (some versions first show an "Add to workflow" button).
				const addToWorkflow = p.getByRole('button', { name: 'Add to workflow' });
				const createAction = p.getByTestId('item-iterator-item').filter({
					has: p.getByTestId('node-creator-item-name').getByText('Create an app', { exact: true }),
				});
				await createAction.or(addToWorkflow).first().waitFor();
				if (await addToWorkflow.isVisible()) await addToWorkflow.click();
				const actionNames = await p.getByTestId('node-creator-item-name').allInnerTexts();
				expect(actionNames).toEqual(
					expect.arrayContaining([
						'Create an app',
						'Delete an app',
						'Get an app',
						'Get many apps',
						'Update an app',
					]),
				);
				await createAction.click();
				await ndv.waitFor();
			});

			// One trigger (the manual one), and our node after it.
			await p.getByTestId('canvas-trigger-node').first().waitFor();
			await expect(p.getByTestId('canvas-trigger-node').count()).resolves.toBe(1);
			await expect(
				p.getByTestId('canvas-default-node').filter({ hasText: 'Create an app' }).count(),
			).resolves.toBe(1);

			// Resource App, operation Create, and the Create parameters.
			await expect(parameterInput(ndv, 'resource').inputValue()).resolves.toBe('App');
			await expect(parameterInput(ndv, 'operation').inputValue()).resolves.toBe('Create');
			const labels = await ndv.getByTestId('input-label').allInnerTexts();
			const labelText = labels.map((label) => label.split('\n')[0].trim());
			expect(labelText).toEqual(
				expect.arrayContaining([
					'Define App',
					'Display Name',
					'Channel Credentials',
					'Additional Fields',
					'Options',
				]),
			);
			// One switch between fields and JSON, not a second one for the channel list.
			expect(labelText).not.toContain('Channel Credentials Input');
			const inputValues = await ndv
				.locator('input')
				.evaluateAll((inputs) =>
					inputs.map((input) => (input as unknown as { value: string }).value),
				);
			expect(inputValues.filter((value) => value === 'Using Fields Below')).toHaveLength(1);
			await expect(
				ndv.getByTestId('parameter-input-displayName').locator('input').getAttribute('placeholder'),
			).resolves.toBe('e.g. Support Bot EU');
			await expect(ndv.getByTestId('fixed-collection-add').innerText()).resolves.toBe(
				'Add Channel',
			);
			await expect(ndv.getByTestId('node-credentials-empty-state').innerText()).resolves.toContain(
				'Connect to Sinch Conversation',
			);

			const file = path.join(ARTIFACTS, 'create-app-panel.png');
			await timed('panelScreenshot', () => ndv.screenshot({ path: file }));
			timings.browserLaunchToPanelScreenshot = Date.now() - browserLaunched;
			const png = assertPng(file, 20_000);
			expect(png.width).toBeGreaterThan(800);
			expect(png.height).toBeGreaterThan(600);
		}));

	test('a new Sinch Conversation API credential pointed at the emulator passes the connection test', () =>
		withDebug('credential', async () => {
			const p = page();
			const e = sinch();
			const ndv = p.getByTestId('ndv');
			const modal = p.getByTestId('editCredential-modal');
			const mark = e.requests.length;

			await timed('credentialCreateAndTest', async () => {
				await ndv.getByTestId('node-credentials-empty-state').click();
				await modal.waitFor();
				await expect(modal.innerText()).resolves.toContain(CREDENTIAL_TYPE_NAME);
				await parameterInput(modal, 'projectId').fill(e.projectId);
				await parameterInput(modal, 'keyId').fill(e.keyId);
				await parameterInput(modal, 'keySecret').fill(e.keySecret);
				// Base URL and Token URL appear only with Region "Custom".
				await expect(modal.getByTestId('parameter-input-baseUrl').count()).resolves.toBe(0);
				await modal.getByTestId('parameter-input-region').click();
				await p.getByRole('option', { name: 'Custom' }).click();
				await expect(parameterInput(modal, 'region').inputValue()).resolves.toBe('Custom');
				await expect(parameterInput(modal, 'authentication').inputValue()).resolves.toBe(
					'OAuth2 (Recommended)',
				);
				await parameterInput(modal, 'baseUrl').fill(e.url);
				await parameterInput(modal, 'tokenUrl').fill(e.tokenUrl);
				await modal.screenshot({ path: path.join(ARTIFACTS, 'credential-filled.png') });

				await modal.getByTestId('credential-save-button').click();
				// n8n 2.41.1 saves, tests, and closes the dialog opened from a node when the test passes.
				await modal.waitFor({ state: 'hidden', timeout: 30_000 });
			});

			// The test went to the emulator: an OAuth2 token for the key, then the test request with that token.
			const calls = await waitForRequests(mark, (entries) =>
				entries.some((entry) => entry.path.endsWith('/apps')),
			);
			expect(describeRequests(calls)).toEqual([
				'POST /oauth2/token 200',
				`GET /v1/projects/${e.projectId}/apps 200`,
			]);
			expect(basicAuthUser(calls[0])).toBe(`${e.keyId}:${e.keySecret}`);
			expect(calls[1].headers.authorization).toMatch(/^Bearer \S+/);

			// The node now uses the credential.
			await expect(
				ndv.getByTestId('node-credentials-select').locator('input').first().inputValue(),
			).resolves.toBe(DEFAULT_CREDENTIAL_NAME);

			// Opened again, n8n retests it and says so.
			await timed('credentialReopenTest', async () => {
				await ndv.getByTestId('credential-edit-button').click();
				await modal.waitFor();
				const success = modal.getByTestId('credentials-config-container-test-success');
				await success.waitFor({ timeout: 30_000 });
				await expect(success.innerText()).resolves.toContain('Connection tested successfully');
			});
			await modal.screenshot({ path: path.join(ARTIFACTS, 'credential-tested.png') });
			assertPng(path.join(ARTIFACTS, 'credential-tested.png'), 10_000);
		}));

	test('a wrong Key Secret: the retest shows the credential test message for a rejected key', () =>
		withDebug('wrong-secret', async () => {
			const p = page();
			const e = sinch();
			const modal = p.getByTestId('editCredential-modal');
			const success = modal.getByTestId('credentials-config-container-test-success');
			const failure = modal.getByText(/Couldn.t connect with these settings/);
			const saveButton = modal.getByTestId('credential-save-button');
			await success.waitFor();

			// Saving a wrong secret: n8n keeps the access token of the first test, still valid. The credential knows that
			// token was issued for another secret and does not send it; Sinch's 401 makes n8n ask for a new token with
			// the wrong secret, and n8n shows the credential's message.
			let mark = e.requests.length;
			await timed('wrongSecretRetest', async () => {
				await parameterInput(modal, 'keySecret').fill(WRONG_SECRET);
				await saveButton.click();
				await failure.waitFor({ timeout: 30_000 });
			});
			const moreDetails = modal.getByText('More details', { exact: true });
			if (await moreDetails.isVisible()) await moreDetails.click();
			await modal.getByText(WRONG_SECRET_MESSAGE).waitFor();
			const shown = await modal.innerText();
			expect(shown).toContain(WRONG_SECRET_MESSAGE);
			expect(shown).not.toContain(WRONG_SECRET);
			// (n8n keeps the success banner in the page, hidden.)
			await expect(success.isVisible()).resolves.toBe(false);

			const retest = await waitForRequests(mark, (entries) =>
				entries.some((entry) => entry.path === '/oauth2/token'),
			);
			expect(describeRequests(retest)).toEqual([
				`GET /v1/projects/${e.projectId}/apps 401`,
				'POST /oauth2/token 401',
			]);
			expect(retest[0].headers.authorization).toBeUndefined();
			expect(basicAuthUser(retest[1])).toBe(`${e.keyId}:${WRONG_SECRET}`);
			await modal.screenshot({ path: path.join(ARTIFACTS, 'credential-wrong-secret.png') });
			assertPng(path.join(ARTIFACTS, 'credential-wrong-secret.png'), 10_000);

			// The right secret again: n8n gets a fresh token and the test passes.
			mark = e.requests.length;
			await timed('rightSecretRetest', async () => {
				await parameterInput(modal, 'keySecret').fill(e.keySecret);
				await saveButton.click();
				await success.waitFor({ timeout: 30_000 });
			});
			await expect(success.innerText()).resolves.toContain('Connection tested successfully');
			// The stored token was issued for this secret and is still valid: it is used again, no new token is needed.
			const recovered = await waitForRequests(mark, (entries) =>
				entries.some((entry) => entry.status === 200 && entry.path.endsWith('/apps')),
			);
			expect(describeRequests(recovered).at(-1)).toBe(`GET /v1/projects/${e.projectId}/apps 200`);
			expect(recovered.at(-1)?.headers.authorization).toMatch(/^Bearer \S+/);

			await modal
				.getByRole('button', { name: 'Close this dialog' })
				.or(modal.locator('.el-dialog__headerbtn'))
				.first()
				.click();
			await modal.waitFor({ state: 'hidden' });
		}));

	test('a screenshot of the node for the README', () =>
		withDebug('readme-screenshot', async () => {
			const p = page();
			const ndv = p.getByTestId('ndv');
			await ndv.waitFor();
			await parameterInput(ndv, 'displayName').fill('Support Bot EU');
			await ndv.getByTestId('fixed-collection-add').click();
			// One SMS entry (the default channel) with its two fields.
			await ndv.getByTestId('parameter-input-smsServicePlanId').waitFor();
			await parameterInput(ndv, 'smsServicePlanId').fill('e2e-service-plan');
			await parameterInput(ndv, 'smsApiToken').fill('e2e-api-token');
			// Callback Secret is no empty box on the entry: it is an entry option, there once added.
			await expect(ndv.getByTestId('parameter-input-callbackSecret').count()).resolves.toBe(0);
			await ndv.getByText('Entry Options', { exact: true }).waitFor();
			// Additional Fields: one field per setting, added from the collection's list.
			await p.setViewportSize(README_VIEWPORT);
			const addButtons = ndv.getByTestId('collection-parameter-add');
			await expect(addButtons.count()).resolves.toBe(3); // Entry Options, Additional Fields, Options
			for (const field of ['Retention TTL (Days)', 'Metadata in Callbacks']) {
				await addButtons.nth(1).click();
				await p.getByRole('option', { name: field, exact: true }).click();
			}
			await ndv.getByTestId('parameter-input-retentionTtlDays').waitFor();
			await ndv.getByTestId('parameter-input-conversationMetadataReportView').waitFor();
			// No focus ring, no hover toolbar, no "Credential saved" toasts in the picture.
			await p.evaluate('document.activeElement && document.activeElement.blur()');
			await dismissToasts(p);
			await expect(
				ndv.getByTestId('node-credentials-select').locator('input').first().inputValue(),
			).resolves.toBe(DEFAULT_CREDENTIAL_NAME);

			const file = path.join(ARTIFACTS, 'create-app-readme.png');
			await timed('readmeScreenshot', () => p.screenshot({ path: file }));
			const png = assertPng(file, 30_000);
			expect(png).toMatchObject(README_VIEWPORT);
			expect(png.bytes).toBeLessThan(300_000);
			updateDocs(file, DOCS_SCREENSHOT);
			assertPng(DOCS_SCREENSHOT, 30_000);

			// Every other setting added too: none of the labels is cut off in the panel.
			const others = [
				'Delivery Report Fallback',
				'Dispatch Retention TTL (Days)',
				'Fallback Wait (Seconds)',
				'Message Retry (Seconds)',
				'Processing Mode',
				'Retention Type',
				'Callback URL Secret',
				'Smart Conversation',
			];
			for (const field of others) {
				await ndv.getByTestId('collection-parameter-add').nth(1).click();
				await p.getByRole('option', { name: field, exact: true }).click();
			}
			const labels = await ndv.getByTestId('input-label').allInnerTexts();
			expect(labels.map((label) => label.split('\n')[0].trim())).toEqual(
				expect.arrayContaining(others),
			);
			await expect(cutLabels(ndv)).resolves.toEqual([]);
			await p.screenshot({
				path: path.join(ARTIFACTS, 'create-app-all-settings.png'),
				fullPage: true,
			});
		}));

	test('Update uses the same words: Channel Credentials, and Channel Changes for what to do with them', () =>
		withDebug('update-panel', async () => {
			const p = page();
			const ndv = p.getByTestId('ndv');
			await ndv.getByTestId('parameter-input-operation').click();
			await p.getByRole('option', { name: /^Update\b/ }).click();
			await ndv.getByTestId('parameter-input-channelCredentialsMode').waitFor();
			await ndv.getByTestId('parameter-input-channelCredentialsMode').click();
			await p.getByRole('option', { name: /^Add or Replace Entries/ }).click();
			await ndv.getByTestId('collection-parameter-add').first().click();
			await p.getByRole('option', { name: 'Clear Callback URL Secret', exact: true }).click();
			const labels = (await ndv.getByTestId('input-label').allInnerTexts()).map((label) =>
				label.split('\n')[0].trim(),
			);
			expect(labels).toEqual(
				expect.arrayContaining([
					'App',
					'Define Changes',
					'Update Fields',
					'Clear Callback URL Secret',
					'Channel Changes',
					'Channel Credentials',
				]),
			);
			expect(labels).not.toContain('Channel Credentials Input');
			expect(labels).not.toContain('Channel Entries');
			await expect(cutLabels(ndv)).resolves.toEqual([]);
			await p.waitForTimeout(500); // the Add Field list closing
			await p.screenshot({ path: path.join(ARTIFACTS, 'update-app-panel.png') });
		}));
	test('Message → Send: the app from the list, a phone number on WhatsApp then SMS, a text; a screenshot for the README', () =>
		withDebug('message-send', async () => {
			const p = page();
			const ndv = p.getByTestId('ndv');
			await emulatorApi(sinch(), 'POST', '/apps', {
				display_name: MESSAGE_APP,
				channel_credentials: [
					{
						channel: 'WHATSAPP',
						static_bearer: { claimed_identity: 'wa-sender', token: 'wa-token' },
					},
					{ channel: 'SMS', static_bearer: { claimed_identity: 'plan-1', token: 'sms-token' } },
				],
			});
			await p.setViewportSize(README_VIEWPORT);
			await choose(p, ndv, 'resource', /^Message\b/);
			await choose(p, ndv, 'operation', /^Send\b(?! and Wait)/);
			await expect(parameterInput(ndv, 'operation').inputValue()).resolves.toBe('Send');

			// The app picker lists the project's apps (read from the emulator with the credential).
			await ndv.getByTestId('parameter-input-appId').click();
			await p.getByText(MESSAGE_APP, { exact: true }).click();
			await expect(
				ndv.getByTestId('parameter-input-appId').locator('input').last().inputValue(),
			).resolves.toBe(MESSAGE_APP);

			await expect(parameterInput(ndv, 'recipientType').inputValue()).resolves.toBe('Phone Number');
			await parameterInput(ndv, 'phoneNumber').fill('+46 70 123 45 67');
			// Channels: WhatsApp first, SMS (the default) after it.
			const channels = ndv.getByTestId('parameter-input-phoneChannels');
			const channelOption = (name: string) =>
				p.getByRole('option').filter({ hasText: new RegExp(`^\\s*${name}\\s*$`) });
			await channels.click();
			await channelOption('WhatsApp').click();
			await channelOption('SMS').click();
			await channelOption('SMS').click();
			// Closes the list (Escape could close the whole panel).
			await clickAside(p);
			await expect(channels.innerText()).resolves.toMatch(/^\s*WhatsApp\s+SMS\s*$/);
			await expect(parameterInput(ndv, 'messageType').inputValue()).resolves.toBe('Text');
			await ndv
				.getByTestId('parameter-input-text')
				.locator('textarea')
				.first()
				.fill('Your order 1042 has shipped and arrives on Thursday.');

			await readmePanel(
				p,
				['App', 'Recipient', 'Phone Number', 'Channels', 'Message Type', 'Text'],
				'message-send-panel.png',
				DOCS_SEND_SCREENSHOT,
			);
		}));

	test('Message → Send and Wait for Response: an approval with two buttons; a screenshot for the README', () =>
		withDebug('send-and-wait', async () => {
			const p = page();
			const ndv = p.getByTestId('ndv');
			await choose(p, ndv, 'operation', /^Send and Wait for Response/);
			// The same app and recipient as Send.
			await expect(
				ndv.getByTestId('parameter-input-appId').locator('input').last().inputValue(),
			).resolves.toBe(MESSAGE_APP);
			await expect(parameterInput(ndv, 'recipientType').inputValue()).resolves.toBe('Phone Number');
			await ndv
				.getByTestId('parameter-input-message')
				.locator('textarea')
				.first()
				.fill('Refund 120 EUR to order 1042?');
			await expect(parameterInput(ndv, 'responseType').inputValue()).resolves.toBe('Approval');
			await ndv.getByRole('button', { name: 'Add option' }).click();
			await choose(p, ndv, 'approvalType', 'Approve and Decline');
			await ndv.getByTestId('parameter-input-disapproveLabel').waitFor();

			await readmePanel(
				p,
				[
					'App',
					'Recipient',
					'Message',
					'Response Type',
					'Type of Approval',
					'Approve Button Label',
					'Decline Button Label',
				],
				'send-and-wait-panel.png',
				DOCS_SEND_AND_WAIT_SCREENSHOT,
			);
		}));
});
