import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { sendBody } from '../../helpers/messageBody';
import { sendBodyProblems } from '../../helpers/messageChecks';
import { messageTypeProperties, messageTypeProperty } from '../../helpers/messageTypes';
import { optionsCollection } from '../../shared/requestOptions';
import { pace } from '../../transport/pacing';
import { assertValid } from '../app/appInput';
import type { OperationMeta } from '../operation';
import {
	readAppAndRecipient,
	readMessageFields,
	readSendOptions,
	sendOptionFields,
	sendTargetProperties,
} from './messageFields';
import { sendMessage, SENDING_MESSAGE } from './messageApi';
import { registerSend, verdictFor, type PreparedSend } from './sendRun';

const properties: INodeProperties[] = [
	...sendTargetProperties,
	messageTypeProperty,
	...messageTypeProperties(),
	optionsCollection(sendOptionFields),
];

export const meta: OperationMeta = { noun: 'message', makes: SENDING_MESSAGE };

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['send'] } },
	properties,
);

/** Reads and checks the item: everything Sinch would refuse that the item alone shows. Sends nothing. */
export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedSend {
	const { appId, recipient } = readAppAndRecipient.call(this, itemIndex);
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
	const signal = this.getExecutionCancelSignal();
	// Each try takes a turn at the app's rate, a 429's retry too: a retry outside the pace would meet the next 429.
	const answer = await sendMessage.call(
		this,
		prepared.body,
		itemIndex,
		async () => await pace(prepared.appId, verdict.rate, signal),
	);
	return {
		message_id: answer.message_id,
		accepted_time: answer.accepted_time,
		app_id: prepared.appId,
		recipient: prepared.body.recipient,
		channels: verdict.channels,
		renderingNotes: verdict.notes.map((note) => note.note),
	};
}
