/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleApi } from './api';
import { Tokens } from './auth';
import { ChannelStates } from './channel-states';
import { CONTROL_PREFIX, handleControl, type Controllable } from './control';
import { sinchError, sinchErrorBody } from './errors';
import { Faults, type TakenFault } from './faults';
import { bodyKeyOf } from './callback-bodies';
import { deliverRequestProblem, deliverToWebhooks } from './deliveries';
import {
	bodyForLog,
	encode,
	headerObject,
	queryObject,
	readBody,
	send,
	type Reply,
} from './http-io';
import { DeliveryReports, type DeliveryReportMode } from './delivery-reports';
import { inboundContent, type InboundRequest } from './inbound';
import { MessageStore, type StoredMessage } from './messages';
import { ContactStore, type Contact } from './contacts';
import { ConversationStore, type Conversation } from './conversations';
import { RateLimits } from './rate-limits';
import { RegionStores } from './regions';
import { TemplateStore } from './templates';
import { templateFailure } from './template-sends';
import { WebhookStore } from './webhooks';
import type {
	App,
	ChannelRejection,
	Delivery,
	DeliverRequest,
	DelayFault,
	DropFault,
	EmulatorInfo,
	EmulatorOptions,
	EmulatorState,
	FailFault,
	FaultRequest,
	HangFault,
	JsonObject,
	RequestLogEntry,
	TruncateFault,
	Webhook,
} from './types';

/** Fixed development values, so a running emulator can be configured once in n8n. Not secrets. */
export const DEFAULT_PROJECT_ID = '8f2b6c1e-4d3a-4b7e-9c5f-1a2b3c4d5e6f';
// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- the emulator's fixed development key, not a secret
export const DEFAULT_KEY_ID = '3c9e7a51-2f4d-4e8b-a6c0-5d1f9b2e7a34';
export const DEFAULT_KEY_SECRET = 'emulator-secret-do-not-use-in-production';

const TOKEN_PATH = '/oauth2/token';
const HOST = '127.0.0.1';

/**
 * A running emulator of the Sinch Conversation API's App, Webhook and Message endpoints and of Sinch's OAuth2 token endpoint,
 * which also delivers signed callbacks to webhooks.
 */
export class Emulator implements Controllable {
	/** API base: the API is at `${url}/v1/projects/{project}/...`. */
	readonly url: string;
	readonly tokenUrl: string;
	readonly projectId: string;
	readonly keyId: string;
	readonly keySecret: string;
	private readonly otherProjects: ReadonlySet<string>;
	private readonly tokenLifetimeSeconds: number;
	private readonly log: RequestLogEntry[] = [];
	private readonly channelStates: ChannelStates;
	private readonly channelActivationMs: number;
	private readonly stores: RegionStores;
	// One webhook store for every region: webhook IDs are unique, and each names its app.
	private readonly webhookStore = new WebhookStore();
	private readonly deliveryLog: Delivery[] = [];
	// Contacts and conversations are the project's, like messages: one store for every region.
	private readonly contactStore = new ContactStore();
	private readonly conversationStore = new ConversationStore();
	private readonly messageStore = new MessageStore(this.contactStore, this.conversationStore);
	private readonly templateStore: TemplateStore;
	private readonly rateLimits: RateLimits;
	private readonly reports: DeliveryReports;
	private readonly faults = new Faults();
	private readonly tokens: Tokens;
	private latency: number;
	private readonly onChange?: () => void;

