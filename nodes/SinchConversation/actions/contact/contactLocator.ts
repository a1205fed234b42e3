import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLocatorId } from '../../shared/idLocator';
import { DISPATCH_MODE_HINT } from './contactApi';

const EXAMPLE_CONTACT_ID = '01HZX5C8D1E2F3G4H5J6K7M8N9';

/**
 * A contact picker: From List (the project's contacts, searched by name, external ID or identity) or By ID. Used by
 * the Contact operations and by anything else that names one contact (the Conversation filters).
 */
export function contactLocator(
	options: { name?: string; displayName?: string; description?: string; required?: boolean } = {},
): INodeProperties {
	return {
		displayName: options.displayName ?? 'Contact',
		name: options.name ?? 'contactId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: options.required ?? true,
		description:
			options.description ??
			`The contact: From List searches the project's contacts by display name, external ID or identity; By ID takes the contact ID, e.g. ${EXAMPLE_CONTACT_ID}, the "contact_id" of an inbound message or the "id" of a Contact output`,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a contact...',
				typeOptions: { searchListMethod: 'searchContacts', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: `e.g. ${EXAMPLE_CONTACT_ID}`,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '\\s*[A-Za-z0-9_-]+\\s*',
							errorMessage: 'Not a contact ID: use letters and digits only',
						},
					},
				],
			},
		],
	};
}

export const contactLocatorProperty = contactLocator();

/**
 * Reads a contact picker; an empty value or one that cannot be an ID stops the item before anything is sent. An empty
 * `contact_id` is what an inbound message of an app in DISPATCH mode carries, so the message says so.
 */
export function readContactId(
	this: IExecuteFunctions,
	itemIndex: number,
	name = 'contactId',
	label = 'Contact',
): string {
	return readLocatorId.call(this, itemIndex, {
		parameter: name,
		label,
		noun: 'contact',
		help: `Pick the contact From List, or give its ID, e.g. ${EXAMPLE_CONTACT_ID}, from the "contact_id" of an inbound message or the "id" of a Contact output.`,
		emptyNote: `An inbound message or delivery report from an app in DISPATCH processing mode has an empty contact_id: ${DISPATCH_MODE_HINT}`,
	});
}
