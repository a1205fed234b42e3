import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

/** Operation name (the parameter's value) to its implementation. */
export const operations = { create, delete: del, get, getAll, update };

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
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete an app and its channel connections for good',
				action: 'Delete an app',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get one app with its settings and channels',
				action: 'Get an app',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the apps of the project',
				action: 'Get many apps',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change the name, settings or channels of an app',
				action: 'Update an app',
			},
		],
		default: 'create',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
