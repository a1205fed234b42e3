import type { IDataObject } from 'n8n-workflow';

import { contentKeyOf } from './messageTypes';
import { smsParts } from './smsParts';

/**
 * What Sinch makes of a message on each channel it may go to, from the channel rules in the reference: Sinch
 * transcodes what a channel lacks, so a message can arrive as something less than what was sent. A `downgrade` is a
 * note of that kind (buttons become text, media a link); the others only inform (SMS parts).
 */
export interface RenderingNote {
	channel: string;
	note: string;
	downgrade: boolean;
}

/** WhatsApp's native reply buttons (see the reference's channel rendering rules). */
export const WHATSAPP_BUTTONS = { max: 3, titleMax: 20, textMax: 1024, postbackMax: 229 };

/** Longest text each channel takes; Viber Business cuts the rest. */
export const TEXT_MAX: Record<string, number> = { WHATSAPP: 4096, RCS: 2000, VIBERBM: 1000 };

export const RCS_LIMITS = {
	cardTitleMax: 200,
	cardDescriptionMax: 2000,
	carouselMin: 2,
	carouselMax: 10,
};

const asList = (value: unknown): IDataObject[] =>
	Array.isArray(value) ? (value as IDataObject[]) : [];
const asObject = (value: unknown): IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as IDataObject)
		: {};
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Why WhatsApp would not show these choices as reply buttons; undefined when it would. */
function whatsappButtonsProblem(choices: IDataObject[], text: string): string | undefined {
	if (choices.length > WHATSAPP_BUTTONS.max)
		return `${plural(choices.length, 'choice')}, more than ${WHATSAPP_BUTTONS.max}`;
	const kinds = choices.filter((choice) => choice.text_message === undefined);
	if (kinds.length > 0)
		return `${plural(kinds.length, 'choice')} not a text reply (URL, call or location)`;
	const titles = choices.map((choice) => String(asObject(choice.text_message).text ?? ''));
	const long = titles.find((title) => title.length > WHATSAPP_BUTTONS.titleMax);
	if (long !== undefined)
		return `the choice "${long.slice(0, 30)}" has ${long.length} characters, more than ${WHATSAPP_BUTTONS.titleMax}`;
	if (new Set(titles).size < titles.length) return 'two choices have the same title';
	const postback = choices.find(
		(choice) => String(choice.postback_data ?? '').length > WHATSAPP_BUTTONS.postbackMax,
	);
	if (postback)
		return `a choice's postback data is longer than ${WHATSAPP_BUTTONS.postbackMax} characters`;
	if (text.length > WHATSAPP_BUTTONS.textMax)
		return `the text has ${text.length} characters, more than ${WHATSAPP_BUTTONS.textMax}`;
	return undefined;
}

/** The message's own text, where it has one. */
function messageText(key: string | undefined, content: IDataObject): string | undefined {
	if (key === 'text_message') return String(content.text ?? '');
	if (key === 'choice_message') return String(asObject(content.text_message).text ?? '');
	return undefined;
}

function notesOn(channel: string, message: IDataObject): RenderingNote[] {
	const notes: RenderingNote[] = [];
	const add = (note: string, downgrade: boolean) =>
		notes.push({ channel, note: `${channel}: ${note}`, downgrade });
	// A channel-specific payload replaces the transcoded message on that channel: nothing to foresee.
	for (const override of [
		'explicit_channel_message',
		'channel_specific_message',
		'explicit_channel_omni_message',
	])
		if (asObject(message[override])[channel] !== undefined) return [];
	const key = contentKeyOf(message);
	if (key === undefined) return [];
	const content = asObject(message[key]);
	const text = messageText(key, content);
	const choices = asList(content.choices);

	if (key === 'list_message' && channel !== 'WHATSAPP')
		add('list messages are made for WhatsApp; here Sinch sends the rows as plain text', true);
	if (
		channel === 'WHATSAPP' &&
		(key === 'choice_message' || key === 'card_message') &&
		choices.length > 0
	) {
		const problem = whatsappButtonsProblem(choices, text ?? String(content.description ?? ''));
		if (problem) add(`${problem}: the choices arrive as a numbered text list, not buttons`, true);
	}
	if (channel === 'SMS') {
		if (key === 'text_message' && text !== undefined) {
			const sms = smsParts(text);
			const why = sms.unicode === undefined ? '' : ` (the ${JSON.stringify(sms.unicode)})`;
			add(
				`${plural(sms.parts, 'part')}, ${sms.encoding}${why}, ${plural(sms.units, 'character')}`,
				false,
			);
		}
		if (key === 'choice_message' || key === 'card_message' || key === 'carousel_message')
			add(
				'SMS has no buttons or cards: the message arrives as plain text, choices as a numbered list',
				true,
			);
		if (key === 'media_message')
			add('SMS has no media: the media arrives as a link in the text', true);
	}
	const max = TEXT_MAX[channel];
	if (max !== undefined && text !== undefined && text.length > max)
		add(
			`the text has ${text.length} characters, more than the ${max} this channel takes${channel === 'VIBERBM' ? ': the rest is cut off' : ''}`,
			true,
		);
	if (channel === 'RCS') {
		const cards =
			key === 'card_message' ? [content] : key === 'carousel_message' ? asList(content.cards) : [];
		cards.forEach((card, index) => {
			const which = cards.length > 1 ? `card ${index + 1}` : 'the card';
			const title = String(card.title ?? '');
			const description = String(card.description ?? '');
			if (title.length > RCS_LIMITS.cardTitleMax)
				add(
					`${which}'s title has ${title.length} characters, more than ${RCS_LIMITS.cardTitleMax}`,
					true,
				);
			if (description.length > RCS_LIMITS.cardDescriptionMax)
				add(
					`${which}'s description has ${description.length} characters, more than ${RCS_LIMITS.cardDescriptionMax}`,
					true,
				);
		});
		if (
			key === 'carousel_message' &&
			(cards.length < RCS_LIMITS.carouselMin || cards.length > RCS_LIMITS.carouselMax)
		)
			add(
				`a carousel of ${plural(cards.length, 'card')}: RCS shows carousels of ${RCS_LIMITS.carouselMin} to ${RCS_LIMITS.carouselMax} cards`,
				true,
			);
	}
	return notes;
}

/** The notes for every channel the message may go to, in that order. */
export function renderingNotes(message: IDataObject, channels: string[]): RenderingNote[] {
	return channels.flatMap((channel) => notesOn(channel, message));
}
