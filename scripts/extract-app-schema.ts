/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/* eslint-disable no-console -- a command-line tool: the console is where it reports */
/**
 * Builds test/emulator/app-schema.json, webhook-schema.json and message-schema.json, the emulator's own JSON Schemas
 * (draft-07) for the App and Webhook create and update request bodies, the Message send and update bodies and the
 * Contact bodies (create, update, merge, Get Channel Profile), from
 * Sinch's OpenAPI document in ../shared/spec/. Only validation keywords are carried over (no
 * descriptions or examples), so the project keeps working without ../shared. Run: npx tsx scripts/extract-app-schema.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
	TARGET_MAX_LENGTH,
	TARGET_TYPES,
	TOKEN_REQUEST_TYPES,
	TRIGGER_VALUES,
} from '../nodes/SinchConversation/helpers/webhookRules';
import { CONTACT_LANGUAGE_CODES } from '../nodes/SinchConversation/helpers/contactLanguages';
import { CHANNELS, exclusivePropertyGroups } from '../test/emulator/credential-rules';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- js-yaml ships no types (and there is no @types/js-yaml); load() is all we use
const yaml = require('js-yaml') as { load(text: string): unknown };

export const SPEC_PATH = path.resolve(
	__dirname,
	'../../shared/spec/sinch-conversation-api-openapi.yaml',
);
export const SCHEMA_PATH = path.resolve(__dirname, '../test/emulator/app-schema.json');
export const WEBHOOK_SCHEMA_PATH = path.resolve(__dirname, '../test/emulator/webhook-schema.json');
export const MESSAGE_SCHEMA_PATH = path.resolve(__dirname, '../test/emulator/message-schema.json');
export const CONTACT_SCHEMA_PATH = path.resolve(__dirname, '../test/emulator/contact-schema.json');

const ROOTS = ['AppCreateRequest', 'AppUpdateRequest'];
const SPEC_REF_PREFIX = '#/components/schemas/';
const OUR_REF_PREFIX = '#/definitions/';

type Schema = { [keyword: string]: unknown };

/** Prose and tooling metadata: dropped. `discriminator` only names the branch a oneOf already picks. */
const DROPPED = new Set([
	'discriminator',
	'description',
	'example',
	'examples',
	'title',
	'externalDocs',
	'deprecated',
	'xml',
]);
/** Keywords whose value is copied as is. */
const VALUE_KEYWORDS = new Set([
	'type',
	'required',
	'enum',
	'default',
	'format',
	'readOnly',
	'writeOnly',
	'minimum',
	'maximum',
	'exclusiveMinimum',
	'exclusiveMaximum',
	'multipleOf',
	'minLength',
	'maxLength',
	'pattern',
	'minItems',
	'maxItems',
	'uniqueItems',
	'additionalProperties',
]);
/** Keywords holding subschemas. Anything not listed anywhere stops the build, so a new keyword is never lost silently. */
const SUBSCHEMA_KEYWORDS = new Set(['items', 'not']);
const SUBSCHEMA_LIST_KEYWORDS = new Set(['allOf', 'oneOf', 'anyOf']);

/**
 * Ranges that Sinch states only in prose (stripped with the descriptions), or where sources disagree. `spec` is what
 * the OpenAPI document says today (undefined: nothing); if that changes the build stops so the entry gets reviewed.
 */
const EXTRA_CONSTRAINTS: ReadonlyArray<{
	at: string;
	keyword: string;
	value: number;
	spec?: number;
}> = [
	{ at: 'RetentionPolicy/properties/ttl_days', keyword: 'minimum', value: 1 },
	{ at: 'RetentionPolicy/properties/ttl_days', keyword: 'maximum', value: 3650 },
	{ at: 'DispatchRetentionPolicy/properties/ttl_days', keyword: 'minimum', value: 0 },
	{ at: 'DispatchRetentionPolicy/properties/ttl_days', keyword: 'maximum', value: 7 },
	{ at: 'MessageRetrySettings/properties/retry_duration', keyword: 'minimum', value: 30 },
	{ at: 'MessageRetrySettings/properties/retry_duration', keyword: 'maximum', value: 3600 },
	{
		at: 'ChannelCredentialsCommonTypes/properties/callback_secret',
		keyword: 'maxLength',
		value: 256,
	},
	// Disputed: the spec says 10, Sinch's API reference page and Node SDK say 60. The stricter bound makes a client
	// that passes here valid under both.
	{
		at: 'DeliveryReportBasedFallback/properties/delivery_report_waiting_time',
		keyword: 'minimum',
		value: 60,
		spec: 10,
	},
];

