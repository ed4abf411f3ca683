import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
	PROGRESS_KEY,
	answerLine,
	attemptText,
	chapterProgress,
	choiceLetter,
	choiceMark,
	chooseHint,
	clearProgress,
	correctIndexes,
	emptyProgress,
	feedbackDetail,
	grade,
	hasProgress,
	isChapterId,
	isMultipleAnswer,
	joinLetters,
	loadProgress,
	parseProgress,
	percent,
	presented,
	promptText,
	reordered,
	saveProgress,
	scoreOf,
	scoreText,
	serialiseProgress,
	summariseProgress,
	summaryText,
	toggleChoice,
	updateProgress,
	withAttempt,
	withRead,
	blankAnswer,
	withCheck,
	withChoice,
} from './quiz.ts';
import type { KeyValueStore, Progress, QuizQuestion } from './quiz.ts';
import { memoryStore } from '../../../tests/support/memory-store.ts';

const single: QuizQuestion = {
	prompt: 'Which load balancer supports UDP listeners?',
	choices: [
		{ text: 'Application Load Balancer', correct: false },
		{ text: 'Network Load Balancer', correct: true },
		{ text: 'Classic Load Balancer', correct: false },
	],
	explanation: 'The NLB works at Layer 4 and supports UDP.',
	section: 'load-balancer-types',
};

const multiple: QuizQuestion = {
	prompt: 'Which conditions can an ALB listener rule use? (Choose two.)',
	choices: [
		{ text: 'Path pattern', correct: true },
		{ text: 'TCP sequence number', correct: false },
		{ text: 'Query string', correct: true },
		{ text: 'MAC address', correct: false },
	],
	explanation: 'Rules match on host, path, headers, method, query string and source IP.',
	section: 'listener-rules',
};

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

function stored(chapters: unknown, version: unknown = 1): string {
	return JSON.stringify({ version, chapters });
}

