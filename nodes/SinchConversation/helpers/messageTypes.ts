import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { jsonField } from './jsonField';
import { TEMPLATE_FIELD_NAMES, TEMPLATE_FIELDS, templateContent } from './templateMessage';

export { jsonField };

/**
 * Sinch's message types, one entry each: the fields the panel shows, how those fields become Sinch's `message`
 * object, and what Sinch requires of that object. The Send panel, the body builder and the checks are all made from
 * this table (as helpers/channels.ts does for channel credentials), so a type is described once.
 */

/** Sinch's limits on message content (see the reference's Message types table). */
export const LIMITS = {
	choices: 10,
	carouselCards: 10,
	carouselChoices: 3,
	cardChoices: 10,
	listSections: 10,
	listItems: 10,
};

const EXAMPLE_MEDIA_URL = 'https://example.com/images/product.jpg';

/** The panel's fields, by name; a type lists the ones it shows. */
const FIELDS: Record<string, Omit<INodeProperties, 'required'>> = {
	text: {
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'The text of the message. On SMS, text beyond 160 characters is sent in parts.',
	},
	mediaUrl: {
		displayName: 'Media URL',
		name: 'mediaUrl',
		type: 'string',
		default: '',
		placeholder: `e.g. ${EXAMPLE_MEDIA_URL}`,
		description:
			'Public http(s) URL of the image, video, audio or document; Sinch fetches it. On SMS it arrives as a link.',
	},
	thumbnailUrl: {
		displayName: 'Thumbnail URL',
		name: 'thumbnailUrl',
		type: 'string',
		default: '',
		description: 'Optional URL of a preview image, for channels that show one',
	},
	filenameOverride: {
		displayName: 'File Name',
		name: 'filenameOverride',
		type: 'string',
		default: '',
		placeholder: 'e.g. invoice-2024-01.pdf',
		description: 'Optional file name the recipient sees instead of the one in the URL',
	},
	title: {
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		description: 'Title of the card, location or list',
	},
	description: {
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description: 'Text under the title',
	},
	cardHeight: {
		displayName: 'Media Height',
		name: 'cardHeight',
		type: 'options',
		default: 'UNSPECIFIED_HEIGHT',
		description: 'How tall the media shows on channels that let the sender choose (RCS)',
		options: [
			{ name: 'Unspecified', value: 'UNSPECIFIED_HEIGHT' },
			{ name: 'Short', value: 'SHORT' },
			{ name: 'Medium', value: 'MEDIUM' },
			{ name: 'Tall', value: 'TALL' },
		],
	},
	choices: {
		displayName: 'Choices',
		name: 'choices',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		placeholder: 'Add Choice',
		description: `Buttons or suggestions the recipient can tap, at most ${LIMITS.choices} (${LIMITS.carouselChoices} under a carousel). A tapped text choice comes back to the trigger with its postback data.`,
		options: [
			{
				displayName: 'Choice',
				name: 'choice',
				values: [
					{
						displayName: 'Latitude',
						name: 'latitude',
						type: 'number',
						default: 0,
					},
					{
						displayName: 'Longitude',
						name: 'longitude',
						type: 'number',
						default: 0,
					},
					{
						displayName: 'Phone Number',
						name: 'phoneNumber',
						type: 'string',
						default: '',
						placeholder: 'e.g.	+46732001122',
					},
					{
						displayName: 'Postback Data',
						name: 'postbackData',
						type: 'string',
						default: '',
						description:
							"Optional value sent back in the recipient's reply (the trigger's postback_data), e.g. an order ID",
					},
					{
						displayName: 'Title',
						name: 'title',
						type: 'string',
						default: '',
						description:
							'What the button says. WhatsApp shows buttons only for up to 3 text choices of at most 20 characters each.',
					},
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						default: 'text',
						options: [
							{
								name: 'Text (Reply Button)',
								value: 'text',
							},
							{
								name: 'Open URL',
								value: 'url',
							},
							{
								name: 'Call Number',
								value: 'call',
							},
							{
								name: 'Show Location',
								value: 'location',
							},
						],
					},
					{
						displayName: 'URL',
						name: 'url',
						type: 'string',
						default: '',
					},
				],
			},
		],
	},
	cards: {
		displayName: 'Cards',
		name: 'cards',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		placeholder: 'Add Card',
		description: `The cards, in order, at most ${LIMITS.carouselCards} (RCS needs at least 2)`,
		options: [
			{
				displayName: 'Card',
				name: 'card',
				values: [
					{ displayName: 'Title', name: 'title', type: 'string', default: '' },
					{ displayName: 'Description', name: 'description', type: 'string', default: '' },
					{
						displayName: 'Media URL',
						name: 'mediaUrl',
						type: 'string',
						default: '',
						placeholder: `e.g. ${EXAMPLE_MEDIA_URL}`,
					},
					{
						displayName: 'Choices (JSON)',
						name: 'choicesJson',
						type: 'json',
						default: '',
						description:
							'Optional buttons of this card as Sinch choice objects, e.g. [{"text_message": {"text": "Buy"}, "postback_data": "buy-42"}]',
					},
				],
			},
		],
	},
	latitude: {
		displayName: 'Latitude',
		name: 'latitude',
		type: 'number',
		default: 0,
		typeOptions: { numberPrecision: 6, minValue: -90, maxValue: 90 },
		description: 'Latitude in degrees, -90 to 90',
	},
	longitude: {
		displayName: 'Longitude',
		name: 'longitude',
		type: 'number',
		default: 0,
		typeOptions: { numberPrecision: 6, minValue: -180, maxValue: 180 },
		description: 'Longitude in degrees, -180 to 180',
	},
	label: {
		displayName: 'Label',
		name: 'label',
		type: 'string',
		default: '',
		description: 'Optional label of the place, e.g. its address',
	},
	fullName: {
		displayName: 'Full Name',
		name: 'fullName',
		type: 'string',
		default: '',
		description: 'Name of the contact card',
	},
	phoneNumbers: {
		displayName: 'Phone Numbers',
		name: 'phoneNumbers',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Phone Number',
		description: 'At least one phone number of the contact card',
		options: [
			{
				displayName: 'Phone Number',
				name: 'phone',
				values: [
					{
						displayName: 'Number',
						name: 'number',
						type: 'string',
						default: '',
						placeholder: 'e.g. +46732001122',
					},
					{
						displayName: 'Type',
						name: 'type',
						type: 'string',
						default: '',
						placeholder: 'e.g. WORK',
					},
				],
			},
		],
	},
	emailAddresses: {
		displayName: 'Email Addresses',
		name: 'emailAddresses',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Email Address',
		options: [
			{
				displayName: 'Email Address',
				name: 'email',
				values: [
					{
						displayName: 'Address',
						name: 'address',
						type: 'string',
						placeholder: 'name@email.com',
						default: '',
					},
					{
						displayName: 'Type',
						name: 'type',
						type: 'string',
						default: '',
						placeholder: 'e.g. WORK',
					},
				],
			},
		],
	},
	company: {
		displayName: 'Company',
		name: 'company',
		type: 'string',
		default: '',
		description: 'Optional organization of the contact card',
	},
	listItems: {
		displayName: 'List Items',
		name: 'listItems',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		placeholder: 'Add Item',
		description: `The rows the recipient picks from, at most ${LIMITS.listItems} in all. Items with the same Section are grouped under that heading, sections in the order they first appear.`,
		options: [
			{
				displayName: 'Item',
				name: 'item',
				values: [
					{
						displayName: 'Section',
						name: 'section',
						type: 'string',
						default: '',
						description: 'Heading of the section this item belongs to',
					},
					{ displayName: 'Title', name: 'title', type: 'string', default: '' },
					{ displayName: 'Description', name: 'description', type: 'string', default: '' },
					{
						displayName: 'Postback Data',
						name: 'postbackData',
						type: 'string',
						default: '',
						description: "Optional value sent back in the recipient's reply",
					},
				],
			},
		],
	},
	listMenu: {
		displayName: 'Menu Button',
		name: 'listMenu',
		type: 'string',
		default: '',
		placeholder: 'e.g. Choose a slot',
		description: 'Optional text of the button that opens the list',
	},
	...TEMPLATE_FIELDS,
	messageJson: {
		displayName: 'Message (JSON)',
		name: 'messageJson',
		type: 'json',
		default: '{\n  "text_message": {\n    "text": "Hello"\n  }\n}',
		description:
			"Sinch's message object as is, for anything the other types do not cover: explicit_channel_message, channel_specific_message, explicit_channel_omni_message, or a type with fields not shown here",
	},
};

