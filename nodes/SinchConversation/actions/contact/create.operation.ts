import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

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

const properties: INodeProperties[] = [
	identitiesProperty,
	createLanguageProperty,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		default: {},
		placeholder: 'Add Field',
		options: contactFieldProperties(false),
	},
	optionsCollection(),
];

export const meta: OperationMeta = { noun: 'contact', makes: CREATING_CONTACT };

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['create'] } },
	properties,
);

/** The identities each run's items create, so two items of one run never claim the same identity. */
const claimedInRun = new WeakMap<object, Map<string, number>>();

export function prepare(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const identities = readIdentities.call(this, itemIndex);
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const language = this.getNodeParameter('language', itemIndex, 'EN_US') as string;
	const fields = readContactFields.call(this, { ...additional, language }, itemIndex);
	let claimed = claimedInRun.get(this);
	if (!claimed) {
		claimed = new Map();
		claimedInRun.set(this, claimed);
	}
	for (const { channel, identity, app_id: appId } of identities) {
		const key = `${channel} ${appId ?? ''} ${identity}`;
		const other = claimed.get(key);
		if (other !== undefined && other !== itemIndex)
			throw new NodeOperationError(
				this.getNode(),
				`Item ${other} of this run already creates a contact with the ${channel} identity ${identity}`,
				{
					itemIndex,
					description:
						'A channel identity belongs to one contact only, so Sinch would refuse the second. Give each item its own identities, or add the identity to the first contact.',
				},
			);
		claimed.set(key, itemIndex);
	}
	return { channel_identities: identities, ...fields };
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
): Promise<IDataObject> {
	return await createContact.call(this, body, itemIndex);
}
