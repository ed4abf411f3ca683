import CodeText from './CodeText.tsx';
import OutOfScopeNote from './OutOfScopeNote.tsx';
import { useEffect, useRef, useState } from 'preact/hooks';
import QuizQuestion from './QuizQuestion.tsx';
import { useStoredProgress } from './useStoredProgress.ts';
import {
	answerLine,
	attemptText,
	blankAnswer as blank,
	chapterProgress,
	chooseHint,
	emptyProgress,
	grade,
	isMultipleAnswer,
	percent,
	promptText,
	reordered,
	scoreOf,
	scoreText,
	updateProgress,
	withCheck,
	withChoice,
	withAttempt,
	withRead,
} from '../../lib/practice/quiz.ts';
import type { AnswerState, Progress, QuizQuestion as Question, StoreAccess } from '../../lib/practice/quiz.ts';
import { loadDraft, saveDraft, type DraftAnswer } from '../../lib/practice/quiz-draft.ts';
import { questionId } from '../../lib/practice/question-bank.ts';
import { recordAnswers } from '../../lib/practice/review-queue.ts';
import { shuffledIndexes } from '../../lib/shuffle.ts';
import './PracticeQuiz.css';

interface Props {
	/** The chapter's content id, e.g. "scaling/elastic-load-balancing" (same as on the home page list). */
	chapterId: string;
	questions: Question[];
}

const storage: StoreAccess = () => window.localStorage;


const identity = (q: Question) => q.choices.map((_, i) => i);

/** A stored answer back into the form's state; a checked one is graded again rather than trusted. */
function restore(question: Question, draft: DraftAnswer): AnswerState {
	const graded = draft.checked ? grade(question, draft.selected) : null;
	return { selected: draft.selected, result: graded?.ok ? graded.value : null, error: null };
}

/**
 * A chapter's practice questions. The server (and a reader without JavaScript) gets every question
 * with its answer in a disclosure; once hydrated, the reader answers, checks and gets a score.
 */
