import TextField from './TextField.tsx';
import { useId, useState } from 'preact/hooks';

type FieldErrors<I> = Partial<Record<keyof I, string>>;
type Checked<I> = { ok: true } | { ok: false; errors: FieldErrors<I> };

interface TextFieldOptions<I> {
	size: number;
	/** Fields that accept a decimal point; the rest get a numeric keypad on phones. */
	decimal?: readonly (keyof I)[];
}

/**
 * State shared by the form demos. The result is recomputed from the raw field text on every render, so it can never
 * disagree with what the reader sees; each field shows its own error, read with it by screen readers.
 */
export function useDemoForm<I extends { [K in keyof I]: string }, R extends Checked<I>>(
	initial: () => I,
	check: (input: I) => R,
	options: TextFieldOptions<I>,
) {
	const id = useId();
	const [input, setInput] = useState<I>(initial);
	const result = check(input);
	const errors: FieldErrors<I> = result.ok ? {} : (result as Extract<Checked<I>, { ok: false }>).errors;
	const set = <K extends keyof I>(name: K, value: I[K]) => setInput({ ...input, [name]: value });

	const field = (name: keyof I & string, label: string, hint: string) => (
		<TextField
			id={`${id}-${name}`}
			label={label}
			hint={hint}
			value={input[name]}
			error={errors[name]}
			inputMode={options.decimal?.includes(name) ? 'decimal' : 'numeric'}
			size={options.size}
			onInput={(value) => set(name, value as I[typeof name])}
		/>
	);

	return { id, input, set, result, errors, field };
}

/** "Fix the field marked above to see the capacity." */
export function fixFieldsMessage(errors: object, goal: string): string {
	return `Fix the ${Object.keys(errors).length > 1 ? 'fields' : 'field'} marked above to ${goal}.`;
}
