import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { CHANNELS } from '../../helpers/channels';
import { composeMessage } from '../../helpers/sendAndWait/compose';
import { readWaitConfig, type WaitConfig } from '../../helpers/sendAndWait/config';
import { answerLinks } from '../../helpers/sendAndWait/links';
import { sendAndWaitOptions, sendAndWaitProperties } from '../../helpers/sendAndWait/parameters';
import { waitTill } from '../../helpers/sendAndWait/waitTill';
import { appLocatorProperty, readAppId } from '../../shared/appLocator';
import { optionsCollection } from '../../shared/requestOptions';
import type { OperationMeta } from '../operation';
import { sendMessage, SENDING_MESSAGE } from './messageApi';

const properties: INodeProperties[] = [
	appLocatorProperty,
	{
		displayName: 'Channel',
		name: 'recipientChannel',
		type: 'options',
		default: 'SMS',
		options: CHANNELS.map(({ name, value }) => ({ name, value })).sort((a, b) =>
			a.name.localeCompare(b.name),
		),
		description: 'The channel the question goes out on; the app must have it',
	},
	{
		displayName: 'Recipient Identity',
		name: 'recipientIdentity',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 46701234567',
		description:
			"Who is asked, as the channel knows them: a phone number in international form without + for SMS and WhatsApp, the user's ID on the channel otherwise",
	},
	...sendAndWaitProperties,
	optionsCollection(sendAndWaitOptions),
];

export const meta: OperationMeta = { noun: 'message', makes: SENDING_MESSAGE, firstItemOnly: true };

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['sendAndWait'] } },
	properties,
);

interface Prepared {
	appId: string;
	channel: string;
	identity: string;
	config: WaitConfig;
	till: Date;
}

export function prepare(this: IExecuteFunctions, itemIndex: number): Prepared {
	const node = this.getNode();
	const channel = String(this.getNodeParameter('recipientChannel', itemIndex, 'SMS'));
	const identity = String(this.getNodeParameter('recipientIdentity', itemIndex, '')).trim();
	if (!identity)
		throw new NodeOperationError(node, 'Recipient Identity is empty', {
			itemIndex,
			description: `Write who is asked on ${channel}: a phone number in international form for SMS and WhatsApp, the user's ID on other channels. Nothing was sent.`,
		});
	const config = readWaitConfig(node, (name, fallback) =>
		this.getNodeParameter(name, itemIndex, fallback),
	);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return {
		appId: readAppId.call(this, itemIndex),
		channel,
		identity,
		config,
		till: waitTill(node, options),
	};
}

/** Sends the question with its answer links, then puts the execution to wait until a link answers or time is up. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	prepared: Prepared,
): Promise<IDataObject> {
	const { message, notes } = composeMessage(
		prepared.config,
		answerLinks.call(this, prepared.config),
		[prepared.channel],
	);
	const answer = await sendMessage.call(
		this,
		{
			app_id: prepared.appId,
			recipient: {
				identified_by: {
					channel_identities: [{ channel: prepared.channel, identity: prepared.identity }],
				},
			},
			message,
		},
		itemIndex,
	);
	await this.putExecutionToWait(prepared.till);
	return { ...answer, notes };
}
