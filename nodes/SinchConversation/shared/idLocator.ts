import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** The IDs Sinch gives webhooks, conversations and contacts: letters, digits, `_` and `-`. */
export const RESOURCE_ID_PATTERN = /^[A-Za-z0-9_-]+$/;

/** What a resource locator parameter holds, for its messages. */
export interface LocatorKind {
	/** The parameter's name. */
	parameter: string;
	/** Its display name: "Webhook". */
	label: string;
	/** What it names, in messages: "webhook". */
	noun: string;
	/** How to find or give a right value. */
	help: string;
	/** Said as well when the parameter is empty. */
	emptyNote?: string;
}

/**
 * Reads a resource locator (From List or By ID) holding one of Sinch's IDs; an empty value or one that cannot be
 * an ID stops the item before anything is sent.
 */
export function readLocatorId(
	this: IExecuteFunctions,
	itemIndex: number,
	kind: LocatorKind,
): string {
	const raw = this.getNodeParameter(kind.parameter, itemIndex, '', {
		extractValue: true,
	}) as unknown;
	const value = raw && typeof raw === 'object' && 'value' in raw ? (raw as IDataObject).value : raw;
	const id = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (id === '')
		throw new NodeOperationError(
			this.getNode(),
			`The ${kind.label} parameter is empty. Choose a ${kind.noun} or give its ID.`,
			{ itemIndex, description: kind.emptyNote ? `${kind.help} ${kind.emptyNote}` : kind.help },
		);
	if (!RESOURCE_ID_PATTERN.test(id)) {
		const shown = id.length > 60 ? `${id.slice(0, 60)}…` : id;
		throw new NodeOperationError(
			this.getNode(),
			`The ${kind.label} parameter "${shown}" is not a ${kind.noun} ID`,
			{ itemIndex, description: kind.help },
		);
	}
	return id;
}
