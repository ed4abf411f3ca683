// A chapter's quiz in progress: the choice order the reader sees and what they have chosen and
// checked so far, so a reload or a closed tab does not lose an unfinished run.
// Kept apart from the progress record so neither format has to change for the other.

import { hashString, isPermutation } from '../shuffle.ts';
import { isChapterId, type KeyValueStore, type QuizQuestion, type StoreAccess } from './quiz.ts';

export const DRAFT_KEY = 'dva-notes:quiz-draft:v1';
const VERSION = 1;
const MAX_RAW_LENGTH = 200_000;
const MAX_CHAPTERS = 200;

export interface DraftAnswer {
	/** Position p shows the page's choice order[p]. */
	order: number[];
	/** Positions chosen, as the reader sees them. */
	selected: number[];
	checked: boolean;
}

interface StoredDraft {
	/** Changes when the chapter's questions change, so an old draft is never applied to new questions. */
	signature: string;
	answers: DraftAnswer[];
}

/** A short fingerprint of the questions as the page presents them. */
export function questionsSignature(questions: readonly QuizQuestion[]): string {
	const text = questions.map((q) => [q.prompt, ...q.choices.map((c) => `${c.correct ? '+' : '-'}${c.text}`)].join('\u0001'));
	return hashString(text.join('\u0002')).toString(36);
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readAll(store: KeyValueStore): Record<string, unknown> {
	const raw = store.getItem(DRAFT_KEY);
	if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_RAW_LENGTH) return {};
	try {
		const data: unknown = JSON.parse(raw);
		if (!isRecord(data) || data.version !== VERSION || !isRecord(data.chapters)) return {};
		return data.chapters;
	} catch {
		return {};
	}
}

function toAnswer(value: unknown, question: QuizQuestion): DraftAnswer | null {
	if (!isRecord(value)) return null;
	const n = question.choices.length;
	if (!isPermutation(value.order, n)) return null;
	const { selected } = value;
	if (!Array.isArray(selected) || selected.length > n) return null;
	if (!selected.every((i) => Number.isInteger(i) && i >= 0 && i < n)) return null;
	const unique = [...new Set(selected as number[])].sort((a, b) => a - b);
	return { order: [...value.order], selected: unique, checked: value.checked === true && unique.length > 0 };
}

/** The stored draft for this chapter, if it fits these questions exactly; null otherwise. Never throws. */
export function loadDraft(access: StoreAccess, chapterId: string, questions: readonly QuizQuestion[]): DraftAnswer[] | null {
	try {
		const store = access();
		if (!store || !isChapterId(chapterId)) return null;
		const stored = readAll(store)[chapterId];
		if (!isRecord(stored) || stored.signature !== questionsSignature(questions)) return null;
		const { answers } = stored;
		if (!Array.isArray(answers) || answers.length !== questions.length) return null;
		const parsed = answers.map((a, i) => toAnswer(a, questions[i]));
		return parsed.every((a): a is DraftAnswer => a !== null) ? parsed : null;
	} catch {
		return null;
	}
}

function writeAll(store: KeyValueStore, chapters: Record<string, unknown>) {
	const ids = Object.keys(chapters);
	if (ids.length === 0) store.removeItem(DRAFT_KEY);
	else store.setItem(DRAFT_KEY, JSON.stringify({ version: VERSION, chapters }));
}

/** Stores this chapter's draft (null removes it); false when storage is unavailable. */
export function saveDraft(
	access: StoreAccess,
	chapterId: string,
	questions: readonly QuizQuestion[],
	answers: readonly DraftAnswer[] | null,
): boolean {
	try {
		const store = access();
		if (!store || !isChapterId(chapterId)) return false;
		const chapters: Record<string, unknown> = Object.create(null);
		for (const [id, value] of Object.entries(readAll(store))) {
			if (id !== chapterId && isChapterId(id) && Object.keys(chapters).length < MAX_CHAPTERS - 1) chapters[id] = value;
		}
		if (answers) {
			chapters[chapterId] = {
				signature: questionsSignature(questions),
				answers: answers.map((a) => ({ order: [...a.order], selected: [...a.selected], checked: a.checked })),
			} satisfies StoredDraft;
		}
		writeAll(store, chapters);
		return true;
	} catch {
		return false;
	}
}

export function clearDrafts(access: StoreAccess): boolean {
	try {
		const store = access();
		if (!store) return false;
		store.removeItem(DRAFT_KEY);
		return true;
	} catch {
		return false;
	}
}
