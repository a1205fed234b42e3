/** How often a request answered 429 is sent in all, and the longest wait the node accepts between two tries. */
export const RATE_LIMIT_TRIES = 4;
const MAX_WAIT_MS = 60_000;
const FIRST_BACKOFF_MS = 500;

/** Retry-After in milliseconds: seconds, or an HTTP date. */
export function retryAfterMs(value: string, now = Date.now()): number | undefined {
	if (value.trim() === '') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Whether to send again after the `attempt`-th 429, and after how long: Sinch's Retry-After when it gives one, else a
 * doubling backoff. Gives up after RATE_LIMIT_TRIES, or when Sinch asks for a longer wait than a run should sit idle.
 */
export function retryWait(
	attempt: number,
	retryAfter: string,
): { retry: boolean; ms: number; asked: boolean } {
	const asked = retryAfterMs(retryAfter);
	const ms = asked ?? FIRST_BACKOFF_MS * 2 ** (attempt - 1);
	return { retry: attempt < RATE_LIMIT_TRIES && ms <= MAX_WAIT_MS, ms, asked: asked !== undefined };
}

export function waitText(ms: number): string {
	const seconds = Math.ceil(ms / 1000);
	return seconds === 1 ? '1 second' : `${seconds} seconds`;
}
