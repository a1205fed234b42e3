/* eslint-disable @n8n/community-nodes/no-restricted-imports -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/** A webhook target for tests: records every callback it receives and answers the statuses queued in `answers`. */
import type { IncomingHttpHeaders } from 'node:http';

import { listenLocally, type LocalServer } from './http';

export interface Received {
	headers: IncomingHttpHeaders;
	rawBody: string;
	/** The body parsed as JSON ({} when it is not JSON). */
	body: Record<string, unknown>;
}

export class Receiver {
	readonly received: Received[] = [];
	/** Statuses to answer, in order; 200 once they are used up. */
	answers: number[] = [];
	private server?: LocalServer;

	get url(): string {
		return this.server!.url;
	}

	static async start(): Promise<Receiver> {
		const receiver = new Receiver();
		receiver.server = await listenLocally(async (req, res) => {
			const chunks: Buffer[] = [];
			for await (const chunk of req) chunks.push(chunk as Buffer);
			const rawBody = Buffer.concat(chunks).toString('utf8');
			let body: Record<string, unknown> = {};
			try {
				body = JSON.parse(rawBody) as Record<string, unknown>;
			} catch {
				// Not JSON: rawBody holds it.
			}
			receiver.received.push({ headers: req.headers, rawBody, body });
			res.writeHead(receiver.answers.shift() ?? 200).end('ok');
		});
		return receiver;
	}

	/** Forgets what was received and queued, between tests. */
	clear(): void {
		this.received.length = 0;
		this.answers = [];
	}

	async close(): Promise<void> {
		await this.server?.close();
	}
}
