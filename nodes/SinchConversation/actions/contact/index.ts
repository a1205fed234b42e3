import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getChannelProfile from './getChannelProfile.operation';
import * as merge from './merge.operation';
import * as update from './update.operation';

/** Operation name (the parameter's value) to its implementation. */
export const operations = { create, delete: del, get, getAll, getChannelProfile, merge, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a contact with its identities on one or more channels',
				action: 'Create a contact',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a contact',
				action: 'Delete a contact',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get one contact by ID, by external ID or by channel identity',
				action: 'Get a contact',
			},
			{
				name: 'Get Channel Profile',
				value: 'getChannelProfile',
				description: 'Get the name a channel (Messenger, Instagram, LINE) knows a person by',
				action: 'Get the channel profile of a contact',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: "List the project's contacts, by external ID or channel identity if wanted",
				action: 'Get many contacts',
			},
			{
				name: 'Merge',
				value: 'merge',
				description:
					'Merge two contacts of one person into one: the other is removed after its identities and conversations move over',
				action: 'Merge two contacts',
			},
			{
				name: 'Update',
				value: 'update',
				description:
					"Change a contact's channel identities, channel priority, display name, email, external ID, language or metadata",
				action: 'Update a contact',
			},
		],
		default: 'get',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...getChannelProfile.description,
	...merge.description,
	...update.description,
];
