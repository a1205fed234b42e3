import { WEBHOOK_TRIGGERS } from '../../nodes/SinchConversation/helpers/webhookRules';
import { ulid } from './ulid';
import type { Json, JsonObject } from './types';

interface EventContext {
	appId: string;
	now: string;
	contactId: string;
	conversationId: string;
	channelIdentity: JsonObject;
}

const contact = (c: EventContext): JsonObject => ({
	id: c.contactId,
	channel_identities: [c.channelIdentity],
	display_name: 'Ada Lovelace',
	email: '',
	external_id: '',
	metadata: '',
	language: 'EN_US',
});

const conversation = (c: EventContext): JsonObject => ({
	id: c.conversationId,
	app_id: c.appId,
	contact_id: c.contactId,
	last_received: c.now,
	active_channel: 'SMS',
	active: true,
	metadata: '',
	metadata_json: {},
	correlation_id: '',
});

/** Plausible content for each trigger's body key; only the shape matters to receivers, not the values. */
const EVENT_CONTENT: Record<string, (c: EventContext) => JsonObject> = {
	message: (c) => ({
		id: ulid(),
		direction: 'TO_APP',
		contact_message: { text_message: { text: 'Hello from the emulator' } },
		channel_identity: c.channelIdentity,
		conversation_id: c.conversationId,
		contact_id: c.contactId,
		metadata: '',
		accept_time: c.now,
		sender_id: '',
		processing_mode: 'CONVERSATION',
		injected: false,
	}),
	message_delivery_report: (c) => ({
		message_id: ulid(),
		conversation_id: c.conversationId,
		status: 'DELIVERED',
		channel_identity: c.channelIdentity,
		contact_id: c.contactId,
		metadata: '',
		processing_mode: 'CONVERSATION',
	}),
	message_submit_notification: (c) => ({
		message_id: ulid(),
		conversation_id: c.conversationId,
		channel_identity: c.channelIdentity,
		contact_id: c.contactId,
		submitted_message: { text_message: { text: 'Your code is 1234' } },
		metadata: '',
		processing_mode: 'CONVERSATION',
	}),
	event: (c) => ({
		id: ulid(),
		direction: 'TO_APP',
		contact_event: { composing_event: {} },
		channel_identity: c.channelIdentity,
		contact_id: c.contactId,
		conversation_id: c.conversationId,
		accept_time: c.now,
		processing_mode: 'CONVERSATION',
	}),
	event_delivery_report: (c) => ({
		event_id: ulid(),
		status: 'DELIVERED',
		channel_identity: c.channelIdentity,
		contact_id: c.contactId,
		conversation_id: c.conversationId,
		metadata: '',
		processing_mode: 'CONVERSATION',
	}),
	conversation_start_notification: (c) => ({ conversation: conversation(c) }),
	conversation_stop_notification: (c) => ({ conversation: { ...conversation(c), active: false } }),
	conversation_delete_notification: (c) => ({
		conversation: { ...conversation(c), active: false },
	}),
	contact_create_notification: (c) => ({ contact: contact(c) }),
	contact_delete_notification: (c) => ({ contact: contact(c) }),
	contact_update_notification: (c) => ({ contact: contact(c) }),
	contact_merge_notification: (c) => ({
		preserved_contact: contact(c),
		deleted_contact: { ...contact(c), id: ulid() },
	}),
	duplicated_identities: (c) => ({
		duplicated_contact_identities: [{ channel: 'SMS', contact_ids: [c.contactId, ulid()] }],
	}),
	capability_notification: (c) => ({
		contact_id: c.contactId,
		identity: c.channelIdentity.identity as string,
		channel: 'SMS',
		capability_status: 'CAPABILITY_FULL',
		request_id: ulid(),
	}),
	opt_in_notification: (c) => ({
		request_id: ulid(),
		contact_id: c.contactId,
		channel: 'SMS',
		identity: c.channelIdentity.identity as string,
		status: 'OPT_IN_SUCCEEDED',
		processing_mode: 'CONVERSATION',
	}),
	opt_out_notification: (c) => ({
		request_id: ulid(),
		contact_id: c.contactId,
		channel: 'SMS',
		identity: c.channelIdentity.identity as string,
		status: 'OPT_OUT_SUCCEEDED',
		processing_mode: 'CONVERSATION',
	}),
	channel_event_notification: () => ({
		channel_event: {
			channel: 'WHATSAPP',
			event_type: 'WHATSAPP_QUALITY_RATING_CHANGED',
			additional_data: {},
		},
	}),
	smart_conversation_notification: (c) => ({
		contact_id: c.contactId,
		channel_identity: c.channelIdentity.identity as string,
		channel: 'SMS',
		message_id: ulid(),
		conversation_id: c.conversationId,
		analysis_results: {
			ml_sentiment_result: [
				{ message: 'Hello from the emulator', sentiment: 'neutral', score: 0.9 },
			],
		},
	}),
	message_redaction: (c) => ({
		id: ulid(),
		direction: 'TO_APP',
		contact_message: { text_message: { text: 'My card is {CREDIT_CARD}' } },
		channel_identity: c.channelIdentity,
		conversation_id: c.conversationId,
		contact_id: c.contactId,
		accept_time: c.now,
		processing_mode: 'CONVERSATION',
	}),
	record_notification: (c) => ({
		entity_id: ulid(),
		record_status: 'EVENT_RECORD_STORED',
		processing_mode: 'CONVERSATION',
		channel_identity: c.channelIdentity,
		contact_id: c.contactId,
		conversation_id: c.conversationId,
	}),
};

export function bodyKeyOf(trigger: string): string | undefined {
	return WEBHOOK_TRIGGERS.find((entry) => entry.value === trigger)?.bodyKey;
}

/**
 * The callback body Sinch would POST for `trigger` on app `appId`: the common envelope and the one key naming the
 * event (`content` when given, else plausible values), with `override` merged in (objects deeply; arrays and values
 * replace).
 */
export function callbackBody(
	trigger: string,
	appId: string,
	projectId: string,
	override: JsonObject = {},
	content?: JsonObject,
): JsonObject {
	const key = bodyKeyOf(trigger);
	const made = key === undefined ? undefined : EVENT_CONTENT[key];
	if (key === undefined || made === undefined) throw new Error(`unknown trigger ${trigger}`);
	const now = new Date().toISOString();
	const context: EventContext = {
		appId,
		now,
		contactId: ulid(),
		conversationId: ulid(),
		channelIdentity: { channel: 'SMS', identity: '46701234567', app_id: appId },
	};
	const body: JsonObject = {
		app_id: appId,
		accepted_time: now,
		event_time: now,
		project_id: projectId,
		[key]: content === undefined ? made(context) : structuredClone(content),
		message_metadata: '',
	};
	return merge(body, override) as JsonObject;
}

function isObject(value: Json | undefined): value is JsonObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function merge(base: Json, override: Json): Json {
	if (!isObject(base) || !isObject(override)) return structuredClone(override);
	const out: JsonObject = { ...base };
	for (const [key, value] of Object.entries(override))
		out[key] = key in base ? merge(base[key], value) : structuredClone(value);
	return out;
}
