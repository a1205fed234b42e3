import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { appSettingsFromUi, channelEntryFromUi } from '../../helpers/appBody';
import { maskSecrets } from '../../helpers/secrets';

/** A JSON parameter arrives as text (typed in) or as a value (from an expression); both mean the same. */
export function parseJsonParameter(
	this: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): unknown {
	const raw = this.getNodeParameter(name, itemIndex) as unknown;
	if (typeof raw !== 'string') return raw;
	try {
		return JSON.parse(raw) as unknown;
	} catch (error) {
		throw new NodeOperationError(
			this.getNode(),
			`${label} is not valid JSON: ${(error as Error).message}`,
			{
				itemIndex,
				description:
					'Fix the JSON syntax, or build the value with an expression such as {{ JSON.stringify($json.app) }}.',
			},
		);
	}
}

/** Channel credentials from the list in the UI, in Sinch's shape. */
export function readChannelCredentials(this: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const entries = this.getNodeParameter(
		'channelCredentials.entries',
		itemIndex,
		[],
	) as IDataObject[];
	return entries.map(channelEntryFromUi);
}

export function readAppSettings(this: IExecuteFunctions, itemIndex: number): IDataObject {
	return appSettingsFromUi(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject);
}

/** Stops the item with every problem found, before anything is sent to Sinch. `note` is added to the details. */
export function assertValid(
	this: IExecuteFunctions,
	problems: string[],
	itemIndex: number,
	note?: string,
): void {
	if (problems.length === 0) return;
	const more =
		problems.length > 1
			? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})`
			: '';
	const details = [problems.length > 1 ? problems.join('\n') : undefined, note]
		.filter(Boolean)
		.join('\n');
	throw new NodeOperationError(this.getNode(), `${problems[0]}${more}`, {
		itemIndex,
		description: details || undefined,
	});
}

/** Apps carry channel tokens; n8n stores outputs where every viewer of the workflow can read them. */
export function appOutput(
	this: IExecuteFunctions,
	app: IDataObject,
	itemIndex: number,
): IDataObject {
	const includeSecrets = this.getNodeParameter(
		'options.includeSecrets',
		itemIndex,
		false,
	) as boolean;
	return includeSecrets ? app : maskSecrets(app);
}

export const includeSecretsOption = {
	displayName: 'Include Secrets',
	name: 'includeSecrets',
	type: 'boolean' as const,
	default: false,
	description:
		'Whether to output channel tokens, keys and secrets unmasked. Off by default because n8n saves outputs where anyone who can open the workflow reads them.',
};
