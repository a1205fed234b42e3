import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { readRequestOptions } from '../shared/requestOptions';
import type { OperationMeta } from './operation';
import { resources } from './resources';
import { startEarly } from '../transport';
import { startWave, waveLimit } from '../transport/wave';

function failedItem(error: unknown, itemIndex: number): INodeExecutionData {
	const json: IDataObject = { error: (error as Error).message };
	const details = (error as NodeApiError).description;
	if (details) json.details = details;
	return { json, pairedItem: { item: itemIndex } };
}

function asNodeError(this: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof NodeApiError) {
		error.context.itemIndex ??= itemIndex;
		return new NodeApiError(this.getNode(), error as unknown as JsonObject);
	}
	if (error instanceof NodeOperationError) error.context.itemIndex ??= itemIndex;
	// Both constructors hand back an n8n error unchanged, so the message and item index set above survive.
	return new NodeOperationError(this.getNode(), error as Error, { itemIndex });
}

/** "item 3" or "items 3, 5–9": item numbers, runs of three or more shortened to a range. */
function itemList(indexes: number[]): string {
	const parts: string[] = [];
	for (let start = 0; start < indexes.length; ) {
		let end = start;
		while (end + 1 < indexes.length && indexes[end + 1] === indexes[end] + 1) end++;
		if (end - start >= 2) parts.push(`${indexes[start]}–${indexes[end]}`);
		else parts.push(...indexes.slice(start, end + 1).map(String));
		start = end + 1;
	}
	return `item${indexes.length > 1 ? 's' : ''} ${parts.join(', ')}`;
}

const article = (noun: string) => (/^[aeiou]/i.test(noun) ? 'an' : 'a');
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * While a request started early is out, checking the items pauses this often (milliseconds of checking) so that its
 * answer is taken in; a pause costs about a millisecond.
 */
const PAUSE_EVERY_MS = 10;

/** How many different errors of the other items in flight the stop report quotes, and how much of each. */
const OTHER_FAILURES_SHOWN = 3;
const OTHER_FAILURE_LENGTH = 200;

/** Names what the run already did before it stopped, so a re-run can leave those items out. */
function doneReport(
	meta: OperationMeta,
	operationName: string,
	results: Array<INodeExecutionData[] | undefined>,
	failed: Map<number, unknown>,
): string {
	const done: string[] = [];
	const unsent: number[] = [];
	for (let itemIndex = 0; itemIndex < results.length; itemIndex++) {
		const result = results[itemIndex];
		if (result === undefined) {
			if (!failed.has(itemIndex)) unsent.push(itemIndex);
			continue;
		}
		// One item with an ID names what it made or changed; a list (Get Many) is named by the item alone.
		const id = result.length === 1 ? result[0]?.json?.id : undefined;
		if (result[0]?.json?.error === undefined)
			done.push(id ? `item ${itemIndex} → ${meta.noun} ${String(id)}` : `item ${itemIndex}`);
	}
	const parts: string[] = [];
	if (done.length > 0) {
		parts.push(
			meta.makes
				? `Before the node stopped, these items were already ${meta.makes.done}: ${done.join(', ')}. Running them again makes a second ${meta.noun} each; leave them out of the next run.`
				: `Before the node stopped, these items were already done (${operationName}): ${done.join(', ')}.`,
		);
	}
	// The items in flight when the node stopped: they were sent, so each one's own error tells what Sinch did.
	const others = new Map<string, number[]>();
	for (const [itemIndex, error] of [...failed].slice(1).sort(([a], [b]) => a - b)) {
		const message = ((error as Error | undefined)?.message ?? 'failed').replace(/\.$/, '');
		others.set(message, [...(others.get(message) ?? []), itemIndex]);
	}
	if (others.size > 0) {
		const shown = [...others].slice(0, OTHER_FAILURES_SHOWN).map(([message, indexes]) => {
			const cut = message.length > OTHER_FAILURE_LENGTH;
			return `${itemList(indexes)}: ${cut ? `${message.slice(0, OTHER_FAILURE_LENGTH)}…` : message}`;
		});
		const more = [...others].slice(OTHER_FAILURES_SHOWN).flatMap(([, indexes]) => indexes);
		if (more.length > 0) shown.push(`${itemList(more)}: other errors`);
		parts.push(`Also sent before the node stopped, and failed: ${shown.join('; ')}.`);
	}
	if (unsent.length > 0) parts.push(`Not sent: ${itemList(unsent)}.`);
	return parts.join(' ');
}

