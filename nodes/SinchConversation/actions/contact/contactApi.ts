import type { IDataObject } from 'n8n-workflow';

import { conversationModeHint } from '../../helpers/processingMode';
import { ANY_OBJECT, listUnder, objectWith } from '../../helpers/sinchAnswer';
import { sinchApiRequest, type Making, type SinchContext } from '../../transport';
import { pagedList } from '../../transport/paging';

/**
 * The contact endpoints. Contacts belong to the project (not to an app); Sinch keeps them for apps in CONVERSATION
 * processing mode only. A 404 names the contact.
 */
const NOUN = 'contact';
const A_CONTACT = objectWith('a contact');

/** The most contacts Sinch lists in one page. */
export const CONTACTS_PAGE_MAX = 20;

/** Creating a contact: a repeat is refused for the same identities, or makes a second contact. */
export const CREATING_CONTACT: Making = {
	verb: 'create',
	done: 'created',
	maybe: 'exist now',
	recheck: 'look for it with Contact → Get, By Channel Identity or By External ID',
};

/** Merging two contacts: the removed one is gone, so a repeat cannot merge it again. */
export const MERGING_CONTACTS: Making = {
	verb: 'merge',
	done: 'merged',
	maybe: 'have been merged',
	recheck: 'Get the Contact to Remove: if Sinch no longer finds it, the merge was done',
};

/** What to change when Sinch keeps no contacts for an app, said wherever that shows. */
export const DISPATCH_MODE_HINT = conversationModeHint('contacts');

/** Sinch's wording for an identity another contact has is its own; this says the rule and the ways out. */
const IDENTITY_TAKEN_NOTE =
	'If Sinch names a channel identity that another contact has: an identity belongs to one contact only. Remove it from that contact first (Contact → Update), or Merge the two contacts (Contact → Merge).';

const identitiesIn = (body: IDataObject) =>
	body.channel_identities === undefined ? undefined : IDENTITY_TAKEN_NOTE;

const contactPath = (contactId: string) => `/contacts/${encodeURIComponent(contactId)}`;

export async function createContact(
	this: SinchContext,
	body: IDataObject,
	itemIndex?: number,
): Promise<IDataObject> {
	return await sinchApiRequest.call(this, 'POST', '/contacts', {
		body,
		itemIndex,
		noun: NOUN,
		makes: CREATING_CONTACT,
		expect: A_CONTACT,
		badRequestNote: identitiesIn(body),
	});
}

export async function getContact(
	this: SinchContext,
	contactId: string,
	itemIndex?: number,
): Promise<IDataObject> {
	return await sinchApiRequest.call(this, 'GET', contactPath(contactId), {
		itemIndex,
		noun: NOUN,
		id: contactId,
		expect: A_CONTACT,
	});
}

/** `filters`: `external_id`, or `channel` with `identity` (Sinch takes one kind or the other). */
export async function listContacts(
	this: SinchContext,
	filters: IDataObject,
	limit: number | undefined,
	itemIndex?: number,
): Promise<IDataObject[]> {
	return await pagedList.call(this, 'GET', '/contacts', {
		qs: filters,
		itemIndex,
		key: 'contacts',
		what: 'a list of contacts',
		limit,
		maxPageSize: CONTACTS_PAGE_MAX,
	});
}

/** One page of contacts (the contact picker pages through them as n8n asks). */
export async function listContactsPage(
	this: SinchContext,
	pageToken: string | undefined,
): Promise<{ contacts: IDataObject[]; nextPageToken: string }> {
	const page = await sinchApiRequest.call(this, 'GET', '/contacts', {
		qs: { page_size: CONTACTS_PAGE_MAX, ...(pageToken ? { page_token: pageToken } : {}) },
		noun: NOUN,
		expect: listUnder('contacts', 'a list of contacts'),
	});
	return {
		contacts: Array.isArray(page.contacts) ? (page.contacts as IDataObject[]) : [],
		nextPageToken: typeof page.next_page_token === 'string' ? page.next_page_token : '',
	};
}

/** Sends only the fields named in `updateMask`, which Sinch replaces. */
export async function updateContact(
	this: SinchContext,
	contactId: string,
	body: IDataObject,
	updateMask: string[],
	itemIndex?: number,
): Promise<IDataObject> {
	return await sinchApiRequest.call(this, 'PATCH', contactPath(contactId), {
		body,
		qs: { update_mask: updateMask.join(',') },
		itemIndex,
		noun: NOUN,
		id: contactId,
		expect: A_CONTACT,
		badRequestNote: identitiesIn(body),
	});
}

export async function deleteContact(
	this: SinchContext,
	contactId: string,
	itemIndex?: number,
): Promise<void> {
	await sinchApiRequest.call(this, 'DELETE', contactPath(contactId), {
		itemIndex,
		noun: NOUN,
		id: contactId,
		expect: ANY_OBJECT,
	});
}

/** Sinch keeps the destination and removes the source; answers the merged contact. */
export async function mergeContacts(
	this: SinchContext,
	keepId: string,
	removeId: string,
	itemIndex?: number,
): Promise<IDataObject> {
	return await sinchApiRequest.call(this, 'POST', `${contactPath(keepId)}:merge`, {
		body: { source_id: removeId },
		itemIndex,
		noun: NOUN,
		id: keepId,
		makes: MERGING_CONTACTS,
		expect: A_CONTACT,
	});
}

export async function getChannelProfile(
	this: SinchContext,
	body: IDataObject,
	itemIndex?: number,
): Promise<IDataObject> {
	return await sinchApiRequest.call(this, 'POST', '/contacts:getChannelProfile', {
		body,
		itemIndex,
		noun: 'channel profile',
		expect: objectWith('a channel profile', 'profile_name'),
	});
}
