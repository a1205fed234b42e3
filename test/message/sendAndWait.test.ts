/**
 * Send and Wait for Response through n8n-core (test/harness/waiting.ts) against the emulator: the message each channel
 * gets, links n8n signs and checks, the resumed output for each response type, previews that do not answer, the
 * time limit.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { WAIT_INDEFINITELY } from 'n8n-workflow';

import { smsParts } from '../../nodes/SinchConversation/helpers/smsParts';
import { isPreviewAgent } from '../../nodes/SinchConversation/helpers/sendAndWait/previewAgents';
import { emulatorCredentials } from '../harness/setup';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { WaitingHarness } from '../harness/waiting';

const APP_ID = '01HZX3K5V8Q2M7N4P6R9S0T1AB';
const emulator = emulatorPerFile();

let harness: WaitingHarness;
afterEach(async () => await harness?.close());

/** Stands in for the emulator's send endpoint until it has one: answers as Sinch does. */
function acceptSends() {
	emulator.failNext({
		pathIncludes: '/messages:send',
		status: 200,
		body: { message_id: '01JMSG0000000000000000000A', accepted_time: '2026-12-06T18:00:00Z' },
		times: 10,
	});
}

const sent = () =>
	emulator.requests
		.filter((request) => request.path.endsWith('/messages:send'))
		.map((request) => request.body as IDataObject);

async function start(parameters: INodeParameters, items?: IDataObject[]) {
	acceptSends();
	harness = new WaitingHarness(
		{
			resource: 'message',
			operation: 'sendAndWait',
			appId: { mode: 'id', value: APP_ID },
			recipientType: 'phone',
			phoneNumber: '46701234567',
			phoneChannels: ['SMS'],
			message: 'Refund 120 EUR to order 1042?',
			...parameters,
		},
		emulatorCredentials(emulator),
		items,
	);
	await harness.listen();
	return await harness.start();
}

const choices = (body: IDataObject) =>
	((body.message as IDataObject).choice_message as IDataObject).choices as Array<{
		url_message: { title: string; url: string };
	}>;
const smsOf = (body: IDataObject) =>
	(
		((body.message as IDataObject).explicit_channel_omni_message as IDataObject).SMS as {
			text_message: { text: string };
		}
	).text_message.text;
const linkIn = (text: string) => /https?:\/\/\S+/.exec(text)![0];

const approveAndDecline = {
	approvalOptions: {
		values: { approvalType: 'double', approveLabel: 'Yes', disapproveLabel: 'No' },
	},
};

