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
	let removedInRun = removals.get(this);
	if (!removedInRun) {
		removedInRun = new Map();
		removals.set(this, removedInRun);
	}
	for (const [id, role] of [
		[keepId, 'Contact to Keep'],
		[removeId, 'Contact to Remove'],
	]) {
		const other = removedInRun.get(id);
		if (other !== undefined && other !== itemIndex)
			throw new NodeOperationError(
				this.getNode(),
				`Item ${other} of this run removes contact ${id}, the ${role} of this item`,
				{
					itemIndex,
					description:
						'Items of one run are merged at the same time, so a contact one item removes cannot take part in another. Merge it in a later run, or merge into the contact the first item keeps.',
				},
			);
	}
	removedInRun.set(removeId, itemIndex);
	return { keepId, removeId };
}

/** The contacts each run's items remove, so no other item of the run merges into or from one of them. */
const removals = new WeakMap<object, Map<string, number>>();

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
