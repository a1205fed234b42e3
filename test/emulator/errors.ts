import { json, type Reply } from './http-io';

/** gRPC status names that Sinch puts in `error.status`, by HTTP code. */
const STATUS_NAMES: Record<number, string> = {
	400: 'INVALID_ARGUMENT',
	401: 'UNAUTHENTICATED',
	403: 'PERMISSION_DENIED',
	404: 'NOT_FOUND',
	409: 'ALREADY_EXISTS',
	429: 'RESOURCE_EXHAUSTED',
	500: 'INTERNAL',
	501: 'UNIMPLEMENTED',
	502: 'UNAVAILABLE',
	503: 'UNAVAILABLE',
	504: 'DEADLINE_EXCEEDED',
};

export function statusName(code: number): string {
	return STATUS_NAMES[code] ?? (code >= 500 ? 'INTERNAL' : 'UNKNOWN');
}

/** Sinch's error body: {"error": {"code", "message", "status", "details"}}. */
export function sinchErrorBody(code: number, message: string, status = statusName(code)): object {
	return { error: { code, message, status, details: [] } };
}

export function sinchError(code: number, message: string, headers?: Record<string, string>): Reply {
	return json(code, sinchErrorBody(code, message), headers);
}
