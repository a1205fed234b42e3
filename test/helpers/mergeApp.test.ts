import type { IDataObject } from 'n8n-workflow';

import {
	applyChannelChange,
	changedFields,
	duplicateEntryKeys,
	entryKey,
	planAppUpdate,
	removeChannels,
	upsertChannelEntries,
} from '../../nodes/SinchConversation/helpers/mergeApp';
import { simplifyApp } from '../../nodes/SinchConversation/helpers/simplify';

const sms = (plan: string, token = 'sms-token'): IDataObject => ({
	channel: 'SMS',
	static_bearer: { claimed_identity: plan, token },
});
const line = (ordinal: number | undefined, token: string, isDefault = false): IDataObject => ({
	channel: 'LINE',
	...(ordinal === undefined ? {} : { credential_ordinal_number: ordinal }),
	line_credentials: {
		token,
		secret: `${token}-secret`,
		...(isDefault ? { is_default: true } : {}),
	},
});
const telegram = (token: string): IDataObject => ({
	channel: 'TELEGRAM',
	telegram_credentials: { token },
});

/** An app as Sinch answers it: read-only fields and every default filled in. */
function storedApp(channels: IDataObject[]): IDataObject {
	return {
		id: '01HZX3K5V8Q2M7N4P6R9S0T1AB',
		display_name: 'Support',
		channel_credentials: channels.map((entry) => ({
			credential_ordinal_number: 0,
			...entry,
			state: { status: 'ACTIVE', description: '' },
			channel_known_id: 'known',
		})),
		conversation_metadata_report_view: 'NONE',
		rate_limits: { inbound: 25, outbound: 25, webhooks: 25 },
		retention_policy: { retention_type: 'MESSAGE_EXPIRE_POLICY', ttl_days: 180 },
		processing_mode: 'DISPATCH',
		smart_conversation: { enabled: false },
		queue_stats: { outbound_size: 0, outbound_limit: 500000 },
		delivery_report_based_fallback: { enabled: true, delivery_report_waiting_time: 300 },
		message_retry_settings: { retry_duration: 3600 },
	};
}

describe('entryKey', () => {
	it('treats a missing ordinal number as 0', () => {
		expect(entryKey(sms('a'))).toBe('SMS#0');
		expect(entryKey(line(undefined, 't'))).toBe('LINE#0');
		expect(entryKey(line(3, 't'))).toBe('LINE#3');
	});
});

describe('upsertChannelEntries', () => {
	it('replaces the entry with the same channel and ordinal number in its place, and keeps the others', () => {
		const current = [sms('old'), telegram('tg'), line(0, 'l0', true)];
		const result = upsertChannelEntries(current, [sms('new')]);
		expect(result).toEqual([sms('new'), telegram('tg'), line(0, 'l0', true)]);
	});

	it('adds an entry whose key is new at the end', () => {
		expect(upsertChannelEntries([sms('a')], [telegram('tg')])).toEqual([sms('a'), telegram('tg')]);
	});

	it('keeps two LINE entries with different ordinal numbers as two entries', () => {
		const result = upsertChannelEntries([line(0, 'first', true)], [line(1, 'second')]);
		expect(result).toHaveLength(2);
		expect(result.map(entryKey)).toEqual(['LINE#0', 'LINE#1']);
	});

	it('replaces a LINE entry stored with ordinal 0 by one given without an ordinal', () => {
		const result = upsertChannelEntries(
			[line(0, 'stored', true), line(1, 'other')],
			[line(undefined, 'fresh', true)],
		);
		expect(result).toEqual([line(undefined, 'fresh', true), line(1, 'other')]);
	});

	it('does not change the list it is given', () => {
		const current = [sms('a')];
		upsertChannelEntries(current, [sms('b'), telegram('t')]);
		expect(current).toEqual([sms('a')]);
	});
});

describe('removeChannels', () => {
	it('removes every entry of the channels named, all LINE ordinals included', () => {
		const current = [sms('a'), line(0, 'l0', true), telegram('t'), line(1, 'l1')];
		expect(removeChannels(current, ['LINE'])).toEqual([sms('a'), telegram('t')]);
		expect(removeChannels(current, ['SMS', 'TELEGRAM'])).toEqual([
			line(0, 'l0', true),
			line(1, 'l1'),
		]);
	});

	it('leaves the list alone for channels the app does not have', () => {
		expect(removeChannels([sms('a')], ['WECHAT'])).toEqual([sms('a')]);
	});
});

describe('applyChannelChange', () => {
	it('replaces the whole list', () => {
		expect(
			applyChannelChange([sms('a'), telegram('t')], { mode: 'replace', entries: [line(0, 'x')] }),
		).toEqual([line(0, 'x')]);
	});

	it('keeps the list', () => {
		expect(applyChannelChange([sms('a')], { mode: 'keep' })).toEqual([sms('a')]);
	});
});

describe('duplicateEntryKeys', () => {
	it('finds a second entry for the same channel and ordinal number', () => {
		expect(
			duplicateEntryKeys([sms('a'), line(1, 'x'), sms('b'), line(1, 'y'), line(2, 'z')]),
		).toEqual([
			{ key: 'SMS#0', first: 0, again: 2 },
			{ key: 'LINE#1', first: 1, again: 3 },
		]);
	});
});

