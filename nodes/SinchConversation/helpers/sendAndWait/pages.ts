import type { FormField, WaitConfig } from './config';
import { ANSWER_PARAM, APPROVE, DECLINE } from './links';

/** The pages an answer link opens: small, self-contained (no scripts, no outside resources). */
const escape = (value: string) =>
	value.replace(
		/[&<>"']/g,
		(character) =>
			({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!,
	);

const paragraphs = (value: string) =>
	value
		.split(/\n+/)
		.map((line) => `<p>${escape(line)}</p>`)
		.join('');

function page(title: string, body: string): string {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escape(title)}</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#222}label{display:block;margin:1rem 0 .3rem;font-weight:600}input,textarea,select{width:100%;box-sizing:border-box;padding:.5rem;font:inherit}textarea{min-height:8rem}button{margin:1rem .5rem 0 0;padding:.6rem 1.4rem;font:inherit;border:0;border-radius:.3rem;background:#0b5cad;color:#fff}button.second{background:#666}form.inline{display:inline}</style></head><body>${body}</body></html>`;
}

function input(field: FormField, index: number): string {
	const name = fieldName(index);
	const required = field.required ? ' required' : '';
	const label = `<label for="${name}">${escape(field.label)}${field.required ? ' *' : ''}</label>`;
	if (field.type === 'textarea')
		return `${label}<textarea id="${name}" name="${name}"${required}></textarea>`;
	if (field.type === 'dropdown') {
		const options = field.choices
			.map((choice) => `<option value="${escape(choice)}">${escape(choice)}</option>`)
			.join('');
		return `${label}<select id="${name}" name="${name}"${required}><option value=""></option>${options}</select>`;
	}
	const step = field.type === 'number' ? ' step="any"' : '';
	return `${label}<input id="${name}" name="${name}" type="${field.type}"${step}${required}>`;
}

/** Form field `f<index>` carries field `index`'s answer; `text` a free text. */
export const fieldName = (index: number) => `f${index}`;
export const FREE_TEXT_FIELD = 'text';

/** What the answer page shows before the person answers. Its forms post to the page's own (signed) address. */
export function answerPage(config: WaitConfig): string {
	const heading = config.pageTitle ? `<h1>${escape(config.pageTitle)}</h1>` : '';
	if (config.responseType === 'approval') {
		const button = (value: string, label: string, second = false) =>
			`<form class="inline" method="post"><input type="hidden" name="${ANSWER_PARAM}" value="${value}"><button${second ? ' class="second"' : ''}>${escape(label)}</button></form>`;
		const buttons =
			button(APPROVE, config.approveLabel) +
			(config.decline ? button(DECLINE, config.declineLabel, true) : '');
		return page(
			config.pageTitle || 'Your answer',
			`${heading}${paragraphs(config.message)}${buttons}`,
		);
	}
	const fields =
		config.responseType === 'freeText'
			? `<label for="${FREE_TEXT_FIELD}">Response *</label><textarea id="${FREE_TEXT_FIELD}" name="${FREE_TEXT_FIELD}" required></textarea>`
			: config.fields.map(input).join('');
	return page(
		config.pageTitle || 'Your answer',
		`${heading}${paragraphs(config.pageDescription)}<form method="post">${fields}<button>${escape(config.submitLabel)}</button></form>`,
	);
}

export const RECORDED_PAGE = page(
	'Answer recorded',
	'<h1>Got it, thanks</h1><p>Your answer was recorded. You can close this page.</p>',
);
