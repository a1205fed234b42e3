import axios from 'axios';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { SEEDED_OMNI_TEMPLATES, SEEDED_WHATSAPP_TEMPLATES } from './';

const http = axios.create({ validateStatus: () => true });
const emulator = emulatorPerFile({ regions: ['eu'] });

const basic = () => ({
	auth: { username: emulator.keyId, password: emulator.keySecret },
});
const whatsapp = (rest = '') =>
	`${emulator.url}/v1/projects/${emulator.projectId}/whatsapp/templates${rest}`;
const omni = (rest = '', base = emulator.url) =>
	`${base}/v2/projects/${emulator.projectId}/templates${rest}`;

describe('WhatsApp templates (Provisioning API)', () => {
	it('lists the seeded templates by name, then language, with Sinch paging fields', async () => {
		const answer = await http.get(whatsapp(), basic());
		expect(answer.status).toBe(200);
		expect(answer.data.totalSize).toBe(SEEDED_WHATSAPP_TEMPLATES.length);
		expect(answer.data.pageSize).toBe(50);
		expect(answer.data.nextPageToken).toBeUndefined();
		const names = answer.data.templates.map((t: { name: string; language: string }) =>
			[t.name, t.language].join('/'),
		);
		expect(names).toEqual([
			'delivery_photo/EN_US',
			'flash_sale/EN_US',
			'order_shipped/EN_US',
			'order_shipped/PT_BR',
			'spring_picks/EN_US',
			'welcome_code/EN_US',
		]);
		const states = new Set(answer.data.templates.map((t: { state: string }) => t.state));
		expect([...states].sort()).toEqual(['APPROVED', 'PENDING', 'REJECTED']);
	});

	it('pages with pageSize and pageToken until no nextPageToken comes', async () => {
		const seen: string[] = [];
		let token: string | undefined;
		let pages = 0;
		do {
			const answer = await http.get(whatsapp(), {
				...basic(),
				params: { pageSize: 4, ...(token ? { pageToken: token } : {}) },
			});
			expect(answer.status).toBe(200);
			seen.push(...answer.data.templates.map((t: { whatsappId: string }) => t.whatsappId));
			token = answer.data.nextPageToken;
			pages++;
		} while (token);
		expect(pages).toBe(2);
		expect(seen).toHaveLength(SEEDED_WHATSAPP_TEMPLATES.length);
		expect(new Set(seen).size).toBe(seen.length);
	});

	it('refuses a pageSize over 100 and a forged token in its own error shape', async () => {
		const big = await http.get(whatsapp(), { ...basic(), params: { pageSize: 101 } });
		expect(big.status).toBe(400);
		expect(big.data).toEqual(
			expect.objectContaining({ errorCode: 'bad_request', resolution: expect.any(String) }),
		);
		const forged = await http.get(whatsapp(), { ...basic(), params: { pageToken: 'nope' } });
		expect(forged.status).toBe(400);
	});

	it('filters by state and by name', async () => {
		const approved = await http.get(whatsapp(), {
			...basic(),
			params: { filterStates: 'APPROVED' },
		});
		expect(approved.data.templates.every((t: { state: string }) => t.state === 'APPROVED')).toBe(
			true,
		);
		expect(approved.data.totalSize).toBe(4);
		const byName = await http.get(whatsapp('/order_shipped'), basic());
		expect(byName.data.templates.map((t: { language: string }) => t.language)).toEqual([
			'EN_US',
			'PT_BR',
		]);
	});

	it('gets one by name and language, any case, and a 404 names the languages it has', async () => {
		const found = await http.get(whatsapp('/delivery_photo/languages/en_us'), basic());
		expect(found.status).toBe(200);
		expect(found.data.details.components[0]).toEqual(
			expect.objectContaining({ type: 'HEADER', format: 'IMAGE' }),
		);
		const buttons = found.data.details.components[2].buttons;
		expect(buttons[0]).toEqual(
			expect.objectContaining({ type: 'URL', url: 'https://example.com/track/{{1}}' }),
		);
		const otherLanguage = await http.get(whatsapp('/delivery_photo/languages/FR'), basic());
		expect(otherLanguage.status).toBe(404);
		expect(otherLanguage.data.message).toContain('language FR');
		expect(otherLanguage.data.resolution).toContain('EN_US');
		const none = await http.get(whatsapp('/nope/languages/EN_US'), basic());
		expect(none.status).toBe(404);
		expect(none.data.errorCode).toBe('template_not_found');
	});

	it('checks authentication and the project like the other endpoints', async () => {
		expect((await http.get(whatsapp())).status).toBe(401);
		const other = await http.get(
			`${emulator.url}/v1/projects/someone-else/whatsapp/templates`,
			basic(),
		);
		expect(other.status).toBe(404);
	});

	it('serves WhatsApp templates behind a region prefix too (the API is global)', async () => {
		const answer = await http.get(
			`${emulator.regionUrl('eu')}/v1/projects/${emulator.projectId}/whatsapp/templates`,
			basic(),
		);
		expect(answer.status).toBe(200);
		expect(answer.data.totalSize).toBe(SEEDED_WHATSAPP_TEMPLATES.length);
	});
});

