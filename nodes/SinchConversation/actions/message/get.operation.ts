import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../shared/requestOptions';
import type { OperationMeta } from '../operation';
import { getMessage } from './messageApi';
import {
	messageIdProperty,
	messageSourceOption,
	readMessageRef,
	type MessageRef,
} from './messageLocator';

const properties: INodeProperties[] = [messageIdProperty, optionsCollection([messageSourceOption])];

export const meta: OperationMeta = { noun: 'message' };

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['get'] } },
	properties,
);

export const prepare = readMessageRef;

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	{ messageId, source }: MessageRef,
): Promise<IDataObject> {
	return await getMessage.call(this, messageId, source, itemIndex);
}
