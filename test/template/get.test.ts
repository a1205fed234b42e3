import { runNode } from '../harness/engine';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { sdkClient } from '../harness/sdk';
import { apiCalls, emulatorCredentials } from '../harness/setup';
import { SEEDED_OMNI_TEMPLATES, SEEDED_WHATSAPP_TEMPLATES } from '../emulator';

const emu = emulatorPerFile({ regions: ['eu'] });

const get = (parameters: object, overrides = {}) => ({
	parameters: { resource: 'template', operation: 'get', ...parameters },
	credentials: emulatorCredentials(emu, overrides),
});
const v2 = (rest: string) => `/v2/projects/${emu.projectId}/templates${rest}`;

describe('Template: Get (WhatsApp)', () => {
	it('reads one template by name and language, whatever the form of the language', async () => {
		for (const language of ['en_US', 'en-US', 'EN_US']) {
			const mark = emu.requests.length;
			const { outputs, error } = await runNode(
				get({ kind: 'whatsapp', templateName: 'delivery_photo', language }),
			);
			expect(error).toBeUndefined();
			expect(outputs[0].map((item) => item.json)).toEqual([SEEDED_WHATSAPP_TEMPLATES[2]]);
			expect(apiCalls(emu, mark)).toEqual([
				{
					method: 'GET',
					path: `/v1/projects/${emu.projectId}/whatsapp/templates/delivery_photo/languages/EN_US`,
					query: {},
					body: undefined,
				},
			]);
		}
	});

	it('names template and language on a 404, with the languages Sinch says it has', async () => {
		const { error } = await runNode(
			get({ kind: 'whatsapp', templateName: 'order_shipped', language: 'fr' }),
		);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.httpCode).toBe('404');
		expect(error?.message).toBe(
			'WhatsApp template "order_shipped" in language fr was not found (404)',
		);
		expect(error?.description).toContain('Check the template name and language');
		expect(error?.description).toContain('EN_US, PT_BR');

		const unknown = await runNode(
			get({ kind: 'whatsapp', templateName: 'nope', language: 'en_US' }),
		);
		expect(unknown.error?.message).toBe(
			'WhatsApp template "nope" in language en_US was not found (404)',
		);
	});

	it('refuses an empty name or a language that is no code, before sending', async () => {
		const mark = emu.requests.length;
		const empty = await runNode(get({ kind: 'whatsapp', templateName: ' ', language: 'en_US' }));
		expect(empty.error?.message).toBe('Template Name is empty');
		const bad = await runNode(
			get({ kind: 'whatsapp', templateName: 'order_shipped', language: 'English (US)' }),
		);
		expect(bad.error?.message).toBe('Language "English (US)" is not a language code');
		expect(apiCalls(emu, mark)).toEqual([]);
	});

	it('with Continue on fail, gives each failed item its error and reads the others', async () => {
		const { outputs, error } = await runNode({
			...get({ kind: 'whatsapp', templateName: '={{ $json.name }}', language: 'en_US' }),
			items: [{ name: 'order_shipped' }, { name: 'missing' }, { name: 'spring_picks' }],
			onError: 'continueRegularOutput',
		});
		expect(error).toBeUndefined();
		expect(outputs[0].map((item) => item.json.name ?? item.json.error)).toEqual([
			'order_shipped',
			'WhatsApp template "missing" in language en_US was not found (404)',
			'spring_picks',
		]);
		expect(outputs[0].map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
	});
});

