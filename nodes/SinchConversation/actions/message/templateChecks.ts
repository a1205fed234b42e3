import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { templateRefsOf, type TemplateRef } from '../../helpers/templateMessage';
import {
	checkTemplateValues,
	omniLanguages,
	omniParameters,
	omniTranslation,
	whatsAppParameters,
} from '../../helpers/templateParameters';
import {
	getOmniTemplate,
	getWhatsAppTemplate,
	type OmniTemplate,
	type WhatsAppTemplate,
} from '../template/templateApi';

/** What the template checks say of one item: a failed read of its template, or what its parameters lack. */
export interface TemplateCheck {
	error?: unknown;
	problems: string[];
}

/** The state a WhatsApp template must be in to be sent. */
export const SENDABLE_STATE = 'APPROVED';

function readKey(ref: TemplateRef): string {
	return ref.kind === 'whatsapp'
		? `whatsapp:${ref.name}|${ref.language.toLowerCase()}`
		: `omni:${ref.templateId}|${ref.version}`;
}

/** The template's name as the problems give it. */
export function templateLabel(ref: TemplateRef): string {
	return ref.kind === 'whatsapp'
		? `WhatsApp template "${ref.name}" (${ref.language})`
		: `omnichannel template ${ref.templateId} (version ${ref.version}, ${ref.language})`;
}

/** The problems of one item's WhatsApp template; fills in the parameters Sinch needs even when empty. */
function whatsAppProblems(
	ref: Extract<TemplateRef, { kind: 'whatsapp' }>,
	template: WhatsAppTemplate,
	reference: IDataObject,
): string[] {
	const what = templateLabel(ref);
	const state = String(template.state ?? '').toUpperCase();
	if (state !== SENDABLE_STATE)
		return [
			`The ${what} is ${state || 'in no state'}: only ${SENDABLE_STATE} templates can be sent. Wait for Meta's approval, or pick an approved template.`,
		];
	const checked = checkTemplateValues(whatsAppParameters(template), ref.parameters, what, true);
	if (Object.keys(checked.parameters).length > 0) reference.parameters = checked.parameters;
	return checked.problems;
}

function omniProblems(
	ref: Extract<TemplateRef, { kind: 'omni' }>,
	template: OmniTemplate,
): string[] {
	const what = templateLabel(ref);
	// getOmniTemplate answers the asked version's translations, with that version as the template's.
	const translation = omniTranslation(template, ref.language);
	if (!translation) {
		const languages = omniLanguages(template);
		return [
			`The ${what} has no translation in "${ref.language}": it has ${languages.join(', ') || 'none'} in that version.`,
		];
	}
	return checkTemplateValues(omniParameters(translation), ref.parameters, what, false).problems;
}

/**
 * Reads every template the run's messages send, each once (not once per item), and checks each item's parameters
 * against its template: state (WhatsApp), language (omnichannel), every variable given, no key the template lacks.
 * Runs with the run's app checks, before the first send.
 */
export async function checkTemplates(
	ctx: IExecuteFunctions,
	bodies: Map<number, IDataObject>,
): Promise<Map<number, TemplateCheck>> {
	const reads = new Map<string, Promise<{ template?: unknown; error?: unknown }>>();
	const read = (ref: TemplateRef, itemIndex: number) => {
		const key = readKey(ref);
		let found = reads.get(key);
		if (!found) {
			const request =
				ref.kind === 'whatsapp'
					? getWhatsAppTemplate(ctx, ref.name, ref.language, itemIndex)
					: getOmniTemplate(ctx, ref.templateId, ref.version, itemIndex);
			found = (request as Promise<unknown>).then(
				(template) => ({ template }),
				(error: unknown) => ({ error }),
			);
			reads.set(key, found);
		}
		return found;
	};
	const checks = new Map<number, TemplateCheck>();
	await Promise.all(
		[...bodies].map(async ([itemIndex, body]) => {
			const message = (body.message ?? {}) as IDataObject;
			const check: TemplateCheck = { problems: [] };
			for (const ref of templateRefsOf(message)) {
				const { template, error } = await read(ref, itemIndex);
				if (error !== undefined) {
					check.error ??= error;
					continue;
				}
				const content = message.template_message as IDataObject;
				if (ref.kind === 'whatsapp') {
					const reference = (content.channel_template as IDataObject).WHATSAPP as IDataObject;
					check.problems.push(...whatsAppProblems(ref, template as WhatsAppTemplate, reference));
				} else check.problems.push(...omniProblems(ref, template as OmniTemplate));
			}
			if (check.error !== undefined || check.problems.length > 0) checks.set(itemIndex, check);
		}),
	);
	return checks;
}
