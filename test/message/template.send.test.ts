/**
 * Send → Template through n8n's engine against the emulator's seeded templates: the pickers and the named fields as
 * n8n's editor back end asks for them (n8n-core's LoadOptionsContext), the body on the wire against Sinch's Node SDK,
 * and every refusal (missing, extra or bare parameter, a template not APPROVED, a language the template lacks) made
 * before anything is sent. Templates chosen at run time (expressions, JSON) meet the same checks, with each template
 * read once per run.
 */
import type { IDataObject, INodeParameters, ResourceMapperField } from 'n8n-workflow';
import type { Conversation } from '@sinch/sdk-core';

import { SinchConversation } from '../../nodes/SinchConversation/SinchConversation.node';
import { runNode } from '../harness/engine';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { listSearchContext } from '../harness/listSearch';
import { sdkClient } from '../harness/sdk';
import { emulatorApi } from '../harness/emulatorApi';
import { emulatorCredentials } from '../harness/setup';
import { messagingApp, sendParameters, sendRequests } from './setup';

const emulator = emulatorPerFile();
const nodeType = new SinchConversation();
const methods = nodeType.methods;

let appId: string;
beforeEach(async () => {
	emulator.reset();
	emulator.setDeliveryReports({ mode: 'off' });
	appId = String((await messagingApp(emulator, ['WHATSAPP', 'SMS'])).id);
});

