import type { INodeProperties } from 'n8n-workflow';

import { RANGES } from '../../helpers/appRules';
import {
	callbackSecretProperty,
	channelEntryBase,
	flatSettingProperties,
	RETENTION_TYPE_OPTIONS,
	retentionTtlProperty,
	sortedByDisplayName,
} from './appFields';

/**
 * Version 1 of the node kept two settings as nested groups, each with defaults of its own that were sent along even
 * when the user changed only one sub-field. Kept as they were so workflows saved with version 1 send the same body.
 */
export const appSettingPropertiesV1: INodeProperties[] = sortedByDisplayName([
	...flatSettingProperties,
	{
		displayName: 'Delivery Report Based Fallback',
		name: 'deliveryReportBasedFallback',
		type: 'fixedCollection',
		default: {},
		placeholder: 'Add Fallback Setting',
		description:
			'Falls back to the next channel when no delivery report arrives in time (a paid Sinch feature in beta). Sinch leaves it off when not set.',
		options: [
			{
				displayName: 'Fallback',
				name: 'fallback',
				values: [
					{
						displayName: 'Enabled',
						name: 'enabled',
						type: 'boolean',
						default: true,
						description: 'Whether to fall back when the delivery report is late',
					},
					{
						displayName: 'Waiting Time (Seconds)',
						name: 'waitingTime',
						type: 'number',
						default: 60,
						typeOptions: { numberPrecision: 0 },
						description: `How long to wait for a delivery report before falling back, ${RANGES.fallbackWaitingTime.min} to ${RANGES.fallbackWaitingTime.max} seconds (3 days)`,
					},
				],
			},
		],
	},
	{
		displayName: 'Retention Policy',
		name: 'retentionPolicy',
		type: 'fixedCollection',
		default: {},
		placeholder: 'Add Retention Policy',
		description:
			'How long Sinch keeps messages or conversations. Sinch uses message expiry after 180 days when not set.',
		options: [
			{
				displayName: 'Policy',
				name: 'policy',
				values: [
					{
						displayName: 'Type',
						name: 'retentionType',
						type: 'options',
						default: 'MESSAGE_EXPIRE_POLICY',
						options: RETENTION_TYPE_OPTIONS,
					},
					{ ...retentionTtlProperty, displayName: 'TTL (Days)', name: 'ttlDays' },
				],
			},
		],
	},
]);

/** Version 1's channel entry: Callback Secret is a box on every entry, and empty means none. */
export const channelEntryPropertiesV1: INodeProperties[] = [
	...channelEntryBase,
	{
		...callbackSecretProperty,
		description: `${callbackSecretProperty.description}. Empty turns verification off for channels that verify.`,
	},
];
