import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { searchApps } from '../SinchConversation/methods/listSearch';
import { triggerProperties } from './description';
import { checkWebhook, createTriggerWebhook, deleteTriggerWebhook } from './lifecycle';
import { receiveCallback } from './receive';

export class SinchConversationTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sinch Conversation Trigger',
		name: 'sinchConversationTrigger',
		icon: { light: 'file:sinch.svg', dark: 'file:sinch.dark.svg' },
		group: ['trigger'],
		// Version 2 only changes how n8n treats the node: for a start node of version 1 it evaluates an expression
		// (`$parameter.options.binaryData`) on every request, which needs an expression isolate for each callback
		// (a sixth of version 2's rate in test/bench/triggerBurst.ts with lazy isolates). The node itself behaves the
		// same on both versions, so workflows saved on version 1 keep working unchanged.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{ ($parameter["events"] || []).join(", ") }}',
		description:
			'Starts the workflow on events of a Sinch Conversation API app, with every callback signature-checked',
		defaults: { name: 'Sinch Conversation Trigger' },
		eventTriggerDescription: 'Waiting for an event of the app, e.g. a message sent to it',
		activationMessage:
			'Sinch now sends the chosen events of the app to this workflow, each one signature-checked.',
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'sinchConversationApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// 200 at once: a slow workflow must not make Sinch time out and deliver the event again.
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: triggerProperties,
	};

	methods = { listSearch: { searchApps } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkWebhook.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createTriggerWebhook.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteTriggerWebhook.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveCallback.call(this);
	}
}
