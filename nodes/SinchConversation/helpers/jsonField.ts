import type { IDataObject } from 'n8n-workflow';

/**
 * A JSON field's value: typed in as text, or already a value from an expression. Empty is undefined; JSON of the
 * wrong shape is a problem naming the field, with `example`.
 */
export function jsonField(
	value: unknown,
	label: string,
	shape: 'object' | 'list',
	example: string,
	problems: string[],
): IDataObject | IDataObject[] | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	let parsed: unknown = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value) as unknown;
		} catch (error) {
			problems.push(`${label} is not valid JSON: ${(error as Error).message}.`);
			return undefined;
		}
	}
	const fits =
		shape === 'list'
			? Array.isArray(parsed)
			: typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
	if (!fits) {
		problems.push(
			`${label} must be a JSON ${shape === 'list' ? 'list' : 'object'}, e.g. ${example}.`,
		);
		return undefined;
	}
	return parsed as IDataObject | IDataObject[];
}
