// Numbers as readers type them into the demos' fields.

const GROUPED = /^\d{1,3}(,\d{3})+$/;

/**
 * "1,000" and "12,500,000" are whole numbers written with thousands separators, as the demos' own hints write
 * them: the commas are dropped. Anything else ("1,5", "10,00") is returned as typed, for the field's own checks.
 */
export function withoutThousands(text: string): string {
	return GROUPED.test(text) ? text.replaceAll(',', '') : text;
}
