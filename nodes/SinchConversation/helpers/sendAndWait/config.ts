import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	FORM_FIELD_TYPES,
	RESPONSE_TYPES,
	type FormFieldType,
	type ResponseType,
} from './parameters';

export interface FormField {
	label: string;
	type: FormFieldType;
	choices: string[];
	required: boolean;
}

/** What the message asks and how the answer is given, read the same way when sending and when the answer comes. */
export interface WaitConfig {
	message: string;
	responseType: ResponseType;
	/** Approval: whether a Decline button is offered. */
	decline: boolean;
	approveLabel: string;
	declineLabel: string;
	/** Free Text and Custom Form: the label of the link to the answer page. */
	linkLabel: string;
	pageTitle: string;
	pageDescription: string;
	submitLabel: string;
	fields: FormField[];
}

/** Reads a parameter: n8n's execute context takes an item index, the webhook context does not. */
export type ParameterReader = (name: string, fallback: unknown) => unknown;

const text = (value: unknown, fallback: string) =>
	typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;

function readFields(node: INode, raw: unknown): FormField[] {
	const rows = ((raw as IDataObject | undefined)?.values ?? []) as IDataObject[];
	const fields = rows.map((row, index): FormField => {
		const label = text(row.fieldLabel, '');
		const type = (row.fieldType ?? 'text') as FormFieldType;
		const where = `Form field ${index + 1}`;
		if (!label)
			throw new NodeOperationError(node, `${where} has no label`, {
				description:
					'Give every field of Form Fields a label: it is shown on the page and names the answer in the output. Nothing was sent.',
			});
		if (!FORM_FIELD_TYPES.includes(type))
			throw new NodeOperationError(node, `${where} ("${label}") has an unknown type "${type}"`, {
				description: `Choose one of: ${FORM_FIELD_TYPES.join(', ')}. Nothing was sent.`,
			});
		const choices =
			type === 'dropdown'
				? String(row.fieldOptions ?? '')
						.split(',')
						.map((choice) => choice.trim())
						.filter(Boolean)
				: [];
		if (type === 'dropdown' && choices.length === 0)
			throw new NodeOperationError(node, `${where} ("${label}") is a dropdown without choices`, {
				description:
					'Write its choices in Choices, separated by commas (e.g. Small, Medium, Large). Nothing was sent.',
			});
		return { label, type, choices, required: row.requiredField === true };
	});
	const seen = new Set<string>();
	for (const field of fields) {
		if (seen.has(field.label))
			throw new NodeOperationError(node, `Two form fields are labelled "${field.label}"`, {
				description:
					'Each label names one answer in the output, so labels must differ. Nothing was sent.',
			});
		seen.add(field.label);
	}
	return fields;
}

export function readWaitConfig(node: INode, read: ParameterReader): WaitConfig {
	const message = text(read('message', ''), '');
	if (!message)
		throw new NodeOperationError(node, 'The message is empty', {
			description:
				'Write what the person is asked in Message; the answer links are added to it. Nothing was sent.',
		});
	const responseType = read('responseType', 'approval') as ResponseType;
	if (!RESPONSE_TYPES.includes(responseType))
		throw new NodeOperationError(node, `Unknown Response Type "${String(responseType)}"`, {
			description: 'Choose Approval, Free Text or Custom Form. Nothing was sent.',
		});
	const approval = (read('approvalOptions.values', {}) ?? {}) as IDataObject;
	const options = (read('options', {}) ?? {}) as IDataObject;
	return {
		message,
		responseType,
		decline: approval.approvalType === 'double',
		approveLabel: text(approval.approveLabel, 'Approve'),
		declineLabel: text(approval.disapproveLabel, 'Decline'),
		linkLabel: text(options.messageButtonLabel, 'Respond'),
		pageTitle: text(options.responseFormTitle, ''),
		pageDescription: text(options.responseFormDescription, message),
		submitLabel: text(options.responseFormButtonLabel, 'Submit'),
		fields: responseType === 'customForm' ? readFields(node, read('formFields', {})) : [],
	};
}
