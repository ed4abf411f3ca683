import { useState } from 'preact/hooks';
import { EXAM_KEY, loadExamStore, type Attempt } from '../../lib/practice/practice-exam.ts';
import { BANK_UNREACHABLE, loadBank } from '../../lib/practice/question-bank.ts';
import { domainReadiness, weakestTasks } from '../../lib/practice/readiness.ts';
import type { BreakdownRow } from '../../lib/practice/practice-exam.ts';
import type { StoreAccess } from '../../lib/practice/quiz.ts';
import type { GuideDomain } from '../../lib/practice/practice-set.ts';
import { useStoredData } from './useStoredData.ts';
import './PracticeExam.css';

interface Props {
	bankUrl: string;
	/** The site's base path, ending in "/". */
	base: string;
	/** Only attempts of this exam count: an older exam's domains share ids but not contents or weights. */
	examCode: string;
	domains: GuideDomain[];
}

const storage: StoreAccess = () => window.localStorage;
const TREND_WORDS = { up: 'up', down: 'down', same: 'unchanged' } as const;

/** Where practice exams leave you, per domain and task statement, from the attempts stored in this browser. */
export default function Readiness({ bankUrl, base, examCode, domains }: Props) {
	const [history, setHistory] = useState<Attempt[] | null>(null);
	const [tasks, setTasks] = useState<BreakdownRow[] | null>(null);
	const [status, setStatus] = useState<string | null>(null);
	useStoredData(
		() => {
			setHistory(loadExamStore(storage).store.history.filter((a) => a.exam === examCode));
			setTasks(null);
		},
		(key) => key === EXAM_KEY,
	);

	if (history === null) {
		return <p class="demo__needs-js">The readiness view needs JavaScript, which is turned off: it reads your practice exams from this browser.</p>;
	}
	if (history.length === 0) {
		return (
			<p>
				Take a <a href={`${base}practice/exam/`}>practice exam</a> to see here how each domain goes across your attempts.
			</p>
		);
	}

	const name = (id: string) => domains.find((d) => d.id === id);
	const taskTitle = (id: string) => domains.flatMap((d) => d.tasks).find((t) => t.id === id)?.title ?? '';
	const rows = domainReadiness(history, domains.map((d) => d.id));

	const showTasks = async () => {
		setStatus('Loading the questions…');
		const loaded = await loadBank(bankUrl);
		if (!loaded.ok) {
			setStatus(BANK_UNREACHABLE);
			return;
		}
		const weakest = weakestTasks(history, new Map(loaded.value.map((q) => [q.id, q])));
		setTasks(weakest);
		setStatus(weakest.length ? null : 'No task statement has come up three times yet: take another practice exam.');
	};

	return (
		<div class="exam readiness">
			<p>
				From your {history.length === 1 ? 'practice exam' : `${history.length} practice exams`} in this browser. This is a summary of
				your practice, not a prediction of your score on the real exam: these questions are not AWS's, and AWS does not publish how it
				scores.
			</p>
			<div class="exam__table" role="region" aria-label="Domains, weakest first" tabIndex={0}>
				<table>
					<caption>Domains, weakest first</caption>
					<thead>
						<tr>
							<th scope="col">Domain</th>
							<th scope="col">Right overall</th>
							<th scope="col">Last attempts</th>
							<th scope="col">Practise</th>
						</tr>
					</thead>
					<tbody>
						{rows.map((r) => {
							const d = name(r.id);
							const label = d ? `Domain ${d.number}, ${d.name}` : r.id;
							return (
								<tr key={r.id}>
									<th scope="row">{label}</th>
									<td>{r.overall === null ? 'not met yet' : `${r.overall}% of ${r.answered}`}</td>
									<td>
										{r.recent.length ? r.recent.map((p) => `${p}%`).join(' → ') : '–'}
										{r.trend ? ` (${TREND_WORDS[r.trend]})` : ''}
									</td>
									<td>
										<a href={`${base}practice/sets/?domain=${r.id}`}>
											Drill<span class="sr-only"> {label}</span>
										</a>
									</td>
								</tr>
							);
						})}
					</tbody>
				</table>
			</div>
			{tasks === null ? (
				<div class="practice__actions">
					<button type="button" class="practice__button practice__button--secondary" onClick={showTasks}>
						Show the weakest task statements
					</button>
				</div>
			) : (
				tasks.length > 0 && (
					<>
						<h3>Weakest task statements</h3>
						<ol>
							{tasks.map((t) => (
								<li key={t.id}>
									{t.id} {taskTitle(t.id)}: {t.correct} of {t.total} right ({t.percent}%).{' '}
									<a href={`${base}practice/sets/?task=${t.id}`}>
										Drill<span class="sr-only"> task {t.id}</span>
									</a>
								</li>
							))}
						</ol>
					</>
				)
			)}
			<p role="status">{status}</p>
		</div>
	);
}
