import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../shared/requestOptions';
import type { OperationMeta } from '../operation';
import { createContact, CREATING_CONTACT } from './contactApi';
import {
	contactFieldProperties,
	createLanguageProperty,
	identitiesProperty,
	readContactFields,
	readIdentities,
} from './contactFields';
import { claimIdentities } from './identityClaims';

const properties: INodeProperties[] = [
	identitiesProperty,
	createLanguageProperty,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		default: {},
		placeholder: 'Add Field',
		options: contactFieldProperties('create'),
	},
	optionsCollection(),
];

export const meta: OperationMeta = { noun: 'contact', makes: CREATING_CONTACT };

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['create'] } },
	properties,
);

export function prepare(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const identities = readIdentities.call(
		this,
		this.getNodeParameter('channelIdentities', itemIndex, {}),
		itemIndex,
	);
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const language = this.getNodeParameter('language', itemIndex, 'EN_US') as string;
	const fields = readContactFields.call(this, { ...additional, language }, itemIndex);
	claimIdentities.call(this, itemIndex, identities);
	return { channel_identities: identities, ...fields };
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
): Promise<IDataObject> {
	return await createContact.call(this, body, itemIndex);
}