type Spec = {
	components?: { schemas?: Record<string, Schema> };
	paths?: Record<
		string,
		Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>
	>;
};

function loadSpec(specText: string): { spec: Spec; schemas: Record<string, Schema> } {
	const spec = yaml.load(specText) as Spec;
	const schemas = spec.components?.schemas;
	if (!schemas) throw new Error('the spec has no components.schemas');
	return { spec, schemas };
}

/** The definitions reachable from `roots` (named spec schemas, or inline ones given here), cleaned. */
function collectDefinitions(
	specSchemas: Record<string, Schema>,
	roots: string[],
	inline: Record<string, Schema> = {},
): Record<string, Schema> {
	const definitions: Record<string, Schema> = {};
	const pending = [...roots];
	while (pending.length > 0) {
		const name = pending.pop() as string;
		if (definitions[name]) continue;
		const source = inline[name] ?? specSchemas[name];
		if (!source) throw new Error(`schema ${name} is referenced but not defined`);
		definitions[name] = clean(source, name, (ref) => pending.push(ref));
	}
	return definitions;
}

export function buildAppSchema(specText: string): Schema {
	const { schemas: specSchemas } = loadSpec(specText);
	const definitions = collectDefinitions(specSchemas, ROOTS);

	const flattened = flattenSingleFieldOneOfs(definitions);
	checkFlattenedGroups(flattened);
	checkChannelEnum(definitions);
	applyExtraConstraints(definitions, EXTRA_CONSTRAINTS);

	return sortKeys({
		$schema: 'http://json-schema.org/draft-07/schema#',
		$id: 'sinch-conversation-app.json',
		$comment:
			"Generated by scripts/extract-app-schema.ts from Sinch's Conversation API OpenAPI document; do not edit by hand. " +
			'Credential oneOfs are flattened to optional properties; test/emulator/credential-rules.ts enforces exactly one.',
		definitions: keepReachable(definitions, ROOTS),
	}) as Schema;
}

/** Webhook request bodies, taken from the operations themselves (create adds `app_id` to the required fields). */
const WEBHOOK_BODIES: Record<string, { method: string; path: string }> = {
	WebhookCreateRequest: { method: 'post', path: '/v1/projects/{project_id}/webhooks' },
	WebhookUpdateRequest: {
		method: 'patch',
		path: '/v1/projects/{project_id}/webhooks/{webhook_id}',
	},
};

/** The target length limit is stated in prose only. */
const WEBHOOK_EXTRA_CONSTRAINTS: ReadonlyArray<{
	at: string;
	keyword: string;
	value: number;
	spec?: number;
}> = [{ at: 'Webhook/properties/target', keyword: 'maxLength', value: TARGET_MAX_LENGTH }];

/** Triggers the spec lists that no client should pick: an error value and a catch-all. */
const NON_PICKABLE_TRIGGERS = ['UNSPECIFIED_TRIGGER', 'UNSUPPORTED'];

export function buildWebhookSchema(specText: string): Schema {
	const { spec, schemas: specSchemas } = loadSpec(specText);
	const inline: Record<string, Schema> = {};
	for (const [name, { method, path: apiPath }] of Object.entries(WEBHOOK_BODIES)) {
		const schema =
			spec.paths?.[apiPath]?.[method]?.requestBody?.content?.['application/json']?.schema;
		if (!schema)
			throw new Error(`the spec has no JSON request body for ${method.toUpperCase()} ${apiPath}`);
		inline[name] = schema;
	}
	const roots = Object.keys(WEBHOOK_BODIES);
	const definitions = collectDefinitions(specSchemas, roots, inline);
	checkEnum(
		definitions,
		'WebhookTrigger',
		[...TRIGGER_VALUES, ...NON_PICKABLE_TRIGGERS],
		'nodes/SinchConversation/helpers/webhookRules.ts WEBHOOK_TRIGGERS',
	);
	checkEnum(
		definitions,
		'WebhookTargetType',
		TARGET_TYPES,
		'nodes/SinchConversation/helpers/webhookRules.ts TARGET_TYPES',
	);
	const tokenTypes = (
		definitions.ClientCredentials?.properties as Record<string, Schema> | undefined
	)?.token_request_type;
	checkEnumValues(
		(tokenTypes?.enum as string[] | undefined) ?? [],
		TOKEN_REQUEST_TYPES,
		'ClientCredentials.token_request_type',
		'TOKEN_REQUEST_TYPES',
	);
	applyExtraConstraints(definitions, WEBHOOK_EXTRA_CONSTRAINTS);

	return sortKeys({
		$schema: 'http://json-schema.org/draft-07/schema#',
		$id: 'sinch-conversation-webhook.json',
		$comment:
			"Generated by scripts/extract-app-schema.ts from Sinch's Conversation API OpenAPI document; do not edit by hand. " +
			'test/emulator/webhook-rules.ts adds the rules the spec states in prose (target URL, limits per app).',
		definitions: keepReachable(definitions, roots),
	}) as Schema;
}

