/**
 * Work that reads what exists at Sinch and then changes it (list an app's webhooks, then create one) must not
 * interleave with the same work on the same thing: two items would both see room for one more webhook, or both see
 * a target as free, and Sinch would refuse the second with a terse 400 after it was sent. `inTurn` runs such tasks
 * one after the other per key, for every run and trigger activation of this n8n process; other keys are not held up.
 */
const tails = new Map<string, Promise<unknown>>();

export async function inTurn<T>(key: string, task: () => Promise<T>): Promise<T> {
	const before = tails.get(key) ?? Promise.resolve();
	const mine = before.then(task);
	// A task that fails must not block the next one: only its end matters to those waiting.
	const tail = mine.then(
		() => undefined,
		() => undefined,
	);
	tails.set(key, tail);
	try {
		return await mine;
	} finally {
		// The last in line removes the key, so the map holds only keys with work in progress.
		if (tails.get(key) === tail) tails.delete(key);
	}
}
