import { test } from 'node:test';
import assert from 'node:assert/strict';
import { domainReadiness, weakest } from './readiness.ts';
import type { Attempt } from './practice-exam.ts';
import type { BankQuestion } from './question-bank.ts';

const attempt = (byDomain: Record<string, [number, number]>, answers: Attempt['answers'] = []): Attempt => ({
	exam: 'DVA-C03',
	startedAt: 0,
	finishedAt: 1,
	timedOut: false,
	correct: 0,
	total: 0,
	byDomain: Object.fromEntries(Object.entries(byDomain).map(([id, [correct, total]]) => [id, { correct, total }])),
	answers,
});

test('domains: overall share right across attempts, the last five, the trend; weakest first, unmet last', () => {
	const rows = domainReadiness([attempt({ development: [5, 10], security: [9, 10] }), attempt({ development: [8, 10], security: [6, 10] })], ['development', 'security', 'deployment']);
	assert.deepEqual(rows, [
		{ id: 'development', recent: [50, 80], overall: 65, answered: 20, trend: 'up' },
		{ id: 'security', recent: [90, 60], overall: 75, answered: 20, trend: 'down' },
		{ id: 'deployment', recent: [], overall: null, answered: 0, trend: null },
	]);
	assert.deepEqual(
		domainReadiness([], ['a', 'b']).map((r) => r.id),
		['a', 'b'],
	);
});

test('task statements and skills: graded again from the stored answers, weakest first, only those met often enough', () => {
	const q = (n: number, task: string, skill = `${task}.1`): BankQuestion => ({
		id: `a/b:${String(n).padStart(8, '0')}`,
		prompt: `Q${n}?`,
		choices: [
			{ text: 'Right', correct: true },
			{ text: 'Wrong', correct: false },
		],
		explanation: '',
		section: 's',
		chapter: { id: 'a/b', title: 'B' },
		skill,
		task,
		domain: 'development',
	});
	const qs = [q(1, '1.1'), q(2, '1.1'), q(3, '1.1', '1.1.2'), q(4, '1.2'), q(5, '1.2'), q(6, '1.2'), q(7, '1.3')];
	const bank = new Map(qs.map((x) => [x.id, x]));
	const answers = (right: number[]) => qs.map((x, i) => ({ id: x.id, selected: right.includes(i) ? [0] : [1] }));
	const history = [attempt({}, answers([0, 1, 2, 3])), attempt({}, answers([0, 1, 6]))];
	assert.deepEqual(
		weakest(history, bank, 'task').map((r) => [r.id, r.correct, r.total]),
		[
			['1.2', 1, 6],
			['1.1', 5, 6],
		],
	);
	// By skill with a lower bar: 1.1.2 (1 of 2) and 1.3.1 (1 of 2) come in; 1.1.1 is 4 of 4.
	assert.deepEqual(
		weakest(history, bank, 'skill', 5, 2).map((r) => [r.id, r.correct, r.total]),
		[
			['1.2.1', 1, 6],
			['1.1.2', 1, 2],
			['1.3.1', 1, 2],
			['1.1.1', 4, 4],
		],
	);
});
