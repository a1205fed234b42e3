import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../shared/requestOptions';
import type { OperationMeta } from '../operation';
import { getContact, mergeContacts, MERGING_CONTACTS } from './contactApi';
import { contactLocator, readContactId } from './contactLocator';

const properties: INodeProperties[] = [
	contactLocator({
		name: 'keepContactId',
		displayName: 'Contact to Keep',
		description:
			'The contact that stays: it gets the identities of the other on channels it lacks, the fields it has empty, and its conversations',
	}),
	contactLocator({
		name: 'removeContactId',
		displayName: 'Contact to Remove',
		description:
			'The contact that is merged into the one kept and then deleted: its ID no longer works afterwards',
	}),
	optionsCollection(),
];

export const meta: OperationMeta = { noun: 'contact', makes: MERGING_CONTACTS };

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['merge'] } },
	properties,
);

interface PreparedMerge {
	keepId: string;
	removeId: string;
}

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedMerge {
	const keepId = readContactId.call(this, itemIndex, 'keepContactId', 'Contact to Keep');
	const removeId = readContactId.call(this, itemIndex, 'removeContactId', 'Contact to Remove');
	if (keepId === removeId)
		throw new NodeOperationError(
			this.getNode(),
			`Contact to Keep and Contact to Remove are the same contact (${keepId})`,
			{
				itemIndex,
				description:
					'A merge needs two different contacts: choose the one to keep and the one whose identities move over and that is then removed. Nothing was sent.',
			},
		);
	return { keepId, removeId };
}

/**
 * Reads both contacts first, so a missing one is named as the one to keep or to remove, then merges. The output says
 * which was kept and which removed, with the merged contact.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	{ keepId, removeId }: PreparedMerge,
): Promise<IDataObject> {
	const [, removed] = await Promise.all([
		getContact.call(this, keepId, itemIndex),
		getContact.call(this, removeId, itemIndex),
	]);
	const contact = await mergeContacts.call(this, keepId, removeId, itemIndex);
	return {
		keptContactId: keepId,
		removedContactId: removeId,
		removedDisplayName: removed.display_name ?? '',
		contact,
	};
}
