/**
 * A minute-by-minute model of an EC2 Auto Scaling group with a target tracking policy on ASGAverageCPUUtilization.
 *
 * What it keeps from AWS: scale out in proportion to how far the metric is above target (capped at the maximum),
 * scale in only after a longer run of low values and more cautiously, instances in warm-up are not counted in the
 * aggregated metric nor in the capacity used for the scale-out calculation, and scale-in waits while instances warm up.
 * The alarm windows follow the pair of CloudWatch alarms target tracking has traditionally created for one-minute
 * metrics (3 of 3 points above target to scale out, 15 of 15 points below 90% of the target to scale in); AWS may tune
 * these itself. Simplifications: an instance in warm-up takes no load yet, launches take no time, and scale-in removes
 * one instance at a time, each after a fresh low window.
 */

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export interface SimInput {
	/** Requests per second, one value per minute. */
	load: number[];
	/** Target for average CPU, in percent. */
	target: number;
	min: number;
	max: number;
	desired: number;
	warmupSeconds: number;
	/** Requests per second one instance serves at 100% CPU. */
	capacity: number;
}

export interface RawInput {
	load: string;
	target: string;
	min: string;
	max: string;
	desired: string;
	warmup: string;
	capacity: string;
}

export interface MinuteRow {
	minute: number;
	load: number;
	/** Requests per second the warmed-up instances can absorb (load beyond this is not served). */
	served: number;
	/** ASGAverageCPUUtilization as this model computes it: average over instances past warm-up, 0–100. */
	cpu: number;
	inService: number;
	warming: number;
	/** Desired capacity during this minute (in service + warming). */
	desired: number;
}

export interface ScalingEvent {
	minute: number;
	kind: 'out' | 'in' | 'at-max';
	from: number;
	to: number;
	reason: string;
}

export interface SimResult {
	rows: MinuteRow[];
	events: ScalingEvent[];
	peakInstances: number;
	/**
	 * Desired capacity after the run. A row shows the capacity during its minute and a scaling decision takes effect
	 * from the next one, so a decision in the last minute is in the events and here, but in no row.
	 */
	finalDesired: number;
	/** Minutes in which some requests could not be served (CPU pinned at 100%). */
	overloadedMinutes: number;
}

export const SCALE_OUT_PERIODS = 3;
export const SCALE_IN_PERIODS = 15;
export const SCALE_IN_FACTOR = 0.9;
export const MAX_MINUTES = 240;
export const MAX_INSTANCES = 100;
const MAX_TEXT = 20_000;

function wave(): number[] {
	const out: number[] = [];
	for (let m = 0; m < MAX_MINUTES; m++) out.push(Math.round(60 + 240 * (1 - Math.cos((2 * Math.PI * m) / MAX_MINUTES)) / 2));
	return out;
}

export const PRESETS = {
	steady: { label: 'Steady (90 req/s for an hour)', load: Array<number>(60).fill(90) },
	spike: {
		label: 'Spike (80 → 400 → 80 req/s)',
		load: [...Array<number>(10).fill(80), ...Array<number>(20).fill(400), ...Array<number>(60).fill(80)],
	},
	wave: { label: 'Daily wave (a day squeezed into 4 hours)', load: wave() },
} as const;
export type PresetId = keyof typeof PRESETS;

export const DEFAULT_RAW: RawInput = {
	load: PRESETS.spike.load.join(', '),
	target: '50',
	min: '2',
	max: '10',
	desired: '2',
	warmup: '180',
	capacity: '100',
};

function num(text: string, label: string, opts: { integer?: boolean; min: number; max: number }): Result<number> {
	const t = String(text ?? '').trim();
	if (t === '') return { ok: false, error: `${label}: enter a number.` };
	if (t.length > 30 || !/^\d+(\.\d+)?$/.test(t)) return { ok: false, error: `${label}: "${t.slice(0, 30)}" is not a number of 0 or more.` };
	const n = Number(t);
	if (opts.integer && !Number.isInteger(n)) return { ok: false, error: `${label}: enter a whole number.` };
	if (n < opts.min || n > opts.max) return { ok: false, error: `${label}: enter a value from ${opts.min} to ${opts.max}.` };
	return { ok: true, value: n };
}

/** Parses "120, 130 140" (commas, spaces or new lines) into requests per second per minute. */
export function parseLoad(text: string): Result<number[]> {
	if (typeof text !== 'string' || text.trim() === '') return { ok: false, error: 'Load: enter at least one value (requests per second for each minute).' };
	if (text.length > MAX_TEXT) return { ok: false, error: `Load: the list is too long (${text.length} characters; at most ${MAX_TEXT}).` };
	const parts = text.trim().split(/\s*,\s*|\s+/);
	if (parts.length > MAX_MINUTES) return { ok: false, error: `Load: ${parts.length} values; the simulator handles at most ${MAX_MINUTES} minutes.` };
	const values: number[] = [];
	for (let i = 0; i < parts.length; i++) {
		const p = parts[i]!;
		if (p === '') return { ok: false, error: `Load: value ${i + 1} is empty (two commas in a row?).` };
		if (!/^\d+(\.\d+)?$/.test(p)) return { ok: false, error: `Load: value ${i + 1} ("${p.slice(0, 20)}") is not a number of 0 or more.` };
		const n = Number(p);
		if (n > 10_000_000) return { ok: false, error: `Load: value ${i + 1} is above 10,000,000 requests per second.` };
		values.push(n);
	}
	return { ok: true, value: values };
}

