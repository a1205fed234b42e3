// Run by .github/workflows/publish.yml before anything is built: the pushed tag must be package.json's version and
// CHANGELOG.md must have that version's section, so what is published is what the changelog describes.
import { readFileSync } from 'node:fs';

const tag = process.argv[2];
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const changelog = readFileSync('CHANGELOG.md', 'utf8');
const problems = [];
if (tag !== version) problems.push(`tag "${tag}" is not the version in package.json, ${version}`);
if (!changelog.includes(`## [${version}]`))
	problems.push(`CHANGELOG.md has no "## [${version}]" section`);
if (problems.length > 0) {
	console.error(`Not publishing: ${problems.join('; ')}.`);
	process.exit(1);
}
console.log(`Publishing ${version}.`);
