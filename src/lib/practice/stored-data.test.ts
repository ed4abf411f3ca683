import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
	APP,
	KEY_SPECS,
	applyImport,
	buildExport,
	exportFileName,
	migrate,
	parseImport,
	parseKey,
	readSiteEntries,
	upgradeStorage,
	type KeySpec,
	type ListableStore,
} from './stored-data.ts';
import { parseQueue } from './review-queue.ts';

const Q = 'serverless/lambda:0a1b2c3d';
const PROGRESS = { version: 1, chapters: { 'serverless/lambda': { read: true, best: { correct: 2, total: 3 }, last: { correct: 2, total: 3 } } } };
const REVIEW = { version: 1, items: { [Q]: { box: 2, due: 86_400_000 } } };
/** As the DVA-C02 site stored it: no exam code, version 1. */
const EXAM_V1 = {
	version: 1,
	current: { startedAt: 0, deadline: 7_800_000, extraTime: false, seed: 7, questionIds: [Q], answers: { [Q]: { selected: [1], flagged: true } }, current: 0, notes: [] },
	history: [{ startedAt: 0, finishedAt: 60_000, timedOut: false, correct: 1, total: 1, byDomain: { development: { correct: 1, total: 1 } }, answers: [{ id: Q, selected: [0] }] }],
};
// The attempt is a retake: its kind travels through export and import like every other field.
const EXAM = {
	version: 2,
	current: { ...EXAM_V1.current, exam: 'DVA-C03' },
	history: [{ ...EXAM_V1.history[0], exam: 'DVA-C03', retake: 'missed' }],
};
const DRAFT = { version: 1, chapters: { 'serverless/lambda': { signature: 'abc', answers: [] } } };

/** localStorage's shape over a Map, with a quota in characters as browsers have. */
function listable(initial: Record<string, string> = {}, quota = Infinity): ListableStore & { data: Map<string, string> } {
	const data = new Map(Object.entries(initial));
	const size = () => [...data].reduce((n, [k, v]) => n + k.length + v.length, 0);
	return {
		data,
		get length() {
			return data.size;
		},
		key: (i) => [...data.keys()][i] ?? null,
		getItem: (key) => data.get(key) ?? null,
		setItem: (key, value) => {
			const old = data.get(key);
			data.set(key, value);
			if (size() > quota) {
				if (old === undefined) data.delete(key);
				else data.set(key, old);
				throw new Error('QuotaExceededError');
			}
		},
		removeItem: (key) => void data.delete(key),
	};
}

