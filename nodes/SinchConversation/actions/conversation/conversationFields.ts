import type { INodePropertyOptions } from 'n8n-workflow';

import type { MetadataStrategy } from './conversationApi';

/** How a conversation's JSON metadata changes: on Update, and on a Send that carries conversation metadata. */
export const metadataStrategyOptions: Array<INodePropertyOptions & { value: MetadataStrategy }> = [
	{ name: 'Replace', value: 'REPLACE', description: 'The given object becomes the metadata' },
	{
		name: 'Merge (JSON Merge Patch)',
		value: 'MERGE_PATCH',
		description: 'Keys given are set, keys given as null are removed, the others stay (RFC 7386)',
	},
];
