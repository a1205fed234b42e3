import type { JsonObject } from './types';

/**
 * The templates every project of the emulator starts with (and gets back on reset), one of each kind a template send
 * has to handle. WhatsApp templates in the Provisioning API's camelCase shape; omnichannel ones in the Templates V2
 * shape, one entry per version (an ID given twice is one template with two versions).
 */

const TIME = '2026-01-15T09:00:00Z';

export const SEEDED_WHATSAPP_TEMPLATES: JsonObject[] = [
	{
		whatsappId: '1001',
		name: 'order_shipped',
		language: 'EN_US',
		category: 'UTILITY',
		state: 'APPROVED',
		qualityScore: 'QUALITY_SCORE_GREEN',
		details: {
			components: [
				{
					type: 'BODY',
					text: 'Hi {{1}}, your order {{2}} has shipped and arrives on {{3}}.',
					examples: ['Ana', 'A-1001', 'Friday'],
				},
				{ type: 'FOOTER', text: 'Reply STOP to opt out' },
			],
		},
	},
	{
		whatsappId: '1002',
		name: 'order_shipped',
		language: 'PT_BR',
		category: 'UTILITY',
		state: 'APPROVED',
		qualityScore: 'QUALITY_SCORE_GREEN',
		details: {
			components: [
				{
					type: 'BODY',
					text: 'Oi {{1}}, seu pedido {{2}} foi enviado e chega em {{3}}.',
					examples: ['Ana', 'A-1001', 'sexta-feira'],
				},
			],
		},
	},
	{
		whatsappId: '1003',
		name: 'delivery_photo',
		language: 'EN_US',
		category: 'MARKETING',
		state: 'APPROVED',
		qualityScore: 'QUALITY_SCORE_GREEN',
		details: {
			components: [
				{
					type: 'HEADER',
					format: 'IMAGE',
					example: { url: 'https://example.com/media/parcel.jpg' },
				},
				{
					type: 'BODY',
					text: 'Hello {{1}}, {{2}} is on its way.',
					examples: ['Ana', 'your parcel'],
				},
				{
					type: 'BUTTONS',
					buttons: [
						{
							type: 'URL',
							text: 'Track it',
							url: 'https://example.com/track/{{1}}',
							example: 'https://example.com/track/A-1001',
						},
						{ type: 'QUICK_REPLY', text: 'Change address' },
						{ type: 'QUICK_REPLY', text: 'Stop updates' },
					],
				},
			],
		},
	},
	{
		whatsappId: '1004',
		name: 'spring_picks',
		language: 'EN_US',
		category: 'MARKETING',
		state: 'APPROVED',
		qualityScore: 'QUALITY_SCORE_GREEN',
		details: {
			components: [
				{ type: 'BODY', text: 'Our spring picks for you, {{1}}.', examples: ['Ana'] },
				{
					type: 'CAROUSEL',
					cards: [1, 2].map(
						(card): JsonObject => ({
							components: [
								{
									type: 'HEADER',
									format: 'IMAGE',
									example: { url: `https://example.com/media/pick-${card}.jpg` },
								},
								{
									type: 'BODY',
									text: '{{1}} for only {{2}}.',
									examples: [`Pick ${card}`, '19 EUR'],
								},
								{
									type: 'BUTTONS',
									buttons: [
										{ type: 'QUICK_REPLY', text: 'More like this' },
										{
											type: 'URL',
											text: 'Buy',
											url: 'https://example.com/p/{{1}}',
											example: `https://example.com/p/pick-${card}`,
										},
									],
								},
							],
						}),
					),
				},
			],
		},
	},
	{
		whatsappId: '1005',
		name: 'welcome_code',
		language: 'EN_US',
		category: 'MARKETING',
		state: 'PENDING',
		details: {
			components: [
				{ type: 'HEADER', format: 'TEXT', text: 'Welcome {{1}}', example: 'Ana' },
				{ type: 'BODY', text: 'Your first order is 20% off.' },
				{
					type: 'BUTTONS',
					buttons: [
						{ type: 'COPY_CODE', example: 'SPRING20' },
						{ type: 'PHONE_NUMBER', text: 'Call us', phoneNumber: '+15550100' },
					],
				},
			],
		},
	},
	{
		whatsappId: '1006',
		name: 'flash_sale',
		language: 'EN_US',
		category: 'MARKETING',
		state: 'REJECTED',
		rejectionCode: 'INVALID_FORMAT',
		details: {
			components: [{ type: 'BODY', text: 'Everything must go: {{1}}!', examples: ['50% off'] }],
		},
	},
];

const LATER = '2026-02-01T09:00:00Z';

/** One translation of an omnichannel template: variables with preview values, then the message they fill in. */
function translation(
	language_code: string,
	version: number,
	previews: Record<string, string>,
	message: JsonObject,
	time = TIME,
): JsonObject {
	return {
		language_code,
		version: String(version),
		variables: Object.entries(previews).map(([key, preview_value]) => ({ key, preview_value })),
		...message,
		create_time: time,
		update_time: time,
	};
}

const reminder = (version: number, translations: JsonObject[]): JsonObject => ({
	id: 'appointment_reminder',
	description: 'Reminds a customer of an appointment',
	version,
	default_translation: 'en-US',
	create_time: TIME,
	update_time: version === 1 ? TIME : LATER,
	translations,
});

const orderCard = (language: string, title: string, description: string) =>
	translation(
		language,
		1,
		{ order: 'A-1001', image: 'https://example.com/media/parcel.jpg' },
		{ card_message: { title, description, media_message: { url: '${image}' } } },
	);

export const SEEDED_OMNI_TEMPLATES: JsonObject[] = [
	reminder(1, [
		translation(
			'en-US',
			1,
			{ name: 'Ana', date: 'May 4' },
			{ text_message: { text: 'Hi ${name}, see you on ${date}.' } },
		),
	]),
	reminder(2, [
		translation(
			'en-US',
			2,
			{ name: 'Ana', date: 'May 4', time: '10:30' },
			{ text_message: { text: 'Hi ${name}, see you on ${date} at ${time}.' } },
			LATER,
		),
		translation(
			'de-DE',
			2,
			{ name: 'Anna', date: '4. Mai', time: '10:30' },
			{ text_message: { text: 'Hallo ${name}, bis ${date} um ${time}.' } },
			LATER,
		),
	]),
	{
		id: 'order_card',
		description: 'An order summary card',
		version: 1,
		default_translation: 'en-US',
		create_time: TIME,
		update_time: TIME,
		translations: [
			orderCard('en-US', 'Order ${order}', 'Thank you for your order.'),
			orderCard('es-ES', 'Pedido ${order}', 'Gracias por su pedido.'),
		],
	},
];