export type FieldValues = IDataObject;

export interface MessageTypeSpec {
	/** The Message Type parameter's value. */
	value: string;
	name: string;
	description: string;
	/** Sinch's key of the type inside `message`, e.g. text_message; undefined for Message (JSON). */
	key?: string;
	/** The panel's fields of the type, by name in FIELDS; those required for this type marked. */
	fields: Array<{ name: string; required?: boolean }>;
	/** Sinch's content of the type (under `key`) from the fields' values; problems name the panel's fields. */
	build(values: FieldValues, problems: string[]): IDataObject;
	/** What Sinch refuses in the content (under `key`), however it was made (fields or JSON), in Sinch's names. */
	check?(content: IDataObject): string[];
}

const text = (value: unknown) =>
	typeof value === 'string' ? value : value == null ? '' : String(value);
const trimmed = (value: unknown) => text(value).trim();

/** Sets `key` on `target` when the value is not empty. */
function optional(target: IDataObject, key: string, value: unknown): IDataObject {
	if (value !== undefined && value !== null && value !== '') target[key] = value;
	return target;
}

function required(
	values: FieldValues,
	name: string,
	problems: string[],
	what = FIELDS[name].displayName,
): string {
	const value = trimmed(values[name]);
	if (value === '') problems.push(`${what} is empty: it is required for this message type.`);
	return value;
}

