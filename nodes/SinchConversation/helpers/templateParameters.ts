/**
 * The parameters a template needs, read from the template itself, in Sinch's keys; and what is wrong with a set of
 * values given for them. Pure: the panel's fields (resource mapper), the run's checks and the tests all use these.
 *
 * WhatsApp keys (Sinch's channel_template parameters):
 *   header[1]text, header[1]image.link, header[1]video.link, header[1]document.link (+ header[1]document.filename),
 *   body[n]text, button[i]url[1]text, button[i]quick_reply[1]payload, button[i]copy_code[1]coupon_code,
 *   carousel[c]header[1]image.link, carousel[c]body[n]text, carousel[c]button[i]quick_reply[1]payload, ...
 * i is the button's 0-based place among the template's buttons, n the 1-based variable number, c the 0-based card.
 */

/** One component of a WhatsApp template, as the Provisioning API gives it (Meta's shape). */
export interface WhatsAppComponentLike {
	type?: string;
	format?: string;
	text?: string;
	/** Sinch's flat form: a text header's value, or {url} of a media header; or Meta's nested form. */
	example?: unknown;
	/** Sinch's flat form of a body's examples, one per {{n}}. */
	examples?: unknown;
	buttons?: WhatsAppButtonLike[];
	cards?: Array<{ components?: WhatsAppComponentLike[] }>;
}

export interface WhatsAppButtonLike {
	type?: string;
	text?: string;
	url?: string;
	example?: unknown;
}

export interface WhatsAppTemplateLike {
	name?: string;
	language?: string;
	state?: string;
	details?: { components?: WhatsAppComponentLike[] };
}

export interface OmniTemplateLike {
	id?: string;
	version?: number | string;
	translations?: Array<{
		language_code?: string;
		version?: number | string;
		variables?: Array<{ key?: string; preview_value?: string }>;
	}>;
}

/** One value a template takes. */
export interface TemplateParameter {
	/** Sinch's key, as sent in `parameters`. */
	key: string;
	/** What the panel calls it. */
	label: string;
	/** The template's own example value, if it has one. */
	example?: string;
	/** Whether a send without it is refused. */
	required: boolean;
	/** Sent as this when left out (a quick-reply payload must be present even when empty). */
	whenMissing?: string;
}

const MEDIA_FORMATS = ['IMAGE', 'VIDEO', 'DOCUMENT'];

/** The numbers of the {{n}} variables in a text, in order of first use. */
export function variableNumbers(text: unknown): number[] {
	if (typeof text !== 'string') return [];
	const numbers: number[] = [];
	for (const match of text.matchAll(/\{\{\s*(\d+)\s*\}\}/g)) {
		const number = Number(match[1]);
		if (!numbers.includes(number)) numbers.push(number);
	}
	return numbers.sort((a, b) => a - b);
}

/** The first string of an example given as a string, a list, or a list of lists. */
function exampleAt(example: unknown, index = 0): string | undefined {
	if (typeof example === 'string') return index === 0 ? example : undefined;
	if (!Array.isArray(example)) return undefined;
	const row = Array.isArray(example[0]) ? (example[0] as unknown[]) : example;
	const value = row[index];
	return typeof value === 'string' ? value : undefined;
}

/** A field of an example given as an object (Meta's `header_text`, `body_text`, `header_handle`; Sinch's `url`). */
function exampleField(example: unknown, field: string): unknown {
	return typeof example === 'object' && example !== null && !Array.isArray(example)
		? (example as Record<string, unknown>)[field]
		: undefined;
}

/** The example of a header or body variable, from Sinch's flat form or Meta's nested one. */
function variableExample(component: WhatsAppComponentLike, index: number): string | undefined {
	const header = String(component.type ?? '').toUpperCase() === 'HEADER';
	if (header)
		return typeof component.example === 'string'
			? component.example
			: exampleAt(exampleField(component.example, 'header_text'), index);
	return (
		exampleAt(component.examples, index) ??
		exampleAt(exampleField(component.example, 'body_text'), index)
	);
}

/** The sample file of a media header. */
function mediaExample(component: WhatsAppComponentLike): string | undefined {
	const url = exampleField(component.example, 'url');
	return typeof url === 'string'
		? url
		: (exampleAt(exampleField(component.example, 'header_handle')) ?? exampleAt(component.example));
}

