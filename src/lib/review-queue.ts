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

export function loadQueue(access: StoreAccess): ReviewQueue {
	try {
		return parseQueue(access()?.getItem(REVIEW_KEY)) ?? emptyQueue();
	} catch {
		return emptyQueue();
	}
}

/** Records answers from a chapter quiz, a practice exam or a review; false when storage is unavailable. */
export function recordAnswers(access: StoreAccess, answers: readonly AnswerRecord[], now: number): boolean {
	try {
		const store = access();
		if (!store) return false;
		const queue = withAnswers(parseQueue(store.getItem(REVIEW_KEY)) ?? emptyQueue(), answers, now);
		store.setItem(REVIEW_KEY, JSON.stringify(queue));
		return true;
	} catch {
		return false;
	}
}
