import CodeText from './CodeText.tsx';
import ChoiceFieldset from './ChoiceFieldset.tsx';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
	EXAM_MINUTES,
	EXAM_VERSION,
	EXTRA_MINUTES,
	PASSING_SCALED,
	breakdown,
	domainTrends,
	drawExam,
	examCounts,
	formatRemaining,
	gradeExam,
	loadExamStore,
	newSeed,
	passes,
	remainingMs,
	remainingWords,
	saveExamStore,
	scaledScore,
	seedFrom,
	seenIds,
	startExam,
	submitWarning,
	toAttemptRecord,
	withAnswer,
	withCurrent,
	type Attempt,
	type ExamInProgress,
	type QuestionResult,
} from '../../lib/practice-exam.ts';
import { parseBank, type BankQuestion } from '../../lib/question-bank.ts';
import { choiceLetter, chooseHint, correctIndexes, isMultipleAnswer, joinLetters, percent, promptText, toggleChoice, type StoreAccess } from '../../lib/quiz.ts';
import { loadQueue, recordAnswers } from '../../lib/review-queue.ts';
import './PracticeQuiz.css';
import './PracticeExam.css';

export interface DomainInfo {
	id: string;
	number: number;
	name: string;
	weight: number;
	tasks: { id: string; title: string; skills: { id: string; text: string }[] }[];
}

interface Props {
	/** The question bank's URL, with the base path. */
	bankUrl: string;
	/** The site's base path without the trailing slash, for links to chapters. */
	base: string;
	/** The exam the draw follows, e.g. `DVA-C03`. */
	examCode: string;
	domains: DomainInfo[];
}

const storage: StoreAccess = () => window.localStorage;
const MINUTE = 60_000;

type Bank = Map<string, BankQuestion>;
interface Result {
	attempt: Attempt;
	results: QuestionResult[];
}

async function fetchBank(url: string): Promise<Bank> {
	let raw: unknown;
	try {
		const response = await fetch(url);
		if (!response.ok) throw new Error(`status ${response.status}`);
		raw = await response.json();
	} catch {
		throw new Error('The questions could not be downloaded. Check your connection and try again; an exam in progress is kept.');
	}
	const parsed = parseBank(raw);
	if (!parsed.ok) throw new Error(`${parsed.error} Reload the page and try again.`);
	return new Map(parsed.value.questions.map((q) => [q.id, q]));
}

