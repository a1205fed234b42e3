import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CHANNEL_BY_VALUE, channelOptions } from '../../helpers/channels';
import {
	APP_SCOPED_CHANNELS,
	CONTACT_LANGUAGE_CODES,
	CONTACT_LANGUAGES,
	CONTACT_METADATA_MAX_LENGTH,
} from '../../helpers/contactLanguages';
import { channelList } from '../../helpers/messageBody';
import { notTextProblem } from '../../helpers/text';
import { parseAppId } from '../../shared/appLocator';

export const languageOptions = CONTACT_LANGUAGES.map(([value, name]) => ({ name, value })).sort(
	(a, b) => a.name.localeCompare(b.name),
);

const languageField = (description: string): INodeProperties => ({
	displayName: 'Language',
	name: 'language',
	type: 'options',
	default: 'EN_US',
	options: languageOptions,
	description,
});

/** A contact's fields besides its identities, one parameter each, in Sinch's order of the Contact. */
export const CONTACT_FIELDS: ReadonlyArray<{ param: string; key: string; label: string }> = [
	{ param: 'displayName', key: 'display_name', label: 'Display Name' },
	{ param: 'email', key: 'email', label: 'Email' },
	{ param: 'externalId', key: 'external_id', label: 'External ID' },
	{ param: 'language', key: 'language', label: 'Language' },
	{ param: 'metadata', key: 'metadata', label: 'Metadata' },
];

/** One Channel Identities entry: the channel, who the contact is there, and for app-scoped channels the app. */
const IDENTITY_ENTRY: INodeProperties['options'] = [
	{
		displayName: 'Identity',
		name: 'entries',
		values: [
			{
				displayName: 'Channel',
				name: 'channel',
				type: 'options',
				default: 'SMS',
				options: channelOptions,
			},
			{
				displayName: 'Identity',
				name: 'identity',
				type: 'string',
				default: '',
				placeholder: 'e.g. 46732001122',
				description:
					'The identity on that channel: a phone number in international form for phone channels, the user ID the channel gives otherwise',
			},
			{
				displayName: 'App ID',
				name: 'appId',
				type: 'string',
				default: '',
				description:
					'Messenger, Instagram, LINE and WeChat give each app its own user IDs, so the identity names the app it belongs to (the app ID, 26 letters and digits)',
				displayOptions: { show: { channel: APP_SCOPED_CHANNELS } },
			},
		],
	},
];

/** A contact's identities, one entry per channel identity. */
function identitiesField(description: string): INodeProperties {
	return {
		displayName: 'Channel Identities',
		name: 'channelIdentities',
		type: 'fixedCollection',
		default: {},
		placeholder: 'Add Channel Identity',
		typeOptions: { multipleValues: true, sortable: true },
		description,
		options: IDENTITY_ENTRY,
	};
}

/** Create's identities: a new contact needs at least one. */
export const identitiesProperty: INodeProperties = {
	...identitiesField(
		'Who the contact is on each channel: a phone number on SMS, WhatsApp, RCS, MMS or Viber Business, a user ID on the others. An identity belongs to one contact only.',
	),
	required: true,
};

/** The optional contact fields, for Create's Additional Fields and Update's Update Fields (which adds more). */
export const contactFieldProperties = (operation: 'create' | 'update'): INodeProperties[] => [
	...(operation === 'update'
		? [
				identitiesField(
					"The contact's identities after the update: the list given replaces the whole list Sinch has, so include the identities to keep. An identity belongs to one contact only.",
				),
			]
		: []),
	{
		displayName: 'Channel Priority',
		name: 'channelPriority',
		type: 'multiOptions',
		default: [],
		options: channelOptions,
		description:
			'The channels Sinch tries for this contact, first to last, in the order picked (from an expression: a list or comma-separated text). On Update it replaces the current order; empty clears it.',
	},
	{
		displayName: 'Display Name',
		name: 'displayName',
		type: 'string',
		default: '',
		description: 'The name the contact is shown by. Sinch shows "Unknown" when it is empty.',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: "The contact's email address. Empty on Update clears it.",
	},
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		default: '',
		description:
			'The ID of this person in your own system (a CRM ID, say); Contact → Get can find the contact by it. Empty on Update clears it.',
	},
	...(operation === 'update' ? [languageField("The contact's language")] : []),
	{
		displayName: 'Metadata',
		name: 'metadata',
		type: 'string',
		default: '',
		description: `Any text you keep with the contact, at most ${CONTACT_METADATA_MAX_LENGTH} characters. Empty on Update clears it.`,
	},
];

/** Create's Language: Sinch requires one on every new contact. */
export const createLanguageProperty: INodeProperties = {
	...languageField(
		"The contact's language. Sinch requires one for every contact it does not make itself.",
	),
	required: true,
};

interface IdentityEntry {
	channel?: unknown;
	identity?: unknown;
	appId?: unknown;
}

const refuse = (
	ctx: IExecuteFunctions,
	itemIndex: number,
	message: string,
	description: string,
): NodeOperationError => new NodeOperationError(ctx.getNode(), message, { itemIndex, description });

/** Checks one text parameter and answers it trimmed ('' when absent). */
export function readText(
	this: IExecuteFunctions,
	value: unknown,
	label: string,
	itemIndex: number,
): string {
	if (value === undefined || value === null) return '';
	const problem = notTextProblem(label, value);
	if (problem) throw refuse(this, itemIndex, problem, `Give ${label} as text.`);
	return String(value).trim();
}

/** A text parameter that must not be empty, trimmed; `help` says what to give. */
export function readRequiredText(
	this: IExecuteFunctions,
	param: string,
	label: string,
	itemIndex: number,
	help: string,
): string {
	const text = readText.call(this, this.getNodeParameter(param, itemIndex, ''), label, itemIndex);
	if (text === '') throw refuse(this, itemIndex, `The ${label} parameter is empty`, help);
	return text;
}

