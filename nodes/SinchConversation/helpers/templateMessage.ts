import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { jsonField } from './jsonField';
import { kindOf } from './text';

/**
 * The Template message type: which template (a WhatsApp template by name and language, or an omnichannel template
 * by ID, version and language) and its parameters (named fields built from the template, or JSON). The fields are
 * read by the message type table (messageTypes.ts); the checks against the template itself need it read from Sinch
 * and run once per run (actions/message/templateChecks.ts).
 */

/**
 * The named fields of a kind's template (n8n's resource mapper): built by `method` from the chosen template, shown
 * once one is chosen and Parameters From is on Named Fields. n8n's mapper fields have no placeholder: each label
 * carries the template's example instead.
 */
function parametersMapper(
	kind: 'whatsapp' | 'omni',
	method: string,
	dependsOn: string[],
	hideUntilChosen: Record<string, string[]>,
): Omit<INodeProperties, 'required'> {
	return {
		displayName: 'Parameters',
		name: `${kind}Parameters`,
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		description: "The template's variables, each labelled with the template's example",
		typeOptions: {
			loadOptionsDependsOn: dependsOn,
			resourceMapper: {
				resourceMapperMethod: method,
				mode: 'add',
				fieldWords: { singular: 'parameter', plural: 'parameters' },
				valuesLabel: 'Parameters',
				addAllFields: true,
				multiKeyMatch: false,
				supportAutoMap: false,
				allowEmptyValues: true,
				noFieldsError: 'This template has no variables: nothing to fill in',
			},
		},
		displayOptions: {
			show: { templateKind: [kind], templateParametersInput: ['fields'] },
			hide: hideUntilChosen,
		},
	};
}

export const TEMPLATE_FIELDS: Record<string, Omit<INodeProperties, 'required'>> = {
	templateKind: {
		displayName: 'Template Kind',
		name: 'templateKind',
		type: 'options',
		default: 'whatsapp',
		options: [
			{
				name: 'WhatsApp Template',
				value: 'whatsapp',
				description:
					'A template Meta approved for your WhatsApp sender, by name and language; sent on WhatsApp only',
			},
			{
				name: 'Omnichannel Template',
				value: 'omni',
				description:
					"A template of Sinch's template service (Templates V2), by ID, version and language; any channel",
			},
		],
	},
	whatsappTemplate: {
		displayName: 'WhatsApp Template',
		name: 'whatsappTemplate',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description:
			'The template to send. Only APPROVED templates can be sent; the list shows the others with their state.',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchWhatsAppTemplates', searchable: true },
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. order_update|en_US',
				hint: 'The template name and its language, joined by |',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^[^|]+\\|[^|]+$',
							errorMessage: 'Give the name and the language joined by |, e.g. order_update|en_US',
						},
					},
				],
			},
		],
		displayOptions: { show: { templateKind: ['whatsapp'] } },
	},
	omniTemplate: {
		displayName: 'Template',
		name: 'omniTemplate',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description: 'The omnichannel template to send, from the region of your credential',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchOmniTemplates', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 01HTEMPLATE0000000000000000',
			},
		],
		displayOptions: { show: { templateKind: ['omni'] } },
	},
	omniVersion: {
		displayName: 'Version Name or ID',
		name: 'omniVersion',
		type: 'options',
		default: 'latest',
		description:
			'The version to send; Latest follows the template as it changes. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		typeOptions: {
			loadOptionsMethod: 'omniTemplateVersions',
			loadOptionsDependsOn: ['omniTemplate.value'],
		},
		displayOptions: { show: { templateKind: ['omni'] } },
	},
	omniLanguage: {
		displayName: 'Language Name or ID',
		name: 'omniLanguage',
		type: 'options',
		default: '',
		description:
			'One of the languages the template has in that version. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		typeOptions: {
			loadOptionsMethod: 'omniTemplateLanguages',
			loadOptionsDependsOn: ['omniTemplate.value', 'omniVersion'],
		},
		displayOptions: { show: { templateKind: ['omni'] } },
	},
	templateParametersInput: {
		displayName: 'Parameters From',
		name: 'templateParametersInput',
		type: 'options',
		default: 'fields',
		options: [
			{
				name: 'Named Fields',
				value: 'fields',
				description: "One field for each of the chosen template's variables",
			},
			{
				name: 'JSON',
				value: 'json',
				description:
					'An object of parameters, for a template chosen at run time by an expression; checked against that template',
			},
		],
	},
	whatsappParameters: parametersMapper(
		'whatsapp',
		'whatsAppTemplateParameters',
		['whatsappTemplate.value'],
		{ whatsappTemplate: [''] },
	),
	omniParameters: parametersMapper(
		'omni',
		'omniTemplateParameters',
		['omniTemplate.value', 'omniVersion', 'omniLanguage'],
		{ omniTemplate: [''], omniLanguage: [''] },
	),
	templateParametersJson: {
		displayName: 'Parameters (JSON)',
		name: 'templateParametersJson',
		type: 'json',
		default: '{}',
		description:
			'The parameters as an object of text values. WhatsApp keys name the component, e.g. {"body[1]text": "Ada", "header[1]image.link": "https://…"}; omnichannel keys are the variable names. Checked against the template before anything is sent.',
		displayOptions: { show: { templateParametersInput: ['json'] } },
	},
};

