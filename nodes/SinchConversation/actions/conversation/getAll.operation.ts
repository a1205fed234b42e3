import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { appLocatorProperty, readAppId } from '../../shared/appLocator';
import { RESOURCE_ID_PATTERN } from '../../shared/idLocator';
import { optionsCollection } from '../../shared/requestOptions';
import { returnAllAndLimit } from '../../shared/returnAll';
import { assertValid } from '../app/appInput';
import { channelOptions } from '../message/messageFields';
import type { OperationMeta } from '../operation';
import { listConversations, refuseDispatchApp } from './conversationApi';

const EXAMPLE_CONTACT_ID = '01HZX7E3G5H6J7K8M9N0P1Q2RS';

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
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		default: '',
		required: true,
		placeholder: `e.g. ${EXAMPLE_CONTACT_ID}`,
		description: 'The contact, e.g. the contact_id of a trigger item',
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
	const problems: string[] = [];
	if (listBy !== 'contact') qs.app_id = readAppId.call(this, itemIndex);
	if (listBy !== 'app') {
		const contactId = String(this.getNodeParameter('contactId', itemIndex, '') ?? '').trim();
		if (contactId === '')
			problems.push(`Contact ID is empty: give the contact's ID, e.g. ${EXAMPLE_CONTACT_ID}.`);
		else if (!RESOURCE_ID_PATTERN.test(contactId))
			problems.push(`Contact ID "${contactId.slice(0, 60)}" is not a contact ID.`);
		qs.contact_id = contactId;
	}
	const status = this.getNodeParameter('status', itemIndex, 'all') as string;
	// Sinch's only_active=false lists the ended ones only; left out, it lists all.
	if (status !== 'all') qs.only_active = status === 'active';
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	if (typeof filters.activeChannel === 'string' && filters.activeChannel !== '')
		qs.active_channel = filters.activeChannel;
	assertValid.call(this, problems, itemIndex, 'Nothing was sent for this item.');
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	return {
		qs,
		appId: qs.app_id as string | undefined,
		limit: returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number),
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
