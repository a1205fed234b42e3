/** One test per channel rule of the reference: what Sinch makes of a message, as the Send output will say it. */
import { renderingNotes } from '../../nodes/SinchConversation/helpers/renderingNotes';
import { smsParts } from '../../nodes/SinchConversation/helpers/smsParts';

const textChoice = (title: string, postback_data?: string) => ({
	text_message: { text: title },
	...(postback_data === undefined ? {} : { postback_data }),
});
const choiceMessage = (choices: object[], text = 'Pick one') => ({
	choice_message: { text_message: { text }, choices },
});
const notes = (message: object, channels: string[]) =>
	renderingNotes(message as never, channels).map(({ note, downgrade }) => ({ note, downgrade }));

describe('WhatsApp reply buttons', () => {
	it('three short text choices stay buttons: no note', () => {
		expect(
			notes(choiceMessage([textChoice('Yes'), textChoice('No'), textChoice('Later')]), [
				'WHATSAPP',
			]),
		).toEqual([]);
	});

	it('more than three choices become a numbered text list', () => {
		const message = choiceMessage(['A', 'B', 'C', 'D'].map((title) => textChoice(title)));
		expect(notes(message, ['WHATSAPP'])).toEqual([
			{
				note: 'WHATSAPP: 4 choices, more than 3: the choices arrive as a numbered text list, not buttons',
				downgrade: true,
			},
		]);
	});

	it('a title over 20 characters, a URL choice, duplicates, long postback data or long text lose the buttons', () => {
		const cases: Array<[object, RegExp]> = [
			[choiceMessage([textChoice('Twenty-one characters')]), /has 21 characters, more than 20/],
			[
				choiceMessage([{ url_message: { title: 'Site', url: 'https://example.com' } }]),
				/1 choice not a text reply/,
			],
			[choiceMessage([textChoice('Yes'), textChoice('Yes')]), /two choices have the same title/],
			[choiceMessage([textChoice('Yes', 'p'.repeat(230))]), /postback data is longer than 229/],
			[
				choiceMessage([textChoice('Yes')], 'x'.repeat(1025)),
				/the text has 1025 characters, more than 1024/,
			],
		];
		for (const [message, pattern] of cases) {
			const [note] = notes(message, ['WHATSAPP']);
			expect(note.note).toMatch(pattern);
			expect(note.downgrade).toBe(true);
		}
	});

	it('the same rules hold for the buttons of a card', () => {
		const card = {
			card_message: { title: 'Shoes', choices: ['A', 'B', 'C', 'D'].map((t) => textChoice(t)) },
		};
		expect(notes(card, ['WHATSAPP'])[0].note).toMatch(/^WHATSAPP: 4 choices, more than 3/);
	});
});

describe('SMS', () => {
	it('a GSM-7 text: parts, encoding and characters, as information', () => {
		expect(notes({ text_message: { text: 'a'.repeat(161) } }, ['SMS'])).toEqual([
			{ note: 'SMS: 2 parts, GSM-7, 161 characters', downgrade: false },
		]);
	});

	it('an emoji makes the text UCS-2 and says which character did it', () => {
		const text = `Your order has shipped 🚚 ${'x'.repeat(40)}`;
		const [note] = notes({ text_message: { text } }, ['SMS']);
		expect(note.note).toBe(`SMS: 1 part, UCS-2 (the "🚚"), ${text.length} characters`);
	});

	it('GSM-7 extension characters count twice; UCS-2 splits at 67', () => {
		expect(smsParts('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', units: 160, parts: 1 });
		expect(smsParts('é'.repeat(161))).toMatchObject({ encoding: 'GSM-7', parts: 2 });
		expect(smsParts('ж'.repeat(71))).toMatchObject({ encoding: 'UCS-2', parts: 2 });
		expect(smsParts('ж'.repeat(70))).toMatchObject({ encoding: 'UCS-2', parts: 1 });
	});

	it('choices, cards and carousels become plain text; media a link', () => {
		for (const message of [
			choiceMessage([textChoice('Yes')]),
			{ card_message: { title: 'Card' } },
			{ carousel_message: { cards: [{ title: 'a' }, { title: 'b' }] } },
		])
			expect(notes(message, ['SMS'])).toEqual([
				expect.objectContaining({
					note: expect.stringMatching(/^SMS: SMS has no buttons or cards/),
					downgrade: true,
				}),
			]);
		expect(notes({ media_message: { url: 'https://example.com/a.jpg' } }, ['SMS'])).toEqual([
			{ note: 'SMS: SMS has no media: the media arrives as a link in the text', downgrade: true },
		]);
	});
});

describe('text lengths, RCS cards, lists, overrides', () => {
	it('text over a channel limit: WhatsApp 4096, RCS 2000, Viber Business 1000 (cut off)', () => {
		expect(notes({ text_message: { text: 'x'.repeat(4097) } }, ['WHATSAPP'])[0].note).toMatch(
			/4097 characters, more than the 4096/,
		);
		expect(notes({ text_message: { text: 'x'.repeat(2001) } }, ['RCS'])[0].note).toMatch(
			/more than the 2000/,
		);
		expect(notes({ text_message: { text: 'x'.repeat(1001) } }, ['VIBERBM'])[0].note).toMatch(
			/more than the 1000 this channel takes: the rest is cut off/,
		);
		expect(notes({ text_message: { text: 'x'.repeat(4096) } }, ['WHATSAPP'])).toEqual([]);
	});

	it('RCS: card title over 200, description over 2000, carousels of 2 to 10 cards', () => {
		const card = { card_message: { title: 't'.repeat(201), description: 'd'.repeat(2001) } };
		expect(notes(card, ['RCS']).map((n) => n.note)).toEqual([
			"RCS: the card's title has 201 characters, more than 200",
			"RCS: the card's description has 2001 characters, more than 2000",
		]);
		expect(notes({ carousel_message: { cards: [{ title: 'only' }] } }, ['RCS'])[0].note).toBe(
			'RCS: a carousel of 1 card: RCS shows carousels of 2 to 10 cards',
		);
	});

	it('a list message is for WhatsApp; elsewhere it is a downgrade', () => {
		const list = {
			list_message: { title: 'Menu', sections: [{ items: [{ choice: { title: 'a' } }] }] },
		};
		expect(notes(list, ['WHATSAPP'])).toEqual([]);
		expect(notes(list, ['MESSENGER'])[0]).toEqual({
			note: 'MESSENGER: list messages are made for WhatsApp; here Sinch sends the rows as plain text',
			downgrade: true,
		});
	});

	it('notes follow the channels in order, and a channel-specific payload silences its channel', () => {
		const message = choiceMessage(['A', 'B', 'C', 'D'].map((title) => textChoice(title)));
		expect(notes(message, ['WHATSAPP', 'SMS']).map((n) => n.note.split(':')[0])).toEqual([
			'WHATSAPP',
			'SMS',
		]);
		expect(
			notes({ ...message, explicit_channel_message: { WHATSAPP: '{}' } }, ['WHATSAPP']),
		).toEqual([]);
	});
});
