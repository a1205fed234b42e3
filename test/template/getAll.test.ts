import { runNode } from '../harness/engine';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { apiCalls, emulatorCredentials } from '../harness/setup';
import { SEEDED_WHATSAPP_TEMPLATES, type JsonObject } from '../emulator';

const emu = emulatorPerFile();

const whatsappPath = () => `/v1/projects/${emu.projectId}/whatsapp/templates`;
const getMany = (parameters: object) => ({
	parameters: { resource: 'template', operation: 'getAll', ...parameters },
	credentials: emulatorCredentials(emu),
});
const summary = (json: object) => {
	const { name, language, state } = json as { name: string; language: string; state: string };
	return `${name}/${language}/${state}`;
};

/** Many WhatsApp templates, so the node must follow Sinch's pages. */
const manyTemplates = (count: number): JsonObject[] =>
	Array.from({ length: count }, (_, i) => ({
		name: `bulk_${String(i).padStart(3, '0')}`,
		language: i % 2 === 0 ? 'EN_US' : 'PT_BR',
		category: i % 3 === 0 ? 'MARKETING' : 'UTILITY',
		state: i % 5 === 0 ? 'PENDING' : 'APPROVED',
		details: { components: [{ type: 'BODY', text: `Hello {{1}} number ${i}`, examples: ['Ana'] }] },
	}));

describe('Template: Get Many (WhatsApp)', () => {
	it('lists every seeded WhatsApp template, one item each, from the Provisioning API', async () => {
		const mark = emu.requests.length;
		const { outputs, error } = await runNode(getMany({ kind: 'whatsapp', returnAll: true }));
		expect(error).toBeUndefined();
		expect(outputs[0].map((item) => summary(item.json))).toEqual([
			'delivery_photo/EN_US/APPROVED',
			'flash_sale/EN_US/REJECTED',
			'order_shipped/EN_US/APPROVED',
			'order_shipped/PT_BR/APPROVED',
			'spring_picks/EN_US/APPROVED',
			'welcome_code/EN_US/PENDING',
		]);
		expect(outputs[0][2].json).toEqual(SEEDED_WHATSAPP_TEMPLATES[0]);
		expect(outputs[0].every((item) => item.pairedItem !== undefined)).toBe(true);
		expect(apiCalls(emu, mark)).toEqual([
			{ method: 'GET', path: whatsappPath(), query: { pageSize: '100' }, body: undefined },
		]);
	});

	it('follows the pages for Return All and stops early for a Limit', async () => {
		emu.setWhatsAppTemplates(manyTemplates(230));
		let mark = emu.requests.length;
		const all = await runNode(getMany({ kind: 'whatsapp', returnAll: true }));
		expect(all.error).toBeUndefined();
		expect(all.outputs[0]).toHaveLength(230);
		expect(apiCalls(emu, mark).map((call) => call.query.pageToken !== undefined)).toEqual([
			false,
			true,
			true,
		]);

		mark = emu.requests.length;
		const some = await runNode(getMany({ kind: 'whatsapp', returnAll: false, limit: 7 }));
		expect(some.outputs[0].map((item) => item.json.name)).toEqual(
			manyTemplates(7).map((template) => template.name),
		);
		expect(apiCalls(emu, mark)).toEqual([
			{ method: 'GET', path: whatsappPath(), query: { pageSize: '7' }, body: undefined },
		]);
	});

	it('filters by state at Sinch, and by category and language in the node', async () => {
		emu.setWhatsAppTemplates(manyTemplates(40));
		const mark = emu.requests.length;
		const { outputs, error } = await runNode(
			getMany({
				kind: 'whatsapp',
				returnAll: true,
				whatsappFilters: { state: 'APPROVED', category: 'UTILITY', language: 'pt-br' },
			}),
		);
		expect(error).toBeUndefined();
		const expected = manyTemplates(40).filter(
			(t) => t.state === 'APPROVED' && t.category === 'UTILITY' && t.language === 'PT_BR',
		);
		expect(expected.length).toBeGreaterThan(3);
		expect(outputs[0].map((item) => item.json.name)).toEqual(expected.map((t) => t.name));
		expect(apiCalls(emu, mark)[0].query).toEqual({ pageSize: '100', filterStates: 'APPROVED' });
	});

	it('applies the Limit after the filters', async () => {
		const { outputs } = await runNode(
			getMany({ kind: 'whatsapp', limit: 2, whatsappFilters: { state: 'APPROVED' } }),
		);
		expect(outputs[0].map((item) => summary(item.json))).toEqual([
			'delivery_photo/EN_US/APPROVED',
			'order_shipped/EN_US/APPROVED',
		]);
	});

	it('gives no items when nothing matches', async () => {
		const { outputs, error } = await runNode(
			getMany({ kind: 'whatsapp', returnAll: true, whatsappFilters: { language: 'fr' } }),
		);
		expect(error).toBeUndefined();
		expect(outputs[0] ?? []).toEqual([]);
	});

	it('refuses a state from an expression that Sinch does not know, before sending', async () => {
		const mark = emu.requests.length;
		const { error } = await runNode(
			getMany({ kind: 'whatsapp', whatsappFilters: { state: 'approvedd' } }),
		);
		expect(error?.message).toBe('State "approvedd" is not one Sinch knows');
		expect(error?.description).toContain('APPROVED');
		expect(apiCalls(emu, mark)).toEqual([]);
	});
});

describe('Template: Get Many, Sinch errors', () => {
	it("shows the Provisioning API's own error shape: its code, message and resolution", async () => {
		emu.failNext({
			status: 400,
			pathIncludes: '/whatsapp/templates',
			body: {
				errorCode: 'project_not_initialized',
				message: 'Project not initialized for WhatsApp.',
				resolution: 'Onboard the project for WhatsApp first.',
			},
		});
		const { error } = await runNode(getMany({ kind: 'whatsapp', returnAll: true }));
		expect(error?.name).toBe('NodeApiError');
		expect(error?.httpCode).toBe('400');
		expect(error?.message).toContain(
			'Sinch answered 400 project_not_initialized: Project not initialized for WhatsApp',
		);
		expect(error?.description).toContain('Onboard the project for WhatsApp first.');
	});
});

describe('Template: Get Many (Omnichannel)', () => {
	const omniPath = () => `/v2/projects/${emu.projectId}/templates`;

	it('lists the omnichannel templates from the Templates V2 API', async () => {
		const mark = emu.requests.length;
		const { outputs, error } = await runNode(getMany({ kind: 'omni', returnAll: true }));
		expect(error).toBeUndefined();
		expect(outputs[0].map((item) => [item.json.id, item.json.version])).toEqual([
			['appointment_reminder', 2],
			['order_card', 1],
		]);
		expect(apiCalls(emu, mark)).toEqual([
			{ method: 'GET', path: omniPath(), query: {}, body: undefined },
		]);
	});

	it('filters by a translation language and limits', async () => {
		const german = await runNode(
			getMany({ kind: 'omni', returnAll: true, omniFilters: { language: 'de_DE' } }),
		);
		expect(german.outputs[0].map((item) => item.json.id)).toEqual(['appointment_reminder']);
		const one = await runNode(getMany({ kind: 'omni', limit: 1 }));
		expect(one.outputs[0]).toHaveLength(1);
	});
});