const MESSAGE_ROOTS = ['SendMessageRequest', 'UpdateMessageMetadataRequest'];
const CAROUSEL = 'CarouselMessageField/properties/carousel_message/properties';

/** What the schema states in prose only; test/emulator/message-rules.ts holds the rules that need the app. */
const MESSAGE_EXTRA_CONSTRAINTS: ReadonlyArray<{
	at: string;
	keyword: string;
	value: number;
	spec?: number;
}> = [
	{ at: 'SendMessageRequest/properties/message_metadata', keyword: 'maxLength', value: 1024 },
	{ at: 'SendMessageRequest/properties/correlation_id', keyword: 'maxLength', value: 128 },
	{
		at: 'SendMessageRequest/properties/channel_properties/additionalProperties',
		keyword: 'maxLength',
		value: 1024,
	},
	{ at: 'Choices/properties/choices', keyword: 'maxItems', value: 10 },
	{ at: 'CardMessage/properties/choices', keyword: 'maxItems', value: 10 },
	{ at: `${CAROUSEL}/cards`, keyword: 'maxItems', value: 10 },
	{ at: `${CAROUSEL}/choices`, keyword: 'maxItems', value: 3 },
];

/**
 * The Send Message and Update Message Metadata bodies. Sinch's "exactly one of" groups (message type, recipient kind,
 * choice type...) stay enforced by the schema; other oneOfs (channel specific payloads) become anyOfs.
 */
export function buildMessageSchema(specText: string): Schema {
	const { schemas: specSchemas } = loadSpec(specText);
	const definitions = collectDefinitions(specSchemas, MESSAGE_ROOTS);
	flattenSingleFieldOneOfs(definitions, true);
	checkEnum(definitions, 'ConversationChannel', CHANNELS, 'test/emulator/credential-rules.ts');
	applyExtraConstraints(definitions, MESSAGE_EXTRA_CONSTRAINTS);
	return sortKeys({
		$schema: 'http://json-schema.org/draft-07/schema#',
		$id: 'sinch-conversation-message.json',
		$comment:
			"Generated by scripts/extract-app-schema.ts from Sinch's Conversation API OpenAPI document; do not edit by hand. " +
			'test/emulator/message-rules.ts adds the rules that depend on the app (channels, processing mode) and the TTL.',
		definitions: keepReachable(definitions, MESSAGE_ROOTS),
	}) as Schema;
}

const CONTACT_ROOTS = [
	'ContactCreateRequest',
	'Contact',
	'MergeContactRequest',
	'GetChannelProfileRequest',
];

/** What the schema states in prose only; test/emulator/contacts.ts holds the rules across contacts. */
const CONTACT_EXTRA_CONSTRAINTS: ReadonlyArray<{
	at: string;
	keyword: string;
	value: number;
	spec?: number;
}> = [
	{ at: 'ContactCreateRequest/properties/metadata', keyword: 'maxLength', value: 1024 },
	{ at: 'ContactCreateRequest/properties/channel_identities', keyword: 'minItems', value: 1 },
	{ at: 'Contact/properties/metadata', keyword: 'maxLength', value: 1024 },
];

/**
 * The Contact bodies: create, update (the Contact itself), merge and Get Channel Profile (whose recipient keeps
 * Sinch's "exactly one of" contact ID or identities).
 */
export function buildContactSchema(specText: string): Schema {
	const { schemas: specSchemas } = loadSpec(specText);
	const definitions = collectDefinitions(specSchemas, CONTACT_ROOTS);
	flattenSingleFieldOneOfs(definitions, true);
	checkEnum(definitions, 'ConversationChannel', CHANNELS, 'test/emulator/credential-rules.ts');
	checkEnum(
		definitions,
		'ContactLanguage',
		CONTACT_LANGUAGE_CODES,
		'nodes/SinchConversation/helpers/contactLanguages.ts',
	);
	applyExtraConstraints(definitions, CONTACT_EXTRA_CONSTRAINTS);
	return sortKeys({
		$schema: 'http://json-schema.org/draft-07/schema#',
		$id: 'sinch-conversation-contact.json',
		$comment:
			"Generated by scripts/extract-app-schema.ts from Sinch's Conversation API OpenAPI document; do not edit by hand. " +
			'test/emulator/contacts.ts adds the rules across contacts (an identity belongs to one contact).',
		definitions: keepReachable(definitions, CONTACT_ROOTS),
	}) as Schema;
}

