import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../shared/requestOptions';
import type { OperationMeta } from '../operation';
import { getConversation } from './conversationApi';
import { conversationTargetProperties, readConversationId } from './conversationLocator';

const properties: INodeProperties[] = [...conversationTargetProperties, optionsCollection()];

export const meta: OperationMeta = { noun: 'conversation' };

export const description = updateDisplayOptions(
	{ show: { resource: ['conversation'], operation: ['get'] } },
	properties,
);

export const prepare = readConversationId;

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	conversationId: string,
): Promise<IDataObject> {
	return await getConversation.call(this, conversationId, itemIndex);
}
