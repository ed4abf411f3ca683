import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BANK_FORMAT, BANK_UNREACHABLE, duplicateIds, loadBank, parseBank, questionId } from './question-bank.ts';

const question = {
	id: 'serverless/lambda:0a1b2c3d',
	chapter: { id: 'serverless/lambda', title: 'AWS Lambda' },
	skill: '1.2.3',
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

test('a written id keeps a question\'s identity when its prompt is reworded', () => {
	assert.equal(questionId('serverless/lambda', 'Reworded prompt', '5e5e81ba'), 'serverless/lambda:5e5e81ba');
	assert.equal(questionId('serverless/lambda', 'Another wording', '5e5e81ba'), 'serverless/lambda:5e5e81ba');
});

test('an out-of-scope question carries its reason instead of a skill', () => {
	const { skill: _s, task: _t, domain: _d, ...rest } = question;
	const out = { ...rest, outOfScope: 'AWS AppSync is not in the DVA-C03 in-scope services list.' };
	assert.ok(parseBank({ format: BANK_FORMAT, questions: [out] }).ok);
	assert.equal(parseBank({ format: BANK_FORMAT, questions: [{ ...out, skill: '1.1.4' }] }).ok, false, 'not both');
	assert.equal(parseBank({ format: BANK_FORMAT, questions: [rest] }).ok, false, 'neither');
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
		{ format: 1, questions: [question] },
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

test('loading the bank tells a failed download from a malformed bank, and never throws', async () => {
	const answer = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status });
	const good = await loadBank('/b.json', answer(200, { format: BANK_FORMAT, questions: [question] }));
	assert.ok(good.ok && good.value.length === 1);
	assert.deepEqual(await loadBank('/b.json', answer(404, {})), { ok: false, error: BANK_UNREACHABLE, unreachable: true });
	assert.deepEqual(await loadBank('/b.json', async () => { throw new Error('offline'); }), { ok: false, error: BANK_UNREACHABLE, unreachable: true });
	const bad = await loadBank('/b.json', answer(200, { format: 1, questions: [question] }));
	assert.equal(bad.ok, false);
	if (!bad.ok) assert.equal(bad.unreachable, false);
});
