/**
 * Local emulator of the Sinch Conversation API App and Webhook endpoints (with signed callback delivery) and Sinch's
 * OAuth2 token endpoint, for tests and manual runs of the node (`npm run emulator`). See README.md in this folder.
 */
import { Emulator } from './emulator';
import type { EmulatorOptions } from './types';

export { Emulator, DEFAULT_KEY_ID, DEFAULT_KEY_SECRET, DEFAULT_PROJECT_ID } from './emulator';
export { CHANNELS, CREDENTIAL_PROPERTIES_BY_CHANNEL, type Channel } from './credential-rules';
export { ULID_PATTERN } from './ulid';
export { SIGNATURE_ALGORITHM, SIGNATURE_HEADERS, signCallback } from './signing';
export type * from './types';

export function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
	return Emulator.start(options);
}
