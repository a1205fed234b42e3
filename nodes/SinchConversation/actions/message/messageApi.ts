import type { IDataObject } from 'n8n-workflow';

import { objectWith } from '../../helpers/sinchAnswer';
import { sinchApiRequest, type Making, type SinchContext } from '../../transport';

/** Sending: a repeat sends the message a second time. */
export const SENDING_MESSAGE: Making = {
	verb: 'send',
	done: 'sent',
	maybe: 'have been sent',
	recheck: "look for it in the app's delivery reports (Sinch Conversation Trigger)",
};

export async function sendMessage(
	this: SinchContext,
	body: IDataObject,
	itemIndex?: number,
): Promise<IDataObject> {
	return await sinchApiRequest.call(this, 'POST', '/messages:send', {
		body,
		itemIndex,
		noun: 'message',
		makes: SENDING_MESSAGE,
		expect: objectWith('a sent message', 'message_id'),
	});
}
