import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { listUnder, objectWith } from '../../helpers/sinchAnswer';
import { sinchApiRequest, type SinchContext } from '../../transport';
import { CAMEL_CASE_PAGING, pagedList } from '../../transport/paging';

/**
 * The two template stores of a project, both reached with the credential's key:
 * - WhatsApp templates (Meta-approved, channel-specific) in the Provisioning API, one global host:
 *   /v1/projects/{p}/whatsapp/templates, camelCase fields, paged with pageSize / pageToken / nextPageToken.
 * - Omnichannel templates in the Templates V2 API, on the credential's region: /v2/projects/{p}/templates, snake_case
 *   fields as in Sinch's Node SDK (V2TemplateResponse), not paged.
 */

// ---- WhatsApp templates (Provisioning API) ----

/**
 * One button of a BUTTONS component. A URL button's `url` may end in `{{1}}`: the part sent as a parameter, with
 * `example` a whole URL filled in. COPY_CODE carries the code's example only.
 */
export interface WhatsAppButton {
	type: 'QUICK_REPLY' | 'URL' | 'PHONE_NUMBER' | 'COPY_CODE' | (string & {});
	text?: string;
	url?: string;
	phoneNumber?: string;
	example?: string | string[];
}

/**
 * An example as the Provisioning API gives it. Sinch's field list names `example` (a text header's value, a URL
 * button's URL), `example.url` (a media header's sample file) and `examples` (the body's values, one per {{n}}).
 * Sinch's reference does not show every case; Meta's nested form (`body_text`, `header_text`, `header_handle`) is
 * allowed here too so a reader of real answers copes with either. The emulator answers Sinch's flat form.
 */
export type WhatsAppExample =
	| string
	| string[]
	| { url?: string; body_text?: string[][]; header_text?: string[]; header_handle?: string[] };

export interface WhatsAppComponent {
	type: 'HEADER' | 'BODY' | 'FOOTER' | 'BUTTONS' | 'CAROUSEL' | (string & {});
	/** HEADER only. */
	format?: 'TEXT' | 'IMAGE' | 'VIDEO' | 'DOCUMENT' | 'LOCATION' | (string & {});
	/** HEADER TEXT, BODY and FOOTER; {{1}}, {{2}}… mark the variables. */
	text?: string;
	example?: WhatsAppExample;
	/** BODY: one example value per variable, in order. */
	examples?: string[];
	/** BUTTONS. */
	buttons?: WhatsAppButton[];
	/** CAROUSEL: each card has its own HEADER, BODY and BUTTONS. */
	cards?: Array<{ components: WhatsAppComponent[] }>;
}

/** A WhatsApp template as the Provisioning API answers it. */
export interface WhatsAppTemplate {
	whatsappId?: string;
	name: string;
	/**
	 * Sinch's language enum, upper case (`EN_US`, `PT_BR`, `EN`): Sinch's reference shows values such as `EN` and `AF`
	 * without listing them all, so nothing here depends on the case (provisioningLanguage, whatsAppSendLanguage and the
	 * filters accept either). A send wants WhatsApp's form (`en_US`): see whatsAppSendLanguage.
	 */
	language: string;
	/** MARKETING, UTILITY, AUTHENTICATION (older templates may carry other values). */
	category: string;
	/** APPROVED, PENDING, REJECTED, PAUSED, DISABLED…; only APPROVED ones can be sent. */
	state: string;
	rejectionCode?: string;
	qualityScore?: string;
	details: { components: WhatsAppComponent[]; messageSendTtlSeconds?: number };
}

/** Sinch's enum form of a language code: `en_US`, `en-us` and `EN_US` all name EN_US. */
export function provisioningLanguage(language: string): string {
	return language.trim().replace(/-/g, '_').toUpperCase();
}

/**
 * The language code a WhatsApp template send carries (`channel_template.WHATSAPP.language_code`): WhatsApp's form,
 * the language in lower case, a two-letter region in upper case, a script capitalised (`en_US`, `pt_BR`, `sr_Latn`).
 */
export function whatsAppSendLanguage(language: string): string {
	const [first, ...rest] = language.trim().split(/[-_]/);
	return [
		first.toLowerCase(),
		...rest.map((part) =>
			part.length === 2
				? part.toUpperCase()
				: part.charAt(0).toUpperCase() + part.slice(1).toLowerCase(),
		),
	].join('_');
}

const WHATSAPP_TEMPLATES = '/whatsapp/templates';
/** The Provisioning API gives at most 100 templates a page. */
const WHATSAPP_PAGE_MAX = 100;

export interface ListWhatsAppOptions {
	itemIndex?: number;
	/** Only templates in this state (asked of Sinch). */
	state?: string;
	/** Templates wanted at most: the pages stop there. Undefined for all. */
	limit?: number;
}

/** The project's WhatsApp templates (every page, or up to `limit`), as Sinch lists them: by name, then language. */
export async function listWhatsAppTemplates(
	ctx: SinchContext,
	options: ListWhatsAppOptions = {},
): Promise<WhatsAppTemplate[]> {
	const templates = await pagedList.call(ctx, 'GET', WHATSAPP_TEMPLATES, {
		api: 'provisioning',
		itemIndex: options.itemIndex,
		key: 'templates',
		what: 'a list of WhatsApp templates',
		maxPageSize: WHATSAPP_PAGE_MAX,
		limit: options.limit,
		paging: CAMEL_CASE_PAGING,
		qs: options.state ? { filterStates: options.state } : undefined,
	});
	return templates as unknown as WhatsAppTemplate[];
}

