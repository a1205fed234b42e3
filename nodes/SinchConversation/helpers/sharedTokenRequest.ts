import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper } from 'n8n-workflow';

import { tokenKeyFingerprint, tokenUrl } from '../transport/hosts';

type TokenRequest = (
	this: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
) => Promise<IDataObject>;

interface Flight {
	answer: Promise<IDataObject>;
	settledAt?: number;
}

/** How long a new token is handed to late callers that still hold the expired token it replaced. */
const REUSE_MS = 10_000;

/** Token requests of this n8n process, by key and by the token they replace. */
const flights = new Map<string, Flight>();

/** Node runs waiting for the token of the credential object they share (see tokenArrival). */
const arrivals = new WeakMap<object, () => void>();

/**
 * Resolves when a token for this credential object has been fetched and written into it. A node run hands n8n one
 * credential object for all its requests, so the run's other requests can go as soon as the token is there, without
 * waiting for the answer to the request that asked for it.
 */
export async function tokenArrival(credentials: object): Promise<void> {
	await new Promise<void>((resolve) => arrivals.set(credentials, resolve));
}

/**
 * n8n asks the credential for a token in every execution that finds the stored token empty, or gets a 401 with it.
 * The token is stored in the credential, so executions started later read the new one, but executions that run side
 * by side in one process (a queue-mode worker's concurrency) all see the same expired token and would each fetch
 * one. Wrapped with this, they share one token request: callers that hold the same (empty or expired) token for the
 * same key get the same answer; those holding the same expired token also a little after it came (their 401 may
 * arrive after the refresh). A first token (none stored yet) is shared only while it is being fetched, and a failed
 * request is not kept.
 */
export function shareTokenRequests(request: TokenRequest): TokenRequest {
	return async function (this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		if (credentials.authentication === 'basic') return await request.call(this, credentials);
		const now = Date.now();
		for (const [key, flight] of flights) {
			if (flight.settledAt !== undefined && now - flight.settledAt > REUSE_MS) flights.delete(key);
		}
		const key = [
			credentials.keyId,
			tokenUrl(credentials),
			tokenKeyFingerprint(credentials),
			credentials.accessToken,
		]
			.map((part) => String(part ?? ''))
			.join('\n');
		const replacing = credentials.accessToken;
		let flight = flights.get(key);
		if (!flight) {
			const started: Flight = { answer: request.call(this, credentials) };
			flights.set(key, started);
			const forget = () => flights.delete(key);
			started.answer.then(() => (replacing ? (started.settledAt = Date.now()) : forget()), forget);
			flight = started;
		}
		const answer = await flight.answer;
		// n8n writes the token into this object too, but only after saving it; the run's waiting requests need it now.
		Object.assign(credentials, answer);
		arrivals.get(credentials)?.();
		return { ...answer };
	};
}