function entries(values: FieldValues, collection: string, entry: string): IDataObject[] {
	const group = values[collection] as IDataObject | undefined;
	const list = group?.[entry];
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

const nonEmpty = (value: unknown) => typeof value === 'string' && value.trim() !== '';
const listOf = (value: unknown): IDataObject[] =>
	Array.isArray(value) ? (value as IDataObject[]) : [];

function tooMany(list: unknown[], max: number, path: string, what: string): string[] {
	return list.length > max
		? [`${path} has ${list.length} ${what}; Sinch allows at most ${max}.`]
		: [];
}

function urlProblems(value: unknown, path: string): string[] {
	if (!nonEmpty(value)) return [`${path} is empty.`];
	return /^https?:\/\/\S+$/i.test(String(value).trim())
		? []
		: [`${path} "${String(value).slice(0, 80)}" is not an http(s) URL.`];
}

function cardProblems(card: IDataObject, path: string, maxChoices: number): string[] {
	const problems = tooMany(listOf(card.choices), maxChoices, `${path}.choices`, 'choices');
	const media = card.media_message as IDataObject | undefined;
	if (media !== undefined) problems.push(...urlProblems(media.url, `${path}.media_message.url`));
	if (!nonEmpty(card.title) && !nonEmpty(card.description) && media === undefined)
		problems.push(`${path} is empty: give it a title, a description or media.`);
	return problems;
}

function number(value: unknown): number {
	return typeof value === 'number' ? value : Number(value);
}

/** Sinch choices from the Choices list of the panel. */
export function choicesFromFields(values: FieldValues, problems: string[]): IDataObject[] {
	return entries(values, 'choices', 'choice').map((choice, index) => {
		const where = `Choices, entry ${index + 1}`;
		const title = trimmed(choice.title);
		if (title === '') problems.push(`${where}: Title is empty.`);
		const postback = text(choice.postbackData);
		let built: IDataObject;
		switch (choice.type ?? 'text') {
			case 'url':
				if (trimmed(choice.url) === '') problems.push(`${where}: URL is empty.`);
				built = { url_message: { title, url: trimmed(choice.url) } };
				break;
			case 'call':
				if (trimmed(choice.phoneNumber) === '') problems.push(`${where}: Phone Number is empty.`);
				built = { call_message: { title, phone_number: trimmed(choice.phoneNumber) } };
				break;
			case 'location':
				built = {
					location_message: {
						title,
						coordinates: {
							latitude: number(choice.latitude ?? 0),
							longitude: number(choice.longitude ?? 0),
						},
					},
				};
				break;
			default:
				built = { text_message: { text: title } };
		}
		return optional(built, 'postback_data', postback);
	});
}

function cardFrom(values: IDataObject): IDataObject {
	const card: IDataObject = {};
	optional(card, 'title', trimmed(values.title));
	optional(card, 'description', text(values.description));
	const mediaUrl = trimmed(values.mediaUrl);
	if (mediaUrl !== '') card.media_message = { url: mediaUrl };
	return card;
}

export const MESSAGE_TYPES: MessageTypeSpec[] = [
	{
		value: 'text',
		name: 'Text',
		description: 'Plain text',
		key: 'text_message',
		fields: [{ name: 'text', required: true }],
		build: (values, problems) => {
			required(values, 'text', problems);
			return { text: text(values.text) };
		},
		check: (content) => (nonEmpty(content.text) ? [] : ['text_message.text is empty.']),
	},
	{
		value: 'media',
		name: 'Media',
		description: 'An image, video, audio file or document by URL',
		key: 'media_message',
		fields: [
			{ name: 'mediaUrl', required: true },
			{ name: 'thumbnailUrl' },
			{ name: 'filenameOverride' },
		],
		build: (values, problems) => {
			const media: IDataObject = { url: required(values, 'mediaUrl', problems) };
			optional(media, 'thumbnail_url', trimmed(values.thumbnailUrl));
			return optional(media, 'filename_override', trimmed(values.filenameOverride));
		},
		check: (content) => urlProblems(content.url, 'media_message.url'),
	},
	{
		value: 'choice',
		name: 'Choice',
		description: 'Text with buttons (reply buttons, links, calls, locations)',
		key: 'choice_message',
		fields: [
			{ name: 'text', required: true },
			{ name: 'choices', required: true },
		],
		build: (values, problems) => {
			required(values, 'text', problems);
			return {
				text_message: { text: text(values.text) },
				choices: choicesFromFields(values, problems),
			};
		},
		check: (content) => {
			const choices = listOf(content.choices);
			if (choices.length === 0)
				return ['choice_message.choices is empty: add at least one choice.'];
			return tooMany(choices, LIMITS.choices, 'choice_message.choices', 'choices');
		},
	},
	{
		value: 'card',
		name: 'Card',
		description: 'A card with a title, text, media and buttons',
		key: 'card_message',
		fields: [
			{ name: 'title' },
			{ name: 'description' },
			{ name: 'mediaUrl' },
			{ name: 'cardHeight' },
			{ name: 'choices' },
		],
		build: (values, problems) => {
			const card = cardFrom(values);
			if (values.cardHeight !== undefined && values.cardHeight !== 'UNSPECIFIED_HEIGHT')
				card.height = values.cardHeight;
			const choices = choicesFromFields(values, problems);
			if (choices.length > 0) card.choices = choices;
			return card;
		},
		check: (content) => cardProblems(content, 'card_message', LIMITS.cardChoices),
	},
	{
		value: 'carousel',
		name: 'Carousel',
		description: 'Several cards side by side',
		key: 'carousel_message',
		fields: [{ name: 'cards', required: true }, { name: 'choices' }],
		build: (values, problems) => {
			const cards = entries(values, 'cards', 'card').map((entry, index) => {
				const card = cardFrom(entry);
				const choices = jsonField(
					entry.choicesJson,
					`Cards, card ${index + 1}: Choices (JSON)`,
					'list',
					'[{"text_message": {"text": "Buy"}}]',
					problems,
				) as IDataObject[] | undefined;
				if (choices && choices.length > 0) card.choices = choices;
				return card;
			});
			const carousel: IDataObject = { cards };
			const choices = choicesFromFields(values, problems);
			if (choices.length > 0) carousel.choices = choices;
			return carousel;
		},
		check: (content) => {
			const cards = listOf(content.cards);
			const problems =
				cards.length === 0 ? ['carousel_message.cards is empty: add at least one card.'] : [];
			problems.push(...tooMany(cards, LIMITS.carouselCards, 'carousel_message.cards', 'cards'));
			cards.forEach((card, index) =>
				problems.push(
					...cardProblems(card, `carousel_message.cards[${index}]`, LIMITS.cardChoices),
				),
			);
			problems.push(
				...tooMany(
					listOf(content.choices),
					LIMITS.carouselChoices,
					'carousel_message.choices',
					'choices',
				),
			);
			return problems;
		},
	},
	{
		value: 'location',
		name: 'Location',
		description: 'A place on a map',
		key: 'location_message',
		fields: [
			{ name: 'latitude', required: true },
			{ name: 'longitude', required: true },
			{ name: 'title', required: true },
			{ name: 'label' },
		],
		build: (values, problems) => {
			const location: IDataObject = {
				coordinates: {
					latitude: number(values.latitude ?? 0),
					longitude: number(values.longitude ?? 0),
				},
				title: required(values, 'title', problems),
			};
			return optional(location, 'label', trimmed(values.label));
		},
		check: (content) => {
			const coordinates = (content.coordinates ?? {}) as IDataObject;
			const problems = nonEmpty(content.title) ? [] : ['location_message.title is empty.'];
			for (const [axis, limit] of [
				['latitude', 90],
				['longitude', 180],
			] as const) {
				const value = coordinates[axis];
				if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > limit)
					problems.push(
						`location_message.coordinates.${axis} ${JSON.stringify(value)} is not a number from -${limit} to ${limit}.`,
					);
			}
			return problems;
		},
	},
	{
		value: 'contactInfo',
		name: 'Contact Info',
		description: 'A contact card (name, phone numbers, email addresses)',
		key: 'contact_info_message',
		fields: [
			{ name: 'fullName', required: true },
			{ name: 'phoneNumbers', required: true },
			{ name: 'emailAddresses' },
			{ name: 'company' },
		],
		build: (values, problems) => {
			const contact: IDataObject = {
				name: { full_name: required(values, 'fullName', problems) },
				phone_numbers: entries(values, 'phoneNumbers', 'phone').map((phone, index) => {
					if (trimmed(phone.number) === '')
						problems.push(`Phone Numbers, entry ${index + 1}: Number is empty.`);
					return optional({ phone_number: trimmed(phone.number) }, 'type', trimmed(phone.type));
				}),
			};
			const emails = entries(values, 'emailAddresses', 'email').map((email, index) => {
				if (trimmed(email.address) === '')
					problems.push(`Email Addresses, entry ${index + 1}: Address is empty.`);
				return optional({ email_address: trimmed(email.address) }, 'type', trimmed(email.type));
			});
			if (emails.length > 0) contact.email_addresses = emails;
			if (trimmed(values.company) !== '')
				contact.organization = { company: trimmed(values.company) };
			return contact;
		},
		check: (content) => {
			const problems = nonEmpty((content.name as IDataObject | undefined)?.full_name)
				? []
				: ['contact_info_message.name.full_name is empty.'];
			if (listOf(content.phone_numbers).length === 0)
				problems.push(
					'contact_info_message.phone_numbers is empty: add at least one phone number.',
				);
			return problems;
		},
	},
	{
		value: 'list',
		name: 'List (WhatsApp)',
		description: 'A menu of rows in sections that the recipient picks one from; WhatsApp only',
		key: 'list_message',
		fields: [
			{ name: 'title', required: true },
			{ name: 'description' },
			{ name: 'listItems', required: true },
			{ name: 'listMenu' },
		],
		build: (values, problems) => {
			const sections: Array<{ title: string; items: IDataObject[] }> = [];
			entries(values, 'listItems', 'item').forEach((item, index) => {
				const heading = trimmed(item.section);
				let section = sections.find((known) => known.title === heading);
				if (!section) sections.push((section = { title: heading, items: [] }));
				const title = trimmed(item.title);
				if (title === '') problems.push(`List Items, item ${index + 1}: Title is empty.`);
				const choice: IDataObject = { title };
				optional(choice, 'description', text(item.description));
				optional(choice, 'postback_data', text(item.postbackData));
				section.items.push({ choice });
			});
			const list: IDataObject = {
				title: required(values, 'title', problems),
				sections: sections.map((section) =>
					optional({ items: section.items }, 'title', section.title),
				),
			};
			optional(list, 'description', text(values.description));
			if (trimmed(values.listMenu) !== '')
				list.message_properties = { menu: trimmed(values.listMenu) };
			return list;
		},
		check: (content) => {
			const problems = nonEmpty(content.title) ? [] : ['list_message.title is empty.'];
			const sections = listOf(content.sections);
			if (sections.length === 0 || sections.every((section) => listOf(section.items).length === 0))
				problems.push('list_message.sections has no item: add at least one.');
			return problems;
		},
	},
	{
		value: 'template',
		name: 'Template',
		description: 'A Sinch omnichannel template or a WhatsApp template, with its parameters',
		key: 'template_message',
		fields: TEMPLATE_FIELD_NAMES.map((name) => ({ name })),
		build: templateContent,
		check: (content) => {
			const omni = content.omni_template as IDataObject | undefined;
			const channel = content.channel_template as IDataObject | undefined;
			if (!omni && !channel) return ['template_message needs omni_template or channel_template.'];
			const problems: string[] = [];
			if (omni && !nonEmpty(omni.template_id))
				problems.push('template_message.omni_template.template_id is empty.');
			for (const [name, reference] of Object.entries(channel ?? {})) {
				if (!nonEmpty((reference as IDataObject).template_id))
					problems.push(`template_message.channel_template.${name}.template_id is empty.`);
			}
			return problems;
		},
	},
	{
		value: 'json',
		name: 'Message (JSON)',
		description: "Sinch's message object as JSON, for anything else",
		fields: [{ name: 'messageJson', required: true }],
		build: (values, problems) => {
			if (values.messageJson === undefined || values.messageJson === '')
				problems.push("Message (JSON) is empty: give Sinch's message object.");
			return (
				(jsonField(
					values.messageJson,
					'Message (JSON)',
					'object',
					'{"text_message": {"text": "Hello"}}',
					problems,
				) as IDataObject | undefined) ?? {}
			);
		},
	},
];