describe('changedFields', () => {
	it('names only fields whose value differs, whatever the key order', () => {
		const stored = { display_name: 'A', retention_policy: { retention_type: 'X', ttl_days: 5 } };
		expect(
			changedFields(stored, {
				display_name: 'A',
				retention_policy: { ttl_days: 5, retention_type: 'X' },
			}),
		).toEqual([]);
		expect(
			changedFields(stored, {
				display_name: 'B',
				retention_policy: { ttl_days: 6, retention_type: 'X' },
			}),
		).toEqual(['display_name', 'retention_policy']);
	});

	it("lists fields in Sinch's order", () => {
		expect(
			changedFields(
				{},
				{ processing_mode: 'CONVERSATION', channel_credentials: [], display_name: 'x' },
			),
		).toEqual(['display_name', 'channel_credentials', 'processing_mode']);
	});

	it('sees no change between a channel entry without an ordinal and the same entry stored with ordinal 0', () => {
		const stored = { channel_credentials: [{ ...sms('a'), credential_ordinal_number: 0 }] };
		expect(changedFields(stored, { channel_credentials: [sms('a')] })).toEqual([]);
		expect(changedFields(stored, { channel_credentials: [sms('b')] })).toEqual([
			'channel_credentials',
		]);
	});

	it('sees a change of channel order (the priority)', () => {
		const stored = { channel_credentials: [sms('a'), telegram('t')] };
		expect(changedFields(stored, { channel_credentials: [telegram('t'), sms('a')] })).toEqual([
			'channel_credentials',
		]);
	});
});

describe('planAppUpdate', () => {
	it('sends only changed fields and the whole merged channel list, without read-only fields', () => {
		const stored = storedApp([sms('plan'), line(0, 'l0', true)]);
		const plan = planAppUpdate(
			stored,
			{ display_name: 'Renamed', processing_mode: 'DISPATCH' },
			{
				mode: 'upsert',
				entries: [line(1, 'l1')],
			},
		);
		expect(plan.updateMask).toEqual(['display_name', 'channel_credentials']);
		expect(plan.body).toEqual({
			display_name: 'Renamed',
			channel_credentials: [
				{ ...sms('plan'), credential_ordinal_number: 0 },
				{ ...line(0, 'l0', true) },
				line(1, 'l1'),
			],
		});
		expect(JSON.stringify(plan.body)).not.toMatch(
			/state|channel_known_id|rate_limits|queue_stats|"id"/,
		);
	});

	it('merges an object setting with the stored one, keeping sub-fields left out', () => {
		const plan = planAppUpdate(
			storedApp([]),
			{ delivery_report_based_fallback: { enabled: false } },
			{ mode: 'keep' },
		);
		expect(plan.updateMask).toEqual(['delivery_report_based_fallback']);
		expect(plan.body).toEqual({
			delivery_report_based_fallback: { enabled: false, delivery_report_waiting_time: 300 },
		});
	});

	it('plans nothing when every value given equals the stored one', () => {
		const stored = storedApp([sms('plan')]);
		const plan = planAppUpdate(
			stored,
			{
				display_name: 'Support',
				retention_policy: { ttl_days: 180 },
				smart_conversation: { enabled: false },
			},
			{ mode: 'upsert', entries: [sms('plan')] },
		);
		expect(plan.updateMask).toEqual([]);
		expect(plan.body).toEqual({});
	});

	it('plans nothing for removing a channel the app does not have', () => {
		const plan = planAppUpdate(
			storedApp([sms('plan')]),
			{},
			{ mode: 'remove', channels: ['LINE'] },
		);
		expect(plan.updateMask).toEqual([]);
	});

	it('replaces the list as given on Replace All, even with an empty list', () => {
		const plan = planAppUpdate(
			storedApp([sms('plan'), telegram('t')]),
			{},
			{ mode: 'replace', entries: [] },
		);
		expect(plan.updateMask).toEqual(['channel_credentials']);
		expect(plan.body).toEqual({ channel_credentials: [] });
	});

	it('does not change the stored app it is given', () => {
		const stored = storedApp([sms('plan')]);
		const copy = JSON.parse(JSON.stringify(stored)) as IDataObject;
		planAppUpdate(
			stored,
			{ display_name: 'x', retention_policy: { ttl_days: 9 } },
			{ mode: 'remove', channels: ['SMS'] },
		);
		expect(stored).toEqual(copy);
	});
});

describe('simplifyApp', () => {
	it('keeps ID, display name and per channel its name, ordinal number and status', () => {
		const app = storedApp([sms('plan'), line(2, 'l2', true)]);
		(app.channel_credentials as IDataObject[])[1].state = {
			status: 'FAILING',
			description: 'bad token',
		};
		expect(simplifyApp(app)).toEqual({
			id: '01HZX3K5V8Q2M7N4P6R9S0T1AB',
			display_name: 'Support',
			channels: [
				{ channel: 'SMS', credential_ordinal_number: 0, status: 'ACTIVE' },
				{ channel: 'LINE', credential_ordinal_number: 2, status: 'FAILING' },
			],
		});
	});

	it('copes with an app without channels or state', () => {
		expect(
			simplifyApp({ id: 'X', display_name: 'Y', channel_credentials: [{ channel: 'SMS' }] }),
		).toEqual({
			id: 'X',
			display_name: 'Y',
			channels: [{ channel: 'SMS', credential_ordinal_number: 0, status: '' }],
		});
		expect(simplifyApp({})).toEqual({ id: '', display_name: '', channels: [] });
	});
});