/** One WhatsApp template by name and language; a 404 names both. */
export async function getWhatsAppTemplate(
	ctx: SinchContext,
	name: string,
	language: string,
	itemIndex?: number,
): Promise<WhatsAppTemplate> {
	const path = `${WHATSAPP_TEMPLATES}/${encodeURIComponent(name)}/languages/${encodeURIComponent(provisioningLanguage(language))}`;
	const answer = await sinchApiRequest.call(ctx, 'GET', path, {
		api: 'provisioning',
		itemIndex,
		noun: 'WhatsApp template',
		id: `"${name}" in language ${whatsAppSendLanguage(language)}`,
		notFoundHint:
			'Check the template name and language (Template → Get Many with Kind WhatsApp lists them); WhatsApp templates belong to the project, whatever the Region.',
		expect: objectWith('a WhatsApp template', 'name'),
	});
	return answer as unknown as WhatsAppTemplate;
}

// ---- Omnichannel templates (Templates V2 API) ----

export interface TemplateVariable {
	key: string;
	preview_value?: string;
}

/** The message kinds a translation may hold (exactly one), as in a send's `message`. */
export const OMNI_MESSAGE_KEYS = [
	'text_message',
	'media_message',
	'choice_message',
	'card_message',
	'carousel_message',
	'location_message',
	'list_message',
	'contact_info_message',
	'template_message',
] as const;

export type OmniMessageKey = (typeof OMNI_MESSAGE_KEYS)[number];

/** One language of an omnichannel template: its variables (`${key}` in the message) and the message. */
export type OmniTranslation = {
	/** BCP-47 with a dash: `en-US`. */
	language_code: string;
	/** The template version this translation belongs to, as text ("1", "2"). */
	version?: string;
	variables?: TemplateVariable[];
	channel_template_overrides?: IDataObject;
	create_time?: string;
	update_time?: string;
} & { [key in OmniMessageKey]?: IDataObject };

/** An omnichannel template as the Templates V2 API answers it (Sinch's SDK: V2TemplateResponse). */
export interface OmniTemplate {
	id: string;
	description?: string;
	version: number;
	default_translation: string;
	translations: OmniTranslation[];
	create_time?: string;
	update_time?: string;
}

const OMNI_TEMPLATES = '/templates';

export interface ListOmniOptions {
	itemIndex?: number;
}

/** Every omnichannel template of the project in the credential's region (the API answers them all at once). */
export async function listOmniTemplates(
	ctx: SinchContext,
	options: ListOmniOptions = {},
): Promise<OmniTemplate[]> {
	const answer = await sinchApiRequest.call(ctx, 'GET', OMNI_TEMPLATES, {
		api: 'template',
		itemIndex: options.itemIndex,
		expect: listUnder('templates', 'a list of omnichannel templates'),
	});
	const templates = Array.isArray(answer.templates) ? (answer.templates as IDataObject[]) : [];
	return templates.map(withTranslations);
}

/** JSON of protocol buffers leaves an empty list out. */
function withTranslations(template: IDataObject): OmniTemplate {
	const translations = Array.isArray(template.translations) ? template.translations : [];
	return { ...template, translations } as unknown as OmniTemplate;
}

const OMNI_NOT_FOUND_HINT =
	"Check the template ID (Template → Get Many with Kind Omnichannel lists them), or set the credential's Region to the one the template was made in: omnichannel templates live in one region.";

/**
 * One omnichannel template. `version` 'latest' (or none) is the template as it is now; a number reads that version's
 * translations (the API's translations list filtered by `translation_version`) and answers the template with them.
 * A version the template never had is a 404-style error naming the template, the version and its latest.
 */
export async function getOmniTemplate(
	ctx: SinchContext,
	templateId: string,
	version?: string,
	itemIndex?: number,
): Promise<OmniTemplate> {
	const path = `${OMNI_TEMPLATES}/${encodeURIComponent(templateId)}`;
	const found = { noun: 'omnichannel template', id: templateId, notFoundHint: OMNI_NOT_FOUND_HINT };
	const answer = await sinchApiRequest.call(ctx, 'GET', path, {
		api: 'template',
		itemIndex,
		...found,
		expect: objectWith('an omnichannel template'),
	});
	const template = withTranslations(answer);
	const wanted = (version ?? '').trim();
	if (wanted === '' || wanted.toLowerCase() === 'latest' || wanted === String(template.version))
		return template;
	const older = await sinchApiRequest.call(ctx, 'GET', `${path}/translations`, {
		api: 'template',
		itemIndex,
		...found,
		qs: { translation_version: wanted },
		expect: listUnder('translations', 'a list of template translations'),
	});
	const translations = Array.isArray(older.translations)
		? (older.translations as unknown as OmniTranslation[])
		: [];
	if (translations.length === 0) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Omnichannel template ${templateId} has no version ${wanted} (its latest is ${template.version})`,
			{
				itemIndex,
				description: `Use "latest" or a version from 1 to ${template.version}.`,
			},
		);
	}
	return { ...template, version: Number(wanted), translations };
}
