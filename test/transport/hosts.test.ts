import { apiBaseUrl, projectUrl } from '../../nodes/SinchConversation/transport/hosts';

const key = { projectId: 'p-1', keyId: 'k', keySecret: 's' };

describe('hosts of the three APIs', () => {
	it('follows the Region for the Conversation and Templates V2 APIs, not for the Provisioning API', () => {
		const eu = { ...key, region: 'eu' };
		expect(projectUrl(eu)).toBe('https://eu.conversation.api.sinch.com/v1/projects/p-1');
		expect(projectUrl(eu, 'template')).toBe('https://eu.template.api.sinch.com/v2/projects/p-1');
		expect(projectUrl(eu, 'provisioning')).toBe(
			'https://provisioning.api.sinch.com/v1/projects/p-1',
		);
		expect(projectUrl(eu, 'template', 'br')).toBe(
			'https://br.template.api.sinch.com/v2/projects/p-1',
		);
		// Global: a region asked for changes nothing.
		expect(projectUrl(eu, 'provisioning', 'br')).toBe(
			'https://provisioning.api.sinch.com/v1/projects/p-1',
		);
	});

	it('sends every API to a custom Base URL, filling {region} where there is one', () => {
		const one = { ...key, region: 'custom', baseUrl: 'http://127.0.0.1:9/', customRegion: 'eu' };
		expect(projectUrl(one, 'template')).toBe('http://127.0.0.1:9/v2/projects/p-1');
		expect(projectUrl(one, 'provisioning')).toBe('http://127.0.0.1:9/v1/projects/p-1');
		expect(() => apiBaseUrl(one, 'us', 'template')).toThrow(/region us cannot be reached/);
		// The global API is reached wherever the credential points, whatever region is asked.
		expect(apiBaseUrl(one, 'us', 'provisioning')).toBe('http://127.0.0.1:9');

		const multi = {
			...key,
			region: 'custom',
			baseUrl: 'http://127.0.0.1:9/{region}',
			customRegion: 'eu',
		};
		expect(projectUrl(multi, 'template')).toBe('http://127.0.0.1:9/eu/v2/projects/p-1');
		expect(projectUrl(multi, 'template', 'br')).toBe('http://127.0.0.1:9/br/v2/projects/p-1');
		expect(projectUrl(multi, 'provisioning', 'br')).toBe('http://127.0.0.1:9/eu/v1/projects/p-1');
	});

	it('escapes the project ID in the path', () => {
		expect(projectUrl({ region: 'us', projectId: ' a b ' }, 'template')).toBe(
			'https://us.template.api.sinch.com/v2/projects/a%20b',
		);
	});
});
