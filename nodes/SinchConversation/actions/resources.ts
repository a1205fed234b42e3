import type { Operations } from './operation';
import * as app from './app';
import * as contact from './contact';
import * as conversation from './conversation';
import * as message from './message';
import * as template from './template';
import * as webhook from './webhook';

/** Resource name (the parameter's value) to its operations: the one list a new resource is added to. */
export const resources: Record<string, Operations> = {
	app: app.operations,
	contact: contact.operations,
	conversation: conversation.operations,
	message: message.operations,
	template: template.operations,
	webhook: webhook.operations,
};
