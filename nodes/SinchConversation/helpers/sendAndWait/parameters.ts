import type { INodeProperties } from 'n8n-workflow';

/**
 * The parameters of Send and Wait for Response that are not the app or the recipient. Their names (`message`,
 * `responseType`, `approvalOptions`) are the ones n8n's generated approval tool (`…HitlTool`) replaces or fixes, so
 * the tool made from this node asks for approval with the agent's message.
 */
export const RESPONSE_TYPES = ['approval', 'freeText', 'customForm'] as const;
export type ResponseType = (typeof RESPONSE_TYPES)[number];

export const FORM_FIELD_TYPES = [
	'text',
	'textarea',
	'number',
	'email',
	'date',
	'dropdown',
] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

const limitWaitTimeValues: INodeProperties[] = [
	{
		displayName: 'Limit Type',
		name: 'limitType',
		type: 'options',
		default: 'afterTimeInterval',
		description: 'Whether the wait ends after an interval or at a date and time',
		options: [
			{ name: 'After Time Interval', value: 'afterTimeInterval' },
			{ name: 'At Specified Time', value: 'atSpecifiedTime' },
		],
	},
	{
		displayName: 'Amount',
		name: 'resumeAmount',
		type: 'number',
		default: 45,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		displayOptions: { show: { limitType: ['afterTimeInterval'] } },
		description: 'How long to wait for the answer, in the unit below',
	},
	{
		displayName: 'Unit',
		name: 'resumeUnit',
		type: 'options',
		default: 'minutes',
		displayOptions: { show: { limitType: ['afterTimeInterval'] } },
		options: [
			{ name: 'Minutes', value: 'minutes' },
			{ name: 'Hours', value: 'hours' },
			{ name: 'Days', value: 'days' },
		],
	},
	{
		displayName: 'Max Date and Time',
		name: 'maxDateAndTime',
		type: 'dateTime',
		default: '',
		displayOptions: { show: { limitType: ['atSpecifiedTime'] } },
		description: 'When to stop waiting for the answer',
	},
];

export const sendAndWaitOptions: INodeProperties[] = [
	{
		displayName: 'Limit Wait Time',
		name: 'limitWaitTime',
		type: 'fixedCollection',
		default: {
			values: { limitType: 'afterTimeInterval', resumeAmount: 45, resumeUnit: 'minutes' },
		},
		description:
			'Whether to stop waiting after a while. Without it the execution waits until someone answers. When the time is up, the node outputs its input items unchanged (no approved or text field).',
		options: [{ displayName: 'Values', name: 'values', values: limitWaitTimeValues }],
	},
	{
		displayName: 'Link Label',
		name: 'messageButtonLabel',
		type: 'string',
		default: 'Respond',
		description:
			'Free Text and Custom Form: the label of the button or link that opens the answer page',
	},
	{
		displayName: 'Answer Page Title',
		name: 'responseFormTitle',
		type: 'string',
		default: '',
		description: 'Free Text and Custom Form: the title of the page the link opens',
	},
	{
		displayName: 'Answer Page Description',
		name: 'responseFormDescription',
		type: 'string',
		default: '',
		description:
			"Free Text and Custom Form: the text above the page's fields (default: the message)",
	},
	{
		displayName: 'Answer Page Button Label',
		name: 'responseFormButtonLabel',
		type: 'string',
		default: 'Submit',
		description: "Free Text and Custom Form: the label of the page's submit button",
	},
];

export const sendAndWaitProperties: INodeProperties[] = [
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		default: '',
		required: true,
		typeOptions: { rows: 4 },
		description:
			'What to ask. The answer links or buttons are added to it; on SMS they are kept short (see the notes in the output).',
	},
	{
		displayName: 'Response Type',
		name: 'responseType',
		type: 'options',
		default: 'approval',
		options: [
			{
				name: 'Approval',
				value: 'approval',
				description: 'The person approves (or declines) with a button or link',
			},
			{
				name: 'Free Text',
				value: 'freeText',
				description: 'The person writes an answer on a page the link opens',
			},
			{
				name: 'Custom Form',
				value: 'customForm',
				description: 'The person fills in a form, with the fields below, on a page the link opens',
			},
		],
	},
	{
		displayName: 'Approval Options',
		name: 'approvalOptions',
		type: 'fixedCollection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: { responseType: ['approval'] } },
		options: [
			{
				displayName: 'Values',
				name: 'values',
				values: [
					{
						displayName: 'Type of Approval',
						name: 'approvalType',
						type: 'options',
						default: 'single',
						options: [
							{ name: 'Approve Only', value: 'single' },
							{ name: 'Approve and Decline', value: 'double' },
						],
					},
					{
						displayName: 'Approve Button Label',
						name: 'approveLabel',
						type: 'string',
						default: 'Approve',
					},
					{
						displayName: 'Decline Button Label',
						name: 'disapproveLabel',
						type: 'string',
						default: 'Decline',
						displayOptions: { show: { approvalType: ['double'] } },
					},
				],
			},
		],
	},
	{
		displayName: 'Form Fields',
		name: 'formFields',
		type: 'fixedCollection',
		placeholder: 'Add Form Field',
		default: {},
		typeOptions: { multipleValues: true, sortable: true },
		displayOptions: { show: { responseType: ['customForm'] } },
		options: [
			{
				displayName: 'Values',
				name: 'values',
				values: [
					{
						displayName: 'Field Label',
						name: 'fieldLabel',
						type: 'string',
						default: '',
						required: true,
						placeholder: 'e.g. Budget',
						description: "Shown above the field, and the field's key in the output",
					},
					{
						displayName: 'Field Type',
						name: 'fieldType',
						type: 'options',
						default: 'text',
						options: [
							{ name: 'Date', value: 'date' },
							{ name: 'Dropdown List', value: 'dropdown' },
							{ name: 'Email', value: 'email' },
							{ name: 'Number', value: 'number' },
							{ name: 'Text', value: 'text' },
							{ name: 'Textarea', value: 'textarea' },
						],
					},
					{
						displayName: 'Choices',
						name: 'fieldOptions',
						type: 'string',
						default: '',
						placeholder: 'e.g. Small, Medium, Large',
						displayOptions: { show: { fieldType: ['dropdown'] } },
						description: "The dropdown's choices, separated by commas",
					},
					{
						displayName: 'Required Field',
						name: 'requiredField',
						type: 'boolean',
						default: false,
						description: 'Whether the page refuses to send the form without this field',
					},
				],
			},
		],
	},
];
