import { sleep } from 'n8n-workflow';

/**
 * Keeps requests per key (an app's outbound message limit) under N a second, for every execution of this n8n process:
 * two workflows sending through the same app at once share its rate instead of each taking all of it.
 *
 * A limit counted over any sliding second (as the emulator counts; Sinch does not say how it does) is met by a
 * schedule alone only if every request reaches Sinch exactly when planned. It does not: the process or the network
 * stalls now and then, holding one request back while the ones a second later arrive on time, and Sinch then sees
 * N + 1 within a second. So two rules:
 *   - even spacing, 1/N apart, so nothing goes in bursts;
 *   - a request leaves only a second after Sinch took the N-th last one. When Sinch took a request is not known, but
 *     it was before its answer came back, less the fastest round trip seen (the way back is never faster than that):
 *     a stalled request counts from its late answer, so the ones after it wait for it.
 * Callers of one key take turns; a 429's retry takes a turn as well.
 */
export interface Sent {
	/** When the request left (ms since the epoch). */
	left: number;
	/** When its answer (or failure) came back; undefined while in flight. */
	answered?: number;
}

export interface Lane {
	/** The slot of the last request that left; the next is 1/N after it. */
	slot: number;
	/** The last N requests, oldest first. */
	sent: Sent[];
	/** The fastest round trip seen on this lane (ms). */
	fastest: number;
	/** Settles once the latest caller has left (or given up). */
	turn: Promise<void>;
	/** Callers waiting for their turn or their time. */
	waiting: number;
}

export const WINDOW_MS = 1000;
/** Added to the second: Sinch's own time between taking a request and answering it, which no round trip shows. */
export const WINDOW_MARGIN_MS = 20;
/** A request still unanswered this long after it left no longer holds the lane back (Sinch took it by then). */
export const IN_FLIGHT_MS = 2 * WINDOW_MS;
/** How often a caller held back by a request in flight looks again. */
const POLL_MS = 10;

/** Lanes idle this long are forgotten, so a long-running process does not keep one per app it ever used. */
const IDLE_MS = 60_000;

const lanes = new Map<string, Lane>();

export const newLane = (): Lane => ({
	slot: -Infinity,
	sent: [],
	fastest: Infinity,
	turn: Promise.resolve(),
	waiting: 0,
});

const limitOf = (perSecond: number) => Math.max(1, Math.floor(perSecond));

/** Milliseconds the lane's next request must still wait at `now`: 0 when it may leave. */
export function waitFor(lane: Lane, perSecond: number, now: number): number {
	const interval = WINDOW_MS / perSecond;
	const last = lane.sent[lane.sent.length - 1]?.left ?? -Infinity;
	// Behind the schedule (a late timer, a stall), the next ones catch up, but never closer than half an interval.
	let due = Math.max(lane.slot + interval, last + interval / 2);
	const limit = limitOf(perSecond);
	if (lane.sent.length >= limit) {
		const { left, answered } = lane.sent[lane.sent.length - limit];
		if (answered !== undefined)
			due = Math.max(due, answered - lane.fastest + WINDOW_MS + WINDOW_MARGIN_MS);
		else if (now < left + IN_FLIGHT_MS) due = Math.max(due, now + POLL_MS);
	}
	return Math.max(0, due - now);
}

/**
 * Records a request leaving at `now`; the caller says when its answer came back. Late requests keep the schedule, so
 * a long run does not drift behind it by the sum of every late timer; a lane idle for a second starts a new schedule
 * from now, with nothing owed.
 */
export function leave(lane: Lane, perSecond: number, now: number): Sent {
	const planned = lane.slot + WINDOW_MS / perSecond;
	lane.slot = now - planned < WINDOW_MS ? Math.max(planned, now - WINDOW_MS / 2) : now;
	const sent: Sent = { left: now };
	lane.sent.push(sent);
	const limit = limitOf(perSecond);
	if (lane.sent.length > limit) lane.sent.splice(0, lane.sent.length - limit);
	return sent;
}

export function answered(lane: Lane, sent: Sent, now: number): void {
	if (sent.answered !== undefined) return;
	sent.answered = now;
	lane.fastest = Math.min(lane.fastest, now - sent.left);
}

function laneOf(key: string, now: number): Lane {
	for (const [other, lane] of lanes) {
		const last = lane.sent[lane.sent.length - 1];
		if (lane.waiting === 0 && (last?.answered ?? last?.left ?? 0) < now - IDLE_MS)
			lanes.delete(other);
	}
	let lane = lanes.get(key);
	if (!lane) {
		lane = newLane();
		lanes.set(key, lane);
	}
	return lane;
}

async function takeTurn(lane: Lane, perSecond: number, signal?: AbortSignal): Promise<Sent> {
	for (;;) {
		const now = Date.now();
		const wait = waitFor(lane, perSecond, now);
		if (wait === 0) return leave(lane, perSecond, now);
		await sleep(wait, signal);
	}
}

/**
 * Waits until a request for `key` may leave at `perSecond` (at once while the rate leaves room), and gives back the
 * function to call when its answer or failure has come back.
 */
export async function pace(
	key: string,
	perSecond: number,
	signal?: AbortSignal,
): Promise<() => void> {
	if (!(perSecond > 0) || !Number.isFinite(perSecond)) return () => {};
	const lane = laneOf(key, Date.now());
	lane.waiting++;
	const mine = lane.turn.then(async () => await takeTurn(lane, perSecond, signal));
	lane.turn = mine.then(
		() => undefined,
		() => undefined,
	);
	try {
		const sent = await mine;
		return () => answered(lane, sent, Date.now());
	} finally {
		lane.waiting--;
	}
}

/** Forgets every lane (tests). */
export function resetPacing(): void {
	lanes.clear();
}
