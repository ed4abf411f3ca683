import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REVIEW_KEY, clearQueue, dropIds, dueCountText, dueIds, dueInText, planReview, emptyQueue, loadQueue, loadQueueState, nextDue, parseQueue, recordAnswers, withAnswers } from './review-queue.ts';
import { memoryStore } from '../../../tests/support/memory-store.ts';

const DAY = 24 * 60 * 60 * 1000;
const A = 'serverless/lambda:0a1b2c3d';
const B = 'databases/dynamodb:00ff00ff';

test('a wrong answer queues the question in box 1, due at once; right answers move it up to longer waits', () => {
	let q = withAnswers(emptyQueue(), [{ id: A, correct: false }], 1_000);
	assert.deepEqual(q.items[A], { box: 1, due: 1_000 });
	assert.deepEqual(dueIds(q, 1_000), [A]);
	q = withAnswers(q, [{ id: A, correct: true }], 2_000);
	assert.deepEqual(q.items[A], { box: 2, due: 2_000 + DAY });
	assert.deepEqual(dueIds(q, 2_000), []);
	q = withAnswers(q, [{ id: A, correct: true }], 3_000);
	assert.equal(q.items[A].box, 3);
	q = withAnswers(q, [{ id: A, correct: false }], 4_000);
	assert.deepEqual(q.items[A], { box: 1, due: 4_000 });
});

test('a right answer to a question never missed does not queue it, and the top box stays the top', () => {
	let q = withAnswers(emptyQueue(), [{ id: B, correct: true }], 0);
	assert.deepEqual(Object.keys(q.items), []);
	for (let i = 0; i < 8; i += 1) q = withAnswers(q, [{ id: A, correct: i > 0 }], i);
	assert.equal(q.items[A].box, 5);
});

test('due questions come longest-waiting first', () => {
	const q = withAnswers(withAnswers(emptyQueue(), [{ id: B, correct: false }], 10), [{ id: A, correct: false }], 20);
	assert.deepEqual(dueIds(q, 30), [B, A]);
	assert.deepEqual(dueIds(q, 15), [B]);
});

test('stored queues that this site did not write are ignored, never thrown', () => {
	for (const raw of [null, 42, '', '{', '[]', 'null', '{"version":2,"items":{}}', '{"version":1,"items":[]}', `{"version":1,"items":{"x":{"box":1,"due":0}}}`, `{"version":1,"items":{"${A}":{"box":9,"due":0}}}`, `{"version":1,"items":{"${A}":{"box":1,"due":-1}}}`, 'x'.repeat(2_000_000)]) {
		assert.equal(parseQueue(raw), null, String(raw).slice(0, 40));
	}
});

test('answers are stored and read back; unavailable storage reports false and loads empty', () => {
	const store = memoryStore();
	assert.equal(recordAnswers(() => store, [{ id: A, correct: false }], 5), true);
	assert.deepEqual(loadQueue(() => store).items[A], { box: 1, due: 5 });
	assert.ok(store.data.get(REVIEW_KEY));
	assert.equal(recordAnswers(() => null, [{ id: A, correct: false }], 5), false);
	assert.equal(recordAnswers(() => { throw new Error('denied'); }, [{ id: A, correct: false }], 5), false);
	assert.deepEqual(Object.keys(loadQueue(() => { throw new Error('denied'); }).items), []);
});

test('a stored queue that cannot be read is reported and never overwritten', () => {
	const store = memoryStore({ [REVIEW_KEY]: '{"version":2,"items":[]}' });
	assert.equal(loadQueueState(() => store).status, 'unreadable');
	assert.equal(recordAnswers(() => store, [{ id: A, correct: false }], 5), false);
	assert.equal(dropIds(() => store, [A]), false);
	assert.equal(store.data.get(REVIEW_KEY), '{"version":2,"items":[]}');
	assert.equal(loadQueueState(() => memoryStore()).status, 'ok');
	assert.equal(loadQueueState(() => null).status, 'unavailable');
});

test('questions gone from the bank are dropped; the next due time is the earliest and reads plainly', () => {
	const store = memoryStore();
	recordAnswers(() => store, [{ id: A, correct: false }, { id: B, correct: false }], 100);
	assert.equal(dropIds(() => store, [A]), true);
	assert.deepEqual(Object.keys(loadQueue(() => store).items), [B]);
	let q = withAnswers(emptyQueue(), [{ id: A, correct: false }, { id: B, correct: false }], 0);
	q = withAnswers(q, [{ id: A, correct: true }, { id: B, correct: true }, { id: B, correct: true }], 0);
	assert.equal(nextDue(q), DAY);
	assert.equal(nextDue(emptyQueue()), null);
	assert.equal(dueInText(DAY, 0), 'in 1 day');
	assert.equal(dueInText(3 * DAY, 0), 'in 3 days');
	assert.equal(dueInText(2 * 3_600_000, 0), 'in 2 hours');
	assert.equal(dueInText(60_000, 0), 'in 1 minute');
	assert.equal(dueInText(0, 5), 'now');
	assert.equal(dueInText(Number.NaN, 5), 'now');
});

test('a review serves the due questions the bank has and names the ones it lost', () => {
	const q = withAnswers(withAnswers(emptyQueue(), [{ id: B, correct: false }], 10), [{ id: A, correct: false }], 20);
	const plan = planReview(q, [{ id: A, prompt: 'a' }, { id: 'x/y:12345678', prompt: 'y' }], 30);
	assert.deepEqual(plan.due, [{ id: A, prompt: 'a' }]);
	assert.deepEqual(plan.missing, [B]);
	assert.deepEqual(planReview(q, [], 5), { due: [], missing: [] });
	assert.equal(dueCountText(1), '1 question is due for review');
	assert.equal(dueCountText(0), '0 questions are due for review');
});

test('the learner can clear the queue; one this version cannot read is left alone', () => {
	const store = memoryStore();
	recordAnswers(() => store, [{ id: 'a/b:00000001', correct: false }], 0);
	assert.equal(Object.keys(loadQueue(() => store).items).length, 1);
	assert.equal(clearQueue(() => store), true);
	assert.deepEqual(Object.keys(loadQueue(() => store).items), []);
	const newer = memoryStore({ [REVIEW_KEY]: '{"version":9}' });
	assert.equal(clearQueue(() => newer), false);
	assert.equal(newer.data.get(REVIEW_KEY), '{"version":9}');
	assert.equal(clearQueue(() => null), false);
});
