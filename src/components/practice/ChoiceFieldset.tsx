import CodeText from './CodeText.tsx';
import { choiceLetter, choiceMark, chooseHint, isMultipleAnswer, promptText, type QuizQuestion } from '../../lib/practice/quiz.ts';

interface Props {
	question: QuizQuestion;
	/** Prefix of the inputs' ids and of the group's name, unique on the page. */
	idPrefix: string;
	selected: readonly number[];
	onToggle: (choice: number) => void;
	disabled?: boolean;
	/** Once the answer is shown: the right choices, so each picked or right one is marked in words. */
	answer?: readonly number[];
}

/** A question's prompt as the legend and its choices as radios, or checkboxes when it asks for several. */
export default function ChoiceFieldset({ question, idPrefix, selected, onToggle, disabled, answer }: Props) {
	const multiple = isMultipleAnswer(question);
	const hint = chooseHint(question);
	return (
		<fieldset class="practice__fieldset">
			<legend class="practice__legend">
				<CodeText text={promptText(question)} />
				{hint && <span class="practice__hint"> {hint}</span>}
			</legend>
			<div class="practice__options">
				{question.choices.map((choice, i) => {
					const inputId = `${idPrefix}-choice-${i}`;
					const picked = selected.includes(i);
					const mark = answer ? choiceMark(answer.includes(i), picked) : undefined;
					return (
						<div class="practice__option" key={i} data-mark={mark ? (answer?.includes(i) ? 'correct' : 'incorrect') : undefined}>
							<input
								type={multiple ? 'checkbox' : 'radio'}
								id={inputId}
								name={`${idPrefix}-choices`}
								checked={picked}
								disabled={disabled}
								onChange={() => onToggle(i)}
							/>
							<label for={inputId}>
								<span class="practice__letter">{choiceLetter(i)}.</span> <CodeText text={choice.text} />
								{mark && <strong class="practice__mark"> ({mark})</strong>}
							</label>
						</div>
					);
				})}
			</div>
		</fieldset>
	);
}
