import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { appProblems, plannedChannels } from '../../helpers/messageChecks';
import { renderingNotes, type RenderingNote } from '../../helpers/renderingNotes';
import { getApp } from '../app/appApi';
import { checkTemplates } from './templateChecks';

/** Sinch's default outbound limit of an app, messages a second, for an app that states none. */
export const DEFAULT_OUTBOUND_RATE = 25;

/** What `prepare` found for one item; the run's app checks read it. */
export interface PreparedSend {
	appId: string;
	body: IDataObject;
	refuseDowngrades: boolean;
}

/** What the app checks say of one item. */
export interface SendVerdict {
	error?: NodeOperationError;
	/** The channels the message may go to, in Sinch's order. */
	channels: string[];
	notes: RenderingNote[];
	/** The app's outbound limit, messages a second. */
	rate: number;
}

interface RunState {
	prepared: Map<number, PreparedSend>;
	verdicts?: Promise<Map<number, SendVerdict>>;
}

const runs = new WeakMap<object, RunState>();

function stateOf(ctx: IExecuteFunctions): RunState {
	let state = runs.get(ctx);
	if (!state) runs.set(ctx, (state = { prepared: new Map() }));
	return state;
}

/** Keeps an item's prepared send for the run's app checks (called from `prepare`, for every item, before any send). */
export function registerSend(
	ctx: IExecuteFunctions,
	itemIndex: number,
	prepared: PreparedSend,
): void {
	stateOf(ctx).prepared.set(itemIndex, prepared);
}

export function outboundRate(app: IDataObject): number {
	const limits = (app.rate_limits ?? {}) as IDataObject;
	const outbound = Number(limits.outbound);
	return Number.isFinite(outbound) && outbound > 0 ? outbound : DEFAULT_OUTBOUND_RATE;
}

/**
 * Reads each app and each template the run sends through once (not once per item), then checks every prepared item
 * against them: its template's state and parameters (templateChecks), the app's channels, DISPATCH mode and
 * contacts, and, with Refuse Downgrades, the rendering notes. Runs once per
 * node run, when the first item is about to be sent, so every item is judged before anything goes out.
 */
async function judge(ctx: IExecuteFunctions): Promise<Map<number, SendVerdict>> {
	const { prepared } = stateOf(ctx);
	const firstItemOf = new Map<string, number>();
	for (const [itemIndex, { appId }] of prepared)
		if (!firstItemOf.has(appId)) firstItemOf.set(appId, itemIndex);
	const apps = new Map<string, { app?: IDataObject; error?: unknown }>();
	const [templates] = await Promise.all([
		checkTemplates(ctx, new Map([...prepared].map(([itemIndex, send]) => [itemIndex, send.body]))),
		...[...firstItemOf].map(async ([appId, itemIndex]) => {
			try {
				apps.set(appId, { app: await getApp.call(ctx, appId, itemIndex) });
			} catch (error) {
				apps.set(appId, { error });
			}
		}),
	]);
	const verdicts = new Map<number, SendVerdict>();
	for (const [itemIndex, send] of prepared) {
		const read = apps.get(send.appId)!;
		const template = templates.get(itemIndex);
		if (!read.app || template?.error !== undefined) {
			verdicts.set(itemIndex, {
				error: (read.error ?? template?.error) as NodeOperationError,
				channels: [],
				notes: [],
				rate: DEFAULT_OUTBOUND_RATE,
			});
			continue;
		}
		const channels = plannedChannels(send.body, read.app);
		const notes = renderingNotes(send.body.message as IDataObject, channels);
		const problems = [...(template?.problems ?? []), ...appProblems(send.body, read.app)];
		if (send.refuseDowngrades)
			problems.push(
				...notes
					.filter((note) => note.downgrade)
					.map((note) => `${note.note} (Refuse Downgrades is on).`),
			);
		const verdict: SendVerdict = { channels, notes, rate: outboundRate(read.app) };
		if (problems.length > 0) {
			const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
			verdict.error = new NodeOperationError(ctx.getNode(), `${problems[0]}${more}`, {
				itemIndex,
				description: [
					problems.length > 1 ? problems.join('\n') : undefined,
					send.refuseDowngrades && notes.some((note) => note.downgrade)
						? 'Change the message for that channel, send it on another channel, or turn off Refuse Downgrades to send it with a note.'
						: undefined,
					'Nothing was sent for this item.',
				]
					.filter(Boolean)
					.join('\n'),
			});
		}
		verdicts.set(itemIndex, verdict);
	}
	return verdicts;
}

/**
 * The item's verdict. With continue-on-fail off, a problem of any item stops the run before its first send (the
 * error names that item); with it on, each item meets its own problem only.
 */
export async function verdictFor(ctx: IExecuteFunctions, itemIndex: number): Promise<SendVerdict> {
	const state = stateOf(ctx);
	state.verdicts ??= judge(ctx);
	const verdicts = await state.verdicts;
	if (!ctx.continueOnFail()) {
		const first = [...verdicts.entries()]
			.filter(([, verdict]) => verdict.error !== undefined)
			.sort(([a], [b]) => a - b)[0];
		if (first) throw first[1].error;
	}
	const verdict = verdicts.get(itemIndex)!;
	if (verdict.error) throw verdict.error;
	return verdict;
}