const dateText = (time: number) => new Date(time).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** The timed mock exam. The server renders only the start panel; the questions are downloaded when an exam starts. */
export default function PracticeExam({ bankUrl, base, examCode, domains }: Props) {
	const [exam, setExam] = useState<ExamInProgress | null>(null);
	const [bank, setBank] = useState<Bank | null>(null);
	const [history, setHistory] = useState<Attempt[]>([]);
	const [result, setResult] = useState<Result | null>(null);
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<string | null>(null);
	const [notice, setNotice] = useState<string | null>(null);
	const [saving, setSaving] = useState(true);
	const [extraTime, setExtraTime] = useState(false);
	const [confirming, setConfirming] = useState(false);
	// A stored exam that could not be resumed yet (no connection): the start button retries it instead.
	const [pending, setPending] = useState<ExamInProgress | null>(null);
	const [now, setNow] = useState(() => Date.now());
	// After a step (new question, confirmation, result), focus moves to what the step shows.
	const questionRef = useRef<HTMLHeadingElement>(null);
	const confirmRef = useRef<HTMLParagraphElement>(null);
	const resultRef = useRef<HTMLHeadingElement>(null);
	const submitRef = useRef<HTMLButtonElement>(null);
	const [focusTarget, setFocusTarget] = useState<{ ref: { current: HTMLElement | null }; n: number } | null>(null);

	const domainName = (id: string) => domains.find((d) => d.id === id)?.name ?? id;
	const taskTitle = (id: string) => domains.flatMap((d) => d.tasks).find((t) => t.id === id)?.title ?? '';
	const skillText = (id: string) => domains.flatMap((d) => d.tasks.flatMap((t) => t.skills)).find((k) => k.id === id)?.text ?? '';
	const moveFocus = (ref: { current: HTMLElement | null }) => setFocusTarget((t) => ({ ref, n: (t?.n ?? 0) + 1 }));

	useEffect(() => {
		focusTarget?.ref.current?.focus();
	}, [focusTarget]);

	function save(current: ExamInProgress | null, attempts: Attempt[]) {
		setSaving(saveExamStore(storage, { version: EXAM_VERSION, current, history: attempts }));
	}

	function submit(running: ExamInProgress, questions: Bank, attempts: Attempt[], timedOut: boolean) {
		const finishedAt = timedOut ? running.deadline : Date.now();
		const drawn = running.questionIds.flatMap((id) => (questions.has(id) ? [questions.get(id)!] : []));
		const results = gradeExam(drawn, running.answers);
		const attempt = toAttemptRecord(running, results, finishedAt, timedOut);
		const next = [...attempts, attempt];
		save(null, next);
		// Every answer goes to the review queue: the missed ones become due at once.
		recordAnswers(storage, results.map((r) => ({ id: r.question.id, correct: r.correct })), Date.now());
		setHistory(next);
		setExam(null);
		setConfirming(false);
		setResult({ attempt, results });
		moveFocus(resultRef);
	}

	async function resume(running: ExamInProgress, attempts: Attempt[]) {
		setBusy(true);
		try {
			const questions = await fetchBank(bankUrl);
			setBank(questions);
			setError(null);
			setPending(null);
			if (remainingMs(running.deadline, Date.now()) === 0) {
				setNotice(`The time ran out while you were away, so the exam was submitted at its deadline (${dateText(running.deadline)}).`);
				submit(running, questions, attempts, true);
			} else {
				setNotice('Your exam in progress is back, with its answers, flags and remaining time.');
				setExam(running);
				moveFocus(questionRef);
			}
		} catch (e) {
			setPending(running);
			setError((e as Error).message);
		} finally {
			setBusy(false);
		}
	}

	useEffect(() => {
		const { store, available } = loadExamStore(storage);
		setSaving(available);
		setHistory(store.history);
		if (store.current) void resume(store.current, store.history);
	}, []);

	// The clock: re-read Date.now every second and whenever the page becomes visible again.
	useEffect(() => {
		if (!exam) return;
		const tick = () => setNow(Date.now());
		tick();
		const timer = setInterval(tick, 1000);
		document.addEventListener('visibilitychange', tick);
		return () => {
			clearInterval(timer);
			document.removeEventListener('visibilitychange', tick);
		};
	}, [exam !== null]);

	useEffect(() => {
		if (exam && bank && remainingMs(exam.deadline, now) === 0) {
			setNotice('Time is up: the exam was submitted automatically.');
			submit(exam, bank, history, true);
		}
	}, [now]);

	async function start() {
		setBusy(true);
		setNotice(null);
		setResult(null);
		try {
			const questions = bank ?? (await fetchBank(bankUrl));
			setBank(questions);
			setError(null);
			const { store } = loadExamStore(storage);
			const reviewIds = Object.keys(loadQueue(storage).items);
			const seed = seedFrom(new URLSearchParams(location.search).get('seed')) ?? newSeed(Date.now());
			const draw = drawExam([...questions.values()], domains, seenIds(store, reviewIds), seed);
			const notes = draw.shortfalls.map(
				(s) => `${domainName(s.domain)} has only ${s.got} of its ${s.wanted} questions in these notes; questions from other domains took the other places.`,
			);
			if (draw.ids.length < 65) notes.push(`The notes hold ${draw.ids.length} questions, so this exam has ${draw.ids.length} instead of 65.`);
			const running = startExam(draw, seed, extraTime, Date.now(), notes, examCode);
			setExam(running);
			setNow(Date.now());
			save(running, store.history);
			moveFocus(questionRef);
		} catch (e) {
			setError((e as Error).message);
		} finally {
			setBusy(false);
		}
	}

	function update(next: ExamInProgress) {
		setExam(next);
		save(next, history);
	}

	const storageNote = !saving && (
		<p class="demo__error">This browser does not let the page store data, so a reload or a closed tab loses the exam in progress.</p>
	);

	// ---- Taking the exam ----
	if (exam && bank) {
		const index = exam.current;
		const id = exam.questionIds[index];
		const question = bank.get(id);
		const answer = exam.answers[id] ?? { selected: [], flagged: false };
		const counts = examCounts(exam);
		const left = remainingMs(exam.deadline, now);
		const warning = left <= 5 * MINUTE ? 'Less than 5 minutes left.' : left <= 15 * MINUTE ? 'Less than 15 minutes left.' : '';
		const multiple = question ? isMultipleAnswer(question) : false;
		const go = (i: number) => {
			update(withCurrent(exam, i));
			moveFocus(questionRef);
		};
		return (
			<div class="exam">
				<div class="exam__bar">
					<p class="exam__timer" role="timer">
						<span class="exam__clock" aria-hidden="true">
							{formatRemaining(left)}
						</span>
						<span class="sr-only">{remainingWords(left)}</span>
					</p>
					<p class="exam__counts">
						{counts.answered} of {exam.questionIds.length} answered, {counts.flagged} flagged
					</p>
				</div>
				<p role="status" class="exam__status">
					{warning}
				</p>
				{notice && <p class="demo__note">{notice}</p>}
				{exam.notes.map((n) => (
					<p class="demo__note" key={n}>
						{n}
					</p>
				))}
				{storageNote}
				<section class="exam__question" aria-labelledby="exam-question-heading">
					<h2 id="exam-question-heading" tabIndex={-1} ref={questionRef}>
						Question {index + 1} of {exam.questionIds.length}
						{answer.flagged && <span class="exam__flag-mark"> (flagged)</span>}
					</h2>
					{question ? (
						<ChoiceFieldset
							key={id}
							question={question}
							idPrefix="exam"
							selected={answer.selected}
							onToggle={(i) => update(withAnswer(exam, id, { selected: toggleChoice(answer.selected, i, multiple) }))}
						/>
					) : (
						<p class="demo__error">This question is no longer in the notes; it will be left out of the score.</p>
					)}
					<div class="exam__actions not-content">
						<button type="button" class="practice__button" disabled={index === 0} onClick={() => go(index - 1)}>
							Previous
						</button>
						<button type="button" class="practice__button" aria-pressed={answer.flagged ? 'true' : 'false'} onClick={() => update(withAnswer(exam, id, { flagged: !answer.flagged }))}>
							Flag for review
						</button>
						<button type="button" class="practice__button" disabled={index === exam.questionIds.length - 1} onClick={() => go(index + 1)}>
							Next
						</button>
					</div>
				</section>
				<nav class="exam__nav" aria-label="All questions">
					<h2 class="exam__nav-title">All questions</h2>
					<p class="exam__legend">
						Filled: answered. <span aria-hidden="true">⚑</span> flagged. Outlined: the question on screen.
					</p>
					<ol class="exam__grid not-content">
						{exam.questionIds.map((qid, i) => {
							const a = exam.answers[qid];
							const answered = (a?.selected.length ?? 0) > 0;
							const state = [answered ? 'answered' : 'unanswered', a?.flagged ? 'flagged' : ''].filter(Boolean).join(', ');
							return (
								<li key={qid}>
									<button
										type="button"
										class="exam__cell"
										data-answered={answered ? '' : undefined}
										aria-current={i === index ? 'step' : undefined}
										aria-label={`Question ${i + 1}, ${state}`}
										onClick={() => go(i)}
									>
										{i + 1}
										{a?.flagged && <span aria-hidden="true">⚑</span>}
									</button>
								</li>
							);
						})}
					</ol>
				</nav>
				<div class="exam__submit">
					{confirming ? (
						<div class="exam__confirm">
							<p tabIndex={-1} ref={confirmRef}>
								{submitWarning(counts)}
							</p>
							<div class="exam__actions not-content">
								<button type="button" class="practice__button" onClick={() => submit(exam, bank, history, false)}>
									Submit the exam
								</button>
								<button
									type="button"
									class="practice__button"
									onClick={() => {
										setConfirming(false);
										moveFocus(submitRef);
									}}
								>
									Keep working
								</button>
							</div>
						</div>
					) : (
						<button
							type="button"
							class="practice__button"
							ref={submitRef}
							onClick={() => {
								setConfirming(true);
								moveFocus(confirmRef);
							}}
						>
							Submit exam…
						</button>
					)}
				</div>
			</div>
		);
	}

	// ---- Start panel, result and history ----
	return (
		<div class="exam">
			<p class="demo__needs-js">
				The practice exam needs JavaScript, which is turned off: it downloads the questions, runs the timer and keeps your
				answers in this browser. Each chapter's practice questions, with their answers, work without it.
			</p>
			{result && (
				<ExamResult
					result={result}
					notice={notice}
					base={base}
					domainName={domainName}
					taskTitle={taskTitle}
					skillText={skillText}
					headingRef={resultRef}
				/>
			)}
			<section class="exam__start" aria-labelledby="exam-start-heading">
				<h2 id="exam-start-heading">{result ? 'Take another exam' : 'Start an exam'}</h2>
				<p>
					65 questions drawn from every chapter in the {examCode} domain proportions, {EXAM_MINUTES} minutes on the clock. Your answers are saved in
					this browser as you go.
				</p>
				<div class="practice__option">
					<input type="checkbox" id="exam-extra-time" checked={extraTime} onChange={(e) => setExtraTime((e.target as HTMLInputElement).checked)} />
					<label for="exam-extra-time">
						Add {EXTRA_MINUTES} minutes ({EXAM_MINUTES + EXTRA_MINUTES} in all), as an approved time accommodation would
					</label>
				</div>
				<button
					type="button"
					class="practice__button"
					aria-disabled={busy ? 'true' : undefined}
					onClick={() => !busy && void (pending ? resume(pending, history) : start())}
				>
					{busy ? 'Loading the questions…' : pending ? 'Resume the exam in progress' : 'Start the exam'}
				</button>
				<div role="status">{error && <p class="demo__error">{error}</p>}</div>
				{storageNote}
			</section>
			{history.length > 0 && <ExamHistory history={history} domains={domains} examCode={examCode} />}
		</div>
	);
}

