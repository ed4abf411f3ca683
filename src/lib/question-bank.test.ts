import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BANK_FORMAT, duplicateIds, parseBank, questionId, questionTask } from './question-bank.ts';

const question = {
	id: 'serverless/lambda:0a1b2c3d',
	chapter: { id: 'serverless/lambda', title: 'AWS Lambda' },
	task: '1.2',
	domain: 'development',
	prompt: 'Which invocation type retries twice on function errors?',
	choices: [
		{ text: 'Asynchronous', correct: true },
		{ text: 'Synchronous', correct: false },
	],
	explanation: 'Lambda retries asynchronous events twice by default.',
	section: 'invocation-types',
};

test('a question id is the chapter plus a hash of the prompt, stable and insensitive to surrounding spaces', () => {
	const id = questionId('serverless/lambda', 'Which invocation type retries?');
	assert.match(id, /^serverless\/lambda:[0-9a-f]{8}$/);
	assert.equal(questionId('serverless/lambda', '  Which invocation type retries?\n'), id);
	assert.notEqual(questionId('serverless/lambda', 'Which invocation type retries twice?'), id);
	assert.notEqual(questionId('databases/dynamodb', 'Which invocation type retries?'), id);
});

test('a question tests the task it names, else the task tied to its section or a heading above it, else the most named', () => {
	const tasks = ['1.1', '1.2#invocation-types', '4.3#concurrency-and-throttling', '4.3#memory'];
	const headings = [
		{ slug: 'invocation-types', depth: 2 },
		{ slug: 'asynchronous', depth: 3 },
		{ slug: 'retries', depth: 4 },
		{ slug: 'concurrency-and-throttling', depth: 2 },
		{ slug: 'layers', depth: 2 },
	];
	assert.equal(questionTask(tasks, 'invocation-types', undefined, headings), '1.2');
	assert.equal(questionTask(tasks, 'concurrency-and-throttling', undefined, headings), '4.3');
	assert.equal(questionTask(tasks, 'retries', undefined, headings), '1.2', 'inherits from the h2 above its h3');
	assert.equal(questionTask(tasks, 'layers', undefined, headings), '4.3', 'most named');
	assert.equal(questionTask(['1.1', '2.1'], 'layers'), '1.1', 'a tie goes to the first');
	assert.equal(questionTask(tasks, 'layers', '3.1', headings), '3.1');
	assert.equal(questionTask([], 'layers'), undefined);
});

test('duplicate ids are reported once each', () => {
	assert.deepEqual(duplicateIds([{ id: 'a' }, { id: 'b' }, { id: 'a' }, { id: 'a' }]), ['a']);
	assert.deepEqual(duplicateIds([{ id: 'a' }, { id: 'b' }]), []);
});

test('a well-formed bank is read back', () => {
	const result = parseBank({ format: BANK_FORMAT, questions: [question] });
	assert.ok(result.ok);
	assert.equal(result.value.questions.length, 1);
});

test('a malformed bank is refused with a reason, never thrown', () => {
	const bad: unknown[] = [
		null,
		'text',
		42,
		[],
		{},
		{ format: 2, questions: [question] },
		{ format: BANK_FORMAT },
		{ format: BANK_FORMAT, questions: [] },
		{ format: BANK_FORMAT, questions: [null] },
		{ format: BANK_FORMAT, questions: [{ ...question, id: '' }] },
		{ format: BANK_FORMAT, questions: [{ ...question, choices: [{ text: 'only one', correct: true }] }] },
		{ format: BANK_FORMAT, questions: [{ ...question, choices: question.choices.map((c) => ({ ...c, correct: false })) }] },
		{ format: BANK_FORMAT, questions: [{ ...question, chapter: null }] },
		{ format: BANK_FORMAT, questions: [question, { ...question, task: 7 }] },
	];
	for (const raw of bad) {
		const result = parseBank(raw);
		assert.equal(result.ok, false, JSON.stringify(raw));
		if (!result.ok) assert.match(result.error, /question bank|Question \d+/);
	}
});
