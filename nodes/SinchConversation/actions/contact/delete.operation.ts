import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../shared/requestOptions';
import type { OperationMeta } from '../operation';
import { deleteContact } from './contactApi';
import { contactLocatorProperty, readContactId } from './contactLocator';

const properties: INodeProperties[] = [
	{
		...contactLocatorProperty,
		description: `${contactLocatorProperty.description}. Deleted for good: if the person writes again, an app in CONVERSATION mode makes a new contact.`,
	},
	optionsCollection(),
];

export const meta: OperationMeta = { noun: 'contact' };

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['delete'] } },
	properties,
);

export const prepare = readContactId;

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	contactId: string,
): Promise<IDataObject> {
	await deleteContact.call(this, contactId, itemIndex);
	return { deleted: true, id: contactId };
}
