import type { INodeProperties } from 'n8n-workflow';

/**
 * Concurrent requests when Max Concurrent Requests is not set. One n8n process sends at most a few hundred requests a
 * second, below Sinch's 800 per project; Basic auth is limited more, by an unpublished number, and a 429 is retried by
 * the node (Sinch did nothing), so Basic gets the same default.
 */
export const DEFAULT_CONCURRENCY = 50;

/** Request options every operation offers in its Options collection (read by the router and the transport). */
export const requestOptionFields: INodeProperties[] = [
	{
		displayName: 'Max Concurrent Requests',
		name: 'maxConcurrency',
		type: 'number',
		default: DEFAULT_CONCURRENCY,
		typeOptions: { minValue: 1, maxValue: 100 },
		description:
			'How many items are sent to Sinch at the same time. Sinch allows 800 requests per second per project, fewer with Basic auth: lower this if many items end rate-limited (429), which the node retries a few times.',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		default: 30,
		typeOptions: { minValue: 1 },
		description: 'How long to wait for each answer from Sinch before the item fails',
	},
];
