import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultImages, defaultRules, evaluate, nextPriority, patternMatches, selects } from './ecr-lifecycle.ts';
import type { Evaluation, ImageInput, RuleInput } from './ecr-lifecycle.ts';

const rule = (r: Partial<RuleInput>): RuleInput => ({
	priority: '1',
	tagStatus: 'tagged',
	listKind: 'tagPrefixList',
	list: '',
	countType: 'imageCountMoreThan',
	countNumber: '1',
	...r,
});
const img = (tags: string, days: number): ImageInput => ({ tags, pushedDaysAgo: String(days) });

function ok(images: ImageInput[], rules: RuleInput[]): Evaluation {
	const r = evaluate(images, rules);
	assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.errors));
	return r.value;
}
const expired = (e: Evaluation) => e.images.filter((i) => i.fate === 'expire').map((i) => i.image.number);
function errors(images: ImageInput[], rules: RuleInput[]): Record<string, string> {
	const r = evaluate(images, rules);
	assert.equal(r.ok, false);
	return r.ok ? {} : r.errors;
}

// The repository of the user guide's "Filtering on multiple rules" examples: A, B, C.
const ABC = [img('beta-1, prod-1', 10), img('beta-2, prod-2', 9), img('beta-3', 8)];

test('guide example A: a lower-priority rule cannot expire an image that matches a higher rule', () => {
	const e = ok(ABC, [rule({ priority: '1', list: 'prod' }), rule({ priority: '2', list: 'beta' })]);
	assert.deepEqual(expired(e), [1]);
	// Rule 2 counts A, B and C, keeps C, and would mark A and B: A is already expired and B belongs to rule 1.
	const step2 = e.steps[1];
	assert.deepEqual(step2.selected, [3, 2, 1]);
	assert.deepEqual(step2.expires, []);
	assert.deepEqual(step2.protected, [
		{ image: 1, by: 1 },
		{ image: 2, by: 1 },
	]);
	assert.match(e.images[1].why, /Rule 2 would expire it, but a lower-priority rule cannot expire/);
});

test('guide example B: the same rules in the other order expire A and B', () => {
	const e = ok(ABC, [rule({ priority: '1', list: 'beta' }), rule({ priority: '2', list: 'prod' })]);
	assert.deepEqual(expired(e), [1, 2]);
	assert.deepEqual(e.steps[0].expires, [1, 2], 'oldest first');
	assert.deepEqual(e.steps[1].expires, []);
});

test('guide: several prefixes in one rule must all match (sinceImagePushed)', () => {
	const images = [img('alpha-1', 12), img('beta-1', 11), img('alpha-2, beta-2', 10), img('alpha-3', 4), img('beta-3', 3), img('alpha-4, beta-4', 2)];
	const e = ok(images, [rule({ list: 'alpha, beta', countType: 'sinceImagePushed', countNumber: '5' })]);
	assert.deepEqual(e.steps[0].selected, [6, 3]);
	assert.deepEqual(expired(e), [3]);
});

test('guide: tags are not exclusive (imageCountMoreThan 1 over three images)', () => {
	const images = [img('alpha-1, beta-1, gamma-1', 10), img('alpha-2, beta-2', 9), img('alpha-3, beta-3, gamma-2', 8)];
	assert.deepEqual(expired(ok(images, [rule({ list: 'alpha, beta' })])), [1, 2]);
});

test('guide: keep only one untagged image', () => {
	const e = ok([img('', 3), img('v1', 9), img('', 1), img('', 5)], [rule({ tagStatus: 'untagged', countNumber: '1' })]);
	assert.deepEqual(expired(e), [1, 4]);
	assert.match(e.images[1].why, /no rule selects it/);
});

test('the default example: every rule has work, and rule 1 protects an old release from the any rule', () => {
	const e = ok(defaultImages(), defaultRules());
	assert.deepEqual(expired(e), [1, 2, 4, 5]);
	assert.deepEqual(
		e.images.map((i) => i.rule),
		[1, 1, 1, 2, 10, 1, 2, 10],
	);
	assert.match(e.images[2].why, /Kept: rule 1 selects it first and it is the 2nd newest of 4 images/);
	assert.match(e.images[2].why, /Rule 10 would expire it/);
	assert.equal(e.images[0].why, 'Expired by rule 1: it is the 4th newest of 4 images the rule selects, and the rule keeps 2.');
	assert.equal(e.images[3].why, 'Expired by rule 2: pushed 12 days ago, more than 7.');
	assert.match(e.images[6].why, /pushed 3 days ago, not more than 7/);
	assert.equal(e.expired, 4);
});

