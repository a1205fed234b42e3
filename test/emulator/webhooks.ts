import { copyPath } from './apps';
import { ulid } from './ulid';
import { WEBHOOKS_PER_APP } from './webhook-rules';
import type { JsonObject, Webhook } from './types';

/** Sinch's default when `target_type` is not sent: DISMISS, which delivers nothing. */
const DEFAULT_TARGET_TYPE = 'DISMISS';

export type WebhookChange =
	| { ok: true; webhook: Webhook }
	| { ok: false; status: number; message: string };

/** Webhooks of the emulator's one project, in creation order, with Sinch's per-app rules. */
export class WebhookStore {
	private readonly stored = new Map<string, JsonObject>();

	/** `fields` must have passed validation and carry an existing app's `app_id`. */
	create(fields: JsonObject): WebhookChange {
		const appId = fields.app_id as string;
		const siblings = this.listForApp(appId);
		if (siblings.length >= WEBHOOKS_PER_APP) {
			return refused(`App ${appId} already has ${WEBHOOKS_PER_APP} webhooks, the maximum`);
		}
		const clash = siblings.find((webhook) => webhook.target === fields.target);
		if (clash)
			return refused(
				`App ${appId} already has a webhook with target ${String(fields.target)} (${clash.id})`,
			);
		const id = ulid();
		this.stored.set(id, structuredClone(fields));
		return { ok: true, webhook: this.get(id) as Webhook };
	}

	get(id: string): Webhook | undefined {
		const fields = this.stored.get(id);
		return fields && present(id, fields);
	}

	list(): Webhook[] {
		return [...this.stored.keys()].map((id) => this.get(id) as Webhook);
	}

	listForApp(appId: string): Webhook[] {
		return this.list().filter((webhook) => webhook.app_id === appId);
	}

	/**
	 * Named fields (nested paths too, e.g. client_credentials.scope) replace the stored ones (all fields sent when there is no mask); a masked field absent
	 * from the body is cleared. Moving a webhook to another app is refused, as is a target another webhook of the app has.
	 */
	update(
		id: string,
		changes: JsonObject,
		mask: readonly string[] | undefined,
	): WebhookChange | undefined {
		const current = this.stored.get(id);
		if (!current) return undefined;
		const next = structuredClone(current);
		for (const field of mask ?? Object.keys(changes)) copyPath(changes, next, field.split('.'));
		if (next.app_id !== current.app_id)
			return refused('app_id: a webhook cannot move to another app');
		if (typeof next.target !== 'string' || next.target === '')
			return refused('target: required field is missing');
		const clash = this.listForApp(current.app_id as string).find(
			(other) => other.id !== id && other.target === next.target,
		);
		if (clash)
			return refused(
				`App ${String(current.app_id)} already has a webhook with target ${next.target} (${clash.id})`,
			);
		this.stored.set(id, next);
		return { ok: true, webhook: this.get(id) as Webhook };
	}

	delete(id: string): boolean {
		return this.stored.delete(id);
	}

	deleteForApp(appId: string): void {
		for (const [id, fields] of this.stored) if (fields.app_id === appId) this.stored.delete(id);
	}

	clear(): void {
		this.stored.clear();
	}

	/** The stored webhooks, per ID in creation order, for Emulator.state(). */
	saved(): Array<[string, JsonObject]> {
		return [...this.stored].map(([id, fields]) => [id, structuredClone(fields)]);
	}

	load(saved: ReadonlyArray<[string, JsonObject]>): void {
		this.stored.clear();
		for (const [id, fields] of saved) this.stored.set(id, structuredClone(fields));
	}
}

function refused(message: string): WebhookChange {
	return { ok: false, status: 400, message };
}

function present(id: string, fields: JsonObject): Webhook {
	const webhook: Webhook = {
		id,
		app_id: fields.app_id as string,
		target: fields.target as string,
		target_type: (fields.target_type as Webhook['target_type'] | undefined) ?? DEFAULT_TARGET_TYPE,
		secret: (fields.secret as string | undefined) ?? '',
		triggers: (fields.triggers as string[] | undefined) ?? [],
	};
	if (fields.client_credentials !== undefined) {
		webhook.client_credentials =
			fields.client_credentials as unknown as Webhook['client_credentials'];
	}
	return structuredClone(webhook);
}
