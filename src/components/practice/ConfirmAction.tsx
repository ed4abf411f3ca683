import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface Props {
	/** Names the question, which labels the group. */
	id: string;
	question: ComponentChildren;
	/** More to read before deciding, under the question. */
	children?: ComponentChildren;
	confirmLabel: string;
	onConfirm: () => void;
	onCancel: () => void;
	/** The exam page's own layout classes, or the review page's. */
	variant?: 'review' | 'exam';
}

/**
 * A question before an action that loses data, answered in place: focus starts on Cancel, the safe choice, and
 * Escape cancels too.
 */
export default function ConfirmAction({ id, question, children, confirmLabel, onConfirm, onCancel, variant = 'review' }: Props) {
	const cancelRef = useRef<HTMLButtonElement>(null);
	useEffect(() => cancelRef.current?.focus(), []);
	return (
		<div
			class={variant === 'exam' ? 'exam__confirm' : 'review-tool__confirm'}
			role="group"
			aria-labelledby={id}
			onKeyDown={(event) => {
				if (event.key === 'Escape') onCancel();
			}}
		>
			<p id={id}>{question}</p>
			{children}
			<div class={variant === 'exam' ? 'exam__actions not-content' : 'practice__actions'}>
				<button type="button" class="practice__button review-tool__danger" onClick={onConfirm}>
					{confirmLabel}
				</button>
				<button type="button" class="practice__button practice__button--secondary" ref={cancelRef} onClick={onCancel}>
					Cancel
				</button>
			</div>
		</div>
	);
}
