import { sleep } from 'n8n-workflow';

/**
 * Spaces requests evenly at a rate per key (an app's outbound message limit), shared by every execution of this n8n
 * process: two workflows sending through the same app at once share its rate instead of each taking all of it.
 * Each call books the next free slot and waits for it; nothing is sent in bursts, so a limit counted over any
 * sliding second is never met by this process alone.
 */
interface Lane {
	/** When the next slot is free (ms since the epoch). */
	next: number;
}

const lanes = new Map<string, Lane>();

/** A little under the limit: two requests sent 1/rate apart can arrive closer together than that. */
export const PACE_MARGIN = 1.03;

/** Lanes idle this long are forgotten, so a long-running process does not keep one per app it ever used. */
const IDLE_MS = 60_000;

/** Milliseconds until this call's slot, booking it. Exposed for tests; `pace` waits for it. */
export function bookSlot(key: string, perSecond: number, now = Date.now()): number {
	const interval = (1000 / perSecond) * PACE_MARGIN;
	for (const [other, lane] of lanes) if (lane.next < now - IDLE_MS) lanes.delete(other);
	const lane = lanes.get(key) ?? { next: now };
	const slot = Math.max(now, lane.next);
	lane.next = slot + interval;
	lanes.set(key, lane);
	return slot - now;
}

/** Waits for this request's slot at `perSecond` for `key`; returns at once while the rate leaves room. */
export async function pace(key: string, perSecond: number, signal?: AbortSignal): Promise<void> {
	if (!(perSecond > 0) || !Number.isFinite(perSecond)) return;
	const wait = bookSlot(key, perSecond);
	if (wait > 0) await sleep(wait, signal);
}

/** Forgets every lane (tests). */
export function resetPacing(): void {
	lanes.clear();
}
