import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { PROFILE_CHANNELS } from '../../helpers/contactLanguages';
import { appLocatorProperty, readAppId } from '../../shared/appLocator';
import { optionsCollection } from '../../shared/requestOptions';
import { getApp } from '../app/appApi';
import type { OperationMeta } from '../operation';
import { DISPATCH_MODE_HINT, getChannelProfile } from './contactApi';
import { readRequiredText } from './contactFields';
import { contactLocator, readContactId } from './contactLocator';

const properties: INodeProperties[] = [
	{
		...appLocatorProperty,
		description: `${appLocatorProperty.description} The app whose channel knows the person.`,
	},
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		default: 'MESSENGER',
		options: [...PROFILE_CHANNELS],
		description: 'The channel to ask; Sinch reads profile names on these channels only',
	},
	{
		displayName: 'Person',
		name: 'recipientType',
		type: 'options',
		default: 'identity',
		options: [
			{
				name: 'Channel Identity',
				value: 'identity',
				description: 'The user ID on the channel, e.g. the identity of an inbound message',
			},
			{
				name: 'Contact',
				value: 'contact',
				description: 'A contact with an identity on the channel (apps in CONVERSATION mode only)',
			},
		],
	},
	{
		displayName: 'Identity',
		name: 'identity',
		type: 'string',
		default: '',
		required: true,
		description:
			"The person's user ID on the channel, e.g. the message.channel_identity.identity of an inbound message from the Sinch Conversation Trigger",
		displayOptions: { show: { recipientType: ['identity'] } },
	},
	{
		...contactLocator(),
		displayOptions: { show: { recipientType: ['contact'] } },
	},
	optionsCollection(),
];

export const meta: OperationMeta = { noun: 'channel profile' };

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['getChannelProfile'] } },
	properties,
);

interface PreparedProfile {
	appId: string;
	channel: string;
	recipient: IDataObject;
	/** What the output names the person by. */
	who: IDataObject;
}

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedProfile {
	const appId = readAppId.call(this, itemIndex);
	const channel = String(this.getNodeParameter('channel', itemIndex, 'MESSENGER'));
	if (!PROFILE_CHANNELS.some((option) => option.value === channel))
		throw new NodeOperationError(
			this.getNode(),
			`Channel "${channel}" has no profile names to read`,
			{
				itemIndex,
				description: `Pick one of: ${PROFILE_CHANNELS.map((option) => option.name).join(', ')}.`,
			},
		);
	if (this.getNodeParameter('recipientType', itemIndex, 'identity') === 'contact') {
		const contactId = readContactId.call(this, itemIndex);
		return { appId, channel, recipient: { contact_id: contactId }, who: { contact_id: contactId } };
	}
	const identity = readRequiredText.call(
		this,
		'identity',
		'Identity',
		itemIndex,
		"Give the person's user ID on the channel.",
	);
	return {
		appId,
		channel,
		recipient: { identified_by: { channel_identities: [{ channel, identity }] } },
		who: { identity },
	};
}

/** Each app of a run is read once, for its processing mode. */
const appsOfRun = new WeakMap<object, Map<string, Promise<IDataObject>>>();

function appOnce(ctx: IExecuteFunctions, appId: string, itemIndex: number): Promise<IDataObject> {
	let apps = appsOfRun.get(ctx);
	if (!apps) {
		apps = new Map();
		appsOfRun.set(ctx, apps);
	}
	let app = apps.get(appId);
	if (!app) {
		app = getApp.call(ctx, appId, itemIndex);
		apps.set(appId, app);
	}
	return app;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	{ appId, channel, recipient, who }: PreparedProfile,
): Promise<IDataObject> {
	const app = await appOnce(this, appId, itemIndex);
	const dispatch = app.processing_mode === 'DISPATCH';
	if (dispatch && recipient.contact_id !== undefined)
		throw new NodeOperationError(
			this.getNode(),
			`App ${appId} is in DISPATCH processing mode, which keeps no contacts: a contact cannot be looked up for it`,
			{
				itemIndex,
				description: `Choose Person: Channel Identity and give the user ID, or change the app. ${DISPATCH_MODE_HINT} Nothing was sent.`,
			},
		);
	try {
		const answer = await getChannelProfile.call(
			this,
			{ app_id: appId, recipient, channel },
			itemIndex,
		);
		return { profile_name: answer.profile_name, app_id: appId, channel, ...who };
	} catch (error) {
		// Sinch's refusal for a DISPATCH app does not say why; the node knows the mode, so it says it.
		if (dispatch && error instanceof NodeApiError && String(error.httpCode).startsWith('4'))
			error.description = [
				error.description,
				`App ${appId} is in DISPATCH processing mode. ${DISPATCH_MODE_HINT}`,
			]
				.filter(Boolean)
				.join('\n');
		// Hands back the same error (n8n does not wrap a NodeApiError twice).
		throw new NodeApiError(this.getNode(), error as JsonObject, { itemIndex });
	}
}
