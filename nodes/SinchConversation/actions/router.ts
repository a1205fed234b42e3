import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import * as app from './app';
import * as webhook from './webhook';

/**
 * One operation of a resource. `prepare` reads and checks an item's parameters and sends nothing, so the router can
 * check every item before the first request; `execute` then does the I/O with what `prepare` returned.
 */
export interface Operation<Prepared = unknown> {
	prepare?: (this: IExecuteFunctions, itemIndex: number) => Prepared;
	execute: (this: IExecuteFunctions, itemIndex: number, prepared: Prepared) => Promise<IDataObject | IDataObject[]>;
}

const resources: Record<string, Record<string, Operation>> = {
	app: app.operations as Record<string, Operation>,
	webhook: webhook.operations as Record<string, Operation>,
};

function failedItem(error: unknown, itemIndex: number): INodeExecutionData {
	const json: IDataObject = { error: (error as Error).message };
	const details = (error as NodeApiError).description;
	if (details) json.details = details;
	return { json, pairedItem: { item: itemIndex } };
}

function asNodeError(this: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof NodeApiError) {
		error.context.itemIndex ??= itemIndex;
		return new NodeApiError(this.getNode(), error as unknown as JsonObject);
	}
	if (error instanceof NodeOperationError) error.context.itemIndex ??= itemIndex;
	// Both constructors hand back an n8n error unchanged, so the message and item index set above survive.
	return new NodeOperationError(this.getNode(), error as Error, { itemIndex });
}

/** Checks every item first (nothing is sent while any item is bad, unless continue-on-fail sets it aside), then runs them. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = resources[resource]?.[operationName];
	if (!operation || typeof operation.execute !== 'function') {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" of "${resource}" is not supported`);
	}

	const results: Array<INodeExecutionData[] | undefined> = new Array(items.length);
	const prepared: unknown[] = new Array(items.length);
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			prepared[itemIndex] = operation.prepare?.call(this, itemIndex);
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError.call(this, error, itemIndex);
			results[itemIndex] = [failedItem(error, itemIndex)];
		}
	}

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		if (results[itemIndex]) continue;
		try {
			const result = await operation.execute.call(this, itemIndex, prepared[itemIndex]);
			results[itemIndex] = this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), {
				itemData: { item: itemIndex },
			});
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError.call(this, error, itemIndex);
			results[itemIndex] = [failedItem(error, itemIndex)];
		}
	}
	return [results.flatMap((result) => result ?? [])];
}
