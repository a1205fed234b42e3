/**
 * Values that are not text where text is expected (an expression giving an object or a list) are refused
 * before anything is sent, naming the field, the entry and the item, and never shown (they may be secrets). Without
 * this they went out as "[object Object]" or as items joined by commas, and each item "succeeded".
 */
import type { INodeParameters } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { emulatorPerFile } from '../harness/emulatorPerFile';
import { apiCalls, emulatorCredentials } from '../harness/setup';

const emulator = emulatorPerFile();

async function run(parameters: INodeParameters) {
	return await runNode({
		parameters,
		credentials: emulatorCredentials(emulator),
		items: [{ n: 0 }, { n: 1 }],
		onError: 'continueRegularOutput',
	});
}

/** Item 1 gets the odd value, item 0 a good one: item 0 is sent, item 1 refused. */
const onSecondItem = (good: string, bad: string) => `={{ $json.n === 1 ? ${bad} : ${good} }}`;

test.each<[string, INodeParameters, RegExp]>([
	[
		'an object as SMS API Token',
		{
			resource: 'app',
			operation: 'create',
			displayName: 'SMS app',
			channelCredentials: {
				entries: [
					{
						channel: 'SMS',
						smsServicePlanId: 'plan-1',
						smsApiToken: onSecondItem('"tok-1"', '{ token: "tok-1" }'),
					},
				],
			},
		},
		/^Channel Credentials, entry 1 \(SMS\): API Token \(token\) must be text, not an object\./,
	],
	[
		'a list as WhatsApp Sender ID',
		{
			resource: 'app',
			operation: 'create',
			displayName: 'WA app',
			channelCredentials: {
				entries: [
					{
						channel: 'WHATSAPP',
						whatsappSenderId: onSecondItem('"+46701"', '["+46701", "+46702"]'),
						whatsappToken: 'wa-token',
					},
				],
			},
		},
		/^Channel Credentials, entry 1 \(WHATSAPP\): Sender ID \(claimed_identity\) must be text, not a list\./,
	],
	[
		'an object as Display Name',
		{
			resource: 'app',
			operation: 'create',
			displayName: onSecondItem('"App"', '{ name: "App" }'),
			channelCredentials: { entries: [] },
		},
		/^Display Name must be text, not an object\./,
	],
])('%s is refused on its item, nothing sent for it', async (_name, parameters, message) => {
	const { outputs } = await run(parameters);
	expect(outputs[0][0].json.error).toBeUndefined();
	expect(outputs[0][1].json.error).toMatch(message);
	expect(outputs[0][1].pairedItem).toEqual({ item: 1 });
	expect(emulator.apps).toHaveLength(1);
	expect(JSON.stringify(emulator.requests)).not.toContain('[object Object]');
	expect(JSON.stringify(emulator.requests)).not.toContain('+46701,+46702');
});

describe('webhook fields', () => {
	const webhookRun = (target: string, extra: INodeParameters = {}) =>
		run({
			resource: 'webhook',
			operation: 'create',
			appId: { __rl: true, mode: 'id', value: '01HZZZZZZZZZZZZZZZZZZZZZZZ' },
			target,
			triggers: ['MESSAGE_INBOUND'],
			...extra,
		});

	it('a list of two URLs as Target URL is refused, not joined by a comma', async () => {
		const { outputs } = await webhookRun(
			'={{ ["https://a.example.com", "https://b.example.com"] }}',
		);
		expect(outputs[0][0].json.error).toMatch(/^Target URL must be text, not a list\./);
		// The token request may go while items are checked; nothing else does.
		expect(apiCalls(emulator)).toEqual([]);
	});

	it('an object as Target Type or Client ID never says [object Object]', async () => {
		const { outputs } = await webhookRun('https://a.example.com/x', {
			additionalFields: {
				targetType: '={{ { type: "HTTP" } }}',
				clientCredentials: {
					credentials: {
						clientId: '={{ { id: 1 } }}',
						clientSecret: 's',
						endpoint: 'https://auth.example.com/t',
					},
				},
			},
		});
		const error = String(outputs[0][0].json.error) + String(outputs[0][0].json.details ?? '');
		expect(error).toMatch(/Target Type \(an object\) is not valid/);
		expect(error).toMatch(/Client Credentials: Client ID must be text, not an object/);
		expect(error).not.toContain('[object Object]');
		// The token request may go while items are checked; nothing else does.
		expect(apiCalls(emulator)).toEqual([]);
	});
});
