import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../shared/requestOptions';
import type { OperationMeta } from '../operation';
import { updateContact } from './contactApi';
import { contactFieldProperties, readContactFields, type ChannelIdentity } from './contactFields';
import { contactLocatorProperty, readContactId } from './contactLocator';
import { claimIdentities } from './identityClaims';

const properties: INodeProperties[] = [
	contactLocatorProperty,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		default: {},
		placeholder: 'Add Field',
		description:
			'The fields to change; only these are sent, and Sinch keeps the others as they are. A field added but left empty is cleared; Channel Identities and Channel Priority replace the whole list.',
		options: contactFieldProperties('update'),
	},
	optionsCollection(),
];

export const meta: OperationMeta = { noun: 'contact' };

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['update'] } },
	properties,
);

interface PreparedUpdate {
	contactId: string;
	body: IDataObject;
}

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedUpdate {
	const contactId = readContactId.call(this, itemIndex);
	const values = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = readContactFields.call(this, values, itemIndex);
	if (Object.keys(body).length === 0)
		throw new NodeOperationError(this.getNode(), 'Update Fields is empty: nothing to change', {
			itemIndex,
			description: 'Add the fields to change under Update Fields, e.g. External ID.',
		});
	if (body.channel_identities)
		claimIdentities.call(this, itemIndex, body.channel_identities as ChannelIdentity[], contactId);
	return { contactId, body };
}

/** Sends the fields given, named in update_mask, so Sinch changes those and nothing else. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	{ contactId, body }: PreparedUpdate,
): Promise<IDataObject> {
	return await updateContact.call(this, contactId, body, Object.keys(body), itemIndex);
}
