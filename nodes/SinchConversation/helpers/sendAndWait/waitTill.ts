import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError, WAIT_INDEFINITELY } from 'n8n-workflow';

const UNIT_MS: Record<string, number> = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 };

/** Until when the execution waits: Limit Wait Time's interval or date, else for ever (n8n's WAIT_INDEFINITELY). */
export function waitTill(node: INode, options: IDataObject, now = Date.now()): Date {
	const limit = (options.limitWaitTime as IDataObject | undefined)?.values as
		| IDataObject
		| undefined;
	if (!limit) return WAIT_INDEFINITELY;
	const fix =
		'Set Limit Wait Time in Options to an amount of minutes, hours or days, or to a date, or remove it to wait until someone answers. Nothing was sent.';
	if ((limit.limitType ?? 'afterTimeInterval') === 'afterTimeInterval') {
		const amount = limit.resumeAmount ?? 45;
		const unit = UNIT_MS[String(limit.resumeUnit ?? 'minutes')];
		if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0 || !unit)
			throw new NodeOperationError(node, `Limit Wait Time "${String(amount)}" is not a duration`, {
				description: fix,
			});
		return new Date(now + amount * unit);
	}
	const at = new Date(String(limit.maxDateAndTime ?? ''));
	if (Number.isNaN(at.getTime()))
		throw new NodeOperationError(
			node,
			`Limit Wait Time "${String(limit.maxDateAndTime ?? '')}" is not a date`,
			{ description: fix },
		);
	return at;
}
