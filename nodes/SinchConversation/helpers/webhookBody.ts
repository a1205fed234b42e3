import type { IDataObject } from 'n8n-workflow';

import {
	SCOPE_MAX_LENGTH,
	SINCH_API_HOST_PATTERNS,
	TARGET_MAX_LENGTH,
	TARGET_TYPES,
	TOKEN_REQUEST_TYPES,
	TRIGGER_VALUES,
	WEBHOOKS_PER_APP,
} from './webhookRules';
import { kindOf, notTextProblem } from './text';

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const TARGET_EXAMPLE = 'https://example.com/sinch-events';

/** Problems of a URL Sinch is to call (the target, or the OAuth2 token endpoint), named by `label`. */
export function urlProblems(
	label: string,
	value: unknown,
	{ maxLength, example = TARGET_EXAMPLE }: { maxLength?: number; example?: string } = {},
): string[] {
	const notText = notTextProblem(label, value);
	if (notText) return [notText];
	if (typeof value !== 'string' || value.trim() === '')
		return [`${label} is empty. Give the full URL Sinch should call, e.g. ${example}.`];
	const url = value.trim();
	if (maxLength !== undefined && url.length > maxLength) {
		return [
			`${label} has ${url.length} characters; Sinch accepts at most ${maxLength}. Use a shorter URL.`,
		];
	}
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return [
			`${label} "${url}" is not a URL. Give the full address with http:// or https://, e.g. ${example}.`,
		];
	}
	const problems: string[] = [];
	if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
		problems.push(`${label} must start with https:// or http://, not ${parsed.protocol}//.`);
	}
	if (parsed.username !== '' || parsed.password !== '') {
		problems.push(
			`${label} contains a user name or password (user:password@); Sinch refuses such URLs. Remove them, and use a Secret or Client Credentials to protect the endpoint.`,
		);
	}
	// A trailing dot names the same host in DNS ("api.sinch.com." is "api.sinch.com").
	const host = parsed.hostname.replace(/\.+$/, '');
	if (SINCH_API_HOST_PATTERNS.some((pattern) => pattern.test(host))) {
		problems.push(
			`${label} points at Sinch's Conversation API (${parsed.hostname}); Sinch refuses it. Use the URL of your own receiver, e.g. an n8n Webhook node's Production URL.`,
		);
	}
	return problems;
}

/**
 * Triggers from the multi-select, or from an expression as a list or as comma-separated text; trimmed, upper-cased
 * and without repeats, in the order given.
 */
export function normaliseTriggers(value: unknown): string[] {
	const list = Array.isArray(value)
		? value
		: typeof value === 'string'
			? value.split(',')
			: value === undefined || value === null
				? []
				: [value];
	const names = list
		.map((entry) => String(entry).trim().toUpperCase())
		.filter((entry) => entry !== '');
	return [...new Set(names)];
}

export function triggerProblems(triggers: string[], { allowEmpty = false } = {}): string[] {
	const problems: string[] = [];
	const unknown = triggers.filter((trigger) => !TRIGGER_VALUES.includes(trigger));
	if (unknown.length > 0) {
		problems.push(
			`Triggers: ${unknown.map((name) => `"${name}"`).join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not a Sinch trigger. Use ${TRIGGER_VALUES.join(', ')}.`,
		);
	}
	if (triggers.length === 0 && !allowEmpty) {
		problems.push(
			'Triggers is empty: the webhook would receive nothing. Choose at least one trigger, e.g. MESSAGE_INBOUND for messages from contacts.',
		);
	}
	return problems;
}

/** Sinch's client_credentials object: the three required fields, the scope's length, the token request type. */
export function clientCredentialsProblems(credentials: IDataObject): string[] {
	const problems: string[] = [];
	for (const [field, label] of [
		['client_id', 'Client ID'],
		['client_secret', 'Client Secret'],
	] as const) {
		const notText = notTextProblem(`Client Credentials: ${label}`, credentials[field]);
		if (notText) problems.push(notText);
		else if (
			typeof credentials[field] !== 'string' ||
			(credentials[field] as string).trim() === ''
		) {
			problems.push(
				`Client Credentials: ${label} is empty. Sinch needs client ID, client secret and token endpoint together.`,
			);
		}
	}
	problems.push(
		...urlProblems('Client Credentials: Token Endpoint', credentials.endpoint, {
			example: 'https://auth.example.com/oauth2/token',
		}),
	);
	const scope = credentials.scope;
	const scopeNotText = notTextProblem('Client Credentials: Scope', scope);
	if (scopeNotText) problems.push(scopeNotText);
	else if (scope !== undefined && (typeof scope !== 'string' || scope.length > SCOPE_MAX_LENGTH)) {
		problems.push(`Client Credentials: Scope may have at most ${SCOPE_MAX_LENGTH} characters.`);
	}
	const type = credentials.token_request_type;
	if (type !== undefined && !TOKEN_REQUEST_TYPES.includes(type as string)) {
		problems.push(
			`Client Credentials: Token Request Type ${typeof type === 'string' ? `"${type}"` : `(${kindOf(type)})`} is not valid. Use ${TOKEN_REQUEST_TYPES.join(' or ')}.`,
		);
	}
	return problems;
}

