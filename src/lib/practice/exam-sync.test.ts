import { test } from 'node:test';
import assert from 'node:assert/strict';
import { beginExam, changeExam, conflictOf, deleteAttempt, finishExam, sameExam, updateExam } from './exam-sync.ts';
import { EXAM_KEY, emptyStore, gradeExam, loadExamStore, saveExamStore, startExam, toAttemptRecord, withAnswer, type ExamInProgress } from './practice-exam.ts';
import type { BankQuestion } from './question-bank.ts';
import { memoryStore } from '../../../tests/support/memory-store.ts';

const ids = ['a/b:00000001', 'a/b:00000002', 'a/b:00000003'];
const bank: BankQuestion[] = ids.map((id, i) => ({
	id,
	prompt: `Q${i}?`,
	choices: [
		{ text: 'Right', correct: true },
		{ text: 'Wrong', correct: false },
	],
	explanation: '',
	section: 's',
	chapter: { id: 'a/b', title: 'B' },
	task: '1.1',
	domain: 'development',
}));
const exam = (startedAt = 1_000, seed = 7) => startExam({ ids, shortfalls: [] }, seed, false, startedAt);
const finish = (running: ExamInProgress) => toAttemptRecord(running, gradeExam(bank, running.answers), running.startedAt + 60_000, false);

test('two tabs answering different questions keep both answers', () => {
	const store = memoryStore();
	const access = () => store;
	const started = exam();
	saveExamStore(access, { ...emptyStore(), current: started });
	// Each tab still holds the exam as it was when it loaded.
	const tabA = started;
	const tabB = started;
	updateExam(access, emptyStore(), (s) => changeExam(s, tabB, (run) => withAnswer(run, ids[0], { selected: [0] })));
	const a = updateExam(access, emptyStore(), (s) => changeExam(s, tabA, (run) => withAnswer(run, ids[1], { selected: [1] })));
	assert.ok(a.change.ok && a.saved);
	const stored = loadExamStore(access).store.current!;
	assert.deepEqual(stored.answers[ids[0]].selected, [0]);
	assert.deepEqual(stored.answers[ids[1]].selected, [1]);
});

test('a tab whose exam was submitted elsewhere writes nothing and gets that attempt', () => {
	const store = memoryStore();
	const access = () => store;
	const started = exam();
	saveExamStore(access, { ...emptyStore(), current: withAnswer(started, ids[0], { selected: [0] }) });
	const submitted = updateExam(access, emptyStore(), (s) => finishExam(s, started, finish));
	assert.ok(submitted.change.ok);
	// The attempt graded the stored answers, not the stale copy the tab held.
	assert.equal(submitted.change.value.correct, 1);
	const before = JSON.stringify(loadExamStore(access).store);
	const stale = updateExam(access, emptyStore(), (s) => changeExam(s, started, (run) => withAnswer(run, ids[1], { selected: [0] })));
	assert.equal(stale.change.ok, false);
	assert.equal(!stale.change.ok && stale.change.conflict.kind, 'submitted');
	assert.equal(!stale.change.ok && stale.change.conflict.kind === 'submitted' && stale.change.conflict.attempt.correct, 1);
	assert.equal(JSON.stringify(loadExamStore(access).store), before);
	assert.equal(loadExamStore(access).store.history.length, 1);
	// Submitting twice (two timers at the deadline) adds one attempt only.
	const again = updateExam(access, emptyStore(), (s) => finishExam(s, started, finish));
	assert.equal(again.change.ok, false);
	assert.equal(loadExamStore(access).store.history.length, 1);
});

test('a new exam started elsewhere, or a deleted one, is a conflict; starting over another is refused', () => {
	const first = exam(1_000);
	const second = exam(2_000);
	assert.ok(sameExam(first, exam(1_000)));
	assert.ok(!sameExam(first, second));
	const withSecond = { ...emptyStore(), current: second };
	assert.deepEqual(conflictOf(withSecond, first), { kind: 'replaced', exam: second });
	assert.deepEqual(conflictOf(emptyStore(), first), { kind: 'gone' });
	assert.equal(conflictOf(withSecond, second), null);
	const begun = beginExam(withSecond, first);
	assert.ok(!begun.ok && begun.conflict.kind === 'replaced');
	assert.ok(beginExam(emptyStore(), first).ok);
});

test('deleting an attempt keeps the others and the exam in progress', () => {
	const running = exam(5_000);
	const one = finish(exam(1_000));
	const two = finish(exam(2_000));
	const result = deleteAttempt({ ...emptyStore(), current: running, history: [one, two] }, one);
	assert.ok(result.ok);
	assert.deepEqual(result.ok && result.store.history, [two]);
	assert.equal(result.ok && result.store.current, running);
});

test('without storage the tab works on its own copy', () => {
	const started = exam();
	const update = updateExam(() => null, { ...emptyStore(), current: started }, (s) => changeExam(s, started, (run) => withAnswer(run, ids[2], { selected: [1] })));
	assert.equal(update.saved, false);
	assert.ok(update.change.ok && update.change.store.current?.answers[ids[2]]);
	const broken = memoryStore({ [EXAM_KEY]: 'not json' });
	assert.equal(updateExam(() => broken, emptyStore(), (s) => beginExam(s, started)).saved, true);
});
