import type { ChannelTarget } from './message-rules';
import type { TemplateStore } from './templates';
import type { JsonObject } from './types';

/** Why a template message was not delivered, in Sinch's reason shape (the MESSAGE_DELIVERY report's `reason`). */
export interface TemplateFailure {
	code:
		| 'TEMPLATE_NOT_FOUND'
		| 'TEMPLATE_INSUFFICIENT_PARAMETERS'
		| 'TEMPLATE_NON_EXISTING_LANGUAGE_OR_VERSION'
		| 'BAD_REQUEST';
	description: string;
	sub_code: 'UNSPECIFIED_SUB_CODE';
}

const failure = (code: TemplateFailure['code'], description: string): TemplateFailure => ({
	code,
	description,
	sub_code: 'UNSPECIFIED_SUB_CODE',
});

/**
 * The parameter keys a WhatsApp template needs in a send (`channel_template.WHATSAPP.parameters`), in Sinch's form
 * `<component>[card]<card component>[index]<sub type>[n]<field>`:
 * - a TEXT header with {{1}}: `header[1]text`; an IMAGE, VIDEO or DOCUMENT header: `header[1]image.link` (video,
 *   document); a LOCATION header: `header[1]location.latitude` and `.longitude`;
 * - each body variable {{n}}: `body[n]text`;
 * - button i (0-based): a URL ending in {{1}}: `button[i]url[1]text`; a quick reply: `button[i]quick_reply[1]payload`
 *   (Sinch wants it present, even empty); a copy code: `button[i]copy_code[1]coupon_code`; a phone number: none;
 * - carousel card c (0-based): the same keys behind `carousel[c]`, e.g. `carousel[0]body[1]text`.
 * Keys beyond these are ignored by Sinch (so a bare `1` is never an error, only useless).
 */
export function whatsAppTemplateKeys(template: JsonObject): string[] {
	const details = (template.details as JsonObject | undefined) ?? {};
	return componentKeys((details.components as JsonObject[] | undefined) ?? [], '');
}

/** Keys whose value may be empty (present is enough). */
const MAY_BE_EMPTY = /quick_reply\[1\]payload$/;

function variables(text: unknown): number[] {
	const found = new Set<number>();
	for (const match of String(text ?? '').matchAll(/\{\{\s*(\d+)\s*\}\}/g))
		found.add(Number(match[1]));
	return [...found].sort((a, b) => a - b);
}

function componentKeys(components: JsonObject[], prefix: string): string[] {
	const keys: string[] = [];
	for (const component of components) {
		switch (component.type) {
			case 'HEADER': {
				const format = String(component.format ?? 'TEXT');
				if (format === 'TEXT') {
					if (variables(component.text).length > 0) keys.push(`${prefix}header[1]text`);
				} else if (format === 'LOCATION') {
					keys.push(`${prefix}header[1]location.latitude`, `${prefix}header[1]location.longitude`);
				} else keys.push(`${prefix}header[1]${format.toLowerCase()}.link`);
				break;
			}
			case 'BODY':
				for (const n of variables(component.text)) keys.push(`${prefix}body[${n}]text`);
				break;
			case 'BUTTONS':
				((component.buttons as JsonObject[] | undefined) ?? []).forEach((button, i) => {
					if (button.type === 'URL' && variables(button.url).length > 0)
						keys.push(`${prefix}button[${i}]url[1]text`);
					if (button.type === 'QUICK_REPLY')
						keys.push(`${prefix}button[${i}]quick_reply[1]payload`);
					if (button.type === 'COPY_CODE')
						keys.push(`${prefix}button[${i}]copy_code[1]coupon_code`);
				});
				break;
			case 'CAROUSEL':
				((component.cards as JsonObject[] | undefined) ?? []).forEach((card, c) => {
					keys.push(...componentKeys((card.components as JsonObject[]) ?? [], `carousel[${c}]`));
				});
				break;
		}
	}
	return keys;
}

/** The `${key}` variables of an omnichannel translation. */
function omniKeys(translation: JsonObject): string[] {
	return ((translation.variables as JsonObject[] | undefined) ?? []).map((v) => String(v.key));
}

function missingOf(keys: string[], parameters: JsonObject): string[] {
	return keys.filter((key) => {
		const value = parameters[key];
		if (typeof value !== 'string') return true;
		return value.trim() === '' && !MAY_BE_EMPTY.test(key);
	});
}

const sameCode = (a: string, b: string) =>
	a.replace(/_/g, '-').toLowerCase() === b.replace(/_/g, '-').toLowerCase();

