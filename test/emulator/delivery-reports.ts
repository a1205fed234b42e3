/* eslint-disable @n8n/community-nodes/no-restricted-globals -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
import { isFailingIdentity, type ChannelTarget } from './message-rules';
import type { StoredMessage } from './messages';
import type { App, Delivery, JsonObject } from './types';

/**
 * When delivery reports go out after a send. `auto`: on their own, `stepMs` apart (0: one right after the other);
 * `manual`: one report per message each time a test steps them; `off`: none.
 */
export type DeliveryReportMode =
	| { mode: 'auto'; stepMs?: number }
	| { mode: 'manual' }
	| { mode: 'off' };

/** Why a channel did not deliver, in Sinch's reason shape. */
const UNREACHABLE = {
	code: 'RECIPIENT_NOT_REACHABLE',
	description:
		'The recipient could not be reached on this channel (emulator: identity starts with fail-)',
	sub_code: 'UNSPECIFIED_SUB_CODE',
};

/**
 * Sends one report's callback: to the message's callback_url when it has one, else to the app's webhooks. `report`
 * is the `message_delivery_report` object, `envelope` what goes beside it.
 */
export type ReportSender = (report: {
	appId: string;
	report: JsonObject;
	envelope: JsonObject;
	callbackUrl?: string;
}) => Promise<Delivery[]>;

interface Pending {
	appId: string;
	callbackUrl?: string;
	bodies: JsonObject[];
	/** Channel identity the message is on after each report (switches move it). */
	targets: ChannelTarget[];
}

/**
 * The MESSAGE_DELIVERY callbacks of sent messages, in order per message: QUEUED_ON_CHANNEL, DELIVERED, READ on a
 * reachable channel; on an unreachable one (identity starting with fail-, or a template the channel cannot send)
 * SWITCHING_CHANNEL when another channel follows in the plan, else FAILED, both with a reason.
 */
export class DeliveryReports {
	private setting: DeliveryReportMode;
	private readonly pending = new Map<string, Pending>();
	private readonly running = new Set<Promise<unknown>>();

	/** `startMode`: the mode at start and after clear(). */
	constructor(
		private readonly sendReport: ReportSender,
		private readonly onMove: (messageId: string, target: ChannelTarget) => void,
		private readonly startMode: DeliveryReportMode = { mode: 'auto', stepMs: 0 },
	) {
		this.setting = { ...startMode };
	}

	get mode(): DeliveryReportMode {
		return { ...this.setting };
	}

	setMode(mode: DeliveryReportMode): void {
		this.setting = { ...mode };
	}

	/**
	 * Plans the reports of a message just accepted and, in auto mode, starts sending them after the answer.
	 * `failureOn` says why a channel cannot deliver this message (a template check), beside unreachable identities.
	 */
	planFor(
		sent: StoredMessage,
		plan: ChannelTarget[],
		app: App,
		failureOn: (target: ChannelTarget) => object | undefined = () => undefined,
	): void {
		if (this.setting.mode === 'off') return;
		const request = sent.request ?? {};
		const pending: Pending = {
			appId: app.id,
			callbackUrl: typeof request.callback_url === 'string' ? request.callback_url : undefined,
			bodies: [],
			targets: [],
		};
		plan.forEach((target, i) => {
			const report = (status: string, reason?: object): void => {
				pending.bodies.push(reportBody(sent, request, target, status, reason));
				pending.targets.push(target);
			};
			if (pending.bodies.some((body) => statusOf(body) === 'DELIVERED')) return;
			const failed = isFailingIdentity(target.identity) ? UNREACHABLE : failureOn(target);
			if (failed) {
				report(i < plan.length - 1 ? 'SWITCHING_CHANNEL' : 'FAILED', failed);
				return;
			}
			report('QUEUED_ON_CHANNEL');
			report('DELIVERED');
			report('READ');
		});
		this.pending.set(sent.message.id, pending);
		if (this.setting.mode === 'auto') {
			const stepMs = this.setting.stepMs ?? 0;
			this.track(this.runAuto(sent.message.id, stepMs));
		}
	}

	/** Sends the next report of every pending message (or only of `messageId`); resolves with the deliveries made. */
	async step(messageId?: string): Promise<Delivery[]> {
		const ids = messageId === undefined ? [...this.pending.keys()] : [messageId];
		const made = await Promise.all(ids.map((id) => this.sendNext(id)));
		return made.flat();
	}

	/** Messages with reports still to send, and how many each. */
	pendingCounts(): Record<string, number> {
		return Object.fromEntries([...this.pending].map(([id, entry]) => [id, entry.bodies.length]));
	}

	/** Resolves once every report sending now has finished (tests wait on it before reading deliveries). */
	async idle(): Promise<void> {
		while (this.running.size > 0) await Promise.all([...this.running]);
	}

	clear(): void {
		this.pending.clear();
		this.setting = { ...this.startMode };
	}

	private async runAuto(messageId: string, stepMs: number): Promise<void> {
		// After the send's answer has gone out, as Sinch reports only what it has accepted.
		await new Promise((resolve) => setTimeout(resolve, stepMs));
		while (this.pending.has(messageId)) {
			await this.sendNext(messageId);
			if (stepMs > 0 && this.pending.has(messageId))
				await new Promise((resolve) => setTimeout(resolve, stepMs));
		}
	}

	private async sendNext(messageId: string): Promise<Delivery[]> {
		const entry = this.pending.get(messageId);
		const body = entry?.bodies.shift();
		const target = entry?.targets.shift();
		if (!entry || !body || !target) return [];
		if (entry.bodies.length === 0) this.pending.delete(messageId);
		this.onMove(messageId, target);
		const { message_delivery_report: report, ...envelope } = body;
		return await this.sendReport({
			appId: entry.appId,
			report: report as JsonObject,
			envelope,
			callbackUrl: entry.callbackUrl,
		});
	}

	private track(work: Promise<unknown>): void {
		const tracked = work.catch((error: unknown) =>
			// eslint-disable-next-line no-console -- the emulator's own log of a failure it cannot answer with
			console.error('sinch emulator: delivery report failed', error),
		);
		this.running.add(tracked);
		void tracked.finally(() => this.running.delete(tracked));
	}
}

function statusOf(body: JsonObject): unknown {
	return (body.message_delivery_report as JsonObject).status;
}

/** The callback body's parts beyond the envelope: the report, the message's metadata and correlation ID. */
function reportBody(
	sent: StoredMessage,
	request: JsonObject,
	target: ChannelTarget,
	status: string,
	reason?: object,
): JsonObject {
	const message = sent.message;
	return {
		message_delivery_report: {
			message_id: message.id,
			conversation_id: message.conversation_id,
			status,
			channel_identity: { channel: target.channel, identity: target.identity, app_id: sent.appId },
			contact_id: message.contact_id,
			metadata: (request.message_metadata as string | undefined) ?? '',
			processing_mode: message.processing_mode,
			...(reason === undefined ? {} : { reason: reason as JsonObject }),
		},
		message_metadata: (request.message_metadata as string | undefined) ?? '',
		...(typeof request.correlation_id === 'string'
			? { correlation_id: request.correlation_id }
			: {}),
	};
}
