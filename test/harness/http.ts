/* eslint-disable @n8n/community-nodes/no-restricted-imports -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/** The parts of n8n's HTTP layer the harnesses stand in for: its server, its body parser and express's response. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject } from 'n8n-workflow';

/** The request body as n8n's body parser leaves it: `rawBody` a Buffer, `body` parsed JSON or form fields. */
export async function readRequest(
	req: IncomingMessage,
): Promise<{ rawBody: Buffer; body: IDataObject }> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	const rawBody = Buffer.concat(chunks);
	const type = String(req.headers['content-type'] ?? '');
	let body: IDataObject = {};
	if (type.startsWith('application/json') && rawBody.length > 0) {
		try {
			body = JSON.parse(rawBody.toString('utf8')) as IDataObject;
		} catch {
			body = {};
		}
	} else if (type.startsWith('application/x-www-form-urlencoded')) {
		body = Object.fromEntries(new URLSearchParams(rawBody.toString('utf8')));
	}
	return { rawBody, body };
}

/** The parts of an express Response that nodes use, over a node:http response. */
export function expressLike(res: ServerResponse) {
	const wrapper = {
		get headersSent() {
			return res.headersSent;
		},
		status(code: number) {
			res.statusCode = code;
			return wrapper;
		},
		setHeader(name: string, value: string) {
			res.setHeader(name, value);
			return wrapper;
		},
		json(data: unknown) {
			res.setHeader('content-type', 'application/json');
			res.end(JSON.stringify(data));
			return wrapper;
		},
		send(data: unknown) {
			res.end(typeof data === 'string' ? data : JSON.stringify(data));
			return wrapper;
		},
		end(data?: string) {
			res.end(data);
			return wrapper;
		},
	};
	return wrapper;
}

/** A server on 127.0.0.1 standing in for n8n's webhook endpoint: its base URL, and how to stop it. */
export interface LocalServer {
	url: string;
	close(): Promise<void>;
}

/** Starts a server on a free port of 127.0.0.1; a handler that throws answers 500 with the error. */
export async function listenLocally(
	handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Promise<LocalServer> {
	const server = createServer((req, res) => {
		handle(req, res).catch((error: unknown) => {
			if (!res.headersSent) res.writeHead(500).end(String(error));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
