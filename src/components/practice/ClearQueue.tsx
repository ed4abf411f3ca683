import { useEffect, useRef, useState } from 'preact/hooks';
import ConfirmAction from './ConfirmAction.tsx';

interface Props {
	/** Questions in the queue now. */
	count: number;
	/** Empties the queue; false when the browser refused. */
	onClear: () => boolean;
}

/** "Clear the review queue…", asking first. */
export default function ClearQueue({ count, onClear }: Props) {
	const [asking, setAsking] = useState(false);
	const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
	const [focus, setFocus] = useState<'open' | 'message' | null>(null);
	const openRef = useRef<HTMLButtonElement>(null);
	const messageRef = useRef<HTMLParagraphElement>(null);
	useEffect(() => {
		if (focus === 'open') openRef.current?.focus();
		if (focus === 'message') messageRef.current?.focus();
		if (focus) setFocus(null);
	}, [focus]);
	const cancel = () => {
		setAsking(false);
		setFocus('open');
	};
	const questions = count === 1 ? 'the 1 question' : `all ${count} questions`;
	return (
		<>
			{count > 0 && !asking && (
				<div class="practice__actions">
					<button
						type="button"
						class="practice__button practice__button--secondary"
						ref={openRef}
						onClick={() => {
							setMessage(null);
							setAsking(true);
						}}
					>
						Clear the review queue…
					</button>
				</div>
			)}
			{asking && (
				<ConfirmAction
					id="clear-queue-question"
					question={
						<>
							Remove {questions} from your review queue? {count === 1 ? 'It does' : 'They do'} not come back unless you answer{' '}
							{count === 1 ? 'it' : 'them'} wrongly again. Your practice exams and chapter scores stay.
						</>
					}
					confirmLabel="Clear the queue"
					onConfirm={() => {
						const ok = onClear();
						setAsking(false);
						setMessage(
							ok
								? { text: 'The review queue was cleared.', error: false }
								: { text: 'This browser did not let the site change the review queue, so nothing was removed.', error: true },
						);
						setFocus('message');
					}}
					onCancel={cancel}
				/>
			)}
			<p role="status" tabIndex={-1} ref={messageRef} class={message?.error ? 'demo__error' : undefined}>
				{message?.text}
			</p>
		</>
	);
}