test('protected images still take places among the N a lower rule keeps', () => {
	// Rule 2 keeps the 2 newest of all images; the newest is a release protected by rule 1, so only one build survives.
	const images = [img('v2', 1), img('build-3', 2), img('build-2', 3), img('build-1', 4)];
	const e = ok(images, [rule({ priority: '1', listKind: 'tagPatternList', list: 'v*', countNumber: '5' }), rule({ priority: '2', tagStatus: 'any', countNumber: '2' })]);
	assert.deepEqual(expired(e), [3, 4]);
});

test('sinceImagePushed means more than N days: an image pushed exactly N days ago stays', () => {
	const e = ok([img('', 7), img('', 8)], [rule({ tagStatus: 'untagged', countType: 'sinceImagePushed', countNumber: '7' })]);
	assert.deepEqual(expired(e), [2]);
});

test('images pushed the same day count in list order, a later row as newer', () => {
	const e = ok([img('a1', 5), img('a2', 5)], [rule({ list: 'a' })]);
	assert.deepEqual(expired(e), [1]);
});

test('rules apply in rulePriority order whatever their order in the list, and gaps are fine', () => {
	const e = ok(ABC, [rule({ priority: '20', list: 'prod' }), rule({ priority: '10', list: 'beta' })]);
	assert.deepEqual(
		e.steps.map((s) => s.rule.priority),
		[10, 20],
	);
	assert.deepEqual(expired(e), [1, 2]);
});

test('tag patterns: * is any run of characters, the rest must match the whole tag', () => {
	assert.equal(patternMatches('prod*', 'prod'), true);
	assert.equal(patternMatches('prod*', 'production'), true);
	assert.equal(patternMatches('prod', 'prod1'), false);
	assert.equal(patternMatches('*-rc*', 'v2-rc1'), true);
	assert.equal(patternMatches('*-rc*', 'v2'), false);
	assert.equal(patternMatches('v1.*', 'v1x2'), false, 'a dot is literal');
	assert.equal(patternMatches('Prod*', 'prod'), false, 'case-sensitive');
	assert.equal(selects({ tagStatus: 'tagged', listKind: 'tagPrefixList', list: ['v'] }, { tags: [] }), false);
	assert.equal(selects({ tagStatus: 'any', list: [] }, { tags: [] }), true);
	assert.equal(selects({ tagStatus: 'untagged', list: [] }, { tags: ['x'] }), false);
});

test('an empty repository or no rules is fine', () => {
	assert.deepEqual(ok([], defaultRules()).images, []);
	const e = ok(defaultImages(), []);
	assert.equal(e.expired, 0);
	assert.ok(e.images.every((i) => i.why === 'Kept: no rule selects it.'));
});

test('validation: duplicate priorities, any not last, two untagged rules, same tag list', () => {
	assert.match(errors(ABC, [rule({ priority: '1', list: 'a' }), rule({ priority: '1', list: 'b' })])['rules.1.priority'], /Rule 1 already has rulePriority 1/);
	assert.match(errors(ABC, [rule({ priority: '5', tagStatus: 'any' }), rule({ priority: '6', list: 'b' })])['rules.0.priority'], /tagStatus any must have the highest rulePriority/);
	assert.match(errors(ABC, [rule({ priority: '1', tagStatus: 'untagged' }), rule({ priority: '2', tagStatus: 'untagged' })])['rules.1.tagStatus'], /only one rule may/);
	assert.match(errors(ABC, [rule({ priority: '1', list: 'a, b' }), rule({ priority: '2', list: 'b,a' })])['rules.1.list'], /same tagPrefixList/);
});

