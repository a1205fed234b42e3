/**
 * The parameters read from a template, in Sinch's keys, and the checks of given values against them: pure, on the
 * emulator's seeded templates (the shapes Sinch's Provisioning and Templates V2 APIs answer) and on Meta's nested
 * example form.
 */
import {
	checkTemplateValues,
	omniLanguages,
	omniParameters,
	omniTranslation,
	variableNumbers,
	whatsAppParameters,
	type WhatsAppTemplateLike,
} from '../../nodes/SinchConversation/helpers/templateParameters';
import { SEEDED_OMNI_TEMPLATES, SEEDED_WHATSAPP_TEMPLATES } from '../emulator/template-seeds';

const whatsApp = (name: string, language = 'EN_US') =>
	SEEDED_WHATSAPP_TEMPLATES.find(
		(template) => template.name === name && template.language === language,
	) as unknown as WhatsAppTemplateLike;

const keysOf = (template: WhatsAppTemplateLike) =>
	whatsAppParameters(template).map((parameter) => parameter.key);

describe('WhatsApp template parameters in Sinch keys', () => {
	it('{{n}} variables, in number order, each once', () => {
		expect(variableNumbers('Hi {{2}} and {{1}}, {{ 2 }}')).toEqual([1, 2]);
		expect(variableNumbers(undefined)).toEqual([]);
	});

	it('a body with three variables: body[1..3]text, required, with the examples', () => {
		expect(whatsAppParameters(whatsApp('order_shipped'))).toEqual([
			{ key: 'body[1]text', label: 'Body {{1}}', example: 'Ana', required: true },
			{ key: 'body[2]text', label: 'Body {{2}}', example: 'A-1001', required: true },
			{ key: 'body[3]text', label: 'Body {{3}}', example: 'Friday', required: true },
		]);
	});

	it('an image header, a URL button with a {{1}} suffix and two quick replies', () => {
		const parameters = whatsAppParameters(whatsApp('delivery_photo'));
		expect(parameters.map(({ key, example, required }) => ({ key, example, required }))).toEqual([
			{
				key: 'header[1]image.link',
				example: 'https://example.com/media/parcel.jpg',
				required: true,
			},
			{ key: 'body[1]text', example: 'Ana', required: true },
			{ key: 'body[2]text', example: 'your parcel', required: true },
			{ key: 'button[0]url[1]text', example: 'A-1001', required: true },
			{ key: 'button[1]quick_reply[1]payload', example: undefined, required: false },
			{ key: 'button[2]quick_reply[1]payload', example: undefined, required: false },
		]);
		expect(parameters[3].label).toBe('Button 1 URL Suffix');
	});

	it('a carousel: each card its header, body and buttons under carousel[c]', () => {
		expect(keysOf(whatsApp('spring_picks'))).toEqual([
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
		const card = whatsAppParameters(whatsApp('spring_picks'))[6];
		expect(card).toMatchObject({
			label: 'Card 2 Image',
			example: 'https://example.com/media/pick-2.jpg',
		});
	});

	it('a text header variable and a copy-code button; a phone button takes nothing', () => {
		expect(whatsAppParameters(whatsApp('welcome_code'))).toEqual([
			{ key: 'header[1]text', label: 'Header {{1}}', example: 'Ana', required: true },
			{
				key: 'button[0]copy_code[1]coupon_code',
				label: 'Button 1 Code',
				example: 'SPRING20',
				required: true,
			},
		]);
	});

	it("Meta's nested examples are read too; a document header adds an optional file name", () => {
		const template: WhatsAppTemplateLike = {
			details: {
				components: [
					{
						type: 'HEADER',
						format: 'DOCUMENT',
						example: { header_handle: ['https://example.com/invoice.pdf'] },
					},
					{ type: 'BODY', text: '{{1}} owes {{2}}', example: { body_text: [['Ana', '10 EUR']] } },
				],
			},
		};
		expect(whatsAppParameters(template)).toEqual([
			{
				key: 'header[1]document.link',
				label: 'Document',
				example: 'https://example.com/invoice.pdf',
				required: true,
			},
			{ key: 'header[1]document.filename', label: 'Document File Name', required: false },
			{ key: 'body[1]text', label: 'Body {{1}}', example: 'Ana', required: true },
			{ key: 'body[2]text', label: 'Body {{2}}', example: '10 EUR', required: true },
		]);
	});
});

describe('checking given values against a template', () => {
	const expected = whatsAppParameters(whatsApp('delivery_photo'));
	const what = 'WhatsApp template "delivery_photo" (en_US)';
	const complete = {
		'header[1]image.link': 'https://cdn.example.com/p.jpg',
		'body[1]text': 'Ada',
		'body[2]text': 'your parcel',
		'button[0]url[1]text': 'A-42',
	};

	it('complete: no problems, and the quick-reply payloads Sinch needs are sent empty', () => {
		expect(checkTemplateValues(expected, complete, what, true)).toEqual({
			problems: [],
			parameters: {
				...complete,
				'button[1]quick_reply[1]payload': '',
				'button[2]quick_reply[1]payload': '',
			},
		});
	});

	it('a missing or blank variable is named with its key and the example', () => {
		const { problems } = checkTemplateValues(
			expected,
			{ ...complete, 'body[2]text': ' ', 'button[0]url[1]text': undefined as never },
			what,
			true,
		);
		expect(problems).toEqual([
			`Body {{2}} (body[2]text) has no value: the ${what} needs it, e.g. "your parcel".`,
			`Button 1 URL Suffix (button[0]url[1]text) has no value: the ${what} needs it, e.g. "A-1001".`,
		]);
	});

	it('a bare key is refused with the key meant; an unknown key lists the keys the template takes', () => {
		const { problems } = checkTemplateValues(
			expected,
			{ ...complete, '2': 'x', 'body[3]text': 'y', 'header[1]video.link': 'z' },
			what,
			true,
		);
		expect(problems[0]).toBe(
			`Parameter "2" is a bare number, which Sinch accepts and WhatsApp then drops: name the component, e.g. "body[2]text". The ${what} takes header[1]image.link, body[1]text, body[2]text, button[0]url[1]text, button[1]quick_reply[1]payload, button[2]quick_reply[1]payload.`,
		);
		expect(problems[1]).toMatch(/^Parameter "body\[3\]text" is not one the WhatsApp template/);
		expect(problems[2]).toMatch(/^Parameter "header\[1\]video\.link" is not one/);
		expect(problems).toHaveLength(3);
	});

	it("a media header's provider name is taken beside its link", () => {
		const { problems } = checkTemplateValues(
			expected,
			{ ...complete, 'header[1]image.provider.name': 'cdn' },
			what,
			true,
		);
		expect(problems).toEqual([]);
	});
});

describe('omnichannel templates', () => {
	const reminderV2 = SEEDED_OMNI_TEMPLATES.find(
		(template) => template.id === 'appointment_reminder' && template.version === 2,
	)!;

	it('languages and variables of a version', () => {
		expect(omniLanguages(reminderV2)).toEqual(['en-US', 'de-DE']);
		const translation = omniTranslation(reminderV2, 'de-DE')!;
		expect(omniParameters(translation)).toEqual([
			{ key: 'name', label: 'name', example: 'Anna', required: true },
			{ key: 'date', label: 'date', example: '4. Mai', required: true },
			{ key: 'time', label: 'time', example: '10:30', required: true },
		]);
		expect(omniTranslation(reminderV2, 'fr-FR')).toBeUndefined();
	});

	it('every variable is required; a key the translation lacks is refused', () => {
		const expected = omniParameters(omniTranslation(reminderV2, 'en-US')!);
		const { problems } = checkTemplateValues(
			expected,
			{ name: 'Ada', date: 'May 5', hour: '9' },
			'omnichannel template',
			false,
		);
		expect(problems).toEqual([
			'Parameter "hour" is not one the omnichannel template takes: it takes name, date, time.',
			'time (time) has no value: the omnichannel template needs it, e.g. "10:30".',
		]);
	});
});
