import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { checkWebhookBody, planCreate } from '../../helpers/webhookBody';
import { appLocatorProperty, readAppId } from '../../shared/appLocator';
import { assertValid } from '../app/appInput';
import {
	clientCredentialsField,
	includeWebhookSecretsOption,
	targetField,
	targetTypeField,
	triggersField,
} from './webhookFields';
import {
	clientCredentialsFromUi,
	generateSecret,
	trimmed,
	readTriggers,
	webhookOutput,
} from './webhookInput';
import {
	createWebhook,
	CREATING_WEBHOOK,
	inTurnForApp,
	listWebhooks,
	updateWebhook,
} from './webhookApi';
import type { OperationMeta } from '../operation';
import { optionsCollection } from '../../shared/requestOptions';

const properties: INodeProperties[] = [
	{
		...appLocatorProperty,
		description: `${appLocatorProperty.description} The webhook receives this app's events.`,
	},
	{ ...targetField, required: true },
	{ ...triggersField, required: true },
	{
		displayName: 'Secret',
		name: 'secretMode',
		type: 'options',
		default: 'none',
		description:
			'Whether Sinch signs each callback with a secret (HMAC-SHA256 in the x-sinch-webhook-signature headers), so the receiver can check it came from Sinch',
		options: [
			{ name: 'None', value: 'none', description: 'Callbacks are not signed' },
			{ name: 'Enter a Secret', value: 'enter', description: 'Use a secret you give' },
			{
				name: 'Generate a Strong Secret',
				value: 'generate',
				description:
					'The node makes a random 40-character secret and outputs it once, in this output only: store it where the receiver can read it',
			},
		],
	},
	{
		displayName: 'Secret Value',
		name: 'secret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		description:
			'Secret Sinch signs callbacks with; masked in outputs unless Include Secrets is on',
		displayOptions: { show: { secretMode: ['enter'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		default: {},
		placeholder: 'Add Field',
		options: [clientCredentialsField, targetTypeField],
	},
	optionsCollection([
		{
			displayName: 'If Target Already Exists',
			name: 'onExisting',
			type: 'options',
			default: 'error',
			description:
				'What to do when the app already has a webhook with this target URL (Sinch allows one per URL and app)',
			options: [
				{
					name: 'Fail',
					value: 'error',
					description: 'Stop with an error naming the existing webhook',
				},
				{
					name: 'Update the Existing Webhook',
					value: 'update',
					description:
						'Make the existing webhook exactly as set here: its triggers, secret, target type and client credentials are replaced (a secret or client credentials not set here are removed)',
				},
			],
		},
		includeWebhookSecretsOption,
	]),
];

export const meta: OperationMeta = { noun: 'webhook', makes: CREATING_WEBHOOK };

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['create'] } },
	properties,
);

export interface PreparedCreate {
	appId: string;
	body: IDataObject;
	generatedSecret?: string;
	onExisting: 'error' | 'update';
}

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedCreate {
	const appId = readAppId.call(this, itemIndex);
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		app_id: appId,
		target: trimmed(this.getNodeParameter('target', itemIndex, '')),
		target_type: (additional.targetType as string | undefined) ?? 'HTTP',
		triggers: readTriggers.call(this, itemIndex),
	};
	const secretMode = this.getNodeParameter('secretMode', itemIndex, 'none') as string;
	let generatedSecret: string | undefined;
	if (secretMode === 'generate') {
		generatedSecret = generateSecret();
		body.secret = generatedSecret;
	} else if (secretMode === 'enter') {
		const secret = this.getNodeParameter('secret', itemIndex, '') as string;
		if (secret === '') {
			throw new NodeOperationError(this.getNode(), 'Secret Value is empty', {
				itemIndex,
				description: 'Enter the secret, or set Secret to "Generate a Strong Secret" or "None".',
			});
		}
		body.secret = secret;
	}
	const clientCredentials = clientCredentialsFromUi(additional.clientCredentials);
	if (clientCredentials) body.client_credentials = clientCredentials;
	assertValid.call(this, checkWebhookBody(body), itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return {
		appId,
		body,
		generatedSecret,
		onExisting: options.onExisting === 'update' ? 'update' : 'error',
	};
}

/**
 * Lists the app's webhooks first: Sinch refuses a second webhook for a target and a sixth webhook with a terse
 * message, and the node says which webhooks are in the way (or updates the one with the same target, if asked).
 * The look and the create are taken in turn per app, so items of one run creating webhooks for the same app see
 * each other's.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	prepared: PreparedCreate,
): Promise<IDataObject> {
	const { appId, body, generatedSecret, onExisting } = prepared;
	const webhook = await inTurnForApp(appId, async () => {
		const existing = await listWebhooks.call(this, appId, itemIndex);
		const plan = planCreate(existing, body.target as string, appId, onExisting);
		if (plan.action === 'refuse') {
			throw new NodeOperationError(this.getNode(), plan.message, {
				itemIndex,
				description: plan.description,
			});
		}
		if (plan.action === 'create') return await createWebhook.call(this, body, itemIndex);
		// Everything set here replaces what the webhook had; a secret or client credentials not set here are cleared.
		const changes = { ...body };
		delete changes.app_id;
		const mask = ['target_type', 'triggers', 'secret', 'client_credentials'];
		return await updateWebhook.call(this, String(plan.existing.id), changes, mask, itemIndex);
	});
	return webhookOutput.call(this, webhook, itemIndex, generatedSecret);
}
