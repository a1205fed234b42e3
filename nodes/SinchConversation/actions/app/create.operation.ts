import type {
	IDataObject,
	IDisplayOptions,
	IExecuteFunctions,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	checkAppBody,
	checkNoEmptySecrets,
	withoutEmptyCallbackSecret,
	withoutReadOnlyFields,
} from '../../helpers/validateApp';
import {
	appSettingProperties,
	channelEntryProperties,
	channelListProperty,
	inputModeOptions,
	V1,
	V2,
} from './appFields';
import { appSettingPropertiesV1, channelEntryPropertiesV1 } from './appFieldsV1';
import {
	assertValid,
	includeSecretsOption,
	parseJsonParameter,
	readAppSettings,
	readChannelCredentials,
} from './appInput';
import { optionsCollection } from '../../shared/requestOptions';

const CHANNELS_HELP =
	'Channels of the app, each with its credentials. The order is the channel priority: Sinch tries the first one first.';
const channelList = (show: IDisplayOptions['show'], values: INodeProperties[]) =>
	channelListProperty(show, values, CHANNELS_HELP);

const additionalFields = (
	version: IDisplayOptions['show'],
	options: INodeProperties[],
): INodeProperties => ({
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	default: {},
	placeholder: 'Add Field',
	description: 'Optional app settings; Sinch uses its defaults for any not added here',
	displayOptions: { show: { ...version, specifyBody: ['fields'] } },
	options,
});
import { createApp, CREATING_APP } from './appApi';
import { readChannelWait, savedAppOutput, waitForChannelsOptions } from './waitForChannels';
import type { OperationMeta } from '../operation';

const properties: INodeProperties[] = [
	{
		displayName: 'Define App',
		name: 'specifyBody',
		type: 'options',
		default: 'fields',
		description: 'Whether to fill in the app field by field, or give the whole request as JSON',
		options: inputModeOptions,
	},
	{
		displayName: 'Display Name',
		name: 'displayName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Support Bot EU',
		description: 'Name of the app as shown in the Sinch dashboard; need not be unique',
		displayOptions: { show: { specifyBody: ['fields'] } },
	},
	channelList({ ...V2, specifyBody: ['fields'] }, channelEntryProperties),
	{
		displayName: 'Channel Credentials Input',
		name: 'channelCredentialsInput',
		type: 'options',
		default: 'fields',
		description:
			'Whether to add channels one by one, or give the channel_credentials list as JSON (e.g. from an earlier node)',
		options: inputModeOptions,
		displayOptions: { show: { ...V1, specifyBody: ['fields'] } },
	},
	channelList(
		{ ...V1, specifyBody: ['fields'], channelCredentialsInput: ['fields'] },
		channelEntryPropertiesV1,
	),
	{
		displayName: 'Channel Credentials (JSON)',
		name: 'channelCredentialsJson',
		type: 'json',
		default: '[]',
		description:
			'Sinch\'s channel_credentials array, e.g. [{"channel": "SMS", "static_bearer": {"claimed_identity": "…", "token": "…"}}]. Checked like the fields.',
		displayOptions: { show: { ...V1, specifyBody: ['fields'], channelCredentialsInput: ['json'] } },
	},
	{
		displayName: 'App (JSON)',
		name: 'jsonBody',
		type: 'json',
		default: '{\n  "display_name": "",\n  "channel_credentials": []\n}',
		description:
			"The whole create request in Sinch's field names; read-only fields such as ID and state are ignored. Checked like the fields.",
		displayOptions: { show: { specifyBody: ['json'] } },
	},
	additionalFields(V2, appSettingProperties),
	additionalFields(V1, appSettingPropertiesV1),
	optionsCollection([includeSecretsOption, ...waitForChannelsOptions]),
];

export const meta: OperationMeta = { noun: 'app', makes: CREATING_APP };

export const description = updateDisplayOptions(
	{ show: { resource: ['app'], operation: ['create'] } },
	properties,
);

/** Reads and checks the create request of one item; sends nothing. */
export function prepare(this: IExecuteFunctions, itemIndex: number): IDataObject {
	let body: unknown;
	const naming =
		this.getNodeParameter('specifyBody', itemIndex, 'fields') === 'json' ? 'json' : 'fields';
	const problems: string[] = [];
	if (naming === 'json') {
		body = parseJsonParameter.call(this, 'jsonBody', 'App (JSON)', itemIndex);
		if (body && typeof body === 'object' && !Array.isArray(body))
			body = withoutReadOnlyFields(body as IDataObject);
		body = withoutEmptyCallbackSecret(body);
	} else {
		const fields: IDataObject = {
			display_name: this.getNodeParameter('displayName', itemIndex, '') as string,
			channel_credentials: readChannelCredentials.call(this, itemIndex) as IDataObject[],
			...readAppSettings.call(this, itemIndex),
		};
		if (this.getNode().typeVersion >= 2) problems.push(...checkNoEmptySecrets(fields));
		body = withoutEmptyCallbackSecret(fields);
	}
	assertValid.call(this, [...checkAppBody(body, 'create', naming), ...problems], itemIndex);
	readChannelWait.call(this, itemIndex);
	return body as IDataObject;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
): Promise<IDataObject> {
	const app = await createApp.call(this, body, itemIndex);
	return await savedAppOutput.call(this, app, itemIndex);
}
