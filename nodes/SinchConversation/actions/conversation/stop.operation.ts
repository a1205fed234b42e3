import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../shared/requestOptions';
import type { OperationMeta } from '../operation';
import { getConversation, stopConversation } from './conversationApi';
import { conversationTargetProperties, readConversationId } from './conversationLocator';

const properties: INodeProperties[] = [
	...conversationTargetProperties.map((property) =>
		property.name === 'conversationId'
			? {
					...property,
					description: `${property.description}. The next message between the app and the contact starts a new conversation.`,
				}
			: property,
	),
	optionsCollection(),
];

export const meta: OperationMeta = { noun: 'conversation' };

export const description = updateDisplayOptions(
	{ show: { resource: ['conversation'], operation: ['stop'] } },
	properties,
);

export const prepare = readConversationId;

/** Statuses that say the request itself was fine but the conversation could not be stopped as it is. */
const refusedAsItIs = (error: unknown) => {
	const status = Number(error instanceof NodeApiError ? error.httpCode : undefined);
	return status >= 400 && status < 500 && ![401, 403, 404, 429].includes(status);
};

/**
 * Stops the conversation. Sinch refuses to stop one that is no longer active; then the conversation is read (one
 * request, only on that refusal), and one already ended is reported as such, not as a failure: what was asked holds.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	conversationId: string,
): Promise<IDataObject> {
	try {
		await stopConversation.call(this, conversationId, itemIndex);
	} catch (error) {
		// Hands back Sinch's own error unchanged (n8n does not wrap a NodeApiError twice).
		const refusal = new NodeApiError(this.getNode(), error as JsonObject, { itemIndex });
		if (!refusedAsItIs(error)) throw refusal;
		const conversation = await getConversation.call(this, conversationId, itemIndex);
		if (conversation.active !== false) throw refusal;
		return { id: conversationId, stopped: false, active: false, note: 'Already ended' };
	}
	return { id: conversationId, stopped: true, active: false };
}
