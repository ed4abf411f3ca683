/**
 * DynamoDB capacity arithmetic, following the Developer Guide ("DynamoDB read and write operations"):
 * read sizes round up to the next 4 KB, write sizes to the next 1 KB; per 4 KB a strongly consistent read
 * costs 1 unit, an eventually consistent read half a unit and a transactional read 2 units; per 1 KB a
 * standard write costs 1 unit and a transactional write 2. On-demand request units use the same arithmetic.
 * Provisioned ReadCapacityUnits and WriteCapacityUnits are whole numbers (API type Long) of at least 1
 * ("ProvisionedThroughput" in the API Reference), so a fractional total is rounded up and 0 becomes 1. Bad input never throws: it comes back as a message per field.
 */

import { withoutThousands } from './number-input.ts';

export type Consistency = 'eventual' | 'strong' | 'transactional';
export type WriteType = 'standard' | 'transactional';

export const CONSISTENCIES: Record<Consistency, string> = {
	eventual: 'Eventually consistent',
	strong: 'Strongly consistent',
	transactional: 'Transactional (TransactGetItems)',
};
export const WRITE_TYPES: Record<WriteType, string> = {
	standard: 'Standard',
	transactional: 'Transactional (TransactWriteItems)',
};

export interface CapacityInput {
	/** As typed by the reader. */
	itemSizeKb: string;
	readsPerSecond: string;
	writesPerSecond: string;
	consistency: Consistency;
	writeType: WriteType;
}
export type Field = keyof CapacityInput;

export interface Capacity {
	/** Provisioned mode: whole units to set on the table, at least 1 each (the API's minimum). */
	rcu: number;
	wcu: number;
	/** "Provisioned: 1 RCU (the minimum) and 30 WCUs". */
	provisioned: string;
	/** On-demand mode: request units consumed per second (reads can be fractional). */
	rru: number;
	wru: number;
	readSteps: string[];
	writeSteps: string[];
}

export type CapacityResult = { ok: true; value: Capacity } | { ok: false; errors: Partial<Record<Field, string>> };

export const MAX_ITEM_KB = 400;
/** A sanity cap so huge numbers give a message instead of silly arithmetic. */
export const MAX_PER_SECOND = 1_000_000;

export function defaultInput(): CapacityInput {
	return { itemSizeKb: '6', readsPerSecond: '10', writesPerSecond: '5', consistency: 'strong', writeType: 'standard' };
}

type Parsed = { ok: true; value: number } | { ok: false; error: string };

const shown = (t: string) => (t.length > 20 ? `${t.slice(0, 20)}…` : t);

export function parseItemSize(text: unknown): Parsed {
	const t = typeof text === 'string' ? text.trim() : '';
	if (t === '') return { ok: false, error: 'Enter the item size in KB, for example 6 or 3.5.' };
	if (/^\d+,\d+$/.test(t)) return { ok: false, error: `Use a dot for decimals: ${t.replace(',', '.')}, not ${t}.` };
	if (t.startsWith('-')) return { ok: false, error: 'An item size cannot be negative.' };
	if (!/^(\d+(\.\d*)?|\.\d+)$/.test(t)) return { ok: false, error: `"${shown(t)}" is not a number of KB; use digits and at most one dot.` };
	const n = Number(t);
	if (n === 0) return { ok: false, error: 'An item has some size: enter more than 0 KB.' };
	if (n > MAX_ITEM_KB) return { ok: false, error: `${t.length > 10 ? 'That size' : `${t} KB`} is over the ${MAX_ITEM_KB} KB maximum item size.` };
	return { ok: true, value: n };
}

export function parseRate(text: unknown, what: 'reads' | 'writes'): Parsed {
	const t = withoutThousands(typeof text === 'string' ? text.trim() : '');
	if (t === '') return { ok: false, error: `Enter the number of ${what} per second (0 or more).` };
	if (t.startsWith('-')) return { ok: false, error: `The number of ${what} per second cannot be negative.` };
	if (/^\d*[.,]\d+$/.test(t)) return { ok: false, error: `Enter a whole number of ${what} per second; ${shown(t)} is a fraction of a request.` };
	if (!/^\d+$/.test(t)) return { ok: false, error: `"${shown(t)}" is not a whole number of ${what} per second.` };
	const n = Number(t);
	if (n > MAX_PER_SECOND) return { ok: false, error: `This calculator takes at most ${MAX_PER_SECOND.toLocaleString('en-US')} ${what} per second.` };
	return { ok: true, value: n };
}

/** Rounds away floating-point noise (0.1 + 0.2) before showing or ceiling a number. */
const tidy = (n: number) => Math.round(n * 1e6) / 1e6;
export const fmt = (n: number) => tidy(n).toLocaleString('en-US', { maximumFractionDigits: 2 });
const plural = (n: number, one: string, many: string) => `${fmt(n)} ${tidy(n) === 1 ? one : many}`;

