/**
 * Values meant as text that are not: an expression gave an object, a list or a number. Sent, they would become
 * "[object Object]" or items joined by commas. The value itself is never shown (it may be a secret), only its kind.
 */
export function kindOf(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (value === null) return 'null';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'number') return 'a number';
	if (typeof value === 'boolean') return 'true or false';
	return typeof value;
}

/** Nothing given: undefined, null or blank text. Only then is a required field "required". */
export const isBlank = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** The problem of a value that is given but is not text, or undefined. */
export function notTextProblem(label: string, value: unknown): string | undefined {
	if (isBlank(value) || typeof value === 'string') return undefined;
	return `${label} must be text, not ${kindOf(value)}. If an expression fills it, make it give one text value, e.g. {{ String($json.field) }}.`;
}
