import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import {
	applyTriggersChange,
	checkWebhookBody,
	targetTakenMessage,
	triggerProblems,
	type TriggersChange,
} from '../../helpers/webhookBody';
import { assertValid } from '../app/appInput';
import {
	clientCredentialsField,
	webhookOptionsProperty,
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
import { readWebhookId, webhookAppProperty, webhookLocatorProperty } from './webhookLocator';
import { getWebhook, inTurnForApp, listWebhooks, updateWebhook } from './webhookApi';
import type { OperationMeta } from '../operation';

const properties: INodeProperties[] = [
	webhookAppProperty,
	webhookLocatorProperty,
	{
		displayName: 'Triggers Change',
		name: 'triggersMode',
		type: 'options',
		default: 'keep',
		description: "What to do with the webhook's triggers",
		options: [
			{
				name: 'Add',
				value: 'add',
				description: 'Add the triggers chosen below to the current ones',
			},
			{ name: 'Keep', value: 'keep', description: 'Leave the triggers as they are' },
			{
				name: 'Remove',
				value: 'remove',
				description: 'Remove the triggers chosen below; the others stay',
			},
			{
				name: 'Replace',
				value: 'replace',
				description: 'Replace the current triggers with the ones chosen below',
			},
		],
	},
	{ ...triggersField, displayOptions: { show: { triggersMode: ['add', 'remove', 'replace'] } } },
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		default: {},
		placeholder: 'Add Field',
		description: 'Fields to change; fields not added here keep their current values',
		options: [
			clientCredentialsField,
			{
				displayName: 'Generate New Secret',
				name: 'generateSecret',
				type: 'boolean',
				default: false,
				description:
					'Whether to replace the secret with a new random 40-character one, output once in this output only. Update the receiver with it, or its signature checks fail.',
			},
			{
				displayName: 'Remove Client Credentials',
				name: 'removeClientCredentials',
				type: 'boolean',
				default: false,
				description:
					'Whether to remove the OAuth2 client credentials, so Sinch calls the target without a token',
			},
			{
				displayName: 'Secret',
				name: 'secret',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description:
					'New secret Sinch signs callbacks with. Empty removes the secret: callbacks are then unsigned.',
			},
			targetField,
			targetTypeField,
		],
	},
	webhookOptionsProperty,
];

export const meta: OperationMeta = { noun: 'webhook' };

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['update'] } },
	properties,
);

export interface PreparedUpdate {
	webhookId: string;
	/** The fields to change, in Sinch's names, triggers left out (they may need the current list first). */
	changes: IDataObject;
	/** Fields named in update_mask with no value in the body: cleared. */
	cleared: string[];
	triggers: TriggersChange;
	generatedSecret?: string;
}

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedUpdate {
	const webhookId = readWebhookId.call(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const changes: IDataObject = {};
	const cleared: string[] = [];
	const fail = (message: string, description: string) =>
		new NodeOperationError(this.getNode(), message, { itemIndex, description });

	if (fields.target !== undefined) changes.target = trimmed(fields.target);
	if (fields.targetType !== undefined) changes.target_type = fields.targetType;
	let generatedSecret: string | undefined;
	if (fields.generateSecret === true) {
		if (fields.secret !== undefined)
			throw fail(
				'Secret and Generate New Secret are both set',
				'Keep one of them: a secret you give, or a generated one.',
			);
		generatedSecret = generateSecret();
		changes.secret = generatedSecret;
	} else if (fields.secret !== undefined) {
		changes.secret = fields.secret;
	}
	const credentials = clientCredentialsFromUi(fields.clientCredentials);
	if (fields.removeClientCredentials === true) {
		if (credentials)
			throw fail(
				'Client Credentials and Remove Client Credentials are both set',
				'Keep one of them.',
			);
		cleared.push('client_credentials');
	} else if (credentials) {
		changes.client_credentials = credentials;
	}

	const mode = this.getNodeParameter('triggersMode', itemIndex, 'keep') as TriggersChange['mode'];
	const triggers: TriggersChange =
		mode === 'keep' ? { mode } : { mode, triggers: readTriggers.call(this, itemIndex) };
	const problems = checkWebhookBody(changes);
	if (triggers.mode !== 'keep') {
		problems.push(...triggerProblems(triggers.triggers, { allowEmpty: true }));
		if (triggers.triggers.length === 0) {
			const verb = triggers.mode === 'replace' ? 'set' : triggers.mode;
			problems.push(
				`Triggers is empty: choose the triggers to ${verb}, or set Triggers Change to Keep.`,
			);
		}
	}
	assertValid.call(this, problems, itemIndex);
	if (Object.keys(changes).length === 0 && cleared.length === 0 && triggers.mode === 'keep') {
		throw fail(
			'Nothing to update',
			'Add a field under Update Fields, or set Triggers Change to Add, Remove or Replace.',
		);
	}
	return { webhookId, changes, cleared, triggers, generatedSecret };
}

/**
 * Sends only what changes, with an update_mask naming exactly those fields. Adding or removing triggers, a new target
 * URL (which must stay unique in the app), and a change that only clears fields (whose body would be empty) need the
 * webhook's current state, so those read it first.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	prepared: PreparedUpdate,
): Promise<IDataObject> {
	const { webhookId, cleared, triggers, generatedSecret } = prepared;
	const changes = { ...prepared.changes };
	const onlyClears = Object.keys(changes).length === 0 && triggers.mode === 'keep';
	const needsCurrent =
		triggers.mode === 'add' ||
		triggers.mode === 'remove' ||
		changes.target !== undefined ||
		onlyClears;
	const current = needsCurrent ? await getWebhook.call(this, webhookId, itemIndex) : undefined;

	if (triggers.mode !== 'keep') {
		const before = Array.isArray(current?.triggers) ? (current.triggers as string[]) : [];
		changes.triggers = applyTriggersChange(before, triggers);
		if ((changes.triggers as string[]).length === 0) {
			throw new NodeOperationError(
				this.getNode(),
				`Removing ${triggers.triggers.join(', ')} would leave webhook ${webhookId} with no trigger: it would receive nothing`,
				{
					itemIndex,
					description: 'Keep at least one trigger, or delete the webhook with Webhook → Delete.',
				},
			);
		}
	}
	const mask = [...Object.keys(changes), ...cleared].sort();
	// Sinch's update body is a webhook, and a webhook has a target: with only fields to clear, the current target is
	// sent, outside the mask, so it changes nothing.
	const body = onlyClears ? { target: current?.target } : changes;
	const send = async () => await updateWebhook.call(this, webhookId, body, mask, itemIndex);
	let webhook: IDataObject;
	if (current && changes.target !== undefined && changes.target !== current.target) {
		// The target must stay unique in the app: the look and the change are taken in turn with other items.
		const appId = String(current.app_id);
		webhook = await inTurnForApp(appId, async () => {
			const clash = (await listWebhooks.call(this, appId, itemIndex)).find(
				(other) => other.id !== webhookId && other.target === changes.target,
			);
			if (clash) {
				throw new NodeOperationError(
					this.getNode(),
					targetTakenMessage(appId, changes.target, clash),
					{
						itemIndex,
						description: 'Choose another Target URL, or delete the other webhook first.',
					},
				);
			}
			return await send();
		});
	} else webhook = await send();
	return webhookOutput.call(this, webhook, itemIndex, generatedSecret);
}
