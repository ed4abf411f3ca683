// Untimed practice sets: questions from the whole bank, one domain, one task statement or one skill, each answer shown as soon
// as it is checked (review mode and drills). No DOM here; the island passes in the bank and the page's query string.
import type { BankQuestion } from './question-bank.ts';
import { seededRandom, shuffledIndexes } from '../shuffle.ts';

export interface GuideDomain {
	id: string;
	number: number;
	name: string;
	tasks: { id: string; title: string; skills: { id: string; text: string }[] }[];
}

export type SetScope = { kind: 'all' } | { kind: 'domain'; id: string } | { kind: 'task'; id: string } | { kind: 'skill'; id: string };

const skillsOf = (domains: readonly GuideDomain[]) => domains.flatMap((d) => d.tasks.flatMap((t) => t.skills));

/** How many questions a set can have; 0 means every question that matches. */
export const SET_SIZES = [10, 20, 0] as const;
export const DEFAULT_SIZE = 10;

/** The value of the scope's option in the page's select: `all`, `domain:security`, `task:1.2`, `skill:1.2.3`. */
export function scopeValue(scope: SetScope): string {
	return scope.kind === 'all' ? 'all' : `${scope.kind}:${scope.id}`;
}

/** A scope the exam guide knows, from a select value; anything else is the whole bank. */
export function parseScope(value: unknown, domains: readonly GuideDomain[]): SetScope {
	if (typeof value !== 'string') return { kind: 'all' };
	const [kind, id] = value.split(':');
	if (kind === 'domain' && domains.some((d) => d.id === id)) return { kind, id };
	if (kind === 'task' && domains.some((d) => d.tasks.some((t) => t.id === id))) return { kind, id };
	if (kind === 'skill' && skillsOf(domains).some((s) => s.id === id)) return { kind, id };
	return { kind: 'all' };
}

/** Where a drill of one domain, task or skill starts, relative to the site's base; the page reads it with `scopeFromQuery`. */
export function drillPath(kind: 'domain' | 'task' | 'skill', id: string): string {
	return `practice/sets/?${kind}=${encodeURIComponent(id)}`;
}

/** `?domain=security`, `?task=1.2` or `?skill=1.2.3`, as results, readiness and the exam guide map link to it; else the whole bank. */
export function scopeFromQuery(query: { get(name: string): string | null }, domains: readonly GuideDomain[]): SetScope {
	const skill = query.get('skill');
	if (skill) return parseScope(`skill:${skill}`, domains);
	const task = query.get('task');
	if (task) return parseScope(`task:${task}`, domains);
	const domain = query.get('domain');
	if (domain) return parseScope(`domain:${domain}`, domains);
	return { kind: 'all' };
}

/** "Domain 2, Security", "Task 1.2: Develop code for AWS Lambda", "Skill 1.2.3: …", "every domain". */
export function scopeLabel(scope: SetScope, domains: readonly GuideDomain[]): string {
	if (scope.kind === 'domain') {
		const d = domains.find((x) => x.id === scope.id);
		return d ? `Domain ${d.number}, ${d.name}` : scope.id;
	}
	if (scope.kind === 'task') {
		const t = domains.flatMap((d) => d.tasks).find((x) => x.id === scope.id);
		return t ? `Task ${t.id}: ${t.title}` : `Task ${scope.id}`;
	}
	if (scope.kind === 'skill') {
		const k = skillsOf(domains).find((x) => x.id === scope.id);
		return k ? `Skill ${k.id}: ${k.text}` : `Skill ${scope.id}`;
	}
	return 'every domain';
}

type SetQuestion = Pick<BankQuestion, 'domain' | 'task' | 'skill' | 'outOfScope'>;

/** Whether a question belongs in the set; one whose topic left the exam never does. */
export function inScope(question: SetQuestion, scope: SetScope): boolean {
	if (question.outOfScope) return false;
	return scope.kind === 'all' || question[scope.kind] === scope.id;
}

/** The set: the questions in scope, shuffled with the seed, at most `size` of them (0: all). */
export function pickSet<T extends SetQuestion>(bank: readonly T[], scope: SetScope, size: number, seed: number): T[] {
	const pool = bank.filter((q) => inScope(q, scope));
	const order = shuffledIndexes(pool.length, seededRandom(Number.isFinite(seed) ? seed : 0));
	const n = Number.isInteger(size) && size > 0 ? Math.min(size, pool.length) : pool.length;
	return order.slice(0, n).map((i) => pool[i]);
}

/** How many questions the bank holds in a scope, for the choice of scope. */
export function countInScope(bank: readonly SetQuestion[], scope: SetScope): number {
	return bank.filter((q) => inScope(q, scope)).length;
}
