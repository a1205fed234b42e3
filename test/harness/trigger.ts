/* eslint-disable @n8n/community-nodes/no-restricted-imports -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/**
 * The Sinch Conversation Trigger through n8n-core, as n8n's server drives it: activation runs the node's
 * `webhookMethods` in n8n-core's HookContext (checkExists, then create when it says false; delete on deactivation),
 * and a callback goes to `webhook()` in n8n-core's WebhookContext with the request as n8n's body parser leaves it
 * (`rawBody` a Buffer, `body` parsed JSON). When the node returns items, the workflow runs with WorkflowExecute from
 * the trigger, like a production webhook execution. A small HTTP server stands in for n8n's webhook endpoint, so the
 * emulator can deliver real signed callbacks to it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeTypeData,
	IRun,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowBase,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeHelpers, Workflow, createRunExecutionData } from 'n8n-workflow';
import { HookContext, WebhookContext, WorkflowExecute } from 'n8n-core';

import { SinchConversationTrigger } from '../../nodes/SinchConversationTrigger/SinchConversationTrigger.node';
import {
	buildAdditionalData,
	CREDENTIAL_ID,
	ItemsNode,
	nodeTypesFor,
	workflowRecord,
} from './engine';
import type { TestCredentialsHelper } from './credentials-helper';
import { expressLike, listenLocally, readRequest, type LocalServer } from './http';

export const TRIGGER_TYPE = 'n8n-nodes-sinch-conversation.sinchConversationTrigger';
export const TRIGGER_NAME = 'Sinch Trigger';
const WORKFLOW_ID = 'wf-trigger-1';

/** Stands for whatever node the user connects to the trigger: passes items on, so the run shows what arrived. */
class PassNode extends ItemsNode {
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

export const triggerType = new SinchConversationTrigger();
const nodeTypeData: INodeTypeData = {
	'test.pass': { sourcePath: '', type: new PassNode() },
	[TRIGGER_TYPE]: { sourcePath: '', type: triggerType },
};
export const triggerNodeTypes = nodeTypesFor(nodeTypeData);

export interface Delivery {
	status: number;
	/** What the node answered (or undefined when it wrote the response itself). */
	response: IWebhookResponseData;
	/** The workflow run, when the callback started one. */
	run?: IRun;
}

export interface TriggerHarnessOptions {
	parameters: INodeParameters;
	credentials: TestCredentialsHelper;
	/** Static data to start from, as n8n would load it from its database. */
	staticData?: IDataObject;
	/** The trigger node's version as saved in the workflow; the newest by default. */
	typeVersion?: number;
}

export class TriggerHarness {
	readonly workflow: Workflow;
	readonly node: INode;
	readonly deliveries: Delivery[] = [];
	private server?: LocalServer;
	private baseUrl = 'http://127.0.0.1:5678';
	private testStaticData?: IDataObject;
	private readonly workflowData: IWorkflowBase;

	constructor(private readonly options: TriggerHarnessOptions) {
		this.node = {
			id: 'trigger-node-1',
			name: TRIGGER_NAME,
			type: TRIGGER_TYPE,
			typeVersion: options.typeVersion ?? triggerType.description.defaultVersion ?? 1,
			position: [0, 0],
			webhookId: 'b6f5c1d2-7a3e-4f9b-8c21-5e4d3c2b1a09',
			parameters: options.parameters,
			credentials: { sinchConversationApi: { id: CREDENTIAL_ID, name: 'Sinch' } },
		};
		const nodes: INode[] = [
			this.node,
			{
				id: 'pass-1',
				name: 'Received',
				type: 'test.pass',
				typeVersion: 1,
				position: [200, 0],
				parameters: {},
			},
		];
		const connections = {
			[TRIGGER_NAME]: { main: [[{ node: 'Received', type: 'main' as const, index: 0 }]] },
		};
		this.workflow = new Workflow({
			id: WORKFLOW_ID,
			nodes,
			connections,
			active: true,
			nodeTypes: triggerNodeTypes,
			staticData: options.staticData ? JSON.parse(JSON.stringify(options.staticData)) : undefined,
		});
		this.workflowData = workflowRecord({
			id: WORKFLOW_ID,
			name: 'trigger test',
			active: true,
			nodes,
			connections,
		});
	}

	/**
	 * What n8n has after a restart or an edit: the same workflow and URL, static data as last saved (or lost: `{}`),
	 * and possibly changed parameters.
	 */
	reload(changes: { staticData?: IDataObject; parameters?: INodeParameters }): void {
		if (changes.staticData)
			this.workflow.staticData = JSON.parse(JSON.stringify(changes.staticData)) as never;
		if (changes.parameters) Object.assign(this.node.parameters, changes.parameters);
		this.testStaticData = undefined;
	}

	/** Starts the stand-in for n8n's webhook endpoint; webhook URLs then point at it. */
	async listen(): Promise<void> {
		this.server = await listenLocally(async (req, res) => await this.handle(req, res));
		this.baseUrl = this.server.url;
	}

	async close(): Promise<void> {
		await this.server?.close();
	}

	additionalData() {
		const data = buildAdditionalData(this.options.credentials, this.workflowData);
		Object.assign(data, {
			instanceBaseUrl: this.baseUrl,
			webhookBaseUrl: `${this.baseUrl}/webhook`,
			webhookTestBaseUrl: `${this.baseUrl}/webhook-test`,
			webhookWaitingBaseUrl: `${this.baseUrl}/webhook-waiting`,
		});
		return data;
	}

