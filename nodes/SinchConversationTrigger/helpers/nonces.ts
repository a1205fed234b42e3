/**
 * Nonces of verified callbacks, kept until their timestamp leaves the window (an older callback is refused by its
 * timestamp anyway). In memory, per n8n process: see the README for what that guarantees with several processes.
 */
export class NonceStore {
	private readonly seen = new Map<string, number>();

	constructor(private readonly maxEntries = 100_000) {}

	/** Adds the key and returns true, or returns false when it is already there and not yet expired. */
	remember(key: string, expiresAt: number, now = Date.now()): boolean {
		this.prune(now);
		const known = this.seen.get(key);
		if (known !== undefined && known > now) return false;
		this.seen.set(key, expiresAt);
		// A flood of valid callbacks (only Sinch can sign them) must not grow memory without end: the oldest go first.
		while (this.seen.size > this.maxEntries) {
			const oldest = this.seen.keys().next().value as string;
			this.seen.delete(oldest);
		}
		return true;
	}

	get size(): number {
		return this.seen.size;
	}

	clear(): void {
		this.seen.clear();
	}

	/** Entries arrive roughly in expiry order, so expired ones are at the front; a late straggler is checked on lookup. */
	private prune(now: number): void {
		for (const [key, expiresAt] of this.seen) {
			if (expiresAt > now) return;
			this.seen.delete(key);
		}
	}
}

/** The store of this n8n process, shared by every Sinch Conversation Trigger in it. */
export const processNonces = new NonceStore();
