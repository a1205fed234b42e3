import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { appLocatorProperty, readAppId } from '../../shared/appLocator';
import { optionsCollection } from '../../shared/requestOptions';
import { readLimit, returnAllAndLimit } from '../../shared/returnAll';
import type { OperationMeta } from '../operation';
import { listConversations, refuseDispatchApp } from './conversationApi';

const properties: INodeProperties[] = [
	appLocatorProperty,
	{
		displayName: 'Active Only',
		name: 'onlyActive',
		type: 'boolean',
		default: false,
		description: 'Whether to leave out conversations that were stopped',
	},
	{
		displayName: 'Order',
		name: 'order',
		type: 'options',
		default: 'DESC',
		description: "By the time of each conversation's latest message",
		options: [
			{ name: 'Latest Message First', value: 'DESC' },
			{ name: 'Oldest Message First', value: 'ASC' },
		],
	},
	...returnAllAndLimit,
	optionsCollection(),
];

export const meta: OperationMeta = { noun: 'conversation' };

export const description = updateDisplayOptions(
	{ show: { resource: ['conversation'], operation: ['getRecent'] } },
	properties,
);

interface PreparedRecent {
	appId: string;
	qs: IDataObject;
	limit?: number;
}

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedRecent {
	const appId = readAppId.call(this, itemIndex);
	const qs: IDataObject = {
		app_id: appId,
		only_active: this.getNodeParameter('onlyActive', itemIndex, false) as boolean,
		order: this.getNodeParameter('order', itemIndex, 'DESC') as string,
	};
	return {
		appId,
		qs,
		limit: readLimit.call(this, itemIndex),
	};
}

/**
 * One output item per conversation: the conversation's fields with its latest message as `last_message` (Sinch
 * answers the two side by side), so `id` is the conversation's as in Get and Get Many.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	{ appId, qs, limit }: PreparedRecent,
): Promise<IDataObject[]> {
	const entries = await listConversations.call(this, 'recent', qs, limit, itemIndex);
	if (entries.length === 0) await refuseDispatchApp.call(this, appId, itemIndex);
	return entries.map((entry) => ({
		...((entry.conversation ?? {}) as IDataObject),
		last_message: entry.last_message ?? null,
	}));
}
