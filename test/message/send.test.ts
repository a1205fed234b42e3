/**
 * Send through n8n's engine against the emulator: the checks (every one refused with nothing sent), the app read
 * once per run and app, the rendering notes in the output, the recipient kinds, and the guards of a making request.
 */
import type { INodeParameters } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../emulator';
import { runNode } from '../harness/engine';
import { emulatorCredentials } from '../harness/setup';
import { appReads, messagingApp, sendParameters, sendRequests } from './setup';

let emulator: Emulator;
let appId: string;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => {
	await emulator.close();
});
beforeEach(async () => {
	emulator.reset();
	emulator.setDeliveryReports({ mode: 'off' });
	appId = String((await messagingApp(emulator, ['WHATSAPP', 'SMS'])).id);
});

const run = async (parameters: INodeParameters, items?: object[], extra: object = {}) =>
	await runNode({
		parameters,
		items: items as never,
		credentials: emulatorCredentials(emulator),
		...extra,
	});

const text = (value: string, options: INodeParameters = {}): INodeParameters => ({
	messageType: 'text',
	text: value,
	options,
});
const choices = (count: number) => ({
	choice: Array.from({ length: count }, (_, index) => ({
		type: 'text',
		title: `Option ${index + 1}`,
	})),
});

describe('checked before sending: each refused with nothing sent', () => {
	const CASES: Array<[string, () => INodeParameters, RegExp]> = [
		['an empty text', () => sendParameters(appId, text('  ')), /^Text is empty/],
		[
			'more than 10 choices',
			() => sendParameters(appId, { messageType: 'choice', text: 'Pick', choices: choices(11) }),
			/choice_message.choices has 11 choices; Sinch allows at most 10/,
		],
		[
			'a choice without a title',
			() =>
				sendParameters(appId, {
					messageType: 'choice',
					text: 'Pick',
					choices: { choice: [{ type: 'text' }] },
				}),
			/Choices, entry 1: Title is empty/,
		],
		[
			'more than 10 carousel cards',
			() =>
				sendParameters(appId, {
					messageType: 'carousel',
					cards: { card: Array.from({ length: 11 }, (_, i) => ({ title: `Card ${i}` })) },
				}),
			/carousel_message.cards has 11 cards; Sinch allows at most 10/,
		],
		[
			'more than 3 choices under a carousel',
			() =>
				sendParameters(appId, {
					messageType: 'carousel',
					cards: { card: [{ title: 'a' }, { title: 'b' }] },
					choices: choices(4),
				}),
			/carousel_message.choices has 4 choices; Sinch allows at most 3/,
		],
		[
			'a media message without a URL',
			() => sendParameters(appId, { messageType: 'media', mediaUrl: '={{ "" }}' }),
			/^Media URL is empty/,
		],
		[
			'a location out of range',
			() =>
				sendParameters(appId, {
					messageType: 'location',
					latitude: 91,
					longitude: 0,
					title: 'North',
				}),
			/coordinates.latitude 91 is not a number from -90 to 90/,
		],
		[
			'a contact card without phone numbers',
			() => sendParameters(appId, { messageType: 'contactInfo', fullName: 'Ada' }),
			/phone_numbers is empty/,
		],
		[
			'a list without items',
			() => sendParameters(appId, { messageType: 'list', title: 'Menu' }),
			/list_message.sections has no item/,
		],
		[
			'a WhatsApp template without a language',
			() =>
				sendParameters(appId, {
					messageType: 'template',
					templateKind: 'whatsapp',
					// By expression: a typed value without | is stopped by the field's own check in the editor.
					whatsappTemplate: { __rl: true, mode: 'name', value: '={{ "hello" }}' },
				}),
			/is not a name and a language joined by \|/,
		],
		[
			'a WhatsApp language with a dash',
			() =>
				sendParameters(appId, {
					messageType: 'template',
					templateKind: 'whatsapp',
					whatsappTemplate: { __rl: true, mode: 'name', value: 'hello|en-US' },
				}),
			/WhatsApp writes languages with an underscore/,
		],
		[
			'an omnichannel template without an ID',
			() =>
				sendParameters(appId, {
					messageType: 'template',
					templateKind: 'omni',
					omniTemplate: { __rl: true, mode: 'id', value: '={{ $json.missing ?? "" }}' },
					omniLanguage: 'en-US',
				}),
			/^Template is empty/,
		],
		[
			'Message (JSON) that is not JSON',
			() => sendParameters(appId, { messageType: 'json', messageJson: '{"text_message": ' }),
			/^Message \(JSON\) is not valid JSON/,
		],
		[
			'Message (JSON) with two content types',
			() =>
				sendParameters(appId, {
					messageType: 'json',
					messageJson:
						'{"text_message": {"text": "a"}, "media_message": {"url": "https://x.example/a.png"}}',
				}),
			/Sinch takes exactly one content type/,
		],
		[
			'message metadata over 1024 characters',
			() => sendParameters(appId, text('Hi', { messageMetadata: 'm'.repeat(1025) })),
			/Message Metadata \(message_metadata\) has 1025 characters; Sinch allows at most 1024/,
		],
		[
			'conversation metadata that is not an object',
			() => sendParameters(appId, text('Hi', { conversationMetadata: '[1, 2]' })),
			/Conversation Metadata must be a JSON object/,
		],
		[
			'conversation metadata over 2048 characters',
			() =>
				sendParameters(
					appId,
					text('Hi', { conversationMetadata: JSON.stringify({ a: 'x'.repeat(2100) }) }),
				),
			/Conversation Metadata \(conversation_metadata\) has 2108 characters as JSON; Sinch allows at most 2048/,
		],
		[
			'a correlation ID over 128 characters',
			() => sendParameters(appId, text('Hi', { correlationId: 'c'.repeat(129) })),
			/Correlation ID \(correlation_id\) has 129 characters; Sinch allows at most 128/,
		],
		[
			'a channel property value over 1024 characters',
			() =>
				sendParameters(
					appId,
					text('Hi', {
						channelProperties: { property: [{ key: 'SMS_SENDER', value: 's'.repeat(1025) }] },
					}),
				),
			/Channel Properties, SMS_SENDER has 1025 characters; Sinch allows at most 1024/,
		],
		[
			'a TTL under 3 seconds',
			() => sendParameters(appId, text('Hi', { ttl: 2 })),
			/TTL \(Seconds\) 2 is out of range: Sinch takes 3 to 315576000000 seconds/,
		],
		[
			'a TTL that is not whole seconds',
			() => sendParameters(appId, text('Hi', { ttl: 2.5 })),
			/TTL \(Seconds\) "2.5" is not a whole number of seconds/,
		],
		[
			'a phone number that is not one',
			() => ({
				...sendParameters(appId, text('Hi')),
				recipientType: 'phone',
				phoneNumber: 'call me',
				phoneChannels: ['SMS'],
			}),
			/Phone Number "call me" is not a phone number/,
		],
		[
			'a channel identity without identity',
			() => sendParameters(appId, text('Hi'), [{ channel: 'SMS', identity: '' }]),
			/Channel Identities, entry 1: Identity is empty/,
		],
		[
			'an empty contact ID',
			() => ({ ...sendParameters(appId, text('Hi')), recipientType: 'contact', contactId: ' ' }),
			/^Contact ID is empty/,
		],
	];

	it.each(CASES)('%s', async (_name, parameters, message) => {
		const result = await run(parameters());
		expect(result.error?.message).toMatch(message);
		expect(result.error?.description).toMatch(/Nothing was sent/);
		expect(sendRequests(emulator)).toHaveLength(0);
	});

	it('a bad item among good ones stops the run before the first send, naming the item', async () => {
		const result = await run(
			sendParameters(appId, { messageType: 'text', text: '={{ $json.text }}' }),
			[{ text: 'one' }, { text: 'two' }, { text: '' }, { text: 'four' }],
		);
		expect(result.error?.message).toMatch(/^Text is empty/);
		expect(result.error?.context?.itemIndex).toBe(2);
		expect(sendRequests(emulator)).toHaveLength(0);
	});
});

