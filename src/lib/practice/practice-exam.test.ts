import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
	EXAM_KEY,
	answerStatus,
	attemptResults,
	choiceOrder,
	toPositions,
	breakdown,
	filterResults,
	nextFlagged,
	openQuestions,
	queueRecords,
	selectionNote,
	unansweredIds,
	domainQuotas,
	examStoreV1toV2,
	domainTrends,
	countsInTrends,
	drawExam,
	drawRetake,
	emptyStore,
	examCounts,
	examDurationMs,
	formatRemaining,
	gradeExam,
	loadExamStore,
	parseExamStore,
	passes,
	remainingMs,
	remainingWords,
	saveExamStore,
	scaledScore,
	seedFrom,
	seenIds,
	startExam,
	submitWarning,
	toAttemptRecord,
	withAnswer,
	withCurrent,
	type Attempt,
} from './practice-exam.ts';
import type { BankQuestion } from './question-bank.ts';
import { memoryStore } from '../../../tests/support/memory-store.ts';

// DVA-C03's weights, as the exam guide data gives them (the data itself is checked in tests/unit/exam-guide.test.ts).
const DOMAINS = [
	{ id: 'development', weight: 30 },
	{ id: 'security', weight: 26 },
	{ id: 'deployment', weight: 22 },
	{ id: 'troubleshooting', weight: 22 },
];
const C02_DOMAINS = [
	{ id: 'development', weight: 32 },
	{ id: 'security', weight: 26 },
	{ id: 'deployment', weight: 24 },
	{ id: 'troubleshooting', weight: 18 },
];
const TASK_OF: Record<string, string> = { development: '1.1', security: '2.1', deployment: '3.1', troubleshooting: '4.1' };

function question(domain: string, n: number, task = TASK_OF[domain]): BankQuestion {
	const hex = (n + domain.length * 1000).toString(16).padStart(8, '0');
	return {
		id: `${domain}/chapter:${hex}`,
		prompt: `Question ${n} about ${domain}?`,
		choices: [
			{ text: 'Right', correct: true },
			{ text: 'Wrong', correct: false },
		],
		explanation: 'Because it is right.',
		section: 'a-section',
		chapter: { id: `${domain}/chapter`, title: domain },
		skill: `${task}.1`,
		task,
		domain,
	};
}

function bankOf(counts: Record<string, number>): BankQuestion[] {
	return Object.entries(counts).flatMap(([domain, n]) => Array.from({ length: n }, (_, i) => question(domain, i)));
}

const BIG = bankOf({ development: 40, security: 40, deployment: 40, troubleshooting: 40 });
const domainOf = (id: string) => id.split('/')[0];
const countBy = (ids: string[]) => ids.reduce<Record<string, number>>((c, id) => ((c[domainOf(id)] = (c[domainOf(id)] ?? 0) + 1), c), {});

test('quotas: largest remainders make 65 questions 21/17/15/12 and always sum to the total', () => {
	// 19.5, 16.9, 14.3, 14.3 → 19, 16, 14, 14, then the two largest remainders: security (.9), development (.5).
	assert.deepEqual({ ...domainQuotas(DOMAINS, 65) }, { development: 20, security: 17, deployment: 14, troubleshooting: 14 });
	assert.deepEqual({ ...domainQuotas(C02_DOMAINS, 65) }, { development: 21, security: 17, deployment: 15, troubleshooting: 12 });
	for (const total of [1, 4, 10, 50, 64, 65, 100]) {
		const q = domainQuotas(DOMAINS, total);
		assert.equal(Object.values(q).reduce((a, b) => a + b, 0), total, `total ${total}`);
	}
	assert.deepEqual({ ...domainQuotas(DOMAINS, 0) }, { development: 0, security: 0, deployment: 0, troubleshooting: 0 });
	assert.deepEqual({ ...domainQuotas([], 65) }, {});
	assert.deepEqual({ ...domainQuotas([{ id: 'x', weight: Number.NaN }], 65) }, {});
});

