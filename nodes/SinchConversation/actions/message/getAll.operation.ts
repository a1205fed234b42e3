import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../shared/requestOptions';
import { readLimit, returnAllAndLimit } from '../../shared/returnAll';
import { parseAppId } from '../../shared/appLocator';
import type { OperationMeta } from '../operation';
import { listMessages } from './messageApi';
import { channelOptions } from '../../helpers/channels';
import { messageSourceOption } from './messageLocator';

const properties: INodeProperties[] = [
	...returnAllAndLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		default: {},
		placeholder: 'Add Filter',
		description: 'Newest messages first; without filters, every message of the project',
		options: [
			{
				displayName: 'App ID',
				name: 'appId',
				type: 'string',
				default: '',
				description: 'Only messages of this app',
			},
			{
				displayName: 'Channel',
				name: 'channel',
				type: 'options',
				default: 'SMS',
				options: channelOptions,
			},
			{
				displayName: 'Channel Identity',
				name: 'channelIdentity',
				type: 'string',
				default: '',
				placeholder: 'e.g. +46732001122',
				description:
					'Only messages to or from this identity (a phone number, a page-scoped ID, ...)',
			},
			{
				displayName: 'Contact ID',
				name: 'contactId',
				type: 'string',
				default: '',
				description: 'Only messages with this contact (not for the Dispatch source)',
			},
			{
				displayName: 'Conversation ID',
				name: 'conversationId',
				type: 'string',
				default: '',
				description: 'Only messages of this conversation (not for the Dispatch source)',
			},
			{
				displayName: 'Direction',
				name: 'direction',
				type: 'options',
				default: 'TO_APP',
				options: [
					{ name: 'Inbound (From Contacts)', value: 'TO_APP' },
					{ name: 'Outbound (To Contacts)', value: 'TO_CONTACT' },
				],
			},
			{
				displayName: 'Received After',
				name: 'startTime',
				type: 'dateTime',
				default: '',
				description: 'Only messages Sinch accepted after this time',
			},
			{
				displayName: 'Received Before',
				name: 'endTime',
				type: 'dateTime',
				default: '',
				description: 'Only messages Sinch accepted before this time',
			},
		],
	},
	optionsCollection([messageSourceOption]),
];

export const meta: OperationMeta = { noun: 'message' };

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['getAll'] } },
	properties,
);

interface PreparedList {
	qs: IDataObject;
	limit?: number;
}

const FILTER_KEYS: Array<[string, string]> = [
	['conversationId', 'conversation_id'],
	['contactId', 'contact_id'],
	['channelIdentity', 'channel_identity'],
	['channel', 'channel'],
	['direction', 'direction'],
];

function isoTime(
	this: IExecuteFunctions,
	value: unknown,
	label: string,
	itemIndex: number,
): string {
	const time = new Date(String(value));
	if (Number.isNaN(time.getTime()))
		throw new NodeOperationError(
			this.getNode(),
			`${label} "${String(value)}" is not a date and time`,
			{
				itemIndex,
				description: 'Give a date and time such as 2024-05-01T12:00:00Z.',
			},
		);
	return time.toISOString();
}

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedList {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const source = this.getNodeParameter('options.messagesSource', itemIndex, 'CONVERSATION_SOURCE');
	const qs: IDataObject = { messages_source: source };
	if (filters.appId) qs.app_id = parseAppId(this.getNode(), filters.appId, itemIndex);
	for (const [name, key] of FILTER_KEYS) {
		const value = typeof filters[name] === 'string' ? (filters[name] as string).trim() : '';
		if (value !== '') qs[key] = value;
	}
	if (source === 'DISPATCH_SOURCE' && (qs.contact_id || qs.conversation_id))
		throw new NodeOperationError(
			this.getNode(),
			'Contact ID and Conversation ID filters do not work with the Dispatch message source',
			{
				itemIndex,
				description:
					'Apps in DISPATCH mode keep no contacts or conversations: filter by Channel Identity or App ID instead.',
			},
		);
	if (filters.startTime)
		qs.start_time = isoTime.call(this, filters.startTime, 'Received After', itemIndex);
	if (filters.endTime)
		qs.end_time = isoTime.call(this, filters.endTime, 'Received Before', itemIndex);
	if (qs.start_time && qs.end_time && String(qs.start_time) >= String(qs.end_time))
		throw new NodeOperationError(this.getNode(), 'Received After is not before Received Before', {
			itemIndex,
			description: 'Swap the two times, or remove one of them.',
		});
	return {
		qs,
		limit: readLimit.call(this, itemIndex),
	};
}

/** One output item per message, newest first, through Sinch's pages. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	{ qs, limit }: PreparedList,
): Promise<IDataObject[]> {
	return await listMessages.call(this, qs, limit, itemIndex);
}
