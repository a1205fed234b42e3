import { sinchError } from './errors';
import { json, type Reply } from './http-io';
import { SEEDED_OMNI_TEMPLATES, SEEDED_WHATSAPP_TEMPLATES } from './template-seeds';
import type { JsonObject } from './types';

/**
 * The project's templates: WhatsApp templates (Sinch's Provisioning API, one global store) and omnichannel templates
 * (Templates V2, one store per region, as they are region-locked). Both start with the seeds and go back to them on
 * reset; tests replace them with `setWhatsAppTemplates` / `setOmniTemplates` (or POST /_emulator/templates).
 */
export class TemplateStore {
	private whatsapp: JsonObject[] = [];
	/** Region ('' the root) → template ID → its versions, oldest first. */
	private readonly omni = new Map<string, Map<string, JsonObject[]>>();

	constructor(private readonly regions: readonly string[]) {
		this.clear();
	}

	/** Every WhatsApp template, sorted by name then language as Sinch lists them (copies). */
	whatsAppTemplates(): JsonObject[] {
		return structuredClone(this.whatsapp);
	}

	whatsAppTemplate(name: string, language: string): JsonObject | undefined {
		const found = this.whatsapp.find(
			(template) =>
				template.name === name &&
				String(template.language).toUpperCase() === language.toUpperCase(),
		);
		return found && structuredClone(found);
	}

	setWhatsAppTemplates(templates: readonly JsonObject[]): void {
		this.whatsapp = structuredClone([...templates]).sort((a, b) =>
			`${String(a.name)}\u0000${String(a.language)}`.localeCompare(
				`${String(b.name)}\u0000${String(b.language)}`,
			),
		);
	}

	/** The latest version of every omnichannel template of a region ('' the root). */
	omniTemplates(region = ''): JsonObject[] {
		return [...this.omniStore(region).values()].map((versions) =>
			structuredClone(versions[versions.length - 1]),
		);
	}

	/** Every version of one omnichannel template, oldest first; empty when there is none. */
	omniVersions(id: string, region = ''): JsonObject[] {
		return structuredClone(this.omniStore(region).get(id) ?? []);
	}

	/** Replaces a region's omnichannel templates; an ID given more than once is one template with those versions. */
	setOmniTemplates(templates: readonly JsonObject[], region = ''): void {
		const store = this.omniStore(region);
		store.clear();
		for (const template of structuredClone([...templates])) {
			const id = String(template.id);
			const versions = store.get(id) ?? [];
			versions.push(template);
			versions.sort((a, b) => Number(a.version) - Number(b.version));
			store.set(id, versions);
		}
	}

	clear(): void {
		this.setWhatsAppTemplates(SEEDED_WHATSAPP_TEMPLATES);
		for (const region of ['', ...this.regions]) {
			this.omni.set(region, new Map());
			this.setOmniTemplates(SEEDED_OMNI_TEMPLATES, region);
		}
	}

	private omniStore(region: string): Map<string, JsonObject[]> {
		const store = this.omni.get(region.toLowerCase());
		if (!store) throw new Error(`the emulator serves no region ${region}; start it with regions`);
		return store;
	}
}

export type TemplateOperation =
	| 'listWhatsApp'
	| 'listWhatsAppByName'
	| 'getWhatsApp'
	| 'listOmni'
	| 'getOmni'
	| 'listOmniTranslations';

export interface TemplateRoute {
	operation: TemplateOperation;
	project: string;
	/** The path's names after the project: template name (and language), or template ID. */
	params: string[];
}

const TEMPLATE_ROUTES: Array<{ pattern: RegExp; operation: TemplateOperation }> = [
	{ pattern: /^\/v1\/projects\/([^/]+)\/whatsapp\/templates$/, operation: 'listWhatsApp' },
	{
		pattern: /^\/v1\/projects\/([^/]+)\/whatsapp\/templates\/([^/]+)$/,
		operation: 'listWhatsAppByName',
	},
	{
		pattern: /^\/v1\/projects\/([^/]+)\/whatsapp\/templates\/([^/]+)\/languages\/([^/]+)$/,
		operation: 'getWhatsApp',
	},
	{ pattern: /^\/v2\/projects\/([^/]+)\/templates$/, operation: 'listOmni' },
	{ pattern: /^\/v2\/projects\/([^/]+)\/templates\/([^/]+)$/, operation: 'getOmni' },
	{
		pattern: /^\/v2\/projects\/([^/]+)\/templates\/([^/]+)\/translations$/,
		operation: 'listOmniTranslations',
	},
];

