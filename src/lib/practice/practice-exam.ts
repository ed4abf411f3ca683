// The practice exam: drawing 65 questions in the exam guide's domain proportions, the wall-clock timer, scoring
// with a linear scaled score, breakdowns by domain and task, and the stored record (the exam in progress plus the
// history of attempts). No DOM here; the island passes in a way to reach localStorage.
import { countWord, grade, percent, type StoreAccess } from './quiz.ts';
import type { BankQuestion } from './question-bank.ts';
import { hashString, seededOrder, seededRandom, shuffledIndexes } from '../shuffle.ts';

export const EXAM_KEY = 'dva-notes:exam:v2';
/** Version 2 names the exam each attempt was drawn for (`DVA-C03`); version 1 attempts were all DVA-C02. */
export const EXAM_VERSION = 2;
/**
 * 65 questions (50 scored, 15 unscored that the candidate cannot tell apart): the exam guide's "Exam content".
 * 130 minutes: AWS's exam page and announcement (the DVA-C03 guide itself no longer states the duration).
 */
export const EXAM_QUESTIONS = 65;
export const EXAM_MINUTES = 130;
/** The extra time AWS grants as an accommodation. */
export const EXTRA_MINUTES = 30;
export const SCALED_MIN = 100;
export const SCALED_MAX = 1000;
export const PASSING_SCALED = 720;
const MINUTE_MS = 60_000;
const MAX_HISTORY = 50;
const MAX_RAW_LENGTH = 1_000_000;
const ID = /^[a-z0-9][a-z0-9/-]*:[0-9a-f]{8}$/;
const DOMAIN_ID = /^[a-z]+$/;
const EXAM_CODE_PATTERN = /^[A-Z]{3}-C\d\d$/;

export interface DomainWeight {
	id: string;
	weight: number;
}

// ---- Drawing the questions ----

/**
 * How many questions each domain gets: `total × weight / Σweights`, rounded down, then the questions still missing
 * go one each to the domains with the largest remainders (ties to the earlier domain). For 65 and DVA-C03's
 * 30/26/22/22 %: 19.5, 16.9, 14.3, 14.3 → 19, 16, 14, 14 (63), plus one each for security (.9) and development (.5)
 * → 20, 17, 14, 14.
 */
export function domainQuotas(domains: readonly DomainWeight[], total: number): Record<string, number> {
	const quotas: Record<string, number> = Object.create(null);
	const valid = domains.filter((d) => Number.isFinite(d.weight) && d.weight > 0);
	const sum = valid.reduce((s, d) => s + d.weight, 0);
	const n = Number.isInteger(total) && total > 0 ? total : 0;
	if (sum <= 0) return quotas;
	const exact = valid.map((d) => (n * d.weight) / sum);
	valid.forEach((d, i) => (quotas[d.id] = Math.floor(exact[i])));
	let missing = n - valid.reduce((s, d) => s + quotas[d.id], 0);
	const byRemainder = valid.map((d, i) => ({ id: d.id, rest: exact[i] - Math.floor(exact[i]), i })).sort((a, b) => b.rest - a.rest || a.i - b.i);
	for (const { id } of byRemainder) {
		if (missing <= 0) break;
		quotas[id] += 1;
		missing -= 1;
	}
	return quotas;
}

export interface Shortfall {
	domain: string;
	wanted: number;
	got: number;
}

export interface Draw {
	/** Question ids in the order the exam shows them. */
	ids: string[];
	/** Domains with fewer questions in the bank than their share; their places went to other domains. */
	shortfalls: Shortfall[];
}

/** Shuffled with the seed, then the not-yet-seen questions first (a stable sort keeps the shuffle inside each group). */
function unseenFirst<T extends { id: string }>(items: readonly T[], seen: ReadonlySet<string>, random: () => number): T[] {
	const shuffled = shuffledIndexes(items.length, random).map((i) => items[i]);
	return shuffled.sort((a, b) => Number(seen.has(a.id)) - Number(seen.has(b.id)));
}

