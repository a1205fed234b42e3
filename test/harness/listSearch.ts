import type { INode, INodeParameters, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { LoadOptionsContext } from 'n8n-core';

import type { TestCredentialsHelper } from './credentials-helper';
import { CREDENTIAL_ID, NODE_TYPE, NODE_VERSION, nodeTypes } from './engine';

/**
 * The context n8n's editor back end builds for a picker's search (n8n-core's own LoadOptionsContext, whose
 * httpRequestWithAuthentication is n8n's real one), for the Sinch node with these parameters.
 */
export function listSearchContext(
	credentials: TestCredentialsHelper,
	parameters: INodeParameters,
	parameterName: string,
): LoadOptionsContext {
	const node: INode = {
		id: 'sinch',
		name: 'Sinch',
		type: NODE_TYPE,
		typeVersion: NODE_VERSION,
		position: [0, 0],
		parameters,
		credentials: { sinchConversationApi: { id: CREDENTIAL_ID, name: 'Sinch' } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = {
		credentialsHelper: credentials,
		currentNodeParameters: parameters,
		variables: {},
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		userId: 'user-1',
	} as unknown as IWorkflowExecuteAdditionalData;
	return new LoadOptionsContext(workflow, node, additionalData, parameterName);
}