describe('Template: Get (Omnichannel)', () => {
	it('reads the latest version as the SDK does', async () => {
		const mark = emu.requests.length;
		const { outputs, error } = await runNode(
			get({ kind: 'omni', templateId: 'appointment_reminder' }),
		);
		expect(error).toBeUndefined();
		expect(outputs[0][0].json).toEqual(SEEDED_OMNI_TEMPLATES[1]);
		const ours = apiCalls(emu, mark);
		const sdkMark = emu.requests.length;
		const fromSdk = await sdkClient(emu).conversation.templatesV2.get({
			template_id: 'appointment_reminder',
		});
		expect(fromSdk.version).toBe(2);
		expect(ours).toEqual(apiCalls(emu, sdkMark));
		expect(ours).toEqual([
			{ method: 'GET', path: v2('/appointment_reminder'), query: {}, body: undefined },
		]);
	});

	it('lists the way the SDK lists', async () => {
		const mark = emu.requests.length;
		await runNode({
			parameters: { resource: 'template', operation: 'getAll', kind: 'omni', returnAll: true },
			credentials: emulatorCredentials(emu),
		});
		const ours = apiCalls(emu, mark);
		const sdkMark = emu.requests.length;
		const fromSdk = await sdkClient(emu).conversation.templatesV2.list({});
		expect(fromSdk.templates).toHaveLength(2);
		expect(ours).toEqual(apiCalls(emu, sdkMark));
	});

	it("reads an older version: the template with that version's translations", async () => {
		const mark = emu.requests.length;
		const { outputs, error } = await runNode(
			get({ kind: 'omni', templateId: 'appointment_reminder', version: '1' }),
		);
		expect(error).toBeUndefined();
		expect(outputs[0][0].json).toEqual(
			expect.objectContaining({
				id: 'appointment_reminder',
				version: 1,
				translations: (SEEDED_OMNI_TEMPLATES[0] as { translations: unknown }).translations,
			}),
		);
		const ours = apiCalls(emu, mark);
		expect(ours.map((call) => [call.path, call.query])).toEqual([
			[v2('/appointment_reminder'), {}],
			[v2('/appointment_reminder/translations'), { translation_version: '1' }],
		]);
		// The SDK asks for the same translations list.
		const sdkMark = emu.requests.length;
		await sdkClient(emu).conversation.templatesV2.listTranslations({
			template_id: 'appointment_reminder',
			translation_version: '1',
		});
		expect(apiCalls(emu, sdkMark)).toEqual(ours.slice(1));
	});

	it('says so when the version does not exist, and refuses one that is no number', async () => {
		const missing = await runNode(
			get({ kind: 'omni', templateId: 'appointment_reminder', version: '7' }),
		);
		expect(missing.error?.message).toBe(
			'Omnichannel template appointment_reminder has no version 7 (its latest is 2)',
		);
		const mark = emu.requests.length;
		const bad = await runNode(
			get({ kind: 'omni', templateId: 'appointment_reminder', version: 'v2' }),
		);
		expect(bad.error?.message).toBe('Version "v2" is not "latest" or a version number');
		expect(apiCalls(emu, mark)).toEqual([]);
	});

	it('a 404 points at the ID and the Region', async () => {
		const { error } = await runNode(get({ kind: 'omni', templateId: 'nope' }));
		expect(error?.httpCode).toBe('404');
		expect(error?.message).toBe('Omnichannel template nope was not found (404)');
		expect(error?.description).toMatch(/credential's Region/);
	});

	it('reads the region the credential names on a multi-region custom host', async () => {
		emu.setOmniTemplates([{ ...SEEDED_OMNI_TEMPLATES[2], id: 'eu_card' }], 'eu');
		const euCredential = { baseUrl: `${emu.url}/{region}`, customRegion: 'eu' };
		const eu = await runNode(get({ kind: 'omni', templateId: 'eu_card' }, euCredential));
		expect(eu.error).toBeUndefined();
		expect(emu.requests.at(-1)?.path).toBe(`/eu${v2('/eu_card')}`);
		// The template lives in eu only: the root (another region) does not know it.
		const root = await runNode(get({ kind: 'omni', templateId: 'eu_card' }));
		expect(root.error?.httpCode).toBe('404');
		// A region the custom host does not serve: a 404, with the Region named as what to check.
		const br = await runNode(
			get({ kind: 'omni', templateId: 'eu_card' }, { ...euCredential, customRegion: 'br' }),
		);
		expect(br.error?.httpCode).toBe('404');
		expect(br.error?.description).toMatch(/Region/);
		// WhatsApp templates are global: the same host answers them on any region.
		const whatsapp = await runNode(
			get({ kind: 'whatsapp', templateName: 'order_shipped', language: 'pt_BR' }, euCredential),
		);
		expect(whatsapp.error).toBeUndefined();
	});
});
