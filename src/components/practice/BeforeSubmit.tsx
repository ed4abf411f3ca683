import type { OpenQuestions } from '../../lib/practice/practice-exam.ts';

interface Props {
	/** The sentence with the counts, which takes focus when the screen opens. */
	warning: string;
	open: OpenQuestions;
	warningRef: { current: HTMLParagraphElement | null };
	onGo: (index: number) => void;
	onSubmit: () => void;
	onKeepWorking: () => void;
}

const GROUPS: { key: keyof OpenQuestions; title: string }[] = [
	{ key: 'unanswered', title: 'Unanswered' },
	{ key: 'incomplete', title: 'Wrong number of choices' },
	{ key: 'flagged', title: 'Flagged for review' },
];

/** The screen before submitting: the counts, then every question still open, each a button that opens it. */
export default function BeforeSubmit({ warning, open, warningRef, onGo, onSubmit, onKeepWorking }: Props) {
	return (
		<div class="exam__confirm" role="group" aria-labelledby="exam-before-submit">
			<h2 id="exam-before-submit" class="exam__confirm-title">
				Before you submit
			</h2>
			<p tabIndex={-1} ref={warningRef}>
				{warning}
			</p>
			{GROUPS.filter((g) => open[g.key].length > 0).map((g) => (
				<div key={g.key}>
					<h3 class="exam__confirm-group" id={`exam-open-${g.key}`}>
						{g.title} ({open[g.key].length})
					</h3>
					<ul class="exam__jump not-content" aria-labelledby={`exam-open-${g.key}`}>
						{open[g.key].map((i) => (
							<li key={i}>
								<button type="button" class="practice__button practice__button--secondary" onClick={() => onGo(i)}>
									Question {i + 1}
								</button>
							</li>
						))}
					</ul>
				</div>
			))}
			<div class="exam__actions not-content">
				<button type="button" class="practice__button" onClick={onSubmit}>
					Submit the exam
				</button>
				<button type="button" class="practice__button" onClick={onKeepWorking}>
					Keep working
				</button>
			</div>
		</div>
	);
}