export const MESSAGE_TYPE_BY_VALUE = new Map(MESSAGE_TYPES.map((type) => [type.value, type]));

/** The content keys Sinch allows in a message, one of which must be present. */
export const CONTENT_KEYS = MESSAGE_TYPES.flatMap((type) => (type.key ? [type.key] : []));

/** Sinch's content key of a message (text_message, ...), or undefined when it has none or several. */
export function contentKeyOf(message: IDataObject): string | undefined {
	const present = CONTENT_KEYS.filter((key) => message[key] !== undefined);
	return present.length === 1 ? present[0] : undefined;
}

/** What Sinch would refuse in a message's content, for any message (made from fields or given as JSON). */
export function messageContentProblems(message: IDataObject): string[] {
	const present = CONTENT_KEYS.filter((key) => message[key] !== undefined);
	const channelOnly =
		message.explicit_channel_message !== undefined ||
		message.channel_specific_message !== undefined ||
		message.explicit_channel_omni_message !== undefined;
	if (present.length > 1)
		return [`The message has ${present.join(' and ')}: Sinch takes exactly one content type.`];
	if (present.length === 0)
		return channelOnly
			? []
			: [`The message has no content: give one of ${CONTENT_KEYS.join(', ')}.`];
	const content = message[present[0]];
	if (typeof content !== 'object' || content === null || Array.isArray(content))
		return [`${present[0]} must be an object.`];
	const type = MESSAGE_TYPES.find((known) => known.key === present[0]);
	return type?.check?.(content as IDataObject) ?? [];
}