test('the draw follows the domain proportions, without repeats', () => {
	const draw = drawExam(BIG, DOMAINS, new Set(), 42);
	assert.equal(draw.ids.length, 65);
	assert.equal(new Set(draw.ids).size, 65);
	assert.deepEqual(countBy(draw.ids), { development: 20, security: 17, deployment: 14, troubleshooting: 14 });
	assert.deepEqual(draw.shortfalls, []);
});

test('the draw is deterministic for a seed and differs between seeds', () => {
	assert.deepEqual(drawExam(BIG, DOMAINS, new Set(), 7), drawExam(BIG, DOMAINS, new Set(), 7));
	assert.notDeepEqual(drawExam(BIG, DOMAINS, new Set(), 7).ids, drawExam(BIG, DOMAINS, new Set(), 8).ids);
});

test('the draw prefers questions not seen before', () => {
	// Seen: 30 of the 40 development questions; the 10 unseen must all be in, plus 10 seen ones.
	const seen = new Set(BIG.filter((q) => q.domain === 'development').slice(0, 30).map((q) => q.id));
	const ids = drawExam(BIG, DOMAINS, seen, 3).ids;
	const dev = ids.filter((id) => domainOf(id) === 'development');
	assert.equal(dev.length, 20);
	assert.equal(dev.filter((id) => !seen.has(id)).length, 10);
	// The other domains have only unseen questions, so nothing seen was drawn there.
	assert.ok(ids.filter((id) => domainOf(id) !== 'development').every((id) => !seen.has(id)));
});

test('a domain with too few questions is filled from the others and reported', () => {
	const bank = bankOf({ development: 40, security: 5, deployment: 40, troubleshooting: 40 });
	const draw = drawExam(bank, DOMAINS, new Set(), 1);
	assert.equal(draw.ids.length, 65);
	assert.deepEqual(draw.shortfalls, [{ domain: 'security', wanted: 17, got: 5 }]);
	assert.equal(countBy(draw.ids).security, 5);
});

test('a bank smaller than the exam gives every question once', () => {
	const bank = bankOf({ development: 3, security: 2, deployment: 1, troubleshooting: 0 });
	const draw = drawExam(bank, DOMAINS, new Set(), 1);
	assert.equal(draw.ids.length, 6);
	assert.equal(new Set(draw.ids).size, 6);
	assert.equal(draw.shortfalls.length, 4);
	assert.deepEqual(drawExam([], DOMAINS, new Set(), 1).ids, []);
	// Duplicated ids in a bank count once.
	assert.equal(drawExam([...bank, ...bank], DOMAINS, new Set(), 1).ids.length, 6);
});

test('timer: the deadline is wall-clock, 130 minutes or 160 with the extra time', () => {
	assert.equal(examDurationMs(false), 130 * 60_000);
	assert.equal(examDurationMs(true), 160 * 60_000);
	const exam = startExam({ ids: [BIG[0].id], shortfalls: [] }, 1, false, 1_000);
	assert.equal(exam.deadline, 1_000 + 130 * 60_000);
	assert.equal(remainingMs(exam.deadline, 1_000), 130 * 60_000);
	assert.equal(remainingMs(exam.deadline, exam.deadline + 5), 0);
	assert.equal(remainingMs(Number.NaN, 1), 0);
	assert.equal(formatRemaining(130 * 60_000), '2:10:00');
	assert.equal(formatRemaining(59_001), '0:01:00');
	assert.equal(formatRemaining(0), '0:00:00');
	assert.equal(formatRemaining(-5), '0:00:00');
	assert.equal(remainingWords(130 * 60_000), '2 hours 10 minutes left');
	assert.equal(remainingWords(60 * 60_000), '1 hour left');
	assert.equal(remainingWords(30_000), '1 minute left');
	assert.equal(remainingWords(0), '0 minutes left');
});

