import { useEffect, useRef, useState } from 'preact/hooks';
import type { StoreAccess } from '../../lib/practice/quiz.ts';
import { recordAnswers } from '../../lib/practice/review-queue.ts';

interface Props {
	ids: string[];
	storage: StoreAccess;
}

/** Unanswered questions stay out of the review queue unless the learner adds them. */
export default function UnansweredOffer({ ids, storage }: Props) {
	const [done, setDone] = useState<string | null>(null);
	// The button goes once used; focus moves to the sentence that replaces it.
	const doneRef = useRef<HTMLParagraphElement>(null);
	useEffect(() => {
		if (done) doneRef.current?.focus();
	}, [done]);
	const n = ids.length;
	if (n === 0) return null;
	const many = n === 1 ? 'the unanswered question' : `the ${n} unanswered questions`;
	return (
		<div class="exam__offer">
			<p>
				{n === 1 ? '1 question was' : `${n} questions were`} left unanswered. {n === 1 ? 'It is' : 'They are'} not in your review queue, which
				holds what you answered wrongly.
			</p>
			{!done && (
				<button
					type="button"
					class="practice__button practice__button--secondary"
					onClick={() => {
						const ok = recordAnswers(storage, ids.map((id) => ({ id, correct: false })), Date.now());
						setDone(
							ok
								? `${n === 1 ? '1 unanswered question was' : `${n} unanswered questions were`} added to your review queue.`
								: 'This browser did not let the site store the review queue, so nothing was added.',
						);
					}}
				>
					Add {many} to the review queue
				</button>
			)}
			<p role="status" tabIndex={-1} ref={doneRef}>
				{done}
			</p>
		</div>
	);
}
