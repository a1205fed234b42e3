import { checkMaskPaths, validateAppBody, type AppRequestKind } from './app-validation';
import type { AppStore } from './apps';
import type { Tokens } from './auth';
import { handleContacts, type ContactOperation, type ContactState } from './contact-api';
import { handleConversations, type ConversationOperation } from './conversation-api';
import { sinchError } from './errors';
import { json, parseJson, updateMask, type Reply } from './http-io';
import { handleMessages, type MessageOperation, type MessageState } from './message-api';
import { handleTemplates, templateRoute, type TemplateStore } from './templates';
import type { JsonObject, RequestLogEntry } from './types';
import { handleWebhooks, type WebhookOperation } from './webhook-api';
import type { WebhookStore } from './webhooks';

export interface ApiRequest {
	method: string;
	path: string;
	query: URLSearchParams;
	headers: Record<string, string>;
	rawBody: string;
	/** The log entry, to record unknown and read-only fields on. */
	entry: RequestLogEntry;
}

export interface ApiState extends MessageState, ContactState {
	projectId: string;
	otherProjects: ReadonlySet<string>;
	tokens: Tokens;
	apps: AppStore;
	webhooks: WebhookStore;
	templates: TemplateStore;
	/** The region the path was for ('' without a region prefix): omnichannel templates are kept per region. */
	region: string;
}

type Operation = 'create' | 'list' | 'get' | 'update' | 'delete';
type Resource = 'app' | 'webhook' | 'message' | 'contact' | 'conversation';

/** Each route: its path pattern (project, then the one ID if any) and the operation for each method. */
const ROUTES: Array<{
	pattern: RegExp;
	resource: Resource;
	methods: Record<
		string,
		Operation | WebhookOperation | MessageOperation | ContactOperation | ConversationOperation
	>;
}> = [
	{
		pattern: /^\/v1\/projects\/([^/]+)\/apps$/,
		resource: 'app',
		methods: { POST: 'create', GET: 'list' },
	},
	{
		pattern: /^\/v1\/projects\/([^/]+)\/apps\/([^/]+)$/,
		resource: 'app',
		methods: { GET: 'get', PATCH: 'update', DELETE: 'delete' },
	},
	{
		pattern: /^\/v1\/projects\/([^/]+)\/apps\/([^/]+)\/webhooks$/,
		resource: 'webhook',
		methods: { GET: 'listForApp' },
	},
	{
		pattern: /^\/v1\/projects\/([^/]+)\/webhooks$/,
		resource: 'webhook',
		methods: { POST: 'create' },
	},
	{
		pattern: /^\/v1\/projects\/([^/]+)\/webhooks\/([^/]+)$/,
		resource: 'webhook',
		methods: { GET: 'get', PATCH: 'update', DELETE: 'delete' },
	},
	{
		// Clients may send the colon of the custom method escaped.
		pattern: /^\/v1\/projects\/([^/]+)\/messages(?::|%3[Aa])send$/,
		resource: 'message',
		methods: { POST: 'send' },
	},
	{
		pattern: /^\/v1\/projects\/([^/]+)\/messages$/,
		resource: 'message',
		methods: { GET: 'list' },
	},
	{
		pattern: /^\/v1\/projects\/([^/]+)\/messages\/([^/]+)$/,
		resource: 'message',
		methods: { GET: 'get', PATCH: 'update', DELETE: 'delete' },
	},
	{
		pattern: /^\/v1\/projects\/([^/]+)\/contacts$/,
		resource: 'contact',
		methods: { POST: 'create', GET: 'list' },
	},
	{
		pattern: /^\/v1\/projects\/([^/]+)\/contacts(?::|%3[Aa])getChannelProfile$/,
		resource: 'contact',
		methods: { POST: 'getChannelProfile' },
	},
	{
		pattern: /^\/v1\/projects\/([^/]+)\/contacts\/([^/]+?)(?::|%3[Aa])merge$/,
		resource: 'contact',
		methods: { POST: 'merge' },
	},
	{
		pattern: /^\/v1\/projects\/([^/]+)\/contacts\/([^/]+)$/,
		resource: 'contact',
		methods: { GET: 'get', PATCH: 'update', DELETE: 'delete' },
	},
	{
		pattern: /^\/v1\/projects\/([^/]+)\/conversations$/,
		resource: 'conversation',
		methods: { GET: 'list' },
	},
	{
		pattern: /^\/v1\/projects\/([^/]+)\/conversations(?::|%3[Aa])recent$/,
		resource: 'conversation',
		methods: { GET: 'recent' },
	},
	{
		pattern: /^\/v1\/projects\/([^/]+)\/conversations\/([^/]+?)(?::|%3[Aa])stop$/,
		resource: 'conversation',
		methods: { POST: 'stop' },
	},
	{
		pattern: /^\/v1\/projects\/([^/]+)\/conversations\/([^/]+)$/,
		resource: 'conversation',
		methods: { GET: 'get', PATCH: 'update', DELETE: 'delete' },
	},
];

