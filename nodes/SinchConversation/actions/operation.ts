import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Making } from '../transport';

/** What an operation is, as data: the router and the transport word their messages and guards from it. */
export interface OperationMeta {
	/** What the operation acts on, as its messages name it: "app", "webhook", "message". */
	noun: string;
	/** Set when it makes something at Sinch that running the item again would make twice (a create, a send). */
	makes?: Making;
	/**
	 * Runs for the node's first item only (Send and Wait: one message, then the whole execution waits for its answer;
	 * n8n then replaces the node's output with the answer, or with the input items when the wait times out).
	 */
	firstItemOnly?: boolean;
	/**
	 * A read under the project (a path such as "/apps") that may go while the items are still being checked, to learn
	 * early that a Basic key works (see startEarly in the transport). Its answer is not used.
	 */
	earlyRead?: string;
}

/**
 * One operation of a resource. `prepare` reads and checks an item's parameters and sends nothing, so the router can
 * check every item before the first request; `execute` then does the I/O with what `prepare` returned.
 */
export interface Operation<Prepared = unknown> {
	meta: OperationMeta;
	prepare?(this: IExecuteFunctions, itemIndex: number): Prepared;
	execute(
		this: IExecuteFunctions,
		itemIndex: number,
		prepared: Prepared,
	): Promise<IDataObject | IDataObject[]>;
}

export type Operations = Record<string, Operation>;
