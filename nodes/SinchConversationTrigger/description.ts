import type { INodeProperties } from 'n8n-workflow';

import { appLocatorProperty } from '../SinchConversation/shared/appLocator';
import { WEBHOOK_TRIGGERS } from '../SinchConversation/helpers/webhookRules';
import { DEFAULT_WINDOW_SECONDS } from './helpers/signature';

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			"Sinch calls the Production URL above from the internet. When n8n runs on localhost or behind a reverse proxy, set the WEBHOOK_URL environment variable to n8n's public https address, or Sinch cannot reach the workflow.",
		name: 'webhookUrlNotice',
		type: 'notice',
		default: '',
	},
	{
		...appLocatorProperty,
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
