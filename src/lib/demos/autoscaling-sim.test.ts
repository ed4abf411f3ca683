import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
	parseInput,
	parseLoad,
	simulate,
	niceMax,
	seriesPath,
	DEFAULT_RAW,
	PRESETS,
	SCALE_IN_PERIODS,
	SCALE_OUT_PERIODS,
	summarize,
	editField,
} from './autoscaling-sim.ts';
import type { SimInput, SimResult, RawInput } from './autoscaling-sim.ts';

const base: SimInput = { load: [], target: 50, min: 2, max: 10, desired: 2, warmupSeconds: 180, capacity: 100 };

function run(over: Partial<SimInput>): SimResult {
	const r = simulate({ ...base, ...over });
	assert.ok(r.ok, r.ok ? '' : r.error);
	return r.value;
}
const fill = (n: number, v: number) => Array<number>(n).fill(v);

test('the default inputs parse and simulate', () => {
	const input = parseInput(DEFAULT_RAW);
	assert.ok(input.ok);
	assert.ok(simulate(input.value).ok);
});

test('steady load under the target causes no scaling', () => {
	const r = run({ load: fill(60, 90) });
	assert.deepEqual(r.events, []);
	assert.ok(r.rows.every((row) => row.cpu === 45 && row.desired === 2));
});

test('CPU is load divided by the capacity of the warmed-up instances', () => {
	const r = run({ load: [50, 150, 300] });
	assert.deepEqual(r.rows.map((row) => row.cpu), [25, 75, 100]);
	assert.equal(r.rows[2]!.served, 200, 'two instances serve at most 200 req/s');
	assert.equal(r.overloadedMinutes, 1);
});

test(`scale-out waits for ${SCALE_OUT_PERIODS} minutes above target, then scales in proportion`, () => {
	const r = run({ load: fill(10, 150) }); // 75% on 2 instances
	assert.equal(r.events.length, 1);
	const e = r.events[0]!;
	assert.equal(e.kind, 'out');
	assert.equal(e.minute, SCALE_OUT_PERIODS - 1);
	assert.equal(e.to, 3, 'ceil(2 × 75 / 50) = 3');
	assert.match(e.reason, /above the 50% target/);
});

test('a short burst shorter than the alarm window does not scale out', () => {
	const r = run({ load: [80, 300, 300, 80, 80] });
	assert.deepEqual(r.events, []);
});

test('instances in warm-up do not count toward the metric or the next scale-out', () => {
	const r = run({ load: fill(20, 400), warmupSeconds: 180 });
	const outs = r.events.filter((e) => e.kind === 'out');
	assert.deepEqual(outs.map((e) => [e.minute, e.from, e.to]), [
		[2, 2, 4],
		[6, 4, 8],
	]);
	// During warm-up the new instances carry no load and are not in the average.
	assert.deepEqual([r.rows[3]!.inService, r.rows[3]!.warming, r.rows[3]!.cpu], [2, 2, 100]);
	assert.equal(r.rows[6]!.inService, 4);
	assert.equal(r.rows[10]!.inService, 8);
	assert.equal(r.rows[10]!.cpu, 50);
});

test('with no warm-up the new instances count from the next minute', () => {
	const r = run({ load: fill(8, 150), warmupSeconds: 0 });
	assert.equal(r.rows[3]!.inService, 3);
	assert.equal(r.rows[3]!.cpu, 50);
});

test('warm-up in seconds is rounded up to whole minutes', () => {
	const r = run({ load: fill(10, 150), warmupSeconds: 61 });
	// Launched after minute 2, in service at 3, counted from 3 + 2 = 5.
	assert.equal(r.rows[4]!.inService, 2);
	assert.equal(r.rows[5]!.inService, 3);
});

test('scale-out never passes the maximum and says so once', () => {
	const r = run({ load: fill(30, 5000), max: 5 });
	assert.ok(r.rows.every((row) => row.desired <= 5));
	assert.equal(r.events.filter((e) => e.kind === 'out').at(-1)!.to, 5);
	assert.ok(r.events.some((e) => e.kind === 'out' && /capped at the maximum of 5/.test(e.reason)));
	assert.equal(r.events.filter((e) => e.kind === 'at-max').length, 1);
});

