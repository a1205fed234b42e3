import type { IDataObject } from 'n8n-workflow';

/** Where the setting that gives an app contacts and conversations is, in this node's words. */
export const CONVERSATION_MODE_SETTING =
	"the app's Processing Mode: App → Update → Update Fields → Processing Mode: Conversation";

export const isDispatchMode = (app: IDataObject): boolean => app.processing_mode === 'DISPATCH';

/** Why an app has no contacts or conversations, and the setting that gives it them. */
export const conversationModeHint = (what: string) =>
	`Sinch keeps ${what} only for apps in CONVERSATION processing mode; an app in DISPATCH mode (the default for new apps) makes none. To have them, change ${CONVERSATION_MODE_SETTING}. Only messages sent or received after the change make them.`;

/**
 * What to say when something needs an app in CONVERSATION mode and the app is in DISPATCH mode (the default of new
 * apps), where Sinch keeps no contacts and no conversations.
 */
export function dispatchModeError(
	appId: string,
	what: 'conversations' | 'contacts',
): { message: string; description: string } {
	return {
		message: `App ${appId} is in DISPATCH processing mode: Sinch keeps no ${what} for it`,
		description: conversationModeHint('contacts and conversations'),
	};
}
