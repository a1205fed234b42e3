import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { SEND_LIMITS } from '../../helpers/messageBody';
import { jsonField } from '../../helpers/messageTypes';
import { optionsCollection } from '../../shared/requestOptions';
import { assertValid } from '../app/appInput';
import type { OperationMeta } from '../operation';
import { updateConversationMetadata, type MetadataStrategy } from './conversationApi';
import { metadataStrategyOptions } from './conversationFields';
import { conversationTargetProperties, readConversationId } from './conversationLocator';

const EXAMPLE = '{"ticket": "T-1042", "agent": "Ann"}';

const properties: INodeProperties[] = [
	...conversationTargetProperties,
	{
		displayName: 'Metadata',
		name: 'metadata',
		type: 'json',
		default: '{}',
		required: true,
		description: `A JSON object kept on the conversation (its metadata_json) and sent with the contact's messages in the trigger, at most ${SEND_LIMITS.conversationMetadata} characters as JSON, e.g. ${EXAMPLE}`,
	},
	{
		displayName: 'Update Strategy',
		name: 'metadataUpdateStrategy',
		type: 'options',
		default: 'REPLACE',
		description: 'Whether the object replaces the metadata or is merged into it',
		options: metadataStrategyOptions,
	},
	optionsCollection(),
];

export const meta: OperationMeta = { noun: 'conversation' };

export const description = updateDisplayOptions(
	{ show: { resource: ['conversation'], operation: ['update'] } },
	properties,
);

interface PreparedUpdate {
	conversationId: string;
	metadata: IDataObject;
	strategy: MetadataStrategy;
}

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedUpdate {
	const conversationId = readConversationId.call(this, itemIndex);
	const problems: string[] = [];
	const raw = this.getNodeParameter('metadata', itemIndex, '') as unknown;
	const metadata = jsonField(raw, 'Metadata', 'object', EXAMPLE, problems) as
		| IDataObject
		| undefined;
	if (metadata === undefined && problems.length === 0)
		problems.push(
			`Metadata is empty: give a JSON object such as ${EXAMPLE}; {} with Replace clears it.`,
		);
	const length = metadata === undefined ? 0 : JSON.stringify(metadata).length;
	if (length > SEND_LIMITS.conversationMetadata)
		problems.push(
			`Metadata has ${length} characters as JSON; Sinch allows at most ${SEND_LIMITS.conversationMetadata}.`,
		);
	const strategy = this.getNodeParameter('metadataUpdateStrategy', itemIndex, 'REPLACE') as string;
	if (!metadataStrategyOptions.some((option) => option.value === strategy))
		problems.push(`Update Strategy "${strategy}" is not Replace or Merge.`);
	assertValid.call(this, problems, itemIndex, 'Nothing was sent for this item.');
	return {
		conversationId,
		metadata: metadata as IDataObject,
		strategy: strategy as MetadataStrategy,
	};
}

/** Answers the conversation as Sinch has it after the change. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	{ conversationId, metadata, strategy }: PreparedUpdate,
): Promise<IDataObject> {
	return await updateConversationMetadata.call(this, conversationId, metadata, strategy, itemIndex);
}
