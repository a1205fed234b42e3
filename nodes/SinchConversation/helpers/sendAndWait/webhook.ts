import type {
	IDataObject,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { readWaitConfig, type WaitConfig } from './config';
import { ANSWER_PARAM, APPROVE, DECLINE } from './links';
import { answerPage, fieldName, FREE_TEXT_FIELD, RECORDED_PAGE } from './pages';
import { isPreviewAgent } from './previewAgents';

/**
 * n8n calls `webhook()` on a waiting Send and Wait node when one of its links is opened, after checking the link's
 * signature. Direct answer links (`a=y` / `a=n`) answer on opening, unless a link preview opens them; the page link
 * shows the page, and only what the page posts answers.
 */
export const sendAndWaitWebhooks: IWebhookDescription[] = [
	{
		name: 'default',
		httpMethod: 'GET',
		responseMode: 'onReceived',
		responseData: '',
		path: '={{ $nodeId }}',
		restartWebhook: true,
		isFullPath: true,
	},
	{
		name: 'default',
		httpMethod: 'POST',
		responseMode: 'onReceived',
		responseData: '',
		path: '={{ $nodeId }}',
		restartWebhook: true,
		isFullPath: true,
	},
];

function resumeWith(data: IDataObject): IWebhookResponseData {
	// respondedAt last, so a form field of that name cannot stand in for the time of the answer.
	return {
		webhookResponse: RECORDED_PAGE,
		workflowData: [[{ json: { data: { ...data, respondedAt: new Date().toISOString() } } }]],
	};
}

function formAnswers(config: WaitConfig, body: IDataObject): IDataObject {
	const answers: IDataObject = {};
	config.fields.forEach((field, index) => {
		const raw = body[fieldName(index)];
		const value = typeof raw === 'string' ? raw : '';
		if (field.type === 'number') answers[field.label] = value === '' ? null : Number(value);
		else answers[field.label] = value;
	});
	return answers;
}

export async function sendAndWaitWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = this.getRequestObject();
	const response = this.getResponseObject();
	const config = readWaitConfig(this.getNode(), (name, fallback) =>
		this.getNodeParameter(name, fallback),
	);
	const show = (html: string, status = 200): IWebhookResponseData => {
		response.status(status).setHeader('Content-Type', 'text/html; charset=utf-8');
		response.end(html);
		return { noWebhookResponse: true };
	};

	if (request.method !== 'POST') {
		const answer = (this.getQueryData() as IDataObject)[ANSWER_PARAM];
		if (config.responseType !== 'approval' || (answer !== APPROVE && answer !== DECLINE))
			return show(answerPage(config));
		// A preview fetch gets an empty page and the execution goes on waiting.
		if (isPreviewAgent(request.headers['user-agent'])) return show('');
		return resumeWith({ approved: answer === APPROVE });
	}

	const body = (this.getBodyData() ?? {}) as IDataObject;
	if (config.responseType === 'approval') {
		const answer = body[ANSWER_PARAM];
		if (answer === APPROVE || (answer === DECLINE && config.decline))
			return resumeWith({ approved: answer === APPROVE });
		return show(answerPage(config), 400);
	}
	if (config.responseType === 'freeText') {
		const text = body[FREE_TEXT_FIELD];
		if (typeof text !== 'string' || text.trim() === '') return show(answerPage(config), 400);
		return resumeWith({ text });
	}
	const missing = config.fields.some(
		(field, index) => field.required && !String(body[fieldName(index)] ?? '').trim(),
	);
	if (missing) return show(answerPage(config), 400);
	return resumeWith(formAnswers(config, body));
}
