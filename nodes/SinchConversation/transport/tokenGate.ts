/**
 * The first request of a node run goes alone, so it is the one that gets the run's access token, and a key Sinch
 * refuses fails the run's other requests without sending them. Refreshes after an expiry need nothing here: the
 * credential shares one token request among the requests of this process that hold the same expired token.
 */
interface Gate {
	first: Promise<unknown>;
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

/** `send()` sends once; n8n fetches a token when none is stored, and a new one on a 401, then repeats once. */
export async function sendSharingToken<T>(
	run: object,
	send: () => Promise<T>,
	refused: (error: unknown) => boolean,
): Promise<Settled<T>> {
	const gate = gates.get(run);
	let outcome: Settled<T>;
	if (gate) {
		await gate.first;
		if (gate.refused !== undefined) return { ok: false, error: gate.refused };
		outcome = await settle(send());
	} else {
		const first = settle(send());
		gates.set(run, { first });
		outcome = await first;
	}
	if (!outcome.ok && refused(outcome.error)) gates.get(run)!.refused = outcome.error;
	return outcome;
}
