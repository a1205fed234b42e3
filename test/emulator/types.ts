/** Public types of the emulator, shared by its modules and the tests. */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface EmulatorOptions {
	/** 0 (default): a free port. */
	port?: number;
	projectId?: string;
	keyId?: string;
	keySecret?: string;
	/** Lifetime of issued OAuth2 tokens; default 3600. */
	tokenLifetimeSeconds?: number;
	/** Projects that exist but the key may not use: 403 instead of 404. */
	otherProjects?: string[];
	/** Milliseconds every API and token request waits before it is handled, as a distant Sinch would; default 0. */
	latencyMs?: number;
	/** Regions served under a path prefix, each with its own apps (`/eu/v1/...`); the root keeps its own. Default none. */
	regions?: string[];
	/** How long a new or changed channel entry stays PENDING; default 0 (ACTIVE, or FAILING, at once). */
	channelActivationMs?: number;
	/** Every app's `rate_limits.outbound` (sends a second) unless set for the app; default 25, Sinch's. */
	outboundRateLimit?: number;
	/** Milliseconds between one delivery report of a message and the next; default 0. */
	deliveryReportStepMs?: number;
	/**
	 * Called after each request that may have changed what `state()` holds (anything but a GET), once it is answered:
	 * `npm start` saves the state then, so a restart keeps the apps. Tests leave it out: the emulator keeps all in memory.
	 */
	onChange?: () => void;
}

/** What `state()` gives and `restore()` takes: the apps of each region ('' is the root), webhooks, channel times. */
export interface EmulatorState {
	version: 1;
	apps: Record<string, Array<[string, JsonObject]>>;
	webhooks: Array<[string, JsonObject]>;
	channelEntries: Array<[string, { fingerprint: string; at: number }]>;
	/** Absent in states saved before the emulator kept contacts. */
	contacts?: Array<[string, JsonObject]>;
	conversations?: Array<[string, JsonObject]>;
}

/** Makes matching channel entries FAILING with this description; given conditions must all hold. */
export interface ChannelRejection {
	/** Channel, e.g. WHATSAPP. */
	channel?: string;
	/** A value inside the entry's credential object (token, secret, sender ID, ...). */
	token?: string;
	/** What the entry's state.description says. */
	description?: string;
}

export interface RequestLogEntry {
	method: string;
	/** Path without the query string. */
	path: string;
	query: Record<string, string | string[]>;
	/** Header names in lower case; repeated headers joined with ", ". */
	headers: Record<string, string>;
	/** Parsed JSON, or the raw text for any other content type (the token endpoint's form); undefined when empty. */
	body: unknown;
	/** Status answered; null while in progress or when the connection was dropped. */
	status: number | null;
	/** Faults applied to this request, in order. */
	faults: FaultKind[];
	/** Request fields the emulator does not know (accepted and dropped, as Sinch presumably does), as field paths. */
	unknownFields?: string[];
	/** Read-only fields the client sent (ignored), as field paths. */
	readOnlyFields?: string[];
	/** Milliseconds since the epoch when the request arrived. */
	receivedAt: number;
	/** Milliseconds since the epoch when the answer was sent (or the socket dropped); absent while in progress. */
	answeredAt?: number;
}

export type FaultKind = 'fail' | 'delay' | 'drop' | 'truncate' | 'hang';

/** Which requests a fault applies to; all given conditions must hold. */
export interface FaultMatch {
	/** How many matching requests get the fault; default 1. */
	times?: number;
	/** HTTP method, any case. */
	method?: string;
	/** Substring of the request path (query excluded). */
	pathIncludes?: string;
	/** Substring of the raw request body, to pick one item of a batch (e.g. its display name). */
	bodyIncludes?: string;
}

export interface FailFault extends FaultMatch {
	status: number;
	/** Object: sent as JSON; string: sent as text/plain as is. Default: Sinch's error shape for the status. */
	body?: unknown;
	/** Content type of a string body (default text/plain), e.g. text/html for a proxy's login page. */
	contentType?: string;
	/** Sent as the Retry-After header when given (seconds, or an HTTP date). */
	retryAfter?: number | string;
	/** Do the real work first (an app may get created), then answer the fault instead of the real result. */
	afterProcessing?: boolean;
}

export interface DelayFault extends FaultMatch {
	ms: number;
}

export interface DropFault extends FaultMatch {
	/** Do the real work first, then destroy the socket instead of answering. */
	afterProcessing?: boolean;
}

/** The real work is done and the real answer started, but only part of its body is sent. */
export interface TruncateFault extends FaultMatch {
	/** Body bytes sent; default half the body. */
	bytes?: number;
	/**
	 * true (default): the headers announce the whole body, then the socket is destroyed (a half-sent answer).
	 * false: the headers announce only the bytes sent and the answer ends normally (a proxy that cut the body).
	 */
	destroy?: boolean;
}

