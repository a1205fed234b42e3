import type { IExecuteFunctions } from 'n8n-workflow';

import type { WaitConfig } from './config';

/**
 * The query parameter a direct answer link carries: `a=y` approves, `a=n` declines. One letter each, because n8n
 * signs the whole query and every character lengthens an SMS; the output still says `approved`.
 */
export const ANSWER_PARAM = 'a';
export const APPROVE = 'y';
export const DECLINE = 'n';

export interface AnswerLinks {
	/** Opens the answer page: the form, or for an approval the Approve/Decline buttons. Opening it answers nothing. */
	page: string;
	/** Approves on opening (previews aside). */
	approve?: string;
	/** Declines on opening (previews aside); only with Approve and Decline. */
	decline?: string;
}

/** n8n signs each link with the instance's secret; n8n refuses a link whose query or path was changed. */
export function answerLinks(this: IExecuteFunctions, config: WaitConfig): AnswerLinks {
	const links: AnswerLinks = { page: this.getSignedResumeUrl() };
	if (config.responseType !== 'approval') return links;
	links.approve = this.getSignedResumeUrl({ [ANSWER_PARAM]: APPROVE });
	if (config.decline) links.decline = this.getSignedResumeUrl({ [ANSWER_PARAM]: DECLINE });
	return links;
}
