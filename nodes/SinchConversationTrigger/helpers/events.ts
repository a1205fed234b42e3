import type { IDataObject } from 'n8n-workflow';

import type { Callback } from './callback';

/** The states a message or event delivery report can carry, in the order Sinch moves through them. */
export const DELIVERY_STATUSES: Array<{ value: string; name: string; description: string }> = [
	{
		value: 'QUEUED_ON_CHANNEL',
		name: 'Queued on Channel',
		description: 'Sinch handed the message to the channel',
	},
	{ value: 'DELIVERED', name: 'Delivered', description: 'The channel delivered it' },
	{ value: 'READ', name: 'Read', description: 'The contact read it (channels that report it)' },
	{
		value: 'FAILED',
		name: 'Failed',
		description: 'It could not be delivered; the report says why (reason)',
	},
	{
		value: 'SWITCHING_CHANNEL',
		name: 'Switching Channel',
		description: 'The channel failed and Sinch tries the next one',
	},
];

/** Body keys of the delivery reports, whose `status` the Delivery Statuses filter reads. */
const DELIVERY_REPORT_KEYS = new Set(['message_delivery_report', 'event_delivery_report']);

export interface TriggerFilters {
	channels?: string[];
	deliveryStatuses?: string[];
}

const isObject = (value: unknown): value is IDataObject =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

const text = (value: unknown): string | null =>
	typeof value === 'string' || typeof value === 'number' ? String(value) : null;

function eventObject(callback: Callback): IDataObject | undefined {
	const event = callback.eventKey === undefined ? undefined : callback.body[callback.eventKey];
	return isObject(event) ? event : undefined;
}

/** The channel an event happened on: its channel identity's, or a plain `channel` (opt-in, capability, ...). */
export function eventChannel(callback: Callback): string | undefined {
	const event = eventObject(callback);
	if (!event) return undefined;
	const identity = event.channel_identity;
	const channel = isObject(identity) ? identity.channel : event.channel;
	return typeof channel === 'string' && channel !== '' ? channel.toUpperCase() : undefined;
}

/**
 * Whether the callback passes the trigger's filters. Empty filters let everything through; an event that names no
 * channel (a contact or conversation notification) passes the channel filter, and only delivery reports are held to
 * the status filter.
 */
export function passesFilters(callback: Callback, filters: TriggerFilters): boolean {
	const channels = filters.channels ?? [];
	if (channels.length > 0) {
		const channel = eventChannel(callback);
		if (channel !== undefined && !channels.includes(channel)) return false;
	}
	const statuses = filters.deliveryStatuses ?? [];
	if (statuses.length > 0 && callback.eventKey && DELIVERY_REPORT_KEYS.has(callback.eventKey)) {
		const status = text(eventObject(callback)?.status);
		if (status === null || !statuses.includes(status.toUpperCase())) return false;
	}
	return true;
}

/** Who and where: the same five fields for an inbound message and a delivery report. */
function party(event: IDataObject, messageId: unknown): IDataObject {
	const identity = isObject(event.channel_identity) ? event.channel_identity : {};
	return {
		channel: text(identity.channel),
		identity: text(identity.identity),
		contact_id: text(event.contact_id),
		conversation_id: text(event.conversation_id),
		message_id: text(messageId),
	};
}

/** What a contact sent, read from whichever kind of contact message it is; null where it has no such part. */
function content(message: IDataObject): IDataObject {
	const sent = isObject(message.contact_message) ? message.contact_message : {};
	const get = (key: string): IDataObject => (isObject(sent[key]) ? sent[key] : {});
	const media = get('media_message');
	const card = get('media_card_message');
	return {
		text: text(get('text_message').text) ?? text(card.caption),
		media_url: text(media.url) ?? text(card.url),
		postback_data: text(get('choice_response_message').postback_data),
	};
}

/**
 * The flat fields a workflow reaches for first (`{{ $json.text }}`, `{{ $json.status }}`), taken from Sinch's nested
 * objects, which stay in the item as they were sent. Only inbound messages and message delivery reports have them.
 */
export function flatFields(callback: Callback): IDataObject {
	const event = eventObject(callback);
	if (!event) return {};
	if (callback.trigger === 'MESSAGE_INBOUND') {
		return { ...content(event), ...party(event, event.id) };
	}
	if (callback.trigger === 'MESSAGE_DELIVERY') {
		const reason = isObject(event.reason) ? event.reason : {};
		return {
			status: text(event.status),
			reason: text(reason.code),
			...party(event, event.message_id),
		};
	}
	return {};
}
