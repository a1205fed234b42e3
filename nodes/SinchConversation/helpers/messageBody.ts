import type { IDataObject } from 'n8n-workflow';

import { jsonField, messageFromFields, type FieldValues } from './messageTypes';
import { recipientFrom, type RecipientInput } from './recipient';

/** Sinch's limits on a send request's fields (see the reference's Send Message request). */
export const SEND_LIMITS = {
	messageMetadata: 1024,
	conversationMetadata: 2048,
	correlationId: 128,
	channelPropertyValue: 1024,
	ttlMinSeconds: 3,
	ttlMaxSeconds: 315576000000,
};

/** The channel_properties keys Sinch names, with what each does (values are strings). */
export const CHANNEL_PROPERTIES: Array<{ value: string; description: string }> = [
	{ value: 'SMS_SENDER', description: 'Sender number or alphanumeric sender ID of the SMS' },
	{ value: 'SMS_FLASH_MESSAGE', description: '"true" shows the SMS at once without storing it' },
	{
		value: 'SMS_MAX_NUMBER_OF_MESSAGE_PARTS',
		description: 'Most parts a long SMS may be split into; longer texts fail',
	},
	{ value: 'MMS_SENDER', description: 'Sender number of the MMS' },
	{
		value: 'MMS_STRICT_VALIDATION',
		description: '"true" refuses content the MMS channel would change',
	},
	{ value: 'MESSENGER_MESSAGING_TYPE', description: 'Messenger messaging type, e.g. MESSAGE_TAG' },
	{ value: 'MESSENGER_MESSAGE_TAG', description: 'Messenger message tag, e.g. ACCOUNT_UPDATE' },
	{
		value: 'MESSENGER_NOTIFICATION_TYPE',
		description: 'Messenger notification: REGULAR, SILENT_PUSH, NO_PUSH',
	},
	{ value: 'VIBER_SENDER_NAME', description: 'Sender name shown on Viber' },
	{ value: 'VIBER_SENDER_AVATAR', description: 'URL of the sender avatar shown on Viber' },
	{
		value: 'TELEGRAM_DISABLE_LINK_PREVIEW',
		description: '"true" sends links without a preview on Telegram',
	},
	{ value: 'INSTAGRAM_MESSAGE_TAG', description: 'Instagram message tag, e.g. HUMAN_AGENT' },
	{ value: 'KAKAOTALK_AUTHENTICATION', description: 'KakaoTalk authentication flag' },
	{ value: 'LINE_VIDEO_TRACKING_ID', description: 'LINE video tracking ID' },
	{ value: 'RCS_WEBVIEW_MODE', description: 'How RCS opens URL choices: FULL, HALF or TALL' },
	{ value: 'RCS_CARD_ORIENTATION', description: 'RCS card orientation: VERTICAL or HORIZONTAL' },
	{
		value: 'RCS_CARD_THUMBNAIL_IMAGE_ALIGNMENT',
		description: 'Where a horizontal RCS card shows its image: LEFT or RIGHT',
	},
];

/**
 * The Send's Options as the panel holds them (each optional). Another caller (Send and Wait) fills the same shape.
 */
export interface SendOptionValues {
	channelPriorityOrder?: string[] | string;
	channelProperties?: { property?: Array<{ key?: string; value?: string }> };
	ttl?: number | string;
	messageMetadata?: string;
	conversationMetadata?: string | IDataObject;
	conversationMetadataUpdateStrategy?: string;
	correlationId?: string;
	callbackUrl?: string;
	queue?: string;
	processingStrategy?: string;
	messageContentType?: string;
	agentName?: string;
	agentType?: string;
	agentPictureUrl?: string;
	replyToMessageId?: string;
}

const text = (value: unknown) =>
	typeof value === 'string' ? value.trim() : value == null ? '' : String(value);

/** A list from a multi-select, or from an expression as a list or a comma-separated string. */
export function channelList(value: unknown): string[] {
	const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
	return list.map((entry) => String(entry).trim().toUpperCase()).filter((entry) => entry !== '');
}