/** The request is read and then never answered; the socket stays open until the client gives up or close(). */
export interface HangFault extends FaultMatch {
	/** Do the real work first, then never answer. */
	afterProcessing?: boolean;
}

/** Body of POST /_emulator/faults. */
export type FaultRequest =
	| ({ kind: 'fail' } & FailFault)
	| ({ kind: 'delay' } & DelayFault)
	| ({ kind: 'drop' } & DropFault)
	| ({ kind: 'truncate' } & TruncateFault)
	| ({ kind: 'hang' } & HangFault);

export interface EmulatorInfo {
	url: string;
	tokenUrl: string;
	projectId: string;
	keyId: string;
	keySecret: string;
	otherProjects: string[];
	tokenLifetimeSeconds: number;
	latencyMs: number;
	/** Region prefixes served, when any: the API of region r is at `${url}/${r}`. */
	regions?: string[];
	/** Present when above 0. */
	channelActivationMs?: number;
}

export type ChannelIntegrationStatus = 'PENDING' | 'ACTIVE' | 'FAILING';

/** One stored `channel_credentials` entry as answered (credential object under its own property name). */
export interface ChannelCredentialResponse {
	channel: string;
	credential_ordinal_number: number;
	callback_secret?: string;
	state: { status: ChannelIntegrationStatus; description: string };
	channel_known_id: string;
	[credentialProperty: string]: Json | undefined;
}

/** An app as the emulator answers it. */
export interface App {
	id: string;
	display_name: string;
	channel_credentials: ChannelCredentialResponse[];
	conversation_metadata_report_view: 'NONE' | 'FULL';
	rate_limits: { inbound: number; outbound: number; webhooks: number };
	retention_policy: { retention_type: string; ttl_days: number };
	dispatch_retention_policy: { retention_type: string; ttl_days: number };
	processing_mode: 'CONVERSATION' | 'DISPATCH';
	smart_conversation: { enabled: boolean };
	queue_stats: { outbound_size: number; outbound_limit: number };
	callback_settings: { secret_for_overridden_callback_urls: string };
	delivery_report_based_fallback: { enabled: boolean; delivery_report_waiting_time?: number };
	message_retry_settings: { retry_duration: number };
}

export type WebhookTargetType = 'HTTP' | 'DISMISS';

/** A webhook as the emulator answers it. */
export interface Webhook {
	id: string;
	app_id: string;
	target: string;
	target_type: WebhookTargetType;
	/** '' when not set. */
	secret: string;
	triggers: string[];
	client_credentials?: {
		client_id: string;
		client_secret: string;
		endpoint: string;
		scope?: string;
		response_type?: string;
		token_request_type?: 'BASIC' | 'FORM';
	};
}

/** What to deliver: an event of `trigger` happening for app `appId`. */
export interface DeliverRequest {
	appId: string;
	/** One of the 20 triggers, e.g. MESSAGE_INBOUND. */
	trigger: string;
	/** Merged (deeply, objects only; `contact_message` and `reason` replaced whole) into the generated callback body, e.g. { message: { contact_message: ... } }. */
	body?: JsonObject;
	/** Signature timestamp (Unix seconds) instead of now; a string is sent as is (to test malformed values). */
	timestamp?: number | string;
	/** Signature nonce instead of a random one (to test replay checks). */
	nonce?: string;
	/** Send a signature that does not match (signed with another secret); needs a webhook with a secret. */
	forgeSignature?: boolean;
	/** Extra attempts after a failed one (non-2xx answer or no answer), as Sinch retries; default 0, at most 5. */
	retries?: number;
	/** Wait before the first retry, doubled for each next one; default 50 ms, at most 5000. */
	retryDelayMs?: number;
	/** How long one attempt may take; default 5000 ms. */
	timeoutMs?: number;
}

/** One attempt to POST a callback to a webhook's target. */
export interface DeliveryAttempt {
	/** HTTP status answered; null when the request failed (error says why). */
	status: number | null;
	error?: string;
	/** The receiver's answer as text (at most 2000 characters). */
	responseBody?: string;
	startedAt: number;
}

/** One callback sent to one webhook (with its retries). */
export interface Delivery {
	webhookId: string;
	appId: string;
	target: string;
	trigger: string;
	/** The exact bytes sent, as text: verify signatures over this. */
	rawBody: string;
	body: JsonObject;
	/** Header names in lower case. */
	headers: Record<string, string>;
	/** Status of the last attempt (null: no answer). */
	status: number | null;
	ok: boolean;
	attempts: DeliveryAttempt[];
	forged: boolean;
}
