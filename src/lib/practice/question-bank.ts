// The whole site's practice questions as one list: what the practice exam draws from and the review queue
// serves. Built once as static JSON (`/question-bank.json`), fetched only when a reader starts an exam or a review.
import { hashString } from '../shuffle.ts';
import type { QuizQuestion, Result } from './quiz.ts';

// Format 2: questions name a DVA-C03 skill, or say why their topic is out of scope.
export const BANK_FORMAT = 2;

export interface BankQuestion extends QuizQuestion {
	/** Stable across builds while the prompt stays the same: `<chapter id>:<8 hex digits>`. */
	id: string;
	chapter: { id: string; title: string };
	/** The exam guide skill the question tests, e.g. `1.2.3`, with its task (`1.2`) and domain id. */
	skill?: string;
	task?: string;
	domain?: string;
	/** Instead of a skill: why the topic is not on the current exam. Such questions are never drawn into an exam. */
	outOfScope?: string;
}

export interface Bank {
	format: typeof BANK_FORMAT;
	questions: BankQuestion[];
}

/**
 * A question's id: the chapter plus the id written on the question, else a hash of its prompt. Reordering questions
 * keeps learners' history, and so does rewording a prompt whose id is written down.
 */
export function questionId(chapterId: string, prompt: string, written?: string): string {
	return `${chapterId}:${written ?? hashString(prompt.trim()).toString(16).padStart(8, '0')}`;
}

/** Ids that occur more than once: two questions of one chapter with the same prompt. */
export function duplicateIds(questions: readonly { id: string }[]): string[] {
	const seen = new Set<string>();
	const repeated = new Set<string>();
	for (const { id } of questions) (seen.has(id) ? repeated : seen).add(id);
	return [...repeated];
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

function isBankQuestion(q: unknown): q is BankQuestion {
	if (typeof q !== 'object' || q === null) return false;
	const r = q as Record<string, unknown>;
	const chapter = r.chapter as Record<string, unknown> | null | undefined;
	return (
		isText(r.id) &&
		isText(r.prompt) &&
		isText(r.explanation) &&
		isText(r.section) &&
		(isText(r.outOfScope) ? r.skill === undefined : isText(r.skill) && isText(r.task) && isText(r.domain)) &&
		typeof chapter === 'object' &&
		chapter !== null &&
		isText(chapter.id) &&
		isText(chapter.title) &&
		Array.isArray(r.choices) &&
		r.choices.length >= 2 &&
		r.choices.every((c) => typeof c === 'object' && c !== null && isText(c.text) && typeof c.correct === 'boolean') &&
		r.choices.some((c) => c.correct)
	);
}

/** Reads a downloaded bank; anything unexpected (an old format, a cut-off download) is refused with a reason. */
export function parseBank(raw: unknown): Result<Bank> {
	if (typeof raw !== 'object' || raw === null) return { ok: false, error: 'The question bank is not a JSON object.' };
	const { format, questions } = raw as Record<string, unknown>;
	if (format !== BANK_FORMAT) return { ok: false, error: `The question bank has format ${String(format)}, expected ${BANK_FORMAT}.` };
	if (!Array.isArray(questions) || questions.length === 0) return { ok: false, error: 'The question bank holds no questions.' };
	const bad = questions.findIndex((q) => !isBankQuestion(q));
	if (bad !== -1) return { ok: false, error: `Question ${bad + 1} of the bank is malformed.` };
	return { ok: true, value: { format: BANK_FORMAT, questions: questions as BankQuestion[] } };
}

export const BANK_UNREACHABLE = 'The questions could not be loaded. Check your connection and try again.';

export type BankLoad = { ok: true; value: BankQuestion[] } | { ok: false; error: string; unreachable: boolean };

/** Downloads and reads the bank. A failed download and a malformed bank are told apart; never throws. */
export async function loadBank(url: string, get: (url: string) => Promise<Response> = fetch): Promise<BankLoad> {
	let raw: unknown;
	try {
		const response = await get(url);
		if (!response.ok) throw new Error(`status ${response.status}`);
		raw = await response.json();
	} catch {
		return { ok: false, error: BANK_UNREACHABLE, unreachable: true };
	}
	const parsed = parseBank(raw);
	return parsed.ok ? { ok: true, value: parsed.value.questions } : { ok: false, error: parsed.error, unreachable: false };
}
