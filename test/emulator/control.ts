import { channelStatesRequestProblem } from './channel-states';
import type { DeliveryReportMode } from './delivery-reports';
import { faultRequestProblem } from './faults';
import { inboundFromEvent, type InboundRequest } from './inbound';
import type { StoredMessage } from './messages';
import type { Contact } from './contacts';
import type { Conversation } from './conversations';
import { json, parseJson, type Reply } from './http-io';
import type {
	App,
	ChannelRejection,
	Delivery,
	DeliverRequest,
	EmulatorInfo,
	FaultRequest,
	JsonObject,
	RequestLogEntry,
	Webhook,
} from './types';

/** What the control endpoints act on: the Emulator itself. */
export interface Controllable {
	info(): EmulatorInfo;
	readonly requests: readonly RequestLogEntry[];
	readonly apps: readonly App[];
	readonly webhooks: readonly Webhook[];
	readonly deliveries: readonly Delivery[];
	reset(): void;
	expireTokens(): void;
	addFault(fault: FaultRequest): void;
	setLatency(ms: number): void;
	appsIn(region: string): readonly App[];
	rejectCredential(rule: ChannelRejection): void;
	setChannelActivationMs(ms: number): void;
	deliver(request: DeliverRequest): Promise<Delivery[]>;
	readonly messages: readonly StoredMessage[];
	readonly sentMessages: readonly StoredMessage[];
	readonly contacts: readonly Contact[];
	readonly conversations: readonly Conversation[];
	setOutboundRateLimit(outbound: number, appId?: string): void;
	setDeliveryReports(mode: DeliveryReportMode): void;
	stepDeliveryReports(messageId?: string): Promise<Delivery[]>;
	receive(
		request: InboundRequest,
	): Promise<{ message: StoredMessage['message']; deliveries: Delivery[] }>;
	readonly whatsAppTemplates: readonly JsonObject[];
	setWhatsAppTemplates(templates: readonly JsonObject[]): void;
	omniTemplates(region?: string): readonly JsonObject[];
	setOmniTemplates(templates: readonly JsonObject[], region?: string): void;
}

export const CONTROL_PREFIX = '/_emulator/';

const ENDPOINTS = [
	'GET info',
	'GET requests',
	'GET apps',
	'GET apps/{region}',
	'GET webhooks',
	'GET deliveries',
	'POST reset',
	'POST expire-tokens',
	'POST latency',
	'POST faults',
	'POST channel-states',
	'POST events',
	'GET messages',
	'GET sent-messages',
	'GET contacts',
	'GET conversations',
	'POST rate-limits',
	'POST delivery-reports',
	'POST delivery-reports/step',
	'GET templates',
	'POST templates',
];

