import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { CHANNEL_BY_VALUE, channelOptions } from '../../helpers/channels';
import { optionsCollection } from '../../shared/requestOptions';
import type { OperationMeta } from '../operation';
import { DISPATCH_MODE_HINT, getContact, listContacts } from './contactApi';
import { readRequiredText } from './contactFields';
import { contactLocatorProperty, readContactId } from './contactLocator';

const properties: INodeProperties[] = [
	{
		displayName: 'Find By',
		name: 'findBy',
		type: 'options',
		default: 'id',
		description: 'How to find the contact',
		options: [
			{ name: 'Contact', value: 'id', description: 'A contact from the list, or its ID' },
			{
				name: 'Channel Identity',
				value: 'identity',
				description:
					'Who the contact is on a channel: the channel and identity of an inbound message, say',
			},
			{
				name: 'External ID',
				value: 'externalId',
				description: 'The ID your own system gave the contact',
			},
		],
	},
	{ ...contactLocatorProperty, displayOptions: { show: { findBy: ['id'] } } },
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		default: 'SMS',
		options: channelOptions,
		displayOptions: { show: { findBy: ['identity'] } },
	},
	{
		displayName: 'Identity',
		name: 'identity',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 46732001122',
		description:
			"The identity on that channel, as Sinch has it: an inbound message's message.channel_identity.identity, e.g. 46732001122",
		displayOptions: { show: { findBy: ['identity'] } },
	},
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		default: '',
		required: true,
		description: 'The External ID the contact was given',
		displayOptions: { show: { findBy: ['externalId'] } },
	},
	optionsCollection(),
];

export const meta: OperationMeta = { noun: 'contact' };

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['get'] } },
	properties,
);

type Lookup =
	| { by: 'id'; id: string }
	| { by: 'identity' | 'externalId'; qs: IDataObject; described: string };

export function prepare(this: IExecuteFunctions, itemIndex: number): Lookup {
	const findBy = this.getNodeParameter('findBy', itemIndex, 'id') as string;
	if (findBy === 'identity') {
		const channel = String(this.getNodeParameter('channel', itemIndex, 'SMS'));
		const name = CHANNEL_BY_VALUE.get(channel)?.name;
		if (!name)
			throw new NodeOperationError(this.getNode(), `"${channel}" is not a channel`, {
				itemIndex,
				description: `Pick one of: ${channelOptions.map((option) => option.name).join(', ')}.`,
			});
		const identity = readRequiredText.call(
			this,
			'identity',
			'Identity',
			itemIndex,
			'Give who the contact is on the channel, e.g. a phone number.',
		);
		return {
			by: 'identity',
			qs: { channel, identity },
			described: `the ${name} identity ${identity}`,
		};
	}
	if (findBy === 'externalId') {
		const externalId = readRequiredText.call(
			this,
			'externalId',
			'External ID',
			itemIndex,
			'Give the ID your own system gave the contact.',
		);
		return {
			by: 'externalId',
			qs: { external_id: externalId },
			described: `the external ID ${externalId}`,
		};
	}
	return { by: 'id', id: readContactId.call(this, itemIndex) };
}

/** At most this many matches are read to report that there are several. */
const MATCHES_READ = 5;

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	lookup: Lookup,
): Promise<IDataObject> {
	if (lookup.by === 'id') return await getContact.call(this, lookup.id, itemIndex);
	const found = await listContacts.call(this, lookup.qs, MATCHES_READ, itemIndex);
	if (found.length === 1) return found[0];
	if (found.length === 0)
		throw new NodeOperationError(this.getNode(), `No contact has ${lookup.described}`, {
			itemIndex,
			description:
				lookup.by === 'identity'
					? `Sinch makes a contact when a message comes from or goes to an identity, but only for apps in CONVERSATION mode. ${DISPATCH_MODE_HINT} Check the channel and the identity's form too (phone numbers as Sinch has them, e.g. 46732001122).`
					: 'Check the External ID, or find the contact By Channel Identity and set its External ID with Contact → Update.',
		});
	const ids = found.map((contact) => String(contact.id));
	throw new NodeOperationError(
		this.getNode(),
		`${found.length === MATCHES_READ ? `At least ${MATCHES_READ}` : found.length} contacts have ${lookup.described}: ${ids.join(', ')}`,
		{
			itemIndex,
			description:
				'Get needs exactly one. Use Contact → Get Many with the same filter to see them all, then pick one By ID, or merge them with Contact → Merge.',
		},
	);
}
