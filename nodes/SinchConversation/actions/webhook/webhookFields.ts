import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../shared/requestOptions';
import { TARGET_MAX_LENGTH, WEBHOOK_TRIGGERS } from '../../helpers/webhookRules';

export const TARGET_PLACEHOLDER = 'e.g. https://n8n.example.com/webhook/sinch-events';

export const targetField: INodeProperties = {
	displayName: 'Target URL',
	name: 'target',
	type: 'string',
	default: '',
	placeholder: TARGET_PLACEHOLDER,
	description: `The http(s) URL Sinch POSTs the app's events to, e.g. the Production URL of an n8n Webhook node. At most ${TARGET_MAX_LENGTH} characters, no user:password@ part; one webhook per URL and app.`,
};

export const triggersField: INodeProperties = {
	displayName: 'Triggers',
	name: 'triggers',
	type: 'multiOptions',
	default: [],
	description:
		'The events Sinch sends to the target. A webhook with no trigger receives nothing. From an expression, give a list or comma-separated names such as MESSAGE_INBOUND,MESSAGE_DELIVERY.',
	options: WEBHOOK_TRIGGERS.map((trigger) => ({
		name: trigger.name,
		value: trigger.value,
		description: `${trigger.description} (${trigger.value}; the callback body carries "${trigger.bodyKey}")`,
	})).sort((a, b) => a.name.localeCompare(b.name)),
};

export const targetTypeField: INodeProperties = {
	displayName: 'Target Type',
	name: 'targetType',
	type: 'options',
	default: 'HTTP',
	description:
		'Whether Sinch calls the target. Sinch itself defaults to Dismiss, so the node always sends HTTP unless Dismiss is chosen here.',
	options: [
		{ name: 'HTTP', value: 'HTTP', description: 'Sinch POSTs each event to the target URL' },
		{
			name: 'Dismiss',
			value: 'DISMISS',
			description: 'Sends nothing: the webhook is kept but receives no events',
		},
	],
};

/** Sinch's OAuth2 client credentials flow against the user's own token endpoint, before each call to the target. */
export const clientCredentialsField: INodeProperties = {
	displayName: 'Client Credentials',
	name: 'clientCredentials',
	type: 'fixedCollection',
	default: {},
	placeholder: 'Add Client Credentials',
	description:
		'OAuth2 client credentials that Sinch uses to get a token from your token endpoint and sends as a Bearer token with each callback. The endpoint must answer access_token and expires_in (30 to 3600 seconds).',
	options: [
		{
			displayName: 'Credentials',
			name: 'credentials',
			values: [
				{
					displayName: 'Client ID',
					name: 'clientId',
					type: 'string',
					default: '',
					required: true,
					description: 'Client ID Sinch sends to your token endpoint',
				},
				{
					displayName: 'Client Secret',
					name: 'clientSecret',
					type: 'string',
					typeOptions: { password: true },
					default: '',
					required: true,
					description:
						'Client secret Sinch sends to your token endpoint; masked in outputs unless Include Secrets is on',
				},
				{
					displayName: 'Scope',
					name: 'scope',
					type: 'string',
					default: '',
					placeholder: 'e.g. sinch.callbacks',
					description:
						'Space-separated scopes to ask for (at most 1024 characters); left out when empty',
				},
				{
					displayName: 'Token Endpoint',
					name: 'endpoint',
					type: 'string',
					default: '',
					required: true,
					placeholder: 'e.g. https://auth.example.com/oauth2/token',
					description: 'URL of your OAuth2 token endpoint',
				},
				{
					displayName: 'Token Request Type',
					name: 'tokenRequestType',
					type: 'options',
					default: 'BASIC',
					description: 'How Sinch sends the client ID and secret to the token endpoint',
					options: [
						{ name: 'Basic', value: 'BASIC', description: 'In an Authorization: Basic header' },
						{
							name: 'Form',
							value: 'FORM',
							description: 'As client_id and client_secret in the form body',
						},
					],
				},
			],
		},
	],
};

export const includeWebhookSecretsOption: INodeProperties = {
	displayName: 'Include Secrets',
	name: 'includeSecrets',
	type: 'boolean',
	default: false,
	description:
		'Whether to output the webhook secret and the client secret unmasked. Off by default because n8n saves outputs where anyone who can open the workflow reads them.',
};

/** The Options collection of Get, Get Many and Update. */
export const webhookOptionsProperty: INodeProperties = optionsCollection([
	includeWebhookSecretsOption,
]);
