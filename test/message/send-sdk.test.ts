/**
 * Conformance with Sinch's Node SDK: every message type, once filled in the Send's fields and run through n8n's
 * engine, once written as the SDK models it (typed by @sinch/sdk-core, so the compiler holds it to the SDK's shape)
 * and sent with the SDK's own send helper. The two bodies the emulator received must be deep-equal.
 */
import type { INodeParameters } from 'n8n-workflow';
import type { Conversation } from '@sinch/sdk-core';

import { startEmulator, type Emulator } from '../emulator';
import { runNode } from '../harness/engine';
import { sdkClient } from '../harness/sdk';
import { emulatorCredentials } from '../harness/setup';
import { messagingApp, sendParameters, sendRequests } from './setup';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => {
	await emulator.close();
});
beforeEach(() => {
	emulator.reset();
	emulator.setDeliveryReports({ mode: 'off' });
});

type SdkMessage = Conversation.AppMessage;
type SdkHelper =
	| 'send'
	| 'sendTextMessage'
	| 'sendMediaMessage'
	| 'sendChoiceMessage'
	| 'sendCardMessage'
	| 'sendCarouselMessage'
	| 'sendLocationMessage'
	| 'sendContactInfoMessage'
	| 'sendListMessage'
	| 'sendTemplateMessage';
const RECIPIENT = {
	identified_by: {
		channel_identities: [{ channel: 'WHATSAPP' as const, identity: '46701112233' }],
	},
};

const choicesField = {
	choice: [
		{ type: 'text', title: 'Yes', postbackData: 'answer=yes' },
		{ type: 'url', title: 'Open the shop', url: 'https://shop.example.com' },
		{ type: 'call', title: 'Call us', phoneNumber: '+46701112244' },
		{ type: 'location', title: 'Our store', latitude: 59.3293, longitude: 18.0686 },
	],
};
const sdkChoices: Conversation.Choice[] = [
	{ text_message: { text: 'Yes' }, postback_data: 'answer=yes' },
	{ url_message: { title: 'Open the shop', url: 'https://shop.example.com' } },
	{ call_message: { title: 'Call us', phone_number: '+46701112244' } },
	{
		location_message: {
			title: 'Our store',
			coordinates: { latitude: 59.3293, longitude: 18.0686 },
		},
	},
];

