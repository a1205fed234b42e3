import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../shared/requestOptions';
import type { OperationMeta } from '../operation';
import { deleteMessage } from './messageApi';
import {
	messageIdProperty,
	messageSourceOption,
	readMessageRef,
	type MessageRef,
} from './messageLocator';

const properties: INodeProperties[] = [
	{
		...messageIdProperty,
		description: `${messageIdProperty.description}. Deletes Sinch's copy only: a message already delivered stays on the recipient's device.`,
	},
	optionsCollection([messageSourceOption]),
];

export const meta: OperationMeta = { noun: 'message' };

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['delete'] } },
	properties,
);

export const prepare = readMessageRef;

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	{ messageId, source }: MessageRef,
): Promise<IDataObject> {
	await deleteMessage.call(this, messageId, source, itemIndex);
	return { deleted: true, id: messageId };
}
