import {
	TARGET_MAX_LENGTH,
	WEBHOOKS_PER_APP,
} from '../../nodes/SinchConversation/helpers/webhookRules';

export { TARGET_MAX_LENGTH, WEBHOOKS_PER_APP };

/** Trigger values the spec lists but Sinch refuses in a webhook: the enum's "unset" value. */
export const REFUSED_TRIGGERS = ['UNSPECIFIED_TRIGGER'];

/** Sinch refuses targets on its own Conversation API hosts, so a webhook cannot call the API itself. */
const SINCH_API_HOST = /^conversation-api(\.[a-z0-9-]+)*\.sinch\.com$/i;

/** What Sinch states in prose about a target URL (the schema carries the length); problems as messages. */
export function targetIssues(target: string): string[] {
	if (target.length > TARGET_MAX_LENGTH) return [`target: at most ${TARGET_MAX_LENGTH} characters`];
	let url: URL;
	try {
		url = new URL(target);
	} catch {
		return ['target: not a valid URL'];
	}
	const issues: string[] = [];
	if (url.protocol !== 'http:' && url.protocol !== 'https:')
		issues.push('target: must be an http or https URL');
	if (url.username !== '' || url.password !== '')
		issues.push('target: must not contain user information (user:password@)');
	if (SINCH_API_HOST.test(url.hostname))
		issues.push('target: conversation-api.*.sinch.com hosts are not allowed');
	return issues;
}

export function triggerIssues(triggers: readonly unknown[]): string[] {
	return triggers
		.map((trigger, i) =>
			REFUSED_TRIGGERS.includes(String(trigger))
				? `triggers[${i}]: ${String(trigger)} is not allowed`
				: '',
		)
		.filter((issue) => issue !== '');
}
