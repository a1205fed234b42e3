import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../shared/requestOptions';
import type { OperationMeta } from '../operation';
import { getOmniTemplate, getWhatsAppTemplate } from './templateApi';
import { kindProperty, readText, type TemplateKind } from './templateFields';

const properties: INodeProperties[] = [
	kindProperty,
	{
		displayName: 'Template Name',
		name: 'templateName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. order_shipped',
		description: 'The WhatsApp template name, as Template → Get Many lists it',
		displayOptions: { show: { kind: ['whatsapp'] } },
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. en_US',
		description:
			'The language of the template: one name can have several (en_US and en-US are the same here)',
		displayOptions: { show: { kind: ['whatsapp'] } },
	},
	{
		displayName: 'Template ID',
		name: 'templateId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. appointment_reminder',
		description: 'The omnichannel template ID, as Template → Get Many lists it',
		displayOptions: { show: { kind: ['omni'] } },
	},
	{
		displayName: 'Version',
		name: 'version',
		type: 'string',
		default: 'latest',
		description: 'Latest, or a version number: the translations of that version are returned',
		displayOptions: { show: { kind: ['omni'] } },
	},
	optionsCollection(),
];

export const meta: OperationMeta = { noun: 'template' };

export const description = updateDisplayOptions(
	{ show: { resource: ['template'], operation: ['get'] } },
	properties,
);

type PreparedGet =
	| { kind: 'whatsapp'; name: string; language: string }
	| { kind: 'omni'; templateId: string; version: string };

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedGet {
	const kind = this.getNodeParameter('kind', itemIndex) as TemplateKind;
	if (kind === 'whatsapp') {
		return {
			kind,
			name: readText.call(this, itemIndex, 'templateName', 'Template Name'),
			language: readText.call(this, itemIndex, 'language', 'Language', 'language'),
		};
	}
	const templateId = readText.call(this, itemIndex, 'templateId', 'Template ID');
	const given = this.getNodeParameter('version', itemIndex, 'latest') as unknown;
	const version = String(given ?? '').trim() || 'latest';
	if (version.toLowerCase() !== 'latest' && !/^[1-9]\d{0,8}$/.test(version)) {
		throw new NodeOperationError(
			this.getNode(),
			`Version "${version.slice(0, 40)}" is not "latest" or a version number`,
			{
				itemIndex,
				description: 'Give latest, or a whole number such as 2. Nothing was sent.',
			},
		);
	}
	return { kind, templateId, version: version.toLowerCase() === 'latest' ? 'latest' : version };
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	prepared: PreparedGet,
): Promise<IDataObject> {
	const template =
		prepared.kind === 'whatsapp'
			? await getWhatsAppTemplate(this, prepared.name, prepared.language, itemIndex)
			: await getOmniTemplate(this, prepared.templateId, prepared.version, itemIndex);
	return template as unknown as IDataObject;
}
