import type { IDataObject } from 'n8n-workflow';

import { CHANNELS } from './channels';

/** Sinch's channels a message can go to, in the names its API uses. */
export const MESSAGE_CHANNELS = CHANNELS.map((channel) => channel.value);

export const channelName = (value: string) =>
	CHANNELS.find((channel) => channel.value === value)?.name ?? value;

export interface ChannelIdentity {
	channel: string;
	identity: string;
}

/** Who a message goes to, as the panel (or another caller) states it. */
export type RecipientInput =
	| { kind: 'phone'; phoneNumber: string; channels: string[] }
	| { kind: 'identities'; identities: ChannelIdentity[] }
	| { kind: 'contact'; contactId: string };

const PHONE = /^\+?[1-9]\d{5,14}$/;

/** A phone number as typed (spaces, dashes, dots, brackets) in the form channels take: digits, maybe a leading +. */
export function normalisePhoneNumber(value: string): string {
	return value.trim().replace(/[\s\-().]/g, '');
}

function channelProblems(channel: string, where: string): string[] {
	if (channel === '') return [`${where}: Channel is empty.`];
	return MESSAGE_CHANNELS.includes(channel)
		? []
		: [`${where}: "${channel}" is not a Sinch channel; use one of ${MESSAGE_CHANNELS.join(', ')}.`];
}

/**
 * Sinch's `recipient` object. Channel identities are kept in the order given: it is the order Sinch tries them in
 * when no Channel Priority Order is set.
 */
export function recipientFrom(input: RecipientInput, problems: string[]): IDataObject {
	if (input.kind === 'contact') {
		const contactId = input.contactId.trim();
		if (contactId === '')
			problems.push('Contact ID is empty: give the Sinch contact ID to send to.');
		return { contact_id: contactId };
	}
	let identities: ChannelIdentity[];
	if (input.kind === 'phone') {
		const phoneNumber = normalisePhoneNumber(input.phoneNumber);
		if (phoneNumber === '') problems.push('Phone Number is empty.');
		else if (!PHONE.test(phoneNumber))
			problems.push(
				`Phone Number "${input.phoneNumber.slice(0, 40)}" is not a phone number in international form, e.g. +46732001122.`,
			);
		if (input.channels.length === 0)
			problems.push(
				'Channels is empty: choose the channels to reach this number on, e.g. WhatsApp then SMS.',
			);
		input.channels.forEach((channel) => problems.push(...channelProblems(channel, 'Channels')));
		identities = input.channels.map((channel) => ({ channel, identity: phoneNumber }));
	} else {
		if (input.identities.length === 0)
			problems.push('Channel Identities is empty: add at least one channel and identity.');
		identities = input.identities.map((entry, index) => {
			const where = `Channel Identities, entry ${index + 1}`;
			const channel = String(entry.channel ?? '')
				.trim()
				.toUpperCase();
			const identity = String(entry.identity ?? '').trim();
			problems.push(...channelProblems(channel, where));
			if (identity === '') problems.push(`${where}: Identity is empty.`);
			return { channel, identity };
		});
	}
	const seen = new Set<string>();
	for (const { channel, identity } of identities) {
		const key = `${channel}\n${identity}`;
		if (seen.has(key))
			problems.push(`${channel} ${identity} is given twice: give each identity once.`);
		seen.add(key);
	}
	return { identified_by: { channel_identities: identities } };
}

/** The channels a recipient names, in its order (none for a contact ID: Sinch chooses). */
export function recipientChannels(recipient: IDataObject): string[] {
	const identities = (recipient.identified_by as IDataObject | undefined)?.channel_identities;
	return Array.isArray(identities)
		? [...new Set((identities as ChannelIdentity[]).map((entry) => entry.channel))]
		: [];
}

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

export type TriggerReply =
	| { ok: true; appId: string; identity: ChannelIdentity; messageId?: string }
	| { ok: false; problem: string };

/**
 * Who to answer, from an output item of the Sinch Conversation Trigger: its app and the channel identity the event
 * came from (an inbound message's, or a delivery report's). The trigger's flat `channel`/`identity` fields serve
 * too, so an item passed through a Set node that kept only those still works.
 */
export function replyFromTriggerItem(item: unknown): TriggerReply {
	if (!isObject(item))
		return {
			ok: false,
			problem:
				'The trigger item is not an object: give the output item of a Sinch Conversation Trigger, e.g. {{ $json }} or {{ $("Sinch Conversation Trigger").item.json }}.',
		};
	const event = [item.message, item.message_delivery_report].find(isObject);
	const nested = isObject(event?.channel_identity) ? event.channel_identity : {};
	const channel = String(nested.channel ?? item.channel ?? '')
		.trim()
		.toUpperCase();
	const identity = String(nested.identity ?? item.identity ?? '').trim();
	const appId = String(item.app_id ?? nested.app_id ?? '')
		.trim()
		.toUpperCase();
	const missing = [
		appId === '' ? 'app_id' : undefined,
		channel === '' ? 'message.channel_identity.channel' : undefined,
		identity === '' ? 'message.channel_identity.identity' : undefined,
	].filter(Boolean);
	if (missing.length > 0) {
		const keys = Object.keys(item).slice(0, 8).join(', ') || 'no fields';
		return {
			ok: false,
			problem: `The trigger item has no ${missing.join(', ')}: Reply to Trigger Item needs an inbound message or delivery report from a Sinch Conversation Trigger (this item has ${keys}).`,
		};
	}
	const messageId =
		isObject(item.message) && typeof item.message.id === 'string' ? item.message.id : undefined;
	return { ok: true, appId, identity: { channel, identity }, messageId };
}