const wholeNumber = (text: string): number | undefined => (/^\s*\d{1,3}\s*$/.test(text) ? Number(text) : undefined);

/**
 * Applies one edit to the form. Like UpdateAutoScalingGroup without a desired capacity, a new minimum above the
 * desired capacity raises it to that minimum, and a new maximum below it lowers it to that maximum; the note says so.
 * Limits that contradict each other (minimum above maximum) change nothing else and are reported by parseInput.
 */
export function editField(raw: RawInput, field: keyof RawInput, value: string): { raw: RawInput; note?: string } {
	const next = { ...raw, [field]: value };
	if (field !== 'min' && field !== 'max') return { raw: next };
	const min = wholeNumber(next.min);
	const max = wholeNumber(next.max);
	const desired = wholeNumber(next.desired);
	if (min === undefined || max === undefined || desired === undefined || min > max) return { raw: next };
	if (field === 'min' && min > desired) {
		return {
			raw: { ...next, desired: String(min) },
			note: `Desired capacity raised from ${desired} to ${min}: a group's desired capacity never stays below its new minimum.`,
		};
	}
	if (field === 'max' && max < desired) {
		return {
			raw: { ...next, desired: String(max) },
			note: `Desired capacity lowered from ${desired} to ${max}: a group's desired capacity never stays above its new maximum.`,
		};
	}
	return { raw: next };
}

