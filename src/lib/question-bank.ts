// The whole site's practice questions as one list: what the practice exam draws from and the review queue
// serves. Built once as static JSON (`/question-bank.json`), fetched only when a reader starts an exam or a review.
import { hashString } from './shuffle.ts';
import type { QuizQuestion, Result } from './quiz.ts';

export const BANK_FORMAT = 1;

export interface BankQuestion extends QuizQuestion {
	/** Stable across builds while the prompt stays the same: `<chapter id>:<8 hex digits>`. */
	id: string;
	chapter: { id: string; title: string };
	/** The exam guide task statement the question tests, e.g. `1.2`, and its domain id. */
	task: string;
	domain: string;
}

export interface Bank {
	format: typeof BANK_FORMAT;
	questions: BankQuestion[];
}

/** A question's id: the chapter plus a hash of its prompt, so reordering questions keeps learners' history. */
export function questionId(chapterId: string, prompt: string): string {
	return `${chapterId}:${hashString(prompt.trim()).toString(16).padStart(8, '0')}`;
}

/**
 * The task a question tests: the one it names; else the chapter task tied to its section or to a heading that
 * contains that section (`'1.2#invocation-types'`); else the task the chapter names most often.
 */
export function questionTask(
	chapterTasks: readonly string[],
	section: string,
	named?: string,
	headings: readonly { slug: string; depth: number }[] = [],
): string | undefined {
	if (named) return named;
	const taskFor = (slug: string) => chapterTasks.find((t) => t.split('#')[1] === slug)?.split('#')[0];
	const index = headings.findIndex((h) => h.slug === section);
	let depth = index === -1 ? Infinity : headings[index].depth;
	const direct = taskFor(section);
	if (direct) return direct;
	for (let i = index - 1; i >= 0 && depth > 2; i -= 1) {
		if (headings[i].depth >= depth) continue;
		depth = headings[i].depth;
		const inherited = taskFor(headings[i].slug);
		if (inherited) return inherited;
	}
	const counts = new Map<string, number>();
	for (const t of chapterTasks) counts.set(t.split('#')[0], (counts.get(t.split('#')[0]) ?? 0) + 1);
	let best: string | undefined;
	for (const [id, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = id;
	return best;
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
		isText(r.task) &&
		isText(r.domain) &&
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