function route(
	method: string,
	path: string,
): { resource: Resource; operation: string; project: string; id?: string } | undefined {
	for (const candidate of ROUTES) {
		const match = candidate.pattern.exec(path);
		const operation = match ? candidate.methods[method] : undefined;
		if (match && operation) {
			return {
				resource: candidate.resource,
				operation,
				project: decodeSegment(match[1]),
				id: match[2] === undefined ? undefined : decodeSegment(match[2]),
			};
		}
	}
	return undefined;
}

/**
 * The App, Webhook, Message, Contact and template endpoints under /v1 (and the Templates V2 ones under /v2)/projects/{project}. Order of checks as a gateway would: route (anything else,
 * e.g. a base URL with a region prefix, is 404), then authentication, then the project, then the operation.
 */
export function handleApi(request: ApiRequest, state: ApiState): Reply {
	const found = route(request.method, request.path);
	const template = found ? undefined : templateRoute(request.method, request.path);
	if (!found && !template)
		return sinchError(404, `No such API resource: ${request.method} ${request.path}`);

	const auth = state.tokens.authenticate(request.headers.authorization);
	if (!auth.ok) return auth.reply;

	const projectId = (found ?? template)?.project ?? '';
	if (state.otherProjects.has(projectId)) {
		return sinchError(403, `The access key is not allowed to access project ${projectId}`);
	}
	if (projectId !== state.projectId) return sinchError(404, `Project ${projectId} not found`);

	if (template) return handleTemplates(template, request.query, state.templates, state.region);
	if (!found) return sinchError(404, `No such API resource: ${request.method} ${request.path}`);

	if (found.resource === 'webhook') {
		const { query, rawBody, entry } = request;
		return handleWebhooks(
			{ operation: found.operation as WebhookOperation, id: found.id, query, rawBody, entry },
			state.apps,
			state.webhooks,
		);
	}
	if (found.resource === 'message') {
		const { query, rawBody, entry } = request;
		return handleMessages(
			{ operation: found.operation as MessageOperation, id: found.id, query, rawBody, entry },
			state,
		);
	}
	if (found.resource === 'contact') {
		const { query, rawBody, entry } = request;
		return handleContacts(
			{ operation: found.operation as ContactOperation, id: found.id, query, rawBody, entry },
			state,
		);
	}
	if (found.resource === 'conversation') {
		const { query, rawBody, entry } = request;
		return handleConversations(
			{ operation: found.operation as ConversationOperation, id: found.id, query, rawBody, entry },
			state,
		);
	}
	const appId = found.id;
	const notFound = (): Reply => sinchError(404, `App ${appId ?? ''} not found`);
	switch (found.operation as Operation) {
		case 'list':
			return json(200, { apps: state.apps.list() });
		case 'get':
			return withApp(state.apps.get(appId as string), notFound);
		case 'delete':
			if (!state.apps.delete(appId as string)) return notFound();
			state.webhooks.deleteForApp(appId as string);
			state.messages.deleteForApp(appId as string);
			state.conversations.deleteForApp(appId as string);
			return json(200, {});
		case 'create': {
			const body = validBody(request, 'create');
			return 'reply' in body ? body.reply : json(200, state.apps.create(body.value));
		}
		case 'update': {
			if (!state.apps.get(appId as string)) return notFound();
			const mask = updateMask(request.query);
			const maskIssues = checkMaskPaths(mask ?? []);
			if (maskIssues.length > 0) return sinchError(400, maskIssues.join('; '));
			const body = validBody(request, 'update');
			return 'reply' in body
				? body.reply
				: withApp(state.apps.update(appId as string, body.value, mask), notFound);
		}
	}
}

/** A malformed escape cannot name an existing project or app; keep it as is so it simply is not found. */
function decodeSegment(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

function withApp(app: object | undefined, notFound: () => Reply): Reply {
	return app ? json(200, app) : notFound();
}

/** Parses and validates a create or update body, recording unknown and read-only fields on the log entry. */
function validBody(
	request: ApiRequest,
	kind: AppRequestKind,
): { value: JsonObject } | { reply: Reply } {
	const parsed =
		request.rawBody.trim() === '' ? { ok: true as const, value: {} } : parseJson(request.rawBody);
	if (!parsed.ok) return { reply: sinchError(400, 'request body: invalid JSON') };
	const result = validateAppBody(kind, parsed.value);
	if (result.unknownFields.length > 0) request.entry.unknownFields = result.unknownFields;
	if (result.readOnlyFields.length > 0) request.entry.readOnlyFields = result.readOnlyFields;
	return result.ok
		? { value: result.value }
		: { reply: sinchError(400, `Invalid argument: ${result.issues.join('; ')}`) };
}
