// A readiness view from data already stored: each domain's share of right answers across practice exams, and the task
// statements and skills missed most across all of them. A summary of past practice, not a prediction of the real exam's score.
import { attemptResults, breakdown, domainTrends, type Attempt, type BreakdownRow, type Trend } from './practice-exam.ts';
import type { BankQuestion } from './question-bank.ts';
import { percent } from './quiz.ts';

export interface DomainReadiness {
	id: string;
	/** Percent right in each attempt that had the domain, oldest first (the last five). */
	recent: number[];
	/** Right answers over all attempts, as a percentage; null before the first attempt. */
	overall: number | null;
	answered: number;
	trend: Trend;
}

/** Per domain, weakest overall first; domains never met come last, in the guide's order. */
export function domainReadiness(history: readonly Attempt[], domainIds: readonly string[]): DomainReadiness[] {
	const trends = domainTrends(history, domainIds);
	const rows = domainIds.map((id, i) => {
		let correct = 0;
		let total = 0;
		for (const a of history) {
			if (!Object.hasOwn(a.byDomain, id)) continue;
			correct += a.byDomain[id].correct;
			total += a.byDomain[id].total;
		}
		return { id, recent: trends[i].percents.slice(-5), overall: total > 0 ? percent(correct, total) : null, answered: total, trend: trends[i].trend, order: i };
	});
	return rows
		.sort((a, b) => (a.overall ?? Infinity) - (b.overall ?? Infinity) || a.order - b.order)
		.map(({ order: _order, ...row }) => row);
}

/**
 * Task statements or skills across every attempt, weakest first; only those met at least `minimum` times (fewer
 * answers say little), at most `count`.
 */
export function weakest(
	history: readonly Attempt[],
	bank: ReadonlyMap<string, BankQuestion>,
	by: 'task' | 'skill',
	count = 5,
	minimum = 3,
): BreakdownRow[] {
	const results = history.flatMap((a) => attemptResults(a, bank));
	return breakdown(results, by)
		.filter((row) => row.total >= minimum)
		.slice(0, count);
}