export type ChannelIdentity = { channel: string; identity: string; app_id?: string };

/** Sinch's channel_identities from the Channel Identities parameter's value, checked. */
export function readIdentities(
	this: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
): ChannelIdentity[] {
	const collection = (value ?? {}) as IDataObject;
	const entries = (Array.isArray(collection.entries) ? collection.entries : []) as IdentityEntry[];
	if (entries.length === 0)
		throw refuse(
			this,
			itemIndex,
			'Channel Identities is empty: a contact needs at least one',
			'Add a channel identity: the channel and who the contact is there (a phone number, a user ID).',
		);
	const seen = new Map<string, number>();
	return entries.map((entry, i) => {
		const at = `Channel Identities, entry ${i + 1}`;
		const channel = String(entry.channel ?? '');
		const spec = CHANNEL_BY_VALUE.get(channel);
		if (!spec)
			throw refuse(
				this,
				itemIndex,
				`${at}: "${channel}" is not a channel`,
				`Pick one of: ${channelOptions.map((option) => option.name).join(', ')}.`,
			);
		const identity = readText.call(
			this,
			entry.identity,
			`${at} (${spec.name}): Identity`,
			itemIndex,
		);
		if (identity === '')
			throw refuse(
				this,
				itemIndex,
				`${at} (${spec.name}): Identity is empty`,
				'Give who the contact is on that channel: a phone number such as 46732001122, or the user ID the channel gives.',
			);
		const key = `${channel} ${identity}`;
		const earlier = seen.get(key);
		if (earlier !== undefined)
			throw refuse(
				this,
				itemIndex,
				`${at} repeats entry ${earlier + 1}: the same ${spec.name} identity ${identity}`,
				'Remove one of the two entries.',
			);
		seen.set(key, i);
		if (!APP_SCOPED_CHANNELS.includes(channel)) return { channel, identity };
		const appId = readText.call(this, entry.appId, `${at} (${spec.name}): App ID`, itemIndex);
		if (appId === '')
			throw refuse(
				this,
				itemIndex,
				`${at} (${spec.name}): App ID is empty`,
				`${spec.name} gives each app its own user IDs: give the ID of the app this identity belongs to.`,
			);
		return { channel, identity, app_id: parseAppId(this.getNode(), appId, itemIndex) };
	});
}

/** Sinch's channel_priority from Channel Priority: known channels, each once, in the order given. */
function readChannelPriority(this: IExecuteFunctions, value: unknown, itemIndex: number): string[] {
	if (typeof value !== 'string' && !Array.isArray(value) && value !== undefined && value !== null)
		throw refuse(
			this,
			itemIndex,
			'Channel Priority is neither a list nor text',
			'Pick the channels, or give an expression that answers a list such as ["WHATSAPP", "SMS"] or the text WHATSAPP,SMS.',
		);
	const channels = channelList(value);
	channels.forEach((channel, i) => {
		if (!CHANNEL_BY_VALUE.has(channel))
			throw refuse(
				this,
				itemIndex,
				`Channel Priority: "${channel.slice(0, 40)}" is not a channel`,
				`Use the channels' codes: ${[...CHANNEL_BY_VALUE.keys()].join(', ')}.`,
			);
		if (channels.indexOf(channel) !== i)
			throw refuse(
				this,
				itemIndex,
				`Channel Priority names ${CHANNEL_BY_VALUE.get(channel)?.name ?? channel} twice`,
				'Give each channel once, in the order Sinch should try them.',
			);
	});
	return channels;
}

/**
 * The contact fields present in `values` (Additional or Update Fields), checked, in Sinch's names and in the Contact's
 * order, so the keys are also the update_mask.
 */
export function readContactFields(
	this: IExecuteFunctions,
	values: IDataObject,
	itemIndex: number,
): IDataObject {
	const body: IDataObject = {};
	if ('channelIdentities' in values)
		body.channel_identities = readIdentities.call(this, values.channelIdentities, itemIndex);
	if ('channelPriority' in values)
		body.channel_priority = readChannelPriority.call(this, values.channelPriority, itemIndex);
	for (const { param, key, label } of CONTACT_FIELDS) {
		if (!(param in values)) continue;
		const text = readText.call(this, values[param], label, itemIndex);
		body[key] = text;
	}
	checkContactFields(this, body, itemIndex);
	return body;
}

function checkContactFields(ctx: IExecuteFunctions, body: IDataObject, itemIndex: number): void {
	const language = body.language;
	if (language !== undefined && !CONTACT_LANGUAGE_CODES.includes(String(language)))
		throw refuse(
			ctx,
			itemIndex,
			`Language "${String(language)}" is not a language Sinch knows`,
			'Pick the language from the list, or give a code such as EN_US, SV or PT_BR.',
		);
	const email = typeof body.email === 'string' ? body.email : '';
	if (email !== '' && !/^[^\s@]+@[^\s@]+$/.test(email))
		throw refuse(
			ctx,
			itemIndex,
			`Email "${email.length > 60 ? `${email.slice(0, 60)}…` : email}" is not an email address`,
			'Give an address such as name@example.com, or leave Email out.',
		);
	const metadata = typeof body.metadata === 'string' ? body.metadata : '';
	if (metadata.length > CONTACT_METADATA_MAX_LENGTH)
		throw refuse(
			ctx,
			itemIndex,
			`Metadata has ${metadata.length} characters; Sinch keeps at most ${CONTACT_METADATA_MAX_LENGTH}`,
			'Shorten it, or keep the rest in your own system under the External ID.',
		);
}
