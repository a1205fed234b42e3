/**
 * Local emulator of the Sinch Conversation API App endpoints and Sinch's OAuth2 token endpoint, for tests and manual
 * runs of the node (`npm run emulator`). See README.md in this folder.
 */
import { Emulator } from './emulator';
import type { EmulatorOptions } from './types';

export { Emulator, DEFAULT_KEY_ID, DEFAULT_KEY_SECRET, DEFAULT_PROJECT_ID } from './emulator';
export { CHANNELS, CREDENTIAL_PROPERTIES_BY_CHANNEL, type Channel } from './credential-rules';
export { ULID_PATTERN } from './ulid';
export type * from './types';

export function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return Emulator.start(options);
}
