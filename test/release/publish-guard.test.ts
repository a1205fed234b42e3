/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/**
 * A publish from a developer's machine is refused by npm itself: package.json's publishConfig asks for provenance,
 * which npm can only make inside a CI provider that signs it (GitHub Actions here). The refusal holds with
 * `ignore-scripts=true` (our .npmrc), which skips prepublishOnly. Proven against a stand-in registry on 127.0.0.1:
 * the refused publish uploads nothing, and the same publish without provenance does upload (so the test can fail).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
	publishConfig?: Record<string, unknown>;
};

let server: Server;
let registry: string;
const uploads: string[] = [];
let folder: string;

beforeAll(async () => {
	server = createServer((request, response) => {
		request.resume();
		request.on('end', () => {
			if (request.method === 'PUT') uploads.push(request.url ?? '');
			response.writeHead(request.method === 'PUT' ? 201 : 404, {
				'content-type': 'application/json',
			});
			response.end('{}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	registry = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
	// A package with our publishConfig and .npmrc, and a prepublishOnly that would let it through if it ran.
	folder = mkdtempSync(path.join(tmpdir(), 'publish-guard-'));
	writeFileSync(
		path.join(folder, 'package.json'),
		JSON.stringify({
			name: 'n8n-nodes-publish-guard-probe',
			version: '0.0.1',
			scripts: { prepublishOnly: 'exit 0' },
			publishConfig: manifest.publishConfig,
		}),
	);
	writeFileSync(path.join(folder, '.npmrc'), readFileSync(path.join(root, '.npmrc'), 'utf8'));
});

afterAll(async () => {
	await new Promise((resolve) => server.close(resolve));
	rmSync(folder, { recursive: true, force: true });
});

beforeEach(() => uploads.splice(0));

/** `npm publish` to the stand-in registry, outside any CI provider. */
function publish(...extra: string[]): Promise<{ code: number; output: string }> {
	const env = { ...process.env };
	for (const name of ['GITHUB_ACTIONS', 'GITLAB_CI', 'CI', 'ACTIONS_ID_TOKEN_REQUEST_URL'])
		delete env[name];
	const host = registry.replace(/^http:/, '');
	return new Promise((resolve) => {
		execFile(
			'npm',
			['publish', '--registry', registry, `--${host}:_authToken=local-test-token`, ...extra],
			{ cwd: folder, env },
			(error, stdout, stderr) =>
				resolve({
					code: error ? Number((error as { code?: number }).code ?? 1) : 0,
					output: `${stdout}${stderr}`,
				}),
		);
	});
}

test('package.json asks npm for provenance on every publish, and .npmrc skips lifecycle scripts', () => {
	expect(manifest.publishConfig).toMatchObject({ provenance: true });
	expect(readFileSync(path.join(root, '.npmrc'), 'utf8')).toMatch(/^ignore-scripts=true$/m);
});

test('npm publish on a laptop is refused before anything is uploaded', async () => {
	const { code, output } = await publish();
	expect(code).not.toBe(0);
	expect(output).toContain('Automatic provenance generation not supported');
	expect(uploads).toEqual([]);
}, 60_000);

test('control: the same publish with provenance turned off reaches the registry', async () => {
	const { code } = await publish('--provenance=false');
	expect(code).toBe(0);
	expect(uploads).toEqual(['/n8n-nodes-publish-guard-probe']);
}, 60_000);
