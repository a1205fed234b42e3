/**
 * The template reads as Send → Template's pickers call them: from the editor's load-options context (n8n-core's own),
 * not a node run, so with no item and the default timeout.
 */
import {
	getOmniTemplate,
	getWhatsAppTemplate,
	listOmniTemplates,
	listWhatsAppTemplates,
	provisioningLanguage,
	whatsAppSendLanguage,
} from '../../nodes/SinchConversation/actions/template/templateApi';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { listSearchContext } from '../harness/listSearch';
import { apiCalls, emulatorCredentials } from '../harness/setup';
import { SEEDED_WHATSAPP_TEMPLATES } from '../emulator';

const emu = emulatorPerFile();
const context = () =>
	listSearchContext(emulatorCredentials(emu), { resource: 'message', operation: 'send' }, 'x');

describe('template reads from a picker', () => {
	it('lists and reads WhatsApp templates', async () => {
		const ctx = context();
		const all = await listWhatsAppTemplates(ctx);
		expect(all.map((template) => template.name)).toHaveLength(SEEDED_WHATSAPP_TEMPLATES.length);
		const approved = await listWhatsAppTemplates(ctx, { state: 'APPROVED' });
		expect(approved.every((template) => template.state === 'APPROVED')).toBe(true);
		const one = await getWhatsAppTemplate(ctx, 'spring_picks', 'en_US');
		expect(one.details.components.map((component) => component.type)).toEqual(['BODY', 'CAROUSEL']);
		expect(one.details.components[1].cards?.[0].components[2].buttons?.[1].url).toBe(
			'https://example.com/p/{{1}}',
		);
		await expect(getWhatsAppTemplate(ctx, 'spring_picks', 'de_DE')).rejects.toThrow(
			'WhatsApp template "spring_picks" in language de_DE was not found (404)',
		);
	});

	it('lists and reads omnichannel templates, an older version through its translations', async () => {
		const ctx = context();
		const all = await listOmniTemplates(ctx);
		expect(all.map((template) => template.id)).toEqual(['appointment_reminder', 'order_card']);
		const mark = emu.requests.length;
		const latest = await getOmniTemplate(ctx, 'appointment_reminder', 'latest');
		expect(latest.version).toBe(2);
		expect(latest.translations[0].variables?.map((variable) => variable.key)).toEqual([
			'name',
			'date',
			'time',
		]);
		expect(apiCalls(emu, mark)).toHaveLength(1);
		const first = await getOmniTemplate(ctx, 'appointment_reminder', '1');
		expect(first.version).toBe(1);
		expect(first.translations.map((translation) => translation.text_message?.text)).toEqual([
			'Hi ${name}, see you on ${date}.',
		]);
		await expect(getOmniTemplate(ctx, 'appointment_reminder', '3')).rejects.toThrow(
			'Omnichannel template appointment_reminder has no version 3 (its latest is 2)',
		);
	});

	it('an empty template list answered as {} is an empty list', async () => {
		emu.setOmniTemplates([]);
		expect(await listOmniTemplates(context())).toEqual([]);
		emu.setWhatsAppTemplates([]);
		expect(await listWhatsAppTemplates(context())).toEqual([]);
	});
});

describe('language forms', () => {
	it.each([
		['en_US', 'EN_US', 'en_US'],
		['en-us', 'EN_US', 'en_US'],
		['EN_US', 'EN_US', 'en_US'],
		['pt_BR', 'PT_BR', 'pt_BR'],
		['en', 'EN', 'en'],
		['sr_Latn', 'SR_LATN', 'sr_Latn'],
	])('%s is %s at the Provisioning API and %s in a send', (given, provisioning, send) => {
		expect(provisioningLanguage(given)).toBe(provisioning);
		expect(whatsAppSendLanguage(given)).toBe(send);
	});
});
