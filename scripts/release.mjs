// npm run release -- <patch|minor|major|x.y.z>: makes a release commit and tag on a clean main. It moves CHANGELOG.md's
// Unreleased section under the new version, sets the version in package.json and package-lock.json, commits and tags.
// Pushing the tag (printed at the end) starts .github/workflows/publish.yml, which publishes with provenance.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const git = (...args) => execFileSync('git', args, { encoding: 'utf8' }).trim();
const fail = (message) => {
	console.error(`Not released: ${message}`);
	process.exit(1);
};

const bump = process.argv[2];
if (!bump) fail('say which version: npm run release -- patch (or minor, major, or e.g. 1.2.3).');
if (git('status', '--porcelain'))
	fail('the working tree has uncommitted changes. Commit or stash them first.');
if (git('rev-parse', '--abbrev-ref', 'HEAD') !== 'main') fail('releases are made from main.');

const current = JSON.parse(readFileSync('package.json', 'utf8')).version;
const [major, minor, patch] = current.split(/[.-]/).map(Number);
const next =
	{
		major: `${major + 1}.0.0`,
		minor: `${major}.${minor + 1}.0`,
		patch: `${major}.${minor}.${patch + 1}`,
	}[bump] ?? bump;
if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(next))
	fail(`"${bump}" is not patch, minor, major or a version.`);
if (git('tag', '--list', next)) fail(`tag ${next} exists already.`);

const changelog = readFileSync('CHANGELOG.md', 'utf8');
const start = changelog.indexOf('## [Unreleased]');
const end = changelog.indexOf('\n## [', start + 1);
if (start < 0 || end < 0)
	fail('CHANGELOG.md needs an "## [Unreleased]" section above the last release.');
const notes = changelog.slice(start + '## [Unreleased]'.length, end).trim();
if (!notes) {
	let since = '';
	try {
		since = git('describe', '--tags', '--abbrev=0');
	} catch {
		// no tag yet: the whole history
	}
	const subjects = git('log', '--no-merges', '--format=- %s', ...(since ? [`${since}..HEAD`] : []));
	fail(
		`CHANGELOG.md's Unreleased section is empty. Write what changed for users there (Added, Changed, Fixed, Removed); the commits since ${since || 'the start'}:\n${subjects}`,
	);
}

const date = new Date().toISOString().slice(0, 10);
const repo = 'https://github.com/sinch-n8n/n8n-nodes-sinch-conversation';
let updated = `${changelog.slice(0, start)}## [Unreleased]\n\n## [${next}] - ${date}\n\n${notes}\n${changelog.slice(end)}`;
updated = updated.replace(
	/^\[Unreleased\]: .*$/m,
	`[Unreleased]: ${repo}/compare/${next}...HEAD\n[${next}]: ${repo}/compare/${current}...${next}`,
);
writeFileSync('CHANGELOG.md', updated);
execFileSync('npm', ['version', next, '--no-git-tag-version'], { stdio: 'inherit' });
git('add', 'CHANGELOG.md', 'package.json', 'package-lock.json');
git('commit', '-m', `Release ${next}`);
git('tag', '-a', next, '-m', `Release ${next}`);
console.log(`Released ${next} locally. Publish it with: git push origin main ${next}`);