/** /_emulator/* for tests in other processes (n8n running the node, say). No auth, not logged. */
export async function handleControl(
	method: string,
	path: string,
	rawBody: string,
	emulator: Controllable,
): Promise<Reply> {
	const route = `${method} ${path.slice(CONTROL_PREFIX.length)}`;
	switch (route) {
		case 'GET info':
			return json(200, emulator.info());
		case 'GET requests':
			return json(200, { requests: emulator.requests });
		case 'GET apps':
			return json(200, { apps: emulator.apps });
		case 'GET webhooks':
			return json(200, { webhooks: emulator.webhooks });
		case 'GET deliveries':
			return json(200, { deliveries: emulator.deliveries });
		case 'POST reset':
			emulator.reset();
			return json(200, {});
		case 'POST expire-tokens':
			emulator.expireTokens();
			return json(200, {});
		case 'POST latency': {
			const parsed = parseJson(rawBody);
			const ms = parsed.ok ? (parsed.value as { ms?: unknown } | null)?.ms : undefined;
			if (typeof ms !== 'number' || !(ms >= 0))
				return json(400, { error: 'body must be {"ms": number >= 0}' });
			emulator.setLatency(ms);
			return json(200, {});
		}
		case 'POST faults': {
			const parsed = parseJson(rawBody);
			const problem = parsed.ok ? faultRequestProblem(parsed.value) : 'body must be JSON';
			if (problem !== undefined || !parsed.ok) return json(400, { error: problem });
			emulator.addFault(parsed.value as FaultRequest);
			return json(200, {});
		}
		case 'POST channel-states': {
			const parsed = parseJson(rawBody);
			const problem = parsed.ok ? channelStatesRequestProblem(parsed.value) : 'body must be JSON';
			if (problem !== undefined || !parsed.ok) return json(400, { error: problem });
			const { activationMs, reject } = parsed.value as {
				activationMs?: number;
				reject?: ChannelRejection;
			};
			if (activationMs !== undefined) emulator.setChannelActivationMs(activationMs);
			if (reject !== undefined) emulator.rejectCredential(reject);
			return json(200, {});
		}
		case 'GET messages':
			return json(200, { messages: emulator.messages });
		case 'GET sent-messages':
			return json(200, { messages: emulator.sentMessages });
		case 'GET contacts':
			return json(200, { contacts: emulator.contacts });
		case 'GET conversations':
			return json(200, { conversations: emulator.conversations });
		case 'POST rate-limits': {
			const body = objectBody(rawBody);
			const outbound = body?.outbound;
			const appId = body?.app_id;
			if (
				typeof outbound !== 'number' ||
				!Number.isInteger(outbound) ||
				outbound < 1 ||
				(appId !== undefined && typeof appId !== 'string')
			)
				return json(400, {
					error: 'body must be {"outbound": whole number >= 1, "app_id"?: string}',
				});
			emulator.setOutboundRateLimit(outbound, appId);
			return json(200, {});
		}
		case 'POST delivery-reports': {
			const body = objectBody(rawBody);
			const mode = body?.mode;
			const stepMs = body?.step_ms;
			if (
				(mode !== 'auto' && mode !== 'manual' && mode !== 'off') ||
				(stepMs !== undefined && (typeof stepMs !== 'number' || !(stepMs >= 0)))
			)
				return json(400, {
					error: 'body must be {"mode": "auto"|"manual"|"off", "step_ms"?: number >= 0}',
				});
			emulator.setDeliveryReports(
				mode === 'auto' ? { mode, stepMs: stepMs as number | undefined } : { mode },
			);
			return json(200, {});
		}
		case 'POST delivery-reports/step': {
			const messageId = objectBody(rawBody)?.message_id;
			return json(200, {
				deliveries: await emulator.stepDeliveryReports(
					typeof messageId === 'string' ? messageId : undefined,
				),
			});
		}
		case 'GET templates':
			return json(200, { whatsapp: emulator.whatsAppTemplates, omni: emulator.omniTemplates() });
		case 'POST templates': {
			const body = objectBody(rawBody);
			const region = body?.region ?? '';
			const regions = emulator.info().regions ?? [];
			const list = (value: unknown) =>
				value === undefined ||
				(Array.isArray(value) &&
					value.every((item) => item !== null && typeof item === 'object' && !Array.isArray(item)));
			if (
				!body ||
				!list(body.whatsapp) ||
				!list(body.omni) ||
				typeof region !== 'string' ||
				(region !== '' && !regions.includes(region))
			)
				return json(400, {
					error:
						'body must be {"whatsapp"?: [template...], "omni"?: [template...], "region"?: a served region}',
				});
			if (body.whatsapp !== undefined)
				emulator.setWhatsAppTemplates(body.whatsapp as unknown as JsonObject[]);
			if (body.omni !== undefined)
				emulator.setOmniTemplates(body.omni as unknown as JsonObject[], region);
			return json(200, {});
		}
		case 'POST events': {
			const parsed = parseJson(rawBody);
			if (!parsed.ok || parsed.value === null || typeof parsed.value !== 'object')
				return json(400, { error: 'body must be a JSON object' });
			const event = parsed.value as JsonObject;
			try {
				if (event.trigger === 'MESSAGE_INBOUND' && event.from !== undefined)
					return json(200, await emulator.receive(inboundFromEvent(event)));
				return json(200, {
					deliveries: await emulator.deliver(eventRequest(event)),
				});
			} catch (error) {
				const message = (error as Error).message;
				return json(/not found/.test(message) ? 404 : 400, { error: message });
			}
		}
		default: {
			const regionApps = /^GET apps\/([a-z]+)$/.exec(route);
			if (regionApps && (emulator.info().regions ?? []).includes(regionApps[1])) {
				return json(200, { apps: emulator.appsIn(regionApps[1]) });
			}
			return json(404, {
				error: `unknown control endpoint ${method} ${path}`,
				endpoints: ENDPOINTS.map((name) => name.replace(' ', ` ${CONTROL_PREFIX}`)),
			});
		}
	}
}

/** The body as a JSON object; undefined when it is empty or anything else. */
function objectBody(rawBody: string): JsonObject | undefined {
	const parsed = parseJson(rawBody);
	return parsed.ok &&
		parsed.value !== null &&
		typeof parsed.value === 'object' &&
		!Array.isArray(parsed.value)
		? (parsed.value as JsonObject)
		: undefined;
}

/** POST /_emulator/events takes snake_case names, like the API. */
function eventRequest(body: JsonObject): DeliverRequest {
	const number = (value: unknown): number | undefined =>
		typeof value === 'number' ? value : undefined;
	return {
		appId: body.app_id as string,
		trigger: body.trigger as string,
		body: body.body as JsonObject | undefined,
		timestamp:
			typeof body.timestamp === 'number' || typeof body.timestamp === 'string'
				? body.timestamp
				: undefined,
		nonce: typeof body.nonce === 'string' ? body.nonce : undefined,
		forgeSignature: body.forge_signature === true,
		retries: number(body.retries),
		retryDelayMs: number(body.retry_delay_ms),
		timeoutMs: number(body.timeout_ms),
	};
}
