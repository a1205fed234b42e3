import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Which of the project's two template stores an operation reads. */
export type TemplateKind = 'whatsapp' | 'omni';

export const kindProperty: INodeProperties = {
	displayName: 'Kind',
	name: 'kind',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'WhatsApp',
			value: 'whatsapp',
			description:
				'Templates approved by WhatsApp, sent as a WhatsApp channel template (Sinch Provisioning API, any region)',
		},
		{
			name: 'Omnichannel',
			value: 'omni',
			description:
				"Sinch's own templates with translations, sent on any channel (Templates V2, in the credential's region)",
		},
	],
	default: 'whatsapp',
};

/** The states a WhatsApp template can be in; only APPROVED ones can be sent. */
export const WHATSAPP_STATES = ['APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED', 'DRAFT'];
export const WHATSAPP_CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'];

const titleCase = (value: string) => value.charAt(0) + value.slice(1).toLowerCase();
export const stateOptions = WHATSAPP_STATES.map((state) => ({
	name: titleCase(state),
	value: state,
}));
export const categoryOptions = WHATSAPP_CATEGORIES.map((category) => ({
	name: titleCase(category),
	value: category,
}));

/** A language code as templates carry it: `en`, `en_US`, `en-US`, `sr_Latn`, `EN_US`. */
const LANGUAGE_PATTERN = /^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*$/;

/** Reads a required text parameter, trimmed; an empty one or a bad language stops the item before any request. */
export function readText(
	this: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
	kind: 'text' | 'language' = 'text',
): string {
	const value = this.getNodeParameter(name, itemIndex, '') as unknown;
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (text === '') {
		throw new NodeOperationError(this.getNode(), `${label} is empty`, {
			itemIndex,
			description: `Give the template's ${label.toLowerCase()}. Nothing was sent.`,
		});
	}
	if (kind === 'language' && !LANGUAGE_PATTERN.test(text)) {
		throw new NodeOperationError(
			this.getNode(),
			`${label} "${text.slice(0, 40)}" is not a language code`,
			{
				itemIndex,
				description:
					"Give a code such as en, en_US or pt_BR (Template → Get Many lists each template's language). Nothing was sent.",
			},
		);
	}
	return text;
}

/** Whether two language codes name the same language, whatever their case and separator (en_US, en-us). */
export function sameLanguage(a: string, b: string): boolean {
	const norm = (code: string) => code.trim().replace(/_/g, '-').toLowerCase();
	return norm(a) === norm(b);
}
