import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../../transport';
import { failingMessage, pollDelay, summarizeChannelStates } from '../../helpers/channelStates';
import { collectSecrets } from '../../helpers/secrets';
import { redact } from '../../helpers/sinchErrors';
import { appOutput } from './appInput';
import { getApp } from './appApi';

const TIMEOUT = { default: 120, min: 1, max: 3600 };

/** The two options Create and Update add to their Options collection. */
export const waitForChannelsOptions: INodeProperties[] = [
	{
		displayName: 'Wait for Channels',
		name: 'waitForChannels',
		type: 'boolean',
		default: false,
		description:
			"Whether to read the app again, waiting longer each time, until Sinch has checked every channel's credentials (no channel PENDING), or Wait Timeout passes. The output gets channelStatus: which channels are ACTIVE, FAILING (with Sinch's reason) or still PENDING. A FAILING channel makes the item fail; the app still exists. Update waits only when it changes channels.",
	},
	{
		displayName: 'Wait Timeout (Seconds)',
		name: 'waitTimeout',
		type: 'number',
		default: 120,
		typeOptions: { minValue: TIMEOUT.min, maxValue: TIMEOUT.max },
		// Relative to the Options collection: shown once Wait for Channels is on.
		displayOptions: { show: { waitForChannels: [true] } },
		description: `How long to wait for Sinch's check, ${TIMEOUT.min} to ${TIMEOUT.max} seconds. Channels still being checked then are listed as pending; the item does not fail for them.`,
	},
];

/** The wait timeout in milliseconds, or undefined when the item does not wait. Throws on a bad timeout: call it in prepare. */
export function readChannelWait(this: IExecuteFunctions, itemIndex: number): number | undefined {
	if (!(this.getNodeParameter('options.waitForChannels', itemIndex, false) as boolean))
		return undefined;
	const seconds = this.getNodeParameter(
		'options.waitTimeout',
		itemIndex,
		TIMEOUT.default,
	) as unknown;
	if (
		typeof seconds !== 'number' ||
		!Number.isFinite(seconds) ||
		seconds < TIMEOUT.min ||
		seconds > TIMEOUT.max
	) {
		throw new NodeOperationError(
			this.getNode(),
			`Wait Timeout (Seconds) "${String(seconds)}" is not a number of seconds from ${TIMEOUT.min} to ${TIMEOUT.max}`,
			{
				itemIndex,
				description: `Give how long to wait for Sinch's check of the channels, e.g. ${TIMEOUT.default}.`,
			},
		);
	}
	return seconds * 1000;
}

/**
 * The output for a saved app: as it is, or, when the item waits, as last read once no channel is PENDING (or the
 * timeout passed), with `channelStatus`. A FAILING channel throws, naming the app, which exists all the same.
 */
export async function savedAppOutput(
	this: IExecuteFunctions,
	saved: IDataObject,
	itemIndex: number,
	wait: boolean = true,
): Promise<IDataObject> {
	const timeoutMs = wait ? readChannelWait.call(this, itemIndex) : undefined;
	if (timeoutMs === undefined) return appOutput.call(this, saved, itemIndex);

	const appId = String(saved.id);
	const started = Date.now();
	const deadline = started + timeoutMs;
	let app = saved;
	let summary = summarizeChannelStates(app);
	let checks = 0;
	while (summary.result === 'PENDING') {
		const delay = Math.min(pollDelay(checks, timeoutMs), deadline - Date.now());
		if (delay <= 0) break;
		await sleep(delay, this.getExecutionCancelSignal());
		app = await readBack.call(this, appId, itemIndex);
		checks++;
		summary = summarizeChannelStates(app);
	}
	const channelStatus = {
		...summary,
		checks,
		waitedSeconds: Math.round((Date.now() - started) / 100) / 10,
	};

	if (summary.result === 'FAILING') {
		const secrets = collectSecrets(await this.getCredentials(CREDENTIAL_TYPE), app);
		throw new NodeOperationError(
			this.getNode(),
			redact(failingMessage(appId, summary.failing), secrets),
			{
				itemIndex,
				description: [
					`Sinch checked the channel credentials after the save and did not accept them. The app ${appId} exists with these channels: correct their credentials with App → Update (Wait for Channels on) or delete the app.`,
					summary.active.length > 0 ? `Active: ${summary.active.join(', ')}.` : undefined,
					summary.pending.length > 0 ? `Still pending: ${summary.pending.join(', ')}.` : undefined,
				]
					.filter(Boolean)
					.join(' '),
			},
		);
	}
	return { ...appOutput.call(this, app, itemIndex), channelStatus };
}

/** A failed read says that the save itself went through, so the item is not simply run again (a create is not idempotent). */
async function readBack(
	this: IExecuteFunctions,
	appId: string,
	itemIndex: number,
): Promise<IDataObject> {
	try {
		return await getApp.call(this, appId, itemIndex);
	} catch (error) {
		if (error instanceof NodeApiError) {
			error.description = [
				`The app ${appId} was saved; only reading it back while waiting for its channels failed. Check it with App → Get rather than running this item again.`,
				error.description,
			]
				.filter(Boolean)
				.join(' ');
		}
		// Hands back the same error (n8n does not wrap a NodeApiError twice).
		throw new NodeApiError(this.getNode(), error as JsonObject, { itemIndex });
	}
}
