import { useRef, useState } from 'preact/hooks';
import ConfirmAction from './ConfirmAction.tsx';
import { countsInTrends, domainTrends, retakeLabel, scaledScore, type Attempt } from '../../lib/practice/practice-exam.ts';
import { percent } from '../../lib/practice/quiz.ts';
import { dateTimeText } from '../../lib/practice/dates.ts';
import type { DomainInfo } from './PracticeExam.tsx';

interface Props {
	history: Attempt[];
	domains: DomainInfo[];
	/** The exam the site follows: only its attempts trend, another exam's domains share ids but not contents. */
	examCode: string;
	onReview: (attempt: Attempt) => void;
	onDelete: (attempt: Attempt) => void;
}

const TREND_WORDS = { up: ['▲', 'up'], down: ['▼', 'down'], same: ['▶', 'unchanged'] } as const;
const attemptKey = (a: Attempt) => `${a.startedAt}-${a.finishedAt}`;

/** Past attempts, newest first, each with its review and a delete that asks first; then the trend per domain. */
export default function ExamHistory({ history, domains, examCode, onReview, onDelete }: Props) {
	const [deleting, setDeleting] = useState<Attempt | null>(null);
	const askedFrom = useRef<HTMLButtonElement | null>(null);
	const cancel = () => {
		setDeleting(null);
		askedFrom.current?.focus();
	};
	const trends = domainTrends(
		history.filter((a) => countsInTrends(a, examCode)),
		domains.map((d) => d.id),
	);
	const cell = (a: Attempt, id: string) => (Object.hasOwn(a.byDomain, id) ? `${percent(a.byDomain[id].correct, a.byDomain[id].total)}%` : '–');
	return (
		<section class="exam__history" aria-labelledby="exam-history-heading">
			<h2 id="exam-history-heading">Past attempts</h2>
			<p>Each domain column is the share of that domain's questions answered correctly, in the domains of the exam the attempt was drawn for.</p>
			<div class="exam__table" role="region" aria-label="Past attempts, newest first" tabIndex={0}>
				<table>
					<caption>Past attempts, newest first</caption>
					<thead>
						<tr>
							<th scope="col">Date</th>
							<th scope="col">Exam</th>
							<th scope="col">Score</th>
							{domains.map((d) => (
								<th scope="col" key={d.id} title={d.name}>
									Domain {d.number}
								</th>
							))}
							<th scope="col">Answers</th>
						</tr>
					</thead>
					<tbody>
						{[...history].reverse().map((a) => {
							const when = dateTimeText(a.finishedAt);
							return (
								<tr key={attemptKey(a)}>
									<th scope="row">
										{when}
										{a.timedOut ? ' (time ran out)' : ''}
									</th>
									<td>
										{a.exam}
										{a.retake ? `, ${retakeLabel(a.retake)}` : ''}
									</td>
									<td>
										{percent(a.correct, a.total)}% ({scaledScore(a.correct, a.total)})
									</td>
									{domains.map((d) => (
										<td key={d.id}>{cell(a, d.id)}</td>
									))}
									<td>
										<span class="exam__row-actions">
											<button type="button" class="practice__button practice__button--secondary" aria-label={`Review the attempt of ${when}`} onClick={() => onReview(a)}>
												Review
											</button>
											<button
												type="button"
												class="practice__button practice__button--secondary"
												aria-label={`Delete the attempt of ${when}`}
												onClick={(event) => {
													askedFrom.current = event.currentTarget as HTMLButtonElement;
													setDeleting(a);
												}}
											>
												Delete
											</button>
										</span>
									</td>
								</tr>
							);
						})}
					</tbody>
				</table>
			</div>
			{deleting && (
				<ConfirmAction
					key={attemptKey(deleting)}
					id="exam-delete-question"
					variant="exam"
					question={
						<>
							Delete the attempt of {dateTimeText(deleting.finishedAt)} ({percent(deleting.correct, deleting.total)}%)? Its score and answers are
							removed from this browser; your review queue stays as it is.
						</>
					}
					confirmLabel="Delete this attempt"
					onConfirm={() => {
						onDelete(deleting);
						setDeleting(null);
					}}
					onCancel={cancel}
				/>
			)}
			<h3>Trend by domain ({examCode} exams, retakes left out)</h3>
			<ul class="exam__trends">
				{trends.map((t) => {
					const d = domains.find((x) => x.id === t.id)!;
					const words = t.trend ? TREND_WORDS[t.trend] : null;
					return (
						<li key={t.id}>
							Domain {d.number}, {d.name}: {t.percents.length ? t.percents.slice(-5).map((p) => `${p}%`).join(' → ') : 'no attempts yet'}
							{words && (
								<>
									{' '}
									<span aria-hidden="true">{words[0]}</span> <span>({words[1]} since the attempt before)</span>
								</>
							)}
						</li>
					);
				})}
			</ul>
		</section>
	);
}