function checkEnum(
	definitions: Record<string, Schema>,
	name: string,
	ours: readonly string[],
	where: string,
): void {
	checkEnumValues((definitions[name]?.enum as string[] | undefined) ?? [], ours, name, where);
}

function checkEnumValues(
	inSpec: readonly string[],
	ours: readonly string[],
	name: string,
	where: string,
): void {
	const key = (values: readonly string[]): string => [...values].sort().join(',');
	if (key(inSpec) !== key(ours)) {
		throw new Error(
			`${name} enum changed; update ${where}.\n  spec: ${key(inSpec)}\n  ours: ${key(ours)}`,
		);
	}
}

export function serializeSchema(schema: Schema): string {
	return `${JSON.stringify(schema, null, 2)}\n`;
}

/** Copies validation keywords, rewrites $refs to #/definitions/, reports each referenced schema name. */
function clean(node: Schema, at: string, onRef: (name: string) => void): Schema {
	const out: Schema = {};
	for (const [keyword, value] of Object.entries(node)) {
		if (DROPPED.has(keyword) || keyword.startsWith('x-')) continue;
		if (keyword === '$ref') {
			const ref = String(value);
			if (!ref.startsWith(SPEC_REF_PREFIX)) throw new Error(`${at}: unsupported $ref ${ref}`);
			const name = ref.slice(SPEC_REF_PREFIX.length);
			onRef(name);
			out.$ref = OUR_REF_PREFIX + name;
		} else if (keyword === 'properties') {
			const properties: Record<string, Schema> = {};
			for (const [name, sub] of Object.entries(value as Record<string, Schema>)) {
				properties[name] = clean(sub, `${at}/properties/${name}`, onRef);
			}
			out.properties = properties;
		} else if (keyword === 'additionalProperties' && typeof value === 'object' && value !== null) {
			// A map's value schema (channel_specific_message: channel -> payload) can $ref like any other.
			out[keyword] = clean(value as Schema, `${at}/${keyword}`, onRef);
		} else if (SUBSCHEMA_KEYWORDS.has(keyword)) {
			out[keyword] = clean(value as Schema, `${at}/${keyword}`, onRef);
		} else if (SUBSCHEMA_LIST_KEYWORDS.has(keyword)) {
			out[keyword] = (value as Schema[]).map((sub, i) =>
				clean(sub, `${at}/${keyword}/${i}`, onRef),
			);
		} else if (VALUE_KEYWORDS.has(keyword)) {
			out[keyword] = value;
		} else {
			throw new Error(`${at}: keyword "${keyword}" is not handled by the extractor`);
		}
	}
	return out;
}

/**
 * Replaces every `oneOf` whose branches are objects with one optional property each (Sinch's "*Field" pattern, which
 * a validator can never satisfy) by those properties, all optional. Returns the property groups it flattened.
 * `exclusive`: the flattened node keeps a `oneOf` of `required` branches, so the schema itself demands exactly one of
 * the properties; and a `oneOf` of another shape becomes an `anyOf` (Sinch's branches overlap, as none forbids
 * other properties, so a valid body could match two). Without it (apps) such a oneOf stops the build.
 */
function flattenSingleFieldOneOfs(
	definitions: Record<string, Schema>,
	exclusive = false,
): string[][] {
	const groups: string[][] = [];
	const visit = (node: unknown, at: string): void => {
		if (Array.isArray(node)) return node.forEach((item, i) => visit(item, `${at}/${i}`));
		if (node === null || typeof node !== 'object') return;
		const schema = node as Schema;
		if (Array.isArray(schema.oneOf)) {
			const branches = (schema.oneOf as Schema[]).map((branch) => resolve(definitions, branch));
			const single = branches.every(
				(branch) =>
					branch.required === undefined &&
					Object.keys((branch.properties as object | undefined) ?? {}).length === 1,
			);
			if (!single && exclusive) {
				schema.anyOf = schema.oneOf;
				delete schema.oneOf;
				for (const [key, value] of Object.entries(schema)) visit(value, `${at}/${key}`);
				return;
			}
			if (!single)
				throw new Error(
					`${at}: oneOf of another shape; the emulator does not know how to validate it`,
				);
			const properties: Record<string, Schema> = {
				...((schema.properties as Record<string, Schema> | undefined) ?? {}),
			};
			for (const branch of branches) {
				for (const [name, sub] of Object.entries(branch.properties as Record<string, Schema>)) {
					if (properties[name]) throw new Error(`${at}: property ${name} appears twice`);
					properties[name] = sub;
				}
			}
			const names = branches.flatMap((branch) => Object.keys(branch.properties as object));
			delete schema.oneOf;
			if (exclusive) schema.oneOf = names.map((name) => ({ required: [name] }));
			schema.type = 'object';
			schema.properties = properties;
			groups.push([...names].sort());
		}
		for (const [key, value] of Object.entries(schema)) visit(value, `${at}/${key}`);
	};
	for (const [name, schema] of Object.entries(definitions)) visit(schema, name);
	return groups;
}