/**
 * Fields of the send request from the Options, and the message-level ones (agent, quoted reply) to merge into the
 * message. Values that cannot be sent as such (a TTL that is not a number, metadata that is not JSON) are problems.
 */
export function sendOptionsFrom(
	options: SendOptionValues,
	problems: string[],
): { request: IDataObject; message: IDataObject } {
	const request: IDataObject = {};
	const message: IDataObject = {};
	const order = channelList(options.channelPriorityOrder);
	if (order.length > 0) request.channel_priority_order = order;
	const properties: IDataObject = {};
	(options.channelProperties?.property ?? []).forEach((property, index) => {
		const key = text(property.key);
		if (key === '') problems.push(`Channel Properties, entry ${index + 1}: Property is empty.`);
		else if (key in properties) problems.push(`Channel Properties: ${key} is given twice.`);
		properties[key] = property.value == null ? '' : String(property.value);
	});
	if (Object.keys(properties).length > 0) request.channel_properties = properties;
	if (options.ttl !== undefined && options.ttl !== '') {
		const seconds = Number(options.ttl);
		if (!Number.isInteger(seconds))
			problems.push(`TTL (Seconds) "${String(options.ttl)}" is not a whole number of seconds.`);
		request.ttl = `${Number.isInteger(seconds) ? seconds : String(options.ttl)}s`;
	}
	for (const [option, field] of [
		['messageMetadata', 'message_metadata'],
		['correlationId', 'correlation_id'],
		['callbackUrl', 'callback_url'],
		['queue', 'queue'],
		['processingStrategy', 'processing_strategy'],
		['messageContentType', 'message_content_type'],
		['conversationMetadataUpdateStrategy', 'conversation_metadata_update_strategy'],
	] as const) {
		const value = option === 'messageMetadata' ? options[option] : text(options[option]);
		if (value !== undefined && value !== '') request[field] = value;
	}
	const metadata = jsonField(
		options.conversationMetadata,
		'Conversation Metadata',
		'object',
		'{"order_id": "42"}',
		problems,
	);
	if (metadata !== undefined) request.conversation_metadata = metadata;
	else if (request.conversation_metadata_update_strategy !== undefined)
		problems.push(
			'Conversation Metadata Update Strategy is set without Conversation Metadata: add the metadata or remove the strategy.',
		);

	const agentName = text(options.agentName);
	if (agentName !== '' || text(options.agentPictureUrl) !== '') {
		if (agentName === '') problems.push('Agent Name is empty: an agent needs a display name.');
		const agent: IDataObject = { display_name: agentName, type: text(options.agentType) || 'BOT' };
		if (text(options.agentPictureUrl) !== '') agent.picture_url = text(options.agentPictureUrl);
		message.agent = agent;
	}
	if (text(options.replyToMessageId) !== '')
		message.reply_to = { message_id: text(options.replyToMessageId) };
	return { request, message };
}

export interface SendInput {
	appId: string;
	recipient: RecipientInput | IDataObject;
	/** The Message Type's value and its fields, or Sinch's message object itself. */
	message: { type: string; values: FieldValues } | { sinch: IDataObject };
	options?: SendOptionValues;
}

/**
 * The body of `POST /messages:send` from what the panel holds. Everything that cannot be built is listed in
 * `problems` (in the panel's words); the limits are checked apart, by sendBodyProblems, on the body as built.
 */
export function sendBody(input: SendInput): { body: IDataObject; problems: string[] } {
	const problems: string[] = [];
	const recipient =
		'kind' in input.recipient
			? recipientFrom(input.recipient as RecipientInput, problems)
			: (input.recipient as IDataObject);
	const built =
		'sinch' in input.message
			? { message: input.message.sinch, problems: [] }
			: messageFromFields(input.message.type, input.message.values);
	problems.push(...built.problems);
	const options = sendOptionsFrom(input.options ?? {}, problems);
	const body: IDataObject = {
		app_id: input.appId,
		recipient,
		message: { ...built.message, ...options.message },
		...options.request,
	};
	return { body, problems };
}