/** [name, the Send's fields, the SDK's message, the SDK helper that sends that type]. */
const CASES: Array<[string, INodeParameters, SdkMessage, SdkHelper]> = [
	[
		'text',
		{ messageType: 'text', text: 'Hello 👋 from n8n' },
		{ text_message: { text: 'Hello 👋 from n8n' } },
		'sendTextMessage',
	],
	[
		'media',
		{
			messageType: 'media',
			mediaUrl: 'https://cdn.example.com/invoice.pdf',
			thumbnailUrl: 'https://cdn.example.com/thumb.png',
			filenameOverride: 'invoice-42.pdf',
		},
		{
			media_message: {
				url: 'https://cdn.example.com/invoice.pdf',
				thumbnail_url: 'https://cdn.example.com/thumb.png',
				filename_override: 'invoice-42.pdf',
			},
		},
		'sendMediaMessage',
	],
	[
		'choice',
		{ messageType: 'choice', text: 'Shall we go on?', choices: choicesField },
		{ choice_message: { text_message: { text: 'Shall we go on?' }, choices: sdkChoices } },
		'sendChoiceMessage',
	],
	[
		'card',
		{
			messageType: 'card',
			title: 'Red shoes',
			description: 'Size 42, in stock',
			mediaUrl: 'https://cdn.example.com/shoes.jpg',
			cardHeight: 'MEDIUM',
			choices: { choice: [choicesField.choice[0]] },
		},
		{
			card_message: {
				title: 'Red shoes',
				description: 'Size 42, in stock',
				media_message: { url: 'https://cdn.example.com/shoes.jpg' },
				height: 'MEDIUM',
				choices: [sdkChoices[0]],
			},
		},
		'sendCardMessage',
	],
	[
		'carousel',
		{
			messageType: 'carousel',
			cards: {
				card: [
					{
						title: 'Red shoes',
						description: '49 EUR',
						mediaUrl: 'https://cdn.example.com/red.jpg',
						choicesJson: '[{"text_message": {"text": "Buy red"}, "postback_data": "buy=red"}]',
					},
					{ title: 'Blue shoes', mediaUrl: 'https://cdn.example.com/blue.jpg' },
				],
			},
			choices: { choice: [choicesField.choice[1]] },
		},
		{
			carousel_message: {
				cards: [
					{
						title: 'Red shoes',
						description: '49 EUR',
						media_message: { url: 'https://cdn.example.com/red.jpg' },
						choices: [{ text_message: { text: 'Buy red' }, postback_data: 'buy=red' }],
					},
					{ title: 'Blue shoes', media_message: { url: 'https://cdn.example.com/blue.jpg' } },
				],
				choices: [sdkChoices[1]],
			},
		},
		'sendCarouselMessage',
	],
	[
		'location',
		{
			messageType: 'location',
			latitude: 59.3293,
			longitude: 18.0686,
			title: 'Our store',
			label: 'Drottninggatan 1',
		},
		{
			location_message: {
				coordinates: { latitude: 59.3293, longitude: 18.0686 },
				title: 'Our store',
				label: 'Drottninggatan 1',
			},
		},
		'sendLocationMessage',
	],
	[
		'contact info',
		{
			messageType: 'contactInfo',
			fullName: 'Ada Lovelace',
			phoneNumbers: { phone: [{ number: '+46701112255', type: 'WORK' }] },
			emailAddresses: { email: [{ address: 'ada@example.com' }] },
			company: 'Analytical Engines',
		},
		{
			contact_info_message: {
				name: { full_name: 'Ada Lovelace' },
				phone_numbers: [{ phone_number: '+46701112255', type: 'WORK' }],
				email_addresses: [{ email_address: 'ada@example.com' }],
				organization: { company: 'Analytical Engines' },
			},
		},
		'sendContactInfoMessage',
	],
	[
		'list',
		{
			messageType: 'list',
			title: 'Pick a slot',
			description: 'Opening hours 9 to 17',
			listMenu: 'Slots',
			listItems: {
				item: [
					{ section: 'Morning', title: '9:00', postbackData: 'slot=9' },
					{
						section: 'Afternoon',
						title: '14:00',
						description: 'Short wait',
						postbackData: 'slot=14',
					},
					{ section: 'Morning', title: '10:00', postbackData: 'slot=10' },
				],
			},
		},
		{
			list_message: {
				title: 'Pick a slot',
				description: 'Opening hours 9 to 17',
				sections: [
					{
						title: 'Morning',
						items: [
							{ choice: { title: '9:00', postback_data: 'slot=9' } },
							{ choice: { title: '10:00', postback_data: 'slot=10' } },
						],
					},
					{
						title: 'Afternoon',
						items: [
							{ choice: { title: '14:00', description: 'Short wait', postback_data: 'slot=14' } },
						],
					},
				],
				message_properties: { menu: 'Slots' },
			},
		},
		'sendListMessage',
	],
	[
		'omnichannel template (a seeded one, its variables as named fields)',
		{
			messageType: 'template',
			templateKind: 'omni',
			omniTemplate: { __rl: true, mode: 'list', value: 'appointment_reminder' },
			omniVersion: '2',
			omniLanguage: 'en-US',
			omniParameters: {
				mappingMode: 'defineBelow',
				value: { name: 'Ada', date: 'May 5', time: '09:00' },
			},
		},
		{
			template_message: {
				omni_template: {
					template_id: 'appointment_reminder',
					version: '2',
					language_code: 'en-US',
					parameters: { name: 'Ada', date: 'May 5', time: '09:00' },
				},
			},
		},
		'sendTemplateMessage',
	],
	[
		'WhatsApp template (a seeded one, its body variables as named fields)',
		{
			messageType: 'template',
			templateKind: 'whatsapp',
			whatsappTemplate: { __rl: true, mode: 'list', value: 'order_shipped|en_US' },
			whatsappParameters: {
				mappingMode: 'defineBelow',
				value: { 'body[1]text': 'Ada', 'body[2]text': 'A-42', 'body[3]text': 'Monday' },
			},
		},
		{
			template_message: {
				channel_template: {
					WHATSAPP: {
						template_id: 'order_shipped',
						language_code: 'en_US',
						parameters: { 'body[1]text': 'Ada', 'body[2]text': 'A-42', 'body[3]text': 'Monday' },
					},
				},
			},
		},
		'sendTemplateMessage',
	],
	[
		'Message (JSON) with an explicit channel message',
		{
			messageType: 'json',
			messageJson:
				'{"text_message": {"text": "Fallback"}, "explicit_channel_message": {"WHATSAPP": "{\\"type\\": \\"text\\", \\"text\\": {\\"body\\": \\"Hi\\"}}"}}',
		},
		{
			text_message: { text: 'Fallback' },
			explicit_channel_message: { WHATSAPP: '{"type": "text", "text": {"body": "Hi"}}' },
		},
		'send',
	],
];

