import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countInScope, drillPath, inScope, parseScope, pickSet, scopeFromQuery, scopeLabel, scopeValue, type GuideDomain } from './practice-set.ts';

const DOMAINS: GuideDomain[] = [
	{
		id: 'development',
		number: 1,
		name: 'Development with AWS Services',
		tasks: [
			{ id: '1.1', title: 'Develop code', skills: [{ id: '1.1.1', text: 'Use APIs' }] },
			{ id: '1.2', title: 'Develop code for Lambda', skills: [{ id: '1.2.1', text: 'Configure functions' }, { id: '1.2.2', text: 'Handle events' }] },
		],
	},
	{ id: 'security', number: 2, name: 'Security', tasks: [{ id: '2.1', title: 'Authentication', skills: [{ id: '2.1.1', text: 'Use identity' }] }] },
];
const BANK = [
	...Array.from({ length: 12 }, (_, i) => ({ id: `d${i}`, domain: 'development', task: i % 2 ? '1.1' : '1.2', skill: i % 2 ? '1.1.1' : i % 4 ? '1.2.2' : '1.2.1' })),
	...Array.from({ length: 3 }, (_, i) => ({ id: `s${i}`, domain: 'security', task: '2.1', skill: '2.1.1' })),
];
const query = (q: string) => new URLSearchParams(q);

test('a set is read from the query string as the result links to it; unknown scopes fall back to every domain', () => {
	assert.deepEqual(scopeFromQuery(query('?domain=security'), DOMAINS), { kind: 'domain', id: 'security' });
	assert.deepEqual(scopeFromQuery(query('?task=1.2'), DOMAINS), { kind: 'task', id: '1.2' });
	assert.deepEqual(scopeFromQuery(query('?task=9.9'), DOMAINS), { kind: 'all' });
	assert.deepEqual(scopeFromQuery(query('?skill=1.2.2'), DOMAINS), { kind: 'skill', id: '1.2.2' });
	assert.deepEqual(scopeFromQuery(query('?skill=1.2'), DOMAINS), { kind: 'all' });
	assert.deepEqual(parseScope(scopeValue({ kind: 'skill', id: '2.1.1' }), DOMAINS), { kind: 'skill', id: '2.1.1' });
	assert.deepEqual(scopeFromQuery(query('?domain=__proto__'), DOMAINS), { kind: 'all' });
	assert.deepEqual(scopeFromQuery(query(''), DOMAINS), { kind: 'all' });
	assert.deepEqual(parseScope(scopeValue({ kind: 'task', id: '2.1' }), DOMAINS), { kind: 'task', id: '2.1' });
	assert.deepEqual(parseScope(42, DOMAINS), { kind: 'all' });
	// The links results, readiness and the map write are read back as the same scope.
	for (const scope of [{ kind: 'domain', id: 'security' }, { kind: 'task', id: '1.2' }, { kind: 'skill', id: '1.2.2' }] as const) {
		const path = drillPath(scope.kind, scope.id);
		assert.deepEqual(scopeFromQuery(new URL(path, 'https://example.com/').searchParams, DOMAINS), scope, path);
	}
});

test('labels name the domain or task as the exam guide does', () => {
	assert.equal(scopeLabel({ kind: 'domain', id: 'security' }, DOMAINS), 'Domain 2, Security');
	assert.equal(scopeLabel({ kind: 'task', id: '1.2' }, DOMAINS), 'Task 1.2: Develop code for Lambda');
	assert.equal(scopeLabel({ kind: 'skill', id: '1.2.1' }, DOMAINS), 'Skill 1.2.1: Configure functions');
	assert.equal(scopeLabel({ kind: 'all' }, DOMAINS), 'every domain');
});

test('a set holds questions of its scope only, at most the size asked, the same for a seed', () => {
	const task = pickSet(BANK, { kind: 'task', id: '1.1' }, 10, 1);
	assert.equal(task.length, 6);
	assert.ok(task.every((q) => q.task === '1.1'));
	const ten = pickSet(BANK, { kind: 'all' }, 10, 3);
	assert.equal(ten.length, 10);
	assert.equal(new Set(ten.map((q) => q.id)).size, 10);
	assert.deepEqual(pickSet(BANK, { kind: 'all' }, 10, 3), ten);
	assert.notDeepEqual(pickSet(BANK, { kind: 'all' }, 10, 4), ten);
	assert.equal(pickSet(BANK, { kind: 'domain', id: 'security' }, 0, 1).length, 3);
	assert.equal(countInScope(BANK, { kind: 'domain', id: 'development' }), 12);
	const skill = pickSet(BANK, { kind: 'skill', id: '1.2.1' }, 0, 1);
	assert.deepEqual(skill.map((q) => q.id).sort(), ['d0', 'd4', 'd8']);
});

test('a question whose topic left the exam is in no set', () => {
	const out = { domain: undefined, task: undefined, skill: undefined, outOfScope: 'AWS AppSync is not on the exam.' };
	assert.equal(inScope(out, { kind: 'all' }), false);
	assert.equal(inScope({ domain: 'security', task: '2.1', skill: '2.1.1' }, { kind: 'all' }), true);
});
