/**
 * Lambda concurrency and throttling for one function, following the Lambda Developer Guide:
 * concurrency ≈ requests per second × average duration in seconds ("Understanding Lambda function scaling");
 * reserved concurrency is both a guarantee and a cap, and at most the account limit minus the 100 units Lambda keeps
 * unreserved ("Configuring reserved concurrency"); provisioned concurrency counts toward reserved concurrency and
 * cannot exceed it; without a reservation it can be at most the account limit minus the same 100 unreserved units; requests beyond it run on standard (on-demand) concurrency ("Configuring provisioned
 * concurrency", "Monitoring concurrency"); one function adds at most 1,000 execution environments every 10 seconds
 * ("Lambda scaling behavior"); throttled synchronous calls get 429 and throttled asynchronous events are retried for
 * up to the maximum event age ("How Lambda handles errors and retries with asynchronous invocation").
 * Simplified to a steady load on one function whose whole traffic reaches the alias or version that holds the
 * provisioned concurrency, with no other function using the account's concurrency. Bad input never throws.
 */

import { withoutThousands } from './number-input.ts';

export type Invocation = 'sync' | 'async';

export const INVOCATIONS: Record<Invocation, string> = {
	sync: 'Synchronous (RequestResponse)',
	async: 'Asynchronous (Event)',
};

export interface ConcurrencyInput {
	/** As typed by the reader. */
	requestsPerSecond: string;
	durationMs: string;
	invocation: Invocation;
	/** Optional: an empty field means not configured. */
	reserved: string;
	provisioned: string;
	accountLimit: string;
}
export type Field = keyof ConcurrencyInput;

export interface Concurrency {
	/** requests per second × seconds, before rounding up to whole environments. */
	neededExact: number;
	needed: number;
	available: number;
	/** Where the available figure comes from: the function's reservation or the account's limit. */
	limitedBy: 'reserved' | 'account';
	/** Environments busy: the need, capped by what is available. */
	running: number;
	onProvisioned: number;
	onDemand: number;
	servedPerSecond: number;
	throttledPerSecond: number;
	/** Plain sentences, in reading order. */
	summary: string[];
	/** What happens to the throttled requests; null when nothing is throttled. */
	excess: string | null;
	/** The scaling-rate warning for a sudden burst from idle; null when it cannot matter. */
	burst: string | null;
}

export type ConcurrencyResult = { ok: true; value: Concurrency } | { ok: false; errors: Partial<Record<Field, string>> };

/** A sanity cap so huge numbers give a message instead of silly arithmetic. */
export const MAX_PER_SECOND = 1_000_000;
/** The longest a function can run: the 900-second timeout. */
export const MAX_DURATION_MS = 900_000;
export const MAX_ACCOUNT_LIMIT = 1_000_000;
/** Lambda keeps this much of the account's concurrency for functions without a reservation. */
export const UNRESERVED_MINIMUM = 100;
export const DEFAULT_ACCOUNT_LIMIT = 1000;
/** Per function: at most this many new execution environments… */
export const SCALING_STEP = 1000;
/** …every this many seconds. */
export const SCALING_PERIOD_S = 10;

export function defaultInput(): ConcurrencyInput {
	return { requestsPerSecond: '500', durationMs: '400', invocation: 'sync', reserved: '150', provisioned: '50', accountLimit: String(DEFAULT_ACCOUNT_LIMIT) };
}

type Parsed = { ok: true; value: number | null } | { ok: false; error: string };

const shown = (t: string) => (t.length > 20 ? `${t.slice(0, 20)}…` : t);
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** Rounds away floating-point noise (0.1 + 0.2) before showing or ceiling a number. */
const tidy = (n: number) => Math.round(n * 1e6) / 1e6;
export const fmt = (n: number) => tidy(n).toLocaleString('en-US', { maximumFractionDigits: 2 });
const plural = (n: number, one: string, many: string) => `${fmt(n)} ${tidy(n) === 1 ? one : many}`;
// The formula keeps more decimals, so 0.999 is not shown as 1 before being rounded up to 1.
const fmtExact = (n: number) => tidy(n).toLocaleString('en-US', { maximumFractionDigits: 4 });

