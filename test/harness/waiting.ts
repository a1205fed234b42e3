/* eslint-disable @n8n/community-nodes/no-restricted-imports -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
/**
 * Send and Wait through n8n-core, as n8n's server drives it: the workflow runs until our node puts the execution to
 * wait; opening an answer link goes to a stand-in for n8n's /webhook-waiting endpoint, which checks the link's
 * signature as n8n does (HMAC of path and query with the instance's secret), calls the node's `webhook()` in n8n-core's
 * WebhookContext, and when it returns items resumes the saved execution with them (n8n's WaitingWebhooks). A time-out
 * resumes the saved execution without items, as n8n's WaitTracker does.
 */
import { createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeTypeData,
	IRun,
	IRunExecutionData,
	IWebhookDescription,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow, createRunExecutionData } from 'n8n-workflow';
import { InstanceSettings, WebhookContext, WorkflowExecute } from 'n8n-core';

import { SinchConversation } from '../../nodes/SinchConversation/SinchConversation.node';
import type { TestCredentialsHelper } from './credentials-helper';
import {
	buildAdditionalData,
	CREDENTIAL_ID,
	ItemsNode,
	NODE_TYPE,
	nodeTypesFor,
	workflowRecord,
} from './engine';
import { expressLike, listenLocally, readRequest, type LocalServer } from './http';

export const EXECUTION_ID = '4711';
export const NODE_ID = 'a5c3f0e2-7b1d-4c9e-8f26-1d3b5a7c9e01';

class PassNode extends ItemsNode {
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

const sinchType = new SinchConversation();
const nodeTypes = nodeTypesFor({
	'test.items': { sourcePath: '', type: new ItemsNode() },
	'test.pass': { sourcePath: '', type: new PassNode() },
	[NODE_TYPE]: { sourcePath: '', type: sinchType },
} as INodeTypeData);

const fromCore = (name: string) =>
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- loads a module found at run time
	require(require.resolve(name, { paths: [require.resolve('n8n-core')] })) as {
		Container: { get<T>(token: new (...args: never[]) => T): T };
	};

/** The instance's URL-signing secret, as n8n-core's getSignedResumeUrl reads it. */
const signingSecret = () => fromCore('@n8n/di').Container.get(InstanceSettings).hmacSignatureSecret;

export interface Opened {
	status: number;
	body: string;
	/** What the node's webhook() returned, when n8n called it. */
	response?: IWebhookResponseData;
}

export class WaitingHarness {
	readonly workflow: Workflow;
	readonly node: INode;
	private server?: LocalServer;
	private baseUrl = 'http://127.0.0.1:5678';
	/** The execution as n8n saves it while it waits. */
	saved?: IRunExecutionData;
	/** The last run (the first, or the resumed one). */
	run?: IRun;

	constructor(
		parameters: INodeParameters,
		private readonly credentials: TestCredentialsHelper,
		items: IDataObject[] = [{ order: 1 }],
	) {
		this.node = {
			id: NODE_ID,
			name: 'Sinch',
			type: NODE_TYPE,
			typeVersion: 2,
			position: [200, 0],
			parameters,
			credentials: { sinchConversationApi: { id: CREDENTIAL_ID, name: 'Sinch' } },
		};
		const nodes: INode[] = [
			{
				id: 'items',
				name: 'Items',
				type: 'test.items',
				typeVersion: 1,
				position: [0, 0],
				parameters: { items: JSON.stringify(items) },
			},
			this.node,
			{
				id: 'after',
				name: 'After',
				type: 'test.pass',
				typeVersion: 1,
				position: [400, 0],
				parameters: {},
			},
		];
		const connections = {
			Items: { main: [[{ node: 'Sinch', type: 'main' as const, index: 0 }]] },
			Sinch: { main: [[{ node: 'After', type: 'main' as const, index: 0 }]] },
		};
		this.workflow = new Workflow({ id: 'wf-wait', nodes, connections, active: true, nodeTypes });
	}

	async listen(): Promise<void> {
		this.server = await listenLocally(async (req, res) => await this.handle(req, res));
		this.baseUrl = this.server.url;
	}

	async close(): Promise<void> {
		await this.server?.close();
	}

	private additionalData(extra: object = {}): IWorkflowExecuteAdditionalData {
		const data = buildAdditionalData(
			this.credentials,
			workflowRecord({
				id: 'wf-wait',
				name: 'wait',
				active: true,
				nodes: Object.values(this.workflow.nodes),
				connections: this.workflow.connectionsBySourceNode,
			}),
		);
		return Object.assign(data, {
			executionId: EXECUTION_ID,
			setExecutionStatus: () => {},
			instanceBaseUrl: this.baseUrl,
			webhookWaitingBaseUrl: `${this.baseUrl}/webhook-waiting`,
			...extra,
		});
	}

