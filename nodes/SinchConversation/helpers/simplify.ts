import type { IDataObject } from 'n8n-workflow';

/** One channel of a simplified app: which channel, which of its credentials, and whether Sinch has it working. */
export interface SimplifiedChannel extends IDataObject {
	channel: string;
	credential_ordinal_number: number;
	/** Sinch's integration state: PENDING, ACTIVE or FAILING; empty when Sinch gave none. */
	status: string;
}

export interface SimplifiedApp extends IDataObject {
	id: string;
	display_name: string;
	channels: SimplifiedChannel[];
}

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The few fields of an app that tell apps apart and show whether their channels work: ID, display name, and per
 * channel entry its channel, ordinal number and state. Carries no secret, so it needs no masking.
 */
export function simplifyApp(app: IDataObject): SimplifiedApp {
	const entries = Array.isArray(app.channel_credentials)
		? (app.channel_credentials as unknown[])
		: [];
	return {
		id: typeof app.id === 'string' ? app.id : '',
		display_name: typeof app.display_name === 'string' ? app.display_name : '',
		channels: entries.filter(isObject).map((entry) => {
			const state = isObject(entry.state) ? entry.state : {};
			const ordinal = entry.credential_ordinal_number;
			return {
				channel: String(entry.channel ?? ''),
				credential_ordinal_number: typeof ordinal === 'number' ? ordinal : 0,
				status: typeof state.status === 'string' ? state.status : '',
			};
		}),
	};
}