	/** The node's webhook as n8n's WebhookService.getNodeWebhooks describes it. */
	webhookData(isTest = false): IWebhookData {
		const webhookDescription = triggerType.description.webhooks![0];
		return {
			httpMethod: 'POST',
			node: TRIGGER_NAME,
			path: NodeHelpers.getNodeWebhookPath(WORKFLOW_ID, this.node, 'webhook'),
			webhookDescription,
			workflowId: WORKFLOW_ID,
			workflowExecuteAdditionalData: this.additionalData(),
			isTest,
		};
	}

	/** The URL Sinch is given: n8n's production or test webhook URL of the node. */
	url(isTest = false): string {
		const base = isTest ? `${this.baseUrl}/webhook-test` : `${this.baseUrl}/webhook`;
		return NodeHelpers.getNodeWebhookUrl(base, WORKFLOW_ID, this.node, 'webhook');
	}

	/** One webhook method in n8n-core's HookContext, as WebhookService.runWebhookMethod calls it. */
	async hook(method: 'checkExists' | 'create' | 'delete', isTest = false): Promise<boolean> {
		const mode: WorkflowExecuteMode = isTest ? 'manual' : 'trigger';
		const activation: WorkflowActivateMode = isTest ? 'manual' : 'activate';
		const context = new HookContext(
			this.workflow,
			this.node,
			this.additionalData(),
			mode,
			activation,
			this.webhookData(isTest),
		);
		return await this.withStaticData(
			isTest,
			async () => (await triggerType.webhookMethods.default[method].call(context)) as boolean,
		);
	}

	/** Publishing: what WebhookService.createWebhookIfNotExists does. */
	async activate(isTest = false): Promise<void> {
		if (!(await this.hook('checkExists', isTest))) await this.hook('create', isTest);
	}

	async deactivate(isTest = false): Promise<void> {
		await this.hook('delete', isTest);
	}

	/**
	 * "Listen for test event" keeps a copy of the static data with the test registration (TestWebhooks sets it with
	 * setTestStaticData), separate from the production one.
	 */
	private async withStaticData<T>(isTest: boolean, run: () => Promise<T>): Promise<T> {
		if (!isTest) return await run();
		const production = this.workflow.staticData;
		this.workflow.staticData = (this.testStaticData ??= JSON.parse(
			JSON.stringify(production),
		) as IDataObject) as never;
		try {
			return await run();
		} finally {
			this.testStaticData = this.workflow.staticData as IDataObject;
			this.workflow.staticData = production;
		}
	}

	get staticData(): IDataObject {
		return this.workflow.getStaticData('node', this.node) as IDataObject;
	}

	get testStaticDataOfNode(): IDataObject | undefined {
		return this.testStaticData?.[`node:${TRIGGER_NAME}`] as IDataObject | undefined;
	}

	/** A callback posted directly (not through the emulator), e.g. a forged one. */
	async post(
		rawBody: string | Buffer,
		headers: Record<string, string>,
		isTest = false,
	): Promise<Delivery> {
		const before = this.deliveries.length;
		const response = await fetch(this.url(isTest), {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body: rawBody,
		});
		await response.arrayBuffer();
		await this.settled();
		const delivery = this.deliveries[before];
		return { ...delivery, status: response.status };
	}

	/** Waits until every started workflow run is done. */
	async settled(): Promise<void> {
		await Promise.all(this.pending);
	}

	private readonly pending: Array<Promise<unknown>> = [];

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', this.baseUrl);
		const isTest = url.pathname.startsWith('/webhook-test/');
		if (req.method !== 'POST' || url.href !== this.url(isTest)) {
			res.writeHead(404).end('webhook not registered');
			return;
		}
		const { rawBody, body } = await readRequest(req);
		const request = {
			method: 'POST',
			headers: req.headers,
			body,
			rawBody,
			params: {},
			query: {},
			url: req.url,
		};
		const response = expressLike(res);
		const additionalData = Object.assign(this.additionalData(), {
			httpRequest: request,
			httpResponse: response,
		});
		const webhookData = this.webhookData(isTest);
		const delivery: Delivery = { status: 0, response: {} };
		this.deliveries.push(delivery);
		await this.withStaticData(isTest, async () => {
			const context = new WebhookContext(
				this.workflow,
				this.node,
				additionalData as never,
				isTest ? 'manual' : 'webhook',
				webhookData,
				[],
				null,
			);
			delivery.response = await triggerType.webhook.call(context);
		});
		// responseMode onReceived: n8n answers before the workflow runs.
		if (!res.headersSent) {
			res
				.writeHead(200, { 'content-type': 'application/json' })
				.end(
					JSON.stringify(delivery.response.webhookResponse ?? { message: 'Workflow was started' }),
				);
		}
		delivery.status = res.statusCode;
		if (delivery.response.workflowData) {
			const runExecutionData = createRunExecutionData({
				executionData: {
					nodeExecutionStack: [
						{ node: this.node, data: { main: delivery.response.workflowData }, source: null },
					],
				},
			});
			const execute = new WorkflowExecute(
				additionalData as never,
				isTest ? 'manual' : 'webhook',
				runExecutionData,
			);
			const running = this.withStaticData(
				isTest,
				async () => await execute.processRunExecutionData(this.workflow),
			).then((run) => {
				delivery.run = run;
			});
			this.pending.push(running);
		}
	}
}

/** The items the workflow's node after the trigger received in a run. */
export function receivedItems(run: IRun | undefined): IDataObject[] {
	const task = run?.data.resultData.runData.Received?.[0];
	return (task?.data?.main?.[0] ?? []).map((item) => item.json);
}
