import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { recipientChannels, recipientFrom } from '../../helpers/recipient';
import { composeMessage } from '../../helpers/sendAndWait/compose';
import { readWaitConfig, type WaitConfig } from '../../helpers/sendAndWait/config';
import { answerLinks } from '../../helpers/sendAndWait/links';
import { sendAndWaitOptions, sendAndWaitProperties } from '../../helpers/sendAndWait/parameters';
import { waitTill } from '../../helpers/sendAndWait/waitTill';
import { optionsCollection } from '../../shared/requestOptions';
import { assertValid } from '../app/appInput';
import type { OperationMeta } from '../operation';
import { readAppAndRecipient, sendTargetProperties } from './messageFields';
import { sendMessage, SENDING_MESSAGE } from './messageApi';

const properties: INodeProperties[] = [
	...sendTargetProperties,
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
	recipient: IDataObject;
	config: WaitConfig;
	till: Date;
}

export function prepare(this: IExecuteFunctions, itemIndex: number): Prepared {
	const node = this.getNode();
	const { appId, recipient } = readAppAndRecipient.call(this, itemIndex);
	const problems: string[] = [];
	const recipientObject = recipientFrom(recipient, problems);
	assertValid.call(this, problems, itemIndex, 'Nothing was sent.');
	const config = readWaitConfig(node, (name, fallback) =>
		this.getNodeParameter(name, itemIndex, fallback),
	);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return { appId, recipient: recipientObject, config, till: waitTill(node, options) };
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
		recipientChannels(prepared.recipient),
	);
	const answer = await sendMessage.call(
		this,
		{
			app_id: prepared.appId,
			recipient: prepared.recipient,
			message,
		},
		itemIndex,
	);
	await this.putExecutionToWait(prepared.till);
	return { ...answer, notes };
}
