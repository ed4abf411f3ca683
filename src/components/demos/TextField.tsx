interface Props {
	/** The input's id; its hint and error message get ids derived from it. */
	id: string;
	label: string;
	hint: string;
	value: string;
	error?: string;
	inputMode: 'numeric' | 'decimal';
	size: number;
	onInput: (value: string) => void;
}

/** A labelled text field whose hint, or error once there is one, is read with the field by screen readers. */
export default function TextField({ id, label, hint, value, error, inputMode, size, onInput }: Props) {
	return (
		<div>
			<label for={id}>{label}</label>
			<input
				id={id}
				type="text"
				inputMode={inputMode}
				size={size}
				spellcheck={false}
				autoComplete="off"
				value={value}
				aria-invalid={error ? 'true' : undefined}
				aria-describedby={error ? `${id}-error` : `${id}-hint`}
				onInput={(e) => onInput(e.currentTarget.value)}
			/>
			{error ? (
				<p id={`${id}-error`} class="demo__field-error">
					{error}
				</p>
			) : (
				<p id={`${id}-hint`} class="demo__note">
					{hint}
				</p>
			)}
		</div>
	);
}
