import type { IDataObject } from 'n8n-workflow';

import { smsPartsNote } from '../smsParts';
import type { WaitConfig } from './config';
import type { AnswerLinks } from './links';

export interface ComposedMessage {
	/** Sinch's `message` object of the send. */
	message: IDataObject;
	/** What SMS recipients get instead of the choice message. */
	smsText: string;
	/** Per channel, how the message arrives there. */
	notes: string[];
}

/** The labelled links the message offers: a button each where the channel has buttons. */
export function answerChoices(config: WaitConfig, links: AnswerLinks): Array<[string, string]> {
	if (config.responseType !== 'approval') return [[config.linkLabel, links.page]];
	const choices: Array<[string, string]> = [[config.approveLabel, links.approve ?? links.page]];
	if (config.decline && links.decline) choices.push([config.declineLabel, links.decline]);
	return choices;
}

/**
 * SMS pays for every character and a signed link is long (about 170 characters), so SMS gets one link: the direct
 * one for Approve Only, else the answer page, which shows the buttons or the form.
 */
export function smsText(config: WaitConfig, links: AnswerLinks): string {
	if (config.responseType === 'approval' && !config.decline)
		return `${config.message}\n${config.approveLabel}: ${links.approve ?? links.page}`;
	const label =
		config.responseType === 'approval'
			? `${config.approveLabel} / ${config.declineLabel}`
			: config.linkLabel;
	return `${config.message}\n${label}: ${links.page}`;
}

function channelNote(channel: string, buttons: number, sms: string): string {
	if (channel === 'SMS') return `SMS: ${smsPartsNote(sms)}, one link`;
	const what = `${buttons} link button${buttons === 1 ? '' : 's'}`;
	// WhatsApp's reply buttons carry text only, so Sinch lists link choices under the text.
	if (channel === 'WHATSAPP') return `WHATSAPP: ${what}, shown as links under the text`;
	return `${channel}: ${what}`;
}

/**
 * One message for every channel the send may reach: a choice message whose choices open the answer links (Sinch
 * draws them as buttons where the channel has them), and for SMS a short text with one link in its place.
 */
export function composeMessage(
	config: WaitConfig,
	links: AnswerLinks,
	channels: string[],
): ComposedMessage {
	const choices = answerChoices(config, links);
	const sms = smsText(config, links);
	const message: IDataObject = {
		choice_message: {
			text_message: { text: config.message },
			choices: choices.map(([title, url]) => ({ url_message: { title, url } })),
		},
		explicit_channel_omni_message: { SMS: { text_message: { text: sms } } },
	};
	const shown = channels.length > 0 ? channels : ['SMS', 'other channels'];
	return {
		message,
		smsText: sms,
		notes: shown.map((channel) => channelNote(channel, choices.length, sms)),
	};
}
