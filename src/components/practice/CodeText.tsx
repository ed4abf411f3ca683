import { inlineCodeParts } from '../../lib/practice/inline-code.ts';

/** A question's text with its `backticked` parts shown as code. */
export default function CodeText({ text }: { text: string }) {
	return (
		<>
			{inlineCodeParts(text).map((part, i) => (part.code ? <code key={i}>{part.text}</code> : part.text))}
		</>
	);
}
