/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/* eslint-disable no-console -- a command-line tool: the console is where it reports */
/**
 * Fails when test/emulator/app-schema.json or webhook-schema.json no longer matches what scripts/extract-app-schema.ts builds from the spec in
 * ../shared/spec/ (the spec was updated, or the JSON edited by hand). Without ../shared the check is skipped: the
 * committed JSON is then the only source. Run: npx tsx scripts/check-spec.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { generatedSchemas, specIsPresent } from './extract-app-schema';

const MAX_LISTED = 40;

/** JSON-pointer-like paths where two JSON values differ. */
function differences(before: unknown, after: unknown, at = ''): string[] {
	const isObject = (value: unknown): value is Record<string, unknown> =>
		value !== null && typeof value === 'object';
	if (isObject(before) && isObject(after) && Array.isArray(before) === Array.isArray(after)) {
		const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
		return keys.flatMap((key) => {
			const where = `${at}/${key}`;
			if (!(key in after)) return [`- ${where} (removed)`];
			if (!(key in before)) return [`+ ${where} (added)`];
			return differences(before[key], after[key], where);
		});
	}
	return JSON.stringify(before) === JSON.stringify(after)
		? []
		: [`~ ${at || '/'}: ${JSON.stringify(before)} -> ${JSON.stringify(after)}`];
}

function main(): number {
	if (!specIsPresent()) {
		console.log('check-spec: skipped, ../shared/spec/ is not present');
		return 0;
	}
	const stale = generatedSchemas().filter((file) => !matches(file.path, file.text));
	if (stale.length === 0) return 0;
	console.error('Review the change, then run: npx tsx scripts/extract-app-schema.ts');
	return 1;
}

function matches(schemaPath: string, expected: string): boolean {
	const relative = path.relative(process.cwd(), schemaPath);
	const committed = existsSync(schemaPath) ? readFileSync(schemaPath, 'utf8') : undefined;
	if (committed === expected) {
		console.log(`check-spec: ${relative} matches the spec`);
		return true;
	}
	console.error(
		`check-spec: ${relative} differs from what the spec gives (committed -> regenerated):`,
	);
	if (committed === undefined) {
		console.error('  the file does not exist');
	} else {
		let parsed: unknown;
		try {
			parsed = JSON.parse(committed);
		} catch {
			console.error('  the committed file is not valid JSON');
		}
		const diff = parsed === undefined ? [] : differences(parsed, JSON.parse(expected));
		// Same data, different text: key order or indentation was edited by hand.
		if (parsed !== undefined && diff.length === 0) console.error('  formatting only');
		diff.slice(0, MAX_LISTED).forEach((line) => console.error(`  ${line}`));
		if (diff.length > MAX_LISTED) console.error(`  ... and ${diff.length - MAX_LISTED} more`);
	}
	return false;
}

process.exitCode = main();
