import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../shared/requestOptions';
import type { OperationMeta } from '../operation';
import { deleteConversation } from './conversationApi';
import { conversationTargetProperties, readConversationId } from './conversationLocator';

const properties: INodeProperties[] = [
	...conversationTargetProperties.map((property) =>
		property.name === 'conversationId'
			? {
					...property,
					description: `${property.description}. Deletes the conversation and its messages at Sinch; what was delivered stays on the contact's device.`,
				}
			: property,
	),
	optionsCollection(),
];

export const meta: OperationMeta = { noun: 'conversation' };

export const description = updateDisplayOptions(
	{ show: { resource: ['conversation'], operation: ['delete'] } },
	properties,
);

export const prepare = readConversationId;

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	conversationId: string,
): Promise<IDataObject> {
	await deleteConversation.call(this, conversationId, itemIndex);
	return { deleted: true, id: conversationId };
}