/** A whole number in [min, max]; an optional field may be left empty (null). */
function parseWhole(value: unknown, what: string, min: number, max: number, optional: boolean): Parsed {
	const t = withoutThousands(text(value));
	if (t === '') return optional ? { ok: true, value: null } : { ok: false, error: `Enter the ${what}.` };
	if (t.startsWith('-')) return { ok: false, error: `The ${what} cannot be negative.` };
	if (/^\d*[.,]\d+$/.test(t)) return { ok: false, error: `Enter a whole number for the ${what}; ${shown(t)} is a fraction.` };
	if (!/^\d+$/.test(t)) return { ok: false, error: `"${shown(t)}" is not a whole number; enter digits only.` };
	const n = Number(t);
	if (n < min) return { ok: false, error: `The ${what} must be at least ${fmt(min)}.` };
	if (n > max) return { ok: false, error: `The ${what} can be at most ${fmt(max)} in this demo.` };
	return { ok: true, value: n };
}

export function parseDuration(value: unknown): Parsed {
	const t = text(value);
	if (t === '') return { ok: false, error: 'Enter the average duration in milliseconds, for example 400 or 12.5.' };
	if (/^\d+,\d+$/.test(t)) return { ok: false, error: `Use a dot for decimals: ${t.replace(',', '.')}, not ${t}.` };
	if (t.startsWith('-')) return { ok: false, error: 'A duration cannot be negative.' };
	if (!/^(\d+(\.\d*)?|\.\d+)$/.test(t)) return { ok: false, error: `"${shown(t)}" is not a number of milliseconds; use digits and at most one dot.` };
	const n = Number(t);
	if (n === 0) return { ok: false, error: 'Every invocation takes some time: enter more than 0 ms.' };
	if (n > MAX_DURATION_MS) return { ok: false, error: `A function runs for at most 900 seconds (${fmt(MAX_DURATION_MS)} ms), the maximum timeout.` };
	return { ok: true, value: n };
}

function excessSentence(invocation: Invocation, throttled: number): string {
	const rate = plural(throttled, 'request', 'requests');
	if (invocation === 'sync') {
		return `${rate} per second are throttled: each caller gets HTTP 429 TooManyRequestsException at once, and the function never runs for it. The caller must retry (the AWS SDKs retry with backoff).`;
	}
	return (
		`${rate} per second are throttled. Lambda puts each throttled event back in the function's event queue and retries it with backoff for up to the maximum event age (6 hours by default). ` +
		'The retry attempts setting (0 to 2) counts function errors only, not throttles. ' +
		'An event that is still waiting when it expires goes to the on-failure destination or dead-letter queue if one is configured; otherwise Lambda discards it. ' +
		'While the load stays this high, the queue only grows.'
	);
}