/**
 * Draws an exam. Each domain gets its quota, unseen questions before seen ones; when a domain has too few
 * questions, the remaining places are filled from the other domains' leftovers (again unseen first). The same
 * bank, seen set and seed always give the same exam.
 */
export function drawExam(
	bank: readonly BankQuestion[],
	domains: readonly DomainWeight[],
	seen: ReadonlySet<string>,
	seed: number,
	total: number = EXAM_QUESTIONS,
): Draw {
	const random = seededRandom(Number.isFinite(seed) ? seed : 0);
	const quotas = domainQuotas(domains, total);
	// A question whose topic left the exam stays in its chapter but is never drawn.
	const unique = bank.filter((q, i) => !q.outOfScope && bank.findIndex((o) => o.id === q.id) === i);
	const chosen: BankQuestion[] = [];
	const leftover: BankQuestion[] = [];
	const shortfalls: Shortfall[] = [];
	for (const { id } of domains) {
		const wanted = quotas[id] ?? 0;
		const pool = unseenFirst(
			unique.filter((q) => q.domain === id),
			seen,
			random,
		);
		chosen.push(...pool.slice(0, wanted));
		leftover.push(...pool.slice(wanted));
		if (pool.length < wanted) shortfalls.push({ domain: id, wanted, got: pool.length });
	}
	// Questions of a domain outside the guide can only fill gaps.
	leftover.push(...unique.filter((q) => !domains.some((d) => d.id === q.domain)));
	const room = Math.max(0, Math.min(total, unique.length) - chosen.length);
	chosen.push(...unseenFirst(leftover, seen, random).slice(0, room));
	const order = shuffledIndexes(chosen.length, random);
	return { ids: order.map((i) => chosen[i].id), shortfalls };
}

// ---- Timer ----

/** The full exam's time, or the same time per question for a shorter retake (2 minutes a question, rounded up). */
export function examDurationMs(extraTime: boolean, questions: number = EXAM_QUESTIONS): number {
	const minutes = EXAM_MINUTES + (extraTime ? EXTRA_MINUTES : 0);
	const n = Number.isInteger(questions) && questions > 0 ? Math.min(questions, EXAM_QUESTIONS) : EXAM_QUESTIONS;
	return Math.ceil((minutes * n) / EXAM_QUESTIONS) * MINUTE_MS;
}

/** Time left, from the wall-clock deadline: a reload or a sleeping laptop cannot stretch it. */
export function remainingMs(deadline: number, now: number): number {
	if (!Number.isFinite(deadline) || !Number.isFinite(now)) return 0;
	return Math.max(0, deadline - now);
}