describe('checked against the app: read once per run and app, nothing sent on a mismatch', () => {
	it('a channel the app lacks, in the identities or the priority order, names the channels it has', async () => {
		const result = await run(
			sendParameters(appId, text('Hi', { channelPriorityOrder: ['RCS', 'SMS'] }), [
				{ channel: 'MESSENGER', identity: 'psid-1' },
				{ channel: 'SMS', identity: '46701112233' },
			]),
		);
		expect(result.error?.message).toBe(
			`MESSENGER, RCS are not configured on app ${appId} (it has WHATSAPP, SMS): send on a channel the app has, or add the channel to the app.`,
		);
		expect(sendRequests(emulator)).toHaveLength(0);
	});

	it('item 3 of 4 on a channel the app lacks: nothing is sent for any item', async () => {
		const result = await run(
			{
				...sendParameters(appId, text('Hi')),
				recipientType: 'phone',
				phoneNumber: '+46 70 111 22 33',
				phoneChannels: '={{ $json.channel }}',
			},
			[{ channel: 'SMS' }, { channel: 'WHATSAPP' }, { channel: 'RCS' }, { channel: 'SMS' }],
		);
		expect(result.error?.message).toMatch(/^RCS is not configured on app/);
		expect(result.error?.context?.itemIndex).toBe(2);
		expect(sendRequests(emulator)).toHaveLength(0);
		expect(appReads(emulator)).toHaveLength(1);
	});

	it('with continue-on-fail, only the mismatched item fails; the app is read once for all items', async () => {
		const result = await run(
			{
				...sendParameters(appId, text('Hi')),
				recipientType: 'phone',
				phoneNumber: '+46701112233',
				phoneChannels: '={{ $json.channel }}',
			},
			[{ channel: 'SMS' }, { channel: 'RCS' }, { channel: 'WHATSAPP' }],
			{ onError: 'continueErrorOutput' },
		);
		const [sent, failed] = result.outputs;
		expect(sent.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		expect(failed.map((item) => item.pairedItem)).toEqual([{ item: 1 }]);
		expect(failed[0].json.error).toMatch(/^RCS is not configured/);
		expect(sendRequests(emulator)).toHaveLength(2);
		expect(appReads(emulator)).toHaveLength(1);
	});

	it('two apps: each read once', async () => {
		const other = String((await messagingApp(emulator, ['SMS'])).id);
		const result = await run(
			{
				...sendParameters(appId, text('Hi'), [{ channel: 'SMS', identity: '46701112233' }]),
				appId: { __rl: true, mode: 'id', value: '={{ $json.app }}' },
			},
			[{ app: appId }, { app: other }, { app: appId }, { app: other }],
		);
		expect(result.error).toBeUndefined();
		expect(sendRequests(emulator)).toHaveLength(4);
		expect(
			appReads(emulator)
				.map((read) => read.path.split('/').pop())
				.sort(),
		).toEqual([appId, other].sort());
	});

	it('a Contact ID for an app in DISPATCH mode says to send to identities', async () => {
		const result = await run({
			...sendParameters(appId, text('Hi')),
			recipientType: 'contact',
			contactId: '01HCONTACT0000000000000000',
		});
		expect(result.error?.message).toMatch(
			/is in DISPATCH processing mode, which keeps no contacts/,
		);
		expect(sendRequests(emulator)).toHaveLength(0);
	});

	it('a Contact ID for an app in CONVERSATION mode is sent; its notes cover every channel of the app', async () => {
		const conversational = String(
			(await messagingApp(emulator, ['WHATSAPP', 'SMS'], { processing_mode: 'CONVERSATION' })).id,
		);
		const result = await run({
			...sendParameters(conversational, text('Hello')),
			recipientType: 'contact',
			contactId: '01HCONTACT0000000000000000',
		});
		expect(result.error).toBeUndefined();
		expect(result.outputs[0][0].json).toMatchObject({
			recipient: { contact_id: '01HCONTACT0000000000000000' },
			channels: ['WHATSAPP', 'SMS'],
			renderingNotes: ['SMS: 1 part, GSM-7, 5 characters'],
		});
	});
});

describe('the output and the rendering notes', () => {
	it('WhatsApp then SMS to one number: message ID, recipient and channels as sent, a note per channel', async () => {
		const result = await run({
			...sendParameters(appId, { messageType: 'choice', text: 'Pick a size', choices: choices(4) }),
			recipientType: 'phone',
			phoneNumber: '+46 70-111 22 33',
			phoneChannels: ['WHATSAPP', 'SMS'],
		});
		expect(result.error).toBeUndefined();
		const output = result.outputs[0][0];
		expect(output.pairedItem).toEqual({ item: 0 });
		expect(output.json).toEqual({
			message_id: expect.any(String),
			accepted_time: expect.any(String),
			app_id: appId,
			recipient: {
				identified_by: {
					channel_identities: [
						{ channel: 'WHATSAPP', identity: '+46701112233' },
						{ channel: 'SMS', identity: '+46701112233' },
					],
				},
			},
			channels: ['WHATSAPP', 'SMS'],
			renderingNotes: [
				'WHATSAPP: 4 choices, more than 3: the choices arrive as a numbered text list, not buttons',
				'SMS: SMS has no buttons or cards: the message arrives as plain text, choices as a numbered list',
			],
		});
		expect(emulator.sentMessages.map((stored) => stored.message.id)).toEqual([
			output.json.message_id,
		]);
	});

	it('Refuse Downgrades makes a downgrade an error, before sending', async () => {
		const result = await run(
			sendParameters(appId, {
				messageType: 'choice',
				text: 'Pick',
				choices: choices(4),
				options: { refuseDowngrades: true },
			}),
		);
		expect(result.error?.message).toMatch(
			/^WHATSAPP: 4 choices, more than 3: the choices arrive as a numbered text list, not buttons \(Refuse Downgrades is on\)/,
		);
		expect(result.error?.description).toMatch(/turn off Refuse Downgrades/);
		expect(sendRequests(emulator)).toHaveLength(0);
	});

	it('Refuse Downgrades lets a message through that every channel shows as built', async () => {
		const result = await run(
			sendParameters(appId, {
				messageType: 'choice',
				text: 'Pick',
				choices: choices(3),
				options: { refuseDowngrades: true },
			}),
		);
		expect(result.error).toBeUndefined();
		expect(result.outputs[0][0].json.renderingNotes).toEqual([]);
	});
});

describe('a send is never repeated but after a 429', () => {
	it('Retry On Fail is refused before anything is read or sent', async () => {
		const result = await run(sendParameters(appId, text('Hi')), undefined, {
			settings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 },
		});
		expect(result.error?.message).toBe(
			'Retry On Fail cannot be used with Send: it would send items again',
		);
		expect(sendRequests(emulator)).toHaveLength(0);
	});

	it('a lost answer says the message may have been sent, and is not sent again', async () => {
		emulator.dropNext({ method: 'POST', pathIncludes: '/messages:send', afterProcessing: true });
		const result = await run(sendParameters(appId, text('Hi')));
		expect(result.error?.message).toMatch(/may or may not have been sent/);
		expect(result.error?.description).toMatch(/look for it with Message → Get Many/);
		expect(sendRequests(emulator)).toHaveLength(1);
		expect(emulator.sentMessages).toHaveLength(1);
	});

	it('a 500 says the message may have been sent, and is not sent again', async () => {
		emulator.failNext({ method: 'POST', pathIncludes: '/messages:send', status: 500 });
		const result = await run(sendParameters(appId, text('Hi')));
		expect(result.error?.message).toMatch(/The message may or may not have been sent/);
		expect(sendRequests(emulator)).toHaveLength(1);
	});

	it('a 429 is sent again and the message goes out once', async () => {
		emulator.failNext({ method: 'POST', pathIncludes: '/messages:send', status: 429 });
		const result = await run(sendParameters(appId, text('Hi')));
		expect(result.error).toBeUndefined();
		expect(sendRequests(emulator).map((request) => request.status)).toEqual([429, 200]);
		expect(emulator.sentMessages).toHaveLength(1);
	});
});