describe('Omnichannel templates (Templates V2)', () => {
	it('lists the latest version of each template', async () => {
		const answer = await http.get(omni(), basic());
		expect(answer.status).toBe(200);
		const summary = answer.data.templates.map((t: { id: string; version: number }) => [
			t.id,
			t.version,
		]);
		expect(summary).toEqual([
			['appointment_reminder', 2],
			['order_card', 1],
		]);
	});

	it('gets one, and older translations through translation_version', async () => {
		const latest = await http.get(omni('/appointment_reminder'), basic());
		expect(latest.status).toBe(200);
		expect(latest.data.translations.map((t: { language_code: string }) => t.language_code)).toEqual(
			['en-US', 'de-DE'],
		);
		const first = await http.get(omni('/appointment_reminder/translations'), {
			...basic(),
			params: { translation_version: '1' },
		});
		expect(first.data.translations).toHaveLength(1);
		expect(first.data.translations[0].variables.map((v: { key: string }) => v.key)).toEqual([
			'name',
			'date',
		]);
		const german = await http.get(omni('/appointment_reminder/translations'), {
			...basic(),
			params: { language_code: 'de-DE' },
		});
		expect(german.data.translations[0].text_message.text).toContain('Hallo');
		const missing = await http.get(omni('/appointment_reminder/translations'), {
			...basic(),
			params: { translation_version: '9' },
		});
		expect(missing.data.translations).toEqual([]);
		expect((await http.get(omni('/nope'), basic())).status).toBe(404);
	});

	it('keeps templates per region: a change in eu leaves the root alone', async () => {
		emulator.setOmniTemplates([{ ...SEEDED_OMNI_TEMPLATES[2], id: 'eu_only' }], 'eu');
		const eu = await http.get(omni('', emulator.regionUrl('eu')), basic());
		expect(eu.data.templates.map((t: { id: string }) => t.id)).toEqual(['eu_only']);
		const root = await http.get(omni(), basic());
		expect(root.data.templates).toHaveLength(2);
		// A region that is not served is no API at all.
		const br = await http.get(
			`${emulator.url}/br/v2/projects/${emulator.projectId}/templates`,
			basic(),
		);
		expect(br.status).toBe(404);
	});
});

describe('template control endpoints', () => {
	it('replaces WhatsApp and omnichannel templates; reset brings the seeds back', async () => {
		const mine = {
			name: 'mine',
			language: 'EN',
			category: 'UTILITY',
			state: 'APPROVED',
			details: { components: [{ type: 'BODY', text: 'Hi' }] },
		};
		const set = await http.post(`${emulator.url}/_emulator/templates`, {
			whatsapp: [mine],
			omni: [],
		});
		expect(set.status).toBe(200);
		const listed = await http.get(whatsapp(), basic());
		expect(listed.data.templates).toEqual([mine]);
		expect((await http.get(omni(), basic())).data.templates).toEqual([]);
		const control = await http.get(`${emulator.url}/_emulator/templates`);
		expect(control.data.whatsapp).toEqual([mine]);

		const eu = await http.post(`${emulator.url}/_emulator/templates`, {
			omni: [{ ...SEEDED_OMNI_TEMPLATES[2], id: 'eu_card' }],
			region: 'eu',
		});
		expect(eu.status).toBe(200);
		expect(emulator.omniTemplates('eu').map((t) => t.id)).toEqual(['eu_card']);

		emulator.reset();
		expect(emulator.whatsAppTemplates).toHaveLength(SEEDED_WHATSAPP_TEMPLATES.length);
		expect(emulator.omniTemplates('eu')).toHaveLength(2);
	});

	it('refuses a body that is not lists of templates, or an unknown region', async () => {
		for (const body of [{ whatsapp: 'x' }, { omni: [1] }, { omni: [], region: 'br' }, []]) {
			const answer = await http.post(`${emulator.url}/_emulator/templates`, body);
			expect(answer.status).toBe(400);
		}
	});
});
