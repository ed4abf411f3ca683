import type { ComponentChildren } from 'preact';

/** The attributes a control needs so that screen readers read its message (or hint) with it. */
export type Described = { 'aria-invalid'?: 'true'; 'aria-describedby'?: string };

interface Props {
	/** The control's id; its hint and error message get ids derived from it. */
	id: string;
	label: string;
	error?: string;
	hint?: string;
	/** Renders the control with the attributes it is given. */
	children: (described: Described) => ComponentChildren;
}

/** A label, any control (input, select, textarea) and under it the field's error message, or its hint. */
export default function Field({ id, label, error, hint, children }: Props) {
	const described: Described = error ? { 'aria-invalid': 'true', 'aria-describedby': `${id}-error` } : hint ? { 'aria-describedby': `${id}-hint` } : {};
	return (
		<div>
			<label for={id}>{label}</label>
			{children(described)}
			{error ? (
				<p id={`${id}-error`} class="demo__field-error">
					{error}
				</p>
			) : (
				hint && (
					<p id={`${id}-hint`} class="demo__note">
						{hint}
					</p>
				)
			)}
		</div>
	);
}