interface ResultProps {
	result: Result;
	notice: string | null;
	base: string;
	domainName: (id: string) => string;
	taskTitle: (id: string) => string;
	skillText: (id: string) => string;
	headingRef: { current: HTMLHeadingElement | null };
}

function ExamResult({ result, notice, base, domainName, taskTitle, skillText, headingRef }: ResultProps) {
	const { attempt, results } = result;
	const scaled = scaledScore(attempt.correct, attempt.total);
	const missed = results.filter((r) => !r.correct).length;
	return (
		<section class="exam__result" aria-labelledby="exam-result-heading">
			<h2 id="exam-result-heading" tabIndex={-1} ref={headingRef}>
				Your result ({attempt.exam} practice exam)
			</h2>
			{notice && <p class="demo__note">{notice}</p>}
			<p class="exam__score" data-verdict={passes(scaled) ? 'allow' : 'deny'}>
				<strong>
					{attempt.correct} of {attempt.total} correct ({percent(attempt.correct, attempt.total)}%), about {scaled} on the 100–1000 scale:{' '}
					{passes(scaled) ? `at or above the ${PASSING_SCALED} pass mark` : `below the ${PASSING_SCALED} pass mark`}.
				</strong>
			</p>
			<p>
				AWS does not publish how it turns answers into its scaled score, so this one is a straight line from 100 (none right) to 1000 (all
				right): a rough guide, not a prediction.{' '}
				{missed === 0 ? 'Every answer was right.' : missed === 1 ? 'The question you missed is now due in your review queue.' : `The ${missed} questions you missed are now due in your review queue.`}
			</p>
			<BreakdownTable caption="By domain, weakest first" head="Domain" rows={breakdown(results, 'domain')} label={domainName} />
			<BreakdownTable caption="By task, weakest first" head="Task" rows={breakdown(results, 'task')} label={(id) => `${id} ${taskTitle(id)}`} />
			<BreakdownTable caption="By skill, weakest first" head="Skill" rows={breakdown(results, 'skill')} label={(id) => `${id} ${skillText(id)}`} />
			<h3>Answer review</h3>
			<ol class="exam__review">
				{results.map((r, i) => {
					const q = r.question;
					const right = correctIndexes(q);
					return (
						<li key={q.id}>
							<details>
								<summary>
									Question {i + 1}: {r.correct ? 'correct' : r.selected.length ? 'incorrect' : 'not answered'}
									<span class="exam__review-chapter"> ({q.chapter.title})</span>
								</summary>
								<p>
									<CodeText text={promptText(q)} />
									{chooseHint(q) && ` ${chooseHint(q)}`}
								</p>
								<ol class="practice__choices" type="A">
									{q.choices.map((c, j) => (
										<li key={j}>
											<CodeText text={c.text} />
										</li>
									))}
								</ol>
								<p>
									Your answer: {r.selected.length ? joinLetters(r.selected) : 'none'}. Correct answer: {joinLetters(right)}.
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

function BreakdownTable({ caption, head, rows, label }: { caption: string; head: string; rows: ReturnType<typeof breakdown>; label: (id: string) => string }) {
	return (
		<div class="exam__table" role="region" aria-label={caption} tabIndex={0}>
			<table>
				<caption>{caption}</caption>
				<thead>
					<tr>
						<th scope="col">{head}</th>
						<th scope="col">Correct</th>
						<th scope="col">Score</th>
					</tr>
				</thead>
				<tbody>
					{rows.map((row) => (
						<tr key={row.id}>
							<th scope="row">{label(row.id)}</th>
							<td>
								{row.correct} of {row.total}
							</td>
							<td>{row.percent}%</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}

const TREND_WORDS = { up: ['▲', 'up'], down: ['▼', 'down'], same: ['▶', 'unchanged'] } as const;

function ExamHistory({ history, domains, examCode }: { history: Attempt[]; domains: DomainInfo[]; examCode: string }) {
	// Another exam's domains share ids and numbers but not contents or weights, so only this exam's attempts trend.
	const trends = domainTrends(
		history.filter((a) => a.exam === examCode),
		domains.map((d) => d.id),
	);
	const cell = (a: Attempt, id: string) => (Object.hasOwn(a.byDomain, id) ? `${percent(a.byDomain[id].correct, a.byDomain[id].total)}%` : '–');
	return (
		<section class="exam__history" aria-labelledby="exam-history-heading">
			<h2 id="exam-history-heading">Past attempts</h2>
			<div class="exam__table" role="region" aria-label="Past attempts, newest first" tabIndex={0}>
				<table>
					<caption>
						Past attempts, newest first. Each domain column is the share of that domain's questions answered correctly, in the domains of the exam
						the attempt was drawn for.
					</caption>
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
						</tr>
					</thead>
					<tbody>
						{[...history].reverse().map((a) => (
							<tr key={a.finishedAt}>
								<th scope="row">
									{dateText(a.finishedAt)}
									{a.timedOut ? ' (time ran out)' : ''}
								</th>
								<td>{a.exam}</td>
								<td>
									{percent(a.correct, a.total)}% ({scaledScore(a.correct, a.total)})
								</td>
								{domains.map((d) => (
									<td key={d.id}>{cell(a, d.id)}</td>
								))}
							</tr>
						))}
					</tbody>
				</table>
			</div>
			<h3>Trend by domain ({examCode} attempts)</h3>
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
