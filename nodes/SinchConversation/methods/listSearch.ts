import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { listContactsPage } from '../actions/contact/contactApi';
import { listWebhooks } from '../actions/webhook/webhookApi';
import { listApps } from '../actions/app/appApi';
import {
	recentConversationsPage,
	RECENT_PAGE_MAX,
	refuseDispatchApp,
} from '../actions/conversation/conversationApi';
import { CHANNEL_BY_VALUE } from '../helpers/channels';

/** The app chosen in the App parameter, whose things a picker lists. */
function chosenApp(this: ILoadOptionsFunctions, what: string): string {
	const raw = this.getCurrentNodeParameter('appId', { extractValue: true }) as unknown;
	const appId = typeof raw === 'string' ? raw.trim().toUpperCase() : '';
	if (appId === '')
		throw new NodeOperationError(
			this.getNode(),
			`Choose the App first: the list shows its ${what}`,
		);
	return appId;
}

/**
 * The project's apps for the App picker, filtered by display name (case-insensitive, anywhere in the name) and
 * sorted by it. Sinch answers all apps in one response, so there is no paging. Display names need not be unique:
 * names shared by several apps get the app ID added, so the entries can be told apart.
 */
export async function searchApps(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const apps = await listApps.call(this);
	const needle = (filter ?? '').trim().toLowerCase();
	const found = apps
		.filter((app) => typeof app.id === 'string' && app.id !== '')
		.map((app) => ({
			id: app.id as string,
			name: typeof app.display_name === 'string' ? app.display_name : '',
		}))
		.filter((app) => needle === '' || app.name.toLowerCase().includes(needle));
	const uses = new Map<string, number>();
	for (const app of found) uses.set(app.name, (uses.get(app.name) ?? 0) + 1);
	const results: INodeListSearchItems[] = found
		.map((app) => ({
			name:
				app.name === ''
					? app.id
					: (uses.get(app.name) ?? 0) > 1
						? `${app.name} (${app.id})`
						: app.name,
			value: app.id,
		}))
		.sort((a, b) => a.name.localeCompare(b.name) || a.value.localeCompare(b.value));
	return { results };
}

/**
 * The webhooks of the app chosen in the App parameter, for the Webhook picker: named by target URL (unique per app)
 * with the triggers as a hint, filtered by target URL.
 */
export async function searchWebhooks(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const appId = chosenApp.call(this, 'webhooks');
	const webhooks = await listWebhooks.call(this, appId);
	const needle = (filter ?? '').trim().toLowerCase();
	const results: INodeListSearchItems[] = webhooks
		.filter((webhook) => typeof webhook.id === 'string' && webhook.id !== '')
		.map((webhook) => {
			const target = typeof webhook.target === 'string' ? webhook.target : '';
			const triggers = Array.isArray(webhook.triggers) ? (webhook.triggers as string[]) : [];
			const name = `${target || (webhook.id as string)} (${triggers.join(', ') || 'no triggers'})`;
			return { name, value: webhook.id as string, target };
		})
		.filter((entry) => needle === '' || entry.target.toLowerCase().includes(needle))
		.map(({ name, value }) => ({ name, value }))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}

/** Pages of conversations one filtered search reads at most while looking for matches (50 a page). */
const CONVERSATION_PAGES_PER_SEARCH = 5;

/**
 * The conversations of the app chosen in the App parameter, for the Conversation picker: the latest first, each
 * named by the identity and channel of its latest message (how the contact is known there), with the contact ID as a
 * hint. Sinch cannot search them, so a filter (identity, channel, contact ID or conversation ID) is applied here,
 * reading up to five pages a call until something matches; n8n asks for more with the page token as the list is
 * scrolled. An app in DISPATCH mode, which has none, says so.
 */
export async function searchConversations(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const appId = chosenApp.call(this, 'conversations');
	const needle = (filter ?? '').trim().toLowerCase();
	const results: INodeListSearchItems[] = [];
	let token = paginationToken;
	for (let pages = 0; pages < CONVERSATION_PAGES_PER_SEARCH; pages++) {
		const qs: IDataObject = { app_id: appId, page_size: RECENT_PAGE_MAX, order: 'DESC' };
		if (token) qs.page_token = token;
		const { entries, next } = await recentConversationsPage.call(this, qs);
		if (entries.length === 0 && !token) await refuseDispatchApp.call(this, appId);
		for (const entry of entries) {
			const item = conversationEntry(entry);
			const words = `${item?.name} ${item?.description} ${item?.value}`.toLowerCase();
			if (item && (needle === '' || words.includes(needle))) results.push(item);
		}
		token = next;
		if (token === undefined || needle === '' || results.length > 0) break;
	}
	return { results, paginationToken: token };
}

function conversationEntry(entry: IDataObject): INodeListSearchItems | undefined {
	const conversation = (entry.conversation ?? {}) as IDataObject;
	const id = typeof conversation.id === 'string' ? conversation.id : '';
	if (id === '') return undefined;
	const last = (entry.last_message ?? {}) as IDataObject;
	const identity = (last.channel_identity ?? {}) as IDataObject;
	const contactId = typeof conversation.contact_id === 'string' ? conversation.contact_id : '';
	const channel = String(identity.channel ?? conversation.active_channel ?? '');
	const who = typeof identity.identity === 'string' ? identity.identity : `contact ${contactId}`;
	const channelName = CHANNEL_BY_VALUE.get(channel)?.name ?? channel;
	const name = `${who}${channelName ? ` on ${channelName}` : ''}${conversation.active === false ? ' (ended)' : ''}`;
	return {
		name,
		value: id,
		description: `Contact ${contactId}`,
	};
}

/** Pages of contacts one search call reads at most while looking for matches (20 contacts a page). */
const CONTACT_PAGES_PER_SEARCH = 5;

/**
 * The project's contacts for the Contact picker, in Sinch's order, named by display name and identities. Sinch cannot
 * search contacts by name, so the filter (display name, external ID or an identity, case-insensitive, anywhere) is
 * applied here, reading up to five pages a call; n8n asks for more with the page token as the list is scrolled.
 */
export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const needle = (filter ?? '').trim().toLowerCase();
	const results: INodeListSearchItems[] = [];
	let token = paginationToken;
	for (let pages = 0; pages < CONTACT_PAGES_PER_SEARCH; pages++) {
		const { contacts, nextPageToken } = await listContactsPage.call(this, token);
		for (const contact of contacts) {
			if (typeof contact.id !== 'string' || contact.id === '') continue;
			const identities = (
				Array.isArray(contact.channel_identities)
					? (contact.channel_identities as Array<{ channel?: string; identity?: string }>)
					: []
			).map((identity) => `${identity.channel ?? ''} ${identity.identity ?? ''}`);
			const name = typeof contact.display_name === 'string' ? contact.display_name : '';
			const externalId = typeof contact.external_id === 'string' ? contact.external_id : '';
			const searched = [name, externalId, ...identities].join(' ').toLowerCase();
			if (needle !== '' && !searched.includes(needle)) continue;
			const details = [...identities, externalId === '' ? '' : `external ID ${externalId}`]
				.filter(Boolean)
				.join(', ');
			results.push({
				name: `${name || contact.id}${details === '' ? '' : ` (${details})`}`,
				value: contact.id,
			});
		}
		token = nextPageToken === '' ? undefined : nextPageToken;
		if (token === undefined || (needle === '' ? results.length > 0 : results.length >= 10)) break;
	}
	return { results, paginationToken: token };
}
