import { useId } from 'preact/hooks';
import {
	answerLine,
	choiceLetter,
	choiceMark,
	chooseHint,
	feedbackDetail,
	isMultipleAnswer,
	promptText,
} from '../../lib/quiz.ts';
import type { Graded, QuizQuestion as Question } from '../../lib/quiz.ts';

export interface AnswerState {
	selected: number[];
	result: Graded | null;
	error: string | null;
}

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
	const multiple = isMultipleAnswer(question);
	const hint = chooseHint(question);
	const { result } = state;
	const checked = result !== null;

	return (
		<li class="practice__question">
			<fieldset class="practice__fieldset">
				<legend class="practice__legend">
					{promptText(question)}
					{hint && <span class="practice__hint"> {hint}</span>}
				</legend>
				<div class="practice__options">
					{question.choices.map((choice, i) => {
						const inputId = `${id}-choice-${i}`;
						const selected = state.selected.includes(i);
						const mark = result ? choiceMark(result.answer.includes(i), selected) : undefined;
						return (
							<div class="practice__option" key={i} data-mark={mark ? (result?.answer.includes(i) ? 'correct' : 'incorrect') : undefined}>
								<input
									type={multiple ? 'checkbox' : 'radio'}
									id={inputId}
									name={`${id}-choices`}
									checked={selected}
									// After checking, the answer is shown, so the choice is final until "Start again".
									disabled={checked}
									onChange={() => onToggle(i)}
								/>
								<label for={inputId}>
									<span class="practice__letter">{choiceLetter(i)}.</span> {choice.text}
									{mark && <strong class="practice__mark"> ({mark})</strong>}
								</label>
							</div>
						);
					})}
				</div>
			</fieldset>
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
						<p>{question.explanation}</p>
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
					<strong>{answerLine(question)}</strong> {question.explanation}
				</p>
			)}
		</li>
	);
}
