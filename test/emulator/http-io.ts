/* eslint-disable @n8n/community-nodes/no-restricted-imports -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a handler answers; written out in one place so faults can replace it after processing. */
export interface Reply {
	status: number;
	headers?: Record<string, string>;
	/** Objects are sent as JSON; strings as text/plain. */
	body?: unknown;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
	return { status, body, headers };
}

/** Status line headers and body bytes of a reply, as send() writes them. */
export function encode(reply: Reply): { headers: Record<string, string>; payload: Buffer } {
	const isText = typeof reply.body === 'string';
	const payload = Buffer.from(
		reply.body === undefined ? '' : isText ? (reply.body as string) : JSON.stringify(reply.body),
	);
	const headers = {
		'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json',
		'content-length': String(payload.length),
		...reply.headers,
	};
	return { headers, payload };
}

export function send(res: ServerResponse, reply: Reply): void {
	const { headers, payload } = encode(reply);
	res.writeHead(reply.status, headers);
	res.end(payload);
}

export function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

export function queryObject(params: URLSearchParams): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const key of new Set(params.keys())) {
		const values = params.getAll(key);
		out[key] = values.length === 1 ? values[0] : values;
	}
	return out;
}

export function headerObject(req: IncomingMessage): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, value] of Object.entries(req.headers)) {
		if (value !== undefined)
			out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
	}
	return out;
}

export type ParsedBody = { ok: true; value: unknown } | { ok: false };

/** JSON when the text parses as JSON, otherwise the raw text (form bodies); undefined when empty. */
export function bodyForLog(raw: string): unknown {
	if (raw === '') return undefined;
	const parsed = parseJson(raw);
	return parsed.ok ? parsed.value : raw;
}

export function parseJson(raw: string): ParsedBody {
	try {
		return { ok: true, value: JSON.parse(raw) as unknown };
	} catch {
		return { ok: false };
	}
}

/** update_mask=a,b, update_mask repeated, or update_mask.paths (the FieldMask's own field name) in either form. */
export function updateMask(query: URLSearchParams): string[] | undefined {
	const paths = [...query.getAll('update_mask'), ...query.getAll('update_mask.paths')]
		.flatMap((value) => value.split(','))
		.map((value) => value.trim())
		.filter((value) => value !== '');
	return paths.length > 0 ? paths : undefined;
}
