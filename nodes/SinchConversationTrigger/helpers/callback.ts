import type { IDataObject } from 'n8n-workflow';

import { WEBHOOK_TRIGGERS } from '../../SinchConversation/helpers/webhookRules';
import { flatFields } from './events';

const TRIGGER_BY_KEY = new Map(WEBHOOK_TRIGGERS.map((trigger) => [trigger.bodyKey, trigger.value]));

export interface Callback {
	/** Sinch's trigger name, derived from the one key that names the event; UNSUPPORTED when none is known. */
	trigger: string;
	/** The body key that holds the event's own object, when known. */
	eventKey?: string;
	body: IDataObject;
}

/** Reads a callback body (JSON text as received); undefined when it is not a JSON object. */
export function parseCallback(rawBody: string): Callback | undefined {
	let body: unknown;
	try {
		body = JSON.parse(rawBody);
	} catch {
		return undefined;
	}
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const object = body as IDataObject;
	const eventKey = Object.keys(object).find((key) => TRIGGER_BY_KEY.has(key));
	return {
		trigger: eventKey ? (TRIGGER_BY_KEY.get(eventKey) as string) : 'UNSUPPORTED',
		eventKey,
		body: object,
	};
}

/**
 * The output item: the event name first, the app and project IDs and times, the flat fields of inbound messages and
 * delivery reports, then Sinch's fields as sent (a key Sinch sends wins over a flat field of the same name).
 */
export function callbackItem(callback: Callback, rawBody?: string): IDataObject {
	const { app_id, project_id, event_time, accepted_time, ...rest } = callback.body;
	return {
		trigger: callback.trigger,
		app_id,
		project_id,
		event_time,
		accepted_time,
		...flatFields(callback),
		...rest,
		...(rawBody === undefined ? {} : { rawBody }),
	};
}
