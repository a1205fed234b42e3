import type {
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
	ResourceMapperField,
	ResourceMapperFields,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	getOmniTemplate,
	getWhatsAppTemplate,
	listOmniTemplates,
	listWhatsAppTemplates,
	whatsAppSendLanguage,
} from '../actions/template/templateApi';
import { parseWhatsAppTemplateRef } from '../helpers/templateMessage';
import {
	omniLanguages,
	omniParameters,
	omniTranslation,
	whatsAppParameters,
	type TemplateParameter,
} from '../helpers/templateParameters';

/**
 * The Send's template pickers and the fields built from the chosen template: the WhatsApp and omnichannel template
 * lists (listSearch), an omnichannel template's versions and languages (loadOptions), and each template's variables
 * as named fields (resourceMapping).
 */

/** A parameter's current value; an expression (a template chosen at run time) cannot be listed from. */
function chosen(ctx: ILoadOptionsFunctions, name: string, what: string): string {
	const raw = ctx.getCurrentNodeParameter(name, { extractValue: true }) as unknown;
	const value = typeof raw === 'string' ? raw.trim() : raw == null ? '' : String(raw);
	if (value.startsWith('='))
		throw new NodeOperationError(
			ctx.getNode(),
			`The ${what} is set by an expression, so its fields cannot be shown here`,
			{
				description:
					'Set Parameters From to JSON and give the parameters as an object; they are checked against the template the expression names when the workflow runs.',
			},
		);
	return value;
}

/** Labels of mapper fields longer than this are cut off in the editor's panel at its usual width (n8n 2.41). */
const LABEL_LENGTH = 26;

/**
 * A field of the resource mapper for one template parameter. n8n's mapper fields have no placeholder, so the label
 * carries the template's example, shortened to fit (a URL by its file name).
 */
function mapperField(parameter: TemplateParameter): ResourceMapperField {
	let displayName = parameter.label;
	if (parameter.example) {
		// A URL shows by its last part, which is what tells one sample file from another.
		const example = /^https?:\/\/\S+\/\S/.test(parameter.example)
			? (parameter.example.replace(/\/+$/, '').split('/').pop() ?? parameter.example)
			: parameter.example;
		const room = LABEL_LENGTH - parameter.label.length - ' (e.g. )'.length;
		if (room >= 6)
			displayName = `${parameter.label} (e.g. ${example.length > room ? `${example.slice(0, room - 1)}…` : example})`;
	}
	return {
		id: parameter.key,
		displayName,
		required: parameter.required,
		defaultMatch: false,
		canBeUsedToMatch: false,
		display: true,
		type: 'string',
	};
}

/** The project's WhatsApp templates, as "name (language) – STATE", filtered by name. */
export async function searchWhatsAppTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const needle = (filter ?? '').trim().toLowerCase();
	const templates = await listWhatsAppTemplates(this);
	const results = templates
		.filter((template) => typeof template.name === 'string' && template.name !== '')
		.filter((template) => needle === '' || template.name.toLowerCase().includes(needle))
		.map((template) => {
			const language = whatsAppSendLanguage(String(template.language ?? ''));
			return {
				name: `${template.name} (${language}) – ${String(template.state ?? 'UNKNOWN').toUpperCase()}`,
				value: `${template.name}|${language}`,
			};
		})
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}

/** The omnichannel templates of the credential's region, by description (or ID), filtered by either. */
export async function searchOmniTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const needle = (filter ?? '').trim().toLowerCase();
	const templates = await listOmniTemplates(this);
	const results = templates
		.filter((template) => typeof template.id === 'string' && template.id !== '')
		.map((template) => {
			const description = String(template.description ?? '').trim();
			const languages = omniLanguages(template).join(', ');
			return {
				name: `${description || template.id} (v${template.version}${languages ? `, ${languages}` : ''})`,
				value: template.id,
				search: `${description} ${template.id}`.toLowerCase(),
			};
		})
		.filter((entry) => needle === '' || entry.search.includes(needle))
		.map(({ name, value }) => ({ name, value }))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}

/** Latest, then each version of the chosen omnichannel template, newest first. */
export async function omniTemplateVersions(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const latest = { name: 'Latest', value: 'latest' };
	const templateId = chosen(this, 'omniTemplate', 'template');
	if (templateId === '') return [latest];
	const template = await getOmniTemplate(this, templateId);
	const current = Number(template.version);
	if (!Number.isInteger(current) || current < 1) return [latest];
	const versions = Array.from({ length: current }, (_, index) => String(current - index));
	return [
		{ name: `Latest (Now ${current})`, value: 'latest' },
		...versions.map((version) => ({ name: `Version ${version}`, value: version })),
	];
}

/** The languages of the chosen omnichannel template in the chosen version. */
export async function omniTemplateLanguages(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const templateId = chosen(this, 'omniTemplate', 'template');
	if (templateId === '') return [];
	const version = chosen(this, 'omniVersion', 'version') || 'latest';
	const template = await getOmniTemplate(this, templateId, version);
	return omniLanguages(template).map((language) => ({
		name: language === template.default_translation ? `${language} (Default)` : language,
		value: language,
	}));
}

/** The chosen WhatsApp template's variables as named fields. */
export async function whatsAppTemplateParameters(
	this: ILoadOptionsFunctions,
): Promise<ResourceMapperFields> {
	const value = chosen(this, 'whatsappTemplate', 'WhatsApp template');
	const reference = parseWhatsAppTemplateRef(value);
	if (!reference) return { fields: [], emptyFieldsNotice: 'Pick a WhatsApp template first' };
	const template = await getWhatsAppTemplate(this, reference.name, reference.language);
	return { fields: whatsAppParameters(template).map(mapperField) };
}

/** The chosen omnichannel template's variables (in the chosen version and language) as named fields. */
export async function omniTemplateParameters(
	this: ILoadOptionsFunctions,
): Promise<ResourceMapperFields> {
	const templateId = chosen(this, 'omniTemplate', 'template');
	const language = chosen(this, 'omniLanguage', 'language');
	if (templateId === '' || language === '')
		return { fields: [], emptyFieldsNotice: 'Pick a template and a language first' };
	const version = chosen(this, 'omniVersion', 'version') || 'latest';
	const template = await getOmniTemplate(this, templateId, version);
	const translation = omniTranslation(template, language);
	if (!translation)
		throw new NodeOperationError(
			this.getNode(),
			`Template ${templateId} has no translation in ${language} in this version`,
			{ description: `Pick one of: ${omniLanguages(template).join(', ') || 'none'}.` },
		);
	return { fields: omniParameters(translation).map(mapperField) };
}
