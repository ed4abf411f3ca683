import { examDurationMs, type RetakeKind } from '../../lib/practice/practice-exam.ts';

interface Props {
	/** Questions of the attempt the bank still has, and how many of them were not answered right. */
	total: number;
	missed: number;
	extraTime: boolean;
	/** An exam in progress must be finished first: there is one running exam at a time. */
	blocked: boolean;
	busy: boolean;
	onRetake: (kind: RetakeKind) => void;
}

const minutes = (questions: number, extraTime: boolean) => examDurationMs(extraTime, questions) / 60_000;

/** Two ways to take an attempt again; retakes are timed at the exam's pace and kept out of the trends. */
export default function RetakeOffer({ total, missed, extraTime, blocked, busy, onRetake }: Props) {
	if (total === 0) return null;
	return (
		<div class="exam__offer">
			<h3>Retake this attempt</h3>
			<p>
				A retake is timed at the exam's pace ({extraTime ? 'with the extra time ticked below' : 'two minutes a question'}) and shows the choices in a
				new order. It is scored and kept in Past attempts, but left out of the trends and readiness, which follow fresh exams only.
			</p>
			{blocked ? (
				<p class="demo__note">Finish or submit the exam in progress first: the button below resumes it.</p>
			) : (
				<div class="exam__actions not-content">
					{missed > 0 && (
						<button type="button" class="practice__button" aria-disabled={busy ? 'true' : undefined} onClick={() => !busy && onRetake('missed')}>
							Retake the {missed === 1 ? 'missed question' : `${missed} missed questions`} ({minutes(missed, extraTime)} minutes)
						</button>
					)}
					<button type="button" class="practice__button practice__button--secondary" aria-disabled={busy ? 'true' : undefined} onClick={() => !busy && onRetake('same')}>
						Retake all {total} questions ({minutes(total, extraTime)} minutes)
					</button>
				</div>
			)}
		</div>
	);
}
