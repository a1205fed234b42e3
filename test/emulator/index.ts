/**
 * Local emulator of the Sinch Conversation API App, Webhook, Message and Contact endpoints (with signed callback delivery) and Sinch's
 * OAuth2 token endpoint, for tests and manual runs of the node (`npm run emulator`). See README.md in this folder.
 */
import { Emulator } from './emulator';
import type { EmulatorOptions } from './types';

export { Emulator, DEFAULT_KEY_ID, DEFAULT_KEY_SECRET, DEFAULT_PROJECT_ID } from './emulator';
export { CHANNELS, CREDENTIAL_PROPERTIES_BY_CHANNEL, type Channel } from './credential-rules';
export { ULID_PATTERN } from './ulid';
export { SIGNATURE_ALGORITHM, SIGNATURE_HEADERS, signCallback } from './signing';
export type * from './types';
export type { ConversationMessage, StoredMessage } from './messages';
export type { Contact, ChannelIdentity, ContactFilters } from './contacts';
export type { Conversation, ConversationFilters } from './conversations';
export { DEFAULT_CONTACT_PAGE_SIZE, MAX_CONTACT_PAGE_SIZE } from './contact-api';
export type { DeliveryReportMode } from './delivery-reports';
export type { InboundRequest } from './inbound';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './message-api';
export { FAILING_IDENTITY_PREFIX } from './message-rules';
export { DEFAULT_RATE_LIMIT } from './rate-limits';
export { SEEDED_OMNI_TEMPLATES, SEEDED_WHATSAPP_TEMPLATES } from './template-seeds';
export { WHATSAPP_DEFAULT_PAGE_SIZE, WHATSAPP_MAX_PAGE_SIZE } from './templates';
export { whatsAppTemplateKeys, type TemplateFailure } from './template-sends';

export function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
	return Emulator.start(options);
}
