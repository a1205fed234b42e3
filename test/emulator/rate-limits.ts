/** Sinch's default for each of an app's rate limits: messages a second. */
export const DEFAULT_RATE_LIMIT = 25;

const WINDOW_MS = 1000;

export type Admission = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Each app's `rate_limits.outbound`, enforced on message sends. Sinch does not document its algorithm; the emulator
 * admits at most `outbound` sends in any sliding second, so a client that spreads its sends evenly never meets a 429
 * and one that bursts does.
 */
export class RateLimits {
	private defaultOutbound = DEFAULT_RATE_LIMIT;
	private readonly outboundByApp = new Map<string, number>();
	private readonly recent = new Map<string, number[]>();

	outboundOf(appId: string): number {
		return this.outboundByApp.get(appId) ?? this.defaultOutbound;
	}

	/** Sets one app's limit, or (without an app) the limit of every app that has none of its own. */
	setOutbound(outbound: number, appId?: string): void {
		if (appId === undefined) this.defaultOutbound = outbound;
		else this.outboundByApp.set(appId, outbound);
	}

	/** Counts a send when the app is under its limit; otherwise says when to come back (whole seconds, at least 1). */
	admit(appId: string, now = Date.now()): Admission {
		const times = (this.recent.get(appId) ?? []).filter((time) => time > now - WINDOW_MS);
		this.recent.set(appId, times);
		if (times.length < this.outboundOf(appId)) {
			times.push(now);
			return { ok: true };
		}
		const freeAt = times[times.length - this.outboundOf(appId)] + WINDOW_MS;
		return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now) / 1000)) };
	}

	forget(appId: string): void {
		this.outboundByApp.delete(appId);
		this.recent.delete(appId);
	}

	clear(): void {
		this.defaultOutbound = DEFAULT_RATE_LIMIT;
		this.outboundByApp.clear();
		this.recent.clear();
	}
}
