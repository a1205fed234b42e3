import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Concurrent requests when Max Concurrent Requests is not set: a batch of 100 goes in one wave. One n8n process sends
 * at most a few hundred requests a second, below Sinch's 800 per project; Basic auth is limited more, by an
 * unpublished number. A 429 halves the wave for the rest of the run and is retried (Sinch did nothing).
 */
export const DEFAULT_CONCURRENCY = 100;

const RANGES = {
	// A timer holds at most about 24 days; nobody waits ten minutes for one answer.
	timeout: { label: 'Timeout (Seconds)', min: 1, max: 600, default: 30 },
	maxConcurrency: {
		label: 'Max Concurrent Requests',
		min: 1,
		max: 100,
		default: DEFAULT_CONCURRENCY,
	},
};

/** Seconds to wait for an answer when the Timeout option is not set. */
export const DEFAULT_TIMEOUT_SECONDS = RANGES.timeout.default;

/** The request options every operation offers; read by the router (concurrency) and the transport (timeout). */
export const requestOptionFields: INodeProperties[] = [
	{
		displayName: RANGES.maxConcurrency.label,
		name: 'maxConcurrency',
		type: 'number',
		default: DEFAULT_CONCURRENCY,
		typeOptions: { minValue: RANGES.maxConcurrency.min, maxValue: RANGES.maxConcurrency.max },
		description: `How many items are sent to Sinch at the same time, ${RANGES.maxConcurrency.min} to ${RANGES.maxConcurrency.max}. Each rate-limited answer (429) halves this for the rest of the run, and the node sends the refused request again after a wait. Sinch allows 800 requests per second per project, fewer with Basic auth.`,
	},
	{
		displayName: RANGES.timeout.label,
		name: 'timeout',
		type: 'number',
		default: 30,
		typeOptions: { minValue: RANGES.timeout.min, maxValue: RANGES.timeout.max },
		description: `How long to wait for each answer from Sinch before the item fails, ${RANGES.timeout.min} to ${RANGES.timeout.max} seconds`,
	},
];

/**
 * The Options collection of an operation: its own options first, then the request options. Every operation builds its
 * Options with this, so none lacks Timeout or Max Concurrent Requests (a test checks every operation).
 */
export function optionsCollection(own: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		default: {},
		placeholder: 'Add Option',
		options: [...own, ...requestOptionFields],
	};
}

export interface RequestOptions {
	timeout: number;
	maxConcurrency: number;
}

const read = new WeakMap<object, Map<number, RequestOptions>>();

function checked(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: keyof typeof RANGES,
	options: IDataObject,
): number {
	const range = RANGES[name];
	const value = options[name];
	if (value === undefined || value === null || value === '') return range.default;
	if (
		typeof value !== 'number' ||
		!Number.isFinite(value) ||
		value < range.min ||
		value > range.max
	) {
		const shown = typeof value === 'string' ? `"${value.slice(0, 40)}"` : String(value);
		throw new NodeOperationError(
			ctx.getNode(),
			`${range.label} ${shown} is not a number from ${range.min} to ${range.max}`,
			{
				itemIndex,
				description: `Set ${range.label} in the node's Options to a number from ${range.min} to ${range.max}, or remove the option to use ${range.default}. Nothing was sent.`,
			},
		);
	}
	return name === 'maxConcurrency' ? Math.floor(value) : value;
}

/**
 * The item's request options, checked against their ranges (a bad value stops the item before anything is sent) and
 * read once per item and run: the router reads them while it checks the items, the transport for every request.
 */
export function readRequestOptions(this: IExecuteFunctions, itemIndex: number): RequestOptions {
	let run = read.get(this);
	if (!run) read.set(this, (run = new Map()));
	const known = run.get(itemIndex);
	if (known) return known;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const value = {
		timeout: checked(this, itemIndex, 'timeout', options ?? {}),
		maxConcurrency: checked(this, itemIndex, 'maxConcurrency', options ?? {}),
	};
	run.set(itemIndex, value);
	return value;
}