describe('the message', () => {
	it('offers link choices on button channels and one short link on SMS, and the execution waits', async () => {
		const run = await start({ ...approveAndDecline, phoneChannels: ['WHATSAPP'] });
		expect(run.waitTill).toEqual(WAIT_INDEFINITELY);
		expect(run.data.resultData.lastNodeExecuted).toBe('Sinch');
		expect(harness.output).toEqual([]);
		const [body] = sent();
		expect(body.recipient).toEqual({
			identified_by: { channel_identities: [{ channel: 'WHATSAPP', identity: '46701234567' }] },
		});
		const [yes, no] = choices(body);
		expect(yes.url_message.title).toBe('Yes');
		expect(no.url_message.title).toBe('No');
		expect(yes.url_message.url).toMatch(
			/\/webhook-waiting\/4711\/[0-9a-f-]{36}\?a=y&signature=[0-9a-f]{64}$/,
		);
		expect(no.url_message.url).toMatch(/\?a=n&signature=[0-9a-f]{64}$/);
		const sms = smsOf(body);
		expect(sms).toMatch(/^Refund 120 EUR to order 1042\?\nYes \/ No: http/);
		expect(linkIn(sms)).toMatch(/\/webhook-waiting\/4711\/[0-9a-f-]{36}\?signature=[0-9a-f]{64}$/);
		// While it waits the node shows what was sent and how it arrives.
		const shown = run.data.resultData.runData.Sinch[0].data!.main[0]![0].json;
		expect(shown.message_id).toBe('01JMSG0000000000000000000A');
		expect(shown.notes).toEqual(['WHATSAPP: 2 link buttons, shown as links under the text']);
	});

	it('asks the sender of a trigger item, on its channel, with the recipient choices of Send', async () => {
		await start({ recipientType: 'trigger', triggerItem: '' }, [
			{
				app_id: APP_ID,
				message: { channel_identity: { channel: 'RCS', identity: '46709998877' } },
			},
		]);
		const [body] = sent();
		expect(body.app_id).toBe(APP_ID);
		expect(body.recipient).toEqual({
			identified_by: { channel_identities: [{ channel: 'RCS', identity: '46709998877' }] },
		});
	});

	it('on SMS counts the parts of the short text; Approve Only carries the direct link', async () => {
		const run = await start({});
		const sms = smsOf(sent()[0]);
		expect(sms).toMatch(/\nApprove: http\S+\?a=y&signature=/);
		const { parts, units } = smsParts(sms);
		const shown = run.data.resultData.runData.Sinch[0].data!.main[0]![0].json;
		expect(shown.notes).toEqual([`SMS: ${parts} SMS parts (GSM-7, ${units} characters), one link`]);
		expect(choices(sent()[0])).toHaveLength(1);
	});

	it('sends once for all input items, and refuses an empty message before sending', async () => {
		await start({}, [{ a: 1 }, { a: 2 }, { a: 3 }]);
		expect(sent()).toHaveLength(1);
		await harness.close();
		const run = await start({ message: '  ' });
		expect(run.data.resultData.error?.message).toBe('The message is empty');
		expect(sent()).toHaveLength(1);
	});
});

describe('the answer', () => {
	it('approves through the link: the execution resumes with approved true', async () => {
		await start(approveAndDecline);
		const opened = await harness.open(choices(sent()[0])[0].url_message.url);
		expect(opened.status).toBe(200);
		expect(opened.body).toContain('Got it, thanks');
		expect(harness.run!.waitTill).toBeUndefined();
		expect(harness.output).toEqual([{ data: { approved: true, respondedAt: expect.any(String) } }]);
		expect(Date.parse(String((harness.output[0].data as IDataObject).respondedAt))).not.toBeNaN();
	});

	it('declines through the link', async () => {
		await start(approveAndDecline);
		await harness.open(choices(sent()[0])[1].url_message.url);
		expect(harness.output).toEqual([
			{ data: { approved: false, respondedAt: expect.any(String) } },
		]);
	});

	it("SMS's page link shows both buttons, answers nothing on opening, and the posted choice resumes", async () => {
		await start(approveAndDecline);
		const page = linkIn(smsOf(sent()[0]));
		const opened = await harness.open(page);
		expect(opened.body).toContain('<button>Yes</button>');
		expect(opened.body).toContain('<button class="second">No</button>');
		expect(harness.run!.waitTill).toBeDefined();
		await harness.open(page, { form: { a: 'n' } });
		expect(harness.output).toEqual([
			{ data: { approved: false, respondedAt: expect.any(String) } },
		]);
	});

	it('ignores link previews: the execution goes on waiting', async () => {
		await start({});
		const url = choices(sent()[0])[0].url_message.url;
		for (const userAgent of [
			'WhatsApp/2.23.20.0 A',
			'TelegramBot (like TwitterBot)',
			'facebookexternalhit/1.1',
			'',
		]) {
			const opened = await harness.open(url, { userAgent });
			expect(opened).toMatchObject({ status: 200, body: '' });
			expect(opened.response?.workflowData).toBeUndefined();
		}
		expect(harness.run!.waitTill).toBeDefined();
		await harness.open(url);
		expect(harness.output[0]).toMatchObject({ data: { approved: true } });
	});

	it('refuses a link whose query was changed', async () => {
		await start({});
		const url = choices(sent()[0])[0].url_message.url.replace('a=y', 'a=n');
		const opened = await harness.open(url);
		expect(opened.status).toBe(401);
		expect(harness.run!.waitTill).toBeDefined();
	});

	it('free text: the link opens a form, and the posted text resumes', async () => {
		await start({ responseType: 'freeText', options: { messageButtonLabel: 'Answer' } });
		const [choice] = choices(sent()[0]);
		expect(choice.url_message.title).toBe('Answer');
		const page = await harness.open(choice.url_message.url);
		expect(page.body).toContain('<textarea id="text" name="text" required>');
		expect(harness.run!.waitTill).toBeDefined();
		expect((await harness.open(choice.url_message.url, { form: { text: ' ' } })).status).toBe(400);
		await harness.open(choice.url_message.url, { form: { text: 'Only half, please' } });
		expect(harness.output).toEqual([
			{ data: { text: 'Only half, please', respondedAt: expect.any(String) } },
		]);
	});

	it('custom form: the fields by label, numbers as numbers, required ones enforced', async () => {
		await start({
			responseType: 'customForm',
			formFields: {
				values: [
					{ fieldLabel: 'Amount', fieldType: 'number', requiredField: true },
					{ fieldLabel: 'Size', fieldType: 'dropdown', fieldOptions: 'S, M, L' },
					{ fieldLabel: 'respondedAt', fieldType: 'text' },
				],
			},
		});
		const url = choices(sent()[0])[0].url_message.url;
		const page = await harness.open(url);
		expect(page.body).toContain('<option value="M">M</option>');
		expect((await harness.open(url, { form: { f1: 'M' } })).status).toBe(400);
		await harness.open(url, { form: { f0: '60', f1: 'M', f2: 'forged' } });
		const data = harness.output[0].data as IDataObject;
		expect(data).toMatchObject({ Amount: 60, Size: 'M' });
		expect(data.respondedAt).not.toBe('forged');
	});
});

