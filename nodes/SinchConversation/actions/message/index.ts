import type { INodeProperties } from 'n8n-workflow';
import { SEND_AND_WAIT_OPERATION } from 'n8n-workflow';

import * as sendAndWait from './sendAndWait.operation';

/** Operation name (the parameter's value) to its implementation. */
export const operations = { [SEND_AND_WAIT_OPERATION]: sendAndWait };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Send and Wait for Response',
				value: SEND_AND_WAIT_OPERATION,
				description:
					'Send a question and pause the workflow until the person answers: approve or decline, a text, or a form',
				action: 'Send message and wait for response',
			},
		],
		default: SEND_AND_WAIT_OPERATION,
	},
	...sendAndWait.description,
];