/** The field names the Template type reads, in the panel's order. */
export const TEMPLATE_FIELD_NAMES = Object.keys(TEMPLATE_FIELDS);

/** A WhatsApp template is named by `name|language` (the picker's value, and what By Name takes). */
export function parseWhatsAppTemplateRef(
	value: string,
): { name: string; language: string } | undefined {
	const [name, language, ...rest] = value.split('|').map((part) => part.trim());
	return name && language && rest.length === 0 ? { name, language } : undefined;
}

/** The value of a resource locator, or of a plain string an expression gave. */
export function locatorValue(value: unknown): string {
	const raw =
		typeof value === 'object' && value !== null && 'value' in value
			? (value as { value: unknown }).value
			: value;
	return typeof raw === 'string' ? raw.trim() : raw == null ? '' : String(raw).trim();
}

/** The parameters given, as text, from the named fields (resource mapper) or the JSON; null fields are left out. */
function givenParameters(values: IDataObject, problems: string[]): Record<string, string> {
	const omni = values.templateKind === 'omni';
	let raw: IDataObject | undefined;
	if (values.templateParametersInput === 'json') {
		raw = jsonField(
			values.templateParametersJson,
			'Parameters (JSON)',
			'object',
			omni ? '{"name": "Ada"}' : '{"body[1]text": "Ada"}',
			problems,
		) as IDataObject | undefined;
	} else {
		const mapper = values[omni ? 'omniParameters' : 'whatsappParameters'] as
			| { value?: IDataObject | null }
			| undefined;
		raw = mapper?.value ?? undefined;
	}
	const parameters: Record<string, string> = {};
	for (const [key, value] of Object.entries(raw ?? {})) {
		if (value === undefined || value === null) continue;
		if (typeof value === 'string') parameters[key] = value;
		else if (typeof value === 'number' || typeof value === 'boolean')
			parameters[key] = String(value);
		else
			problems.push(
				`Parameter "${key}" must be text, not ${kindOf(value)}. If an expression fills it, make it give one text value.`,
			);
	}
	return parameters;
}

/** Sinch's template_message from the Template fields; the template's own checks come later (templateChecks). */
export function templateContent(values: IDataObject, problems: string[]): IDataObject {
	const parameters = givenParameters(values, problems);
	const withParameters = (reference: IDataObject) =>
		Object.keys(parameters).length > 0 ? { ...reference, parameters } : reference;
	if (values.templateKind === 'omni') {
		const templateId = locatorValue(values.omniTemplate);
		if (templateId === '')
			problems.push('Template is empty: pick an omnichannel template or give its ID.');
		const language = locatorValue(values.omniLanguage);
		if (language === '')
			problems.push('Language is empty: pick one of the languages of the template.');
		return {
			omni_template: withParameters({
				template_id: templateId,
				version: locatorValue(values.omniVersion) || 'latest',
				language_code: language,
			}),
		};
	}
	const given = locatorValue(values.whatsappTemplate);
	const reference = parseWhatsAppTemplateRef(given);
	if (given === '') problems.push('WhatsApp Template is empty: pick a template from the list.');
	else if (!reference)
		problems.push(
			`WhatsApp Template "${given.slice(0, 80)}" is not a name and a language joined by |, e.g. order_update|en_US.`,
		);
	else if (reference.language.includes('-'))
		problems.push(
			`WhatsApp Template "${given}": WhatsApp writes languages with an underscore, e.g. en_US, not en-US.`,
		);
	return {
		channel_template: {
			WHATSAPP: withParameters({
				template_id: reference?.name ?? given,
				language_code: reference?.language ?? '',
			}),
		},
	};
}

/** What a built template message refers to, for the run's template checks. */
export type TemplateRef =
	| { kind: 'whatsapp'; name: string; language: string; parameters: Record<string, string> }
	| {
			kind: 'omni';
			templateId: string;
			version: string;
			language: string;
			parameters: Record<string, string>;
	  };

/** The templates a message's template_message sends: the WhatsApp one and the omnichannel one, when present. */
export function templateRefsOf(message: IDataObject): TemplateRef[] {
	const content = message.template_message as IDataObject | undefined;
	const refs: TemplateRef[] = [];
	const whatsApp = (content?.channel_template as IDataObject | undefined)?.WHATSAPP as
		| IDataObject
		| undefined;
	if (whatsApp)
		refs.push({
			kind: 'whatsapp',
			name: String(whatsApp.template_id ?? ''),
			language: String(whatsApp.language_code ?? ''),
			parameters: (whatsApp.parameters ?? {}) as Record<string, string>,
		});
	const omni = content?.omni_template as IDataObject | undefined;
	if (omni)
		refs.push({
			kind: 'omni',
			templateId: String(omni.template_id ?? ''),
			version: String(omni.version ?? 'latest'),
			language: String(omni.language_code ?? ''),
			parameters: (omni.parameters ?? {}) as Record<string, string>,
		});
	return refs;
}