describe('questions', () => {
	test('letters and lists of letters', () => {
		assert.equal(choiceLetter(0), 'A');
		assert.equal(choiceLetter(5), 'F');
		assert.equal(choiceLetter(-1), '?');
		assert.equal(choiceLetter(1.5), '?');
		assert.equal(joinLetters([]), '');
		assert.equal(joinLetters([1]), 'B');
		assert.equal(joinLetters([0, 2]), 'A and C');
		assert.equal(joinLetters([0, 1, 3]), 'A, B and D');
	});

	test('single- and multiple-answer questions', () => {
		assert.deepEqual(correctIndexes(single), [1]);
		assert.equal(isMultipleAnswer(single), false);
		assert.equal(chooseHint(single), undefined);
		assert.deepEqual(correctIndexes(multiple), [0, 2]);
		assert.equal(isMultipleAnswer(multiple), true);
		assert.equal(chooseHint(multiple), '(Choose two.)');
		const three = { ...multiple, choices: multiple.choices.map((c) => ({ ...c, correct: c.text !== 'MAC address' })) };
		assert.equal(chooseHint(three), '(Choose three.)');
	});

	test('the prompt loses an author-written hint so it is not shown twice', () => {
		assert.equal(promptText(multiple), 'Which conditions can an ALB listener rule use?');
		assert.equal(promptText({ ...single, prompt: 'Pick the right ones (Select TWO)' }), 'Pick the right ones');
		assert.equal(promptText(single), single.prompt);
		// Only a trailing hint goes; a hint mid-sentence is the author's prose.
		assert.equal(promptText({ ...single, prompt: 'Why (choose two.) here?' }), 'Why (choose two.) here?');
	});

	test('radios replace the selection, checkboxes toggle', () => {
		assert.deepEqual(toggleChoice([], 2, false), [2]);
		assert.deepEqual(toggleChoice([2], 0, false), [0]);
		assert.deepEqual(toggleChoice([], 2, true), [2]);
		assert.deepEqual(toggleChoice([2], 0, true), [0, 2]);
		assert.deepEqual(toggleChoice([0, 2], 2, true), [0]);
		assert.deepEqual(toggleChoice([1], -1, true), [1]);
		assert.deepEqual(toggleChoice([1], Number.NaN, false), [1]);
	});

	test('grading a single-answer question', () => {
		assert.deepEqual(grade(single, [1]), { ok: true, value: { correct: true, answer: [1], selected: [1] } });
		assert.deepEqual(grade(single, [0]), { ok: true, value: { correct: false, answer: [1], selected: [0] } });
	});

	test('grading a multiple-answer question needs every correct choice and no other', () => {
		const right = grade(multiple, [2, 0]);
		assert.ok(right.ok && right.value.correct);
		assert.deepEqual(right.ok && right.value.selected, [0, 2]);
		const wrong = grade(multiple, [0, 1]);
		assert.ok(wrong.ok && !wrong.value.correct);
	});

	test('an incomplete selection is a message, not a wrong answer', () => {
		assert.deepEqual(grade(single, []), { ok: false, error: 'Select an answer, then check.' });
		assert.deepEqual(grade(multiple, []), { ok: false, error: 'Select two answers, then check.' });
		assert.deepEqual(grade(multiple, [0]), { ok: false, error: 'Select two answers (you selected one), then check.' });
		assert.deepEqual(grade(multiple, [0, 1, 2]), {
			ok: false,
			error: 'Select two answers (you selected three), then check.',
		});
		assert.equal(grade(single, [0, 1]).ok, false);
	});

	test('bad selections never throw', () => {
		assert.equal(grade(single, [7]).ok, false);
		assert.equal(grade(single, [-1]).ok, false);
		assert.equal(grade(single, [Number.NaN]).ok, false);
		assert.equal(grade(single, [0.5]).ok, false);
		// Duplicates count once.
		assert.ok(grade(single, [1, 1]).ok);
		const noAnswer = { ...single, choices: single.choices.map((c) => ({ ...c, correct: false })) };
		assert.equal(grade(noAnswer, [0]).ok, false);
	});

	test('feedback names the choices in words and letters', () => {
		const ok = grade(single, [1]);
		const bad = grade(multiple, [0, 1]);
		assert.ok(ok.ok && bad.ok);
		assert.equal(feedbackDetail(ok.value), 'The correct answer is B.');
		assert.equal(feedbackDetail(bad.value), 'You chose A and B; the correct answers are A and C.');
		assert.equal(answerLine(multiple), 'Answer: A and C.');
		assert.equal(choiceMark(true, true), 'correct answer, your choice');
		assert.equal(choiceMark(true, false), 'correct answer');
		assert.equal(choiceMark(false, true), 'your choice, incorrect');
		assert.equal(choiceMark(false, false), undefined);
	});

	test('score counts checked questions', () => {
		assert.deepEqual(scoreOf([]), { correct: 0, answered: 0, total: 0 });
		assert.deepEqual(scoreOf([true, false, null, undefined, true]), { correct: 2, answered: 3, total: 5 });
		assert.equal(scoreText({ correct: 2, total: 5 }), '2 of 5 correct');
		assert.equal(percent(2, 3), 67);
		assert.equal(percent(0, 0), 0);
		assert.equal(percent(Number.NaN, 4), 0);
		assert.equal(percent(9, 4), 100);
		assert.equal(attemptText({ correct: 5, total: 6 }), '5 of 6 (83%)');
	});
});

