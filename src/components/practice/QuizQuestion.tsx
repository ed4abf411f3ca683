import CodeText from './CodeText.tsx';
import ChoiceFieldset from './ChoiceFieldset.tsx';
import OutOfScopeNote from './OutOfScopeNote.tsx';
import { useId } from 'preact/hooks';
import { answerLine, feedbackDetail } from '../../lib/practice/quiz.ts';
import type { AnswerState, QuizQuestion as Question } from '../../lib/practice/quiz.ts';

interface Props {
	question: Question;
	state: AnswerState;
	onToggle: (choice: number) => void;
	onCheck: () => void;
	/** Where "Review this section" leads: the section on this page unless given (the review page links to chapters). */
	sectionHref?: string;
}

/** One practice question as a form: radios or checkboxes, "Check answer", and the feedback. */
export default function QuizQuestion({ question, state, onToggle, onCheck, sectionHref }: Props) {
	const id = `practice-${useId()}`;
	const { result } = state;
	const checked = result !== null;

	return (
		<li class="practice__question">
			{question.outOfScope && <OutOfScopeNote reason={question.outOfScope} />}
			{/* After checking, the answer is shown, so the choice is final until "Start again". */}
			<ChoiceFieldset question={question} idPrefix={id} selected={state.selected} onToggle={onToggle} disabled={checked} answer={result?.answer} />
			<div class="practice__actions">
				{/* aria-disabled rather than disabled keeps keyboard focus on the button after checking. */}
				<button type="button" class="practice__button" aria-disabled={checked ? 'true' : undefined} onClick={onCheck}>
					Check answer
				</button>
			</div>
			<div class="practice__feedback" role="status" aria-live="polite">
				{state.error && <p class="demo__error">{state.error}</p>}
				{result && (
					<div class="demo__result" data-verdict={result.correct ? 'allow' : 'deny'}>
						<p>
							<strong>
								<span aria-hidden="true">{result.correct ? '✓ ' : '✗ '}</span>
								{result.correct ? 'Correct.' : 'Incorrect.'}
							</strong>{' '}
							{feedbackDetail(result)}
						</p>
						<p>
							<CodeText text={question.explanation} />
						</p>
						<p>
							<a href={sectionHref ?? `#${question.section}`}>
								Review this section{question.sectionTitle ? `: ${question.sectionTitle}` : ''}
							</a>
						</p>
					</div>
				)}
			</div>
			{!checked && (
				// Shown only on paper, where nothing can be checked.
				<p class="practice__print-answer">
					<strong>{answerLine(question)}</strong> <CodeText text={question.explanation} />
				</p>
			)}
		</li>
	);
}