const file = (data: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
	JSON.stringify({ app: APP, format: 1, exportedAt: '2026-12-02T10:00:00.000Z', data, ...extra });

test('keys are read by name and version; anything else is not a versioned key', () => {
	assert.deepEqual(parseKey('dva-notes:review:v1'), { name: 'review', version: 1 });
	assert.deepEqual(parseKey('dva-notes:practice-exam:v12'), { name: 'practice-exam', version: 12 });
	for (const key of ['dva-notes:review', 'dva-notes:review:v0', 'other:review:v1', 'dva-notes:Review:v1', '']) assert.equal(parseKey(key), null, key);
});

test('export holds every dva-notes key, unknown ones too, parsed; other keys and non-JSON values stay out', () => {
	const store = listable({
		'dva-notes:progress:v1': JSON.stringify(PROGRESS),
		'dva-notes:review:v1': JSON.stringify(REVIEW),
		'dva-notes:practice-exam:v1': '{"runs":[1,2]}',
		'dva-notes:broken:v1': '{nope',
		'another-site': '1',
	});
	const { file: out, skipped } = buildExport(readSiteEntries(store), Date.UTC(2026, 11, 2));
	assert.equal(out.app, APP);
	assert.equal(out.format, 1);
	assert.equal(out.exportedAt, '2026-12-02T00:00:00.000Z');
	assert.deepEqual(Object.keys(out.data).sort(), ['dva-notes:practice-exam:v1', 'dva-notes:progress:v1', 'dva-notes:review:v1']);
	assert.deepEqual(out.data['dva-notes:practice-exam:v1'], { runs: [1, 2] });
	assert.deepEqual(skipped, ['dva-notes:broken:v1']);
	assert.equal(exportFileName(Date.UTC(2026, 11, 2)), 'dva-notes-2026-12-02.json');
});

test('a store and an export written by the DVA-C02 site load without loss: attempts labelled DVA-C02, ids and domains kept', () => {
	const old = listable({ 'dva-notes:exam:v1': JSON.stringify(EXAM_V1), 'dva-notes:review:v1': JSON.stringify(REVIEW) });
	const text = JSON.stringify(buildExport(readSiteEntries(old), 0).file);
	assert.deepEqual(upgradeStorage(() => old), ['dva-notes:exam:v1']);
	const upgraded = JSON.parse(old.data.get('dva-notes:exam:v2') ?? 'null');
	assert.deepEqual(upgraded, { version: 2, current: { exam: 'DVA-C02', ...EXAM_V1.current }, history: [{ exam: 'DVA-C02', ...EXAM_V1.history[0] }] });
	assert.equal(old.data.get('dva-notes:review:v1'), JSON.stringify(REVIEW), 'the review queue keeps its question ids');
	const plan = parseImport(text);
	assert.ok(plan.ok, plan.ok ? '' : plan.error);
	const target = listable();
	assert.equal(applyImport(() => target, plan.value), true);
	assert.deepEqual(JSON.parse(target.data.get('dva-notes:exam:v2') ?? 'null'), upgraded);
});

test('an export imports back to the same stored values, replacing what was there', () => {
	const source = listable({
		'dva-notes:progress:v1': JSON.stringify(PROGRESS),
		'dva-notes:review:v1': JSON.stringify(REVIEW),
		'dva-notes:quiz-draft:v1': JSON.stringify(DRAFT),
		'dva-notes:exam:v2': JSON.stringify(EXAM),
		'dva-notes:practice-exam:v3': '{"future":true}',
	});
	const text = JSON.stringify(buildExport(readSiteEntries(source), 0).file);
	const plan = parseImport(text);
	assert.ok(plan.ok, plan.ok ? '' : plan.error);
	assert.deepEqual(plan.value.summary.sort(), [
		'other data (dva-notes:practice-exam:v3)',
		'practice exams: 1 finished attempt, and one in progress',
		'reading progress and quiz scores: 1 chapter',
		'review queue: 1 question',
		'unfinished chapter quizzes: 1 chapter',
	]);
	const target = listable({ 'dva-notes:review:v1': '{"version":1,"items":{}}', 'dva-notes:old:v1': '1', 'keep-me': 'x' });
	assert.equal(applyImport(() => target, plan.value), true);
	assert.deepEqual(Object.fromEntries(target.data), { ...Object.fromEntries(source.data), 'keep-me': 'x' });
});

test('corrupt or foreign files are refused with a reason', () => {
	const bad: [unknown, RegExp][] = [
		[undefined, /empty/],
		['', /empty/],
		['   ', /empty/],
		['{"app":', /not valid JSON/],
		['<html></html>', /not valid JSON/],
		['null', /not a backup/],
		['[1,2]', /not a backup/],
		['"a string"', /not a backup/],
		[JSON.stringify({ app: 'another-app', format: 1, data: {} }), /not a backup/],
		[JSON.stringify({ app: APP, data: {} }), /format/],
		[JSON.stringify({ app: APP, format: '1', data: {} }), /format/],
		[JSON.stringify({ app: APP, format: 0, data: {} }), /format/],
		[JSON.stringify({ app: APP, format: 2, data: {} }), /newer version/],
		[JSON.stringify({ app: APP, format: 1 }), /no data/],
		[JSON.stringify({ app: APP, format: 1, data: [] }), /no data/],
		[file({ 'someone-else:key': 1 }), /not a key of this site/],
		[file({ 'dva-notes:review:v1': { version: 1, items: { [Q]: { box: 9, due: 0 } } } }), /^The file was refused: the review queue: the data is damaged/],
		[file({ 'dva-notes:review:v1': 'not an object' }), /the review queue: /],
		[file({ 'dva-notes:progress:v1': { version: 1, chapters: { 'serverless/lambda': { read: 'yes' } } } }), /the reading progress and quiz scores: /],
		[file({ 'dva-notes:progress:v1': { version: 2, chapters: {} } }), /the reading progress and quiz scores: /],
		[file({ 'dva-notes:quiz-draft:v1': { version: 1, chapters: { '../x': { signature: 'a', answers: [] } } } }), /the unfinished chapter quizzes: "..\/x" is not a chapter/],
		// Answers of the wrong type were once imported, then silently dropped by the chapter.
		[
			file({ 'dva-notes:quiz-draft:v1': { version: 1, chapters: { 'serverless/lambda': { signature: 'a', answers: [['x'], 5, null] } } } }),
			/the unfinished chapter quizzes: the unfinished quiz of the chapter "serverless\/lambda": the answer to question 1 is damaged/,
		],
		[
			file({ 'dva-notes:quiz-draft:v1': { version: 1, chapters: { 'serverless/lambda': { signature: 'a', answers: [{ order: [1, 0], selected: [0], checked: 'yes' }] } } } }),
			/question 1 is damaged/,
		],
		[
			file({ 'dva-notes:quiz-draft:v1': { version: 1, chapters: { 'serverless/lambda': { signature: 'a', answers: [{ order: [1, 1], selected: [], checked: false }] } } } }),
			/question 1 is damaged/,
		],
		// "yes" is not true: it was once read as false.
		[file({ 'dva-notes:exam:v2': { ...EXAM, history: [{ ...EXAM.history[0], timedOut: 'yes' }] } }), /the practice exams: finished attempt 1 \(.+\): "time ran out" is neither yes nor no/],
		[file({ 'dva-notes:exam:v2': { ...EXAM, history: [{ ...EXAM.history[0], retake: 'again' }] } }), /finished attempt 1 \(.+\): the kind of retake is not one this site knows/],
		[file({ 'dva-notes:exam:v2': { ...EXAM, current: { ...EXAM.current, extraTime: 1 } } }), /the practice exams: the exam in progress: "extra time" is neither yes nor no/],
		[file({ 'dva-notes:exam:v2': { ...EXAM, current: { ...EXAM.current, answers: { [Q]: { selected: [1], flagged: 'no' } } } } }), /the exam in progress: a question's flag/],
		[file({ 'dva-notes:exam:v2': { ...EXAM, history: [{ ...EXAM.history[0], correct: 2 }] } }), /the practice exams: finished attempt 1 \(.+\) is damaged/],
		[file({ 'dva-notes:exam:v2': { ...EXAM, current: { ...EXAM.current, questionIds: ['not an id'] } } }), /the practice exams: the exam in progress is damaged/],
		[file({ 'dva-notes:exam:v1': { version: 1, current: null } }), /the practice exams: the list of finished attempts is missing/],
		['x'.repeat(6_000_000), /too large/],
	];
	for (const [text, reason] of bad) {
		const result = parseImport(text);
		assert.equal(result.ok, false, String(text).slice(0, 60));
		if (!result.ok) assert.match(result.error, reason, String(text).slice(0, 60));
		// A refusal names what the reader knows, never a storage key.
		if (!result.ok) assert.doesNotMatch(result.error, /dva-notes:(review|progress|quiz-draft|exam):v/, String(text).slice(0, 60));
	}
});

test('a refused import changes nothing, and a failed write puts the old values back', () => {
	const before = { 'dva-notes:review:v1': JSON.stringify(REVIEW) };
	// Room for what is stored, not for the bigger import.
	const store = listable(before, 120);
	const plan = parseImport(file({ 'dva-notes:progress:v1': PROGRESS, 'dva-notes:quiz-draft:v1': DRAFT }));
	assert.ok(plan.ok);
	assert.equal(applyImport(() => store, plan.value), false);
	assert.deepEqual(Object.fromEntries(store.data), before);
	assert.equal(applyImport(() => null, plan.value), false);
	assert.equal(applyImport(() => { throw new Error('denied'); }, plan.value), false);
});

// A future site that stores the review queue as a list with a count of right answers: version 2.
const REVIEW_V2: KeySpec = {
	current: 2,
	steps: {
		1: (value) => {
			const v1 = value as { version: 1; items: Record<string, { box: number; due: number }> };
			if (!parseQueue(JSON.stringify(v1))) throw new Error('unreadable');
			return { version: 2, items: Object.entries(v1.items).map(([id, item]) => ({ id, ...item, streak: item.box - 1 })) };
		},
	},
	valid: (value) => typeof value === 'object' && value !== null && (value as { version: unknown }).version === 2 && Array.isArray((value as { items: unknown }).items),
};
const FUTURE = { ...KEY_SPECS, review: REVIEW_V2 };

test('a v1 value migrates to the v2 shape without loss; current and unknown keys pass through', () => {
	const result = migrate('dva-notes:review:v1', REVIEW, FUTURE);
	assert.ok(result.ok);
	assert.deepEqual(result.value, {
		kind: 'known',
		key: 'dva-notes:review:v2',
		from: 1,
		value: { version: 2, items: [{ id: Q, box: 2, due: 86_400_000, streak: 1 }] },
	});
	const current = migrate('dva-notes:review:v1', REVIEW);
	assert.ok(current.ok && current.value.kind === 'known' && current.value.key === 'dva-notes:review:v1');
	const newer = migrate('dva-notes:review:v3', { anything: 1 }, FUTURE);
	assert.ok(newer.ok && newer.value.kind === 'unknown');
	const broken = migrate('dva-notes:review:v1', { version: 1, items: 'x' }, FUTURE);
	assert.equal(broken.ok, false);
	const noStep = migrate('dva-notes:review:v1', REVIEW, { review: { ...REVIEW_V2, steps: {} } });
	assert.equal(noStep.ok, false);
});

test('stored v1 data is moved to the v2 key on upgrade; an unreadable value is left in place', () => {
	const store = listable({ 'dva-notes:review:v1': JSON.stringify(REVIEW), 'dva-notes:progress:v1': JSON.stringify(PROGRESS) });
	assert.deepEqual(upgradeStorage(() => store, FUTURE), ['dva-notes:review:v1']);
	assert.equal(store.data.has('dva-notes:review:v1'), false);
	assert.deepEqual(JSON.parse(store.data.get('dva-notes:review:v2') ?? ''), { version: 2, items: [{ id: Q, box: 2, due: 86_400_000, streak: 1 }] });
	assert.equal(store.data.get('dva-notes:progress:v1'), JSON.stringify(PROGRESS));
	const damaged = listable({ 'dva-notes:review:v1': '{oops' });
	assert.deepEqual(upgradeStorage(() => damaged, FUTURE), []);
	assert.equal(damaged.data.get('dva-notes:review:v1'), '{oops');
	assert.deepEqual(upgradeStorage(() => null, FUTURE), []);
	assert.deepEqual(upgradeStorage(() => { throw new Error('denied'); }, FUTURE), []);
	// The current site has nothing to migrate.
	assert.deepEqual(upgradeStorage(() => listable({ 'dva-notes:review:v1': JSON.stringify(REVIEW) })), []);
});

test('an export from an older site is migrated on import', () => {
	const plan = parseImport(file({ 'dva-notes:review:v1': REVIEW }), FUTURE);
	assert.ok(plan.ok);
	assert.deepEqual(Object.keys(plan.value.entries), ['dva-notes:review:v2']);
	assert.equal(JSON.parse(plan.value.entries['dva-notes:review:v2']).items[0].id, Q);
	const twice = parseImport(file({ 'dva-notes:review:v1': REVIEW, 'dva-notes:review:v2': { version: 2, items: [] } }), FUTURE);
	assert.equal(twice.ok, false);
});