describe('progress record', () => {
	test('round trip', () => {
		let p = withRead(emptyProgress(), 'foundations/iam', true);
		p = withAttempt(p, 'scaling/elastic-load-balancing', { correct: 4, total: 6 });
		const again = parseProgress(serialiseProgress(p));
		assert.deepEqual(chapterProgress(again, 'foundations/iam'), { read: true, last: null, best: null });
		assert.deepEqual(chapterProgress(again, 'scaling/elastic-load-balancing'), {
			read: false,
			last: { correct: 4, total: 6 },
			best: { correct: 4, total: 6 },
		});
		assert.deepEqual(JSON.parse(serialiseProgress(p)), {
			version: 1,
			chapters: {
				'foundations/iam': { read: true },
				'scaling/elastic-load-balancing': { last: { correct: 4, total: 6 }, best: { correct: 4, total: 6 } },
			},
		});
	});

	test('best keeps the highest percentage, last the latest run', () => {
		let p = withAttempt(emptyProgress(), 'dns/route-53', { correct: 3, total: 4 });
		p = withAttempt(p, 'dns/route-53', { correct: 1, total: 4 });
		assert.deepEqual(chapterProgress(p, 'dns/route-53').best, { correct: 3, total: 4 });
		assert.deepEqual(chapterProgress(p, 'dns/route-53').last, { correct: 1, total: 4 });
		// The chapter gained a question: 4 of 5 (80%) beats 3 of 4 (75%).
		p = withAttempt(p, 'dns/route-53', { correct: 4, total: 5 });
		assert.deepEqual(chapterProgress(p, 'dns/route-53').best, { correct: 4, total: 5 });
	});

	test('changes do not mutate the old record', () => {
		const before = withRead(emptyProgress(), 'foundations/iam', true);
		const after = withRead(before, 'foundations/iam', false);
		assert.equal(chapterProgress(before, 'foundations/iam').read, true);
		assert.equal(chapterProgress(after, 'foundations/iam').read, false);
		// Unread with no score leaves nothing behind.
		assert.equal(hasProgress(after), false);
	});

	test('a read mark keeps the scores and the other way round', () => {
		let p = withAttempt(emptyProgress(), 'storage/ebs', { correct: 2, total: 3 });
		p = withRead(p, 'storage/ebs', true);
		p = withAttempt(p, 'storage/ebs', { correct: 3, total: 3 });
		assert.deepEqual(chapterProgress(p, 'storage/ebs'), {
			read: true,
			last: { correct: 3, total: 3 },
			best: { correct: 3, total: 3 },
		});
	});

	test('bad ids and scores leave the record unchanged', () => {
		const p = emptyProgress();
		assert.equal(withRead(p, '', true), p);
		assert.equal(withRead(p, '../etc', true), p);
		assert.equal(withRead(p, '__proto__', true), p);
		assert.equal(withAttempt(p, 'foundations/iam', { correct: 5, total: 4 }), p);
		assert.equal(withAttempt(p, 'foundations/iam', { correct: -1, total: 4 }), p);
		assert.equal(withAttempt(p, 'foundations/iam', { correct: 1, total: 0 }), p);
		assert.equal(withAttempt(p, 'foundations/iam', { correct: Number.NaN, total: 4 }), p);
		assert.equal(withAttempt(p, 'foundations/iam', { correct: 1.5, total: 4 }), p);
	});

	test('chapter ids', () => {
		assert.ok(isChapterId('scaling/elastic-load-balancing'));
		assert.ok(isChapterId('smoke-test'));
		for (const bad of ['', '/iam', 'iam/', 'IAM', 'a//b', 'a b', '__proto__', 'x'.repeat(201), 42, null]) {
			assert.equal(isChapterId(bad), false, String(bad));
		}
	});

	test('lookups of unknown or prototype-named chapters find nothing', () => {
		const p = parseProgress(stored({ 'foundations/iam': { read: true } }));
		assert.equal(chapterProgress(p, 'constructor').read, false);
		assert.equal(chapterProgress(p, 'toString').best, null);
		assert.equal(chapterProgress(p, 'no/such-chapter').read, false);
	});
});

