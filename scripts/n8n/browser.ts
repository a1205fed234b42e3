/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/**
 * A headless Chromium for tests of the n8n editor: Debian's /usr/bin/chromium driven by playwright-core (no browser
 * download), a throw-away profile folder, and no network beyond 127.0.0.1 (every other request is aborted and listed).
 * `bash scripts/ci-e2e-prereqs.sh` installs Chromium.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium, selectors, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Quiet, offline, container-friendly flags (`--headless` comes from Playwright's `headless: true`). */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];

/** Hosts the page may reach; everything else is aborted. */
const ALLOWED_HOSTS = new Set(['127.0.0.1']);

export interface EditorBrowser {
	context: BrowserContext;
	page: Page;
	/** The temporary profile folder (removed by close()). */
	profileDir: string;
	/** URLs that were aborted because they left 127.0.0.1. */
	blocked: string[];
	close(): Promise<void>;
}

export interface LaunchOptions {
	viewport?: { width: number; height: number };
	/** Playwright's default timeout of every action and wait. */
	actionTimeoutMs?: number;
}

let testIdAttributeSet = false;

/** n8n marks its elements with `data-test-id`; getByTestId() looks for it from now on (once per process). */
export function useN8nTestIds(): void {
	if (testIdAttributeSet) return;
	selectors.setTestIdAttribute('data-test-id');
	testIdAttributeSet = true;
}

export async function launchEditorBrowser(options: LaunchOptions = {}): Promise<EditorBrowser> {
	if (!existsSync(CHROMIUM_PATH)) {
		throw new Error(
			`${CHROMIUM_PATH} is missing: run \`bash scripts/ci-e2e-prereqs.sh\` (or set CHROMIUM_PATH).`,
		);
	}
	useN8nTestIds();
	const profileDir = mkdtempSync(path.join(tmpdir(), 'sinch-e2e-chromium-'));
	let context: BrowserContext;
	try {
		context = await chromium.launchPersistentContext(profileDir, {
			executablePath: CHROMIUM_PATH,
			headless: true,
			args: CHROMIUM_ARGS,
			viewport: options.viewport ?? { width: 1400, height: 900 },
			deviceScaleFactor: 1,
			locale: 'en-US',
			timezoneId: 'UTC',
			colorScheme: 'light',
			reducedMotion: 'reduce',
		});
	} catch (error) {
		rmSync(profileDir, { recursive: true, force: true });
		throw error;
	}
	context.setDefaultTimeout(options.actionTimeoutMs ?? 20_000);

	const blocked: string[] = [];
	const allowed = (url: string) => {
		try {
			const parsed = new URL(url);
			return (
				['data:', 'blob:', 'about:'].includes(parsed.protocol) || ALLOWED_HOSTS.has(parsed.hostname)
			);
		} catch {
			return false;
		}
	};
	await context.route('**/*', async (route) => {
		const url = route.request().url();
		if (allowed(url)) await route.continue();
		else {
			blocked.push(url);
			await route.abort('blockedbyclient');
		}
	});
	await context.routeWebSocket(
		(url) => !ALLOWED_HOSTS.has(url.hostname),
		(ws) => {
			blocked.push(ws.url());
			void ws.close({ code: 1008, reason: 'blocked by the test' });
		},
	);

	const page = context.pages()[0] ?? (await context.newPage());
	let closed = false;
	return {
		context,
		page,
		profileDir,
		blocked,
		close: async () => {
			if (closed) return;
			closed = true;
			await context.close().catch(() => undefined);
			// Chromium's helpers may still be writing for a moment after close.
			rmSync(profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
		},
	};
}

/** Saves a full-page screenshot and the page's HTML as `<dir>/<name>.png` and `.html`, for debugging a failure. */
export async function saveDebugArtifacts(page: Page, dir: string, name: string): Promise<string[]> {
	mkdirSync(dir, { recursive: true });
	const saved: string[] = [];
	const png = path.join(dir, `${name}.png`);
	const html = path.join(dir, `${name}.html`);
	try {
		await page.screenshot({ path: png, fullPage: true, timeout: 10_000 });
		saved.push(png);
	} catch {
		// the page may be gone
	}
	try {
		writeFileSync(html, await page.content());
		saved.push(html);
	} catch {
		// the page may be gone
	}
	return saved;
}
