// Spaced repetition of missed questions with Leitner boxes: a wrong answer puts a question in box 1, due at once;
// each right answer in review moves it one box up, to a longer wait; a wrong one sends it back to box 1.
import type { StoreAccess } from './quiz.ts';

export const REVIEW_KEY = 'dva-notes:review:v1';
export const REVIEW_VERSION = 1;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Days to wait after a right answer, by the box the question moves into (box 2 → 1 day … box 5 → 30 days). */
export const BOX_WAIT_DAYS: Readonly<Record<number, number>> = { 1: 0, 2: 1, 3: 3, 4: 7, 5: 30 };
export const TOP_BOX = 5;
const MAX_ITEMS = 5_000;
const MAX_RAW_LENGTH = 1_000_000;
const ID = /^[a-z0-9][a-z0-9/-]*:[0-9a-f]{8}$/;

export interface ReviewItem {
	box: number;
	/** Epoch milliseconds from which the question is due. */
	due: number;
}

export interface ReviewQueue {
	version: typeof REVIEW_VERSION;
	items: Record<string, ReviewItem>;
}

export interface AnswerRecord {
	id: string;
	correct: boolean;
}

export function emptyQueue(): ReviewQueue {
	return { version: REVIEW_VERSION, items: Object.create(null) as Record<string, ReviewItem> };
}

const isItem = (v: unknown): v is ReviewItem =>
	typeof v === 'object' &&
	v !== null &&
	Number.isInteger((v as ReviewItem).box) &&
	(v as ReviewItem).box >= 1 &&
	(v as ReviewItem).box <= TOP_BOX &&
	Number.isFinite((v as ReviewItem).due) &&
	(v as ReviewItem).due >= 0;

/** Reads stored text; what this site did not write (or a corrupt copy) yields null, never an exception. */
export function parseQueue(raw: unknown): ReviewQueue | null {
	if (typeof raw !== 'string' || raw.length > MAX_RAW_LENGTH) return null;
	let data: unknown;
	try {
		data = JSON.parse(raw);
	} catch {
		return null;
	}
	if (typeof data !== 'object' || data === null || (data as ReviewQueue).version !== REVIEW_VERSION) return null;
	const items = (data as ReviewQueue).items;
	if (typeof items !== 'object' || items === null || Array.isArray(items)) return null;
	const entries = Object.entries(items);
	if (entries.length > MAX_ITEMS || !entries.every(([id, item]) => ID.test(id) && isItem(item))) return null;
	const queue = emptyQueue();
	for (const [id, { box, due }] of entries) queue.items[id] = { box, due };
	return queue;
}

/** Applies answers: wrong → box 1, due now; right on a queued question → next box, due after its wait. */
export function withAnswers(queue: ReviewQueue, answers: readonly AnswerRecord[], now: number): ReviewQueue {
	const next = emptyQueue();
	Object.assign(next.items, queue.items);
	for (const { id, correct } of answers) {
		if (!ID.test(id)) continue;
		const item = next.items[id];
		if (!correct) next.items[id] = { box: 1, due: now };
		else if (item) {
			const box = Math.min(item.box + 1, TOP_BOX);
			next.items[id] = { box, due: now + BOX_WAIT_DAYS[box] * DAY_MS };
		}
	}
	return next;
}

/** Ids due at `now`, the longest-waiting first. */
export function dueIds(queue: ReviewQueue, now: number): string[] {
	return Object.entries(queue.items)
		.filter(([, item]) => item.due <= now)
		.sort((a, b) => a[1].due - b[1].due || a[0].localeCompare(b[0]))
		.map(([id]) => id);
}

export type QueueStatus = 'ok' | 'unavailable' | 'unreadable';

export interface LoadedQueue {
	queue: ReviewQueue;
	/** `unreadable`: something is stored that this version cannot read; it is left untouched, never overwritten. */
	status: QueueStatus;
}

/** Reads the queue and says whether it could be: a page can then tell the reader rather than show an empty queue. */
export function loadQueueState(access: StoreAccess): LoadedQueue {
	try {
		const store = access();
		if (!store) return { queue: emptyQueue(), status: 'unavailable' };
		const raw = store.getItem(REVIEW_KEY);
		if (raw === null) return { queue: emptyQueue(), status: 'ok' };
		const queue = parseQueue(raw);
		return queue ? { queue, status: 'ok' } : { queue: emptyQueue(), status: 'unreadable' };
	} catch {
		return { queue: emptyQueue(), status: 'unavailable' };
	}
}

export function loadQueue(access: StoreAccess): ReviewQueue {
	return loadQueueState(access).queue;
}

/**
 * Rewrites the stored queue; false when storage is unavailable or holds a queue that cannot be read (kept as it is,
 * so a newer site's data or a damaged copy is never replaced).
 */
function updateQueue(access: StoreAccess, change: (queue: ReviewQueue) => ReviewQueue): boolean {
	try {
		const store = access();
		if (!store) return false;
		const raw = store.getItem(REVIEW_KEY);
		const stored = raw === null ? emptyQueue() : parseQueue(raw);
		if (!stored) return false;
		store.setItem(REVIEW_KEY, JSON.stringify(change(stored)));
		return true;
	} catch {
		return false;
	}
}

/** Records answers from a chapter quiz, a practice exam or a review. */
export function recordAnswers(access: StoreAccess, answers: readonly AnswerRecord[], now: number): boolean {
	return updateQueue(access, (queue) => withAnswers(queue, answers, now));
}

/** Drops questions that are no longer in the bank (their prompt changed). */
export function dropIds(access: StoreAccess, ids: readonly string[]): boolean {
	return updateQueue(access, (queue) => {
		const next = emptyQueue();
		for (const [id, item] of Object.entries(queue.items)) if (!ids.includes(id)) next.items[id] = item;
		return next;
	});
}

/** Empties the queue, when the learner asks to; a queue this version cannot read is left alone (false). */
export function clearQueue(access: StoreAccess): boolean {
	return updateQueue(access, () => emptyQueue());
}

/** The earliest time a queued question becomes due, or null for an empty queue. */
export function nextDue(queue: ReviewQueue): number | null {
	let next: number | null = null;
	for (const { due } of Object.values(queue.items)) if (next === null || due < next) next = due;
	return next;
}

/** "in 3 hours", "in 2 days", "now": when the next question comes due, for the page's message. */
export function dueInText(due: number, now: number): string {
	const ms = due - now;
	if (!Number.isFinite(ms) || ms <= 0) return 'now';
	const minutes = Math.ceil(ms / 60_000);
	if (minutes < 60) return `in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
	const hours = Math.round(ms / 3_600_000);
	if (hours < 24) return `in ${hours} ${hours === 1 ? 'hour' : 'hours'}`;
	const days = Math.round(ms / DAY_MS);
	return `in ${days} ${days === 1 ? 'day' : 'days'}`;
}

/** The due questions found in the bank, longest-waiting first, and the due ids the bank no longer has. */
export function planReview<T extends { id: string }>(queue: ReviewQueue, questions: readonly T[], now: number): { due: T[]; missing: string[] } {
	const byId = new Map(questions.map((q) => [q.id, q]));
	const due: T[] = [];
	const missing: string[] = [];
	for (const id of dueIds(queue, now)) {
		const question = byId.get(id);
		if (question) due.push(question);
		else missing.push(id);
	}
	return { due, missing };
}

/** "1 question is due", "3 questions are due". */
export function dueCountText(count: number): string {
	return count === 1 ? '1 question is due for review' : `${count} questions are due for review`;
}
