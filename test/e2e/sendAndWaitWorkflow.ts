/**
 * The workflow both Send and Wait end-to-end tests publish (one n8n, and queue mode): Webhook "Ask" → Sinch
 * Conversation "Send and Wait for Response" by SMS → "Answered". The webhook's body says to whom, what and which
 * response type. It is not an example for `npm start`: a production webhook needs a published workflow.
 */
import { EMULATOR_CREDENTIALS } from '../../scripts/n8n/importData';
import { NODE_TYPE } from '../../scripts/n8n/userFolder';

export const ASK_WORKFLOW_ID = 'sinchE2eSendWait';
export const ASK_PATH = 'sinch-ask';
/** A phone's browser: n8n's answer pages and our preview check look at the user agent. */
export const PHONE_BROWSER =
	'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1';

export function askWorkflow(appId: string): Record<string, unknown> {
	return {
		id: ASK_WORKFLOW_ID,
		name: 'Send and Wait e2e',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: '0d7c2e14-6a3b-4f58-9e21-7b4c5d6e8f00',
				name: 'Ask',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: '0d7c2e14-6a3b-4f58-9e21-7b4c5d6e8f0a',
				parameters: {
					httpMethod: 'POST',
					path: ASK_PATH,
					responseMode: 'onReceived',
					options: {},
				},
			},
			{
				id: '0d7c2e14-6a3b-4f58-9e21-7b4c5d6e8f01',
				name: 'Ask by SMS',
				type: NODE_TYPE,
				typeVersion: 2,
				position: [240, 0],
				parameters: {
					resource: 'message',
					operation: 'sendAndWait',
					appId: { __rl: true, mode: 'id', value: appId },
					recipientType: 'phone',
					phoneNumber: '={{ $json.body.to }}',
					phoneChannels: ['SMS'],
					message: '={{ $json.body.question }}',
					responseType: '={{ $json.body.responseType }}',
					approvalOptions: { values: { approvalType: 'double' } },
					options: {},
				},
				credentials: { sinchConversationApi: EMULATOR_CREDENTIALS.oAuth2 },
			},
			{
				id: '0d7c2e14-6a3b-4f58-9e21-7b4c5d6e8f02',
				name: 'Answered',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [480, 0],
				parameters: {},
			},
		],
		connections: {
			Ask: { main: [[{ node: 'Ask by SMS', type: 'main', index: 0 }]] },
			'Ask by SMS': { main: [[{ node: 'Answered', type: 'main', index: 0 }]] },
		},
	};
}

/** The text an SMS recipient gets, from a Send and Wait send body (its SMS override). */
export function smsOf(sendBody: unknown): string {
	const body = sendBody as {
		message: { explicit_channel_omni_message: { SMS: { text_message: { text: string } } } };
	};
	return body.message.explicit_channel_omni_message.SMS.text_message.text;
}

/** The first link in a text. */
export const linkIn = (text: string): string => /https?:\/\/\S+/.exec(text)![0];

/** The execution an answer link resumes: n8n's waiting webhooks are `<base>webhook-waiting/<execution ID>/…`. */
export const executionOfLink = (link: string): string =>
	/\/webhook-waiting\/(\d+)\//.exec(link)![1];
