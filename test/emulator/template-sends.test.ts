import axios from 'axios';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { SEEDED_WHATSAPP_TEMPLATES, whatsAppTemplateKeys, type JsonObject } from './';

const http = axios.create({ validateStatus: () => true });
const emulator = emulatorPerFile();

const auth = () => ({ auth: { username: emulator.keyId, password: emulator.keySecret } });
const api = (path: string) => `${emulator.url}/v1/projects/${emulator.projectId}${path}`;

/** An app with WhatsApp and SMS, and a webhook for delivery reports (its target need not answer: the log keeps them). */
async function appWithReports(): Promise<string> {
	const app = await http.post(
		api('/apps'),
		{
			display_name: 'Templates',
			channel_credentials: [
				{ channel: 'WHATSAPP', static_bearer: { claimed_identity: 'wa', token: 'wa-token' } },
				{ channel: 'SMS', static_bearer: { claimed_identity: 'plan', token: 'sms-token' } },
			],
		},
		auth(),
	);
	expect(app.status).toBe(200);
	const hook = await http.post(
		api('/webhooks'),
		{
			app_id: app.data.id,
			target: 'http://127.0.0.1:9/hook',
			target_type: 'HTTP',
			triggers: ['MESSAGE_DELIVERY'],
		},
		auth(),
	);
	expect(hook.status).toBe(200);
	return app.data.id as string;
}

const seeded = (name: string) =>
	SEEDED_WHATSAPP_TEMPLATES.find((template) => template.name === name) as JsonObject;

/** Sends a template message to WhatsApp (then SMS when `sms`) and answers its delivery reports. */
async function send(
	templateMessage: JsonObject,
	sms = false,
): Promise<
	Array<{ status: string; channel: string; reason?: { code: string; description: string } }>
> {
	const appId = await appWithReports();
	const identities = [{ channel: 'WHATSAPP', identity: '46700000001' }];
	if (sms) identities.push({ channel: 'SMS', identity: '46700000001' });
	const sent = await http.post(
		api('/messages:send'),
		{
			app_id: appId,
			recipient: { identified_by: { channel_identities: identities } },
			message: { template_message: templateMessage },
		},
		auth(),
	);
	// Sinch accepts a template send whatever its parameters; the template is checked on delivery.
	expect(sent.status).toBe(200);
	await emulator.deliveryReportsSent();
	return emulator.deliveries.map((delivery) => {
		const report = (delivery.body as JsonObject).message_delivery_report as JsonObject;
		return {
			status: String(report.status),
			channel: String((report.channel_identity as JsonObject).channel),
			...(report.reason ? { reason: report.reason as { code: string; description: string } } : {}),
		};
	});
}

const whatsapp = (
	template_id: string,
	parameters: Record<string, string>,
	language_code = 'en_US',
) => ({
	channel_template: { WHATSAPP: { template_id, language_code, parameters } },
});

describe('the keys a WhatsApp template needs', () => {
	it('names header, body, button and carousel keys in Sinch form', () => {
		expect(whatsAppTemplateKeys(seeded('order_shipped'))).toEqual([
			'body[1]text',
			'body[2]text',
			'body[3]text',
		]);
		expect(whatsAppTemplateKeys(seeded('delivery_photo'))).toEqual([
			'header[1]image.link',
			'body[1]text',
			'body[2]text',
			'button[0]url[1]text',
			'button[1]quick_reply[1]payload',
			'button[2]quick_reply[1]payload',
		]);
		expect(whatsAppTemplateKeys(seeded('spring_picks'))).toEqual([
			'body[1]text',
			...[0, 1].flatMap((c) => [
				`carousel[${c}]header[1]image.link`,
				`carousel[${c}]body[1]text`,
				`carousel[${c}]body[2]text`,
				`carousel[${c}]button[0]quick_reply[1]payload`,
				`carousel[${c}]button[1]url[1]text`,
			]),
		]);
		expect(whatsAppTemplateKeys(seeded('welcome_code'))).toEqual([
			'header[1]text',
			'button[0]copy_code[1]coupon_code',
		]);
	});
});

