/** Contact → Create through n8n's engine against the emulator; the body compared with Sinch's Node SDK's. */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { emulatorPerFile } from '../harness/emulatorPerFile';
import { sdkClient } from '../harness/sdk';
import { contactCalls, runContact, seedContact } from './setup';

const emulator = emulatorPerFile();
const APP_ID = '01HZX3K5V8Q2M7N4P6R9S0T1AB';

const identities = (...entries: IDataObject[]): INodeParameters => ({
	channelIdentities: { entries } as INodeParameters,
});

it('sends the identities, language and the fields given, as the SDK does, and outputs the contact', async () => {
	const result = await runContact(emulator, 'create', {
		...identities(
			{ channel: 'SMS', identity: ' 46701112233 ' },
			{ channel: 'MESSENGER', identity: 'psid-1', appId: APP_ID.toLowerCase() },
		),
		language: 'SV',
		additionalFields: { displayName: 'Ada', email: 'ada@example.com', externalId: 'crm-7' },
	});
	expect(result.error).toBeUndefined();
	const [call] = contactCalls(emulator);
	expect(result.outputs[0]).toEqual([
		{
			json: {
				id: expect.any(String),
				channel_identities: [
					{ channel: 'SMS', identity: '46701112233', app_id: '' },
					{ channel: 'MESSENGER', identity: 'psid-1', app_id: APP_ID },
				],
				channel_priority: [],
				display_name: 'Ada',
				email: 'ada@example.com',
				external_id: 'crm-7',
				language: 'SV',
				metadata: '',
			},
			pairedItem: { item: 0 },
		},
	]);
	emulator.reset();
	await sdkClient(emulator).conversation.contact.create({
		contactCreateRequestBody: {
			channel_identities: [
				{ channel: 'SMS', identity: '46701112233' },
				{ channel: 'MESSENGER', identity: 'psid-1', app_id: APP_ID },
			],
			language: 'SV',
			display_name: 'Ada',
			email: 'ada@example.com',
			external_id: 'crm-7',
		},
	});
	const [sdkCall] = contactCalls(emulator);
	expect(call).toEqual(sdkCall);
});

it('sends Channel Priority in the order given, as the SDK does', async () => {
	const result = await runContact(emulator, 'create', {
		...identities(
			{ channel: 'SMS', identity: '4670444' },
			{ channel: 'WHATSAPP', identity: '4670444' },
		),
		language: 'EN_US',
		additionalFields: { channelPriority: ['WHATSAPP', 'SMS'] },
	});
	expect(result.error).toBeUndefined();
	expect(result.outputs[0][0].json.channel_priority).toEqual(['WHATSAPP', 'SMS']);
	const [call] = contactCalls(emulator);
	emulator.reset();
	await sdkClient(emulator).conversation.contact.create({
		contactCreateRequestBody: {
			channel_identities: [
				{ channel: 'SMS', identity: '4670444' },
				{ channel: 'WHATSAPP', identity: '4670444' },
			],
			channel_priority: ['WHATSAPP', 'SMS'],
			language: 'EN_US',
		},
	});
	const [sdkCall] = contactCalls(emulator);
	expect(call).toEqual(sdkCall);
});

it.each([
	['no identity', identities(), {}, /Channel Identities is empty/],
	[
		'an empty identity',
		identities({ channel: 'SMS', identity: ' ' }),
		{},
		/entry 1 \(SMS\): Identity is empty/,
	],
	[
		'a Messenger identity without its app',
		identities({ channel: 'MESSENGER', identity: 'psid-1' }),
		{},
		/entry 1 \(Facebook Messenger\): App ID is empty/,
	],
	[
		'the same identity twice',
		identities({ channel: 'SMS', identity: '1' }, { channel: 'SMS', identity: '1' }),
		{},
		/entry 2 repeats entry 1/,
	],
	[
		'a bad email',
		identities({ channel: 'SMS', identity: '1' }),
		{ email: 'nope' },
		/not an email address/,
	],
	[
		'metadata over 1024 characters',
		identities({ channel: 'SMS', identity: '1' }),
		{ metadata: 'x'.repeat(1025) },
		/at most 1024/,
	],
	[
		'a channel Sinch lacks in Channel Priority',
		identities({ channel: 'SMS', identity: '1' }),
		{ channelPriority: ['SMS', 'PIGEON'] },
		/Channel Priority: "PIGEON" is not a channel/,
	],
	[
		'a channel twice in Channel Priority',
		identities({ channel: 'SMS', identity: '1' }),
		{ channelPriority: ['SMS', 'SMS'] },
		/Channel Priority names SMS twice/,
	],
	[
		'an identity that is not text',
		identities({ channel: 'SMS', identity: { n: 1 } }),
		{},
		/Identity/,
	],
])('refuses %s before sending anything', async (_name, parameters, additionalFields, message) => {
	const result = await runContact(emulator, 'create', {
		...parameters,
		language: 'EN_US',
		additionalFields,
	});
	expect(result.error?.message).toMatch(message);
	expect(contactCalls(emulator)).toEqual([]);
});

it('two items of one run with the same identity: the second is refused before anything is sent', async () => {
	const result = await runContact(
		emulator,
		'create',
		{ ...identities({ channel: 'SMS', identity: '={{ $json.phone }}' }), language: 'EN_US' },
		{ items: [{ phone: '4670111' }, { phone: '4670222' }, { phone: '4670111' }] },
	);
	expect(result.error?.message).toMatch(
		/Item 0 of this run already creates a contact with the SMS identity 4670111/,
	);
	expect(contactCalls(emulator)).toEqual([]);
});

it("an identity another contact has: Sinch's refusal names that contact; with continue-on-fail the others are made", async () => {
	const existing = await seedContact(emulator, {
		channel_identities: [{ channel: 'SMS', identity: '4670111' }],
	});
	const result = await runContact(
		emulator,
		'create',
		{ ...identities({ channel: 'SMS', identity: '={{ $json.phone }}' }), language: 'EN_US' },
		{ items: [{ phone: '4670111' }, { phone: '4670222' }], onError: 'continueErrorOutput' },
	);
	expect(result.outputs[0].map((item) => item.pairedItem)).toEqual([{ item: 1 }]);
	expect(result.outputs[1]).toHaveLength(1);
	expect(result.outputs[1][0].pairedItem).toEqual({ item: 0 });
	expect(String(result.outputs[1][0].json.error)).toContain(String(existing.id));
	expect(String(result.outputs[1][0].json.details)).toMatch(
		/belongs to one contact only\. Remove it from that contact first .* or Merge the two contacts/,
	);
	expect(emulator.contacts).toHaveLength(2);
});

it('is never repeated after a lost answer, and says the contact may exist', async () => {
	emulator.dropNext({ method: 'POST', pathIncludes: '/contacts', afterProcessing: true });
	const result = await runContact(emulator, 'create', {
		...identities({ channel: 'SMS', identity: '4670333' }),
		language: 'EN_US',
	});
	expect(result.error?.message).toMatch(/contact may or may not exist now/);
	expect(contactCalls(emulator).filter((call) => call.method === 'POST')).toHaveLength(1);
	expect(emulator.contacts).toHaveLength(1);
});
