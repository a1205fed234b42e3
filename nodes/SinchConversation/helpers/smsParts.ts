/**
 * How many SMS parts a text takes. GSM-7 carries 160 characters in one part and 153 per part once split (the rest
 * holds the joining header); the extension characters take two. Any other character switches the whole text to
 * UCS-2: 70 UTF-16 units in one part, 67 per part when split.
 */
const GSM_BASIC =
	'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '^{}\\[~]|€\f';

export interface SmsParts {
	encoding: 'GSM-7' | 'UCS-2';
	/** Length in the encoding's units: GSM-7 septets or UTF-16 units. */
	units: number;
	parts: number;
}

export function smsParts(text: string): SmsParts {
	let septets = 0;
	for (const character of text) {
		if (GSM_BASIC.includes(character)) septets += 1;
		else if (GSM_EXTENSION.includes(character)) septets += 2;
		else {
			const units = text.length;
			return { encoding: 'UCS-2', units, parts: units <= 70 ? 1 : Math.ceil(units / 67) };
		}
	}
	return {
		encoding: 'GSM-7',
		units: septets,
		parts: septets <= 160 ? 1 : Math.ceil(septets / 153),
	};
}

/** "2 SMS parts (GSM-7, 290 characters)": the note a send carries for SMS. */
export function smsPartsNote(text: string): string {
	const { encoding, units, parts } = smsParts(text);
	return `${parts} SMS part${parts === 1 ? '' : 's'} (${encoding}, ${units} characters)`;
}