/** The field names a type reads, for callers that gather the values themselves. */
export const fieldNamesOf = (type: MessageTypeSpec) => type.fields.map((field) => field.name);

/**
 * The panel's fields for every type, each shown for the types that use it, marked required where a type requires
 * it (a field required by some types and optional for others appears twice, once per case).
 * `show` adds conditions of the caller's (resource, operation).
 */
export function messageTypeProperties(show: IDataObject = {}): INodeProperties[] {
	const groups = new Map<string, { name: string; required: boolean; types: string[] }>();
	for (const type of MESSAGE_TYPES) {
		for (const field of type.fields) {
			const key = `${field.name}:${field.required === true}`;
			const group = groups.get(key) ?? {
				name: field.name,
				required: field.required === true,
				types: [],
			};
			group.types.push(type.value);
			groups.set(key, group);
		}
	}
	return [...groups.values()].map(({ name, required: isRequired, types }) => {
		const field = FIELDS[name];
		const ownShow = field.displayOptions?.show;
		const ownHide = field.displayOptions?.hide;
		return {
			...field,
			...(isRequired ? { required: true } : {}),
			displayOptions: {
				show: { ...show, messageType: types, ...ownShow },
				...(ownHide ? { hide: ownHide } : {}),
			},
		} as INodeProperties;
	});
}

/** The Message Type parameter. */
export const messageTypeProperty: INodeProperties = {
	displayName: 'Message Type',
	name: 'messageType',
	type: 'options',
	default: 'text',
	description: 'What to send; each type shows its own fields',
	options: MESSAGE_TYPES.map((type) => ({
		name: type.name,
		value: type.value,
		description: type.description,
	})),
};

/**
 * Sinch's `message` for a type from its fields' values. Problems (missing fields, bad JSON) are listed, not thrown,
 * so a caller can report all of them at once.
 */
export function messageFromFields(
	typeValue: string,
	values: FieldValues,
): { message: IDataObject; problems: string[] } {
	const type = MESSAGE_TYPE_BY_VALUE.get(typeValue);
	if (!type)
		return {
			message: {},
			problems: [
				`Message Type "${typeValue}" is not known: use one of ${MESSAGE_TYPES.map((known) => known.name).join(', ')}.`,
			],
		};
	const problems: string[] = [];
	const content = type.build(values, problems);
	return { message: type.key ? { [type.key]: content } : content, problems };
}
