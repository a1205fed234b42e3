/* eslint-disable @n8n/community-nodes/no-restricted-globals -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/**
 * What the editor tests that open an imported workflow share: signing in as the owner through the sign-in form,
 * opening a node of a workflow in its details view, and waiting for something the emulator sees.
 */
import type { Locator, Page } from 'playwright-core';

import { DEV_LOGIN } from '../../scripts/n8n/owner';

/** Signs in through n8n's form, then opens `nodeName` of the workflow; resolves with the node's details view. */
export async function openNode(
	page: Page,
	baseUrl: string,
	workflowId: string,
	nodeName: string,
): Promise<Locator> {
	await page.goto(`${baseUrl}/signin`);
	await page.getByTestId('emailOrLdapLoginId').locator('input').fill(DEV_LOGIN.email);
	await page.getByTestId('password').locator('input').fill(DEV_LOGIN.password);
	await page.getByTestId('form-submit-button').click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'));

	await page.goto(`${baseUrl}/workflow/${workflowId}`);
	await page.getByTestId('canvas-node').filter({ hasText: nodeName }).dblclick();
	const ndv = page.getByTestId('ndv');
	await ndv.waitFor();
	return ndv;
}

/** Waits until `probe` holds, checking every 200 ms. */
export async function until(what: string, probe: () => boolean, timeoutMs = 30_000): Promise<void> {
	const started = Date.now();
	while (!probe()) {
		if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}