/** "2:09:59": hours, minutes and seconds, rounded up so "0:00:00" means the time is over. */
export function formatRemaining(ms: number): string {
	const total = Number.isFinite(ms) && ms > 0 ? Math.ceil(ms / 1000) : 0;
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = total % 60;
	return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** "2 hours 9 minutes left": for screen readers, in whole minutes. */
export function remainingWords(ms: number): string {
	const minutes = Number.isFinite(ms) && ms > 0 ? Math.ceil(ms / MINUTE_MS) : 0;
	const h = Math.floor(minutes / 60);
	const m = minutes % 60;
	const parts = [h ? `${h} ${h === 1 ? 'hour' : 'hours'}` : '', m || !h ? `${m} ${m === 1 ? 'minute' : 'minutes'}` : ''].filter(Boolean);
	return `${parts.join(' ')} left`;
}

// ---- Stored record ----

export interface ExamAnswer {
	selected: number[];
	flagged: boolean;
}

/**
 * A retake of a finished attempt: its missed questions (wrong, unanswered or incomplete), or the same questions again.
 * A retake is scored and reviewable like any attempt but left out of trends and readiness: its questions are not a
 * fresh draw in the guide's proportions, and the second sight of a question flatters the score.
 */
export type RetakeKind = 'missed' | 'same';
const RETAKE_KINDS: readonly string[] = ['missed', 'same'] satisfies RetakeKind[];
export const isRetakeKind = (v: unknown): v is RetakeKind => typeof v === 'string' && RETAKE_KINDS.includes(v);

export interface ExamInProgress {
	/** The exam code whose outline drew the questions, e.g. `DVA-C03`. */
	exam: string;
	/** Only stored on a retake; a fresh draw has none. */
	retake?: RetakeKind;
	startedAt: number;
	deadline: number;
	extraTime: boolean;
	seed: number;
	questionIds: string[];
	answers: Record<string, ExamAnswer>;
	current: number;
	/** Said once at the start, e.g. that a domain was short of questions. */
	notes: string[];
}

export interface Tally {
	correct: number;
	total: number;
}

export interface Attempt {
	/** The exam code the attempt was drawn for: old attempts keep their exam's domains and names. */
	exam: string;
	/** Only stored on a retake; attempts stored before retakes existed have none. */
	retake?: RetakeKind;
	startedAt: number;
	finishedAt: number;
	/** True when the timer submitted it. */
	timedOut: boolean;
	correct: number;
	total: number;
	byDomain: Record<string, Tally>;
	/** Each question, the choices picked and whether it was flagged, for the answer review. */
	answers: AttemptAnswer[];
}

export interface AttemptAnswer {
	id: string;
	selected: number[];
	/** Only stored when true; attempts stored before flags were kept have none. */
	flagged?: boolean;
}

export interface ExamStore {
	version: typeof EXAM_VERSION;
	current: ExamInProgress | null;
	/** Oldest first. */
	history: Attempt[];
}

export function emptyStore(): ExamStore {
	return { version: EXAM_VERSION, current: null, history: [] };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 10_000;

function toSelected(v: unknown): number[] | null {
	if (!Array.isArray(v) || v.length > 26 || !v.every((i) => Number.isInteger(i) && i >= 0 && i < 26)) return null;
	return [...new Set(v as number[])].sort((a, b) => a - b);
}

function toInProgress(v: unknown): ExamInProgress | null {
	if (!isRecord(v)) return null;
	const { exam, retake, startedAt, deadline, extraTime, seed, questionIds, answers, current, notes } = v;
	if (typeof exam !== 'string' || !EXAM_CODE_PATTERN.test(exam)) return null;
	if (retake !== undefined && !isRetakeKind(retake)) return null;
	if (!isTime(startedAt) || !isTime(deadline) || deadline < startedAt || !Number.isInteger(seed)) return null;
	if (!Array.isArray(questionIds) || questionIds.length === 0 || questionIds.length > 500) return null;
	if (!questionIds.every((id) => typeof id === 'string' && ID.test(id)) || new Set(questionIds).size !== questionIds.length) return null;
	if (!isRecord(answers)) return null;
	const clean: Record<string, ExamAnswer> = Object.create(null);
	for (const id of questionIds as string[]) {
		const a = Object.hasOwn(answers, id) ? answers[id] : undefined;
		if (a === undefined) continue;
		if (!isRecord(a)) return null;
		const selected = toSelected(a.selected);
		if (!selected) return null;
		clean[id] = { selected, flagged: a.flagged === true };
	}
	const at = Number.isInteger(current) && (current as number) >= 0 && (current as number) < questionIds.length ? (current as number) : 0;
	const said = Array.isArray(notes) ? notes.filter((n): n is string => typeof n === 'string' && n.length < 500).slice(0, 10) : [];
	return {
		exam,
		...(retake ? { retake } : {}),
		startedAt,
		deadline,
		extraTime: extraTime === true,
		seed: seed as number,
		questionIds: [...(questionIds as string[])],
		answers: clean,
		current: at,
		notes: said,
	};
}

function toTally(v: unknown): Tally | null {
	if (!isRecord(v) || !isCount(v.correct) || !isCount(v.total) || v.correct > v.total) return null;
	return { correct: v.correct, total: v.total };
}

function toAttempt(v: unknown): Attempt | null {
	if (!isRecord(v)) return null;
	const { exam, retake, startedAt, finishedAt, timedOut, byDomain, answers } = v;
	const score = toTally(v);
	if (typeof exam !== 'string' || !EXAM_CODE_PATTERN.test(exam)) return null;
	if (retake !== undefined && !isRetakeKind(retake)) return null;
	if (!score || !isTime(startedAt) || !isTime(finishedAt) || !isRecord(byDomain) || !Array.isArray(answers)) return null;
	const domains: Record<string, Tally> = Object.create(null);
	for (const [id, t] of Object.entries(byDomain)) {
		const tally = toTally(t);
		if (!DOMAIN_ID.test(id) || !tally) return null;
		domains[id] = tally;
	}
	const list: Attempt['answers'] = [];
	for (const a of answers) {
		const selected = isRecord(a) ? toSelected(a.selected) : null;
		if (!isRecord(a) || typeof a.id !== 'string' || !ID.test(a.id) || !selected) return null;
		list.push(a.flagged === true ? { id: a.id, selected, flagged: true } : { id: a.id, selected });
	}
	return {
		exam,
		...(retake ? { retake } : {}),
		startedAt,
		finishedAt,
		timedOut: timedOut === true,
		correct: score.correct,
		total: score.total,
		byDomain: domains,
		answers: list,
	};
}

/** Version 1 → 2: everything stored before the site moved to DVA-C03 was drawn for DVA-C02. */
export function examStoreV1toV2(value: unknown): unknown {
	if (!isRecord(value) || value.version !== 1) throw new Error('not a version 1 exam record');
	const tag = (v: unknown) => (isRecord(v) ? { exam: 'DVA-C02', ...v } : v);
	return { ...value, version: 2, current: value.current == null ? null : tag(value.current), history: Array.isArray(value.history) ? value.history.map(tag) : value.history };
}

/** Reads stored text. Anything unexpected is dropped (a bad exam, a bad attempt), never thrown. */
export function parseExamStore(raw: unknown): ExamStore {
	const store = emptyStore();
	if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_RAW_LENGTH) return store;
	let data: unknown;
	try {
		data = JSON.parse(raw);
	} catch {
		return store;
	}
	if (!isRecord(data) || data.version !== EXAM_VERSION) return store;
	store.current = toInProgress(data.current);
	if (Array.isArray(data.history)) {
		store.history = data.history
			.map(toAttempt)
			.filter((a): a is Attempt => a !== null)
			.slice(-MAX_HISTORY);
	}
	return store;
}

export function loadExamStore(access: StoreAccess): { store: ExamStore; available: boolean } {
	try {
		const s = access();
		if (!s) return { store: emptyStore(), available: false };
		return { store: parseExamStore(s.getItem(EXAM_KEY)), available: true };
	} catch {
		return { store: emptyStore(), available: false };
	}
}

export function saveExamStore(access: StoreAccess, store: ExamStore): boolean {
	try {
		const s = access();
		if (!s) return false;
		s.setItem(EXAM_KEY, JSON.stringify({ ...store, history: store.history.slice(-MAX_HISTORY) }));
		return true;
	} catch {
		return false;
	}
}

/**
 * Questions the learner has met: in an earlier practice exam, or in the review queue (which holds every question
 * answered wrong anywhere, and those answered since in review). Chapter quizzes store only a score per chapter,
 * so they cannot say which questions were seen.
 */
export function seenIds(store: ExamStore, reviewIds: Iterable<string>): Set<string> {
	const seen = new Set<string>(reviewIds);
	for (const attempt of store.history) for (const a of attempt.answers) seen.add(a.id);
	return seen;
}

// ---- Taking the exam ----

export function startExam(
	draw: Draw,
	seed: number,
	extraTime: boolean,
	now: number,
	notes: string[] = [],
	exam: string = 'DVA-C03',
	retake?: RetakeKind,
): ExamInProgress {
	return {
		exam,
		...(retake ? { retake } : {}),
		startedAt: now,
		deadline: now + examDurationMs(extraTime, retake ? draw.ids.length : EXAM_QUESTIONS),
		extraTime,
		seed,
		questionIds: [...draw.ids],
		answers: Object.create(null) as Record<string, ExamAnswer>,
		current: 0,
		notes,
	};
}

function answerOf(exam: ExamInProgress, id: string): ExamAnswer {
	return Object.hasOwn(exam.answers, id) ? exam.answers[id] : { selected: [], flagged: false };
}

export function withAnswer(exam: ExamInProgress, id: string, change: Partial<ExamAnswer>): ExamInProgress {
	if (!exam.questionIds.includes(id)) return exam;
	const answers: Record<string, ExamAnswer> = Object.create(null);
	Object.assign(answers, exam.answers);
	const next = { ...answerOf(exam, id), ...change };
	answers[id] = { selected: toSelected(next.selected) ?? [], flagged: next.flagged === true };
	return { ...exam, answers };
}

export function withCurrent(exam: ExamInProgress, index: number): ExamInProgress {
	if (!Number.isInteger(index) || index < 0 || index >= exam.questionIds.length) return exam;
	return { ...exam, current: index };
}

export type AnswerStatus = 'unanswered' | 'answered' | 'incomplete';

/** A "Choose two" question with one box or three ticked is not answered yet: it is incomplete. */
export function answerStatus(selected: readonly number[], required: number): AnswerStatus {
	if (selected.length === 0) return 'unanswered';
	return selected.length === Math.max(1, required) ? 'answered' : 'incomplete';
}

/** "Select two answers: you have selected one.", said on an incomplete question; null otherwise. */
export function selectionNote(selected: readonly number[], required: number): string | null {
	if (answerStatus(selected, required) !== 'incomplete') return null;
	return `Select ${countWord(required)} answers: you have selected ${countWord(selected.length)}.`;
}

export interface ExamCounts {
	answered: number;
	unanswered: number;
	/** Choices ticked, but not as many as the question asks for. */
	incomplete: number;
	flagged: number;
}

/** `required` says how many choices each question asks for (1 when it is not known). */
export function examCounts(exam: ExamInProgress, required: (id: string) => number = () => 1): ExamCounts {
	const counts = { answered: 0, unanswered: 0, incomplete: 0, flagged: 0 };
	for (const id of exam.questionIds) {
		const a = answerOf(exam, id);
		counts[answerStatus(a.selected, required(id))] += 1;
		if (a.flagged) counts.flagged += 1;
	}
	return counts;
}

/** Question positions (0-based) by what still needs a look, for the screen before submitting. */
export interface OpenQuestions {
	unanswered: number[];
	incomplete: number[];
	flagged: number[];
}

export function openQuestions(exam: ExamInProgress, required: (id: string) => number = () => 1): OpenQuestions {
	const open: OpenQuestions = { unanswered: [], incomplete: [], flagged: [] };
	exam.questionIds.forEach((id, i) => {
		const a = answerOf(exam, id);
		const status = answerStatus(a.selected, required(id));
		if (status === 'unanswered') open.unanswered.push(i);
		if (status === 'incomplete') open.incomplete.push(i);
		if (a.flagged) open.flagged.push(i);
	});
	return open;
}

/** The next flagged question after position `from`, wrapping round to the start; null when none is flagged. */
export function nextFlagged(exam: ExamInProgress, from: number): number | null {
	const n = exam.questionIds.length;
	for (let step = 1; step <= n; step += 1) {
		const i = (((from + step) % n) + n) % n;
		if (answerOf(exam, exam.questionIds[i]).flagged) return i;
	}
	return null;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The confirmation before an early submit. */
export function submitWarning(counts: ExamCounts): string {
	const parts: string[] = [];
	if (counts.unanswered) parts.push(`${plural(counts.unanswered, 'question is', 'questions are')} unanswered (scored as incorrect)`);
	if (counts.incomplete) parts.push(`${plural(counts.incomplete, 'question has', 'questions have')} the wrong number of choices (scored as incorrect)`);
	if (counts.flagged) parts.push(`${plural(counts.flagged, 'question is', 'questions are')} flagged for review`);
	if (!parts.length) return 'Every question is answered. Submit the exam?';
	const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
	return `${list}. Submit anyway?`;
}

// ---- Choice order ----

/**
 * The order an exam shows a question's choices in: shuffled per attempt, from the exam's start time and the question,
 * so the right answer's letter cannot be learnt from one attempt to the next. Position p shows the bank's choice
 * order[p]. Answers are stored as the bank's choice numbers, so the stored record does not depend on the order.
 */
export function choiceOrder(startedAt: number, question: { id: string; choices: readonly unknown[] }): number[] {
	return seededOrder(question.choices.length, `${startedAt}:${question.id}`);
}

/** The bank's choice numbers as positions on screen, sorted. */
export function toPositions(order: readonly number[], selected: readonly number[]): number[] {
	return order.flatMap((original, p) => (selected.includes(original) ? [p] : []));
}

// ---- Scoring ----

export interface QuestionResult {
	question: BankQuestion;
	selected: number[];
	correct: boolean;
	flagged: boolean;
}

/** Grades every question; unanswered or incomplete answers count as incorrect, as on the exam. */
export function gradeExam(
	questions: readonly BankQuestion[],
	answers: Readonly<Record<string, { selected: readonly number[]; flagged?: boolean }>>,
): QuestionResult[] {
	return questions.map((question) => {
		const answer = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
		const selected = answer ? [...answer.selected] : [];
		const graded = grade(question, selected);
		return { question, selected, correct: graded.ok && graded.value.correct, flagged: answer?.flagged === true };
	});
}

/** A stored attempt graded again against the bank, for its review; questions the bank no longer has are left out. */
export function attemptResults(attempt: Attempt, bank: ReadonlyMap<string, BankQuestion>): QuestionResult[] {
	const answers: Record<string, AttemptAnswer> = Object.create(null);
	for (const a of attempt.answers) answers[a.id] = a;
	return gradeExam(
		attempt.answers.flatMap((a) => (bank.has(a.id) ? [bank.get(a.id)!] : [])),
		answers,
	);
}

/**
 * What an exam adds to the review queue: the questions answered, right or wrong. Unanswered ones are left out
 * (an abandoned exam must not fill the queue); the learner can add them on purpose with `unansweredIds`.
 */
export function queueRecords(results: readonly QuestionResult[]): { id: string; correct: boolean }[] {
	return results.filter((r) => r.selected.length > 0).map((r) => ({ id: r.question.id, correct: r.correct }));
}

export function unansweredIds(results: readonly QuestionResult[]): string[] {
	return results.filter((r) => r.selected.length === 0).map((r) => r.question.id);
}

export type ReviewFilter = 'all' | 'wrong' | 'flagged' | 'unanswered';

/** The results an answer review shows, each with its number in the exam. */
export function filterResults(results: readonly QuestionResult[], filter: ReviewFilter): { result: QuestionResult; number: number }[] {
	const keep = (r: QuestionResult) =>
		filter === 'wrong' ? !r.correct : filter === 'flagged' ? r.flagged : filter === 'unanswered' ? r.selected.length === 0 : true;
	return results.flatMap((result, i) => (keep(result) ? [{ result, number: i + 1 }] : []));
}

/**
 * A linear stand-in for AWS's scaled score: 0 % → 100, 100 % → 1000. AWS equates exam forms statistically and does
 * not publish the conversion, so this is only a rough guide to the 720 pass mark.
 */
export function scaledScore(correct: number, total: number): number {
	if (!Number.isFinite(correct) || !Number.isFinite(total) || total <= 0) return SCALED_MIN;
	const share = Math.min(Math.max(correct, 0), total) / total;
	return Math.round(SCALED_MIN + share * (SCALED_MAX - SCALED_MIN));
}

export const passes = (scaled: number) => scaled >= PASSING_SCALED;

export interface BreakdownRow extends Tally {
	id: string;
	percent: number;
}

/** Correct/total per domain, task or skill, the weakest first (lowest percentage, then most questions, then id). */
export function breakdown(results: readonly QuestionResult[], by: 'domain' | 'task' | 'skill'): BreakdownRow[] {
	const tallies = new Map<string, Tally>();
	for (const r of results) {
		const key = r.question[by];
		if (!key) continue;
		const t = tallies.get(key) ?? { correct: 0, total: 0 };
		t.total += 1;
		if (r.correct) t.correct += 1;
		tallies.set(key, t);
	}
	return [...tallies]
		.map(([id, t]) => ({ id, ...t, percent: percent(t.correct, t.total) }))
		.sort((a, b) => a.correct / a.total - b.correct / b.total || b.total - a.total || a.id.localeCompare(b.id, 'en', { numeric: true }));
}

export function toAttemptRecord(exam: ExamInProgress, results: readonly QuestionResult[], finishedAt: number, timedOut: boolean): Attempt {
	const byDomain: Record<string, Tally> = Object.create(null);
	for (const row of breakdown(results, 'domain')) byDomain[row.id] = { correct: row.correct, total: row.total };
	return {
		exam: exam.exam,
		...(exam.retake ? { retake: exam.retake } : {}),
		startedAt: exam.startedAt,
		finishedAt,
		timedOut,
		correct: results.filter((r) => r.correct).length,
		total: results.length,
		byDomain,
		answers: results.map((r) => (r.flagged ? { id: r.question.id, selected: r.selected, flagged: true } : { id: r.question.id, selected: r.selected })),
	};
}

// ---- Retakes ----

/**
 * The questions of a retake, in a new order from the seed: every question of the attempt the bank still has, or only
 * those not answered right. Empty when nothing was missed (or the bank has none of them).
 */
export function drawRetake(attempt: Attempt, bank: ReadonlyMap<string, BankQuestion>, kind: RetakeKind, seed: number): Draw {
	const results = attemptResults(attempt, bank);
	const ids = results.filter((r) => kind === 'same' || !r.correct).map((r) => r.question.id);
	const order = shuffledIndexes(ids.length, seededRandom(Number.isFinite(seed) ? seed : 0));
	return { ids: order.map((i) => ids[i]), shortfalls: [] };
}

/** What kind of attempt it was, for history rows and results; "" for a fresh draw. */
export function retakeLabel(kind: RetakeKind | undefined): string {
	return kind === 'missed' ? 'retake of the missed questions' : kind === 'same' ? 'retake of the same questions' : '';
}

/** Whether an attempt counts in trends and readiness: a fresh draw of the exam the site follows, not a retake. */
export function countsInTrends(attempt: Pick<Attempt, 'exam' | 'retake'>, examCode: string): boolean {
	return attempt.exam === examCode && !attempt.retake;
}

// ---- History ----

export type Trend = 'up' | 'down' | 'same' | null;

/**
 * Per domain: its percentage in each attempt that had it (oldest first), and the move from the one before. Pass only
 * the attempts of one exam: another exam's domains share ids but not contents.
 */
export function domainTrends(history: readonly Attempt[], domainIds: readonly string[]): { id: string; percents: number[]; trend: Trend }[] {
	return domainIds.map((id) => {
		const percents = history.flatMap((a) => (Object.hasOwn(a.byDomain, id) && a.byDomain[id].total > 0 ? [percent(a.byDomain[id].correct, a.byDomain[id].total)] : []));
		const [prev, last] = percents.slice(-2);
		const trend: Trend = percents.length < 2 ? null : last > prev ? 'up' : last < prev ? 'down' : 'same';
		return { id, percents, trend };
	});
}

/** A seed from a `?seed=` value, else null. */
export function seedFrom(value: string | null | undefined): number | null {
	if (typeof value !== 'string' || !/^\d{1,9}$/.test(value)) return null;
	return Number(value);
}

/** A fresh seed from the time and a random number. */
export function newSeed(now: number, random: () => number = Math.random): number {
	return hashString(`${now}:${random()}`) % 1_000_000_000;
}
