import type { INodeProperties } from 'n8n-workflow';

import { appLocatorProperty } from '../SinchConversation/shared/appLocator';
import { CHANNELS } from '../SinchConversation/helpers/channels';
import { WEBHOOK_TRIGGERS } from '../SinchConversation/helpers/webhookRules';
import { DELIVERY_STATUSES } from './helpers/events';
import { DEFAULT_WINDOW_SECONDS } from './helpers/signature';

/**
 * The action node's app picker without the pattern check of By ID: n8n runs a resource locator's regex check again,
 * in a sandbox, at the start of every execution, which costs each callback more than verifying its signature. An ID
 * of the wrong form is still refused, with the same help, when the workflow is published.
 */
const appPicker: INodeProperties = {
	...appLocatorProperty,
	modes: appLocatorProperty.modes?.map((mode) => {
		const { validation, ...unchecked } = mode;
		return validation ? unchecked : mode;
	}),
};

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			"Sinch calls the Production URL above from the internet. When n8n runs on localhost or behind a reverse proxy, set the WEBHOOK_URL environment variable to n8n's public https address, or Sinch cannot reach the workflow.",
		name: 'webhookUrlNotice',
		type: 'notice',
		default: '',
	},
	{
		...appPicker,
		name: 'app',
		description:
			'The Conversation API app whose events start the workflow. The trigger registers its own webhook on it when the workflow is published, and removes it when unpublished.',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: [],
		description: 'The Sinch events (webhook triggers) that start the workflow',
		options: WEBHOOK_TRIGGERS.map(({ name, value, description }) => ({
			name,
			value,
			description,
		})).sort((a, b) => a.name.localeCompare(b.name)),
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description:
			'Events that do not match are answered 200 and start nothing. Empty filters let every chosen event through.',
		options: [
			{
				displayName: 'Channels',
				name: 'channels',
				type: 'multiOptions',
				default: [],
				description:
					'Only events on these channels start the workflow. Events that name no channel, e.g. Contact Create, are let through.',
				options: CHANNELS.map(({ name, value }) => ({ name, value })).sort((a, b) =>
					a.name.localeCompare(b.name),
				),
			},
			{
				displayName: 'Delivery Statuses',
				name: 'deliveryStatuses',
				type: 'multiOptions',
				displayOptions: { show: { '/events': ['MESSAGE_DELIVERY', 'EVENT_DELIVERY'] } },
				default: [],
				description:
					'Only delivery reports (Message Delivery, Event Delivery) with these statuses start the workflow, e.g. just Failed. Other events are not affected.',
				options: DELIVERY_STATUSES.map(({ name, value, description }) => ({
					name,
					value,
					description,
				})).sort((a, b) => a.name.localeCompare(b.name)),
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Raw Body',
				name: 'includeRawBody',
				type: 'boolean',
				default: false,
				description:
					'Whether to add the callback body exactly as Sinch sent it, as text, under rawBody',
			},
			{
				displayName: 'Timestamp Window (Seconds)',
				name: 'timestampWindow',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_WINDOW_SECONDS,
				description:
					"How far a callback's signature timestamp may be from the current time. Older callbacks, and nonces seen before inside this window, are refused with 401.",
			},
			{
				displayName: 'Verify Signatures',
				name: 'verifySignature',
				type: 'boolean',
				default: true,
				description:
					'Whether to refuse (401) every callback without a valid Sinch signature. Warning: turned off, anyone who knows the webhook URL can start this workflow with made-up events.',
			},
		],
	},
];