test('answers, flags, navigation and the submit warning', () => {
	const ids = BIG.slice(0, 3).map((q) => q.id);
	let exam = startExam({ ids, shortfalls: [] }, 1, false, 0);
	exam = withAnswer(exam, ids[0], { selected: [1] });
	exam = withAnswer(exam, ids[1], { flagged: true });
	exam = withAnswer(exam, 'not/in:00000000', { selected: [0] });
	assert.deepEqual(examCounts(exam), { answered: 1, unanswered: 2, incomplete: 0, flagged: 1 });
	assert.equal(submitWarning(examCounts(exam)), '2 questions are unanswered (scored as incorrect) and 1 question is flagged for review. Submit anyway?');
	assert.equal(submitWarning({ answered: 3, unanswered: 0, incomplete: 0, flagged: 0 }), 'Every question is answered. Submit the exam?');
	assert.equal(withCurrent(exam, 2).current, 2);
	assert.equal(withCurrent(exam, 3).current, 0);
	assert.equal(withCurrent(exam, -1).current, 0);
});

test('"Choose two" with one box or three ticked is incomplete, not answered, and the warning counts it', () => {
	const ids = BIG.slice(0, 4).map((q) => q.id);
	let exam = startExam({ ids, shortfalls: [] }, 1, false, 0);
	exam = withAnswer(exam, ids[0], { selected: [1] });
	exam = withAnswer(exam, ids[1], { selected: [0, 1, 2] });
	exam = withAnswer(exam, ids[2], { selected: [0, 1] });
	const required = (id: string) => (id === ids[3] ? 1 : 2);
	assert.deepEqual(examCounts(exam, required), { answered: 1, unanswered: 1, incomplete: 2, flagged: 0 });
	assert.equal(
		submitWarning(examCounts(exam, required)),
		'1 question is unanswered (scored as incorrect) and 2 questions have the wrong number of choices (scored as incorrect). Submit anyway?',
	);
	assert.equal(
		submitWarning({ answered: 0, unanswered: 1, incomplete: 1, flagged: 1 }),
		'1 question is unanswered (scored as incorrect), 1 question has the wrong number of choices (scored as incorrect) and 1 question is flagged for review. Submit anyway?',
	);
	assert.equal(answerStatus([], 2), 'unanswered');
	assert.equal(answerStatus([0], 2), 'incomplete');
	assert.equal(answerStatus([0, 1], 2), 'answered');
	assert.equal(answerStatus([0], 1), 'answered');
	assert.equal(selectionNote([0], 2), 'Select two answers: you have selected one.');
	assert.equal(selectionNote([0, 1, 2], 2), 'Select two answers: you have selected three.');
	assert.equal(selectionNote([0, 1], 2), null);
	assert.equal(selectionNote([], 2), null);
});

test('the review queue gets the answered questions only; unanswered ones are offered apart; filters for the review', () => {
	const qs = BIG.slice(0, 4);
	const results = gradeExam(qs, { [qs[0].id]: { selected: [0] }, [qs[1].id]: { selected: [1], flagged: true }, [qs[2].id]: { selected: [], flagged: true } });
	assert.deepEqual(queueRecords(results), [
		{ id: qs[0].id, correct: true },
		{ id: qs[1].id, correct: false },
	]);
	assert.deepEqual(unansweredIds(results), [qs[2].id, qs[3].id]);
	const numbers = (filter: Parameters<typeof filterResults>[1]) => filterResults(results, filter).map((r) => r.number);
	assert.deepEqual(numbers('all'), [1, 2, 3, 4]);
	assert.deepEqual(numbers('wrong'), [2, 3, 4]);
	assert.deepEqual(numbers('flagged'), [2, 3]);
	assert.deepEqual(numbers('unanswered'), [3, 4]);
});

