import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** The Return All switch and the Limit it hides, as every Get Many of the node offers them. */
export const returnAllAndLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1 },
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/** How many results an item asks for: undefined with Return All; a Limit below 1 (from an expression) stops the item. */
export function readLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	if (this.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	const limit = this.getNodeParameter('limit', itemIndex, 50) as number;
	if (!(Number.isInteger(limit) && limit >= 1))
		throw new NodeOperationError(
			this.getNode(),
			`Limit ${String(limit)} is not a whole number of at least 1`,
			{
				itemIndex,
				description: 'Set Limit to 1 or more, or turn on Return All. Nothing was sent.',
			},
		);
	return limit;
}
