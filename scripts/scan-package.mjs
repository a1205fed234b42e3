// Runs the lint step of n8n's verification scanner (@n8n/scan-community-package) on an unpacked package folder.
// The scanner's own command line needs the public registry; its analyzePackage export works offline.
import { analyzePackage } from '@n8n/scan-community-package/scanner/scanner.mjs';

const folder = process.argv[2];
if (!folder) {
	console.error('usage: node scripts/scan-package.mjs <unpacked package folder>');
	process.exit(2);
}
const result = await analyzePackage(folder);
console.log(
	JSON.stringify({
		passed: result.passed,
		message: result.message ?? null,
		details: result.details ?? null,
	}),
);
process.exit(result.passed ? 0 : 1);
