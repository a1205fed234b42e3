import type { INodeProperties } from 'n8n-workflow';

import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getRecent from './getRecent.operation';
import * as stop from './stop.operation';
import * as update from './update.operation';

/** Operation name (the parameter's value) to its implementation. */
export const operations = { delete: del, get, getAll, getRecent, stop, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['conversation'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a conversation and its messages at Sinch',
				action: 'Delete a conversation',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get one conversation: its app, contact, channel, state and metadata',
				action: 'Get a conversation',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the conversations of an app or of a contact, active or ended',
				action: 'Get many conversations',
			},
			{
				name: 'Get Recent',
				value: 'getRecent',
				description: "List an app's conversations by their latest message, each with that message",
				action: 'Get recent conversations',
			},
			{
				name: 'Stop',
				value: 'stop',
				description: 'End an active conversation; the next message starts a new one',
				action: 'Stop a conversation',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Replace or merge into a conversation's metadata",
				action: 'Update a conversation',
			},
		],
		default: 'get',
	},
	...get.description,
	...getAll.description,
	...getRecent.description,
	...update.description,
	...stop.description,
	...del.description,
];
