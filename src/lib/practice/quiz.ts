// Practice questions and reading progress: grading, scores and the stored progress record.
// No DOM here; the islands pass in a way to reach localStorage.

import { applyOrder, seededOrder } from '../shuffle.ts';

export interface QuizChoice {
	text: string;
	correct: boolean;
}

export interface QuizQuestion {
	/** The question's id in the bank and the review queue, when the page knows it. */
	id?: string;
	prompt: string;
	choices: QuizChoice[];
	explanation: string;
	/** Heading id, in the same chapter, of the section that answers the question. */
	section: string;
	/** That heading's text, when the page has it. */
	sectionTitle?: string;
	/** Why the question's topic is not on the current exam, when it is not. */
	outOfScope?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** "two" for 2, and digits from 11 on. */
export function countWord(n: number): string {
	return NUMBER_WORDS[n] ?? String(n);
}

/** A, B, C… as in the exam. */
export function choiceLetter(index: number): string {
	return Number.isInteger(index) && index >= 0 && index < 26 ? String.fromCharCode(65 + index) : '?';
}

/** "A", "A and C", "A, B and D". */
export function joinLetters(indexes: readonly number[]): string {
	const letters = indexes.map(choiceLetter);
	if (letters.length <= 1) return letters.join('');
	return `${letters.slice(0, -1).join(', ')} and ${letters[letters.length - 1]}`;
}

export function correctIndexes(question: QuizQuestion): number[] {
	return question.choices.flatMap((choice, i) => (choice.correct ? [i] : []));
}

/**
 * The question with its choices in a stable order derived from the prompt, so that where the author
 * wrote the right answer says nothing about where the reader sees it. The same on every build.
 */
export function presented(question: QuizQuestion): QuizQuestion {
	return reordered(question, seededOrder(question.choices.length, question.prompt));
}

/** The question with choice p being the original choice order[p]. */
export function reordered(question: QuizQuestion, order: readonly number[]): QuizQuestion {
	return { ...question, choices: applyOrder(question.choices, order) };
}

/** More than one correct choice makes a "Choose N" question, answered with checkboxes. */
export function isMultipleAnswer(question: QuizQuestion): boolean {
	return correctIndexes(question).length > 1;
}

/** "(Choose two.)" for multiple-answer questions, from the data rather than from the prompt's wording. */
export function chooseHint(question: QuizQuestion): string | undefined {
	const n = correctIndexes(question).length;
	return n > 1 ? `(Choose ${countWord(n)}.)` : undefined;
}

// Authors often end a prompt with the exam's own hint; drop it so the computed hint is not shown twice.
const TRAILING_HINT = /\s*\((?:choose|select)\s+[a-z0-9]+\.?\)\s*$/i;

export function promptText(question: QuizQuestion): string {
	return question.prompt.replace(TRAILING_HINT, '');
}

/** The selection after the reader clicks choice `index`: radios replace, checkboxes toggle. */
export function toggleChoice(selected: readonly number[], index: number, multiple: boolean): number[] {
	if (!Number.isInteger(index) || index < 0) return [...selected];
	if (!multiple) return [index];
	const next = selected.includes(index) ? selected.filter((i) => i !== index) : [...selected, index];
	return next.sort((a, b) => a - b);
}

export interface Graded {
	correct: boolean;
	/** Indexes of the correct choices. */
	answer: number[];
	/** Indexes the reader chose, sorted. */
	selected: number[];
}

/** Grades a selection; an incomplete selection is an inline message, not a wrong answer. */
export function grade(question: QuizQuestion, selected: readonly number[]): Result<Graded> {
	const answer = correctIndexes(question);
	const picked = [...new Set(selected)].sort((a, b) => a - b);
	if (picked.some((i) => !Number.isInteger(i) || i < 0 || i >= question.choices.length)) {
		return { ok: false, error: 'That choice is not part of this question. Select again.' };
	}
	if (answer.length === 0) return { ok: false, error: 'This question has no correct answer set.' };
	const multiple = answer.length > 1;
	if (picked.length === 0) {
		return { ok: false, error: multiple ? `Select ${countWord(answer.length)} answers, then check.` : 'Select an answer, then check.' };
	}
	if (multiple && picked.length !== answer.length) {
		return {
			ok: false,
			error: `Select ${countWord(answer.length)} answers (you selected ${countWord(picked.length)}), then check.`,
		};
	}
	if (!multiple && picked.length > 1) return { ok: false, error: 'Select only one answer, then check.' };
	const correct = picked.length === answer.length && picked.every((i, n) => i === answer[n]);
	return { ok: true, value: { correct, answer, selected: picked } };
}

/** One question on screen: the choices ticked, and once checked its grade, or the message that stopped the check. */
export interface AnswerState {
	selected: number[];
	result: Graded | null;
	error: string | null;
}

export const blankAnswer = (): AnswerState => ({ selected: [], result: null, error: null });

/** The state after the reader clicks choice `index`; a checked answer no longer changes. */
export function withChoice(state: AnswerState, question: QuizQuestion, index: number): AnswerState {
	if (state.result) return state;
	return { ...state, selected: toggleChoice(state.selected, index, isMultipleAnswer(question)), error: null };
}

/** The state after "Check answer": graded, or carrying the message that says what is missing. */
export function withCheck(state: AnswerState, question: QuizQuestion): AnswerState {
	if (state.result) return state;
	const graded = grade(question, state.selected);
	return graded.ok ? { ...state, result: graded.value, error: null } : { ...state, error: graded.error };
}

/** The sentence after "Correct." / "Incorrect.": what was chosen and what was right. */
export function feedbackDetail(graded: Graded): string {
	const many = graded.answer.length > 1;
	const answer = joinLetters(graded.answer);
	if (graded.correct) return many ? `The correct answers are ${answer}.` : `The correct answer is ${answer}.`;
	return `You chose ${joinLetters(graded.selected)}; the correct ${many ? 'answers are' : 'answer is'} ${answer}.`;
}

/** Words added to a choice after checking, so the result never depends on colour. */
export function choiceMark(isCorrect: boolean, isSelected: boolean): string | undefined {
	if (isCorrect && isSelected) return 'correct answer, your choice';
	if (isCorrect) return 'correct answer';
	if (isSelected) return 'your choice, incorrect';
	return undefined;
}

/** The no-JavaScript and print answer line: "Answer: A and C." */
export function answerLine(question: QuizQuestion): string {
	return `Answer: ${joinLetters(correctIndexes(question))}.`;
}

export interface Score {
	correct: number;
	answered: number;
	total: number;
}

/** One entry per question: true/false once checked, null before. */
export function scoreOf(results: readonly (boolean | null | undefined)[]): Score {
	let correct = 0;
	let answered = 0;
	for (const r of results) {
		if (r === true || r === false) answered += 1;
		if (r === true) correct += 1;
	}
	return { correct, answered, total: results.length };
}

export function percent(correct: number, total: number): number {
	if (!Number.isFinite(correct) || !Number.isFinite(total) || total <= 0) return 0;
	return Math.round((Math.min(Math.max(correct, 0), total) / total) * 100);
}

/** "4 of 6 correct". */
export function scoreText(score: { correct: number; total: number }): string {
	return `${score.correct} of ${score.total} correct`;
}

// ---- Reading progress, stored in localStorage ----

/** One key for the whole site; a new shape gets a new key so old data is never misread. */
export const PROGRESS_KEY = 'dva-notes:progress:v1';
const VERSION = 1;
// Anything bigger than this is not something this site wrote.
const MAX_RAW_LENGTH = 200_000;
const MAX_CHAPTERS = 1_000;
const MAX_QUESTIONS = 1_000;
const CHAPTER_ID = /^[a-z0-9][a-z0-9-]*(?:\/[a-z0-9][a-z0-9-]*)*$/;

export interface AttemptScore {
	correct: number;
	total: number;
}

export interface ChapterProgress {
	read: boolean;
	/** The most recent complete run through the chapter's questions. */
	last: AttemptScore | null;
	/** The best complete run, by percentage. */
	best: AttemptScore | null;
}

export interface Progress {
	chapters: Record<string, ChapterProgress>;
}

export function isChapterId(id: unknown): id is string {
	return typeof id === 'string' && id.length <= 200 && CHAPTER_ID.test(id);
}

// Null prototype: a chapter called "constructor" must not find Object's own properties.
function emptyChapters(): Record<string, ChapterProgress> {
	return Object.create(null) as Record<string, ChapterProgress>;
}

export function emptyProgress(): Progress {
	return { chapters: emptyChapters() };
}

const NO_PROGRESS: ChapterProgress = { read: false, last: null, best: null };

export function chapterProgress(progress: Progress, id: string): ChapterProgress {
	return Object.hasOwn(progress.chapters, id) ? progress.chapters[id] : NO_PROGRESS;
}

export function hasProgress(progress: Progress): boolean {
	return Object.keys(progress.chapters).length > 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toAttempt(value: unknown): AttemptScore | null {
	if (!isRecord(value)) return null;
	const { correct, total } = value;
	if (!Number.isInteger(correct) || !Number.isInteger(total)) return null;
	const c = correct as number;
	const t = total as number;
	return t >= 1 && t <= MAX_QUESTIONS && c >= 0 && c <= t ? { correct: c, total: t } : null;
}

function toChapter(value: unknown): ChapterProgress | null {
	if (!isRecord(value)) return null;
	const chapter: ChapterProgress = { read: value.read === true, last: toAttempt(value.last), best: toAttempt(value.best) };
	if (chapter.last && !chapter.best) chapter.best = chapter.last;
	return chapter.read || chapter.best ? chapter : null;
}

/**
 * Reads what localStorage held. Anything unexpected — not a string, not JSON, another version,
 * wrong shapes, odd chapter ids — is dropped, keeping whatever valid chapters remain. Never throws.
 */
export function parseProgress(raw: unknown): Progress {
	const progress = emptyProgress();
	if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_RAW_LENGTH) return progress;
	let data: unknown;
	try {
		data = JSON.parse(raw);
	} catch {
		return progress;
	}
	if (!isRecord(data) || data.version !== VERSION || !isRecord(data.chapters)) return progress;
	let count = 0;
	for (const [id, value] of Object.entries(data.chapters)) {
		if (count >= MAX_CHAPTERS) break;
		if (!isChapterId(id)) continue;
		const chapter = toChapter(value);
		if (!chapter) continue;
		progress.chapters[id] = chapter;
		count += 1;
	}
	return progress;
}

/** The stored form: only what is set, so the record stays small. */
export function serialiseProgress(progress: Progress): string {
	const chapters: Record<string, { read?: true; last?: AttemptScore; best?: AttemptScore }> = {};
	for (const [id, chapter] of Object.entries(progress.chapters)) {
		if (!isChapterId(id)) continue;
		const entry: { read?: true; last?: AttemptScore; best?: AttemptScore } = {};
		if (chapter.read) entry.read = true;
		if (chapter.last) entry.last = { correct: chapter.last.correct, total: chapter.last.total };
		if (chapter.best) entry.best = { correct: chapter.best.correct, total: chapter.best.total };
		if (entry.read || entry.best) chapters[id] = entry;
	}
	return JSON.stringify({ version: VERSION, chapters });
}

function withChapter(progress: Progress, id: string, chapter: ChapterProgress): Progress {
	const chapters = emptyChapters();
	Object.assign(chapters, progress.chapters);
	if (chapter.read || chapter.best) chapters[id] = chapter;
	else delete chapters[id];
	return { chapters };
}

/** Sets or clears a chapter's read mark; an invalid id leaves the progress as it was. */
export function withRead(progress: Progress, id: string, read: boolean): Progress {
	if (!isChapterId(id)) return progress;
	return withChapter(progress, id, { ...chapterProgress(progress, id), read: read === true });
}

function better(a: AttemptScore, b: AttemptScore): boolean {
	// Compare percentages without rounding: a.correct/a.total > b.correct/b.total.
	return a.correct * b.total > b.correct * a.total;
}

/** Records a complete run: it becomes the last score, and the best if it beats the old best. */
export function withAttempt(progress: Progress, id: string, score: AttemptScore): Progress {
	const attempt = toAttempt(score);
	if (!isChapterId(id) || !attempt) return progress;
	const old = chapterProgress(progress, id);
	const best = old.best && !better(attempt, old.best) ? old.best : attempt;
	return withChapter(progress, id, { read: old.read, last: attempt, best });
}

export interface ProgressSummary {
	/** Chapters (of those given) marked as read. */
	read: number;
	/** Chapters given. */
	total: number;
	/** Chapters with a recorded quiz score. */
	scored: number;
	/** Mean of the best percentage of each scored chapter, rounded; null when none. */
	averagePercent: number | null;
}

/** Summary over the site's chapters; stored chapters that no longer exist are ignored. */
export function summariseProgress(progress: Progress, chapterIds: readonly string[]): ProgressSummary {
	const ids = [...new Set(chapterIds)];
	let read = 0;
	let scored = 0;
	let percentSum = 0;
	for (const id of ids) {
		const chapter = chapterProgress(progress, id);
		if (chapter.read) read += 1;
		if (chapter.best) {
			scored += 1;
			percentSum += (chapter.best.correct / chapter.best.total) * 100;
		}
	}
	return { read, total: ids.length, scored, averagePercent: scored > 0 ? Math.round(percentSum / scored) : null };
}

/** "3 of 9 chapters read, average quiz score 78%". */
export function summaryText(summary: ProgressSummary): string {
	const chapters = `${summary.read} of ${summary.total} ${summary.total === 1 ? 'chapter' : 'chapters'} read`;
	return summary.averagePercent === null
		? `${chapters}, no quiz scores yet`
		: `${chapters}, average quiz score ${summary.averagePercent}%`;
}

/** "Best quiz score 5 of 6 (83%)". */
export function attemptText(attempt: AttemptScore): string {
	return `${attempt.correct} of ${attempt.total} (${percent(attempt.correct, attempt.total)}%)`;
}

// ---- Storage access that never throws ----

/** The part of the Web Storage API used here. */
export interface KeyValueStore {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
}

/** Reaching localStorage can itself throw (blocked cookies, sandboxed frames), so it is passed as a function. */
export type StoreAccess = () => KeyValueStore | null | undefined;

export interface LoadedProgress {
	progress: Progress;
	/** False when storage is missing or throws: the page works, nothing persists. */
	available: boolean;
}

export function loadProgress(access: StoreAccess): LoadedProgress {
	try {
		const store = access();
		if (!store) return { progress: emptyProgress(), available: false };
		return { progress: parseProgress(store.getItem(PROGRESS_KEY)), available: true };
	} catch {
		return { progress: emptyProgress(), available: false };
	}
}

export function saveProgress(access: StoreAccess, progress: Progress): boolean {
	try {
		const store = access();
		if (!store) return false;
		store.setItem(PROGRESS_KEY, serialiseProgress(progress));
		return true;
	} catch {
		return false;
	}
}

export function clearProgress(access: StoreAccess): boolean {
	try {
		const store = access();
		if (!store) return false;
		store.removeItem(PROGRESS_KEY);
		return true;
	} catch {
		return false;
	}
}

/**
 * Read, change, write: starts from what is stored (another tab may have written since the page
 * loaded), or from `fallback` (the page's in-memory progress) when storage is unavailable.
 */
export function updateProgress(
	access: StoreAccess,
	change: (progress: Progress) => Progress,
	fallback: Progress,
): { progress: Progress; saved: boolean } {
	const loaded = loadProgress(access);
	const progress = change(loaded.available ? loaded.progress : fallback);
	return { progress, saved: loaded.available && saveProgress(access, progress) };
}