describe('bad stored data never throws and keeps what is valid', () => {
	const cases: [string, unknown][] = [
		['nothing stored', null],
		['undefined', undefined],
		['empty string', ''],
		['corrupt JSON', '{"version":1,"chapters":{'],
		['not JSON at all', 'read=true'],
		['JSON null', 'null'],
		['a number', '42'],
		['an array', '[1,2,3]'],
		['a string', '"hello"'],
		['no version', JSON.stringify({ chapters: { 'foundations/iam': { read: true } } })],
		['a future version', stored({ 'foundations/iam': { read: true } }, 2)],
		['version as a string', stored({ 'foundations/iam': { read: true } }, '1')],
		['chapters is an array', stored([{ read: true }])],
		['chapters is a string', stored('foundations/iam')],
		['a huge value', stored({ 'foundations/iam': { read: true, pad: 'x'.repeat(250_000) } })],
		['not a string (a number from a fake store)', 7],
		['an object instead of a string', { version: 1, chapters: {} }],
	];
	for (const [name, raw] of cases) {
		test(name, () => {
			const p = parseProgress(raw);
			assert.equal(hasProgress(p), false);
		});
	}

	test('wrong shapes inside chapters are dropped one by one', () => {
		const p = parseProgress(
			stored({
				'foundations/iam': { read: true },
				'storage/ebs': { read: 'yes' },
				'dns/route-53': { best: { correct: '3', total: 4 } },
				'dns/dns-fundamentals': { best: { correct: 5, total: 4 } },
				'scaling/auto-scaling-groups': { best: { correct: 1, total: 0 } },
				'databases/rds-proxy': 'read',
				'databases/rds-aurora-elasticache': null,
				'foundations/accessing-aws': [true],
				'ec2-and-networking/ssh': { read: true, best: { correct: 2.5, total: 3 } },
				'scaling/elastic-load-balancing': { last: { correct: 2, total: 3 } },
				'NOT A VALID ID': { read: true },
				'../../etc/passwd': { read: true },
				__proto__: { read: true },
				constructor: { read: true },
			}),
		);
		assert.deepEqual(Object.keys(p.chapters).sort(), [
			'constructor',
			'ec2-and-networking/ssh',
			'foundations/iam',
			'scaling/elastic-load-balancing',
		]);
		// A read mark survives a broken score beside it.
		assert.deepEqual(chapterProgress(p, 'ec2-and-networking/ssh'), { read: true, last: null, best: null });
		// A last score with no best counts as the best.
		assert.deepEqual(chapterProgress(p, 'scaling/elastic-load-balancing').best, { correct: 2, total: 3 });
		assert.equal(Object.getPrototypeOf({}).read, undefined, 'Object.prototype untouched');
	});

	test('a __proto__ key in the JSON does not reach the prototype', () => {
		const p = parseProgress('{"version":1,"chapters":{"__proto__":{"read":true},"foundations/iam":{"read":true}}}');
		assert.deepEqual(Object.keys(p.chapters), ['foundations/iam']);
		assert.equal(({} as Record<string, unknown>).read, undefined);
	});

	test('unknown chapter ids are kept but do not count in the summary', () => {
		const p = parseProgress(
			stored({
				'foundations/iam': { read: true, best: { correct: 3, total: 4 } },
				'old/removed-chapter': { read: true, best: { correct: 0, total: 4 } },
			}),
		);
		assert.deepEqual(summariseProgress(p, ['foundations/iam', 'storage/ebs']), {
			read: 1,
			total: 2,
			scored: 1,
			averagePercent: 75,
		});
	});
});

describe('summary', () => {
	test('average of the best percentages, rounded', () => {
		let p = withAttempt(emptyProgress(), 'a/one', { correct: 1, total: 3 });
		p = withAttempt(p, 'a/two', { correct: 4, total: 4 });
		p = withRead(p, 'a/two', true);
		const s = summariseProgress(p, ['a/one', 'a/two', 'a/three', 'a/two']);
		assert.deepEqual(s, { read: 1, total: 3, scored: 2, averagePercent: 67 });
		assert.equal(summaryText(s), '1 of 3 chapters read, average quiz score 67%');
	});

	test('no scores yet', () => {
		const s = summariseProgress(emptyProgress(), ['a/one']);
		assert.deepEqual(s, { read: 0, total: 1, scored: 0, averagePercent: null });
		assert.equal(summaryText(s), '0 of 1 chapter read, no quiz scores yet');
		assert.equal(summaryText(summariseProgress(emptyProgress(), [])), '0 of 0 chapters read, no quiz scores yet');
	});
});

