import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { channelOptions } from '../../helpers/channels';
import { optionsCollection } from '../../shared/requestOptions';
import { readLimit, returnAllAndLimit } from '../../shared/returnAll';
import type { OperationMeta } from '../operation';
import { listContacts } from './contactApi';
import { readText } from './contactFields';

const properties: INodeProperties[] = [
	...returnAllAndLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		default: {},
		placeholder: 'Add Filter',
		description:
			'In the order Sinch lists them; without filters, every contact of the project. Filter by External ID, or by Channel and Identity together (Sinch takes one or the other).',
		options: [
			{
				displayName: 'Channel',
				name: 'channel',
				type: 'options',
				default: 'SMS',
				options: channelOptions,
				description: 'Only the contact with the Identity on this channel (needs Identity)',
			},
			{
				displayName: 'External ID',
				name: 'externalId',
				type: 'string',
				default: '',
				description: 'Only contacts with this External ID',
			},
			{
				displayName: 'Identity',
				name: 'identity',
				type: 'string',
				default: '',
				placeholder: 'e.g. 46732001122',
				description: 'Only the contact with this identity on the Channel (needs Channel)',
			},
		],
	},
	optionsCollection(),
];

export const meta: OperationMeta = { noun: 'contact' };

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['getAll'] } },
	properties,
);

interface PreparedList {
	qs: IDataObject;
	limit?: number;
}

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedList {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const externalId = readText.call(this, filters.externalId, 'External ID', itemIndex);
	const identity = readText.call(this, filters.identity, 'Identity', itemIndex);
	const channel = filters.channel === undefined ? '' : String(filters.channel);
	const refuse = (message: string, description: string) =>
		new NodeOperationError(this.getNode(), message, { itemIndex, description });
	if ((channel === '') !== (identity === ''))
		throw refuse(
			channel === ''
				? 'The Identity filter needs a Channel'
				: 'The Channel filter needs an Identity',
			'Sinch filters by a channel identity: add both Channel and Identity, or neither.',
		);
	if (externalId !== '' && identity !== '')
		throw refuse(
			'Filter by External ID or by Channel and Identity, not both',
			'Sinch takes one kind of filter at a time: remove one of them.',
		);
	const qs: IDataObject = {};
	if (externalId !== '') qs.external_id = externalId;
	if (identity !== '') Object.assign(qs, { channel, identity });
	return {
		qs,
		limit: readLimit.call(this, itemIndex),
	};
}

/** One output item per contact, through Sinch's pages (20 a page). */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	{ qs, limit }: PreparedList,
): Promise<IDataObject[]> {
	return await listContacts.call(this, qs, limit, itemIndex);
}
