/**
 * Runs a workflow with the real n8n CLI (`n8n execute --id=… --rawOutput`) and reads what it printed: the run as
 * JSON (n8n logs it at level info, after its own start-up lines), per node and output.
 */
import type { N8nRuntime } from '../../scripts/n8n/cache';
import { n8nCli, tail } from '../../scripts/n8n/process';
import type { UserFolder } from '../../scripts/n8n/userFolder';

export interface RunItem {
	json: Record<string, unknown>;
	pairedItem?: { item: number } | Array<{ item: number }>;
}

/** One run of one node (n8n's ITaskData, the parts read here). */
export interface TaskRun {
	executionStatus?: string;
	/** Output index → items; an output nothing went to may be null or missing. */
	data?: { main?: Array<RunItem[] | null> };
	error?: { message?: string };
}

/** The run as `n8n execute --rawOutput` prints it (n8n's IRun, the parts read here). */
export interface WorkflowRun {
	status: string;
	finished: boolean;
	mode: string;
	data: {
		resultData: {
			runData: Record<string, TaskRun[]>;
			error?: { message?: string };
			lastNodeExecuted?: string;
		};
	};
}

export interface Execution {
	run: WorkflowRun;
	/** Wall time of the whole `n8n execute` process, start-up included. */
	ms: number;
	stdout: string;
}

/**
 * Cuts the run's JSON out of n8n's stdout. n8n prints it with JSON.stringify(…, null, 2), so the object starts with a
 * line that is exactly `{` and ends with the next line that is exactly `}` (nested braces are indented).
 */
export function parseRunOutput(stdout: string): WorkflowRun {
	const lines = stdout.split(/\r?\n/);
	const start = lines.indexOf('{');
	const end = start === -1 ? -1 : lines.indexOf('}', start + 1);
	if (start === -1 || end === -1) {
		throw new Error(`n8n printed no run JSON. Its output:\n${tail(stdout, 3000)}`);
	}
	const run = JSON.parse(lines.slice(start, end + 1).join('\n')) as WorkflowRun;
	if (!run?.data?.resultData?.runData)
		throw new Error(`n8n printed JSON that is not a run:\n${tail(stdout, 3000)}`);
	return run;
}

/**
 * `n8n execute --id=<id> --rawOutput`; throws with n8n's output when it fails or the run is not a success. `options`
 * lets the bench wait longer and pass environment variables.
 */
export async function executeWorkflow(
	runtime: N8nRuntime,
	folder: UserFolder,
	id: string,
	options: { timeoutMs?: number; env?: Record<string, string> } = {},
): Promise<Execution> {
	const result = await n8nCli(runtime, folder, ['execute', `--id=${id}`, '--rawOutput'], {
		timeoutMs: 90_000,
		...options,
	});
	const run = parseRunOutput(result.stdout);
	if (run.status !== 'success' || !run.finished || run.data.resultData.error) {
		throw new Error(
			`workflow ${id} ended with status ${run.status}: ${run.data.resultData.error?.message ?? '(no error message)'}`,
		);
	}
	return { run, ms: result.ms, stdout: result.stdout };
}

/** The nodes that ran, in the order n8n recorded them. */
export function executedNodes(run: WorkflowRun): string[] {
	return Object.keys(run.data.resultData.runData);
}

/** The items a node sent to one of its outputs (0: main, 1: the error output with "continue using error output"). */
export function outputItems(run: WorkflowRun, node: string, output = 0, runIndex = 0): RunItem[] {
	const task = run.data.resultData.runData[node]?.[runIndex];
	if (!task) throw new Error(`node "${node}" did not run (ran: ${executedNodes(run).join(', ')})`);
	if (task.executionStatus !== 'success') {
		throw new Error(
			`node "${node}" ended with ${task.executionStatus}: ${task.error?.message ?? ''}`,
		);
	}
	return task.data?.main?.[output] ?? [];
}

/** Just the JSON of each item. */
export function outputJson(
	run: WorkflowRun,
	node: string,
	output = 0,
): Array<Record<string, unknown>> {
	return outputItems(run, node, output).map((item) => item.json);
}