describe('storage', () => {
	test('load, save and clear through a working store', () => {
		const store = memoryStore();
		assert.deepEqual(loadProgress(() => store), { progress: emptyProgress(), available: true });
		const p = withRead(emptyProgress(), 'foundations/iam', true);
		assert.equal(saveProgress(() => store, p), true);
		assert.ok(store.data.has(PROGRESS_KEY));
		assert.equal(chapterProgress(loadProgress(() => store).progress, 'foundations/iam').read, true);
		assert.equal(clearProgress(() => store), true);
		assert.equal(store.data.has(PROGRESS_KEY), false);
	});

	test('corrupt stored JSON loads as empty and is replaced on the next save', () => {
		const store = memoryStore({ [PROGRESS_KEY]: '{not json' });
		const loaded = loadProgress(() => store);
		assert.equal(loaded.available, true);
		assert.equal(hasProgress(loaded.progress), false);
		updateProgress(() => store, (p) => withRead(p, 'foundations/iam', true), emptyProgress());
		assert.equal(chapterProgress(parseProgress(store.data.get(PROGRESS_KEY)), 'foundations/iam').read, true);
	});

	test('a store that throws, or no store, means no persistence and no exception', () => {
		for (const access of [() => throwing, () => null, () => undefined, (): KeyValueStore => { throw new Error('denied'); }]) {
			assert.deepEqual(loadProgress(access), { progress: emptyProgress(), available: false });
			assert.equal(saveProgress(access, emptyProgress()), false);
			assert.equal(clearProgress(access), false);
		}
	});

	test('a full store (setItem throws) reports not saved', () => {
		const store = { ...memoryStore(), setItem: throwing.setItem };
		assert.equal(saveProgress(() => store, emptyProgress()), false);
		const result = updateProgress(() => store, (p) => withRead(p, 'foundations/iam', true), emptyProgress());
		assert.equal(result.saved, false);
		assert.equal(chapterProgress(result.progress, 'foundations/iam').read, true);
	});

	test('update starts from what another tab stored', () => {
		const store = memoryStore();
		saveProgress(() => store, withRead(emptyProgress(), 'storage/ebs', true));
		const stale: Progress = emptyProgress();
		const { progress, saved } = updateProgress(() => store, (p) => withRead(p, 'foundations/iam', true), stale);
		assert.equal(saved, true);
		assert.deepEqual(Object.keys(progress.chapters).sort(), ['foundations/iam', 'storage/ebs']);
	});

	test('update without storage keeps the in-memory progress going', () => {
		const memory = withRead(emptyProgress(), 'storage/ebs', true);
		const { progress, saved } = updateProgress(() => throwing, (p) => withRead(p, 'foundations/iam', true), memory);
		assert.equal(saved, false);
		assert.deepEqual(Object.keys(progress.chapters).sort(), ['foundations/iam', 'storage/ebs']);
	});
});

describe('presented order', () => {
	test('keeps every choice and its key, in an order fixed by the prompt', () => {
		const shown = presented(multiple);
		assert.deepEqual(
			[...shown.choices].sort((a, b) => a.text.localeCompare(b.text)),
			[...multiple.choices].sort((a, b) => a.text.localeCompare(b.text)),
		);
		assert.deepEqual(presented(multiple), shown);
		assert.deepEqual(reordered(multiple, [0, 1, 2, 3, 4].slice(0, multiple.choices.length)), multiple);
	});
});

test('an answer on screen: clicks change the selection and clear a message, a check grades or explains, a checked answer stays', () => {
	let state = withChoice(blankAnswer(), multiple, 2);
	assert.deepEqual(state.selected, [2]);
	state = withCheck(state, multiple);
	assert.equal(state.result, null);
	assert.equal(state.error, 'Select two answers (you selected one), then check.');
	state = withChoice(state, multiple, 0);
	assert.deepEqual(state, { selected: [0, 2], result: null, error: null });
	state = withCheck(state, multiple);
	assert.equal(state.result?.correct, true);
	assert.equal(withChoice(state, multiple, 1), state, 'no change once checked');
	assert.equal(withCheck(state, multiple), state);
	// A radio replaces the selection.
	assert.deepEqual(withChoice(withChoice(blankAnswer(), single, 0), single, 1).selected, [1]);
	assert.equal(withCheck(withChoice(blankAnswer(), single, 0), single).result?.correct, false);
});
