import type { INodeProperties } from 'n8n-workflow';

/** Concurrent requests when Max Concurrent Requests is not set: Sinch allows far fewer with Basic auth. */
export const DEFAULT_CONCURRENCY = { oAuth2: 20, basic: 10 };

/** Request options every operation offers in its Options collection (read by the router and the transport). */
export const requestOptionFields: INodeProperties[] = [
	{
		displayName: 'Max Concurrent Requests',
		name: 'maxConcurrency',
		type: 'number',
		default: 20,
		typeOptions: { minValue: 1, maxValue: 100 },
		description:
			'How many items are sent to Sinch at the same time. Sinch allows 800 requests per second per project, far fewer with Basic auth (without this option: 20 with OAuth2, 10 with Basic). Rate-limited requests are retried.',
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