test('validation: tag lists', () => {
	const e = (r: Partial<RuleInput>) => errors(ABC, [rule(r)])['rules.0.list'];
	assert.match(e({ list: '' }), /A tagged rule needs a tagPrefixList/);
	assert.match(e({ list: ' , ' }), /needs a tagPrefixList/);
	assert.match(e({ listKind: 'tagPatternList', list: '' }), /pattern, such as v\*/);
	assert.match(e({ list: 'v*' }), /Use tagPatternList for wildcards/);
	assert.match(e({ listKind: 'tagPatternList', list: 'a*b*c*d*e*' }), /more than 4 wildcards/);
	assert.equal(evaluate(ABC, [rule({ listKind: 'tagPatternList', list: '*a*b*c*' })]).ok, true, 'four wildcards are allowed');
	assert.match(e({ list: 'v/1' }), /can never match a tag/);
	assert.match(e({ list: 'a, a' }), /listed twice/);
	// A list left over from a tagged rule is ignored once the rule is untagged.
	assert.equal(evaluate(ABC, [rule({ tagStatus: 'untagged', list: 'v*' })]).ok, true);
});

test('validation: numbers', () => {
	const e = (r: Partial<RuleInput>) => errors(ABC, [rule({ list: 'a', ...r })]);
	assert.match(e({ countNumber: '0' })['rules.0.countNumber'], /0 is not accepted/);
	assert.match(e({ countNumber: '' })['rules.0.countNumber'], /Enter a countNumber/);
	assert.match(e({ countNumber: '2.5' })['rules.0.countNumber'], /not a whole number/);
	assert.match(e({ countNumber: '-3' })['rules.0.countNumber'], /cannot be negative/);
	assert.match(e({ priority: 'first' })['rules.0.priority'], /"first" is not a whole number/);
	assert.match(e({ priority: '0' })['rules.0.priority'], /0 is not accepted/);
	assert.match(e({ tagStatus: 'some' })['rules.0.tagStatus'], /Choose tagged, untagged or any/);
	assert.match(e({ countType: 'sinceImagePulled' })['rules.0.countType'], /Choose imageCountMoreThan or sinceImagePushed/);
	assert.match(e({ listKind: 'tagSuffixList' })['rules.0.listKind'], /Choose tagPatternList or tagPrefixList/);
});

test('validation: images', () => {
	const e = (images: ImageInput[]) => errors(images, [rule({ list: 'a' })]);
	assert.match(e([img('v1', 1), img('v1', 2)])['images.1.tags'], /Image 1 already has the tag v1/);
	assert.match(e([img('v1, v1', 1)])['images.0.tags'], /listed twice/);
	assert.match(e([img('-bad', 1)])['images.0.tags'], /not a valid tag/);
	assert.match(e([img('a'.repeat(129), 1)])['images.0.tags'], /at most 128/);
	assert.match(e([{ tags: 'v1', pushedDaysAgo: 'yesterday' }])['images.0.pushedDaysAgo'], /not a whole number/);
	assert.match(e([{ tags: 'v1', pushedDaysAgo: '' }])['images.0.pushedDaysAgo'], /Enter the number of days/);
	assert.match(e([{ tags: 'v1', pushedDaysAgo: '99999' }])['images.0.pushedDaysAgo'], /at most 3,650/);
	assert.equal(evaluate([img('v1', 0)], []).ok, true, 'pushed today');
});

test('all problems are reported at once, and nonsense input never throws', () => {
	const r = errors([img('v1', -1)], [rule({ priority: '', countNumber: '0' })]);
	assert.deepEqual(Object.keys(r).sort(), ['images.0.pushedDaysAgo', 'rules.0.countNumber', 'rules.0.list', 'rules.0.priority']);
	for (const junk of [undefined, null, 42, 'x', [null], [{}]]) {
		assert.doesNotThrow(() => evaluate(junk, junk));
	}
	assert.equal(evaluate(undefined, undefined).ok, true);
});

test('a new rule gets a free priority that keeps an any rule last', () => {
	assert.equal(nextPriority(defaultRules()), '3');
	assert.equal(nextPriority([{ priority: '1', tagStatus: 'tagged' }, { priority: '2', tagStatus: 'any' }]), '3');
	assert.equal(nextPriority([]), '1');
	assert.equal(nextPriority([{ priority: 'x', tagStatus: 'tagged' }, { priority: '4', tagStatus: 'untagged' }]), '5');
	const rules = [...defaultRules(), rule({ priority: nextPriority(defaultRules()), list: 'x' })];
	assert.equal(evaluate(defaultImages(), rules).ok, true);
});
