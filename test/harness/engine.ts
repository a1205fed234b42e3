import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypeData,
	INodeTypes,
	IRun,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { LoggerProxy, NodeHelpers, Workflow, createRunExecutionData } from 'n8n-workflow';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';

import { SinchConversationApi } from '../../credentials/SinchConversationApi.credentials';
import { SinchConversation } from '../../nodes/SinchConversation/SinchConversation.node';
import { TestCredentialsHelper } from './credentials-helper';

/** Everything n8n logs during the tests, kept so tests can prove no secret reaches a log. */
export const logLines: string[] = [];
// n8n's debug log carries the workflow's own node definition (parameters as the user typed them); that is n8n's
// record of the workflow, not something the node adds, so it is left out of what the tests inspect.
const logReplacer = (key: string, value: unknown) => {
	if (key === 'node' && typeof value === 'object' && value !== null && 'parameters' in value)
		return '[node definition]';
	return value instanceof Error ? { ...value, message: value.message, stack: value.stack } : value;
};
const capture = (level: string) => (message: string, meta?: object) =>
	logLines.push(`${level} ${message} ${meta ? JSON.stringify(meta, logReplacer) : ''}`);
const logger = {
	error: capture('error'),
	warn: capture('warn'),
	info: capture('info'),
	debug: capture('debug'),
};
LoggerProxy.init(logger as never);
// n8n-core's ErrorReporter logs through its own DI Logger (n8n-core's nested copy of @n8n/di and backend-common).
const fromCore = (name: string) =>
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- loads a module found at run time
	require(require.resolve(name, { paths: [require.resolve('n8n-core')] })) as Record<
		string,
		unknown
	>;
const { Container } = fromCore('@n8n/di') as {
	Container: { set(token: unknown, value: unknown): void };
};
Container.set(fromCore('@n8n/backend-common').Logger, { ...logger, scoped: () => logger });

export const NODE_TYPE = 'n8n-nodes-sinch-conversation.sinchConversation';
/** The action node has one version; workflows in tests are saved with it. */
export const NODE_VERSION = new SinchConversation().description.version as number;
export const CREDENTIAL_ID = 'cred-1';
export const credentialType = new SinchConversationApi();

/** Emits the test's input items, standing in for whatever node feeds ours in a real workflow. */
export class ItemsNode implements INodeType {
	description = {
		displayName: 'Items',
		name: 'items',
		group: ['input'],
		version: 1,
		description: '',
		defaults: { name: 'Items' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = JSON.parse(this.getNodeParameter('items', 0) as string) as IDataObject[];
		return [items.map((json) => ({ json }))];
	}
}

const nodeTypeData: INodeTypeData = {
	'test.items': { sourcePath: '', type: new ItemsNode() },
	[NODE_TYPE]: { sourcePath: '', type: new SinchConversation() },
};

/** n8n's node type registry over a fixed set of types. */
export function nodeTypesFor(data: INodeTypeData): INodeTypes {
	return {
		getByName: (name) => data[name].type,
		getByNameAndVersion: (name, version) =>
			NodeHelpers.getVersionedNodeType(data[name].type, version),
		getKnownTypes: () => ({}),
	} as INodeTypes;
}

export const nodeTypes = nodeTypesFor(nodeTypeData);

export function newCredentialsHelper(data: ICredentialDataDecryptedObject): TestCredentialsHelper {
	const helper = new TestCredentialsHelper({ [credentialType.name]: credentialType });
	helper.store(CREDENTIAL_ID, data);
	return helper;
}

/** The workflow as n8n's database row gives it to an execution. */
export function workflowRecord(
	workflow: Pick<IWorkflowBase, 'id' | 'name' | 'active' | 'nodes' | 'connections'>,
): IWorkflowBase {
	return {
		...workflow,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as unknown as IWorkflowBase;
}

/** What n8n's server passes to an execution; only the credential helper matters to our node. */
export function buildAdditionalData(
	credentials: TestCredentialsHelper,
	workflowData: IWorkflowBase,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: credentials,
		hooks: new ExecutionLifecycleHooks('manual', 'exec-1', workflowData),
		executeWorkflow: async () => ({ data: [], executionId: '' }),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678',
		formBaseUrl: 'http://127.0.0.1:5678/form',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
		variables: {},
		userId: 'user-1',
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface RunOptions {
	parameters: INodeParameters;
	items?: IDataObject[];
	/** Shared between runs to prove what n8n keeps across executions (the stored access token). */
	credentials: TestCredentialsHelper;
	onError?: INode['onError'];
	/** Other node settings, e.g. retryOnFail. */
	settings?: Partial<Pick<INode, 'retryOnFail' | 'maxTries' | 'waitBetweenTries'>>;
}

export interface RunResult {
	/** Items of each output of our node: [main] or, with the error output, [success, error]. */
	outputs: INodeExecutionData[][];
	error?: Error & { description?: string; context?: IDataObject; httpCode?: string };
	run: IRun;
}

/** Runs Items → Sinch Conversation through n8n-core's WorkflowExecute, as n8n runs a manual execution. */
export async function runNode(options: RunOptions): Promise<RunResult> {
	const nodes: INode[] = [
		{
			id: 'items',
			name: 'Items',
			type: 'test.items',
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: JSON.stringify(options.items ?? [{}]) },
		},
		{
			id: 'sinch',
			name: 'Sinch',
			type: NODE_TYPE,
			typeVersion: NODE_VERSION,
			position: [200, 0],
			parameters: options.parameters,
			credentials: { sinchConversationApi: { id: CREDENTIAL_ID, name: 'Sinch' } },
			...(options.onError ? { onError: options.onError } : {}),
			...options.settings,
		},
	];
	const connections = { Items: { main: [[{ node: 'Sinch', type: 'main' as const, index: 0 }]] } };
	const workflow = new Workflow({ id: 'wf-1', nodes, connections, active: false, nodeTypes });
	const workflowData = workflowRecord({
		id: 'wf-1',
		name: 'test',
		active: false,
		nodes,
		connections,
	});
	const additionalData = buildAdditionalData(options.credentials, workflowData);

	const execute = new WorkflowExecute(additionalData, 'manual', createRunExecutionData());
	const run = await execute.run({ workflow, startNode: workflow.getNode('Items')! });
	const taskData = run.data.resultData.runData.Sinch?.[0];
	return {
		outputs: (taskData?.data?.main ?? []).map((output) => output ?? []),
		error: (run.data.resultData.error ?? taskData?.error) as RunResult['error'],
		run,
	};
}