	private keep(run: IRun): IRun {
		this.run = run;
		// n8n saves a waiting execution (a copy), and loads it again for the resume.
		this.saved = run.waitTill
			? (JSON.parse(JSON.stringify(run.data)) as IRunExecutionData)
			: undefined;
		if (this.saved && run.waitTill) this.saved.waitTill = new Date(run.waitTill);
		return run;
	}

	/** Runs the workflow from its start until it waits or ends. */
	async start(): Promise<IRun> {
		const execute = new WorkflowExecute(this.additionalData(), 'webhook', createRunExecutionData());
		return this.keep(
			await execute.run({ workflow: this.workflow, startNode: this.workflow.getNode('Items')! }),
		);
	}

	private async resume(items?: INodeExecutionData[][]): Promise<IRun> {
		const data = this.saved!;
		if (items) data.executionData!.nodeExecutionStack[0].data.main = items;
		const execute = new WorkflowExecute(this.additionalData(), 'webhook', data);
		return this.keep(await execute.processRunExecutionData(this.workflow));
	}

	/** What WaitTracker does when the wait's time is up. */
	async timeOut(): Promise<IRun> {
		return await this.resume();
	}

	/** The answer links the node sent, read by the test from the sent message. */
	async open(
		url: string,
		init: { method?: string; userAgent?: string | null; form?: Record<string, string> } = {},
	): Promise<Opened> {
		const headers: Record<string, string> = {};
		const userAgent =
			init.userAgent === undefined
				? 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1'
				: init.userAgent;
		if (userAgent !== null) headers['user-agent'] = userAgent;
		let body: string | undefined;
		if (init.form) {
			headers['content-type'] = 'application/x-www-form-urlencoded';
			body = new URLSearchParams(init.form).toString();
		}
		const response = await fetch(url, {
			method: init.method ?? (body ? 'POST' : 'GET'),
			headers,
			body,
		});
		const opened: Opened = { status: response.status, body: await response.text() };
		await this.resuming;
		this.resuming = undefined;
		opened.response = this.lastResponse;
		this.lastResponse = undefined;
		return opened;
	}

	private lastResponse?: IWebhookResponseData;
	/** The resumed run, which n8n starts after answering (responseMode onReceived). */
	private resuming?: Promise<IRun>;

	/** The items the node after ours received in the last run. */
	get output(): IDataObject[] {
		const task = this.run?.data.resultData.runData.After?.[0];
		return (task?.data?.main?.[0] ?? []).map((item) => item.json);
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', this.baseUrl);
		const [, root, executionId, nodeId] = url.pathname.split('/');
		const signature = url.searchParams.get('signature') ?? '';
		const unsigned = new URL(url);
		unsigned.searchParams.delete('signature');
		const expected = createHmac('sha256', signingSecret())
			.update(`${unsigned.pathname}${unsigned.search}`)
			.digest('hex');
		if (root !== 'webhook-waiting' || signature !== expected) {
			res.writeHead(401).end('Invalid token');
			return;
		}
		if (!this.saved || executionId !== EXECUTION_ID) {
			res.writeHead(409).end('The execution is not waiting');
			return;
		}
		const webhookDescription = (sinchType.description.webhooks ?? []).find(
			(webhook) => webhook.httpMethod === req.method,
		) as IWebhookDescription | undefined;
		if (!webhookDescription || nodeId !== this.node.id) {
			res.writeHead(404).end('no such waiting webhook');
			return;
		}
		const { body } = await readRequest(req);
		const request = {
			method: req.method,
			headers: req.headers,
			body,
			params: {},
			query: Object.fromEntries(url.searchParams),
			url: req.url,
		};
		const additionalData = this.additionalData({
			httpRequest: request,
			httpResponse: expressLike(res),
		});
		const context = new WebhookContext(
			this.workflow,
			this.node,
			additionalData,
			'webhook',
			{
				httpMethod: req.method as 'GET',
				node: this.node.name,
				path: this.node.id,
				webhookDescription,
				workflowId: 'wf-wait',
				workflowExecuteAdditionalData: additionalData,
			},
			[],
			this.saved,
		);
		const response = await sinchType.webhook.call(context);
		this.lastResponse = response;
		if (!res.headersSent && !response.noWebhookResponse) {
			res
				.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
				.end(String(response.webhookResponse ?? ''));
		}
		if (response.workflowData) this.resuming = this.resume(response.workflowData);
	}
}
