import {
	channelLabel,
	describeFailing,
	failingMessage,
	summarizeChannelStates,
} from '../../nodes/SinchConversation/helpers/channelStates';

const entry = (channel: string, status?: string, extra: Record<string, unknown> = {}) => ({
	channel,
	...(status === undefined
		? {}
		: { state: { status, description: status === 'FAILING' ? `${channel} said no` : '' } }),
	...extra,
});

describe('summarizeChannelStates', () => {
	it('sorts entries by state; FAILING wins over PENDING, PENDING over ACTIVE', () => {
		expect(
			summarizeChannelStates({
				channel_credentials: [
					entry('SMS', 'ACTIVE'),
					entry('WHATSAPP', 'PENDING'),
					entry('TELEGRAM', 'FAILING'),
				],
			}),
		).toEqual({
			result: 'FAILING',
			active: ['SMS'],
			pending: ['WHATSAPP'],
			failing: [{ channel: 'TELEGRAM', description: 'TELEGRAM said no' }],
		});
		expect(
			summarizeChannelStates({
				channel_credentials: [entry('SMS', 'ACTIVE'), entry('RCS', 'PENDING')],
			}).result,
		).toBe('PENDING');
		expect(summarizeChannelStates({ channel_credentials: [entry('SMS', 'ACTIVE')] }).result).toBe(
			'ACTIVE',
		);
	});

	it('counts an entry without a known state as still pending, and an app without channels as ACTIVE', () => {
		expect(
			summarizeChannelStates({
				channel_credentials: [entry('SMS'), entry('RCS', 'SOMETHING_NEW')],
			}),
		).toMatchObject({
			result: 'PENDING',
			pending: ['SMS', 'RCS'],
		});
		expect(summarizeChannelStates({})).toEqual({
			result: 'ACTIVE',
			active: [],
			failing: [],
			pending: [],
		});
	});

	it('names LINE credentials other than the first by their ordinal number', () => {
		expect(channelLabel(entry('LINE', 'ACTIVE', { credential_ordinal_number: 0 }))).toBe('LINE');
		expect(channelLabel(entry('LINE', 'ACTIVE', { credential_ordinal_number: 3 }))).toBe('LINE #3');
	});

	it('describes failing channels one by one, saying when Sinch gave no reason', () => {
		expect(
			describeFailing([
				{ channel: 'SMS', description: 'bad token' },
				{ channel: 'RCS', description: '' },
			]),
		).toBe('SMS: bad token; RCS: Sinch gave no reason');
	});

	it('names each failing channel once in the error message', () => {
		expect(failingMessage('APP1', [{ channel: 'WHATSAPP', description: 'not approved' }])).toBe(
			'Channel WHATSAPP of app APP1 is FAILING: not approved',
		);
		expect(
			failingMessage('APP1', [
				{ channel: 'SMS', description: 'bad token' },
				{ channel: 'LINE #2', description: '' },
			]),
		).toBe('2 channels of app APP1 are FAILING: SMS: bad token; LINE #2: Sinch gave no reason');
	});
});
