import { AppStore } from './apps';
import type { ChannelStates } from './channel-states';
import type { JsonObject } from './types';

/** The root store's name in a saved state. */
const ROOT = '';
import type { RateLimits } from './rate-limits';

/**
 * Sinch's regions are separate hosts with separate apps. The emulator serves each configured region under a path
 * prefix (`/eu/v1/...`), each with its own store; paths without a configured prefix use the root store, as before
 * regions existed (so `/eu/v1/...` stays a 404 when eu is not configured).
 */
export class RegionStores {
	readonly root: AppStore;
	private readonly byRegion = new Map<string, AppStore>();

	constructor(regions: readonly string[], states: ChannelStates, rateLimits: RateLimits) {
		this.root = new AppStore(states, rateLimits);
		for (const region of regions)
			this.byRegion.set(region.toLowerCase(), new AppStore(states, rateLimits));
	}

	get names(): string[] {
		return [...this.byRegion.keys()];
	}

	store(region: string): AppStore | undefined {
		return this.byRegion.get(region.toLowerCase());
	}

	/** The store a request path is for, and the path without its region prefix. */
	route(path: string): { region?: string; store: AppStore; path: string } {
		const match = /^\/([^/]+)(\/v[12]\/.*)$/.exec(path);
		const store = match ? this.byRegion.get(match[1]) : undefined;
		return match && store
			? { region: match[1], store, path: match[2] }
			: { store: this.root, path };
	}

	/** The store of any region that holds the app, for what is not routed by path (callback delivery). */
	find(appId: string): AppStore | undefined {
		return [this.root, ...this.byRegion.values()].find((store) => store.get(appId) !== undefined);
	}

	/** Each store's saved apps, the root's under ''. */
	saved(): Record<string, Array<[string, JsonObject]>> {
		const saved: Record<string, Array<[string, JsonObject]>> = { [ROOT]: this.root.saved() };
		for (const [region, store] of this.byRegion) saved[region] = store.saved();
		return saved;
	}

	/** Loads saved apps into the stores of the same names; a region this emulator does not serve is left out. */
	load(saved: Readonly<Record<string, ReadonlyArray<[string, JsonObject]>>>): void {
		for (const [name, apps] of Object.entries(saved)) {
			const store = name === ROOT ? this.root : this.byRegion.get(name);
			store?.load(apps);
		}
	}

	clear(): void {
		this.root.clear();
		for (const store of this.byRegion.values()) store.clear();
	}
}
