import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';

/** Operation name (the parameter's value) to its implementation. */
export const operations = { get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['template'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description:
					'Get one template: a WhatsApp template by name and language, or an omnichannel template by ID and version',
				action: 'Get a template',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: "List the project's WhatsApp or omnichannel templates, e.g. the approved ones",
				action: 'Get many templates',
			},
		],
		default: 'getAll',
	},
	...get.description,
	...getAll.description,
];
