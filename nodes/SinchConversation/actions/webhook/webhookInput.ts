import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { randomString } from 'n8n-workflow';

import { maskSecrets } from '../../helpers/secrets';
import { normaliseTriggers } from '../../helpers/webhookBody';

/** 40 characters of [A-Za-z0-9] from a cryptographic source: about 238 bits. */
const GENERATED_SECRET_LENGTH = 40;

export function generateSecret(): string {
	return randomString(GENERATED_SECRET_LENGTH);
}

export function readTriggers(this: IExecuteFunctions, itemIndex: number): string[] {
	return normaliseTriggers(this.getNodeParameter('triggers', itemIndex, []));
}

/** Text trimmed; anything else kept as given, for the checks to refuse (never turned into "[object Object]"). */
export const trimmed = (value: unknown): IDataObject[string] =>
	typeof value === 'string' ? value.trim() : (value as IDataObject[string]);

/** Sinch's client_credentials object from the fixed collection; undefined when none was added. */
export function clientCredentialsFromUi(value: unknown): IDataObject | undefined {
	const group = (value as IDataObject | undefined)?.credentials as IDataObject | undefined;
	if (!group) return undefined;
	const text = (field: string) => trimmed(group[field]);
	const credentials: IDataObject = {
		client_id: text('clientId') ?? '',
		client_secret: group.clientSecret ?? '',
		endpoint: text('endpoint') ?? '',
	};
	if (group.scope !== undefined && group.scope !== null && trimmed(group.scope) !== '')
		credentials.scope = trimmed(group.scope);
	if (group.tokenRequestType !== undefined) credentials.token_request_type = group.tokenRequestType;
	return credentials;
}

/**
 * A webhook for the output: secrets masked unless Include Secrets is on. A secret the node generated is shown
 * anyway, this once: nobody else knows it, and the receiver needs it to check signatures.
 */
export function webhookOutput(
	this: IExecuteFunctions,
	webhook: IDataObject,
	itemIndex: number,
	generatedSecret?: string,
): IDataObject {
	const includeSecrets = this.getNodeParameter(
		'options.includeSecrets',
		itemIndex,
		false,
	) as boolean;
	const output = includeSecrets ? webhook : maskSecrets(webhook);
	return generatedSecret === undefined ? output : { ...output, secret: generatedSecret };
}
