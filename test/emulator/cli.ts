/** `npm run emulator [-- --port N] [--token-lifetime S]`: runs the emulator until SIGINT or SIGTERM. */
import { startEmulator } from './index';

const USAGE = 'usage: npm run emulator -- [--port N] [--token-lifetime SECONDS]   (port also from SINCH_EMULATOR_PORT)';

function parseArgs(argv: string[]): { port: number; tokenLifetimeSeconds?: number } {
  let port = Number(process.env.SINCH_EMULATOR_PORT ?? 8787);
  let tokenLifetimeSeconds: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = (): number => {
      const text = inline ?? argv[++i];
      const number = Number(text);
      if (text === undefined || !Number.isInteger(number) || number < 0) fail(`${flag} needs a whole number, got ${String(text)}`);
      return number;
    };
    if (flag === '--port') port = value();
    else if (flag === '--token-lifetime') tokenLifetimeSeconds = value();
    else if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else fail(`unknown option ${argv[i]}`);
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`invalid port ${port}`);
  return { port, tokenLifetimeSeconds };
}

function fail(message: string): never {
  console.error(`sinch emulator: ${message}\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const emulator = await startEmulator(parseArgs(process.argv.slice(2)));
  console.log(
    [
      'Sinch Conversation API emulator (App and Webhook endpoints, OAuth2 tokens, signed callbacks)',
      '',
      `  API base URL  ${emulator.url}    (apps: ${emulator.url}/v1/projects/${emulator.projectId}/apps)`,
      `  Token URL     ${emulator.tokenUrl}`,
      `  Project ID    ${emulator.projectId}`,
      `  Key ID        ${emulator.keyId}`,
      `  Key secret    ${emulator.keySecret}`,
      '',
      'In n8n, create a Sinch Conversation API credential with Region "Custom",',
      `Base URL ${emulator.url}, Token URL ${emulator.tokenUrl}, and the project ID, key ID and key secret above.`,
      '',
      `Control endpoints (no auth): GET ${emulator.url}/_emulator/info | requests | apps | webhooks | deliveries,`,
      '  POST /_emulator/reset | expire-tokens | faults ({"kind":"fail","status":503,"times":2} and the like),',
      '  POST /_emulator/events {"app_id":"...","trigger":"MESSAGE_INBOUND"} delivers a signed callback to the app\'s webhooks.',
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
