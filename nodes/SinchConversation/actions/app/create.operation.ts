import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
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
} from './appFields';
import {
	assertValid,
	includeSecretsOption,
	parseJsonParameter,
	readAppSettings,
	readChannelCredentials,
} from './appInput';
import { optionsCollection } from '../../shared/requestOptions';

import { APPS_PATH, createApp, CREATING_APP } from './appApi';
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
	channelListProperty(
		{ specifyBody: ['fields'] },
		channelEntryProperties,
		'Channels of the app, each with its credentials. The order is the channel priority: Sinch tries the first one first.',
	),
	{
		displayName: 'App (JSON)',
		name: 'jsonBody',
		type: 'json',
		default: '{\n  "display_name": "",\n  "channel_credentials": []\n}',
		description:
			"The whole create request in Sinch's field names; read-only fields such as ID and state are ignored. Checked like the fields.",
		displayOptions: { show: { specifyBody: ['json'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		default: {},
		placeholder: 'Add Field',
		description: 'Optional app settings; Sinch uses its defaults for any not added here',
		displayOptions: { show: { specifyBody: ['fields'] } },
		options: appSettingProperties,
	},
	optionsCollection([includeSecretsOption, ...waitForChannelsOptions]),
];

// The app list, as n8n's credential test reads it: with Basic, it shows the key works while the items are checked.
export const meta: OperationMeta = { noun: 'app', makes: CREATING_APP, earlyRead: APPS_PATH };

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
		problems.push(...checkNoEmptySecrets(fields));
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
