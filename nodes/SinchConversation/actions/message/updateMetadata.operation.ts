import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { SEND_LIMITS } from '../../helpers/messageBody';
import { optionsCollection } from '../../shared/requestOptions';
import type { OperationMeta } from '../operation';
import { updateMessageMetadata } from './messageApi';
import {
	messageIdProperty,
	messageSourceOption,
	readMessageRef,
	type MessageRef,
} from './messageLocator';

const properties: INodeProperties[] = [
	messageIdProperty,
	{
		displayName: 'Metadata',
		name: 'metadata',
		type: 'string',
		default: '',
		description: `The message's new metadata, replacing the old, at most ${SEND_LIMITS.messageMetadata} characters. Empty clears it.`,
	},
	optionsCollection([messageSourceOption]),
];

export const meta: OperationMeta = { noun: 'message' };

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['updateMetadata'] } },
	properties,
);

interface PreparedUpdate extends MessageRef {
	metadata: string;
}

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedUpdate {
	const ref = readMessageRef.call(this, itemIndex);
	const metadata = String(this.getNodeParameter('metadata', itemIndex, '') ?? '');
	if (metadata.length > SEND_LIMITS.messageMetadata)
		throw new NodeOperationError(
			this.getNode(),
			`Metadata has ${metadata.length} characters; Sinch allows at most ${SEND_LIMITS.messageMetadata}`,
			{ itemIndex, description: 'Shorten the metadata. Nothing was sent.' },
		);
	return { ...ref, metadata };
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	{ messageId, source, metadata }: PreparedUpdate,
): Promise<IDataObject> {
	return await updateMessageMetadata.call(this, messageId, metadata, source, itemIndex);
}
