import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { CHANNELS } from '../../helpers/channels';
import { appSettingsFromUi } from '../../helpers/appBody';
import {
	checkAppBody,
	checkNoEmptySecrets,
	type Naming,
	withoutEmptyCallbackSecret,
	withoutReadOnlyFields,
} from '../../helpers/validateApp';
import {
	duplicateEntryKeys,
	ordinalOf,
	planAppUpdate,
	type ChannelCredentialsChange,
} from '../../helpers/mergeApp';
import {
	appSettingProperties,
	channelEntryProperties,
	channelListProperty,
	clearCallbackSecretProperty,
	inputModeOptions,
	sortedByDisplayName,
} from './appFields';
import { appLocatorProperty, readAppId } from '../../shared/appLocator';
import { getApp, updateApp } from './appApi';
import {
	appOutput,
	assertValid,
	includeSecretsOption,
	parseJsonParameter,
	readChannelCredentials,
} from './appInput';
import { optionsCollection } from '../../shared/requestOptions';
import { readChannelWait, savedAppOutput, waitForChannelsOptions } from './waitForChannels';
import type { OperationMeta } from '../operation';

const CHANGES_JSON_LABEL = 'Changes (JSON)';

const displayNameField: INodeProperties = {
	displayName: 'Display Name',
	name: 'displayName',
	type: 'string',
	default: '',
	placeholder: 'e.g. Support Bot EU',
	description: 'New name of the app as shown in the Sinch dashboard; need not be unique',
};

const properties: INodeProperties[] = [
	appLocatorProperty,
	{
		displayName: 'Define Changes',
		name: 'specifyBody',
		type: 'options',
		default: 'fields',
		description:
			"Whether to give the changes field by field, or as one JSON object in Sinch's field names",
		options: inputModeOptions,
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		default: {},
		placeholder: 'Add Field',
		description: 'Fields to change; fields not added here keep their current values',
		displayOptions: { show: { specifyBody: ['fields'] } },
		options: sortedByDisplayName([
			displayNameField,
			clearCallbackSecretProperty,
			...appSettingProperties,
		]),
	},
	{
		displayName: 'Channel Changes',
		name: 'channelCredentialsMode',
		type: 'options',
		default: 'keep',
		description:
			"What to do with the app's channels. Entries are matched by channel and credential ordinal number (only LINE uses numbers other than 0).",
		displayOptions: { show: { specifyBody: ['fields'] } },
		options: [
			{
				name: 'Add or Replace Entries',
				value: 'addOrReplace',
				description:
					'Add the entries given below; an entry with the same channel and ordinal number as an existing one replaces it in its place. Other channels are kept.',
			},
			{
				name: 'Keep',
				value: 'keep',
				description: 'Leave the channels as they are',
			},
			{
				name: 'Remove Channels',
				value: 'remove',
				description: 'Remove every entry of the channels chosen below; other channels are kept',
			},
			{
				name: 'Replace All',
				value: 'replace',
				description: 'Replace the whole channel list with the entries given below',
			},
		],
	},
	// The same list, under the same name, as in Create.
	channelListProperty(
		{ specifyBody: ['fields'], channelCredentialsMode: ['replace', 'addOrReplace'] },
		channelEntryProperties,
		'Channel entries, each with its credentials. With Replace All their order is the channel priority; with Add or Replace Entries new channels go after the existing ones.',
	),
	{
		displayName: 'Channels to Remove',
		name: 'channelsToRemove',
		type: 'multiOptions',
		default: [],
		description:
			'Channels whose entries are removed from the app (for LINE, every LINE credential). Channels the app does not have are ignored.',
		options: CHANNELS.map((channel) => ({ name: channel.name, value: channel.value })).sort(
			(a, b) => a.name.localeCompare(b.name),
		),
		displayOptions: { show: { specifyBody: ['fields'], channelCredentialsMode: ['remove'] } },
	},
	{
		displayName: CHANGES_JSON_LABEL,
		name: 'jsonBody',
		type: 'json',
		default: '{}',
		description:
			'The fields to change, in Sinch\'s names, e.g. {"display_name": "New name", "processing_mode": "CONVERSATION"}. A channel_credentials list replaces the whole list. Object settings keep the sub-fields left out. Read-only fields such as ID and state are ignored. Checked like the fields.',
		displayOptions: { show: { specifyBody: ['json'] } },
	},
	optionsCollection([includeSecretsOption, ...waitForChannelsOptions]),
];

export const meta: OperationMeta = { noun: 'app' };

export const description = updateDisplayOptions(
	{ show: { resource: ['app'], operation: ['update'] } },
	properties,
);

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** What the user asked to change: settings and display name in Sinch's shape, and what happens to the channels. */
interface RequestedUpdate {
	settings: IDataObject;
	channels: ChannelCredentialsChange;
	/** How messages name fields: as the form's labels or as the JSON keys the user typed. */
	naming: Naming;
}

/**
 * Problems of entries to add or replace, each checked on its own (their LINE rules are checked once merged with the
 * app's list), numbered as given; plus two entries given for the same channel and ordinal number.
 */
function checkEntriesToMerge(entries: unknown): string[] {
	if (!Array.isArray(entries)) return checkAppBody({ channel_credentials: entries }, 'update');
	const problems = entries.flatMap((entry, index) =>
		checkAppBody({ channel_credentials: [entry] }, 'update').map((problem) =>
			problem.replace(/^Channel Credentials, entry 1\b/, `Channel Credentials, entry ${index + 1}`),
		),
	);
	for (const { key, first, again } of duplicateEntryKeys(entries as IDataObject[])) {
		const [channel, ordinal] = key.split('#');
		problems.push(
			`Channel Credentials, entry ${again + 1} (${channel}): entry ${first + 1} already has channel ${channel} with Credential Ordinal Number ${ordinal}. Give each entry its own channel and ordinal number.`,
		);
	}
	return problems;
}