test('a stored attempt keeps its flags and can be graded again for its review', () => {
	const qs = BIG.slice(0, 3);
	let exam = startExam({ ids: qs.map((q) => q.id), shortfalls: [] }, 1, false, 0);
	exam = withAnswer(exam, qs[0].id, { selected: [0], flagged: true });
	exam = withAnswer(exam, qs[1].id, { selected: [1] });
	const attempt = toAttemptRecord(exam, gradeExam(qs, exam.answers), 10, false);
	assert.deepEqual(attempt.answers[0], { id: qs[0].id, selected: [0], flagged: true });
	assert.deepEqual(attempt.answers[1], { id: qs[1].id, selected: [1] });
	const store = memoryStore();
	saveExamStore(() => store, { version: 2, current: null, history: [attempt] });
	const loaded = loadExamStore(() => store).store.history[0];
	assert.deepEqual(loaded.answers[0], { id: qs[0].id, selected: [0], flagged: true });
	// One question has left the bank since: the review shows the others.
	const bank = new Map(qs.slice(0, 2).map((q) => [q.id, q]));
	const again = attemptResults(loaded, bank);
	assert.deepEqual(
		again.map((r) => [r.question.id, r.correct, r.flagged]),
		[
			[qs[0].id, true, true],
			[qs[1].id, false, false],
		],
	);
});

test('a retake: the missed questions (wrong, unanswered or incomplete) or all of them, in a new order, timed at 2 minutes a question', () => {
	const qs = BIG.slice(0, 6);
	let exam = startExam({ ids: qs.map((q) => q.id), shortfalls: [] }, 1, false, 0);
	exam = withAnswer(exam, qs[0].id, { selected: [0] });
	exam = withAnswer(exam, qs[1].id, { selected: [1] });
	exam = withAnswer(exam, qs[2].id, { selected: [0, 1] });
	exam = withAnswer(exam, qs[3].id, { selected: [0] });
	const attempt = toAttemptRecord(exam, gradeExam(qs, exam.answers), 10, false);
	const bank = new Map(qs.map((q) => [q.id, q]));

	const missed = drawRetake(attempt, bank, 'missed', 5);
	assert.deepEqual([...missed.ids].sort(), [qs[1].id, qs[2].id, qs[4].id, qs[5].id].sort());
	const same = drawRetake(attempt, bank, 'same', 5);
	assert.deepEqual([...same.ids].sort(), qs.map((q) => q.id).sort());
	assert.notDeepEqual(same.ids, qs.map((q) => q.id), 'a new order');
	// A question that left the bank is not retaken; nothing missed, nothing to retake.
	assert.equal(drawRetake(attempt, new Map([[qs[0].id, qs[0]]]), 'missed', 5).ids.length, 0);

	const retake = startExam(missed, 5, false, 1_000, [], 'DVA-C03', 'missed');
	assert.equal(retake.deadline - 1_000, 8 * 60_000, '4 questions: 8 minutes');
	assert.equal(examDurationMs(true, 4), Math.ceil((160 * 4) / 65) * 60_000);
	assert.equal(examDurationMs(false, 65), 130 * 60_000);
	assert.equal(examDurationMs(false, 500), 130 * 60_000, 'never more than the full exam');
	assert.equal(startExam(same, 5, false, 0, [], 'DVA-C03', 'same').deadline, 12 * 60_000);

	const record = toAttemptRecord(retake, gradeExam(qs.slice(1, 3), retake.answers), 2_000, false);
	assert.equal(record.retake, 'missed');
	// Stored and read back with the kind; a full exam stores no kind at all.
	const store = memoryStore();
	saveExamStore(() => store, { version: 2, current: retake, history: [attempt, record] });
	const loaded = loadExamStore(() => store).store;
	assert.equal(loaded.current?.retake, 'missed');
	assert.deepEqual(loaded.history.map((a) => a.retake), [undefined, 'missed']);
	assert.ok(!('retake' in loaded.history[0]));
	// An unknown kind makes the attempt unreadable rather than a full exam.
	const bad = JSON.stringify({ version: 2, current: null, history: [{ ...record, retake: 'again' }] });
	assert.deepEqual(parseExamStore(bad).history, []);

	assert.equal(countsInTrends(attempt, 'DVA-C03'), true);
	assert.equal(countsInTrends(record, 'DVA-C03'), false, 'a retake is not a fresh draw');
	assert.equal(countsInTrends({ exam: 'DVA-C02' }, 'DVA-C03'), false);
});

