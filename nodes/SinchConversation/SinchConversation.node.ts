import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as app from './actions/app';
import * as contact from './actions/contact';
import * as conversation from './actions/conversation';
import * as message from './actions/message';
import * as template from './actions/template';
import * as webhook from './actions/webhook';
import { router } from './actions/router';
import {
	searchApps,
	searchContacts,
	searchConversations,
	searchWebhooks,
} from './methods/listSearch';
import {
	omniTemplateLanguages,
	omniTemplateParameters,
	omniTemplateVersions,
	searchOmniTemplates,
	searchWhatsAppTemplates,
	whatsAppTemplateParameters,
} from './methods/templates';
import { sendAndWaitWebhook, sendAndWaitWebhooks } from './helpers/sendAndWait/webhook';

export class SinchConversation implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sinch Conversation',
		name: 'sinchConversation',
		icon: { light: 'file:sinch.svg', dark: 'file:sinch.dark.svg' },
		group: ['transform'],
		// The first published release has one version. It is 2 because the workflows and examples built while the
		// node was developed were saved as 2; no version 1 was ever published.
		version: 2,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Send messages through the Sinch Conversation API, manage its apps, channels, webhooks and contacts, and read templates',
		defaults: { name: 'Sinch Conversation' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'sinchConversationApi', required: true }],
		// Send and Wait for Response: n8n resumes a waiting execution through these when an answer link is opened. They
		// live on n8n only (restartWebhook, under /webhook-waiting/), so nothing is registered at Sinch or elsewhere and
		// there is no webhook lifecycle (checkExists/create/delete) to implement, as in n8n's own send-and-wait nodes.
		webhooks: sendAndWaitWebhooks,
		waitingNodeTooltip:
			'={{ $parameter["operation"] === "sendAndWait" ? "The execution goes on when the person answers" : "" }}',
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'App',
						value: 'app',
						description: 'A Conversation API app: its channels and settings',
					},
					{
						name: 'Contact',
						value: 'contact',
						description:
							'A person Sinch knows on one or more channels (apps in Conversation mode): find, create, update, merge',
					},
					{
						name: 'Conversation',
						value: 'conversation',
						description:
							'A thread between an app in Conversation mode and a contact: read, list, stop, delete, its metadata',
					},
					{
						name: 'Message',
						value: 'message',
						description:
							'Send messages of every type on every channel, reply to trigger items, and read or delete sent ones',
					},
					{
						name: 'Template',
						value: 'template',
						description:
							'WhatsApp and omnichannel message templates: list them (e.g. the approved ones) or read one',
					},
					{
						name: 'Webhook',
						value: 'webhook',
						description:
							"Where Sinch sends an app's events (inbound messages, delivery reports, ...)",
					},
				],
				default: 'app',
			},
			...app.description,
			...contact.description,
			...conversation.description,
			...message.description,
			...template.description,
			...webhook.description,
		],
	};

	methods = {
		listSearch: {
			searchApps,
			searchContacts,
			searchConversations,
			searchWebhooks,
			searchWhatsAppTemplates,
			searchOmniTemplates,
		},
		loadOptions: { omniTemplateVersions, omniTemplateLanguages },
		resourceMapping: { whatsAppTemplateParameters, omniTemplateParameters },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}

	webhook = sendAndWaitWebhook;
}