/** The header's, body's and buttons' parameters of one component list (the template's, or one carousel card's). */
function componentParameters(
	components: WhatsAppComponentLike[],
	prefix: string,
	where: string,
): TemplateParameter[] {
	const found: TemplateParameter[] = [];
	for (const component of components) {
		const type = String(component.type ?? '').toUpperCase();
		if (type === 'HEADER') {
			const format = String(component.format ?? 'TEXT').toUpperCase();
			if (format === 'TEXT') {
				for (const number of variableNumbers(component.text))
					found.push({
						key: `${prefix}header[${number}]text`,
						label: `${where}Header {{${number}}}`,
						example: variableExample(component, number - 1),
						required: true,
					});
			} else if (MEDIA_FORMATS.includes(format)) {
				const media = format.toLowerCase();
				found.push({
					key: `${prefix}header[1]${media}.link`,
					label: `${where}${media[0].toUpperCase()}${media.slice(1)}`,
					example: mediaExample(component),
					required: true,
				});
				if (format === 'DOCUMENT')
					found.push({
						key: `${prefix}header[1]document.filename`,
						label: `${where}Document File Name`,
						required: false,
					});
			} else if (format === 'LOCATION') {
				for (const field of ['latitude', 'longitude'])
					found.push({
						key: `${prefix}header[1]location.${field}`,
						label: `${where}${field[0].toUpperCase()}${field.slice(1)}`,
						required: true,
					});
			}
		} else if (type === 'BODY') {
			for (const number of variableNumbers(component.text))
				found.push({
					key: `${prefix}body[${number}]text`,
					label: `${where}Body {{${number}}}`,
					example: variableExample(component, number - 1),
					required: true,
				});
		} else if (type === 'BUTTONS') {
			(component.buttons ?? []).forEach((button, index) => {
				const kind = String(button.type ?? '').toUpperCase();
				// Named by place, as WhatsApp orders them: the panel has little room for a button's text.
				const named = `Button ${index + 1}`;
				if (kind === 'URL' && variableNumbers(button.url).length > 0) {
					const full = exampleAt(button.example);
					const fixed = String(button.url).split('{{')[0];
					found.push({
						key: `${prefix}button[${index}]url[1]text`,
						label: `${where}${named} URL Suffix`,
						example: full?.startsWith(fixed) ? full.slice(fixed.length) : full,
						required: true,
					});
				} else if (kind === 'QUICK_REPLY') {
					found.push({
						key: `${prefix}button[${index}]quick_reply[1]payload`,
						label: `${where}${named} Reply Payload`,
						required: false,
						whenMissing: '',
					});
				} else if (kind === 'COPY_CODE') {
					found.push({
						key: `${prefix}button[${index}]copy_code[1]coupon_code`,
						label: `${where}${named} Code`,
						example: exampleAt(button.example),
						required: true,
					});
				}
			});
		} else if (type === 'CAROUSEL' && prefix === '') {
			(component.cards ?? []).forEach((card, index) =>
				found.push(
					...componentParameters(card.components ?? [], `carousel[${index}]`, `Card ${index + 1} `),
				),
			);
		}
	}
	return found;
}

/** Every parameter a WhatsApp template takes, in the order its components show them. */
export function whatsAppParameters(template: WhatsAppTemplateLike): TemplateParameter[] {
	return componentParameters(template.details?.components ?? [], '', '');
}

type OmniTranslation = NonNullable<OmniTemplateLike['translations']>[number];

/** The translations of an omnichannel template in a version ("latest": the template's current version). */
function translationsIn(template: OmniTemplateLike, version: string): OmniTranslation[] {
	const wanted = version === 'latest' || version === '' ? String(template.version ?? '') : version;
	const all = template.translations ?? [];
	const matching = all.filter((translation) => String(translation.version ?? '') === wanted);
	// A template whose translations carry no version of their own has them all in its current version.
	return matching.length === 0 && all.every((translation) => translation.version === undefined)
		? all
		: matching;
}

/** The translation of an omnichannel template in a language and version. */
export function omniTranslation(
	template: OmniTemplateLike,
	languageCode: string,
	version = 'latest',
): OmniTranslation | undefined {
	return translationsIn(template, version).find(
		(translation) => translation.language_code === languageCode,
	);
}