const templateReads = () =>
	emulator.requests.filter(
		(request) =>
			request.method === 'GET' &&
			(request.path.includes('/whatsapp/templates/') ||
				/\/v2\/projects\/[^/]+\/templates\//.test(request.path)),
	);

/** The editor's context for a parameter of the Send with these template fields. */
function editorContext(fields: INodeParameters, parameterName: string) {
	return listSearchContext(
		emulatorCredentials(emulator),
		sendParameters('APP', { messageType: 'template', ...fields }),
		parameterName,
	);
}

const whatsApp = (value: string, parameters?: Record<string, string>): INodeParameters => ({
	messageType: 'template',
	templateKind: 'whatsapp',
	whatsappTemplate: { __rl: true, mode: 'list', value },
	...(parameters ? { whatsappParameters: { mappingMode: 'defineBelow', value: parameters } } : {}),
});

const json = (value: string, parameters: IDataObject | string): INodeParameters => ({
	messageType: 'template',
	templateKind: 'whatsapp',
	whatsappTemplate: { __rl: true, mode: 'name', value },
	templateParametersInput: 'json',
	templateParametersJson: typeof parameters === 'string' ? parameters : JSON.stringify(parameters),
});

async function send(
	fields: INodeParameters,
	items?: IDataObject[],
	onError?: 'continueErrorOutput',
) {
	return await runNode({
		parameters: sendParameters(appId, fields),
		credentials: emulatorCredentials(emulator),
		items,
		onError,
	});
}

describe('the pickers list what the emulator holds', () => {
	it('WhatsApp templates as "name (language) – STATE", valued name|language, filtered by name', async () => {
		const all = await methods.listSearch.searchWhatsAppTemplates.call(
			editorContext({ templateKind: 'whatsapp' }, 'whatsappTemplate'),
		);
		expect(all.results).toEqual([
			{ name: 'delivery_photo (en_US) – APPROVED', value: 'delivery_photo|en_US' },
			{ name: 'flash_sale (en_US) – REJECTED', value: 'flash_sale|en_US' },
			{ name: 'order_shipped (en_US) – APPROVED', value: 'order_shipped|en_US' },
			{ name: 'order_shipped (pt_BR) – APPROVED', value: 'order_shipped|pt_BR' },
			{ name: 'spring_picks (en_US) – APPROVED', value: 'spring_picks|en_US' },
			{ name: 'welcome_code (en_US) – PENDING', value: 'welcome_code|en_US' },
		]);
		const some = await methods.listSearch.searchWhatsAppTemplates.call(
			editorContext({ templateKind: 'whatsapp' }, 'whatsappTemplate'),
			'ORDER',
		);
		expect(some.results.map((result) => result.value)).toEqual([
			'order_shipped|en_US',
			'order_shipped|pt_BR',
		]);
	});

	it('omnichannel templates, their versions (latest first) and the languages of a version', async () => {
		const all = await methods.listSearch.searchOmniTemplates.call(
			editorContext({ templateKind: 'omni' }, 'omniTemplate'),
		);
		expect(all.results).toEqual([
			{ name: 'An order summary card (v1, en-US, es-ES)', value: 'order_card' },
			{
				name: 'Reminds a customer of an appointment (v2, en-US, de-DE)',
				value: 'appointment_reminder',
			},
		]);
		const chosen = {
			templateKind: 'omni',
			omniTemplate: { __rl: true, mode: 'list', value: 'appointment_reminder' },
		};
		await expect(
			methods.loadOptions.omniTemplateVersions.call(editorContext(chosen, 'omniVersion')),
		).resolves.toEqual([
			{ name: 'Latest (Now 2)', value: 'latest' },
			{ name: 'Version 2', value: '2' },
			{ name: 'Version 1', value: '1' },
		]);
		await expect(
			methods.loadOptions.omniTemplateLanguages.call(
				editorContext({ ...chosen, omniVersion: 'latest' }, 'omniLanguage'),
			),
		).resolves.toEqual([
			{ name: 'en-US (Default)', value: 'en-US' },
			{ name: 'de-DE', value: 'de-DE' },
		]);
		await expect(
			methods.loadOptions.omniTemplateLanguages.call(
				editorContext({ ...chosen, omniVersion: '1' }, 'omniLanguage'),
			),
		).resolves.toEqual([{ name: 'en-US (Default)', value: 'en-US' }]);
	});
});

describe('the named fields built for each seeded template', () => {
	const fieldsOf = async (value: string) =>
		(
			await methods.resourceMapping.whatsAppTemplateParameters.call(
				editorContext(whatsApp(value), 'whatsappParameters'),
			)
		).fields;
	const shown = (fields: ResourceMapperField[]) =>
		fields.map((field) => [field.id, field.displayName, field.required]);

	it('order_shipped: three body variables with their examples', async () => {
		expect(shown(await fieldsOf('order_shipped|en_US'))).toEqual([
			['body[1]text', 'Body {{1}} (e.g. Ana)', true],
			['body[2]text', 'Body {{2}} (e.g. A-1001)', true],
			['body[3]text', 'Body {{3}} (e.g. Friday)', true],
		]);
		expect(shown(await fieldsOf('order_shipped|pt_BR'))[2]).toEqual([
			'body[3]text',
			'Body {{3}} (e.g. sexta-f…)',
			true,
		]);
	});

	it('delivery_photo: image link, body, URL suffix, two optional quick-reply payloads', async () => {
		const fields = await fieldsOf('delivery_photo|en_US');
		expect(shown(fields)).toEqual([
			['header[1]image.link', 'Image (e.g. parcel.jpg)', true],
			['body[1]text', 'Body {{1}} (e.g. Ana)', true],
			['body[2]text', 'Body {{2}} (e.g. your pa…)', true],
			['button[0]url[1]text', 'Button 1 URL Suffix', true],
			['button[1]quick_reply[1]payload', 'Button 2 Reply Payload', false],
			['button[2]quick_reply[1]payload', 'Button 3 Reply Payload', false],
		]);
		expect(fields.every((field) => field.type === 'string' && field.display)).toBe(true);
	});

	it('spring_picks: the body and each card under carousel[c]', async () => {
		const fields = await fieldsOf('spring_picks|en_US');
		expect(fields.map((field) => field.id)).toEqual([
			'body[1]text',
			'carousel[0]header[1]image.link',
			'carousel[0]body[1]text',
			'carousel[0]body[2]text',
			'carousel[0]button[0]quick_reply[1]payload',
			'carousel[0]button[1]url[1]text',
			'carousel[1]header[1]image.link',
			'carousel[1]body[1]text',
			'carousel[1]body[2]text',
			'carousel[1]button[0]quick_reply[1]payload',
			'carousel[1]button[1]url[1]text',
		]);
		expect(fields[7].displayName).toBe('Card 2 Body {{1}}');
	});

	it('welcome_code: the header variable and the code to copy; flash_sale: its body', async () => {
		expect(shown(await fieldsOf('welcome_code|en_US'))).toEqual([
			['header[1]text', 'Header {{1}} (e.g. Ana)', true],
			['button[0]copy_code[1]coupon_code', 'Button 1 Code', true],
		]);
		expect(shown(await fieldsOf('flash_sale|en_US'))).toEqual([
			['body[1]text', 'Body {{1}} (e.g. 50% off)', true],
		]);
	});

	it("an omnichannel template's variables in the chosen version and language", async () => {
		const fields = await methods.resourceMapping.omniTemplateParameters.call(
			editorContext(
				{
					templateKind: 'omni',
					omniTemplate: { __rl: true, mode: 'list', value: 'appointment_reminder' },
					omniVersion: 'latest',
					omniLanguage: 'de-DE',
				},
				'omniParameters',
			),
		);
		expect(shown(fields.fields)).toEqual([
			['name', 'name (e.g. Anna)', true],
			['date', 'date (e.g. 4. Mai)', true],
			['time', 'time (e.g. 10:30)', true],
		]);
	});

	it('a template chosen by an expression: the fields say to give the parameters as JSON', async () => {
		await expect(
			methods.resourceMapping.whatsAppTemplateParameters.call(
				editorContext(
					{
						templateKind: 'whatsapp',
						whatsappTemplate: { __rl: true, mode: 'name', value: '={{ $json.template }}' },
					},
					'whatsappParameters',
				),
			),
		).rejects.toThrow(/set by an expression/);
	});
});

describe('the body on the wire is the one the SDK sends', () => {
	it('delivery_photo: named fields become Sinch keys, quick-reply payloads sent empty', async () => {
		const run = await send(
			whatsApp('delivery_photo|en_US', {
				'header[1]image.link': 'https://cdn.example.com/parcel-42.jpg',
				'body[1]text': 'Ada',
				'body[2]text': 'Your blue parcel',
				'button[0]url[1]text': 'A-42',
				'button[1]quick_reply[1]payload': 'change-42',
			}),
		);
		expect(run.error).toBeUndefined();
		const message: Conversation.AppMessage = {
			template_message: {
				channel_template: {
					WHATSAPP: {
						template_id: 'delivery_photo',
						language_code: 'en_US',
						parameters: {
							'header[1]image.link': 'https://cdn.example.com/parcel-42.jpg',
							'body[1]text': 'Ada',
							'body[2]text': 'Your blue parcel',
							'button[0]url[1]text': 'A-42',
							'button[1]quick_reply[1]payload': 'change-42',
							'button[2]quick_reply[1]payload': '',
						},
					},
				},
			},
		};
		await sdkClient(emulator).conversation.messages.sendTemplateMessage({
			sendMessageRequestBody: {
				app_id: appId,
				recipient: {
					identified_by: { channel_identities: [{ channel: 'WHATSAPP', identity: '46701112233' }] },
				},
				message: message as Conversation.TemplateMessage,
			},
		});
		const bodies = sendRequests(emulator).map((request) => request.body);
		expect(bodies).toHaveLength(2);
		expect(bodies[0]).toEqual(bodies[1]);
	});

	it('spring_picks: a carousel template sent with every card filled', async () => {
		const values: Record<string, string> = { 'body[1]text': 'Ada' };
		for (const card of [0, 1]) {
			values[`carousel[${card}]header[1]image.link`] = `https://cdn.example.com/${card}.jpg`;
			values[`carousel[${card}]body[1]text`] = `Pick ${card}`;
			values[`carousel[${card}]body[2]text`] = '9 EUR';
			values[`carousel[${card}]button[1]url[1]text`] = `pick-${card}`;
		}
		const run = await send(whatsApp('spring_picks|en_US', values));
		expect(run.error).toBeUndefined();
		const [sent] = sendRequests(emulator);
		const parameters = (
			(sent.body as IDataObject).message as {
				template_message: { channel_template: { WHATSAPP: { parameters: IDataObject } } };
			}
		).template_message.channel_template.WHATSAPP.parameters;
		expect(parameters).toEqual({
			...values,
			'carousel[0]button[0]quick_reply[1]payload': '',
			'carousel[1]button[0]quick_reply[1]payload': '',
		});
	});
});

describe('refused before anything is sent', () => {
	it.each([
		[
			'a missing body variable',
			whatsApp('order_shipped|en_US', { 'body[1]text': 'Ada', 'body[3]text': 'Monday' }),
			'Body {{2}} (body[2]text) has no value: the WhatsApp template "order_shipped" (en_US) needs it, e.g. "A-1001".',
		],
		[
			'a blank media link',
			whatsApp('delivery_photo|en_US', {
				'header[1]image.link': '',
				'body[1]text': 'Ada',
				'body[2]text': 'x',
				'button[0]url[1]text': 'A-42',
			}),
			'Image (header[1]image.link) has no value: the WhatsApp template "delivery_photo" (en_US) needs it, e.g. "https://example.com/media/parcel.jpg".',
		],
		[
			'a bare key',
			json('order_shipped|en_US', { '1': 'Ada', 'body[2]text': 'A-42', 'body[3]text': 'Monday' }),
			'Parameter "1" is a bare number, which Sinch accepts and WhatsApp then drops: name the component, e.g. "body[1]text".',
		],
		[
			'a key the template lacks',
			json('order_shipped|en_US', {
				'body[1]text': 'Ada',
				'body[2]text': 'A-42',
				'body[3]text': 'Monday',
				'header[1]text': 'Hi',
			}),
			'Parameter "header[1]text" is not one the WhatsApp template "order_shipped" (en_US) takes: it takes body[1]text, body[2]text, body[3]text.',
		],
		[
			'a PENDING template',
			json('welcome_code|en_US', {
				'header[1]text': 'Ada',
				'button[0]copy_code[1]coupon_code': 'X',
			}),
			'The WhatsApp template "welcome_code" (en_US) is PENDING: only APPROVED templates can be sent.',
		],
		[
			'a REJECTED template',
			json('flash_sale|en_US', { 'body[1]text': '70% off' }),
			'The WhatsApp template "flash_sale" (en_US) is REJECTED: only APPROVED templates can be sent.',
		],
		[
			'a template the project does not have',
			json('no_such_template|en_US', {}),
			'WhatsApp template "no_such_template" in language en_US was not found (404)',
		],
		[
			'an omnichannel template without one of its variables',
			{
				messageType: 'template',
				templateKind: 'omni',
				omniTemplate: { __rl: true, mode: 'id', value: 'appointment_reminder' },
				omniVersion: 'latest',
				omniLanguage: 'en-US',
				omniParameters: { mappingMode: 'defineBelow', value: { name: 'Ada', date: 'May 5' } },
			},
			'time (time) has no value: the omnichannel template appointment_reminder (version latest, en-US) needs it, e.g. "10:30".',
		],
		[
			'an omnichannel language the version lacks',
			{
				messageType: 'template',
				templateKind: 'omni',
				omniTemplate: { __rl: true, mode: 'id', value: 'appointment_reminder' },
				omniVersion: '1',
				omniLanguage: 'de-DE',
				templateParametersInput: 'json',
				templateParametersJson: '{"name": "Ada", "date": "May 5"}',
			},
			'The omnichannel template appointment_reminder (version 1, de-DE) has no translation in "de-DE": it has en-US in that version.',
		],
	])('%s', async (_name, fields, message) => {
		const run = await send(fields as INodeParameters);
		expect(run.error?.message).toContain(message);
		expect(sendRequests(emulator)).toHaveLength(0);
	});

	it('one bad item of many stops the run before the first send; its item is named', async () => {
		const run = await send(
			json('={{ $json.template }}', '={{ JSON.stringify($json.parameters) }}'),
			[
				{
					template: 'order_shipped|en_US',
					parameters: { 'body[1]text': 'A', 'body[2]text': 'B', 'body[3]text': 'C' },
				},
				{ template: 'order_shipped|pt_BR', parameters: { 'body[1]text': 'A', 'body[2]text': 'B' } },
			],
		);
		expect(run.error?.message).toMatch(
			/^Body \{\{3\}\} \(body\[3\]text\) has no value: the WhatsApp template "order_shipped" \(pt_BR\)/,
		);
		expect(run.error?.context?.itemIndex).toBe(1);
		expect(sendRequests(emulator)).toHaveLength(0);
	});
});

describe('templates chosen at run time', () => {
	it('by expression and JSON: each template read once per run, not once per item', async () => {
		const items = [0, 1, 2, 3].map((index) => ({
			template: index % 2 === 0 ? 'order_shipped|en_US' : 'order_shipped|pt_BR',
			parameters: {
				'body[1]text': `Customer ${index}`,
				'body[2]text': `A-${index}`,
				'body[3]text': 'Friday',
			},
		}));
		const run = await send(
			json('={{ $json.template }}', '={{ JSON.stringify($json.parameters) }}'),
			items,
		);
		expect(run.error).toBeUndefined();
		expect(run.outputs[0]).toHaveLength(4);
		expect(templateReads()).toHaveLength(2);
		const sent = sendRequests(emulator).map(
			(request) =>
				((request.body as IDataObject).message as IDataObject).template_message as IDataObject,
		);
		expect(
			sent.map((message) => (message.channel_template as { WHATSAPP: IDataObject }).WHATSAPP),
		).toEqual(
			items.map((item) => ({
				template_id: 'order_shipped',
				language_code: item.template.split('|')[1],
				parameters: item.parameters,
			})),
		);
	});

	it('with the error output, a bad item goes there and the others are sent', async () => {
		const run = await send(
			json('={{ $json.template }}', '={{ JSON.stringify($json.parameters) }}'),
			[
				{
					template: 'order_shipped|en_US',
					parameters: { 'body[1]text': 'A', 'body[2]text': 'B', 'body[3]text': 'C' },
				},
				{ template: 'flash_sale|en_US', parameters: { 'body[1]text': 'sale' } },
			],
			'continueErrorOutput',
		);
		expect(run.outputs[0]).toHaveLength(1);
		expect(run.outputs[1]).toHaveLength(1);
		expect(String(run.outputs[1][0].json.error)).toContain('is REJECTED');
		expect(run.outputs[1][0].pairedItem).toEqual({ item: 1 });
		expect(sendRequests(emulator)).toHaveLength(1);
	});

	it('a template_message given as Message (JSON) is checked against its template too', async () => {
		const run = await send({
			messageType: 'json',
			messageJson: JSON.stringify({
				template_message: {
					channel_template: {
						WHATSAPP: {
							template_id: 'order_shipped',
							language_code: 'en_US',
							parameters: { '1': 'Ada' },
						},
					},
				},
			}),
		});
		expect(run.error?.message).toContain('Parameter "1" is a bare number');
		expect(sendRequests(emulator)).toHaveLength(0);
	});
});

describe("what the node lets through, the emulator's template check delivers", () => {
	it.each([
		['order_shipped|en_US'],
		['order_shipped|pt_BR'],
		['delivery_photo|en_US'],
		['spring_picks|en_US'],
	])('%s, its required fields filled', async (value) => {
		emulator.setDeliveryReports({ mode: 'auto', stepMs: 0 });
		await emulatorApi(emulator, 'POST', '/webhooks', {
			app_id: appId,
			target: 'http://127.0.0.1:9/hook',
			target_type: 'HTTP',
			triggers: ['MESSAGE_DELIVERY'],
		});
		const { fields } = await methods.resourceMapping.whatsAppTemplateParameters.call(
			editorContext(whatsApp(value), 'whatsappParameters'),
		);
		// Only the required fields: the optional quick-reply payloads are left to the node.
		const values = Object.fromEntries(
			fields.filter((field) => field.required).map((field) => [field.id, `value of ${field.id}`]),
		);
		const run = await send(whatsApp(value, values));
		expect(run.error).toBeUndefined();
		await emulator.deliveryReportsSent();
		const statuses = emulator.deliveries.map(
			(delivery) => ((delivery.body as IDataObject).message_delivery_report as IDataObject).status,
		);
		expect(statuses).toEqual(['QUEUED_ON_CHANNEL', 'DELIVERED', 'READ']);
	});
});
