import { config } from '@n8n/node-cli/eslint';

// n8n's own community-node rule set, the one its verification applies; tooling outside the shipped code is not linted by it.
export default [
	{
		ignores: [
			'dist/**',
			'node_modules/**',
			'test/**',
			'scripts/**',
			'test-artifacts/**',
			'docs/**',
			'.ci-results/**',
			'*.js',
			'*.mjs',
		],
	},
	...config,
];
