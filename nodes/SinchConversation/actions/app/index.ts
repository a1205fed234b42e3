import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';

/** Operation name (the parameter's value) to its implementation. */
export const operations = { create };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['app'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create an app with its channels',
				action: 'Create an app',
			},
		],
		default: 'create',
	},
	...create.description,
];