/** Every problem of the webhook fields present in `body` (a create body, or the changed fields of an update). */
export function checkWebhookBody(body: IDataObject, { allowEmptyTriggers = false } = {}): string[] {
	const problems: string[] = [];
	if ('target' in body)
		problems.push(...urlProblems('Target URL', body.target, { maxLength: TARGET_MAX_LENGTH }));
	if ('triggers' in body)
		problems.push(
			...triggerProblems(body.triggers as string[], { allowEmpty: allowEmptyTriggers }),
		);
	if (body.target_type !== undefined && !TARGET_TYPES.includes(body.target_type as string)) {
		problems.push(
			`Target Type ${typeof body.target_type === 'string' ? `"${body.target_type}"` : `(${kindOf(body.target_type)})`} is not valid. Use ${TARGET_TYPES.join(' or ')}.`,
		);
	}
	if (body.secret !== undefined && typeof body.secret !== 'string')
		problems.push(notTextProblem('Secret', body.secret) ?? 'Secret must be text.');
	if (body.client_credentials !== undefined) {
		if (isObject(body.client_credentials))
			problems.push(...clientCredentialsProblems(body.client_credentials));
		else
			problems.push(
				'Client Credentials must be an object with client_id, client_secret and endpoint.',
			);
	}
	return problems;
}

/** How a webhook's current triggers change on update. */
export type TriggersChange =
	| { mode: 'keep' }
	| { mode: 'replace' | 'add' | 'remove'; triggers: string[] };

export function applyTriggersChange(current: string[], change: TriggersChange): string[] {
	switch (change.mode) {
		case 'keep':
			return current;
		case 'replace':
			return change.triggers;
		case 'add':
			return [...new Set([...current, ...change.triggers])];
		case 'remove':
			return current.filter((trigger) => !change.triggers.includes(trigger));
	}
}

/** A target URL as shown in a message: without its query, which may carry a token. */
export const shownTarget = (target: unknown) =>
	String(target ?? '').replace(/[?#].*$/, (rest) => (rest ? '?…' : ''));

/** One line per webhook, for messages that name an app's webhooks. */
export function describeWebhooks(webhooks: IDataObject[]): string {
	return webhooks
		.map((webhook) => `${String(webhook.id)} → ${shownTarget(webhook.target)}`)
		.join('; ');
}

/** Sinch allows one webhook per target URL and app: says which webhook has the target already. */
export const targetTakenMessage = (appId: string, target: unknown, holder: IDataObject) =>
	`App ${appId} already has a webhook for ${shownTarget(target)} (ID ${String(holder.id)}); Sinch allows one webhook per target URL and app`;

/** What Create must do given the app's current webhooks: create, update an existing one, or refuse (with why). */
export type CreatePlan =
	| { action: 'create' }
	| { action: 'update'; existing: IDataObject }
	| { action: 'refuse'; message: string; description: string };

export function planCreate(
	existing: IDataObject[],
	target: string,
	appId: string,
	onExisting: 'error' | 'update',
): CreatePlan {
	const same = existing.find((webhook) => webhook.target === target);
	if (same) {
		if (onExisting === 'update') return { action: 'update', existing: same };
		return {
			action: 'refuse',
			message: targetTakenMessage(appId, target, same),
			description:
				'Change that webhook with Webhook → Update, delete it first, or set Options → If Target Already Exists to "Update the Existing Webhook".',
		};
	}
	if (existing.length >= WEBHOOKS_PER_APP) {
		return {
			action: 'refuse',
			message: `App ${appId} already has ${existing.length} webhooks, Sinch's maximum of ${WEBHOOKS_PER_APP}: ${describeWebhooks(existing)}`,
			description:
				'Delete one of them (Webhook → Delete) or change one to the new target URL (Webhook → Update) instead.',
		};
	}
	return { action: 'create' };
}
