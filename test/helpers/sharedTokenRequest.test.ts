/* eslint-disable @n8n/community-nodes/no-restricted-globals -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { SinchConversationApi } from '../../credentials/SinchConversationApi.credentials';

/** A helper whose token endpoint answers after `ms` with a new token each time, counting the requests. */
function slowTokenEndpoint(ms = 50) {
	let requests = 0;
	const helper = {
		helpers: {
			httpRequest: async () => {
				const number = ++requests;
				await new Promise((resolve) => setTimeout(resolve, ms));
				return { access_token: `token-${number}` };
			},
		},
	} as unknown as IHttpRequestHelper;
	return { helper, requests: () => requests };
}

const credentials = (overrides: Record<string, string> = {}): ICredentialDataDecryptedObject => ({
	projectId: 'project',
	keyId: 'key',
	keySecret: 'secret',
	region: 'custom',
	baseUrl: 'http://127.0.0.1:1',
	// Each test its own token URL, so one test's tokens are never another's.
	tokenUrl: `http://127.0.0.1:1/oauth2/token/${encodeURIComponent(expect.getState().currentTestName ?? '')}`,
	authentication: 'oAuth2',
	accessToken: '',
	...overrides,
});

const preAuthentication = (helper: IHttpRequestHelper, data: ICredentialDataDecryptedObject) =>
	new SinchConversationApi().preAuthentication.call(helper, data);

describe('token requests shared within one n8n process (queue-mode worker concurrency)', () => {
	test('executions replacing the same expired token side by side share one token request, also a late one', async () => {
		const endpoint = slowTokenEndpoint();
		const answers = await Promise.all(
			[1, 2, 3].map(() =>
				preAuthentication(endpoint.helper, credentials({ accessToken: 'expired' })),
			),
		);
		expect(endpoint.requests()).toBe(1);
		for (const answer of answers) expect(answer.accessToken).toBe('token-1');
		// An execution whose 401 came after the refresh finished gets the same new token.
		expect(
			(await preAuthentication(endpoint.helper, credentials({ accessToken: 'expired' })))
				.accessToken,
		).toBe('token-1');
		expect(endpoint.requests()).toBe(1);
		// Once that token expires too, it is replaced by a new request.
		expect(
			(await preAuthentication(endpoint.helper, credentials({ accessToken: 'token-1' })))
				.accessToken,
		).toBe('token-2');
	});

	test('a first token is shared while it is fetched, not afterwards', async () => {
		const endpoint = slowTokenEndpoint();
		await Promise.all([1, 2].map(() => preAuthentication(endpoint.helper, credentials())));
		expect(endpoint.requests()).toBe(1);
		await preAuthentication(endpoint.helper, credentials());
		expect(endpoint.requests()).toBe(2);
	});

	test('another key gets its own token; a failed request is not reused; Basic asks for none', async () => {
		const endpoint = slowTokenEndpoint();
		const [a, b] = await Promise.all([
			preAuthentication(endpoint.helper, credentials({ accessToken: 'old' })),
			preAuthentication(
				endpoint.helper,
				credentials({ accessToken: 'old', keySecret: 'other-secret' }),
			),
		]);
		expect(a.accessToken).not.toBe(b.accessToken);
		expect(endpoint.requests()).toBe(2);

		let fail = true;
		const flaky = {
			helpers: {
				httpRequest: async () => {
					if (fail) throw new Error('connect ECONNREFUSED');
					return { access_token: 'after-failure' };
				},
			},
		} as unknown as IHttpRequestHelper;
		await expect(preAuthentication(flaky, credentials({ accessToken: 'gone' }))).rejects.toThrow(
			/access token request .* failed/,
		);
		fail = false;
		expect((await preAuthentication(flaky, credentials({ accessToken: 'gone' }))).accessToken).toBe(
			'after-failure',
		);

		expect(
			await preAuthentication(endpoint.helper, credentials({ authentication: 'basic' })),
		).toEqual({});
		expect(endpoint.requests()).toBe(2);
	});
});
