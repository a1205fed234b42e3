import type {
	DelayFault,
	DropFault,
	FailFault,
	FaultKind,
	FaultMatch,
	FaultRequest,
	HangFault,
	TruncateFault,
} from './types';

type Armed =
	| { kind: 'fail'; spec: FailFault; left: number }
	| { kind: 'delay'; spec: DelayFault; left: number }
	| { kind: 'drop'; spec: DropFault; left: number }
	| { kind: 'truncate'; spec: TruncateFault; left: number }
	| { kind: 'hang'; spec: HangFault; left: number };

export type TakenFault =
	| { kind: 'fail'; spec: FailFault }
	| { kind: 'drop'; spec: DropFault }
	| { kind: 'truncate'; spec: TruncateFault & { afterProcessing: true } }
	| { kind: 'hang'; spec: HangFault };

/** Faults armed by tests, consumed by matching requests in the order they were armed. */
export class Faults {
	private armed: Armed[] = [];

	add(request: FaultRequest): void {
		const { kind, ...spec } = request;
		const left = spec.times ?? 1;
		this.armed.push({ kind, spec, left } as Armed);
	}

	/** The delay to apply to this request, if any (a delay can combine with a fail or drop fault). */
	takeDelay(method: string, path: string, body = ''): number | undefined {
		const found = this.take(['delay'], method, path, body);
		return found?.kind === 'delay' ? found.spec.ms : undefined;
	}

	/** The fault that replaces this request's answer, if any (a truncate always follows the real work). */
	takeOutcome(method: string, path: string, body = ''): TakenFault | undefined {
		const found = this.take(['fail', 'drop', 'truncate', 'hang'], method, path, body);
		if (!found || found.kind === 'delay') return undefined;
		if (found.kind === 'truncate')
			return { kind: 'truncate', spec: { ...found.spec, afterProcessing: true } };
		return found;
	}

	clear(): void {
		this.armed = [];
	}

	private take(kinds: FaultKind[], method: string, path: string, body: string): Armed | undefined {
		const found = this.armed.find(
			(fault) => kinds.includes(fault.kind) && matches(fault.spec, method, path, body),
		);
		if (!found) return undefined;
		found.left--;
		this.armed = this.armed.filter((fault) => fault.left > 0);
		return found;
	}
}

function matches(match: FaultMatch, method: string, path: string, body: string): boolean {
	return (
		(match.bodyIncludes === undefined || body.includes(match.bodyIncludes)) &&
		(match.method === undefined || match.method.toUpperCase() === method.toUpperCase()) &&
		(match.pathIncludes === undefined || path.includes(match.pathIncludes))
	);
}

/** Checks a fault posted to /_emulator/faults; returns a problem or undefined. */
export function faultRequestProblem(body: unknown): string | undefined {
	if (body === null || typeof body !== 'object' || Array.isArray(body))
		return 'body must be a JSON object';
	const fault = body as Record<string, unknown>;
	const isCount = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 1;
	if (fault.times !== undefined && !isCount(fault.times)) return 'times must be an integer >= 1';
	if (fault.method !== undefined && typeof fault.method !== 'string')
		return 'method must be a string';
	if (fault.pathIncludes !== undefined && typeof fault.pathIncludes !== 'string')
		return 'pathIncludes must be a string';
	if (fault.bodyIncludes !== undefined && typeof fault.bodyIncludes !== 'string')
		return 'bodyIncludes must be a string';
	if (fault.contentType !== undefined && typeof fault.contentType !== 'string')
		return 'contentType must be a string';
	switch (fault.kind) {
		case 'fail':
			return Number.isInteger(fault.status) &&
				(fault.status as number) >= 100 &&
				(fault.status as number) <= 599
				? undefined
				: 'fail needs status, an HTTP status code';
		case 'delay':
			return typeof fault.ms === 'number' && fault.ms >= 0 ? undefined : 'delay needs ms >= 0';
		case 'drop':
		case 'hang':
			return undefined;
		case 'truncate':
			if (
				fault.bytes !== undefined &&
				!(Number.isInteger(fault.bytes) && (fault.bytes as number) >= 0)
			)
				return 'bytes must be an integer >= 0';
			return fault.destroy === undefined || typeof fault.destroy === 'boolean'
				? undefined
				: 'destroy must be a boolean';
		default:
			return 'kind must be fail, delay, drop, truncate or hang';
	}
}