async function bothBodies(node: INodeParameters, sdk: (appId: string) => Promise<unknown>) {
	const app = await messagingApp(emulator, ['WHATSAPP', 'SMS']);
	const appId = String(app.id);
	const run = await runNode({
		parameters: sendParameters(appId, node),
		credentials: emulatorCredentials(emulator),
	});
	expect(run.error).toBeUndefined();
	await sdk(appId);
	const bodies = sendRequests(emulator).map((request) => request.body);
	expect(bodies).toHaveLength(2);
	return { ours: bodies[0], theirs: bodies[1], output: run.outputs[0][0].json };
}

describe('every message type, the same body as the SDK sends', () => {
	it.each(CASES)('%s', async (_name, fields, message, helper) => {
		const { ours, theirs, output } = await bothBodies(fields, async (appId) => {
			const sinch = sdkClient(emulator);
			const send = sinch.conversation.messages[helper as 'send'].bind(sinch.conversation.messages);
			await send({
				sendMessageRequestBody: { app_id: appId, recipient: RECIPIENT, message },
			} as never);
		});
		expect(ours).toEqual(theirs);
		expect(output.message_id).toEqual(expect.any(String));
	});
});

it('every Option, the same body as the SDK sends', async () => {
	const options = {
		channelPriorityOrder: ['WHATSAPP', 'SMS'],
		channelProperties: {
			property: [
				{ key: 'SMS_SENDER', value: '+46700000000' },
				{ key: 'SMS_FLASH_MESSAGE', value: 'false' },
			],
		},
		ttl: 600,
		messageMetadata: 'order-42',
		conversationMetadata: '{"order": {"id": 42}}',
		conversationMetadataUpdateStrategy: 'MERGE_PATCH',
		correlationId: 'corr-42',
		callbackUrl: 'http://127.0.0.1:1/reports',
		queue: 'HIGH_PRIORITY',
		processingStrategy: 'DEFAULT',
		messageContentType: 'CONTENT_NOTIFICATION',
		agentName: 'Shop bot',
		agentType: 'BOT',
		agentPictureUrl: 'https://cdn.example.com/bot.png',
		replyToMessageId: '01HINBOUND00000000000000000',
	};
	const { ours, theirs } = await bothBodies(
		{ messageType: 'text', text: 'Your order shipped', options },
		async (appId) => {
			const sdkBody: Conversation.SendTextMessageRequestData<Conversation.Recipient>['sendMessageRequestBody'] =
				{
					app_id: appId,
					recipient: {
						identified_by: {
							channel_identities: [{ channel: 'WHATSAPP', identity: '46701112233' }],
						},
					},
					message: {
						text_message: { text: 'Your order shipped' },
						agent: {
							display_name: 'Shop bot',
							type: 'BOT',
							picture_url: 'https://cdn.example.com/bot.png',
						},
						// The SDK's types predate reply_to (a quoted WhatsApp reply); the field is sent as given.
						...({ reply_to: { message_id: '01HINBOUND00000000000000000' } } as object),
					},
					channel_priority_order: ['WHATSAPP', 'SMS'],
					channel_properties: { SMS_SENDER: '+46700000000', SMS_FLASH_MESSAGE: 'false' },
					ttl: 600,
					message_metadata: 'order-42',
					conversation_metadata: { order: { id: 42 } },
					conversation_metadata_update_strategy: 'MERGE_PATCH',
					correlation_id: 'corr-42',
					callback_url: 'http://127.0.0.1:1/reports',
					queue: 'HIGH_PRIORITY',
					processing_strategy: 'DEFAULT',
					message_content_type: 'CONTENT_NOTIFICATION',
				};
			await sdkClient(emulator).conversation.messages.sendTextMessage({
				sendMessageRequestBody: sdkBody,
			});
		},
	);
	expect(ours).toEqual(theirs);
});
