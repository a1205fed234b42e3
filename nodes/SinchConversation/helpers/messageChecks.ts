import type { IDataObject } from 'n8n-workflow';

import { SEND_LIMITS } from './messageBody';
import { messageContentProblems } from './messageTypes';
import { MESSAGE_CHANNELS, recipientChannels } from './recipient';

const tooLong = (value: unknown, max: number, label: string): string[] =>
	typeof value === 'string' && value.length > max
		? [`${label} has ${value.length} characters; Sinch allows at most ${max}.`]
		: [];

/**
 * What Sinch would refuse in a send body, found before it is sent: the message content's rules and the request's
 * limits. Labels are the panel's names, with Sinch's in brackets where they differ, so JSON users find them too.
 */
export function sendBodyProblems(body: IDataObject): string[] {
	const problems: string[] = [];
	const message = body.message;
	if (typeof message !== 'object' || message === null || Array.isArray(message))
		problems.push('The message is not an object.');
	else problems.push(...messageContentProblems(message as IDataObject));
	problems.push(
		...tooLong(
			body.message_metadata,
			SEND_LIMITS.messageMetadata,
			'Message Metadata (message_metadata)',
		),
		...tooLong(body.correlation_id, SEND_LIMITS.correlationId, 'Correlation ID (correlation_id)'),
	);
	if (body.conversation_metadata !== undefined) {
		const length = JSON.stringify(body.conversation_metadata).length;
		if (length > SEND_LIMITS.conversationMetadata)
			problems.push(
				`Conversation Metadata (conversation_metadata) has ${length} characters as JSON; Sinch allows at most ${SEND_LIMITS.conversationMetadata}.`,
			);
	}
	for (const [key, value] of Object.entries((body.channel_properties as IDataObject) ?? {}))
		problems.push(
			...tooLong(value, SEND_LIMITS.channelPropertyValue, `Channel Properties, ${key}`),
		);
	if (typeof body.ttl === 'string') {
		const seconds = Number(body.ttl.slice(0, -1));
		if (
			!/^\d+s$/.test(body.ttl) ||
			seconds < SEND_LIMITS.ttlMinSeconds ||
			seconds > SEND_LIMITS.ttlMaxSeconds
		)
			problems.push(
				`TTL (Seconds) ${body.ttl.slice(0, -1)} is out of range: Sinch takes ${SEND_LIMITS.ttlMinSeconds} to ${SEND_LIMITS.ttlMaxSeconds} seconds.`,
			);
	}
	for (const channel of (body.channel_priority_order as string[] | undefined) ?? []) {
		if (!MESSAGE_CHANNELS.includes(channel))
			problems.push(
				`Channel Priority Order: "${channel}" is not a Sinch channel; use one of ${MESSAGE_CHANNELS.join(', ')}.`,
			);
	}
	if (typeof body.callback_url === 'string' && !/^https?:\/\/\S+$/i.test(body.callback_url))
		problems.push(`Callback URL "${body.callback_url.slice(0, 80)}" is not an http(s) URL.`);
	return problems;
}

/** The channels an app has credentials for, in the app's order. */
export function appChannels(app: IDataObject): string[] {
	const entries = Array.isArray(app.channel_credentials)
		? (app.channel_credentials as IDataObject[])
		: [];
	return [...new Set(entries.map((entry) => String(entry.channel)))];
}

/** The channels a message may go to, in the order Sinch tries them. */
export function plannedChannels(body: IDataObject, app: IDataObject): string[] {
	const order = (body.channel_priority_order as string[] | undefined) ?? [];
	const named = recipientChannels(body.recipient as IDataObject);
	if (named.length > 0) {
		const rank = (channel: string) =>
			order.includes(channel) ? order.indexOf(channel) : order.length;
		return [...named].sort((a, b) => rank(a) - rank(b));
	}
	return order.length > 0 ? order : appChannels(app);
}

/**
 * What Sinch refuses because of the app: a channel the app has no credentials for (in the priority order or a
 * channel identity), and a contact ID for an app in DISPATCH mode, which keeps no contacts.
 */
export function appProblems(body: IDataObject, app: IDataObject): string[] {
	const configured = appChannels(app);
	const has = configured.length > 0 ? `it has ${configured.join(', ')}` : 'it has no channel';
	const problems: string[] = [];
	const recipient = (body.recipient ?? {}) as IDataObject;
	const missing = [
		...new Set([
			...recipientChannels(recipient),
			...((body.channel_priority_order as string[] | undefined) ?? []),
		]),
	].filter((channel) => !configured.includes(channel));
	if (missing.length > 0)
		problems.push(
			`${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not configured on app ${String(app.id)} (${has}): send on a channel the app has, or add the channel to the app.`,
		);
	if (recipient.contact_id !== undefined && app.processing_mode === 'DISPATCH')
		problems.push(
			`App ${String(app.id)} is in DISPATCH processing mode, which keeps no contacts: send to a phone number or channel identities instead of a Contact ID.`,
		);
	return problems;
}
