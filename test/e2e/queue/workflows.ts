/**
 * The workflows the queue-mode test publishes. They are not examples for `npm start` (a production webhook needs an
 * active workflow, and `n8n execute` cannot start one), so they live here rather than in test/examples.
 */
import { EMULATOR_CREDENTIALS } from '../../../scripts/n8n/importData';
import { NODE_TYPE } from '../../../scripts/n8n/userFolder';

export const CREATE_WORKFLOW_ID = 'sinchQueueCreateApp';
export const CREATE_WEBHOOK_PATH = 'sinch-queue-create-app';
export const DISPLAY_NAME_PREFIX = 'queue call';

/**
 * The display name the workflow gives the app of one call: the call's number (unique per call, so the emulator's apps
 * show each call once) and the execution's ID (which the worker logs name, so each app leads to its worker).
 */
export function displayName(call: number, executionId: string): string {
	return `${DISPLAY_NAME_PREFIX} ${call} execution ${executionId}`;
}
export const DISPLAY_NAME_PATTERN = new RegExp(`^${DISPLAY_NAME_PREFIX} (\\d+) execution (\\d+)$`);

const credentials = { sinchConversationApi: { ...EMULATOR_CREDENTIALS.oAuth2 } };

/** Create App with the OAuth2 emulator credential, named `<name> execution <$execution.id>`. */
function createAppNode(id: string, name: string): Record<string, unknown> {
	return {
		id,
		name: 'Create app',
		type: NODE_TYPE,
		typeVersion: 2,
		position: [240, 0],
		parameters: {
			resource: 'app',
			operation: 'create',
			specifyBody: 'fields',
			displayName: `={{ ${name} + ' execution ' + $execution.id }}`,
			channelCredentials: {
				entries: [
					{
						channel: 'SMS',
						smsServicePlanId: 'queue-service-plan',
						smsApiToken: 'queue-sms-api-token',
					},
				],
			},
			additionalFields: {},
			options: {},
		},
		credentials,
	};
}

/** Webhook (POST `{"call": n}`, answered with the created app when the workflow ends) → Sinch Conversation: Create App. */
export function createAppOnWebhook(): Record<string, unknown> {
	return {
		id: CREATE_WORKFLOW_ID,
		name: 'Sinch queue mode: create an app per webhook call',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'a1f0c2d4-5e6f-4a7b-8c9d-000000001401',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: 'a1f0c2d4-5e6f-4a7b-8c9d-000000001400',
				parameters: {
					httpMethod: 'POST',
					path: CREATE_WEBHOOK_PATH,
					responseMode: 'lastNode',
					options: {},
				},
			},
			createAppNode(
				'a1f0c2d4-5e6f-4a7b-8c9d-000000001402',
				`'${DISPLAY_NAME_PREFIX} ' + $json.body.call`,
			),
		],
		connections: { Webhook: { main: [[{ node: 'Create app', type: 'main', index: 0 }]] } },
	};
}

export const TRIGGER_WORKFLOW_ID = 'sinchQueueTrigger';
export const CALLBACK_NAME_PREFIX = 'callback';
export const CALLBACK_NAME_PATTERN = new RegExp(
	`^${CALLBACK_NAME_PREFIX} (\\S+) execution (\\d+)$`,
);

/**
 * Sinch Conversation Trigger (Message Inbound of one app; the main registers its webhook on the emulator when it
 * activates the workflow, and verifies each callback) → Create App on a worker, named after the inbound message's ID
 * and the execution, so the emulator's apps show which callbacks started a run, and where it ran.
 */
export function callbackToApp(appId: string): Record<string, unknown> {
	return {
		id: TRIGGER_WORKFLOW_ID,
		name: 'Sinch queue mode: an app per inbound message',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'a1f0c2d4-5e6f-4a7b-8c9d-000000001411',
				name: 'Sinch Conversation Trigger',
				type: `${NODE_TYPE}Trigger`,
				typeVersion: 1,
				position: [0, 0],
				webhookId: 'a1f0c2d4-5e6f-4a7b-8c9d-000000001410',
				parameters: {
					app: { __rl: true, mode: 'id', value: appId },
					events: ['MESSAGE_INBOUND'],
					options: {},
				},
				credentials,
			},
			createAppNode(
				'a1f0c2d4-5e6f-4a7b-8c9d-000000001412',
				`'${CALLBACK_NAME_PREFIX} ' + $json.message.id`,
			),
		],
		connections: {
			'Sinch Conversation Trigger': { main: [[{ node: 'Create app', type: 'main', index: 0 }]] },
		},
	};
}
