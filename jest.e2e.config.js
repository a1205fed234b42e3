/**
 * End-to-end tests: the built package in a real n8n (CLI and editor in Chromium) against the local Sinch emulator.
 * `npm run test:e2e` builds first. The first run installs Node 24 and n8n into the cache (globalSetup, minutes).
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: false }],
	},
	globalSetup: '<rootDir>/test/e2e/globalSetup.ts',
	// One n8n at a time: they are heavy, and the machine in CI is small.
	maxWorkers: 1,
	testTimeout: 180000,
	slowTestThreshold: 60,
	verbose: true,
};