	private constructor(
		private readonly server: Server,
		options: EmulatorOptions,
	) {
		this.url = `http://${HOST}:${(server.address() as AddressInfo).port}`;
		this.tokenUrl = `${this.url}${TOKEN_PATH}`;
		this.projectId = options.projectId ?? DEFAULT_PROJECT_ID;
		this.keyId = options.keyId ?? DEFAULT_KEY_ID;
		this.keySecret = options.keySecret ?? DEFAULT_KEY_SECRET;
		this.otherProjects = new Set(options.otherProjects ?? []);
		this.tokenLifetimeSeconds = options.tokenLifetimeSeconds ?? 3600;
		this.latency = options.latencyMs ?? 0;
		this.channelActivationMs = options.channelActivationMs ?? 0;
		this.onChange = options.onChange;
		this.channelStates = new ChannelStates(this.channelActivationMs);
		this.rateLimits = new RateLimits(options.outboundRateLimit);
		this.reports = new DeliveryReports(
			(report) => this.sendDeliveryReport(report),
			(messageId, target) => this.messageStore.moveTo(messageId, target),
			{ mode: 'auto', stepMs: options.deliveryReportStepMs ?? 0 },
		);
		this.stores = new RegionStores(options.regions ?? [], this.channelStates, this.rateLimits);
		this.templateStore = new TemplateStore(this.stores.names);
		this.tokens = new Tokens({
			keyId: this.keyId,
			keySecret: this.keySecret,
			tokenLifetimeSeconds: this.tokenLifetimeSeconds,
			issuer: this.url,
		});
		server.on('request', (req: IncomingMessage, res: ServerResponse) => {
			this.handle(req, res)
				.catch((error: unknown) => {
					// eslint-disable-next-line no-console -- the emulator's own log of a failure it cannot answer with
					console.error('sinch emulator: unhandled error', error);
					if (!res.headersSent) send(res, sinchError(500, 'emulator error'));
				})
				.finally(() => {
					if (req.method !== 'GET') this.onChange?.();
				});
		});
	}

