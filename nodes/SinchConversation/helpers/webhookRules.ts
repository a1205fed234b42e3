/** Sinch's webhook rules, shared by the Webhook resource and the trigger node. */
export const WEBHOOKS_PER_APP = 5;
export const TARGET_MAX_LENGTH = 742;
export const TARGET_TYPES = ['HTTP', 'DISMISS'];
export const TOKEN_REQUEST_TYPES = ['BASIC', 'FORM'];

/** The event names a webhook can subscribe to, each with the callback key its body carries and a short description. */
export const WEBHOOK_TRIGGERS: Array<{
	value: string;
	name: string;
	bodyKey: string;
	description: string;
}> = [
	{
		value: 'MESSAGE_INBOUND',
		name: 'Message Inbound',
		bodyKey: 'message',
		description: 'A contact sent a message to the app',
	},
	{
		value: 'MESSAGE_DELIVERY',
		name: 'Message Delivery',
		bodyKey: 'message_delivery_report',
		description: 'Delivery report of a message the app sent (queued, delivered, read, failed)',
	},
	{
		value: 'MESSAGE_SUBMIT',
		name: 'Message Submit',
		bodyKey: 'message_submit_notification',
		description: 'A message the app sent was handed to the channel',
	},
	{
		value: 'EVENT_INBOUND',
		name: 'Event Inbound',
		bodyKey: 'event',
		description: 'A contact did something that is not a message, e.g. started typing',
	},
	{
		value: 'EVENT_DELIVERY',
		name: 'Event Delivery',
		bodyKey: 'event_delivery_report',
		description: 'Delivery report of an event the app sent',
	},
	{
		value: 'CONVERSATION_START',
		name: 'Conversation Start',
		bodyKey: 'conversation_start_notification',
		description: 'A conversation began (Conversation processing mode only)',
	},
	{
		value: 'CONVERSATION_STOP',
		name: 'Conversation Stop',
		bodyKey: 'conversation_stop_notification',
		description: 'A conversation was stopped',
	},
	{
		value: 'CONVERSATION_DELETE',
		name: 'Conversation Delete',
		bodyKey: 'conversation_delete_notification',
		description: 'A conversation was deleted',
	},
	{
		value: 'CONTACT_CREATE',
		name: 'Contact Create',
		bodyKey: 'contact_create_notification',
		description: 'A contact was created',
	},
	{
		value: 'CONTACT_DELETE',
		name: 'Contact Delete',
		bodyKey: 'contact_delete_notification',
		description: 'A contact was deleted',
	},
	{
		value: 'CONTACT_MERGE',
		name: 'Contact Merge',
		bodyKey: 'contact_merge_notification',
		description: 'Two contacts were merged into one',
	},
	{
		value: 'CONTACT_UPDATE',
		name: 'Contact Update',
		bodyKey: 'contact_update_notification',
		description: 'A contact was changed',
	},
	{
		value: 'CONTACT_IDENTITIES_DUPLICATION',
		name: 'Contact Identities Duplication',
		bodyKey: 'duplicated_identities',
		description: 'The same channel identity was found on several contacts',
	},
	{
		value: 'CAPABILITY',
		name: 'Capability',
		bodyKey: 'capability_notification',
		description: 'Answer to a capability lookup: which channels a contact can use',
	},
	{
		value: 'OPT_IN',
		name: 'Opt In',
		bodyKey: 'opt_in_notification',
		description: 'Answer to an opt-in request',
	},
	{
		value: 'OPT_OUT',
		name: 'Opt Out',
		bodyKey: 'opt_out_notification',
		description: 'Answer to an opt-out request',
	},
	{
		value: 'CHANNEL_EVENT',
		name: 'Channel Event',
		bodyKey: 'channel_event_notification',
		description: 'Something happened on a channel, e.g. a quality rating change on WhatsApp',
	},
	{
		value: 'SMART_CONVERSATION',
		name: 'Smart Conversation',
		bodyKey: 'smart_conversation_notification',
		description: 'Smart Conversations analysed a message (needs Smart Conversation on the app)',
	},
	{
		value: 'MESSAGE_INBOUND_SMART_CONVERSATION_REDACTION',
		name: 'Message Inbound Smart Conversation Redaction',
		bodyKey: 'message_redaction',
		description: 'An inbound message with personal data redacted by Smart Conversations',
	},
	{
		value: 'RECORD_NOTIFICATION',
		name: 'Record Notification',
		bodyKey: 'record_notification',
		description: 'A recording of a call or message became available',
	},
];

export const TRIGGER_VALUES = WEBHOOK_TRIGGERS.map((trigger) => trigger.value);

/** The webhook fields a client may send; the rest of a Get answer (id) is read-only. */
export const WEBHOOK_FIELDS = [
	'app_id',
	'target',
	'target_type',
	'secret',
	'triggers',
	'client_credentials',
];

/** Sinch's ClientCredentials limits. */
export const SCOPE_MAX_LENGTH = 1024;

/** Hosts Sinch refuses as a target: its own Conversation API (a webhook must not call the API itself). */
export const SINCH_API_HOST_PATTERNS = [
	/^conversation-api(\.[a-z0-9-]+)*\.sinch\.com$/i,
	/(^|\.)conversation\.api\.sinch\.com$/i,
];
