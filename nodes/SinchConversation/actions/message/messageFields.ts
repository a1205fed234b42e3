import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { channelOptions } from '../../helpers/channels';
import {
	CHANNEL_PROPERTIES,
	channelList,
	SEND_LIMITS,
	type SendOptionValues,
} from '../../helpers/messageBody';
import { fieldNamesOf, MESSAGE_TYPE_BY_VALUE, type FieldValues } from '../../helpers/messageTypes';
import {
	replyFromTriggerItem,
	type ChannelIdentity,
	type RecipientInput,
} from '../../helpers/recipient';
import { appLocatorProperty, parseAppId, readAppId } from '../../shared/appLocator';
import { metadataStrategyOptions } from '../conversation/conversationFields';

/** The Recipient parameter and the fields of each choice. Reply to Trigger Item takes the app from the item too. */
export const recipientProperties: INodeProperties[] = [
	{
		displayName: 'Recipient',
		name: 'recipientType',
		type: 'options',
		default: 'phone',
		description: 'Who receives the message',
		options: [
			{
				name: 'Phone Number',
				value: 'phone',
				description: 'A phone number on one or more channels (e.g. WhatsApp, then SMS)',
			},
			{
				name: 'Channel Identities',
				value: 'identities',
				description:
					'Identities on channels (phone numbers, page-scoped IDs, ...), tried in the order given',
			},
			{
				name: 'Contact ID',
				value: 'contact',
				description:
					'A Sinch contact; Sinch picks the channel. Not for apps in DISPATCH mode, which have no contacts.',
			},
			{
				name: 'Reply to Trigger Item',
				value: 'trigger',
				description:
					'The sender of a message a Sinch Conversation Trigger received: same app, same channel, same identity',
			},
		],
	},
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. +46732001122',
		description: 'The number in international form; spaces and dashes are removed',
		displayOptions: { show: { recipientType: ['phone'] } },
	},
	{
		displayName: 'Channels',
		name: 'phoneChannels',
		type: 'multiOptions',
		default: ['SMS'],
		required: true,
		description:
			'Channels to reach the number on, tried in the order chosen: a second one is used when the first fails (e.g. WhatsApp, then SMS). Each must be configured on the app.',
		options: channelOptions,
		displayOptions: { show: { recipientType: ['phone'] } },
	},
	{
		displayName: 'Channel Identities',
		name: 'channelIdentities',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		required: true,
		placeholder: 'Add Channel Identity',
		description:
			'Where to reach the recipient, in priority order: Sinch tries the next when one fails',
		displayOptions: { show: { recipientType: ['identities'] } },
		options: [
			{
				displayName: 'Identity',
				name: 'identity',
				values: [
					{
						displayName: 'Channel',
						name: 'channel',
						type: 'options',
						default: 'SMS',
						options: channelOptions,
					},
					{
						displayName: 'Identity',
						name: 'identity',
						type: 'string',
						default: '',
						description:
							"The recipient's ID on that channel: a phone number for SMS, WhatsApp, RCS, MMS, Viber; a page-scoped ID for Messenger and Instagram; a chat ID for Telegram",
					},
				],
			},
		],
	},
	{
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 01HZX4B7C9D2E3F4G5H6J7K8M9',
		displayOptions: { show: { recipientType: ['contact'] } },
	},
	{
		displayName: 'Trigger Item',
		name: 'triggerItem',
		type: 'json',
		default: '',
		description:
			'Leave empty to answer the input item (a Sinch Conversation Trigger output, or anything that passed it on). Otherwise an expression giving such an item, e.g. the item of the trigger node by name.',
		displayOptions: { show: { recipientType: ['trigger'] } },
	},
];