describe('the time limit', () => {
	it('waits until the interval is up, then outputs the input items', async () => {
		const before = Date.now();
		const run = await start(
			{
				options: {
					limitWaitTime: {
						values: { limitType: 'afterTimeInterval', resumeAmount: 2, resumeUnit: 'hours' },
					},
				},
			},
			[{ order: 7 }],
		);
		const till = new Date(run.waitTill!).getTime();
		expect(till - before).toBeGreaterThanOrEqual(2 * 3_600_000);
		expect(till - Date.now()).toBeLessThanOrEqual(2 * 3_600_000);
		await harness.timeOut();
		expect(harness.run!.finished).toBe(true);
		expect(harness.output).toEqual([{ order: 7 }]);
	});

	it('waits until a date, and refuses one that is not a date before sending', async () => {
		const run = await start({
			options: {
				limitWaitTime: {
					values: { limitType: 'atSpecifiedTime', maxDateAndTime: '2027-01-01T10:00:00Z' },
				},
			},
		});
		expect(new Date(run.waitTill!).toISOString()).toBe('2027-01-01T10:00:00.000Z');
		await harness.close();
		const bad = await start({
			options: {
				limitWaitTime: { values: { limitType: 'atSpecifiedTime', maxDateAndTime: 'soon' } },
			},
		});
		expect(bad.data.resultData.error?.message).toBe('Limit Wait Time "soon" is not a date');
		expect(sent()).toHaveLength(1);
	});
});

describe('preview agents', () => {
	it('tells previews from people', () => {
		expect(isPreviewAgent('Mozilla/5.0 (Linux; Android 14) Chrome/120 Mobile Safari/537.36')).toBe(
			false,
		);
		expect(isPreviewAgent('Mozilla/5.0 (compatible; Discordbot/2.0)')).toBe(true);
		expect(isPreviewAgent('Viber/21.0')).toBe(true);
		expect(isPreviewAgent('')).toBe(true);
	});
});