/**
 * Checks every item first (nothing is sent while any item is bad, unless continue-on-fail sets it aside), then sends
 * them concurrently up to Max Concurrent Requests. Output order and pairing follow the input, whatever order the
 * answers come in. With continue-on-fail off, the first failure stops new requests; those in flight finish, and the
 * error names what was already done.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = resources[resource]?.[operationName];
	if (!operation || typeof operation.execute !== 'function') {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" of "${resource}" is not supported`,
		);
	}
	const { meta } = operation;
	if (meta.makes && this.getNode().retryOnFail) {
		// n8n's Retry On Fail runs the whole node again, so every item already made would be made twice.
		const { verb, done } = meta.makes;
		throw new NodeOperationError(
			this.getNode(),
			`Retry On Fail cannot be used with ${capitalized(verb)}: it would ${verb} items again`,
			{
				description: `n8n repeats every item of the node when one fails, so ${article(meta.noun)} ${meta.noun} already ${done} would be ${done} a second time. Turn off Retry On Fail in the node's Settings. Rate-limited requests (429) are retried by the node on its own; for other failures, use the error output (On Error: Continue) and handle failed items there. Nothing was sent.`,
			},
		);
	}

	if (meta.firstItemOnly) {
		try {
			const result = await operation.execute.call(this, 0, operation.prepare?.call(this, 0));
			return [
				this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), {
					itemData: { item: 0 },
				}),
			];
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError.call(this, error, 0);
			return [[failedItem(error, 0)]];
		}
	}

	// Nothing that makes or changes anything at Sinch leaves before every item is checked; the token request (OAuth2) or
	// the operation's read (Basic) may, so the network works while n8n evaluates the items' parameters.
	// A single item has no others to wait for the key's first answer: a read would only come before it.
	const early = startEarly(this, items.length > 1 ? meta.earlyRead : undefined);
	let earlyOut = true;
	void early.settled.then(() => (earlyOut = false));
	let pausedAt = Date.now();

	const results: Array<INodeExecutionData[] | undefined> = new Array(items.length);
	const prepared: unknown[] = new Array(items.length);
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			readRequestOptions.call(this, itemIndex);
			prepared[itemIndex] = operation.prepare?.call(this, itemIndex);
		} catch (error) {
			if (!this.continueOnFail()) {
				early.cancel();
				throw asNodeError.call(this, error, itemIndex);
			}
			results[itemIndex] = [failedItem(error, itemIndex)];
		}
		if (earlyOut && Date.now() - pausedAt >= PAUSE_EVERY_MS) {
			await sleep(0);
			pausedAt = Date.now();
		}
	}
	await early.started;

	const queue = items
		.map((_, itemIndex) => itemIndex)
		.filter((itemIndex) => results[itemIndex] === undefined);
	let stop: { error: unknown; itemIndex: number } | undefined;
	const failed = new Map<number, unknown>();
	const run = async (itemIndex: number) => {
		try {
			const result = await operation.execute.call(this, itemIndex, prepared[itemIndex]);
			results[itemIndex] = this.helpers.constructExecutionMetaData(
				this.helpers.returnJsonArray(result),
				{
					itemData: { item: itemIndex },
				},
			);
		} catch (error) {
			if (!this.continueOnFail()) {
				stop ??= { error, itemIndex };
				failed.set(itemIndex, error);
			} else results[itemIndex] = [failedItem(error, itemIndex)];
		}
	};
	// A worker whose slot is beyond the wave (halved by each 429) stops after its item; slot 0 always goes on.
	const worker = async (slot: number) => {
		while (stop === undefined && slot < waveLimit(this)) {
			const itemIndex = queue.shift();
			if (itemIndex === undefined) return;
			await run(itemIndex);
		}
	};
	// One value for the run: the first sent item's. The transport lets the run's first request go ahead of the others
	// until the key is known to work (see tokenGate).
	const size = queue.length > 0 ? readRequestOptions.call(this, queue[0]).maxConcurrency : 1;
	startWave(this, size);
	await Promise.all(
		Array.from({ length: Math.min(size, queue.length) }, (_, slot) => worker(slot)),
	);
	// The run's other requests may have gone as soon as the early token arrived, before n8n finished storing it; the
	// node ends after that, so the next node reads the stored token instead of fetching another.
	await early.settled;

	if (stop) {
		const error = asNodeError.call(this, stop.error, stop.itemIndex) as
			| NodeApiError
			| NodeOperationError;
		const report = doneReport(meta, operationName, results, failed);
		if (report) error.description = [error.description, report].filter(Boolean).join('\n\n');
		throw error;
	}
	return [results.flatMap((result) => result ?? [])];
}