function readSteps(size: number, reads: number, consistency: Consistency): { total: number; steps: string[] } {
	// Dividing by 4 is exact in binary floating point, so no tidying is needed before the ceiling.
	const rounded = Math.ceil(size / 4) * 4;
	const units = rounded / 4;
	const perRead = consistency === 'eventual' ? units / 2 : consistency === 'transactional' ? units * 2 : units;
	const total = tidy(reads * perRead);
	const steps = [
		rounded === size ? `${fmt(size)} KB is already a multiple of 4 KB.` : `Round ${fmt(size)} KB up to the next 4 KB: ${rounded} KB.`,
		`${rounded} KB ÷ 4 KB = ${plural(units, 'unit', 'units')} for one strongly consistent read.`,
		consistency === 'strong'
			? `Strongly consistent: ${plural(perRead, 'RCU', 'RCUs')} per read.`
			: consistency === 'eventual'
				? `Eventually consistent costs half: ${fmt(units)} ÷ 2 = ${plural(perRead, 'RCU', 'RCUs')} per read.`
				: `Transactional costs double: ${fmt(units)} × 2 = ${plural(perRead, 'RCU', 'RCUs')} per read.`,
		`${fmt(reads)} reads/s × ${fmt(perRead)} = ${plural(total, 'RCU', 'RCUs')}.`,
	];
	if (total !== Math.ceil(total)) steps.push(`Provisioned capacity is set in whole units, so round ${fmt(total)} up to ${plural(Math.ceil(total), 'RCU', 'RCUs')}.`);
	return { total, steps };
}

function writeSteps(size: number, writes: number, writeType: WriteType): { total: number; steps: string[] } {
	const rounded = Math.ceil(size);
	const perWrite = writeType === 'transactional' ? rounded * 2 : rounded;
	const total = writes * perWrite;
	return {
		total,
		steps: [
			rounded === size ? `${fmt(size)} KB is already a whole number of KB.` : `Round ${fmt(size)} KB up to the next 1 KB: ${rounded} KB.`,
			`${rounded} KB ÷ 1 KB = ${plural(rounded, 'unit', 'units')} for one standard write.`,
			writeType === 'transactional'
				? `Transactional costs double: ${rounded} × 2 = ${plural(perWrite, 'WCU', 'WCUs')} per write.`
				: `Standard write: ${plural(perWrite, 'WCU', 'WCUs')} per write.`,
			`${fmt(writes)} writes/s × ${fmt(perWrite)} = ${plural(total, 'WCU', 'WCUs')}.`,
		],
	};
}

/** A table in provisioned mode has at least 1 RCU and 1 WCU. */
export const MIN_PROVISIONED = 1;

/** "Provisioned: 13 RCUs and 1 WCU (the minimum)", from the exact totals. */
export function provisionedLine(reads: number, writes: number): string {
	const part = (total: number, one: string, many: string) => {
		const units = Math.max(MIN_PROVISIONED, Math.ceil(tidy(total)));
		return `${plural(units, one, many)}${Math.ceil(tidy(total)) < MIN_PROVISIONED ? ' (the minimum)' : ''}`;
	};
	return `Provisioned: ${part(reads, 'RCU', 'RCUs')} and ${part(writes, 'WCU', 'WCUs')}`;
}

/** Checks every field and returns all problems at once, so each can be shown next to its field. */
export function calculate(input: CapacityInput): CapacityResult {
	const i = (input && typeof input === 'object' ? input : {}) as Partial<CapacityInput>;
	const errors: Partial<Record<Field, string>> = {};
	const size = parseItemSize(i.itemSizeKb);
	const reads = parseRate(i.readsPerSecond, 'reads');
	const writes = parseRate(i.writesPerSecond, 'writes');
	if (!size.ok) errors.itemSizeKb = size.error;
	if (!reads.ok) errors.readsPerSecond = reads.error;
	if (!writes.ok) errors.writesPerSecond = writes.error;
	if (!Object.hasOwn(CONSISTENCIES, String(i.consistency))) errors.consistency = 'Choose a read consistency.';
	if (!Object.hasOwn(WRITE_TYPES, String(i.writeType))) errors.writeType = 'Choose a write type.';
	if (!size.ok || !reads.ok || !writes.ok || Object.keys(errors).length > 0) return { ok: false, errors };
	const r = readSteps(size.value, reads.value, i.consistency!);
	const w = writeSteps(size.value, writes.value, i.writeType!);
	const rcu = Math.max(MIN_PROVISIONED, Math.ceil(r.total));
	const wcu = Math.max(MIN_PROVISIONED, w.total);
	return { ok: true, value: { rcu, wcu, provisioned: provisionedLine(r.total, w.total), rru: r.total, wru: w.total, readSteps: r.steps, writeSteps: w.steps } };
}
