import CodeText from './CodeText.tsx';
import { useId, useState } from 'preact/hooks';
import { choiceOrder, filterResults, toPositions, type QuestionResult, type ReviewFilter } from '../../lib/practice/practice-exam.ts';
import { choiceMark, chooseHint, correctIndexes, joinLetters, promptText } from '../../lib/practice/quiz.ts';

interface Props {
	results: QuestionResult[];
	/** The attempt's start, which fixes the order its choices were shown in. */
	startedAt: number;
	/** The site's base path without the trailing slash, for links to chapters. */
	base: string;
}

const FILTERS: { id: ReviewFilter; label: string }[] = [
	{ id: 'all', label: 'All' },
	{ id: 'wrong', label: 'Wrong only' },
	{ id: 'flagged', label: 'Flagged only' },
	{ id: 'unanswered', label: 'Unanswered only' },
];

/** Every question of an attempt with the learner's and the right choices marked in words, filtered on request. */
export default function AttemptReview({ results, startedAt, base }: Props) {
	const [filter, setFilter] = useState<ReviewFilter>('all');
	const id = `review-${useId()}`;
	const shown = filterResults(results, filter);
	return (
		<section class="exam__answers" aria-labelledby={`${id}-heading`}>
			<h3 id={`${id}-heading`}>Answer review</h3>
			<fieldset class="exam__filter">
				<legend>Show</legend>
				{FILTERS.map((f) => (
					<span class="exam__filter-option" key={f.id}>
						<input
							type="radio"
							id={`${id}-${f.id}`}
							name={`${id}-filter`}
							checked={filter === f.id}
							onChange={() => setFilter(f.id)}
						/>
						<label for={`${id}-${f.id}`}>
							{f.label} ({filterResults(results, f.id).length})
						</label>
					</span>
				))}
			</fieldset>
			{shown.length === 0 && <p>No question fits this choice.</p>}
			<ol class="exam__review">
				{shown.map(({ result: r, number }) => {
					const q = r.question;
					// Letters as the learner saw them in this attempt.
					const order = choiceOrder(startedAt, q);
					const right = toPositions(order, correctIndexes(q));
					const picked = toPositions(order, r.selected);
					return (
						<li key={q.id}>
							<details>
								<summary>
									Question {number}: {r.correct ? 'correct' : r.selected.length ? 'incorrect' : 'not answered'}
									{r.flagged ? ', flagged' : ''}
									<span class="exam__review-chapter"> ({q.chapter.title})</span>
								</summary>
								<p>
									<CodeText text={promptText(q)} />
									{chooseHint(q) && ` ${chooseHint(q)}`}
								</p>
								<ol class="practice__choices" type="A">
									{order.map((original, j) => {
										const c = q.choices[original];
										const mark = choiceMark(right.includes(j), picked.includes(j));
										return (
											<li key={j} data-mark={mark ? (right.includes(j) ? 'correct' : 'incorrect') : undefined}>
												<CodeText text={c.text} />
												{mark && <strong class="practice__mark"> ({mark})</strong>}
											</li>
										);
									})}
								</ol>
								<p>
									Your answer: {picked.length ? joinLetters(picked) : 'none'}. Correct answer: {joinLetters(right)}.
								</p>
								<p>
									<CodeText text={q.explanation} />
								</p>
								<p>
									<a href={`${base}/${q.chapter.id}/#${q.section}`}>
										Review {q.chapter.title}
										{q.sectionTitle ? `: ${q.sectionTitle}` : ''}
									</a>
								</p>
							</details>
						</li>
					);
				})}
			</ol>
		</section>
	);
}
