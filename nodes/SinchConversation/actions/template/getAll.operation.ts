import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../shared/requestOptions';
import { readLimit, returnAllAndLimit } from '../../shared/returnAll';
import type { OperationMeta } from '../operation';
import {
	listOmniTemplates,
	listWhatsAppTemplates,
	type OmniTemplate,
	type WhatsAppTemplate,
} from './templateApi';
import {
	categoryOptions,
	kindProperty,
	sameLanguage,
	stateOptions,
	WHATSAPP_CATEGORIES,
	WHATSAPP_STATES,
	type TemplateKind,
} from './templateFields';

const languageFilter: INodeProperties = {
	displayName: 'Language',
	name: 'language',
	type: 'string',
	default: '',
	placeholder: 'e.g. en_US',
	description: 'Only templates in this language (en_US and en-US are the same here)',
};

const properties: INodeProperties[] = [
	kindProperty,
	...returnAllAndLimit,
	{
		displayName: 'Filters',
		name: 'whatsappFilters',
		type: 'collection',
		default: {},
		placeholder: 'Add Filter',
		description: 'By name, then language; without filters, every WhatsApp template of the project',
		displayOptions: { show: { kind: ['whatsapp'] } },
		options: [
			{
				displayName: 'Category',
				name: 'category',
				type: 'options',
				default: 'UTILITY',
				options: categoryOptions,
			},
			languageFilter,
			{
				displayName: 'State',
				name: 'state',
				type: 'options',
				default: 'APPROVED',
				options: stateOptions,
				description: 'Only templates in this state; only approved ones can be sent',
			},
		],
	},
	{
		displayName: 'Filters',
		name: 'omniFilters',
		type: 'collection',
		default: {},
		placeholder: 'Add Filter',
		description: "Without filters, every omnichannel template of the credential's region",
		displayOptions: { show: { kind: ['omni'] } },
		options: [
			{ ...languageFilter, description: 'Only templates with a translation in this language' },
		],
	},
	optionsCollection(),
];

export const meta: OperationMeta = { noun: 'template' };

export const description = updateDisplayOptions(
	{ show: { resource: ['template'], operation: ['getAll'] } },
	properties,
);

interface PreparedList {
	kind: TemplateKind;
	limit?: number;
	state?: string;
	category?: string;
	language?: string;
}

/** A filter value that must be one of `allowed` (an expression may give anything). */
function oneOf(
	this: IExecuteFunctions,
	itemIndex: number,
	label: string,
	value: unknown,
	allowed: string[],
): string | undefined {
	if (value === undefined || value === '') return undefined;
	const text = String(value).trim().toUpperCase();
	if (allowed.includes(text)) return text;
	throw new NodeOperationError(
		this.getNode(),
		`${label} "${String(value).slice(0, 40)}" is not one Sinch knows`,
		{
			itemIndex,
			description: `Use one of ${allowed.join(', ')}. Nothing was sent.`,
		},
	);
}

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedList {
	const kind = this.getNodeParameter('kind', itemIndex) as TemplateKind;
	const limit = readLimit.call(this, itemIndex);
	const filters = this.getNodeParameter(
		kind === 'whatsapp' ? 'whatsappFilters' : 'omniFilters',
		itemIndex,
		{},
	) as IDataObject;
	const language = typeof filters.language === 'string' ? filters.language.trim() : '';
	return {
		kind,
		limit,
		language: language === '' ? undefined : language,
		state: oneOf.call(this, itemIndex, 'State', filters.state, WHATSAPP_STATES),
		category: oneOf.call(this, itemIndex, 'Category', filters.category, WHATSAPP_CATEGORIES),
	};
}

/** One output item per template; none when nothing matches. Filters Sinch has no parameter for are applied here. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	prepared: PreparedList,
): Promise<IDataObject[]> {
	const { kind, limit, state, category, language } = prepared;
	let found: Array<WhatsAppTemplate | OmniTemplate>;
	if (kind === 'whatsapp') {
		// Sinch filters by state only; with another filter the Limit counts what is left after it.
		const local = category !== undefined || language !== undefined;
		const templates = await listWhatsAppTemplates(this, {
			itemIndex,
			state,
			limit: local ? undefined : limit,
		});
		found = templates.filter(
			(template) =>
				(category === undefined || template.category === category) &&
				(language === undefined || sameLanguage(template.language, language)),
		);
	} else {
		const templates = await listOmniTemplates(this, { itemIndex });
		found = templates.filter(
			(template) =>
				language === undefined ||
				template.translations.some((translation) =>
					sameLanguage(translation.language_code, language),
				),
		);
	}
	const wanted = limit === undefined ? found : found.slice(0, limit);
	return wanted as unknown as IDataObject[];
}
