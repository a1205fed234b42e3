import type { DelayFault, DropFault, FailFault, FaultKind, FaultMatch, FaultRequest } from './types';

type Armed =
  | { kind: 'fail'; spec: FailFault; left: number }
  | { kind: 'delay'; spec: DelayFault; left: number }
  | { kind: 'drop'; spec: DropFault; left: number };

export type TakenFault = { kind: 'fail'; spec: FailFault } | { kind: 'drop'; spec: DropFault };

/** Faults armed by tests, consumed by matching requests in the order they were armed. */
export class Faults {
  private armed: Armed[] = [];

  add(request: FaultRequest): void {
    const { kind, ...spec } = request;
    const left = spec.times ?? 1;
    this.armed.push({ kind, spec, left } as Armed);
  }

  /** The delay to apply to this request, if any (a delay can combine with a fail or drop fault). */
  takeDelay(method: string, path: string): number | undefined {
    const found = this.take(['delay'], method, path);
    return found?.kind === 'delay' ? found.spec.ms : undefined;
  }

  /** The fail or drop fault for this request, if any. */
  takeOutcome(method: string, path: string): TakenFault | undefined {
    const found = this.take(['fail', 'drop'], method, path);
    return found && found.kind !== 'delay' ? found : undefined;
  }

  clear(): void {
    this.armed = [];
  }

  private take(kinds: FaultKind[], method: string, path: string): Armed | undefined {
    const found = this.armed.find((fault) => kinds.includes(fault.kind) && matches(fault.spec, method, path));
    if (!found) return undefined;
    found.left--;
    this.armed = this.armed.filter((fault) => fault.left > 0);
    return found;
  }
}

function matches(match: FaultMatch, method: string, path: string): boolean {
  return (
    (match.method === undefined || match.method.toUpperCase() === method.toUpperCase()) &&
    (match.pathIncludes === undefined || path.includes(match.pathIncludes))
  );
}

/** Checks a fault posted to /_emulator/faults; returns a problem or undefined. */
export function faultRequestProblem(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'body must be a JSON object';
  const fault = body as Record<string, unknown>;
  const isCount = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 1;
  if (fault.times !== undefined && !isCount(fault.times)) return 'times must be an integer >= 1';
  if (fault.method !== undefined && typeof fault.method !== 'string') return 'method must be a string';
  if (fault.pathIncludes !== undefined && typeof fault.pathIncludes !== 'string') return 'pathIncludes must be a string';
  switch (fault.kind) {
    case 'fail':
      return Number.isInteger(fault.status) && (fault.status as number) >= 100 && (fault.status as number) <= 599
        ? undefined
        : 'fail needs status, an HTTP status code';
    case 'delay':
      return typeof fault.ms === 'number' && fault.ms >= 0 ? undefined : 'delay needs ms >= 0';
    case 'drop':
      return undefined;
    default:
      return 'kind must be fail, delay or drop';
  }
}