function checkFlattenedGroups(found: string[][]): void {
	const key = (groups: string[][]): string =>
		groups
			.map((group) => group.join(','))
			.sort()
			.join(' | ');
	const expected = exclusivePropertyGroups();
	if (key(found) !== key(expected)) {
		throw new Error(
			`credential groups in the spec changed; update test/emulator/credential-rules.ts.\n  spec:     ${key(found)}\n  emulator: ${key(expected)}`,
		);
	}
}

function checkChannelEnum(definitions: Record<string, Schema>): void {
	checkEnum(definitions, 'ConversationChannel', CHANNELS, 'test/emulator/credential-rules.ts');
}

function applyExtraConstraints(
	definitions: Record<string, Schema>,
	constraints: ReadonlyArray<{ at: string; keyword: string; value: number; spec?: number }>,
): void {
	for (const { at, keyword, value, spec } of constraints) {
		const target = at
			.split('/')
			.reduce<Schema | undefined>((node, step) => node?.[step] as Schema | undefined, definitions);
		if (!target) throw new Error(`extra constraint target ${at} no longer exists in the spec`);
		if (target[keyword] !== spec) {
			throw new Error(
				`${at}: the spec now says ${keyword} ${String(target[keyword])} (expected ${String(spec)}); review EXTRA_CONSTRAINTS`,
			);
		}
		target[keyword] = value;
	}
}

function resolve(definitions: Record<string, Schema>, node: Schema): Schema {
	let current = node;
	while (typeof current.$ref === 'string') {
		const target = definitions[current.$ref.slice(OUR_REF_PREFIX.length)];
		if (!target) throw new Error(`unresolved ${current.$ref}`);
		current = target;
	}
	return current;
}

/** Definitions still referenced from the roots once the *Field wrappers have been inlined. */
function keepReachable(
	definitions: Record<string, Schema>,
	roots: readonly string[],
): Record<string, Schema> {
	const reachable = new Set<string>();
	const visit = (node: unknown): void => {
		if (Array.isArray(node)) return node.forEach(visit);
		if (node === null || typeof node !== 'object') return;
		for (const [key, value] of Object.entries(node)) {
			if (key === '$ref' && typeof value === 'string') {
				const name = value.slice(OUR_REF_PREFIX.length);
				if (!reachable.has(name)) {
					reachable.add(name);
					visit(definitions[name]);
				}
			} else {
				visit(value);
			}
		}
	};
	roots.forEach((root) => {
		reachable.add(root);
		visit(definitions[root]);
	});
	return Object.fromEntries(Object.entries(definitions).filter(([name]) => reachable.has(name)));
}

/** Object keys sorted at every level, arrays kept in order (enum order is meaningful to readers). */
function sortKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(sortKeys);
	if (value === null || typeof value !== 'object') return value;
	return Object.fromEntries(
		Object.keys(value)
			.sort()
			.map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
	);
}

export function specIsPresent(): boolean {
	return existsSync(SPEC_PATH);
}

/** Every generated schema file with the text the spec gives for it. */
export function generatedSchemas(): Array<{ path: string; text: string }> {
	const specText = readFileSync(SPEC_PATH, 'utf8');
	return [
		{ path: SCHEMA_PATH, text: serializeSchema(buildAppSchema(specText)) },
		{ path: WEBHOOK_SCHEMA_PATH, text: serializeSchema(buildWebhookSchema(specText)) },
		{ path: MESSAGE_SCHEMA_PATH, text: serializeSchema(buildMessageSchema(specText)) },
		{ path: CONTACT_SCHEMA_PATH, text: serializeSchema(buildContactSchema(specText)) },
	];
}

if (require.main === module) {
	for (const file of generatedSchemas()) {
		writeFileSync(file.path, file.text);
		console.log(`extract-app-schema: wrote ${path.relative(process.cwd(), file.path)}`);
	}
}