/** Checks every field and returns all problems at once, so each can be shown next to its field. */
export function calculate(input: ConcurrencyInput): ConcurrencyResult {
	const i = (input && typeof input === 'object' ? input : {}) as Partial<ConcurrencyInput>;
	const errors: Partial<Record<Field, string>> = {};
	const rps = parseWhole(i.requestsPerSecond, 'number of requests per second', 0, MAX_PER_SECOND, false);
	const duration = parseDuration(i.durationMs);
	const account = parseWhole(i.accountLimit, 'account concurrency limit', 1, MAX_ACCOUNT_LIMIT, false);
	const reserved = parseWhole(i.reserved, 'reserved concurrency', 0, MAX_ACCOUNT_LIMIT, true);
	const provisioned = parseWhole(i.provisioned, 'provisioned concurrency', 0, MAX_ACCOUNT_LIMIT, true);
	if (!rps.ok) errors.requestsPerSecond = rps.error;
	if (!duration.ok) errors.durationMs = duration.error;
	if (!account.ok) errors.accountLimit = account.error;
	if (!reserved.ok) errors.reserved = reserved.error;
	if (!provisioned.ok) errors.provisioned = provisioned.error;
	if (!Object.hasOwn(INVOCATIONS, String(i.invocation))) errors.invocation = 'Choose an invocation type.';

	// Rules between fields, checked only when the fields they compare are valid on their own.
	const limit = account.ok ? account.value : null;
	const res = reserved.ok ? reserved.value : null;
	const prov = provisioned.ok ? provisioned.value : null;
	if (limit !== null && res !== null && res > limit - UNRESERVED_MINIMUM) {
		errors.reserved =
			limit <= UNRESERVED_MINIMUM
				? `With an account limit of ${fmt(limit)}, no concurrency can be reserved: Lambda keeps ${UNRESERVED_MINIMUM} units unreserved.`
				: `At most ${fmt(limit - UNRESERVED_MINIMUM)}: Lambda keeps ${UNRESERVED_MINIMUM} of the account's ${fmt(limit)} unreserved.`;
	}
	if (prov !== null && res !== null && !errors.reserved && prov > res) {
		errors.provisioned = `Provisioned concurrency counts toward reserved concurrency, so it cannot be more than the ${fmt(res)} reserved.`;
	} else if (prov !== null && limit !== null && res === null && prov > limit - UNRESERVED_MINIMUM) {
		errors.provisioned =
			limit <= UNRESERVED_MINIMUM
				? `With an account limit of ${fmt(limit)}, no concurrency can be provisioned: Lambda keeps ${UNRESERVED_MINIMUM} units unreserved.`
				: `At most ${fmt(limit - UNRESERVED_MINIMUM)}: provisioned concurrency comes out of the account's ${fmt(limit)}, and Lambda keeps ${UNRESERVED_MINIMUM} of it unreserved.`;
	}
	if (!rps.ok || !duration.ok || !account.ok || Object.keys(errors).length > 0) return { ok: false, errors };

	const perSecond = rps.value!;
	const ms = duration.value!;
	const invocation = i.invocation!;
	const neededExact = tidy((perSecond * ms) / 1000);
	const needed = Math.ceil(neededExact);
	const limitedBy = res !== null ? 'reserved' : 'account';
	const available = res !== null ? res : limit!;
	const running = Math.min(needed, available);
	const onProvisioned = Math.min(running, prov ?? 0);
	const onDemand = running - onProvisioned;
	// Each environment serves 1000 / duration requests per second, so the available ones serve this many.
	const servedPerSecond = tidy(Math.min(perSecond, (available * 1000) / ms));
	const throttledPerSecond = tidy(perSecond - servedPerSecond);

	const summary = [
		`${fmt(perSecond)} requests/s × ${fmtExact(ms / 1000)} s = ${fmtExact(neededExact)}${needed === neededExact ? '' : `, rounded up to ${fmt(needed)}`}: the function needs ${plural(needed, 'execution environment', 'execution environments')} busy at once.`,
		limitedBy === 'reserved'
			? `Reserved concurrency guarantees this function ${fmt(available)} and caps it there${available === 0 ? ', so every request is throttled' : ''}.`
			: `Without reserved concurrency the function shares the account limit of ${fmt(available)} (assuming no other function is busy).`,
	];
	if (running > 0) {
		summary.push(
			prov
				? `${plural(onProvisioned, 'environment runs', 'environments run')} on provisioned concurrency (initialized in advance, no cold start) and ${plural(onDemand, 'runs', 'run')} on demand${onDemand > 0 ? ', where a new environment means a cold start' : ''}.`
				: `All ${plural(running, 'environment runs', 'environments run')} on demand, so new ones start cold.`,
		);
	}
	summary.push(
		throttledPerSecond > 0
			? `Only ${fmt(servedPerSecond)} of the ${fmt(perSecond)} requests per second can run.`
			: `Every request can run: ${fmt(available - running)} of the ${fmt(available)} available ${available - running === 1 ? 'is' : 'are'} left over.`,
	);

	let burst: string | null = null;
	if (onDemand > SCALING_STEP) {
		// The first 1,000 can start at once; each further 1,000 waits one more period.
		const seconds = (Math.ceil(onDemand / SCALING_STEP) - 1) * SCALING_PERIOD_S;
		burst = `If this load arrives all at once from idle, Lambda adds at most ${fmt(SCALING_STEP)} environments to the function every ${SCALING_PERIOD_S} seconds, so reaching ${fmt(onDemand)} on-demand environments takes about ${seconds} seconds; requests beyond the environments ready so far are throttled meanwhile.`;
	}

	return {
		ok: true,
		value: {
			neededExact,
			needed,
			available,
			limitedBy,
			running,
			onProvisioned,
			onDemand,
			servedPerSecond,
			throttledPerSecond,
			summary,
			excess: throttledPerSecond > 0 ? excessSentence(invocation, throttledPerSecond) : null,
			burst,
		},
	};
}