/** Turns the form's text fields into a checked SimInput, or the first problem found. */
export function parseInput(raw: RawInput): Result<SimInput> {
	const load = parseLoad(raw.load);
	if (!load.ok) return load;
	const target = num(raw.target, 'Target CPU', { min: 1, max: 100 });
	if (!target.ok) return target;
	const min = num(raw.min, 'Minimum capacity', { integer: true, min: 0, max: MAX_INSTANCES });
	if (!min.ok) return min;
	// A real group may have a minimum of 0, but then there is no CPU metric to track in this model.
	if (min.value < 1) return { ok: false, error: 'Minimum capacity: use at least 1 here, because an empty group reports no CPU to track.' };
	const max = num(raw.max, 'Maximum capacity', { integer: true, min: 1, max: MAX_INSTANCES });
	if (!max.ok) return max;
	const desired = num(raw.desired, 'Desired capacity', { integer: true, min: 1, max: MAX_INSTANCES });
	if (!desired.ok) return desired;
	if (min.value > max.value) return { ok: false, error: `Minimum capacity (${min.value}) cannot be greater than maximum capacity (${max.value}).` };
	if (desired.value < min.value || desired.value > max.value)
		return { ok: false, error: `Desired capacity (${desired.value}) must be between the minimum (${min.value}) and the maximum (${max.value}).` };
	const warmup = num(raw.warmup, 'Instance warm-up', { integer: true, min: 0, max: 3600 });
	if (!warmup.ok) return warmup;
	const capacity = num(raw.capacity, 'Capacity per instance', { min: 0.1, max: 1_000_000 });
	if (!capacity.ok) return capacity;
	return {
		ok: true,
		value: { load: load.value, target: target.value, min: min.value, max: max.value, desired: desired.value, warmupSeconds: warmup.value, capacity: capacity.value },
	};
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Runs the model. Inputs are re-checked so a caller that skipped parseInput still gets an error, not a throw. */
export function simulate(input: SimInput): Result<SimResult> {
	const { load, target, min, max, desired, warmupSeconds, capacity } = input;
	const bad =
		!Array.isArray(load) ||
		load.length === 0 ||
		load.length > MAX_MINUTES ||
		load.some((v) => !Number.isFinite(v) || v < 0) ||
		![target, min, max, desired, warmupSeconds, capacity].every(Number.isFinite) ||
		target < 1 ||
		target > 100 ||
		!Number.isInteger(min) ||
		!Number.isInteger(max) ||
		!Number.isInteger(desired) ||
		min < 1 ||
		max > MAX_INSTANCES ||
		min > desired ||
		desired > max ||
		warmupSeconds < 0 ||
		capacity <= 0;
	if (bad) return { ok: false, error: 'The simulation inputs are out of range.' };

	const warmupMinutes = Math.ceil(warmupSeconds / 60);
	// Each instance is represented by the first minute it counts toward the metric.
	let instances: number[] = Array<number>(desired).fill(0);
	const rows: MinuteRow[] = [];
	const events: ScalingEvent[] = [];
	let high = 0;
	let low = 0;
	let reportedMax = false;
	let overloaded = 0;

	for (let minute = 0; minute < load.length; minute++) {
		const l = load[minute]!;
		const warm = instances.filter((from) => from <= minute).length;
		const warming = instances.length - warm;
		const served = Math.min(l, warm * capacity);
		const rawCpu = (l / (warm * capacity)) * 100;
		const cpu = Math.min(100, rawCpu);
		if (rawCpu > 100) overloaded++;
		rows.push({ minute, load: l, served: round1(served), cpu: round1(cpu), inService: warm, warming, desired: instances.length });

		high = cpu > target ? high + 1 : 0;
		low = cpu < target * SCALE_IN_FACTOR ? low + 1 : 0;
		if (high === 0) reportedMax = false;

		const current = instances.length;
		if (high >= SCALE_OUT_PERIODS) {
			// Proportional: enough warmed-up capacity to bring the metric back to target. Warming instances are not counted,
			// so while they warm up the same calculation does not add them a second time.
			const wanted = Math.ceil((warm * cpu) / target - 1e-9);
			const next = Math.min(max, wanted);
			if (next > current) {
				const from = minute + 1 + warmupMinutes;
				instances = [...instances, ...Array<number>(next - current).fill(from)];
				events.push({
					minute,
					kind: 'out',
					from: current,
					to: next,
					reason: `Average CPU ${round1(cpu)}% was above the ${target}% target for ${high} minutes; ${warm} warmed-up × ${round1(cpu)} / ${target} → ${wanted} instances${wanted > max ? `, capped at the maximum of ${max}` : ''}.${warmupMinutes > 0 ? ` New instances count after ${warmupSeconds} s of warm-up.` : ''}`,
				});
			} else if (wanted > max && current === max && !reportedMax) {
				reportedMax = true;
				events.push({ minute, kind: 'at-max', from: current, to: current, reason: `The policy wants ${wanted} instances but the group is at its maximum of ${max}.` });
			}
		} else if (low >= SCALE_IN_PERIODS && current > min) {
			const projected = warm > 1 ? (l / ((warm - 1) * capacity)) * 100 : Infinity;
			if (warming === 0 && projected < target) {
				// Remove the newest instance; any choice works here because all are equally loaded.
				instances = instances.slice(0, -1);
				events.push({
					minute,
					kind: 'in',
					from: current,
					to: current - 1,
					reason: `Average CPU stayed below ${round1(target * SCALE_IN_FACTOR)}% (90% of the target) for ${low} minutes, and with one instance fewer it would be about ${round1(projected)}%, still under the target.`,
				});
				low = 0;
			}
		}
	}

	return {
		ok: true,
		value: {
			rows,
			events,
			peakInstances: Math.max(instances.length, ...rows.map((r) => r.desired)),
			finalDesired: instances.length,
			overloadedMinutes: overloaded,
		},
	};
}

/** A "nice" axis maximum (1, 2 or 5 × a power of ten) at or above `value`. */
export function niceMax(value: number): number {
	if (!Number.isFinite(value) || value <= 0) return 1;
	const power = 10 ** Math.floor(Math.log10(value));
	for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
	return 10 * power;
}

/**
 * SVG path data for a series in a box of `width` × `height` with the origin at bottom-left.
 * `stepped` draws a staircase, right for counts that change at minute boundaries.
 */
export function seriesPath(values: number[], yMax: number, width: number, height: number, stepped = false): string {
	if (values.length === 0) return '';
	const dx = values.length > 1 ? width / (values.length - 1) : 0;
	const y = (v: number) => round1(height - (Math.min(v, yMax) / yMax) * height);
	let d = `M0 ${y(values[0]!)}`;
	for (let i = 1; i < values.length; i++) {
		const x = round1(i * dx);
		if (stepped) d += ` H${x} V${y(values[i]!)}`;
		else d += ` L${x} ${y(values[i]!)}`;
	}
	if (values.length === 1) d += ` H${width}`;
	return d;
}

/** A one-paragraph text summary of a run, used as the chart's description and the live status line. */
export function summarize(input: SimInput, result: SimResult): string {
	const outs = result.events.filter((e) => e.kind === 'out').length;
	const ins = result.events.filter((e) => e.kind === 'in').length;
	const loads = input.load;
	const first = result.rows[0]!;
	return (
		`Over ${loads.length} minutes the load ranges from ${Math.min(...loads)} to ${Math.max(...loads)} requests per second. ` +
		`The group starts with ${first.desired} instances, peaks at ${result.peakInstances} and ends with ${result.finalDesired}, ` +
		`after ${outs} scale-out and ${ins} scale-in events. ` +
		(result.overloadedMinutes > 0
			? `In ${result.overloadedMinutes} minutes the counted instances were at 100% CPU and could not serve all requests.`
			: 'The counted instances always had enough capacity.')
	);
}
