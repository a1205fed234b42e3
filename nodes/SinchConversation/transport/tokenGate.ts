/**
 * One access token per node run, however many requests are in flight. n8n asks the credential for a token whenever
 * the stored one is empty, and again after a 401, in every request that sees it: ten concurrent requests would fetch
 * ten tokens. So a request that may lead to a token request (the first of the run, the first after an expiry) goes
 * alone; the others wait for it and then use the token it stored.
 */
interface Gate {
	/** A request of this run was answered with the stored token, so it is good. */
	known: boolean;
	/** Counts the 401s acted on, so a 401 to a request sent with an older token does not fetch another. */
	generation: number;
	/** The request allowed to fetch or refresh the token, while it runs. */
	leader?: Promise<unknown>;
	/** A 401 that a fresh token did not cure, or a failed token request: every request of the run would get it. */
	refused?: unknown;
}

const gates = new WeakMap<object, Gate>();

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export const settle = async <T>(promise: Promise<T>): Promise<Settled<T>> =>
	await promise.then(
		(value) => ({ ok: true as const, value }),
		(error: unknown) => ({ ok: false as const, error }),
	);

/** `send(refreshOn401)` sends once; with `true`, n8n fetches a new token on a 401 and repeats the request once. */
export async function sendSharingToken<T>(
	run: object,
	send: (refreshOn401: boolean) => Promise<T>,
	how: { statusOf: (error: unknown) => number | undefined; refused: (error: unknown) => boolean },
): Promise<Settled<T>> {
	const { statusOf, refused } = how;
	let gate = gates.get(run);
	if (!gate) {
		gate = { known: false, generation: 0 };
		gates.set(run, gate);
	}
	for (let pass = 0; ; pass++) {
		while (gate.leader) await gate.leader;
		if (gate.refused !== undefined) return { ok: false, error: gate.refused };
		if (!gate.known || pass > 1) {
			const attempt = settle(send(true));
			gate.leader = attempt;
			const outcome = await attempt;
			gate.leader = undefined;
			const status = outcome.ok ? 200 : statusOf(outcome.error);
			if (!outcome.ok && refused(outcome.error)) gate.refused = outcome.error;
			// Any other answer came with the token, so it is good; without an answer, the next request leads.
			else if (status !== undefined) gate.known = true;
			return outcome;
		}
		const generation = gate.generation;
		const outcome = await settle(send(false));
		if (outcome.ok || statusOf(outcome.error) !== 401) return outcome;
		// The token expired mid-run. The first request to see it refreshes; later ones just repeat.
		if (gate.generation === generation) {
			gate.generation++;
			gate.known = false;
		}
	}
}