test('before submitting: the unanswered, incomplete and flagged questions by position; the next flagged wraps round', () => {
	const ids = BIG.slice(0, 5).map((q) => q.id);
	let exam = startExam({ ids, shortfalls: [] }, 1, false, 0);
	exam = withAnswer(exam, ids[0], { selected: [0] });
	exam = withAnswer(exam, ids[1], { selected: [0], flagged: true });
	exam = withAnswer(exam, ids[3], { flagged: true });
	const required = (id: string) => (id === ids[1] ? 2 : 1);
	assert.deepEqual(openQuestions(exam, required), { unanswered: [2, 3, 4], incomplete: [1], flagged: [1, 3] });
	assert.equal(nextFlagged(exam, 0), 1);
	assert.equal(nextFlagged(exam, 1), 3);
	assert.equal(nextFlagged(exam, 3), 1);
	assert.equal(nextFlagged(startExam({ ids, shortfalls: [] }, 1, false, 0), 0), null);
});

test('choices are shown in an order of their own in each attempt; answers keep the bank\'s numbers', () => {
	const q = { id: 'a/b:00000001', choices: ['A', 'B', 'C', 'D', 'E'] };
	const first = choiceOrder(1_000, q);
	assert.deepEqual([...first].sort(), [0, 1, 2, 3, 4]);
	assert.deepEqual(choiceOrder(1_000, q), first, 'the same attempt shows the same order after a reload');
	// Across attempts the right answer does not keep its letter: of many attempts, the orders differ.
	const orders = new Set(Array.from({ length: 20 }, (_, i) => choiceOrder(1_000 + i * 60_000, q).join()));
	assert.ok(orders.size > 10, `${orders.size} different orders in 20 attempts`);
	assert.deepEqual(toPositions([2, 0, 1], [0, 1]), [1, 2]);
	assert.deepEqual(toPositions([2, 0, 1], []), []);
});

test('scoring: unanswered is incorrect; scaled score is linear from 100 to 1000; 720 passes', () => {
	const qs = BIG.slice(0, 4);
	const results = gradeExam(qs, { [qs[0].id]: { selected: [0] }, [qs[1].id]: { selected: [1] }, [qs[2].id]: { selected: [] } });
	assert.deepEqual(
		results.map((r) => r.correct),
		[true, false, false, false],
	);
	assert.equal(scaledScore(0, 65), 100);
	assert.equal(scaledScore(65, 65), 1000);
	assert.equal(scaledScore(45, 65), 723);
	assert.equal(scaledScore(44, 65), 709);
	assert.equal(scaledScore(1, 0), 100);
	assert.equal(scaledScore(Number.NaN, 65), 100);
	assert.equal(scaledScore(99, 65), 1000);
	assert.ok(passes(720) && !passes(719));
});

test('breakdowns by domain and task, weakest first', () => {
	const qs = [question('development', 1, '1.1'), question('development', 2, '1.2'), question('security', 1, '2.1'), question('security', 2, '2.1')];
	const results = gradeExam(qs, { [qs[0].id]: { selected: [0] }, [qs[1].id]: { selected: [0] }, [qs[2].id]: { selected: [0] } });
	assert.deepEqual(breakdown(results, 'domain'), [
		{ id: 'security', correct: 1, total: 2, percent: 50 },
		{ id: 'development', correct: 2, total: 2, percent: 100 },
	]);
	assert.deepEqual(
		breakdown(results, 'task').map((r) => r.id),
		['2.1', '1.1', '1.2'],
	);
	const attempt = toAttemptRecord(startExam({ ids: qs.map((q) => q.id), shortfalls: [] }, 1, false, 0), results, 5, true);
	assert.equal(attempt.correct, 3);
	assert.deepEqual({ ...attempt.byDomain }, { security: { correct: 1, total: 2 }, development: { correct: 2, total: 2 } });
});

