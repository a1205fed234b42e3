import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { sendBody } from '../../helpers/messageBody';
import { sendBodyProblems } from '../../helpers/messageChecks';
import { messageTypeProperties, messageTypeProperty } from '../../helpers/messageTypes';
import { replyFromTriggerItem, type RecipientInput } from '../../helpers/recipient';
import { appLocatorProperty, parseAppId, readAppId } from '../../shared/appLocator';
import { optionsCollection } from '../../shared/requestOptions';
import { pace } from '../../transport/pacing';
import { assertValid } from '../app/appInput';
import type { OperationMeta } from '../operation';
import {
	readMessageFields,
	readRecipientInput,
	readSendOptions,
	recipientProperties,
	sendOptionFields,
} from './messageFields';
import { sendMessage, SENDING_MESSAGE } from './messageApi';
import { registerSend, verdictFor, type PreparedSend } from './sendRun';

const properties: INodeProperties[] = [
	...recipientProperties,
	{
		...appLocatorProperty,
		description: `${appLocatorProperty.description} The message is sent from this app, on its channels.`,
		displayOptions: { hide: { recipientType: ['trigger'] } },
	},
	messageTypeProperty,
	...messageTypeProperties(),
	optionsCollection(sendOptionFields),
];

export const meta: OperationMeta = { noun: 'message', makes: SENDING_MESSAGE };

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['send'] } },
	properties,
);

/** The app and recipient of a reply to a trigger item: the item given, or the input item. */
function triggerReply(
	this: IExecuteFunctions,
	itemIndex: number,
): { appId: string; recipient: RecipientInput } {
	const given = this.getNodeParameter('triggerItem', itemIndex, '') as unknown;
	let item = given;
	if (given === '' || given === undefined || given === null)
		item = this.getInputData()[itemIndex]?.json;
	else if (typeof given === 'string') {
		try {
			item = JSON.parse(given) as unknown;
		} catch {
			item = undefined;
		}
	}
	const reply = replyFromTriggerItem(item);
	if (!reply.ok) {
		throw new NodeOperationError(this.getNode(), reply.problem, {
			itemIndex,
			description:
				'Connect the Send after a Sinch Conversation Trigger (events Message Inbound or Message Delivery), or set Trigger Item to an expression that gives such an item. Nothing was sent.',
		});
	}
	return {
		appId: parseAppId(this.getNode(), reply.appId, itemIndex),
		recipient: { kind: 'identities', identities: [reply.identity] },
	};
}

/** Reads and checks the item: everything Sinch would refuse that the item alone shows. Sends nothing. */
export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedSend {
	const { appId, recipient } =
		this.getNodeParameter('recipientType', itemIndex, 'phone') === 'trigger'
			? triggerReply.call(this, itemIndex)
			: {
					appId: readAppId.call(this, itemIndex),
					recipient: readRecipientInput.call(this, itemIndex),
				};
	const options = readSendOptions.call(this, itemIndex);
	const { body, problems } = sendBody({
		appId,
		recipient,
		message: readMessageFields.call(this, itemIndex),
		options,
	});
	if (problems.length === 0) problems.push(...sendBodyProblems(body));
	assertValid.call(this, problems, itemIndex, 'Nothing was sent for this item.');
	const prepared = { appId, body, refuseDowngrades: options.refuseDowngrades === true };
	registerSend(this, itemIndex, prepared);
	return prepared;
}

/**
 * Sends one message, after the run's app checks passed for every item, at the app's outbound rate (shared with the
 * process's other executions). A 429 is retried by the transport; nothing else is.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	prepared: PreparedSend,
): Promise<IDataObject> {
	const verdict = await verdictFor(this, itemIndex);
	await pace(prepared.appId, verdict.rate, this.getExecutionCancelSignal());
	const answer = await sendMessage.call(this, prepared.body, itemIndex);
	return {
		message_id: answer.message_id,
		accepted_time: answer.accepted_time,
		app_id: prepared.appId,
		recipient: prepared.body.recipient,
		channels: verdict.channels,
		renderingNotes: verdict.notes.map((note) => note.note),
	};
}
