import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DRAFT_KEY, clearDrafts, loadDraft, questionsSignature, saveDraft } from './quiz-draft.ts';
import type { KeyValueStore, QuizQuestion } from './quiz.ts';
import { memoryStore } from '../../../tests/support/memory-store.ts';

const questions: QuizQuestion[] = [
	{
		prompt: 'Which load balancer supports UDP listeners?',
		choices: [
			{ text: 'Application Load Balancer', correct: false },
			{ text: 'Network Load Balancer', correct: true },
			{ text: 'Classic Load Balancer', correct: false },
		],
		explanation: 'Only NLB has UDP listeners.',
		section: 'types',
	},
	{
		prompt: 'Which two are Layer 7 features?',
		choices: [
			{ text: 'Path routing', correct: true },
			{ text: 'Host routing', correct: true },
			{ text: 'Static IP per AZ', correct: false },
			{ text: 'UDP', correct: false },
		],
		explanation: 'Path and host routing are ALB rules.',
		section: 'routing',
	},
];

const draft = [
	{ order: [2, 0, 1], selected: [1], checked: true },
	{ order: [0, 1, 2, 3], selected: [0, 3], checked: false },
];

test('a saved draft comes back as it was', () => {
	const store = memoryStore();
	assert.equal(saveDraft(() => store, 'scaling/elb', questions, draft), true);
	assert.deepEqual(loadDraft(() => store, 'scaling/elb', questions), draft);
});

test('drafts of several chapters live side by side; null removes one', () => {
	const store = memoryStore();
	saveDraft(() => store, 'a/one', questions, draft);
	saveDraft(() => store, 'b/two', questions, draft);
	saveDraft(() => store, 'a/one', questions, null);
	assert.equal(loadDraft(() => store, 'a/one', questions), null);
	assert.deepEqual(loadDraft(() => store, 'b/two', questions), draft);
	saveDraft(() => store, 'b/two', questions, null);
	assert.equal(store.data.has(DRAFT_KEY), false);
});

test('a draft for changed questions is not applied', () => {
	const store = memoryStore();
	saveDraft(() => store, 'scaling/elb', questions, draft);
	const edited = [{ ...questions[0], prompt: 'Which load balancer supports UDP listeners today?' }, questions[1]];
	assert.notEqual(questionsSignature(edited), questionsSignature(questions));
	assert.equal(loadDraft(() => store, 'scaling/elb', edited), null);
	const rekeyed = [questions[0], { ...questions[1], choices: questions[1].choices.map((c, i) => ({ ...c, correct: i === 2 })) }];
	assert.equal(loadDraft(() => store, 'scaling/elb', rekeyed), null);
});

test('corrupt, foreign or out-of-range stored data is ignored, never thrown', () => {
	const signature = questionsSignature(questions);
	const wrap = (answers: unknown) => JSON.stringify({ version: 1, chapters: { 'scaling/elb': { signature, answers } } });
	const bad = [
		'{not json',
		'[]',
		'null',
		JSON.stringify({ version: 2, chapters: {} }),
		JSON.stringify({ version: 1, chapters: [] }),
		wrap('x'),
		wrap([draft[0]]),
		wrap([{ ...draft[0], order: [0, 0, 1] }, draft[1]]),
		wrap([{ ...draft[0], selected: [3] }, draft[1]]),
		wrap([{ ...draft[0], selected: [0, 1, 2, 0] }, draft[1]]),
		wrap([{ ...draft[0], selected: ['1'] }, draft[1]]),
		wrap([null, draft[1]]),
		'x'.repeat(300_000),
	];
	for (const raw of bad) assert.equal(loadDraft(() => memoryStore({ [DRAFT_KEY]: raw }), 'scaling/elb', questions), null, raw.slice(0, 60));
});

test('a checked answer with nothing selected is read as not checked', () => {
	const store = memoryStore();
	saveDraft(() => store, 'scaling/elb', questions, [{ order: [0, 1, 2], selected: [], checked: true }, draft[1]]);
	assert.equal(loadDraft(() => store, 'scaling/elb', questions)?.[0].checked, false);
});

test('unavailable or throwing storage and odd chapter ids never throw', () => {
	const throwing: KeyValueStore = {
		getItem() {
			throw new Error('SecurityError');
		},
		setItem() {
			throw new Error('QuotaExceededError');
		},
		removeItem() {
			throw new Error('SecurityError');
		},
	};
	assert.equal(loadDraft(() => throwing, 'scaling/elb', questions), null);
	assert.equal(saveDraft(() => throwing, 'scaling/elb', questions, draft), false);
	assert.equal(clearDrafts(() => throwing), false);
	assert.equal(saveDraft(() => null, 'scaling/elb', questions, draft), false);
	assert.equal(saveDraft(() => memoryStore(), '../etc', questions, draft), false);
	assert.equal(
		loadDraft(
			() => {
				throw new Error('blocked');
			},
			'scaling/elb',
			questions,
		),
		null,
	);
});

test('clearDrafts removes every chapter', () => {
	const store = memoryStore();
	saveDraft(() => store, 'scaling/elb', questions, draft);
	assert.equal(clearDrafts(() => store), true);
	assert.equal(store.data.has(DRAFT_KEY), false);
});