test(`scale-in waits for ${SCALE_IN_PERIODS} low minutes and removes one instance at a time`, () => {
	const r = run({ load: fill(60, 40), desired: 6, min: 1 });
	const ins = r.events.filter((e) => e.kind === 'in');
	assert.ok(ins.length >= 2);
	assert.equal(ins[0]!.minute, SCALE_IN_PERIODS - 1);
	assert.ok(ins.every((e) => e.from - e.to === 1));
	assert.ok(ins[1]!.minute - ins[0]!.minute >= SCALE_IN_PERIODS, 'each scale-in needs a fresh run of low minutes');
});

test('scale-in never goes below the minimum', () => {
	const r = run({ load: fill(240, 1), desired: 5, min: 3 });
	assert.ok(r.rows.every((row) => row.desired >= 3));
	assert.equal(r.rows.at(-1)!.desired, 3);
});

test('scale-in does not happen when removing an instance would push CPU over the target', () => {
	// 2 instances at 44% (below 45%), but one instance would run at 88%.
	const r = run({ load: fill(40, 88), desired: 2, min: 1 });
	assert.deepEqual(r.events, []);
});

test('CPU between 90% of target and the target neither scales in nor out', () => {
	const r = run({ load: fill(60, 95), desired: 2, min: 1 });
	assert.deepEqual(r.events, []);
});

test('scale-in waits while instances are warming up', () => {
	// Scale out on a spike, then load drops at once: no scale-in until warm-up ends and a full low window passes.
	const load = [...fill(3, 300), ...fill(40, 10)];
	const r = run({ load, warmupSeconds: 600, min: 1 });
	const firstIn = r.events.find((e) => e.kind === 'in')!;
	const warmedAt = r.rows.findIndex((row) => row.warming === 0 && row.minute > 2);
	assert.ok(firstIn.minute >= warmedAt);
});

test('the spike preset scales out during the spike and back in slowly afterwards', () => {
	const r = run({ load: [...PRESETS.spike.load] });
	const outs = r.events.filter((e) => e.kind === 'out');
	const ins = r.events.filter((e) => e.kind === 'in');
	assert.ok(outs.length >= 1 && outs.every((e) => e.minute >= 10 && e.minute < 30));
	assert.ok(ins.length >= 1 && ins.every((e) => e.minute >= 30));
	assert.ok(r.peakInstances > 2);
});

test('the presets are within the limits', () => {
	for (const p of Object.values(PRESETS)) {
		assert.ok(p.load.length <= 240);
		assert.ok(parseLoad(p.load.join(', ')).ok);
	}
});

test('parseLoad accepts commas, spaces and new lines, and decimals', () => {
	assert.deepEqual(parseLoad('1, 2,3 4\n5.5'), { ok: true, value: [1, 2, 3, 4, 5.5] });
	assert.deepEqual(parseLoad(' 0 '), { ok: true, value: [0] });
	assert.equal((parseLoad(fill(240, 1).join(',')) as { ok: true; value: number[] }).value.length, 240);
});

const BAD_LOADS: [string, RegExp][] = [
	['', /at least one value/],
	['   ', /at least one value/],
	['1,,2', /value 2 is empty/],
	['1, -2', /"-2"/],
	['1, abc', /"abc"/],
	['NaN', /not a number/],
	['1e5', /not a number/],
	['Infinity', /not a number/],
	['99999999', /above 10,000,000/],
	[fill(241, 1).join(','), /at most 240/],
	['1,'.repeat(10_001), /too long/],
];
for (const [text, message] of BAD_LOADS) {
	test(`rejects the load list ${JSON.stringify(text.slice(0, 20))}`, () => {
		const r = parseLoad(text);
		assert.equal(r.ok, false);
		if (!r.ok) assert.match(r.error, message);
	});
}

const BAD_FIELDS: [Partial<RawInput>, RegExp][] = [
	[{ target: '0' }, /Target CPU: enter a value from 1 to 100/],
	[{ target: '101' }, /Target CPU/],
	[{ target: '' }, /Target CPU: enter a number/],
	[{ target: 'fifty' }, /not a number/],
	[{ min: '0', desired: '0' }, /at least 1/],
	[{ min: '2.5' }, /whole number/],
	[{ min: '5', max: '3', desired: '4' }, /cannot be greater than maximum/],
	[{ desired: '1' }, /between the minimum \(2\) and the maximum \(10\)/],
	[{ desired: '11' }, /between the minimum/],
	[{ max: '101' }, /Maximum capacity: enter a value from 1 to 100/],
	[{ warmup: '-1' }, /Instance warm-up/],
	[{ warmup: '3601' }, /Instance warm-up: enter a value from 0 to 3600/],
	[{ capacity: '0' }, /Capacity per instance/],
	[{ capacity: ' ' }, /Capacity per instance: enter a number/],
];
for (const [over, message] of BAD_FIELDS) {
	test(`rejects ${JSON.stringify(over)}`, () => {
		const r = parseInput({ ...DEFAULT_RAW, ...over });
		assert.equal(r.ok, false);
		if (!r.ok) assert.match(r.error, message);
	});
}

