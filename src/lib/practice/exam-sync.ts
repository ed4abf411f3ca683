// Keeping the practice exam right when it is open in two tabs (or another tab imports or deletes data): every write
// starts from what is stored now, never from what this tab read earlier. A tab whose exam was submitted, replaced
// or deleted elsewhere gets a conflict that says which, and writes nothing.
import { loadExamStore, saveExamStore, type Attempt, type ExamInProgress, type ExamStore } from './practice-exam.ts';
import type { StoreAccess } from './quiz.ts';

/** An exam is known by when it started and its seed; its attempt keeps the same start time. */
export function sameExam(a: Pick<ExamInProgress, 'startedAt' | 'seed'>, b: Pick<ExamInProgress, 'startedAt' | 'seed'>): boolean {
	return a.startedAt === b.startedAt && a.seed === b.seed;
}

export type Conflict =
	/** Another tab submitted the exam: here is its attempt. */
	| { kind: 'submitted'; attempt: Attempt }
	/** Another tab started a different exam, which is now the one in progress. */
	| { kind: 'replaced'; exam: ExamInProgress }
	/** The exam is no longer stored at all (deleted, or replaced by an import). */
	| { kind: 'gone' };

export type Change<T> = { ok: true; store: ExamStore; value: T } | { ok: false; conflict: Conflict };

/** Why this tab's exam can no longer be written to the store, or null when it can. */
export function conflictOf(stored: ExamStore, exam: ExamInProgress): Conflict | null {
	if (stored.current && sameExam(stored.current, exam)) return null;
	const attempt = stored.history.find((a) => a.startedAt === exam.startedAt);
	if (attempt) return { kind: 'submitted', attempt };
	if (stored.current) return { kind: 'replaced', exam: stored.current };
	return { kind: 'gone' };
}

/** Applies a change to the stored copy of the exam, so answers written by another tab are kept. */
export function changeExam(stored: ExamStore, exam: ExamInProgress, change: (running: ExamInProgress) => ExamInProgress): Change<ExamInProgress> {
	const conflict = conflictOf(stored, exam);
	if (conflict) return { ok: false, conflict };
	const next = change(stored.current!);
	return { ok: true, store: { ...stored, current: next }, value: next };
}

/** Submits the stored copy of the exam (with every tab's answers) and adds its attempt to the stored history. */
export function finishExam(stored: ExamStore, exam: ExamInProgress, finish: (running: ExamInProgress) => Attempt): Change<Attempt> {
	const conflict = conflictOf(stored, exam);
	if (conflict) return { ok: false, conflict };
	const attempt = finish(stored.current!);
	return { ok: true, store: { ...stored, current: null, history: [...stored.history, attempt] }, value: attempt };
}

/** Starts an exam, unless another tab already has one in progress: that one is offered instead. */
export function beginExam(stored: ExamStore, exam: ExamInProgress): Change<ExamInProgress> {
	if (stored.current && !sameExam(stored.current, exam)) return { ok: false, conflict: { kind: 'replaced', exam: stored.current } };
	return { ok: true, store: { ...stored, current: exam }, value: exam };
}

/** The history without one attempt (known by its start and finish times); the exam in progress is kept. */
export function deleteAttempt(stored: ExamStore, attempt: Pick<Attempt, 'startedAt' | 'finishedAt'>): Change<null> {
	const history = stored.history.filter((a) => !(a.startedAt === attempt.startedAt && a.finishedAt === attempt.finishedAt));
	return { ok: true, store: { ...stored, history }, value: null };
}

export interface Update<T> {
	change: Change<T>;
	/** False when storage is missing or refused the write: the change then lives in `fallback` only. */
	saved: boolean;
}

/**
 * Reads the stored exam, applies `operation` and writes the result back. Without storage, `fallback` (this tab's own
 * copy) stands in for it, so the exam still works for as long as the tab is open.
 */
export function updateExam<T>(access: StoreAccess, fallback: ExamStore, operation: (stored: ExamStore) => Change<T>): Update<T> {
	const { store, available } = loadExamStore(access);
	const change = operation(available ? store : fallback);
	if (!change.ok) return { change, saved: available };
	return { change, saved: available && saveExamStore(access, change.store) };
}
