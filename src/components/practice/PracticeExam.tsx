import CodeText from './CodeText.tsx';
import ChoiceFieldset from './ChoiceFieldset.tsx';
import BeforeSubmit from './BeforeSubmit.tsx';
import AttemptReview from './AttemptReview.tsx';
import ExamHistory from './ExamHistory.tsx';
import ExamNavigator from './ExamNavigator.tsx';
import UnansweredOffer from './UnansweredOffer.tsx';
import RetakeOffer from './RetakeOffer.tsx';
import DrillLink from './DrillLink.tsx';
import { drillPath } from '../../lib/practice/practice-set.ts';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import {
	EXAM_KEY,
	EXAM_MINUTES,
	EXAM_VERSION,
	EXTRA_MINUTES,
	PASSING_SCALED,
	answerStatus,
	attemptResults,
	breakdown,
	choiceOrder,
	drawExam,
	drawRetake,
	emptyStore,
	examCounts,
	formatRemaining,
	gradeExam,
	loadExamStore,
	newSeed,
	nextFlagged,
	openQuestions,
	passes,
	queueRecords,
	remainingMs,
	remainingWords,
	retakeLabel,
	scaledScore,
	seedFrom,
	seenIds,
	selectionNote,
	startExam,
	submitWarning,
	toAttemptRecord,
	toPositions,
	unansweredIds,
	withAnswer,
	withCurrent,
	type Attempt,
	type Draw,
	type ExamInProgress,
	type ExamStore,
	type QuestionResult,
	type RetakeKind,
} from '../../lib/practice/practice-exam.ts';
import { beginExam, changeExam, conflictOf, deleteAttempt, finishExam, updateExam, type Change, type Conflict } from '../../lib/practice/exam-sync.ts';
import { dateTimeText } from '../../lib/practice/dates.ts';
import { loadBank, type BankQuestion } from '../../lib/practice/question-bank.ts';
import { correctIndexes, isMultipleAnswer, percent, reordered, toggleChoice, type StoreAccess } from '../../lib/practice/quiz.ts';
import { loadQueue, recordAnswers } from '../../lib/practice/review-queue.ts';
import { DATA_CHANGED, upgradeStorage } from '../../lib/practice/stored-data.ts';
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
	/** True when the result was just submitted here (not reopened from the history or submitted in another tab). */
	fresh: boolean;
}

async function fetchBank(url: string): Promise<Bank> {
	const loaded = await loadBank(url);
	if (loaded.ok) return new Map(loaded.value.map((q) => [q.id, q]));
	throw new Error(
		loaded.unreachable
			? 'The questions could not be downloaded. Check your connection and try again; an exam in progress is kept.'
			: `${loaded.error} Reload the page and try again.`,
	);
}

/** How many choices a question asks for; 1 when the bank does not have it. */
const requiredOf = (bank: Bank) => (id: string) => {
	const q = bank.get(id);
	return q ? correctIndexes(q).length : 1;
};

