// Questions are written in plain YAML strings where Markdown's `backticks` mark code (`GetItem`, `$LATEST`).
// The islands render them without a Markdown parser: this splits the text into plain and code parts.

export interface TextPart {
	text: string;
	code: boolean;
}

/** `Call \`GetItem\` twice` → plain "Call ", code "GetItem", plain " twice". An unpaired backtick stays as it is. */
export function inlineCodeParts(text: string): TextPart[] {
	const parts: TextPart[] = [];
	const pattern = /`([^`\n]+)`/g;
	let last = 0;
	for (const match of text.matchAll(pattern)) {
		if (match.index > last) parts.push({ text: text.slice(last, match.index), code: false });
		parts.push({ text: match[1], code: true });
		last = match.index + match[0].length;
	}
	if (last < text.length || parts.length === 0) parts.push({ text: text.slice(last), code: false });
	return parts;
}
