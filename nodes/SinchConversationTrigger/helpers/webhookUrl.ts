/**
 * Why Sinch could not call this URL, or undefined when it looks public. Sinch calls from the internet: a loopback or
 * private host, or plain http, means n8n does not know its public address (set WEBHOOK_URL) or is not public.
 */
export function unreachableReason(url: string): string | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return 'it is not a valid URL';
	}
	const host = parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase();
	if (host === 'localhost' || host.endsWith('.localhost'))
		return `its host ${host} is this machine only`;
	if (/^127\./.test(host) || host === '::1' || host === '0.0.0.0')
		return `its host ${host} is this machine only`;
	if (
		/^10\./.test(host) ||
		/^192\.168\./.test(host) ||
		/^172\.(1[6-9]|2\d|3[01])\./.test(host) ||
		/^169\.254\./.test(host)
	) {
		return `its host ${host} is a private network address`;
	}
	if (parsed.protocol !== 'https:') return 'it is plain http, not https';
	return undefined;
}

/** The advice for an unreachable production URL. */
export function webhookUrlWarning(url: string, reason: string): string {
	return `Sinch may not be able to call this workflow: its webhook URL ${url} cannot be reached from the internet (${reason}). If n8n runs behind a reverse proxy or tunnel, set the WEBHOOK_URL environment variable to its public https address and restart n8n; the webhook is then registered with that address.`;
}