/** The versions an omnichannel template's translations exist in, newest first. */
export function omniVersions(template: OmniTemplateLike): string[] {
	const versions = new Set(
		(template.translations ?? []).map((translation) => String(translation.version ?? '')),
	);
	versions.delete('');
	return [...versions].sort((a, b) => Number(b) - Number(a) || b.localeCompare(a));
}

/** The languages of an omnichannel template in a version. */
export function omniLanguages(template: OmniTemplateLike, version = 'latest'): string[] {
	const languages = translationsIn(template, version)
		.map((translation) => String(translation.language_code ?? ''))
		.filter((language) => language !== '');
	return [...new Set(languages)];
}

/** The variables of an omnichannel template's translation: each is required. */
export function omniParameters(translation: OmniTranslation): TemplateParameter[] {
	return (translation.variables ?? [])
		.filter((variable) => typeof variable.key === 'string' && variable.key !== '')
		.map((variable) => ({
			key: variable.key as string,
			label: variable.key as string,
			example: variable.preview_value,
			required: true,
		}));
}

/** Keys Sinch takes for any WhatsApp media header, beyond the link, that no template lists (optional extras). */
const WHATSAPP_OPTIONAL_SUFFIXES = ['.provider.name'];

/** The start of a key in Sinch's grammar: an optional card, then a component and an index. */
const SINCH_KEY = /^(carousel\[\d+\])?(header|body|button)\[\d+\]/;

/** The key the user probably meant, for a key the template does not take (a bare "1", "body.1", "{{1}}"). */
function likelyKey(key: string, expected: TemplateParameter[]): string | undefined {
	// A key already in Sinch's form names what was meant: the template just lacks it.
	if (SINCH_KEY.test(key)) return undefined;
	const numbers = key.match(/\d+/g);
	if (!numbers) return undefined;
	const number = numbers[numbers.length - 1];
	const lower = key.toLowerCase();
	const part = lower.includes('header') ? 'header' : lower.includes('button') ? 'button' : 'body';
	const candidates = expected.filter((parameter) => parameter.key.startsWith(part));
	return (
		candidates.find((parameter) => parameter.key === `body[${number}]text`)?.key ??
		candidates.find((parameter) => parameter.key.includes(`[${number}]`))?.key ??
		expected.find((parameter) => parameter.key === `body[${number}]text`)?.key
	);
}

/**
 * The values to send for a template: every required parameter present and not empty, every key one the template
 * takes. `what` names the template in the problems, e.g. `WhatsApp template "order_update" (en_US)`.
 * Returns the parameters as Sinch gets them (with the payloads Sinch needs even when empty filled in).
 */
export function checkTemplateValues(
	expected: TemplateParameter[],
	given: Record<string, string>,
	what: string,
	whatsApp: boolean,
): { parameters: Record<string, string>; problems: string[] } {
	const problems: string[] = [];
	const parameters: Record<string, string> = {};
	const byKey = new Map(expected.map((parameter) => [parameter.key, parameter]));
	for (const [key, value] of Object.entries(given)) {
		const known =
			byKey.has(key) ||
			(whatsApp &&
				WHATSAPP_OPTIONAL_SUFFIXES.some(
					(suffix) => key.endsWith(suffix) && byKey.has(key.slice(0, -suffix.length) + '.link'),
				));
		if (known) {
			parameters[key] = value;
			continue;
		}
		const likely = likelyKey(key, expected);
		const keys = expected.map((parameter) => parameter.key).join(', ');
		if (whatsApp && /^\s*\d+\s*$/.test(key))
			problems.push(
				`Parameter "${key}" is a bare number, which Sinch accepts and WhatsApp then drops: name the component${likely ? `, e.g. "${likely}"` : ''}. The ${what} takes ${keys || 'no parameters'}.`,
			);
		else
			problems.push(
				`Parameter "${key}" is not one the ${what} takes${likely ? ` (did you mean "${likely}"?)` : ''}: it takes ${keys || 'no parameters'}.`,
			);
	}
	for (const parameter of expected) {
		const value = parameters[parameter.key];
		if (value === undefined && parameter.whenMissing !== undefined)
			parameters[parameter.key] = parameter.whenMissing;
		else if (parameter.required && (value === undefined || value.trim() === ''))
			problems.push(
				`${parameter.label} (${parameter.key}) has no value: the ${what} needs it${parameter.example ? `, e.g. "${parameter.example}"` : ''}.`,
			);
	}
	return { parameters, problems };
}
