import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { channelOptions } from '../../helpers/channels';
import { appLocatorProperty, readAppId } from '../../shared/appLocator';
import { optionsCollection } from '../../shared/requestOptions';
import { readLimit, returnAllAndLimit } from '../../shared/returnAll';
import { contactLocator, readContactId } from '../contact/contactLocator';
import type { OperationMeta } from '../operation';
import { listConversations, refuseDispatchApp } from './conversationApi';

const properties: INodeProperties[] = [
	{
		displayName: 'Conversations Of',
		name: 'listBy',
		type: 'options',
		default: 'app',
		description: 'Sinch lists conversations per app, per contact, or of one contact with one app',
		options: [
			{ name: 'App', value: 'app' },
			{ name: 'Contact', value: 'contact' },
			{ name: 'App and Contact', value: 'both' },
		],
	},
	{ ...appLocatorProperty, displayOptions: { show: { listBy: ['app', 'both'] } } },
	{
		...contactLocator(),
		displayOptions: { show: { listBy: ['contact', 'both'] } },
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		default: 'all',
		options: [
			{ name: 'All', value: 'all' },
			{
				name: 'Active Only',
				value: 'active',
				description: 'The conversation going on now (one per app and contact)',
			},
			{ name: 'Ended Only', value: 'ended', description: 'Conversations that were stopped' },
		],
	},
	...returnAllAndLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		default: {},
		placeholder: 'Add Filter',
		options: [
			{
				displayName: 'Active Channel',
				name: 'activeChannel',
				type: 'options',
				default: 'SMS',
				description: 'Only conversations whose latest message went over this channel',
				options: channelOptions,
			},
		],
	},
	optionsCollection(),
];

export const meta: OperationMeta = { noun: 'conversation' };

export const description = updateDisplayOptions(
	{ show: { resource: ['conversation'], operation: ['getAll'] } },
	properties,
);

interface PreparedList {
	qs: IDataObject;
	appId?: string;
	limit?: number;
}

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedList {
	const listBy = this.getNodeParameter('listBy', itemIndex, 'app') as string;
	const qs: IDataObject = {};
	if (listBy !== 'contact') qs.app_id = readAppId.call(this, itemIndex);
	if (listBy !== 'app') qs.contact_id = readContactId.call(this, itemIndex);
	const status = this.getNodeParameter('status', itemIndex, 'all') as string;
	// Sinch's only_active=false lists the ended ones only; left out, it lists all.
	if (status !== 'all') qs.only_active = status === 'active';
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	if (typeof filters.activeChannel === 'string' && filters.activeChannel !== '')
		qs.active_channel = filters.activeChannel;
	return {
		qs,
		appId: qs.app_id as string | undefined,
		limit: readLimit.call(this, itemIndex),
	};
}

/** One output item per conversation, through Sinch's pages; an app in DISPATCH mode is an error, not "none". */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	{ qs, appId, limit }: PreparedList,
): Promise<IDataObject[]> {
	const conversations = await listConversations.call(this, 'all', qs, limit, itemIndex);
	if (conversations.length === 0 && appId) await refuseDispatchApp.call(this, appId, itemIndex);
	return conversations;
}