test('history trends per domain', () => {
	const attempt = (dev: number, sec?: number): Attempt => ({
		exam: 'DVA-C03',
		startedAt: 0,
		finishedAt: 1,
		timedOut: false,
		correct: 0,
		total: 10,
		byDomain: { development: { correct: dev, total: 10 }, ...(sec === undefined ? {} : { security: { correct: sec, total: 10 } }) },
		answers: [],
	});
	assert.deepEqual(domainTrends([attempt(5, 5), attempt(7)], ['development', 'security', 'deployment']), [
		{ id: 'development', percents: [50, 70], trend: 'up' },
		{ id: 'security', percents: [50], trend: null },
		{ id: 'deployment', percents: [], trend: null },
	]);
	assert.equal(domainTrends([attempt(5), attempt(3)], ['development'])[0].trend, 'down');
	assert.equal(domainTrends([attempt(5), attempt(5)], ['development'])[0].trend, 'same');
});

test('a stored exam survives a round trip; seen ids come from history and review', () => {
	const store = memoryStore();
	const ids = BIG.slice(0, 2).map((q) => q.id);
	let exam = startExam({ ids, shortfalls: [] }, 9, true, 100, ['Security had too few questions.']);
	exam = withAnswer(exam, ids[1], { selected: [1, 0], flagged: true });
	exam = withCurrent(exam, 1);
	const attempt = toAttemptRecord(exam, gradeExam(BIG.slice(0, 2), exam.answers), 200, false);
	assert.ok(saveExamStore(() => store, { version: 2, current: exam, history: [attempt] }));
	const loaded = loadExamStore(() => store);
	assert.ok(loaded.available);
	assert.deepEqual(JSON.parse(JSON.stringify(loaded.store.current)), JSON.parse(JSON.stringify(exam)));
	assert.equal(loaded.store.history.length, 1);
	assert.deepEqual([...seenIds(loaded.store, ['x/y:00000001'])].sort(), ['x/y:00000001', ...ids].sort());
	assert.ok(store.data.has(EXAM_KEY));
});

test('storage that is missing or throws never breaks the exam', () => {
	assert.deepEqual(loadExamStore(() => null), { store: emptyStore(), available: false });
	const throwing = () => {
		throw new Error('blocked');
	};
	assert.deepEqual(loadExamStore(throwing), { store: emptyStore(), available: false });
	assert.equal(saveExamStore(throwing, emptyStore()), false);
	const full = { getItem: () => null, setItem: () => { throw new Error('quota'); }, removeItem: () => {} };
	assert.equal(saveExamStore(() => full, emptyStore()), false);
});