/** The timed mock exam. The server renders only the start panel; the questions are downloaded when an exam starts. */
export default function PracticeExam({ bankUrl, base, examCode, domains }: Props) {
	const [exam, setExam] = useState<ExamInProgress | null>(null);
	const [bank, setBank] = useState<Bank | null>(null);
	const [history, setHistory] = useState<Attempt[]>([]);
	const [result, setResult] = useState<Result | null>(null);
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<string | null>(null);
	const [notice, setNotice] = useState<string | null>(null);
	const [historyMessage, setHistoryMessage] = useState<string | null>(null);
	const [saving, setSaving] = useState(true);
	const [extraTime, setExtraTime] = useState(false);
	const [confirming, setConfirming] = useState(false);
	// A stored exam that could not be resumed yet (no connection), or one another tab started: the start button resumes it.
	const [pending, setPending] = useState<ExamInProgress | null>(null);
	const [now, setNow] = useState(() => Date.now());
	// After a step (new question, confirmation, result), focus moves to what the step shows.
	const questionRef = useRef<HTMLHeadingElement>(null);
	const confirmRef = useRef<HTMLParagraphElement>(null);
	const resultRef = useRef<HTMLHeadingElement>(null);
	const submitRef = useRef<HTMLButtonElement>(null);
	const historyRef = useRef<HTMLParagraphElement>(null);
	const [focusTarget, setFocusTarget] = useState<{ ref: { current: HTMLElement | null }; n: number; scroll: boolean } | null>(null);
	// Without storage, this tab's own copy stands in for the stored record.
	const fallback = useRef<ExamStore>(emptyStore());
	// What the listeners for other tabs read: the state of the latest render.
	const live = useRef({ exam, bank, busy });
	live.current = { exam, bank, busy };

	const domainName = (id: string) => domains.find((d) => d.id === id)?.name ?? id;
	const taskTitle = (id: string) => domains.flatMap((d) => d.tasks).find((t) => t.id === id)?.title ?? '';
	const skillText = (id: string) => domains.flatMap((d) => d.tasks.flatMap((t) => t.skills)).find((k) => k.id === id)?.text ?? '';
	const moveFocus = (ref: { current: HTMLElement | null }, scroll = false) => setFocusTarget((t) => ({ ref, n: (t?.n ?? 0) + 1, scroll }));

	useEffect(() => {
		const target = focusTarget?.ref.current;
		if (!target) return;
		// A tap on the navigator far down a phone screen brings the question's heading to the top, clear of the timer bar.
		target.focus({ preventScroll: focusTarget.scroll });
		if (focusTarget.scroll) target.scrollIntoView({ block: 'start' });
	}, [focusTarget]);

	/** Reads what is stored now, applies the operation and writes it back; a conflict with another tab is shown instead. */
	function write<T>(operation: (stored: ExamStore) => Change<T>): Change<T> {
		const { change, saved } = updateExam(storage, fallback.current, operation);
		setSaving(saved);
		if (change.ok) {
			fallback.current = change.store;
			setHistory(change.store.history);
		} else {
			showConflict(change.conflict);
		}
		return change;
	}

	function showResult(attempt: Attempt, questions: Bank, fresh: boolean) {
		setExam(null);
		setConfirming(false);
		setResult({ attempt, results: attemptResults(attempt, questions), fresh });
		moveFocus(resultRef);
	}

	function showConflict(conflict: Conflict) {
		const questions = live.current.bank;
		if (conflict.kind === 'submitted') {
			setNotice('This exam was submitted in another tab, so this one stopped saving. Its result is below.');
			if (questions) showResult(conflict.attempt, questions, false);
			else setExam(null);
		} else if (conflict.kind === 'replaced') {
			setNotice('Another tab started a new exam; it is the one shown here now, with its answers.');
			setResult(null);
			setExam(conflict.exam);
			moveFocus(questionRef);
		} else {
			setNotice('This exam is no longer stored in this browser: it was deleted, or replaced by an import, in another tab. Nothing more was saved.');
			setExam(null);
			setConfirming(false);
		}
	}

	/** Another tab (or an import) changed the stored exam: follow it. */
	function follow() {
		const { store, available } = loadExamStore(storage);
		if (!available) return;
		fallback.current = store;
		setHistory(store.history);
		const local = live.current.exam;
		if (local) {
			const conflict = conflictOf(store, local);
			// The other tab's answers and flags; this tab stays on its own question.
			if (!conflict) setExam({ ...store.current!, current: local.current });
			else showConflict(conflict);
		} else if (!live.current.busy) {
			setPending(store.current);
		}
	}
	const followRef = useRef(follow);
	followRef.current = follow;

	function submit(running: ExamInProgress, questions: Bank, timedOut: boolean, message: string | null = null) {
		const finishedAt = timedOut ? running.deadline : Date.now();
		let results: QuestionResult[] = [];
		const change = write((stored) =>
			finishExam(stored, running, (latest) => {
				const drawn = latest.questionIds.flatMap((id) => (questions.has(id) ? [questions.get(id)!] : []));
				results = gradeExam(drawn, latest.answers);
				return toAttemptRecord(latest, results, finishedAt, timedOut);
			}),
		);
		if (!change.ok) return;
		// The answered questions go to the review queue: the missed ones become due at once. Unanswered ones are offered apart.
		recordAnswers(storage, queueRecords(results), Date.now());
		setNotice(message);
		setExam(null);
		setConfirming(false);
		setResult({ attempt: change.value, results, fresh: true });
		moveFocus(resultRef);
	}

	async function resume(running: ExamInProgress) {
		setBusy(true);
		try {
			const questions = await fetchBank(bankUrl);
			setBank(questions);
			live.current.bank = questions;
			setError(null);
			setPending(null);
			if (remainingMs(running.deadline, Date.now()) === 0) {
				submit(running, questions, true, `The time ran out while you were away, so the exam was submitted at its deadline (${dateTimeText(running.deadline)}).`);
			} else {
				setNotice('Your exam in progress is back, with its answers, flags and remaining time.');
				setResult(null);
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
		// Data an older version of the site stored is carried over to the current keys before anything reads it.
		upgradeStorage(() => window.localStorage);
		const { store, available } = loadExamStore(storage);
		setSaving(available);
		fallback.current = store;
		setHistory(store.history);
		if (store.current) void resume(store.current);
		const onStorage = (event: StorageEvent) => {
			if (event.key === null || event.key === EXAM_KEY) followRef.current();
		};
		const onPageShow = (event: PageTransitionEvent) => {
			if (event.persisted) followRef.current();
		};
		const onImport = () => followRef.current();
		window.addEventListener('storage', onStorage);
		window.addEventListener('pageshow', onPageShow);
		window.addEventListener(DATA_CHANGED, onImport);
		return () => {
			window.removeEventListener('storage', onStorage);
			window.removeEventListener('pageshow', onPageShow);
			window.removeEventListener(DATA_CHANGED, onImport);
		};
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
			submit(exam, bank, true, 'Time is up: the exam was submitted automatically.');
		}
	}, [now]);

	/** Starts an exam from a draw; a fresh exam and a retake differ only in how the questions are chosen. */
	async function begin(choose: (questions: Bank, seed: number) => { draw: Draw; notes: string[]; retake?: RetakeKind }) {
		setBusy(true);
		setNotice(null);
		try {
			const questions = bank ?? (await fetchBank(bankUrl));
			setBank(questions);
			live.current.bank = questions;
			setError(null);
			const seed = seedFrom(new URLSearchParams(location.search).get('seed')) ?? newSeed(Date.now());
			const { draw, notes, retake } = choose(questions, seed);
			const running = startExam(draw, seed, extraTime, Date.now(), notes, examCode, retake);
			// Another tab may have started one meanwhile: that one is shown instead (write reports it).
			const change = write((stored) => beginExam(stored, running));
			if (!change.ok) return;
			setResult(null);
			setPending(null);
			setExam(running);
			setNow(Date.now());
			moveFocus(questionRef);
		} catch (e) {
			setError((e as Error).message);
		} finally {
			setBusy(false);
		}
	}

	const start = () =>
		begin((questions, seed) => {
			const { store } = loadExamStore(storage);
			const reviewIds = Object.keys(loadQueue(storage).items);
			const draw = drawExam([...questions.values()], domains, seenIds(store, reviewIds), seed);
			const notes = draw.shortfalls.map(
				(s) => `${domainName(s.domain)} has only ${s.got} of its ${s.wanted} questions in these notes; questions from other domains took the other places.`,
			);
			if (draw.ids.length < 65) notes.push(`The notes hold ${draw.ids.length} questions, so this exam has ${draw.ids.length} instead of 65.`);
			return { draw, notes };
		});

	const retake = (attempt: Attempt, kind: RetakeKind) =>
		begin((questions, seed) => {
			const draw = drawRetake(attempt, questions, kind, seed);
			const what = kind === 'missed' ? `the ${draw.ids.length} questions you missed` : `all ${draw.ids.length} questions`;
			return {
				draw,
				retake: kind,
				notes: [`A retake of ${what} from your attempt of ${dateTimeText(attempt.finishedAt)}, in a new order. It stays out of your trends.`],
			};
		});

	/** A change to the exam on screen, applied to the stored copy so another tab's answers stay. */
	function update(change: (running: ExamInProgress) => ExamInProgress) {
		if (!exam) return;
		const written = write((stored) => changeExam(stored, exam, change));
		if (written.ok) setExam(written.value);
	}

	async function reviewAttempt(attempt: Attempt) {
		setBusy(true);
		try {
			const questions = bank ?? (await fetchBank(bankUrl));
			setBank(questions);
			setError(null);
			setNotice(null);
			showResult(attempt, questions, false);
		} catch (e) {
			setError((e as Error).message);
		} finally {
			setBusy(false);
		}
	}

	function removeAttempt(attempt: Attempt) {
		const change = write((stored) => deleteAttempt(stored, attempt));
		if (!change.ok) return;
		if (result && result.attempt.startedAt === attempt.startedAt && result.attempt.finishedAt === attempt.finishedAt) setResult(null);
		setHistoryMessage('The attempt was deleted.');
		moveFocus(historyRef);
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
		const required = requiredOf(bank);
		const counts = examCounts(exam, required);
		const left = remainingMs(exam.deadline, now);
		const warning = left <= 5 * MINUTE ? 'Less than 5 minutes left.' : left <= 15 * MINUTE ? 'Less than 15 minutes left.' : '';
		const multiple = question ? isMultipleAnswer(question) : false;
		// This attempt's own order of the choices; answers are stored as the bank's choice numbers.
		const order = question ? choiceOrder(exam.startedAt, question) : [];
		const note = selectionNote(answer.selected, required(id));
		const flaggedNext = nextFlagged(exam, index);
		const go = (i: number, scroll = false) => {
			update((run) => withCurrent(run, i));
			moveFocus(questionRef, scroll);
		};
		// Changes start from the stored answer, which another tab may have changed; this tab stays on its question.
		const change = (c: (run: ExamInProgress) => ExamInProgress) => update((run) => withCurrent(c(run), index));
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
						{answer.flagged && <span class="exam__flag-mark">, flagged</span>}
					</h2>
					{answer.flagged && (
						<p class="exam__flagged">
							<span aria-hidden="true">⚑</span> Flagged for review
						</p>
					)}
					{question ? (
						<ChoiceFieldset
							key={id}
							question={reordered(question, order)}
							idPrefix="exam"
							selected={toPositions(order, answer.selected)}
							onToggle={(p) =>
								change((run) => withAnswer(run, id, { selected: toggleChoice(run.answers[id]?.selected ?? [], order[p], multiple) }))
							}
						/>
					) : (
						<p class="demo__error">This question is no longer in the notes; it will be left out of the score.</p>
					)}
					<p class="exam__selection" role="status">
						{note}
					</p>
					<div class="exam__actions not-content">
						<button type="button" class="practice__button" disabled={index === 0} onClick={() => go(index - 1)}>
							Previous
						</button>
						<button type="button" class="practice__button" onClick={() => change((run) => withAnswer(run, id, { flagged: !(run.answers[id]?.flagged ?? false) }))}>
							{answer.flagged ? 'Remove the flag' : 'Flag for review'}
						</button>
						<button type="button" class="practice__button" disabled={index === exam.questionIds.length - 1} onClick={() => go(index + 1)}>
							Next
						</button>
						{flaggedNext !== null && flaggedNext !== index && (
							<button type="button" class="practice__button practice__button--secondary" onClick={() => go(flaggedNext)}>
								Next flagged (question {flaggedNext + 1})
							</button>
						)}
					</div>
				</section>
				<ExamNavigator
					cells={exam.questionIds.map((qid) => ({
						id: qid,
						status: answerStatus(exam.answers[qid]?.selected ?? [], required(qid)),
						flagged: exam.answers[qid]?.flagged === true,
					}))}
					current={index}
					onGo={(i) => go(i, true)}
				/>
				<div class="exam__submit">
					{confirming ? (
						<BeforeSubmit
							warning={submitWarning(counts)}
							open={openQuestions(exam, required)}
							warningRef={confirmRef}
							onGo={(i) => {
								setConfirming(false);
								go(i, true);
							}}
							onSubmit={() => submit(exam, bank, false)}
							onKeepWorking={() => {
								setConfirming(false);
								moveFocus(submitRef);
							}}
						/>
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
					retake={
						<RetakeOffer
							total={result.results.length}
							missed={result.results.filter((r) => !r.correct).length}
							extraTime={extraTime}
							blocked={pending !== null}
							busy={busy}
							onRetake={(kind) => void retake(result.attempt, kind)}
						/>
					}
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
					onClick={() => !busy && void (pending ? resume(pending) : start())}
				>
					{busy ? 'Loading the questions…' : pending ? 'Resume the exam in progress' : 'Start the exam'}
				</button>
				<div role="status">{error && <p class="demo__error">{error}</p>}</div>
				{storageNote}
			</section>
			<p role="status" tabIndex={-1} ref={historyRef}>
				{historyMessage}
			</p>
			{history.length > 0 && (
				<ExamHistory
					history={history}
					domains={domains}
					examCode={examCode}
					onReview={(attempt) => {
						setHistoryMessage(null);
						if (!busy) void reviewAttempt(attempt);
					}}
					onDelete={removeAttempt}
				/>
			)}
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
	retake: ComponentChildren;
}

function ExamResult({ result, notice, base, domainName, taskTitle, skillText, headingRef, retake }: ResultProps) {
	const { attempt, results } = result;
	const scaled = scaledScore(attempt.correct, attempt.total);
	const wrong = queueRecords(results).filter((r) => !r.correct).length;
	const unanswered = unansweredIds(results);
	return (
		<section class="exam__result" aria-labelledby="exam-result-heading">
			<h2 id="exam-result-heading" tabIndex={-1} ref={headingRef}>
				{result.fresh || notice
					? `Your result (${attempt.exam} practice exam${attempt.retake ? `, ${retakeLabel(attempt.retake)}` : ''})`
					: `Your ${attempt.exam} ${attempt.retake ? retakeLabel(attempt.retake) : 'attempt'} of ${dateTimeText(attempt.finishedAt)}`}
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
				{attempt.correct === attempt.total
					? 'Every answer was right.'
					: !result.fresh
						? ''
						: wrong === 0
							? 'No answer you gave was wrong.'
							: wrong === 1
								? 'The question you answered wrongly is now due in your review queue.'
								: `The ${wrong} questions you answered wrongly are now due in your review queue.`}
			</p>
			{result.fresh && <UnansweredOffer key={attempt.finishedAt} ids={unanswered} storage={storage} />}
			{retake}
			<BreakdownTable caption="By domain, weakest first" head="Domain" rows={breakdown(results, 'domain')} label={domainName} drill={(id) => `${base}/${drillPath('domain', id)}`} />
			<BreakdownTable
				caption="By task, weakest first"
				head="Task"
				rows={breakdown(results, 'task')}
				label={(id) => `${id} ${taskTitle(id)}`}
				drill={(id) => `${base}/${drillPath('task', id)}`}
			/>
			<BreakdownTable
				caption="By skill, weakest first"
				head="Skill"
				rows={breakdown(results, 'skill')}
				label={(id) => `${id} ${skillText(id)}`}
				drill={(id) => `${base}/${drillPath('skill', id)}`}
			/>
			<AttemptReview key={`${attempt.startedAt}-${attempt.finishedAt}`} results={results} startedAt={attempt.startedAt} base={base} />
		</section>
	);
}

interface BreakdownProps {
	caption: string;
	head: string;
	rows: ReturnType<typeof breakdown>;
	label: (id: string) => string;
	/** Where an untimed set of that row's questions starts, if anywhere. */
	drill?: (id: string) => string;
}

function BreakdownTable({ caption, head, rows, label, drill }: BreakdownProps) {
	return (
		<div class="exam__table" role="region" aria-label={caption} tabIndex={0}>
			<table>
				<caption>{caption}</caption>
				<thead>
					<tr>
						<th scope="col">{head}</th>
						<th scope="col">Correct</th>
						<th scope="col">Score</th>
						{drill && <th scope="col">Practise</th>}
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
							{drill && (
								<td>
									<DrillLink href={drill(row.id)} name={label(row.id)} />
								</td>
							)}
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}
