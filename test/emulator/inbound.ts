import { CHANNELS } from './credential-rules';
import type { JsonObject } from './types';

/** A message from a contact to an app: exactly one of text, media URL or postback data (the answer to a choice). */
export interface InboundRequest {
	appId: string;
	channel: string;
	identity: string;
	text?: string;
	mediaUrl?: string;
	/** The postback_data of the choice the contact picked. */
	postbackData?: string;
	/** With postbackData: the ID of the choice message answered (Sinch's choice_response_message.message_id). */
	choiceMessageId?: string;
	/** Merged into the callback envelope, e.g. { message_metadata: '...' }. */
	body?: JsonObject;
}

/** Sinch's ContactMessage for the request, or what is wrong with the request. */
export function inboundContent(request: InboundRequest): JsonObject | string {
	if (typeof request.appId !== 'string' || request.appId === '') return 'app_id is required';
	if (!CHANNELS.includes(request.channel as (typeof CHANNELS)[number]))
		return `from.channel: must be one of ${CHANNELS.join(', ')}`;
	if (typeof request.identity !== 'string' || request.identity === '')
		return 'from.identity is required';
	const kinds = [request.text, request.mediaUrl, request.postbackData].filter(
		(value) => value !== undefined,
	);
	if (kinds.length !== 1) return 'give exactly one of text, media_url, postback_data';
	if (request.text !== undefined) return { text_message: { text: String(request.text) } };
	if (request.mediaUrl !== undefined) return { media_message: { url: String(request.mediaUrl) } };
	return {
		choice_response_message: {
			message_id: request.choiceMessageId ?? '',
			postback_data: String(request.postbackData),
		},
	};
}

/** POST /_emulator/events with `from` (snake_case like the API) as an inbound request. */
export function inboundFromEvent(body: JsonObject): InboundRequest {
	const from = (body.from ?? {}) as JsonObject;
	const text = (value: unknown): string | undefined =>
		typeof value === 'string' ? value : undefined;
	return {
		appId: body.app_id as string,
		channel: from.channel as string,
		identity: from.identity as string,
		text: text(body.text),
		mediaUrl: text(body.media_url),
		postbackData: text(body.postback_data),
		choiceMessageId: text(body.message_id),
		body: body.body as JsonObject | undefined,
	};
}
