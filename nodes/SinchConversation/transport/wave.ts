/**
 * How many of a run's items may be in flight at once. A run starts with its whole wave (Max Concurrent Requests, up to
 * 100) while nothing says the project is rate limited; each 429 Sinch answers halves it for the rest of the run, so a
 * project at its limit gets fewer requests to refuse while the refused ones wait and are sent again.
 */
const waves = new WeakMap<object, { limit: number }>();

/** Starts the run's wave at `size` items in flight. */
export function startWave(run: object, size: number): void {
	waves.set(run, { limit: size });
}

/** How many items may be in flight now. */
export function waveLimit(run: object): number {
	return waves.get(run)?.limit ?? 1;
}

/** A request of the run was answered 429. */
export function noteRateLimit(run: object): void {
	const wave = waves.get(run);
	if (wave) wave.limit = Math.max(1, Math.floor(wave.limit / 2));
}