test('corrupt stored exams are dropped, never thrown', () => {
	const good = { exam: 'DVA-C03', startedAt: 1, deadline: 2, extraTime: false, seed: 1, questionIds: ['a/b:00000001'], answers: {}, current: 0, notes: [] };
	const bad: unknown[] = [
		undefined,
		null,
		42,
		'',
		'not json',
		'{"version":1',
		'[]',
		'"text"',
		JSON.stringify({ version: 1, current: good, history: [] }),
		JSON.stringify({ version: 3, current: good, history: [] }),
		JSON.stringify({ current: good }),
		JSON.stringify({ version: 2, current: { ...good, exam: undefined } }),
		JSON.stringify({ version: 2, current: { ...good, exam: 'dva-c03' } }),
		JSON.stringify({ version: 2, current: { ...good, deadline: 0 } }),
		JSON.stringify({ version: 2, current: { ...good, questionIds: [] } }),
		JSON.stringify({ version: 2, current: { ...good, questionIds: ['bad id'] } }),
		JSON.stringify({ version: 2, current: { ...good, questionIds: ['a/b:00000001', 'a/b:00000001'] } }),
		JSON.stringify({ version: 2, current: { ...good, answers: { 'a/b:00000001': { selected: [-1] } } } }),
		JSON.stringify({ version: 2, current: { ...good, answers: { 'a/b:00000001': 'x' } } }),
		JSON.stringify({ version: 2, current: { ...good, seed: 'x' } }),
		JSON.stringify({ version: 2, current: { ...good, startedAt: Number.MAX_VALUE * 0 - 1 } }),
		'x'.repeat(2_000_000),
	];
	for (const raw of bad) {
		const store = parseExamStore(raw);
		assert.equal(store.current, null, `input ${String(raw).slice(0, 80)}`);
		assert.deepEqual(store.history, []);
	}
	// Bad attempts are dropped one by one; the good ones stay.
	const attempt = { exam: 'DVA-C03', startedAt: 1, finishedAt: 2, timedOut: false, correct: 1, total: 2, byDomain: { security: { correct: 1, total: 2 } }, answers: [{ id: 'a/b:00000001', selected: [0] }] };
	const mixed = parseExamStore(
		JSON.stringify({
			version: 2,
			current: { ...good, current: 99, answers: { 'a/b:00000001': { selected: [1, 1, 0], flagged: 'yes' }, 'other/x:00000002': { selected: 'x' } } },
			history: [attempt, { ...attempt, correct: 3 }, { ...attempt, exam: 7 }, { ...attempt, byDomain: { 'Bad Id': { correct: 0, total: 1 } } }, { ...attempt, answers: [{ id: 'x', selected: [] }] }, null, 'x'],
		}),
	);
	assert.equal(mixed.history.length, 1);
	assert.equal(mixed.current?.current, 0);
	assert.deepEqual(mixed.current?.answers['a/b:00000001'], { selected: [0, 1], flagged: false });
	assert.equal(Object.keys(mixed.current?.answers ?? {}).length, 1);
	// "__proto__" as an answer key must not reach Object's prototype.
	const proto = parseExamStore(`{"version":2,"current":${JSON.stringify({ ...good, answers: {} }).replace('"answers":{}', '"answers":{"__proto__":{"selected":[0]}}')}}`);
	assert.deepEqual(Object.keys(proto.current?.answers ?? {}), []);
});

test('out-of-scope questions are never drawn, even to fill a short domain', () => {
	const bank = [...bankOf({ development: 3 }), { ...question('security', 1), skill: undefined, task: undefined, domain: undefined, outOfScope: 'Not on this exam.' }];
	const draw = drawExam(bank, DOMAINS, new Set(), 1, 4);
	assert.equal(draw.ids.length, 3);
	assert.ok(!draw.ids.includes(bank[3].id));
});

test('a version 1 record (the DVA-C02 site) becomes version 2 with every attempt and the running exam labelled DVA-C02', () => {
	const v1Attempt = { startedAt: 1, finishedAt: 2, timedOut: false, correct: 1, total: 2, byDomain: { deployment: { correct: 1, total: 2 } }, answers: [{ id: 'a/b:00000001', selected: [0] }] };
	const v1Current = { startedAt: 1, deadline: 2, extraTime: false, seed: 1, questionIds: ['a/b:00000001'], answers: {}, current: 0, notes: [] };
	const v2 = examStoreV1toV2({ version: 1, current: v1Current, history: [v1Attempt, v1Attempt] });
	const store = parseExamStore(JSON.stringify(v2));
	assert.equal(store.history.length, 2);
	assert.deepEqual(store.history.map((a) => a.exam), ['DVA-C02', 'DVA-C02']);
	assert.deepEqual({ ...store.history[0].byDomain }, { deployment: { correct: 1, total: 2 } });
	assert.equal(store.current?.exam, 'DVA-C02');
	assert.equal(parseExamStore(JSON.stringify(examStoreV1toV2({ version: 1, current: null, history: [] }))).current, null);
	assert.throws(() => examStoreV1toV2({ version: 2, current: null, history: [] }));
});

test('a ?seed= value is a seed only when it is a small whole number', () => {
	assert.equal(seedFrom('123'), 123);
	for (const v of [null, undefined, '', 'abc', '-1', '1.5', '12345678901']) assert.equal(seedFrom(v), null);
});
