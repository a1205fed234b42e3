import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { tokenArrival } from '../helpers/sharedTokenRequest';
import { apiBaseUrl, tokenKeyFingerprint } from './hosts';

/**
 * How the requests of one node run start. They share one credential object (read once per run), into which the
 * credential writes the token it fetched. While the run cannot know that its key works, its first request goes ahead
 * and the others wait: with OAuth2 only until that request's token has arrived (the token request, not a whole
 * create, is what they wait for), with Basic until its answer. A key Sinch refuses then fails the run's other requests
 * without sending them. The run knows its key works when it holds a token fetched for this key that is not about
 * to expire (OAuth2), or when Sinch accepted this key earlier in this n8n process (Basic); then nothing waits. Refreshes after an expiry need nothing here:
 * the credential shares one token request among the requests that hold the same expired token.
 */
interface Gate {
	open: Promise<unknown>;
	/** A 401 that a fresh token did not cure, or a failed token request: every request of the run would get it. */
	refused?: unknown;
}

const gates = new WeakMap<object, Gate>();

/** Basic keys Sinch accepted in this process, by a fingerprint of the key (never the key) and the API host. */
const acceptedKeys = new Set<string>();
const ACCEPTED_KEYS_KEPT = 1000;

const keyName = (credentials: ICredentialDataDecryptedObject) =>
	`${tokenKeyFingerprint(credentials)} ${apiBaseUrl(credentials)}`;

/** A stored token this close to its expiry may expire while the run's requests are in flight. */
const EXPIRY_MARGIN_MS = 60_000;

/**
 * OAuth2: a token fetched for this key that is not about to expire (else every request in flight would meet a 401;
 * a token stored without its expiry counts as unknown). Basic: a key Sinch accepted earlier in this process.
 */
function keyKnownToWork(credentials: ICredentialDataDecryptedObject): boolean {
	if (credentials.authentication === 'basic') return acceptedKeys.has(keyName(credentials));
	return (
		typeof credentials.accessToken === 'string' &&
		credentials.accessToken !== '' &&
		credentials.accessTokenKey === tokenKeyFingerprint(credentials) &&
		Number(credentials.accessTokenExpires || 0) > Date.now() + EXPIRY_MARGIN_MS
	);
}

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export const settle = async <T>(promise: Promise<T>): Promise<Settled<T>> =>
	await promise.then(
		(value) => ({ ok: true as const, value }),
		(error: unknown) => ({ ok: false as const, error }),
	);

/**
 * Whether a request sent now would be the run's first while its key is not known to work: then it goes ahead of the
 * others (see sendThroughGate). A run sends something early (see startEarly) only when this holds.
 */
export function wouldGoFirst(run: object, credentials: ICredentialDataDecryptedObject): boolean {
	return !gates.has(run) && !keyKnownToWork(credentials);
}

/** `send()` sends once; n8n fetches a token when none is stored, and a new one on a 401, then repeats once. */
export async function sendThroughGate<T>(
	run: object,
	credentials: ICredentialDataDecryptedObject,
	send: () => Promise<T>,
	refused: (error: unknown) => boolean,
): Promise<Settled<T>> {
	let gate = gates.get(run);
	let outcome: Settled<T>;
	if (gate) {
		await gate.open;
		if (gate.refused !== undefined) return { ok: false, error: gate.refused };
		outcome = await settle(send());
	} else if (keyKnownToWork(credentials)) {
		gates.set(run, (gate = { open: Promise.resolve() }));
		outcome = await settle(send());
	} else {
		// Asked for before sending: the token may arrive before send() hands back control.
		const token = credentials.authentication === 'basic' ? undefined : tokenArrival(credentials);
		const first = settle(send());
		gates.set(run, (gate = { open: token ? Promise.race([first, token]) : first }));
		outcome = await first;
	}
	if (outcome.ok) {
		if (credentials.authentication !== 'basic') return outcome;
		if (acceptedKeys.size >= ACCEPTED_KEYS_KEPT) acceptedKeys.clear();
		acceptedKeys.add(keyName(credentials));
	} else if (refused(outcome.error)) {
		gate.refused = outcome.error;
		acceptedKeys.delete(keyName(credentials));
	}
	return outcome;
}