describe('template sends', () => {
	const photo = {
		'header[1]image.link': 'https://example.com/a.jpg',
		'body[1]text': 'Ana',
		'body[2]text': 'your parcel',
		'button[0]url[1]text': 'A-1001',
		'button[1]quick_reply[1]payload': 'change',
		'button[2]quick_reply[1]payload': '',
	};

	it('delivers a WhatsApp template with every parameter (an empty quick-reply payload is fine)', async () => {
		const reports = await send(whatsapp('delivery_photo', photo));
		expect(reports.map((r) => r.status)).toEqual(['QUEUED_ON_CHANNEL', 'DELIVERED', 'READ']);
	});

	it('accepts, then reports FAILED naming the missing parameter; bare keys do not count', async () => {
		const rest: Record<string, string> = { ...photo };
		delete rest['body[2]text'];
		const reports = await send(whatsapp('delivery_photo', { ...rest, '2': 'your parcel' }));
		expect(reports).toEqual([
			{
				status: 'FAILED',
				channel: 'WHATSAPP',
				reason: expect.objectContaining({
					code: 'TEMPLATE_INSUFFICIENT_PARAMETERS',
					description: 'WhatsApp template delivery_photo (en_US) is missing parameter body[2]text',
				}),
			},
		]);
	});

	it('an empty value is missing too, and another channel is tried next', async () => {
		const reports = await send(
			{
				...whatsapp('order_shipped', {
					'body[1]text': 'Ana',
					'body[2]text': ' ',
					'body[3]text': 'Fri',
				}),
				omni_template: {
					template_id: 'appointment_reminder',
					version: 'latest',
					parameters: { name: 'Ana', date: 'May 4', time: '10:30' },
				},
			},
			true,
		);
		expect(reports.map((r) => [r.channel, r.status, r.reason?.code])).toEqual([
			['WHATSAPP', 'SWITCHING_CHANNEL', 'TEMPLATE_INSUFFICIENT_PARAMETERS'],
			['SMS', 'QUEUED_ON_CHANNEL', undefined],
			['SMS', 'DELIVERED', undefined],
			['SMS', 'READ', undefined],
		]);
	});

	it.each([
		['an unknown name', 'nope', 'en_US', 'TEMPLATE_NOT_FOUND', 'WhatsApp template nope not found'],
		[
			'a language it lacks',
			'order_shipped',
			'fr',
			'TEMPLATE_NON_EXISTING_LANGUAGE_OR_VERSION',
			'WhatsApp template order_shipped has no language fr (it has en_US, pt_BR',
		],
		[
			'the dashed form',
			'order_shipped',
			'en-US',
			'TEMPLATE_NON_EXISTING_LANGUAGE_OR_VERSION',
			'underscore form',
		],
		[
			'a PENDING template',
			'welcome_code',
			'en_US',
			'TEMPLATE_NOT_FOUND',
			'WhatsApp template welcome_code (en_US) is PENDING: only APPROVED templates can be sent',
		],
		['a REJECTED template', 'flash_sale', 'en_US', 'TEMPLATE_NOT_FOUND', 'is REJECTED'],
	])('reports FAILED for %s', async (_, name, language, code, words) => {
		const reports = await send(whatsapp(name, {}, language));
		expect(reports).toHaveLength(1);
		expect(reports[0].status).toBe('FAILED');
		expect(reports[0].reason?.code).toBe(code);
		expect(reports[0].reason?.description).toContain(words);
	});

	it('checks an omnichannel template: version, translation and variables', async () => {
		const omni = (fields: JsonObject) => ({
			omni_template: { template_id: 'appointment_reminder', version: 'latest', ...fields },
		});
		const ok = await send(
			omni({ language_code: 'de-DE', parameters: { name: 'A', date: 'B', time: 'C' } }),
		);
		expect(ok.map((r) => r.status)).toEqual(['QUEUED_ON_CHANNEL', 'DELIVERED', 'READ']);

		emulator.reset();
		const older = await send(omni({ version: '1', parameters: { name: 'A', date: 'B' } }));
		expect(older.map((r) => r.status)).toEqual(['QUEUED_ON_CHANNEL', 'DELIVERED', 'READ']);

		emulator.reset();
		const missing = await send(omni({ parameters: { name: 'A', date: 'B' } }));
		expect(missing[0].reason?.description).toBe(
			'Template appointment_reminder (en-US) is missing parameter time',
		);

		emulator.reset();
		const noGerman = await send(omni({ version: '1', language_code: 'de-DE', parameters: {} }));
		expect(noGerman[0].reason?.code).toBe('TEMPLATE_NON_EXISTING_LANGUAGE_OR_VERSION');

		emulator.reset();
		const noVersion = await send(omni({ version: '5', parameters: {} }));
		expect(noVersion[0].reason?.description).toBe('Template appointment_reminder has no version 5');
	});

	it('leaves other messages alone', async () => {
		const appId = await appWithReports();
		await http.post(
			api('/messages:send'),
			{
				app_id: appId,
				recipient: { identified_by: { channel_identities: [{ channel: 'SMS', identity: '1' }] } },
				message: { text_message: { text: 'hi' } },
			},
			auth(),
		);
		await emulator.deliveryReportsSent();
		expect(emulator.deliveries.map((d) => (d.body as JsonObject).message_delivery_report)).toEqual(
			expect.arrayContaining([expect.objectContaining({ status: 'READ' })]),
		);
	});
});
