/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/require-node-api-error -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Runs on the build `npm test` makes first (pretest), so it checks what `npm publish` would ship.
const root = path.resolve(__dirname, '..');
/** What this test reads of package.json. */
interface Manifest {
	name: string;
	keywords: string[];
	license: string;
	author: { email: string };
	homepage: string;
	files: string[];
	peerDependencies: Record<string, string>;
	dependencies?: Record<string, string>;
	devDependencies: Record<string, string>;
	scripts: Record<string, string | undefined>;
	n8n: { n8nNodesApiVersion: number; nodes: string[]; credentials: string[] };
}
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
let unpacked: string;
let files: string[];

beforeAll(() => {
	const work = mkdtempSync(path.join(tmpdir(), 'sinch-pack-'));
	const out = execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
		cwd: root,
		encoding: 'utf8',
	});
	const [{ filename, files: packed }] = JSON.parse(out) as [
		{ filename: string; files: { path: string }[] },
	];
	files = packed.map((f) => f.path).sort();
	execFileSync('tar', ['-xzf', path.join(work, filename), '-C', work]);
	unpacked = path.join(work, 'package');
	// n8n provides n8n-workflow to the packages it loads; here the project's own copy stands in for it.
	symlinkSync(path.join(root, 'node_modules'), path.join(unpacked, 'node_modules'));
}, 60000);
afterAll(() => rmSync(path.dirname(unpacked), { recursive: true, force: true }));

test("package.json follows n8n's rules for community packages", () => {
	expect(manifest.name).toMatch(/^n8n-nodes-/);
	expect(manifest.keywords).toContain('n8n-community-node-package');
	expect(manifest.license).toBe('MIT');
	expect(manifest.author.email).toMatch(/@/);
	expect(manifest.homepage).toMatch(/^https:\/\//);
	expect(manifest.files).toEqual(['dist']);
	expect(manifest.peerDependencies).toEqual({ 'n8n-workflow': '*' });
	expect(manifest.dependencies ?? {}).toEqual({});
	expect(manifest.devDependencies['n8n-workflow']).toMatch(/^\d+\.\d+\.\d+$/);
	expect(manifest.n8n.n8nNodesApiVersion).toBe(1);
	for (const entry of [...manifest.n8n.nodes, ...manifest.n8n.credentials])
		expect(entry).toMatch(/^dist\//);
	for (const hook of ['preinstall', 'install', 'postinstall', 'prepare'])
		expect(manifest.scripts[hook]).toBeUndefined();
});

test('the tarball holds the compiled node, credential, icons and codex, and nothing else', () => {
	for (const entry of [...manifest.n8n.nodes, ...manifest.n8n.credentials])
		expect(files).toContain(entry);
	expect(files).toEqual(
		expect.arrayContaining([
			'dist/nodes/SinchConversation/SinchConversation.node.json',
			'dist/nodes/SinchConversation/sinch.svg',
			'dist/nodes/SinchConversation/sinch.dark.svg',
			'dist/nodes/SinchConversationTrigger/SinchConversationTrigger.node.json',
			'dist/nodes/SinchConversationTrigger/sinch.svg',
			'dist/nodes/SinchConversationTrigger/sinch.dark.svg',
			'dist/credentials/sinch.svg',
			'dist/credentials/sinch.dark.svg',
			'package.json',
			'README.md',
			'LICENSE',
		]),
	);
	const strays = files.filter(
		(f) =>
			!f.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE', 'index.js'].includes(f),
	);
	expect(strays).toEqual([]);
	expect(
		files.filter(
			(f) =>
				/(^|\/)(test|scripts|emulator)\//.test(f) ||
				/\.test\.|\.ts$/.test(f.replace(/\.d\.ts$/, '')),
		),
	).toEqual([]);
});

test('the package entry (index.js) names files that are in the tarball', () => {
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- loads a module found at run time
	const entry = require(path.join(unpacked, 'index.js')) as {
		nodes: string[];
		credentials: string[];
	};
	for (const file of [...entry.nodes, ...entry.credentials])
		expect(files).toContain(path.posix.normalize(file));
});

test('the compiled node loads and names its credential', () => {
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- loads a module found at run time
	const { SinchConversation } = require(path.join(unpacked, manifest.n8n.nodes[0]));
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- loads a module found at run time
	const { SinchConversationApi } = require(path.join(unpacked, manifest.n8n.credentials[0]));
	const node = new SinchConversation();
	expect(node.description.credentials).toEqual([
		{ name: new SinchConversationApi().name, required: true },
	]);
	expect(node.description.usableAsTool).toBe(true);
});

test("n8n's verification scanner (its offline lint step) passes on the packed package", () => {
	let output: string;
	try {
		output = execFileSync('node', [path.join(root, 'scripts/scan-package.mjs'), unpacked], {
			encoding: 'utf8',
		});
	} catch (error) {
		throw new Error(`scanner failed:\n${(error as { stdout?: string }).stdout ?? String(error)}`);
	}
	expect(JSON.parse(output.trim().split('\n').pop()!)).toMatchObject({ passed: true });
}, 120000);