	static async start(options: EmulatorOptions = {}): Promise<Emulator> {
		const server = createServer();
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(options.port ?? 0, HOST, () => {
				server.off('error', reject);
				resolve();
			});
		});
		return new Emulator(server, options);
	}

	/** Every request received, control endpoints excepted, oldest first. */
	get requests(): readonly RequestLogEntry[] {
		return this.log;
	}

	/** The stored apps as the API would answer them (copies). */
	get apps(): readonly App[] {
		return this.stores.root.list();
	}

	/** The region prefixes served (`regions`), lower case; none by default. */
	get regions(): string[] {
		return this.stores.names;
	}

	/** The API base URL of a region given in `regions`: `${url}/${region}`. */
	regionUrl(region: string): string {
		if (!this.stores.store(region))
			throw new Error(`the emulator serves no region ${region}; start it with regions`);
		return `${this.url}/${region.toLowerCase()}`;
	}

	/** The stored apps of one region given in `regions`. */
	appsIn(region: string): readonly App[] {
		const store = this.stores.store(region);
		if (!store) throw new Error(`the emulator serves no region ${region}; start it with regions`);
		return store.list();
	}

	/** Matching channel entries become FAILING with the rule's description (after the activation delay). */
	rejectCredential(rule: ChannelRejection = {}): void {
		this.channelStates.reject(rule);
	}

	/** How long new or changed channel entries stay PENDING from now on. */
	setChannelActivationMs(ms: number): void {
		this.channelStates.activationMs = ms;
	}

	/** The stored webhooks of every app, in creation order (copies, secrets included). */
	get webhooks(): readonly Webhook[] {
		return this.webhookStore.list();
	}

	/** Every callback delivered (or attempted) since start or the last reset, oldest first. */
	get deliveries(): readonly Delivery[] {
		return this.deliveryLog;
	}

	/**
	 * Makes an event of `trigger` happen for the app: its body is POSTed, signed, to every webhook of the app that
	 * subscribes to the trigger and has target type HTTP. Resolves once every delivery (with its retries) is done,
	 * with those deliveries (also kept in `deliveries`). Throws when the request is malformed or the app does not exist.
	 */
	async deliver(request: DeliverRequest): Promise<Delivery[]> {
		const problem = deliverRequestProblem(request, (trigger) => bodyKeyOf(trigger) !== undefined);
		if (problem !== undefined) throw new Error(problem);
		if (!this.stores.find(request.appId)) throw new Error(`App ${request.appId} not found`);
		const made = await deliverToWebhooks(
			request,
			this.webhookStore.listForApp(request.appId),
			this.projectId,
		);
		this.deliveryLog.push(...made);
		return made;
	}

	/** Every stored message, both directions, oldest first; sent ones carry the send body as `request`. */
	get messages(): readonly StoredMessage[] {
		return this.messageStore.all();
	}

	/** The messages sent through messages:send, oldest first, each with the send body as accepted (`request`). */
	get sentMessages(): readonly StoredMessage[] {
		return this.messageStore.all().filter((stored) => stored.request !== undefined);
	}

	/**
	 * Sets `rate_limits.outbound` (sends a second) of one app, or without an app of every app that has no limit of
	 * its own (default 25). Sends beyond it get 429 with Retry-After.
	 */
	setOutboundRateLimit(outbound: number, appId?: string): void {
		this.rateLimits.setOutbound(outbound, appId);
	}

	/**
	 * How MESSAGE_DELIVERY callbacks follow a send (default `{ mode: 'auto', stepMs }` with the start option's step,
	 * 0: at once, in order).
	 */
	setDeliveryReports(mode: DeliveryReportMode): void {
		this.reports.setMode(mode);
	}

	/** In manual mode: sends the next delivery report of every pending message (or of one); resolves with them. */
	stepDeliveryReports(messageId?: string): Promise<Delivery[]> {
		return this.reports.step(messageId);
	}

	/** Resolves once the delivery reports being sent in auto mode are all out. */
	deliveryReportsSent(): Promise<void> {
		return this.reports.idle();
	}

	/** The project's WhatsApp templates (Provisioning API), by name then language (copies). */
	get whatsAppTemplates(): readonly JsonObject[] {
		return this.templateStore.whatsAppTemplates();
	}

	/** Replaces the WhatsApp templates (the seeds come back on reset). */
	setWhatsAppTemplates(templates: readonly JsonObject[]): void {
		this.templateStore.setWhatsAppTemplates(templates);
	}

	/** The latest version of each omnichannel template of a region (default: the root, without a region prefix). */
	omniTemplates(region?: string): readonly JsonObject[] {
		return this.templateStore.omniTemplates(region);
	}

	/** Replaces a region's omnichannel templates; an ID given more than once gets those versions. */
	setOmniTemplates(templates: readonly JsonObject[], region?: string): void {
		this.templateStore.setOmniTemplates(templates, region);
	}

	/**
	 * A contact sends the app a message (text, media or the answer to a choice): it is stored like Sinch stores
	 * inbound messages and delivered as MESSAGE_INBOUND to the app's webhooks. Resolves with the message and deliveries.
	 */
	async receive(
		request: InboundRequest,
	): Promise<{ message: StoredMessage['message']; deliveries: Delivery[] }> {
		const content = inboundContent(request);
		if (typeof content === 'string') throw new Error(content);
		const app = this.stores.find(request.appId)?.get(request.appId);
		if (!app) throw new Error(`App ${request.appId} not found`);
		const stored = this.messageStore.addReceived(
			app,
			{ channel: request.channel, identity: request.identity },
			content,
		);
		const made = await deliverToWebhooks(
			{ appId: app.id, trigger: 'MESSAGE_INBOUND', body: request.body },
			this.webhookStore.listForApp(app.id),
			this.projectId,
			stored.message,
		);
		this.deliveryLog.push(...made);
		return { message: stored.message, deliveries: made };
	}

	/** The project's contacts in creation order (copies). */
	get contacts(): readonly Contact[] {
		return this.contactStore.list();
	}

	/** The project's conversations in creation order (copies). */
	get conversations(): readonly Conversation[] {
		return this.conversationStore.list();
	}

	/**
	 * The contact store, for emulator modules and tests that need more than the list (find by identity, set channel
	 * profiles). The conversation store likewise.
	 */
	get contactRecords(): ContactStore {
		return this.contactStore;
	}

	get conversationRecords(): ConversationStore {
		return this.conversationStore;
	}

	/** The name Get Channel Profile answers for the identity on `channel` (app-scoped channels: in `appId`). */
	setChannelProfile(profile: {
		channel: string;
		identity: string;
		name: string;
		appId?: string;
	}): void {
		this.contactStore.setChannelProfile(
			profile.channel,
			profile.identity,
			profile.name,
			profile.appId,
		);
	}

	/** Number of calls to the token endpoint since start or the last reset. */
	tokenRequests(): number {
		return this.log.filter((entry) => entry.path === TOKEN_PATH).length;
	}

	/** Every token issued so far is expired from now on (tokens issued later are fresh). */
	expireTokens(): void {
		this.tokens.expireAll();
	}

	/**
	 * Forgets apps (of every region), webhooks, messages, contacts, conversations, channel profiles, deliveries, templates
	 * (back to the seeds), the request log, armed faults, issued tokens and
	 * credential rejections; rate limits and delivery report mode go back to their defaults.
	 */
	reset(): void {
		this.stores.clear();
		this.channelStates.clear();
		this.channelStates.activationMs = this.channelActivationMs;
		this.webhookStore.clear();
		this.messageStore.clear();
		this.contactStore.clear();
		this.conversationStore.clear();
		this.templateStore.clear();
		this.rateLimits.clear();
		this.reports.clear();
		this.deliveryLog.length = 0;
		this.log.length = 0;
		this.faults.clear();
		this.tokens.clear();
	}

	/** The apps of every region, the webhooks, when channel entries were set, contacts and conversations: what a restart may keep. */
	state(): EmulatorState {
		return {
			version: 1,
			apps: this.stores.saved(),
			webhooks: this.webhookStore.saved(),
			channelEntries: this.channelStates.saved(),
			contacts: this.contactStore.saved(),
			conversations: this.conversationStore.saved(),
		};
	}

	/** Replaces the apps, webhooks and channel times with a saved `state()`; throws when it is not one. */
	restore(state: EmulatorState): void {
		const problem = stateProblem(state);
		if (problem) throw new Error(`not an emulator state: ${problem}`);
		this.stores.load(state.apps);
		this.webhookStore.load(state.webhooks);
		this.channelStates.load(state.channelEntries);
		// States saved before contacts existed have none.
		this.contactStore.load(state.contacts ?? []);
		this.conversationStore.load(state.conversations ?? []);
	}

	/** The next `times` matching requests get this status and body, before any other processing (unless afterProcessing). */
	failNext(fault: FailFault): void {
		this.addFault({ kind: 'fail', ...fault });
	}

	/** The next `times` matching requests wait `ms` before being processed. */
	delayNext(fault: DelayFault): void {
		this.addFault({ kind: 'delay', ...fault });
	}

	/** The next `times` matching requests get no answer: the socket is destroyed. */
	dropNext(fault: DropFault = {}): void {
		this.addFault({ kind: 'drop', ...fault });
	}

	/** The next `times` matching requests are processed, then get only part of their answer (see TruncateFault). */
	truncateNext(fault: TruncateFault = {}): void {
		this.addFault({ kind: 'truncate', ...fault });
	}

	/** The next `times` matching requests are never answered. */
	hangNext(fault: HangFault = {}): void {
		this.addFault({ kind: 'hang', ...fault });
	}

	/** Milliseconds every later API and token request waits before it is handled (0: none). */
	setLatency(ms: number): void {
		this.latency = ms;
	}

	addFault(fault: FaultRequest): void {
		this.faults.add(fault);
	}

	info(): EmulatorInfo {
		return {
			url: this.url,
			tokenUrl: this.tokenUrl,
			projectId: this.projectId,
			keyId: this.keyId,
			keySecret: this.keySecret,
			otherProjects: [...this.otherProjects],
			tokenLifetimeSeconds: this.tokenLifetimeSeconds,
			latencyMs: this.latency,
			// Only when used, so the info of an emulator without them reads as before.
			...(this.stores.names.length > 0 ? { regions: this.stores.names } : {}),
			...(this.channelStates.activationMs > 0
				? { channelActivationMs: this.channelStates.activationMs }
				: {}),
		};
	}

	close(): Promise<void> {
		return new Promise((resolve, reject) => {
			this.server.close((error) => (error ? reject(error) : resolve()));
			// Keep-alive sockets of clients would otherwise hold close() open.
			this.server.closeAllConnections();
		});
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const parsedUrl = new URL(req.url ?? '/', this.url);
		const method = (req.method ?? 'GET').toUpperCase();
		const path = parsedUrl.pathname;
		const rawBody = await readBody(req);
		if (path.startsWith(CONTROL_PREFIX)) {
			send(res, await handleControl(method, path, rawBody, this));
			return;
		}

		const headers = headerObject(req);
		const entry: RequestLogEntry = {
			method,
			path,
			query: queryObject(parsedUrl.searchParams),
			headers,
			body: bodyForLog(rawBody),
			status: null,
			faults: [],
			receivedAt: Date.now(),
		};
		this.log.push(entry);

		if (this.latency > 0) await new Promise((resolve) => setTimeout(resolve, this.latency));
		const delay = this.faults.takeDelay(method, path, rawBody);
		if (delay !== undefined) {
			entry.faults.push('delay');
			await new Promise((resolve) => setTimeout(resolve, delay));
		}
		const fault = this.faults.takeOutcome(method, path, rawBody);
		if (fault && !fault.spec.afterProcessing) {
			this.answerFault(fault, entry, req, res);
			return;
		}
		const routed = this.stores.route(path);
		const reply =
			path === TOKEN_PATH && method === 'POST'
				? this.tokens.handleTokenRequest(headers, rawBody)
				: handleApi(
						{ method, path: routed.path, query: parsedUrl.searchParams, headers, rawBody, entry },
						{
							projectId: this.projectId,
							otherProjects: this.otherProjects,
							tokens: this.tokens,
							apps: routed.store,
							webhooks: this.webhookStore,
							templates: this.templateStore,
							region: routed.region ?? '',
							messages: this.messageStore,
							contacts: this.contactStore,
							conversations: this.conversationStore,
							rateLimits: this.rateLimits,
							afterSend: (sent, plan, app) =>
								this.reports.planFor(sent, plan, app, (target) =>
									templateFailure(sent.request, target, this.templateStore, routed.region ?? ''),
								),
						},
					);
		if (fault) {
			this.answerFault(fault, entry, req, res, reply);
			return;
		}
		entry.status = reply.status;
		entry.answeredAt = Date.now();
		send(res, reply);
	}

	/** A message's own callback_url gets its reports instead of the webhooks, signed with the app's secret for it. */
	private async sendDeliveryReport(report: {
		appId: string;
		report: JsonObject;
		envelope: JsonObject;
		callbackUrl?: string;
	}): Promise<Delivery[]> {
		const app = this.stores.find(report.appId)?.get(report.appId);
		if (!app) return [];
		const targets: Webhook[] =
			report.callbackUrl === undefined
				? this.webhookStore.listForApp(app.id)
				: [
						{
							id: 'callback_url',
							app_id: app.id,
							target: report.callbackUrl,
							target_type: 'HTTP',
							secret: app.callback_settings.secret_for_overridden_callback_urls,
							triggers: ['MESSAGE_DELIVERY'],
						},
					];
		const made = await deliverToWebhooks(
			{ appId: app.id, trigger: 'MESSAGE_DELIVERY', body: report.envelope },
			targets,
			this.projectId,
			report.report,
		);
		this.deliveryLog.push(...made);
		return made;
	}

	private answerFault(
		fault: TakenFault,
		entry: RequestLogEntry,
		req: IncomingMessage,
		res: ServerResponse,
		real?: Reply,
	): void {
		entry.faults.push(fault.kind);
		if (fault.kind !== 'hang') entry.answeredAt = Date.now();
		if (fault.kind === 'drop') {
			req.socket.destroy();
			return;
		}
		if (fault.kind === 'hang') return;
		if (fault.kind === 'truncate') {
			const { headers, payload } = encode(real ?? { status: 200, body: {} });
			const sent = payload.subarray(0, fault.spec.bytes ?? Math.floor(payload.length / 2));
			entry.status = real?.status ?? 200;
			if (fault.spec.destroy === false) {
				res.writeHead(entry.status, { ...headers, 'content-length': String(sent.length) });
				res.end(sent);
				return;
			}
			res.writeHead(entry.status, headers);
			res.write(sent, () => setTimeout(() => req.socket.destroy(), 20));
			return;
		}
		const { status, body, retryAfter, contentType } = fault.spec;
		const reply: Reply = {
			status,
			body: body ?? sinchErrorBody(status, `Injected fault: HTTP ${status}`),
			headers: {
				...(retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) }),
				...(contentType === undefined ? {} : { 'content-type': contentType }),
			},
		};
		entry.status = status;
		send(res, reply);
	}
}

const isPairList = (value: unknown) =>
	Array.isArray(value) &&
	value.every(
		(pair) =>
			Array.isArray(pair) &&
			pair.length === 2 &&
			typeof pair[0] === 'string' &&
			typeof pair[1] === 'object' &&
			pair[1] !== null,
	);

/** What is wrong with a saved state read back from a file, if anything. */
function stateProblem(state: EmulatorState): string | undefined {
	if (state === null || typeof state !== 'object') return 'not an object';
	if (state.version !== 1) return `version ${String(state.version)}, expected 1`;
	if (state.apps === null || typeof state.apps !== 'object') return 'apps is not an object';
	if (!Object.values(state.apps).every(isPairList)) return 'apps holds no [id, app] pairs';
	if (!isPairList(state.webhooks)) return 'webhooks holds no [id, webhook] pairs';
	if (!isPairList(state.channelEntries)) return 'channelEntries holds no [key, time] pairs';
	for (const key of ['contacts', 'conversations'] as const)
		if (state[key] !== undefined && !isPairList(state[key]))
			return `${key} holds no [id, record] pairs`;
	return undefined;
}
