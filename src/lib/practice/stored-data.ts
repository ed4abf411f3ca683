// Everything the site keeps in localStorage: versioned keys, migrations from older versions, and the backup file
// a reader exports on one device and imports on another. No DOM here; the islands pass in the storage.
import { isChapterId, parseProgress, type KeyValueStore, type Result } from './quiz.ts';
import { EXAM_VERSION, examStoreV1toV2, isRetakeKind, parseExamStore } from './practice-exam.ts';
import { parseQueue } from './review-queue.ts';
import { dateTimeText } from './dates.ts';

export const PREFIX = 'dva-notes:';
export const APP = 'aws-developer-associate-notes';
export const EXPORT_FORMAT = 1;
/** A window event fired after an import, so every island on the page reads the stored data again. */
export const DATA_CHANGED = 'dva-notes:data-changed';
// A backup is a few hundred kilobytes at most; anything far bigger is not one.
const MAX_FILE_LENGTH = 5_000_000;
const MAX_KEYS = 200;

/** localStorage as far as export and import need it: the key list too. */
export interface ListableStore extends KeyValueStore {
	readonly length: number;
	key(index: number): string | null;
}

export type ListableAccess = () => ListableStore | null | undefined;

/** One kind of stored value: the version this site writes, how to step an older value up, and a strict check. */
export interface KeySpec {
	current: number;
	/** steps[n] turns a version n value into a version n + 1 value; it may throw on a value it cannot read. */
	steps: Record<number, (value: unknown) => unknown>;
	/** True when the value, at the current version, is one this site would have written. */
	valid: (value: unknown) => boolean;
	/** When it is not: what is wrong, in words a reader recognises ("finished attempt 2: …"). */
	problem?: (value: unknown) => string | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const json = (value: unknown) => JSON.stringify(value);

/** Progress is read leniently by the chapters; an import is strict: every chapter entry must survive the parser. */
function validProgress(value: unknown): boolean {
	if (!isRecord(value) || value.version !== 1 || !isRecord(value.chapters)) return false;
	return Object.keys(parseProgress(json(value)).chapters).length === Object.keys(value.chapters).length;
}

const isBool = (v: unknown) => v === true || v === false;
const isIndexList = (v: unknown, below: number) => Array.isArray(v) && v.length <= below && v.every((i) => Number.isInteger(i) && i >= 0 && i < below);

/** What is wrong with one chapter's unfinished quiz, in words a reader knows, or null. */
function draftProblem(id: string, draft: unknown): string | null {
	const name = id.slice(0, 80);
	const where = `the unfinished quiz of the chapter "${name}"`;
	if (!isChapterId(id)) return `"${name}" is not a chapter of this site`;
	if (!isRecord(draft) || typeof draft.signature !== 'string' || !Array.isArray(draft.answers)) return `${where} is damaged`;
	for (const [i, answer] of draft.answers.entries()) {
		const n = isRecord(answer) && Array.isArray(answer.order) ? answer.order.length : 0;
		const ok =
			isRecord(answer) &&
			n > 0 &&
			n <= 26 &&
			isIndexList(answer.order, n) &&
			new Set(answer.order as number[]).size === n &&
			isIndexList(answer.selected, n) &&
			isBool(answer.checked);
		if (!ok) return `${where}: the answer to question ${i + 1} is damaged`;
	}
	return null;
}

function draftsProblem(value: unknown): string | null {
	if (!isRecord(value) || value.version !== 1 || !isRecord(value.chapters)) return 'the data is damaged or was not written by this site';
	for (const [id, draft] of Object.entries(value.chapters)) {
		const problem = draftProblem(id, draft);
		if (problem) return problem;
	}
	return null;
}

/** Strict like progress: the exam in progress and every attempt must survive the lenient reader, with true/false fields. */
function examProblem(value: unknown): string | null {
	if (!isRecord(value) || value.version !== EXAM_VERSION) return 'the data is damaged or was not written by this site';
	if (!Array.isArray(value.history)) return 'the list of finished attempts is missing';
	const parsed = parseExamStore(json(value));
	const yesNo = (v: unknown) => v === undefined || isBool(v);
	if (value.current != null) {
		const c = value.current;
		if (parsed.current === null) return 'the exam in progress is damaged';
		if (!isRecord(c) || !isBool(c.extraTime)) return 'the exam in progress: "extra time" is neither yes nor no';
		if (isRecord(c.answers) && !Object.values(c.answers).every((a) => isRecord(a) && yesNo(a.flagged))) {
			return 'the exam in progress: a question\'s flag is neither yes nor no';
		}
	}
	for (const [i, attempt] of value.history.entries()) {
		const name = `finished attempt ${i + 1}${isRecord(attempt) && typeof attempt.finishedAt === 'number' ? ` (${dateTimeText(attempt.finishedAt)})` : ''}`;
		if (isRecord(attempt) && attempt.retake !== undefined && !isRetakeKind(attempt.retake)) return `${name}: the kind of retake is not one this site knows`;
		if (!isRecord(attempt) || !parsed.history.some((a) => a.startedAt === attempt.startedAt && a.finishedAt === attempt.finishedAt)) return `${name} is damaged`;
		if (!isBool(attempt.timedOut)) return `${name}: "time ran out" is neither yes nor no`;
		if (!(attempt.answers as unknown[]).every((a) => isRecord(a) && yesNo(a.flagged))) return `${name}: a question's flag is neither yes nor no`;
	}
	if (parsed.history.length !== value.history.length) return 'a finished attempt is damaged';
	return null;
}

/**
 * The values this site knows, by name (the part between the prefix and `:v<N>`). A new shape gets a new version:
 * raise `current`, add `steps[old]`, and data stored by the older site is carried over rather than dropped.
 */
export const KEY_SPECS: Readonly<Record<string, KeySpec>> = {
	progress: { current: 1, steps: {}, valid: validProgress },
	'quiz-draft': { current: 1, steps: {}, valid: (value) => draftsProblem(value) === null, problem: draftsProblem },
	review: { current: 1, steps: {}, valid: (value) => parseQueue(json(value)) !== null },
	exam: { current: EXAM_VERSION, steps: { 1: examStoreV1toV2 }, valid: (value) => examProblem(value) === null, problem: examProblem },
};

/** What each value is called on the page, for summaries and refusals. */
const LABELS: Record<string, string> = {
	progress: 'reading progress and quiz scores',
	'quiz-draft': 'unfinished chapter quizzes',
	review: 'review queue',
	exam: 'practice exams',
};

/** "the review queue": a stored value as the reader knows it; the key itself for one the site does not name. */
function labelOf(key: string, name: string): string {
	return Object.hasOwn(LABELS, name) ? `the ${LABELS[name]}` : key;
}

const KEY = /^dva-notes:([a-z0-9-]+):v([1-9][0-9]{0,3})$/;

/** `dva-notes:review:v1` → `{ name: 'review', version: 1 }`; null for any other shape. */
export function parseKey(key: string): { name: string; version: number } | null {
	const match = KEY.exec(key);
	return match ? { name: match[1], version: Number(match[2]) } : null;
}

export type Migrated =
	| { kind: 'known'; key: string; value: unknown; from: number }
	/** A key this site does not know, or one from a newer site: kept as it is so it round-trips. */
	| { kind: 'unknown'; key: string; value: unknown };

/** Brings one stored value up to the version this site writes, or says why it cannot. Never throws. */
export function migrate(key: string, value: unknown, specs: Readonly<Record<string, KeySpec>> = KEY_SPECS): Result<Migrated> {
	if (typeof key !== 'string' || !key.startsWith(PREFIX)) return { ok: false, error: `"${String(key).slice(0, 60)}" is not a key of this site.` };
	const parsed = parseKey(key);
	const spec = parsed && Object.hasOwn(specs, parsed.name) ? specs[parsed.name] : undefined;
	if (!parsed || !spec || parsed.version > spec.current) return { ok: true, value: { kind: 'unknown', key, value } };
	let current = value;
	try {
		for (let v = parsed.version; v < spec.current; v += 1) {
			const step = spec.steps[v];
			if (!step) return { ok: false, error: `${labelOf(key, parsed.name)}: no way to read version ${v}.` };
			current = step(current);
		}
	} catch {
		return { ok: false, error: `${labelOf(key, parsed.name)}: the stored data could not be converted.` };
	}
	if (!spec.valid(current)) {
		const problem = spec.problem?.(current) ?? 'the data is damaged or was not written by this site';
		return { ok: false, error: `${labelOf(key, parsed.name)}: ${problem}.` };
	}
	return { ok: true, value: { kind: 'known', key: `${PREFIX}${parsed.name}:v${spec.current}`, value: current, from: parsed.version } };
}

/** Every `dva-notes:` key in the store, with its raw text. */
export function readSiteEntries(store: ListableStore): Record<string, string> {
	const entries: Record<string, string> = {};
	for (let i = 0; i < store.length; i += 1) {
		const key = store.key(i);
		if (key === null || !key.startsWith(PREFIX)) continue;
		const raw = store.getItem(key);
		if (raw !== null) entries[key] = raw;
	}
	return entries;
}

/**
 * Moves values an older site stored under an older version to the current key. A value that cannot be migrated
 * stays where it is, untouched. Returns the keys migrated; never throws.
 */
export function upgradeStorage(access: ListableAccess, specs: Readonly<Record<string, KeySpec>> = KEY_SPECS): string[] {
	const upgraded: string[] = [];
	try {
		const store = access();
		if (!store) return upgraded;
		for (const [key, raw] of Object.entries(readSiteEntries(store))) {
			const parsed = parseKey(key);
			if (!parsed || !Object.hasOwn(specs, parsed.name) || parsed.version >= specs[parsed.name].current) continue;
			let value: unknown;
			try {
				value = JSON.parse(raw);
			} catch {
				continue;
			}
			const result = migrate(key, value, specs);
			if (!result.ok || result.value.kind !== 'known') continue;
			// A newer copy already written by the current site wins over the old one.
			if (store.getItem(result.value.key) === null) store.setItem(result.value.key, JSON.stringify(result.value.value));
			store.removeItem(key);
			upgraded.push(key);
		}
	} catch {
		// Storage that fails half-way leaves the old values in place; the next visit tries again.
	}
	return upgraded;
}

export interface ExportFile {
	app: typeof APP;
	format: typeof EXPORT_FORMAT;
	exportedAt: string;
	data: Record<string, unknown>;
}

/** The backup file's contents. A value that is not JSON (no site writes one) is left out and named. */
export function buildExport(entries: Record<string, string>, now: number): { file: ExportFile; skipped: string[] } {
	const data: Record<string, unknown> = {};
	const skipped: string[] = [];
	for (const [key, raw] of Object.entries(entries)) {
		try {
			data[key] = JSON.parse(raw);
		} catch {
			skipped.push(key);
		}
	}
	return { file: { app: APP, format: EXPORT_FORMAT, exportedAt: new Date(now).toISOString(), data }, skipped };
}

/** `dva-notes-2026-12-02.json`. */
export function exportFileName(now: number): string {
	return `dva-notes-${new Date(now).toISOString().slice(0, 10)}.json`;
}

export interface ImportPlan {
	/** Key → text to store, all at the versions this site writes. */
	entries: Record<string, string>;
	exportedAt: string;
	/** One line per value, for the confirmation and the report. */
	summary: string[];
}

// Older backup formats, stepped up one at a time as for stored values; format 1 is the first.
const FORMAT_STEPS: Record<number, (file: Record<string, unknown>) => Record<string, unknown>> = {};


const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function describe(key: string, value: unknown): string {
	const name = parseKey(key)?.name;
	const label = name && Object.hasOwn(LABELS, name) ? LABELS[name] : `other data (${key})`;
	if ((name === 'progress' || name === 'quiz-draft') && isRecord(value) && isRecord(value.chapters)) {
		return `${label}: ${count(Object.keys(value.chapters).length, 'chapter', 'chapters')}`;
	}
	if (name === 'review' && isRecord(value) && isRecord(value.items)) return `${label}: ${count(Object.keys(value.items).length, 'question', 'questions')}`;
	if (name === 'exam' && isRecord(value) && Array.isArray(value.history)) {
		const running = value.current == null ? '' : ', and one in progress';
		return `${label}: ${count(value.history.length, 'finished attempt', 'finished attempts')}${running}`;
	}
	return label;
}

/** Checks a whole backup file before anything is stored: one bad part refuses it all, with the reason. Never throws. */
export function parseImport(text: unknown, specs: Readonly<Record<string, KeySpec>> = KEY_SPECS): Result<ImportPlan> {
	const foreign = 'This is not a backup file of this site.';
	if (typeof text !== 'string' || text.trim() === '') return { ok: false, error: 'The file is empty.' };
	if (text.length > MAX_FILE_LENGTH) return { ok: false, error: 'The file is far too large to be a backup of this site.' };
	let file: unknown;
	try {
		file = JSON.parse(text);
	} catch {
		return { ok: false, error: 'The file is not valid JSON, so it is not a backup of this site (or it was cut short).' };
	}
	if (!isRecord(file) || file.app !== APP) return { ok: false, error: foreign };
	let format = file.format;
	if (!Number.isInteger(format) || (format as number) < 1) return { ok: false, error: 'The file does not say which backup format it uses.' };
	if ((format as number) > EXPORT_FORMAT) {
		return { ok: false, error: `The file uses backup format ${String(format)}, made by a newer version of this site; this one reads format ${EXPORT_FORMAT}.` };
	}
	try {
		while ((format as number) < EXPORT_FORMAT) {
			const step = FORMAT_STEPS[format as number];
			if (!step) return { ok: false, error: `Backup format ${String(format)} cannot be read.` };
			file = step(file as Record<string, unknown>);
			format = (format as number) + 1;
		}
	} catch {
		return { ok: false, error: 'The file uses an older backup format that could not be converted.' };
	}
	const { data, exportedAt } = file as Record<string, unknown>;
	if (!isRecord(data)) return { ok: false, error: 'The file holds no data section.' };
	const keys = Object.keys(data);
	if (keys.length > MAX_KEYS) return { ok: false, error: 'The file holds far more entries than this site ever stores.' };
	const entries: Record<string, string> = {};
	const summary: string[] = [];
	for (const key of keys) {
		const result = migrate(key, data[key], specs);
		if (!result.ok) return { ok: false, error: `The file was refused: ${result.error}` };
		if (Object.hasOwn(entries, result.value.key)) {
			return { ok: false, error: `The file holds ${labelOf(result.value.key, parseKey(result.value.key)?.name ?? '')} twice (under two versions).` };
		}
		entries[result.value.key] = JSON.stringify(result.value.value);
		summary.push(describe(result.value.key, result.value.value));
	}
	const when = typeof exportedAt === 'string' && !Number.isNaN(Date.parse(exportedAt)) ? exportedAt : '';
	return { ok: true, value: { entries, exportedAt: when, summary } };
}

/**
 * Replaces every stored `dva-notes:` value with the plan's. If the browser refuses part way (storage full),
 * what was there before is put back, so a failed import changes nothing.
 */
export function applyImport(access: ListableAccess, plan: ImportPlan): boolean {
	let store: ListableStore | null | undefined;
	let before: Record<string, string> = {};
	try {
		store = access();
		if (!store) return false;
		before = readSiteEntries(store);
		for (const key of Object.keys(before)) store.removeItem(key);
		for (const [key, text] of Object.entries(plan.entries)) store.setItem(key, text);
		return true;
	} catch {
		try {
			if (store) {
				for (const key of Object.keys(readSiteEntries(store))) store.removeItem(key);
				for (const [key, text] of Object.entries(before)) store.setItem(key, text);
			}
		} catch {
			// Nothing more can be done; the page reports the failure.
		}
		return false;
	}
}