test('simulate rejects out-of-range input that skipped parseInput, without throwing', () => {
	for (const over of [{ load: [] }, { load: [Number.NaN] }, { load: [-1] }, { min: 0, desired: 0 }, { capacity: 0 }, { target: Number.NaN }, { max: 500, desired: 2 }]) {
		assert.equal(simulate({ ...base, load: [1], ...over }).ok, false, JSON.stringify(over));
	}
});

test('niceMax rounds up to 1, 2 or 5 times a power of ten', () => {
	assert.deepEqual([0, 1, 3, 7, 10, 11, 250, 401].map(niceMax), [1, 1, 5, 10, 10, 20, 500, 500]);
});

test('seriesPath maps values into the box, origin bottom-left', () => {
	assert.equal(seriesPath([0, 50, 100], 100, 200, 100), 'M0 100 L100 50 L200 0');
	assert.equal(seriesPath([1, 2], 2, 10, 10, true), 'M0 5 H10 V0');
	assert.equal(seriesPath([5], 10, 10, 10), 'M0 5 H10');
	assert.equal(seriesPath([], 10, 10, 10), '');
	assert.equal(seriesPath([500], 100, 10, 10), 'M0 0 H10', 'values above the axis are clipped');
});

test('summarize describes the run in words', () => {
	const r = run({ load: [...PRESETS.spike.load] });
	const text = summarize({ ...base, load: [...PRESETS.spike.load] }, r);
	assert.match(text, /Over 90 minutes the load ranges from 80 to 400 requests per second/);
	assert.match(text, /starts with 2 instances, peaks at 8/);
	assert.match(text, /could not serve all requests/);
});

test('the summary ends with the capacity the last scaling event left, even when it happens in the last minute', () => {
	const input = { ...base, load: [...PRESETS.spike.load] };
	const r = run(input);
	const last = r.events[r.events.length - 1]!;
	assert.equal(last.minute, input.load.length - 1, 'the spike preset scales in during its last minute');
	assert.equal(r.finalDesired, last.to);
	assert.match(summarize(input, r), new RegExp(`ends with ${last.to},`));
	// A scale-out decided in the last minute counts toward the peak too.
	const burst = { ...base, warmupSeconds: 0, load: fill(3, 400) };
	const b = run(burst);
	assert.equal(b.events.at(-1)?.to, 4);
	assert.match(summarize(burst, b), /peaks at 4 and ends with 4,/);
});

test('raising the minimum above the desired capacity raises the desired capacity too, as Auto Scaling does', () => {
	const raised = editField(DEFAULT_RAW, 'min', '4');
	assert.equal(raised.raw.min, '4');
	assert.equal(raised.raw.desired, '4');
	assert.match(raised.note ?? '', /Desired capacity raised from 2 to 4/);
	assert.equal(parseInput(raised.raw).ok, true);
	// Lowering the maximum below the desired capacity lowers it the same way.
	const lowered = editField({ ...DEFAULT_RAW, desired: '6' }, 'max', '4');
	assert.equal(lowered.raw.desired, '4');
	assert.match(lowered.note ?? '', /Desired capacity lowered from 6 to 4/);
	// Nothing else moves: a minimum that still fits, a minimum above the maximum (an error), text that is not a number.
	assert.deepEqual(editField(DEFAULT_RAW, 'min', '1'), { raw: { ...DEFAULT_RAW, min: '1' } });
	assert.equal(editField(DEFAULT_RAW, 'min', '12').raw.desired, '2');
	assert.match((parseInput(editField(DEFAULT_RAW, 'min', '12').raw) as { error: string }).error, /cannot be greater than maximum/);
	assert.equal(editField(DEFAULT_RAW, 'min', 'four').raw.desired, '2');
	// Setting the desired capacity itself outside the limits is still refused, as SetDesiredCapacity refuses it.
	const direct = editField(DEFAULT_RAW, 'desired', '1');
	assert.equal(direct.raw.desired, '1');
	assert.match((parseInput(direct.raw) as { error: string }).error, /must be between the minimum \(2\)/);
});