/** WhatsApp's language form of a stored Sinch enum value: EN_US → en_US, SR_LATN → sr_Latn. */
export function whatsAppForm(language: string): string {
	const [first, ...rest] = language.split(/[-_]/);
	const part = (p: string) =>
		p.length === 2 ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1).toLowerCase();
	return [first.toLowerCase(), ...rest.map(part)].join('_');
}

function whatsAppFailure(reference: JsonObject, store: TemplateStore): TemplateFailure | undefined {
	const name = String(reference.template_id ?? '');
	const language = typeof reference.language_code === 'string' ? reference.language_code : '';
	if (language === '')
		return failure(
			'BAD_REQUEST',
			`channel_template.WHATSAPP.language_code is required for WhatsApp template ${name}`,
		);
	const sameName = store.whatsAppTemplates().filter((template) => template.name === name);
	if (sameName.length === 0)
		return failure('TEMPLATE_NOT_FOUND', `WhatsApp template ${name} not found`);
	const template = sameName.find(
		(candidate) => whatsAppForm(String(candidate.language)) === language,
	);
	if (!template) {
		const has = sameName.map((candidate) => whatsAppForm(String(candidate.language)));
		return failure(
			'TEMPLATE_NON_EXISTING_LANGUAGE_OR_VERSION',
			`WhatsApp template ${name} has no language ${language} (it has ${has.join(', ')}; WhatsApp wants the underscore form, e.g. en_US)`,
		);
	}
	if (template.state !== 'APPROVED')
		return failure(
			'TEMPLATE_NOT_FOUND',
			`WhatsApp template ${name} (${language}) is ${String(template.state)}: only APPROVED templates can be sent`,
		);
	const missing = missingOf(
		whatsAppTemplateKeys(template),
		(reference.parameters as JsonObject) ?? {},
	);
	if (missing.length > 0)
		return failure(
			'TEMPLATE_INSUFFICIENT_PARAMETERS',
			`WhatsApp template ${name} (${language}) is missing parameter${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
		);
	return undefined;
}

function omniFailure(
	reference: JsonObject,
	store: TemplateStore,
	region: string,
): TemplateFailure | undefined {
	const id = String(reference.template_id ?? '');
	const versions = store.omniVersions(id, region);
	if (versions.length === 0) return failure('TEMPLATE_NOT_FOUND', `Template ${id} not found`);
	const wanted = String(reference.version ?? 'latest');
	const template =
		wanted === 'latest'
			? versions[versions.length - 1]
			: versions.find((candidate) => String(candidate.version) === wanted);
	if (!template)
		return failure(
			'TEMPLATE_NON_EXISTING_LANGUAGE_OR_VERSION',
			`Template ${id} has no version ${wanted}`,
		);
	const language = String(reference.language_code ?? template.default_translation ?? '');
	const translation = ((template.translations as JsonObject[] | undefined) ?? []).find((t) =>
		sameCode(String(t.language_code), language),
	);
	if (!translation)
		return failure(
			'TEMPLATE_NON_EXISTING_LANGUAGE_OR_VERSION',
			`Template ${id} version ${String(template.version)} has no translation ${language}`,
		);
	const missing = missingOf(omniKeys(translation), (reference.parameters as JsonObject) ?? {});
	if (missing.length > 0)
		return failure(
			'TEMPLATE_INSUFFICIENT_PARAMETERS',
			`Template ${id} (${language}) is missing parameter${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
		);
	return undefined;
}

/**
 * Why a template message sent to `target` fails on that channel, or undefined when it is fine (or no template
 * message). Sinch accepts a template send and checks the template while delivering: a WhatsApp channel template
 * overrides the omnichannel one on WhatsApp; other channels use the omnichannel template.
 */
export function templateFailure(
	body: JsonObject | undefined,
	target: ChannelTarget,
	store: TemplateStore,
	region: string,
): TemplateFailure | undefined {
	const message = (body?.message as JsonObject | undefined) ?? {};
	const templateMessage = message.template_message as JsonObject | undefined;
	if (!templateMessage) return undefined;
	const channelTemplate = (templateMessage.channel_template as JsonObject | undefined) ?? {};
	const own = channelTemplate[target.channel] as JsonObject | undefined;
	if (own && target.channel === 'WHATSAPP') return whatsAppFailure(own, store);
	const omni = templateMessage.omni_template as JsonObject | undefined;
	if (omni) return omniFailure(omni, store, region);
	if (own) return undefined;
	return failure('TEMPLATE_NOT_FOUND', `No template for channel ${target.channel} in the message`);
}
