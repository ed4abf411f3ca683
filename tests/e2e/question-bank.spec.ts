import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { test, expect } from './fixtures.ts';
import { htmlFiles } from '../../src/integrations/html-files.ts';
import { TEST_DIST } from '../support/test-site.ts';
import { EXAM_GUIDE, EXAM_SKILLS, EXAM_TASKS } from '../../src/exam-guide.ts';
import { parseBank } from '../../src/lib/practice/question-bank.ts';
import { EXAM_QUESTIONS, domainQuotas, drawExam } from '../../src/lib/practice/practice-exam.ts';
import { MAX_STRATEGY_ADVANTAGE, cueFigures } from '../../src/lib/practice/question-cues.ts';

function builtBank() {
	const bank = parseBank(JSON.parse(readFileSync(`${TEST_DIST}/question-bank.json`, 'utf8')));
	if (!bank.ok) throw new Error(bank.error);
	return bank.value.questions;
}

// The no-JavaScript and printed answer of every question, as a reader sees it: "Answer: B and D."
const ANSWER = /Answer: ([A-F](?:(?:, | and )[A-F])*)\./g;

/** Every answer key in the built site, as the set of letters a reader would have to pick. */
function builtKeys(): { page: string; key: string }[] {
	return htmlFiles(TEST_DIST).flatMap((file) =>
		[...readFileSync(file, 'utf8').matchAll(ANSWER)].map((m) => ({
			page: relative(TEST_DIST, file),
			key: (m[1].match(/[A-F]/g) ?? []).join(''),
		})),
	);
}

test('answer positions in the whole bank do not give the answers away', () => {
	const keys = builtKeys();
	const single = keys.filter((k) => k.key.length === 1);
	const multiple = keys.filter((k) => k.key.length > 1);
	expect(single.length, 'single-answer questions found in the built pages').toBeGreaterThan(50);
	expect(multiple.length, 'multiple-answer questions found').toBeGreaterThan(5);

	const counts = new Map<string, number>();
	for (const { key } of single) counts.set(key, (counts.get(key) ?? 0) + 1);
	const summary = [...counts].sort().map(([letter, n]) => `${letter} ${n}`).join(', ');
	for (const [letter, n] of counts) {
		expect(n / single.length, `share of single-answer keys that are ${letter} (${summary})`).toBeLessThanOrEqual(0.4);
	}
	expect(new Set(multiple.map((k) => k.key)).size, 'distinct multiple-answer keys').toBeGreaterThan(1);
});

test('option lengths do not give the answers away: always ticking the longest, or the shortest, scores no better than chance allows', () => {
	const questions = builtBank();
	const f = cueFigures(questions);
	const said = `${f.questions} questions: longest ${f.longest.toFixed(1)}, shortest ${f.shortest.toFixed(1)}, random ${f.blind.toFixed(1)}`;
	expect(f.longest, said).toBeLessThanOrEqual(MAX_STRATEGY_ADVANTAGE * f.blind);
	expect(f.shortest, said).toBeLessThanOrEqual(MAX_STRATEGY_ADVANTAGE * f.blind);
	// The exam's two formats.
	for (const q of questions) {
		const keys = q.choices.filter((c) => c.correct).length;
		if (keys === 1) expect(q.choices, q.id).toHaveLength(4);
		else expect(q.choices.length, q.id).toBeGreaterThanOrEqual(5);
	}
});

test('every question in scope names a skill; the exam mix follows the weights in the exam guide data', () => {
	const questions = builtBank();
	for (const q of questions) expect(Boolean(q.skill) !== Boolean(q.outOfScope), q.id).toBe(true);
	const domains = EXAM_GUIDE.map((d) => ({ id: d.id, weight: d.weight }));
	const draw = drawExam(questions, domains, new Set(), 7);
	const byId = new Map(questions.map((q) => [q.id, q]));
	const drawn = draw.ids.map((id) => byId.get(id)!);
	expect(drawn.filter((q) => q.outOfScope), 'out-of-scope questions drawn').toEqual([]);
	const counts: Record<string, number> = {};
	for (const q of drawn) counts[q.domain!] = (counts[q.domain!] ?? 0) + 1;
	expect(counts).toEqual({ ...domainQuotas(domains, EXAM_QUESTIONS) });
});

test('every DVA-C03 task has at least 15 practice questions, every skill at least 2, and task 2.3 at least 20', () => {
	const perSkill = new Map<string, number>();
	for (const q of builtBank()) if (q.skill) perSkill.set(q.skill, (perSkill.get(q.skill) ?? 0) + 1);
	const thin = [...EXAM_SKILLS.keys()].filter((id) => (perSkill.get(id) ?? 0) < 2).map((id) => `${id}: ${perSkill.get(id) ?? 0}`);
	expect(thin, 'skills with fewer than 2 questions').toEqual([]);
	for (const [task, { skills }] of EXAM_TASKS) {
		const count = skills.reduce((n, s) => n + (perSkill.get(s.id) ?? 0), 0);
		expect(count, `questions for task ${task}`).toBeGreaterThanOrEqual(task === '2.3' ? 20 : 15);
	}
});

test('the bank fills two practice exams in the exam proportions without repeating a question', () => {
	const questions = builtBank();
	const domains = EXAM_GUIDE.map((d) => ({ id: d.id, weight: d.weight }));
	const first = drawExam(questions, domains, new Set(), 1);
	// The second exam favours what the first did not show, as it would for a learner who sat the first.
	const second = drawExam(questions, domains, new Set(first.ids), 2);
	for (const draw of [first, second]) {
		expect(draw.ids).toHaveLength(EXAM_QUESTIONS);
		expect(draw.shortfalls, 'domains with fewer questions than their share').toEqual([]);
	}
	const repeated = second.ids.filter((id) => first.ids.includes(id));
	expect(repeated, `questions in both exams (bank of ${questions.length})`).toEqual([]);
});