/** The template endpoint a GET path names (the emulator serves only reading them), else undefined. */
export function templateRoute(method: string, path: string): TemplateRoute | undefined {
	if (method !== 'GET') return undefined;
	for (const { pattern, operation } of TEMPLATE_ROUTES) {
		const match = pattern.exec(path);
		if (match) {
			const [project, ...params] = match.slice(1).map(decodeSegment);
			return { operation, project, params };
		}
	}
	return undefined;
}

function decodeSegment(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

/** Sinch's Provisioning API page size: 50 unless asked, 1 to 100. */
export const WHATSAPP_DEFAULT_PAGE_SIZE = 50;
export const WHATSAPP_MAX_PAGE_SIZE = 100;

/** The Provisioning API's error shape: {errorCode, message, resolution}. */
function provisioningError(
	status: number,
	errorCode: string,
	message: string,
	resolution: string,
): Reply {
	return json(status, { errorCode, message, resolution });
}

/** The template endpoints, once route, authentication and project have been checked. */
export function handleTemplates(
	route: TemplateRoute,
	query: URLSearchParams,
	store: TemplateStore,
	region: string,
): Reply {
	switch (route.operation) {
		case 'listWhatsApp':
			return listWhatsApp(store.whatsAppTemplates(), query);
		case 'listWhatsAppByName': {
			const [name] = route.params;
			return listWhatsApp(
				store.whatsAppTemplates().filter((template) => template.name === name),
				query,
			);
		}
		case 'getWhatsApp': {
			const [name, language] = route.params;
			const found = store.whatsAppTemplate(name, language);
			if (found) return json(200, found);
			const languages = store
				.whatsAppTemplates()
				.filter((template) => template.name === name)
				.map((template) => String(template.language));
			return provisioningError(
				404,
				'template_not_found',
				languages.length === 0
					? `Template ${name} not found`
					: `Template ${name} not found in language ${language}`,
				languages.length === 0
					? 'Verify the template name.'
					: `Use one of the languages it has: ${languages.join(', ')}.`,
			);
		}
		case 'listOmni':
			return json(200, { templates: store.omniTemplates(region) });
		case 'getOmni': {
			const [id] = route.params;
			const versions = store.omniVersions(id, region);
			return versions.length > 0
				? json(200, versions[versions.length - 1])
				: sinchError(404, `Template ${id} not found`);
		}
		case 'listOmniTranslations': {
			const [id] = route.params;
			const versions = store.omniVersions(id, region);
			if (versions.length === 0) return sinchError(404, `Template ${id} not found`);
			const wanted = query.get('translation_version') ?? 'latest';
			const version =
				wanted === 'latest'
					? versions[versions.length - 1]
					: versions.find((candidate) => String(candidate.version) === wanted);
			const language = query.get('language_code');
			const translations = ((version?.translations as JsonObject[] | undefined) ?? []).filter(
				(translation) => language === null || translation.language_code === language,
			);
			return json(200, { translations });
		}
	}
}

const TOKEN_PREFIX = 'from:';

/** One page of WhatsApp templates: `pageSize`, `pageToken` (opaque; the index to start at), `filterStates`, `templateName`. */
function listWhatsApp(all: JsonObject[], query: URLSearchParams): Reply {
	const states = query.getAll('filterStates').flatMap((value) => value.split(','));
	const name = query.get('templateName');
	const matching = all.filter(
		(template) =>
			(states.length === 0 || states.includes(String(template.state))) &&
			(name === null || String(template.name).includes(name)),
	);
	const sizeText = query.get('pageSize');
	const pageSize = sizeText === null ? WHATSAPP_DEFAULT_PAGE_SIZE : Number(sizeText);
	if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > WHATSAPP_MAX_PAGE_SIZE)
		return provisioningError(
			400,
			'bad_request',
			`pageSize must be a whole number from 1 to ${WHATSAPP_MAX_PAGE_SIZE}`,
			'Correct the pageSize query parameter.',
		);
	const token = query.get('pageToken') ?? '';
	const decoded = Buffer.from(token, 'base64url').toString();
	const start = token === '' ? 0 : Number(decoded.slice(TOKEN_PREFIX.length));
	if (token !== '' && (!decoded.startsWith(TOKEN_PREFIX) || !Number.isInteger(start)))
		return provisioningError(
			400,
			'bad_request',
			'pageToken is not a token this list gave',
			'Start again without a pageToken.',
		);
	const page = matching.slice(start, start + pageSize);
	const next = start + pageSize < matching.length;
	return json(200, {
		totalSize: matching.length,
		pageSize,
		...(next
			? { nextPageToken: Buffer.from(`${TOKEN_PREFIX}${start + pageSize}`).toString('base64url') }
			: {}),
		templates: page,
	});
}