/** The Send's own Options (the request options are added by optionsCollection). */
export const sendOptionFields: INodeProperties[] = [
	{
		displayName: 'Agent Name',
		name: 'agentName',
		type: 'string',
		default: '',
		description:
			'Display name of the agent or bot the message comes from, on channels that show one',
	},
	{
		displayName: 'Agent Picture URL',
		name: 'agentPictureUrl',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Agent Type',
		name: 'agentType',
		type: 'options',
		default: 'BOT',
		options: [
			{ name: 'Bot', value: 'BOT' },
			{ name: 'Human', value: 'HUMAN' },
			{ name: 'Unknown', value: 'UNKNOWN_AGENT_TYPE' },
		],
	},
	{
		displayName: 'Callback URL',
		name: 'callbackUrl',
		type: 'string',
		default: '',
		description:
			"Where this message's delivery reports go instead of the app's webhooks, signed with the app's secret for overridden callback URLs",
	},
	{
		displayName: 'Channel Priority Order',
		name: 'channelPriorityOrder',
		type: 'multiOptions',
		default: [],
		description:
			'Channels in the order Sinch tries them, overriding the order of the identities and the app. Each must be configured on the app.',
		options: channelOptions,
	},
	{
		displayName: 'Channel Properties',
		name: 'channelProperties',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Property',
		description: `Channel settings for this message, e.g. the SMS sender; values at most ${SEND_LIMITS.channelPropertyValue} characters`,
		options: [
			{
				displayName: 'Property',
				name: 'property',
				values: [
					{
						displayName: 'Property',
						name: 'key',
						type: 'options',
						default: 'SMS_SENDER',
						options: CHANNEL_PROPERTIES.map((property) => ({
							name: property.value,
							value: property.value,
							description: property.description,
						})),
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Conversation Metadata',
		name: 'conversationMetadata',
		type: 'json',
		default: '',
		description: `A JSON object kept on the conversation and sent with the contact's replies, at most ${SEND_LIMITS.conversationMetadata} characters as JSON`,
	},
	{
		displayName: 'Conversation Metadata Update',
		name: 'conversationMetadataUpdateStrategy',
		type: 'options',
		default: 'REPLACE',
		description: "How the conversation's metadata changes",
		options: metadataStrategyOptions,
	},
	{
		displayName: 'Correlation ID',
		name: 'correlationId',
		type: 'string',
		default: '',
		description: `Your own ID, at most ${SEND_LIMITS.correlationId} characters, carried in the delivery reports and the contact's replies`,
	},
	{
		displayName: 'Message Content Type',
		name: 'messageContentType',
		type: 'options',
		default: 'CONTENT_UNKNOWN',
		description: "What the message is, for Sinch's consent management",
		options: [
			{ name: 'Unknown', value: 'CONTENT_UNKNOWN' },
			{ name: 'Marketing', value: 'CONTENT_MARKETING' },
			{ name: 'Notification', value: 'CONTENT_NOTIFICATION' },
		],
	},
	{
		displayName: 'Message Metadata',
		name: 'messageMetadata',
		type: 'string',
		default: '',
		description: `Text carried in this message's delivery reports (their metadata field), at most ${SEND_LIMITS.messageMetadata} characters`,
	},
	{
		displayName: 'Processing Strategy',
		name: 'processingStrategy',
		type: 'options',
		default: 'DEFAULT',
		options: [
			{ name: 'Default (the App’s Mode)', value: 'DEFAULT' },
			{
				name: 'Dispatch Only',
				value: 'DISPATCH_ONLY',
				description: 'Send without keeping a contact or conversation',
			},
		],
	},
	{
		displayName: 'Queue',
		name: 'queue',
		type: 'options',
		default: 'NORMAL_PRIORITY',
		options: [
			{ name: 'Normal Priority', value: 'NORMAL_PRIORITY' },
			{ name: 'High Priority', value: 'HIGH_PRIORITY' },
		],
	},
	{
		displayName: 'Refuse Downgrades',
		name: 'refuseDowngrades',
		type: 'boolean',
		default: false,
		description:
			'Whether to stop the item, before sending, when a channel would not show the message as built (buttons arriving as a numbered list, media as a link, text cut off), instead of sending it with a note in the output',
	},
	{
		displayName: 'Reply To Message ID',
		name: 'replyToMessageId',
		type: 'string',
		default: '',
		description:
			'Quote this inbound message in the reply (WhatsApp; Sinch keeps the link 96 hours), e.g. the message_id field of a trigger item. Elsewhere the message is sent without the quote.',
	},
	{
		displayName: 'TTL (Seconds)',
		name: 'ttl',
		type: 'number',
		default: 3600,
		typeOptions: { minValue: SEND_LIMITS.ttlMinSeconds },
		description: `How long Sinch keeps trying to deliver, ${SEND_LIMITS.ttlMinSeconds} seconds or more; no channel fallback after it`,
	},
];

/** The Recipient as the panel holds it (not for Reply to Trigger Item, which reads an item). */
/** Recipient and, unless it comes from a trigger item, the app: the same for every operation that sends. */
export const sendTargetProperties: INodeProperties[] = [
	...recipientProperties,
	{
		...appLocatorProperty,
		description: `${appLocatorProperty.description} The message is sent from this app, on its channels.`,
		displayOptions: { hide: { recipientType: ['trigger'] } },
	},
];

/** The app and recipient of a reply to a trigger item: the item given, or the input item. */
function triggerReply(
	this: IExecuteFunctions,
	itemIndex: number,
): { appId: string; recipient: RecipientInput } {
	const given = this.getNodeParameter('triggerItem', itemIndex, '') as unknown;
	let item = given;
	if (given === '' || given === undefined || given === null)
		item = this.getInputData()[itemIndex]?.json;
	else if (typeof given === 'string') {
		try {
			item = JSON.parse(given) as unknown;
		} catch {
			item = undefined;
		}
	}
	const reply = replyFromTriggerItem(item);
	if (!reply.ok) {
		throw new NodeOperationError(this.getNode(), reply.problem, {
			itemIndex,
			description:
				'Connect this node after a Sinch Conversation Trigger (events Message Inbound or Message Delivery), or set Trigger Item to an expression that gives such an item. Nothing was sent.',
		});
	}
	return {
		appId: parseAppId(this.getNode(), reply.appId, itemIndex),
		recipient: { kind: 'identities', identities: [reply.identity] },
	};
}

/** The app a message goes out from and who it goes to, as the item gives them. Sends nothing. */
export function readAppAndRecipient(
	this: IExecuteFunctions,
	itemIndex: number,
): { appId: string; recipient: RecipientInput } {
	return this.getNodeParameter('recipientType', itemIndex, 'phone') === 'trigger'
		? triggerReply.call(this, itemIndex)
		: {
				appId: readAppId.call(this, itemIndex),
				recipient: readRecipientInput.call(this, itemIndex),
			};
}

export function readRecipientInput(this: IExecuteFunctions, itemIndex: number): RecipientInput {
	const kind = this.getNodeParameter('recipientType', itemIndex, 'phone') as string;
	if (kind === 'contact')
		return { kind, contactId: String(this.getNodeParameter('contactId', itemIndex, '')) };
	if (kind === 'identities') {
		const entries = this.getNodeParameter(
			'channelIdentities.identity',
			itemIndex,
			[],
		) as ChannelIdentity[];
		return { kind, identities: entries };
	}
	const channels = this.getNodeParameter('phoneChannels', itemIndex, []) as unknown;
	return {
		kind: 'phone',
		phoneNumber: String(this.getNodeParameter('phoneNumber', itemIndex, '')),
		channels: channelList(channels),
	};
}

/** The chosen Message Type's field values, read by the names the type table gives. */
export function readMessageFields(
	this: IExecuteFunctions,
	itemIndex: number,
): { type: string; values: FieldValues } {
	const type = this.getNodeParameter('messageType', itemIndex, 'text') as string;
	const spec = MESSAGE_TYPE_BY_VALUE.get(type);
	const values: IDataObject = {};
	for (const name of spec ? fieldNamesOf(spec) : [])
		values[name] = this.getNodeParameter(name, itemIndex, null) as IDataObject[string];
	return { type, values };
}

export function readSendOptions(
	this: IExecuteFunctions,
	itemIndex: number,
): SendOptionValues & {
	refuseDowngrades?: boolean;
} {
	return this.getNodeParameter('options', itemIndex, {}) as SendOptionValues;
}
