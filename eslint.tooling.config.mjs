// `npm run lint:tooling` (part of `npm run lint`): what `n8n-node lint` runs, with no warning let through, plus the
// rules test and tooling code needs. eslint.config.mjs itself must stay n8n's default (strict mode compares it), so
// everything of our own lives here. See the README, Development: Linting.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

import n8nDefault from './eslint.config.mjs';

export default tseslint.config(
	{ ignores: ['test-artifacts/**', '.ci-results/**', 'coverage/**', '.cache/**'] },

	// n8n's own rules over the whole tree, as `n8n-node lint` applies them (its warnings count here).
	...n8nDefault,

	{
		linterOptions: { reportUnusedDisableDirectives: 'error' },
	},

	// Tests and tooling in TypeScript: typescript-eslint's recommended rules come with n8n's set; these need types.
	// A promise nobody awaits in a test is an assertion that can never fail the test.
	{
		files: ['test/**/*.ts', 'scripts/**/*.ts'],
		languageOptions: {
			parserOptions: { project: './tsconfig.test.json', tsconfigRootDir: import.meta.dirname },
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/await-thenable': 'error',
			'@typescript-eslint/no-misused-promises': 'error',
			'no-restricted-properties': [
				'error',
				...['describe', 'it', 'test'].map((object) => ({
					object,
					property: 'only',
					message: 'A focused test skips the rest of the file; remove `.only` before committing.',
				})),
			],
			'no-restricted-globals': [
				'error',
				...['fdescribe', 'fit'].map((name) => ({
					name,
					message: 'A focused test skips the rest of the file.',
				})),
			],
		},
	},

	// JavaScript tooling (scripts/*.mjs, gulpfile.js, index.js, the Jest configs): n8n's set lints .ts only.
	{
		files: ['**/*.{js,mjs,cjs}'],
		extends: [js.configs.recommended],
		languageOptions: { globals: globals.node },
	},

	// What ships: n8n's scanner ignores eslint-disable comments there, so they are not honoured here either.
	{
		files: ['nodes/**', 'credentials/**', 'package.json'],
		linterOptions: { noInlineConfig: true },
	},
);
