/**
 * The App picker's search, run as n8n runs it: the node type's methods.listSearch.searchApps called on n8n-core's
 * own LoadOptionsContext (the context n8n's editor back end builds), whose httpRequestWithAuthentication is n8n's
 * real one, against the emulator.
 */
import type { IDataObject, INodeListSearchResult } from 'n8n-workflow';

import { SinchConversation } from '../../nodes/SinchConversation/SinchConversation.node';

import { newCredentialsHelper } from '../harness/engine';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { listSearchContext } from '../harness/listSearch';

const emu = emulatorPerFile();

const nodeType = new SinchConversation();

/** Calls the picker's search the way n8n's back end does for the App field of Get. */
async function search(
	filter?: string,
	authentication: 'oAuth2' | 'basic' = 'oAuth2',
): Promise<INodeListSearchResult> {
	const credentials = newCredentialsHelper({
		projectId: emu.projectId,
		keyId: emu.keyId,
		keySecret: emu.keySecret,
		region: 'custom',
		baseUrl: emu.url,
		tokenUrl: emu.tokenUrl,
		authentication,
	});
	const parameters = {
		resource: 'app',
		operation: 'get',
		appId: { __rl: true, mode: 'list', value: '' },
	};
	return await nodeType.methods.listSearch.searchApps.call(
		listSearchContext(credentials, parameters, 'appId'),
		filter,
	);
}

async function seedApp(display_name: string): Promise<string> {
	const response = await fetch(`${emu.url}/v1/projects/${emu.projectId}/apps`, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			authorization: `Basic ${Buffer.from(`${emu.keyId}:${emu.keySecret}`).toString('base64')}`,
		},
		body: JSON.stringify({ display_name, channel_credentials: [] }),
	});
	expect(response.status).toBe(200);
	return ((await response.json()) as IDataObject).id as string;
}

/** Requests after `since`, the token request left out. */
const apiCalls = (since: number) =>
	emu.requests
		.slice(since)
		.filter((request) => request.path !== '/oauth2/token')
		.map(({ method, path, query }) => ({ method, path, query }));

describe('searchApps (App picker)', () => {
	it('lists every app by display name, sorted, with its ID as the value, in one request', async () => {
		const support = await seedApp('Support EU');
		const alerts = await seedApp('alerts');
		const marketing = await seedApp('Marketing');
		const mark = emu.requests.length;
		const { results, paginationToken } = await search();
		expect(results).toEqual([
			{ name: 'alerts', value: alerts },
			{ name: 'Marketing', value: marketing },
			{ name: 'Support EU', value: support },
		]);
		expect(paginationToken).toBeUndefined();
		expect(apiCalls(mark)).toEqual([
			{ method: 'GET', path: `/v1/projects/${emu.projectId}/apps`, query: {} },
		]);
		// The OAuth2 token was fetched through the credential, as for any node request.
		expect(emu.tokenRequests()).toBe(1);
	});

	it('filters by display name, case-insensitively and anywhere in the name', async () => {
		const euSupport = await seedApp('Support EU');
		await seedApp('Marketing');
		const usSupport = await seedApp('US support desk');
		expect((await search('SUPPORT')).results).toEqual([
			{ name: 'Support EU', value: euSupport },
			{ name: 'US support desk', value: usSupport },
		]);
		expect((await search('  eu ')).results).toEqual([{ name: 'Support EU', value: euSupport }]);
		expect((await search('nothing like it')).results).toEqual([]);
	});

	it('does not match on the ID', async () => {
		const id = await seedApp('Named');
		expect((await search(id)).results).toEqual([]);
	});

	it('tells apart apps that share a display name by adding the ID', async () => {
		const first = await seedApp('Twin');
		const second = await seedApp('Twin');
		const single = await seedApp('Solo');
		const { results } = await search();
		expect(results).toEqual([
			{ name: 'Solo', value: single },
			{ name: `Twin (${first})`, value: first },
			{ name: `Twin (${second})`, value: second },
		]);
	});

	it('works with Basic authentication too', async () => {
		const id = await seedApp('Basic app');
		const mark = emu.requests.length;
		expect((await search(undefined, 'basic')).results).toEqual([{ name: 'Basic app', value: id }]);
		expect(emu.tokenRequests()).toBe(0);
		expect(
			emu.requests
				.slice(mark)
				.map((request) => [request.method, request.headers.authorization?.split(' ')[0]]),
		).toEqual([['GET', 'Basic']]);
	});

	it('returns an empty list for a project without apps', async () => {
		expect(await search()).toEqual({ results: [] });
	});

	it("fails with Sinch's message when the list cannot be read", async () => {
		emu.failNext({ status: 403, method: 'GET', pathIncludes: '/apps' });
		await expect(search()).rejects.toMatchObject({ httpCode: '403' });
	});
});