export default function PracticeQuiz({ chapterId, questions }: Props) {
	// The first render must match the server's HTML, so the interactive form appears after hydration.
	const [interactive, setInteractive] = useState(false);
	const [answers, setAnswers] = useState<AnswerState[]>(() => questions.map(blank));
	// The choice order on screen, relative to the page's: the server's order until "Start again" reshuffles.
	const [orders, setOrders] = useState<number[][]>(() => questions.map(identity));
	const [progress, setProgress] = useState<Progress>(emptyProgress);
	const [saving, setSaving] = useState(true);
	const [focusFirst, setFocusFirst] = useState(false);
	const listRef = useRef<HTMLOListElement>(null);

	useStoredProgress(storage, (loaded) => {
		// Without storage, keep what this page has in memory.
		if (loaded.available) setProgress(loaded.progress);
		setSaving(loaded.available);
		setInteractive(true);
	});

	// An unfinished run comes back after a reload or in a new tab.
	useEffect(() => {
		const draft = loadDraft(storage, chapterId, questions);
		if (!draft) return;
		setOrders(draft.map((d) => d.order));
		setAnswers(draft.map((d, i) => restore(reordered(questions[i], d.order), d)));
	}, []);

	useEffect(() => {
		if (!interactive) return;
		const untouched = answers.every((a) => a.selected.length === 0) && orders.every((o) => o.every((v, i) => v === i));
		const draft = answers.map((a, i) => ({ order: orders[i], selected: a.selected, checked: a.result !== null }));
		saveDraft(storage, chapterId, questions, untouched ? null : draft);
	}, [answers, orders, interactive]);

	useEffect(() => {
		if (!focusFirst) return;
		listRef.current?.querySelector<HTMLInputElement>('input')?.focus();
		setFocusFirst(false);
	}, [focusFirst]);

	if (!interactive) {
		return (
			<ol class="practice__list">
				{questions.map((q, i) => {
					const hint = chooseHint(q);
					return (
						<li class="practice__question" key={i}>
							{q.outOfScope && <OutOfScopeNote reason={q.outOfScope} />}
							<p>
								<CodeText text={promptText(q)} />
								{hint && ` ${hint}`}
							</p>
							<ol class="practice__choices" type="A">
								{q.choices.map((c, j) => (
									<li key={j}>
										<CodeText text={c.text} />
									</li>
								))}
							</ol>
							<details>
								<summary>Show the answer</summary>
								<p>
									<strong>{answerLine(q)}</strong> <CodeText text={q.explanation} />{' '}
									<a href={`#${q.section}`}>Review this section{q.sectionTitle ? `: ${q.sectionTitle}` : ''}</a>
								</p>
							</details>
						</li>
					);
				})}
			</ol>
		);
	}

	const shown = questions.map((q, i) => reordered(q, orders[i]));
	const score = scoreOf(answers.map((a) => (a.result ? a.result.correct : null)));
	const complete = score.total > 0 && score.answered === score.total;
	const chapter = chapterProgress(progress, chapterId);

	const commit = (change: (p: Progress) => Progress) => {
		const result = updateProgress(storage, change, progress);
		setProgress(result.progress);
		setSaving(result.saved);
	};

	const toggle = (index: number, choice: number) => {
		setAnswers((prev) => prev.map((a, i) => (i === index ? withChoice(a, shown[i], choice) : a)));
	};

	const check = (index: number) => {
		const checked = withCheck(answers[index], shown[index]);
		if (checked === answers[index]) return;
		const next = answers.map((a, i) => (i === index ? checked : a));
		setAnswers(next);
		if (!checked.result) return;
		// A miss enters the review queue; a right answer moves a queued question on. Same id as the question bank's.
		recordAnswers(storage, [{ id: shown[index].id ?? questionId(chapterId, shown[index].prompt), correct: checked.result.correct }], Date.now());
		const after = scoreOf(next.map((a) => (a.result ? a.result.correct : null)));
		// Answering every question means the reader reached the end of the chapter.
		if (after.answered === after.total) {
			commit((p) => withRead(withAttempt(p, chapterId, { correct: after.correct, total: after.total }), chapterId, true));
		}
	};

	const restart = () => {
		setAnswers(questions.map(blank));
		// A new order each time, so a second run tests the content rather than the memory of positions.
		setOrders(questions.map((q) => shuffledIndexes(q.choices.length)));
		setFocusFirst(true);
	};

	return (
		<div class="practice__quiz">
			<p class="demo__note">
				Choose your answer{questions.some(isMultipleAnswer) ? 's' : ''} and press “Check answer” for each question. Your
				answers so far, your score and whether you have read this chapter are kept in this browser.
			</p>
			<ol class="practice__list" ref={listRef}>
				{shown.map((q, i) => (
					<QuizQuestion
						key={i}
						question={q}
						state={answers[i]}
						onToggle={(choice) => toggle(i, choice)}
						onCheck={() => check(i)}
					/>
				))}
			</ol>
			<div class="practice__summary">
				<p class="practice__score" role="status" aria-live="polite">
					<strong>Score: {scoreText(score)}</strong>
					{complete
						? ` (${percent(score.correct, score.total)}%). All questions answered.`
						: ` (${score.answered} of ${score.total} answered).`}
				</p>
				{chapter.best && (
					<p>
						Best score for this chapter: {attemptText(chapter.best)}
						{chapter.last ? `; last time: ${attemptText(chapter.last)}` : ''}.
					</p>
				)}
				<div class="practice__actions">
					<button
						type="button"
						class="practice__button practice__toggle"
						aria-pressed={chapter.read ? 'true' : 'false'}
						onClick={() => commit((p) => withRead(p, chapterId, !chapter.read))}
					>
						<span aria-hidden="true" class="practice__toggle-box">
							{chapter.read ? '✓' : ''}
						</span>
						Mark chapter as read
					</button>
					{score.answered > 0 && (
						<button type="button" class="practice__button practice__button--secondary" onClick={restart}>
							Start again
						</button>
					)}
				</div>
				<p class="practice__read-status">{chapter.read ? 'You have read this chapter.' : 'Not marked as read yet.'}</p>
				{!saving && (
					<p class="demo__note">
						This browser does not let the site store data, so your score and read mark will be lost when you leave the
						page.
					</p>
				)}
			</div>
		</div>
	);
}
