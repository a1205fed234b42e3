/* eslint-disable @n8n/community-nodes/no-restricted-globals -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/* eslint-disable no-console -- a command-line tool: the console is where it reports */
/** `npm run emulator [-- --port N] [--token-lifetime S] [--latency MS] ...`: runs the emulator until SIGINT or SIGTERM. */
import { startEmulator } from './index';

const USAGE =
	'usage: npm run emulator -- [--port N] [--token-lifetime SECONDS] [--latency MILLISECONDS] [--regions us,eu,br] [--channel-activation-ms MS] [--outbound-rate-limit PER_SECOND] [--delivery-report-step-ms MS]   (port also from SINCH_EMULATOR_PORT)';

interface CliOptions {
	port: number;
	tokenLifetimeSeconds?: number;
	latencyMs?: number;
	regions?: string[];
	channelActivationMs?: number;
	outboundRateLimit?: number;
	deliveryReportStepMs?: number;
}

function parseArgs(argv: string[]): CliOptions {
	let port = Number(process.env.SINCH_EMULATOR_PORT ?? 8787);
	let tokenLifetimeSeconds: number | undefined;
	let latencyMs: number | undefined;
	let regions: string[] | undefined;
	let channelActivationMs: number | undefined;
	let outboundRateLimit: number | undefined;
	let deliveryReportStepMs: number | undefined;
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split('=', 2);
		const value = (): number => {
			const text = inline ?? argv[++i];
			const number = Number(text);
			if (text === undefined || !Number.isInteger(number) || number < 0)
				fail(`${flag} needs a whole number, got ${String(text)}`);
			return number;
		};
		if (flag === '--port') port = value();
		else if (flag === '--token-lifetime') tokenLifetimeSeconds = value();
		else if (flag === '--latency') latencyMs = value();
		else if (flag === '--channel-activation-ms') channelActivationMs = value();
		else if (flag === '--outbound-rate-limit') {
			outboundRateLimit = value();
			if (outboundRateLimit < 1) fail('--outbound-rate-limit needs at least 1');
		} else if (flag === '--delivery-report-step-ms') deliveryReportStepMs = value();
		else if (flag === '--regions') {
			regions = String(inline ?? argv[++i] ?? '')
				.split(',')
				.map((name) => name.trim().toLowerCase())
				.filter(Boolean);
			if (regions.length === 0 || regions.some((name) => !/^[a-z]+$/.test(name)))
				fail('--regions needs names such as us,eu,br');
		} else if (flag === '--help' || flag === '-h') {
			console.log(USAGE);
			process.exit(0);
		} else fail(`unknown option ${argv[i]}`);
	}
	if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`invalid port ${port}`);
	return {
		port,
		tokenLifetimeSeconds,
		latencyMs,
		regions,
		channelActivationMs,
		outboundRateLimit,
		deliveryReportStepMs,
	};
}

function fail(message: string): never {
	console.error(`sinch emulator: ${message}\n${USAGE}`);
	process.exit(2);
}

async function main(): Promise<void> {
	const emulator = await startEmulator(parseArgs(process.argv.slice(2)));
	const regions = emulator.info().regions ?? [];
	console.log(
		[
			'Sinch Conversation API emulator (App, Webhook and Message endpoints, OAuth2 tokens, signed callbacks)',
			'',
			`  API base URL  ${emulator.url}    (apps: ${emulator.url}/v1/projects/${emulator.projectId}/apps)`,
			`  Token URL     ${emulator.tokenUrl}`,
			`  Project ID    ${emulator.projectId}`,
			`  Key ID        ${emulator.keyId}`,
			`  Key secret    ${emulator.keySecret}`,
			...(emulator.info().latencyMs > 0
				? [`  Latency       ${emulator.info().latencyMs} ms on every request`]
				: []),
			'',
			'In n8n, create a Sinch Conversation API credential with Region "Custom",',
			`Base URL ${emulator.url}, Token URL ${emulator.tokenUrl}, and the project ID, key ID and key secret above.`,
			'',
			...(regions.length > 0
				? [
						`Regions ${regions.join(', ')}: Base URL ${emulator.url}/{region} with "Region of Custom URL" set,`,
						`  or one region's URL, e.g. ${emulator.url}/${regions[0]}.`,
						'',
					]
				: []),
			`Control endpoints (no auth): GET ${emulator.url}/_emulator/info | requests | apps | webhooks | deliveries,`,
			'  POST /_emulator/reset | expire-tokens | latency ({"ms":100}) | faults ({"kind":"fail","status":503,"times":2} and the like)',
			'  | channel-states ({"activationMs":3000} or {"reject":{"channel":"WHATSAPP"}}; values starting fail- are rejected),',
			'  POST /_emulator/events {"app_id":"...","trigger":"MESSAGE_INBOUND"} delivers a signed callback to the app\'s webhooks;',
			'  with "from":{"channel":"WHATSAPP","identity":"46700000001"} and "text" (or "media_url", "postback_data") a message',
			'  from that contact, stored like one. GET /_emulator/sent-messages lists sent messages; POST /_emulator/rate-limits',
			'  ({"outbound":5}), delivery-reports ({"mode":"manual"}), delivery-reports/step.',
			'Ctrl+C stops.',
		].join('\n'),
	);
	const stop = (signal: NodeJS.Signals): void => {
		console.log(`\nsinch emulator: ${signal}, stopping`);
		emulator.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error('sinch emulator: could not start:', error instanceof Error ? error.message : error);
	process.exit(1);
});