function readRequestedUpdate(this: IExecuteFunctions, itemIndex: number): RequestedUpdate {
	if (this.getNodeParameter('specifyBody', itemIndex, 'fields') === 'json') {
		let body = parseJsonParameter.call(this, 'jsonBody', CHANGES_JSON_LABEL, itemIndex);
		if (isObject(body)) body = withoutEmptyCallbackSecret(withoutReadOnlyFields(body));
		assertValid.call(this, checkAppBody(body, 'update', 'json'), itemIndex);
		const { channel_credentials: entries, ...settings } = body as IDataObject;
		return {
			settings,
			channels:
				entries === undefined
					? { mode: 'keep' }
					: { mode: 'replace', entries: entries as IDataObject[] },
			naming: 'json',
		};
	}

	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const given: IDataObject = {
		...(fields.displayName !== undefined ? { display_name: fields.displayName } : {}),
		...appSettingsFromUi(fields),
	};
	const settings = withoutEmptyCallbackSecret(given);
	const problems = [...checkAppBody(settings, 'update'), ...checkNoEmptySecrets(given)];
	const clear = fields.clearSecretForOverriddenCallbackUrls;
	if (clear === true || clear === 'true') {
		if (settings.callback_settings !== undefined) {
			problems.push(
				'Callback URL Secret and Clear Callback URL Secret are both added. Keep the one you mean: a new secret, or none.',
			);
		} else {
			settings.callback_settings = { secret_for_overridden_callback_urls: '' };
		}
	}
	const mode = this.getNodeParameter('channelCredentialsMode', itemIndex, 'keep') as string;
	let channels: ChannelCredentialsChange = { mode: 'keep' };
	if (mode === 'replace') {
		const entries = readChannelCredentials.call(this, itemIndex);
		problems.push(...checkAppBody({ channel_credentials: entries }, 'update'));
		problems.push(...checkNoEmptySecrets({ channel_credentials: entries as IDataObject[] }));
		channels = { mode, entries: entries as IDataObject[] };
	} else if (mode === 'addOrReplace') {
		const entries = readChannelCredentials.call(this, itemIndex);
		problems.push(...checkEntriesToMerge(entries));
		problems.push(...checkNoEmptySecrets({ channel_credentials: entries as IDataObject[] }));
		channels = { mode: 'upsert', entries: entries as IDataObject[] };
	} else if (mode === 'remove') {
		const removed = this.getNodeParameter('channelsToRemove', itemIndex, []) as string[];
		if (!Array.isArray(removed) || removed.length === 0) {
			problems.push(
				'Channels to Remove is empty. Choose at least one channel, or set Channel Changes to Keep.',
			);
		} else {
			const known = new Set(CHANNELS.map((channel) => channel.value));
			const unknown = removed.filter((channel) => !known.has(channel));
			if (unknown.length > 0) {
				problems.push(
					`Channels to Remove: ${unknown.join(', ')} is not a Sinch channel. Use ${[...known].join(', ')}.`,
				);
			}
		}
		channels = { mode, channels: removed };
	} else if (mode !== 'keep') {
		throw new NodeOperationError(
			this.getNode(),
			`Channel Changes "${mode}" is not a known choice`,
			{ itemIndex },
		);
	}
	assertValid.call(this, problems, itemIndex);
	return { settings, channels, naming: 'fields' };
}

/** One line naming each entry of a channel list, so entry numbers in a message can be found. */
function describeChannels(entries: unknown): string {
	if (!Array.isArray(entries)) return '';
	const names = entries.map((entry, index) =>
		isObject(entry)
			? `${index + 1}. ${String(entry.channel)} #${String(ordinalOf(entry))}`
			: `${index + 1}. ?`,
	);
	return `The app's channels after the change (channel #ordinal number): ${names.join(', ') || 'none'}.`;
}

interface PreparedUpdate {
	appId: string;
	requested: RequestedUpdate;
}

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedUpdate {
	const prepared = {
		appId: readAppId.call(this, itemIndex),
		requested: readRequestedUpdate.call(this, itemIndex),
	};
	readChannelWait.call(this, itemIndex);
	return prepared;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	{ appId, requested }: PreparedUpdate,
): Promise<IDataObject> {
	const stored = await getApp.call(this, appId, itemIndex);
	const plan = planAppUpdate(stored, requested.settings, requested.channels);
	// Nothing differs from what Sinch has: no request, and the app as read is the result.
	if (plan.updateMask.length === 0) return appOutput.call(this, stored, itemIndex);

	const merging = requested.channels.mode === 'upsert' || requested.channels.mode === 'remove';
	const problems = checkAppBody(plan.body, 'update', requested.naming);
	assertValid.call(
		this,
		merging
			? problems.map((problem) => `After merging with the app's channels: ${problem}`)
			: problems,
		itemIndex,
		merging && plan.body.channel_credentials !== undefined
			? describeChannels(plan.body.channel_credentials)
			: undefined,
	);

	const updated = await updateApp.call(this, appId, plan.body, plan.updateMask, itemIndex);
	return await savedAppOutput.call(
		this,
		updated,
		itemIndex,
		plan.updateMask.includes('channel_credentials'),
	);
}
