import { useState } from 'preact/hooks';
import { EXAM_KEY, countsInTrends, loadExamStore, type Attempt } from '../../lib/practice/practice-exam.ts';
import { BANK_UNREACHABLE, loadBank } from '../../lib/practice/question-bank.ts';
import { domainReadiness, weakest } from '../../lib/practice/readiness.ts';
import type { BreakdownRow } from '../../lib/practice/practice-exam.ts';
import type { StoreAccess } from '../../lib/practice/quiz.ts';
import { drillPath, type GuideDomain } from '../../lib/practice/practice-set.ts';
import { useStoredData } from './useStoredData.ts';
import WeakestList from './WeakestList.tsx';
import DrillLink from './DrillLink.tsx';
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
	const [weak, setWeak] = useState<{ tasks: BreakdownRow[]; skills: BreakdownRow[] } | null>(null);
	const [status, setStatus] = useState<string | null>(null);
	useStoredData(
		() => {
			setHistory(loadExamStore(storage).store.history.filter((a) => countsInTrends(a, examCode)));
			setWeak(null);
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
	const skillText = (id: string) => domains.flatMap((d) => d.tasks.flatMap((t) => t.skills)).find((k) => k.id === id)?.text ?? '';
	const rows = domainReadiness(history, domains.map((d) => d.id));

	const showTasks = async () => {
		setStatus('Loading the questions…');
		const loaded = await loadBank(bankUrl);
		if (!loaded.ok) {
			setStatus(BANK_UNREACHABLE);
			return;
		}
		const bank = new Map(loaded.value.map((q) => [q.id, q]));
		// A skill has few questions per exam, so two answers are enough to list it.
		const found = { tasks: weakest(history, bank, 'task'), skills: weakest(history, bank, 'skill', 5, 2) };
		setWeak(found);
		setStatus(found.tasks.length ? null : 'No task statement has come up three times yet: take another practice exam.');
	};

	return (
		<div class="exam readiness">
			<p>
				From your {history.length === 1 ? 'practice exam' : `${history.length} practice exams`} in this browser (retakes left out). This is a summary of
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
										<DrillLink href={`${base}${drillPath('domain', r.id)}`} name={label} />
									</td>
								</tr>
							);
						})}
					</tbody>
				</table>
			</div>
			{weak === null ? (
				<div class="practice__actions">
					<button type="button" class="practice__button practice__button--secondary" onClick={showTasks}>
						Show the weakest task statements and skills
					</button>
				</div>
			) : (
				<>
					<WeakestList heading="Weakest task statements" rows={weak.tasks} what="task" label={taskTitle} href={(id) => `${base}${drillPath('task', id)}`} />
					<WeakestList heading="Weakest skills" rows={weak.skills} what="skill" label={skillText} href={(id) => `${base}${drillPath('skill', id)}`} />
				</>
			)}
			<p role="status">{status}</p>
		</div>
	);
}
