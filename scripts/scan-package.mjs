// Runs the lint step of n8n's verification scanner (@n8n/scan-community-package) offline; its own command line needs
// the public registry and a provenance attestation, its analyzePackage export does not.
//   node scripts/scan-package.mjs <unpacked package folder>   the packed files, as the scanner lints a tarball
//   node scripts/scan-package.mjs --source [folder]           package.json, nodes/ and credentials/, as it lints the
//                                                             attested GitHub commit
import path from 'node:path';

import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const args = process.argv.slice(2);
const source = args[0] === '--source';
const given = source ? (args[1] ?? '.') : args[0];
if (!given) {
	console.error(
		'usage: node scripts/scan-package.mjs <unpacked package folder> | --source [folder]',
	);
	process.exit(2);
}
const folder = path.resolve(given);
const result = source
	? await analyzePackage(folder, SOURCE_FILE_PATTERNS)
	: await analyzePackage(folder);
console.log(
	JSON.stringify({
		scanned: source ? 'source' : 'package',
		passed: result.passed,
		message: result.message ?? null,
		details: result.details ?? null,
	}),
);
process.exit(result.passed ? 0 : 1);
