import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calculate, defaultInput, provisionedLine } from './dynamodb-capacity.ts';
import type { Capacity, CapacityInput, Field } from './dynamodb-capacity.ts';

function ok(change: Partial<CapacityInput> = {}): Capacity {
	const r = calculate({ ...defaultInput(), ...change });
	assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.errors));
	return r.value;
}
function bad(change: Partial<CapacityInput>, field: Field, message: RegExp) {
	const r = calculate({ ...defaultInput(), ...change });
	assert.equal(r.ok, false);
	if (r.ok) return;
	assert.match(r.errors[field] ?? '', message);
}

test('the default example: 6 KB items, 10 strongly consistent reads/s, 5 writes/s', () => {
	const c = ok();
	assert.equal(c.rcu, 20);
	assert.equal(c.wcu, 30);
	assert.equal(c.rru, 20);
	assert.equal(c.wru, 30);
	assert.equal(c.readSteps[0], 'Round 6 KB up to the next 4 KB: 8 KB.');
	assert.equal(c.writeSteps.at(-1), '5 writes/s × 6 = 30 WCUs.');
});

test('read consistency: eventual is half, transactional double', () => {
	assert.equal(ok({ consistency: 'eventual' }).rcu, 10);
	assert.equal(ok({ consistency: 'transactional' }).rcu, 40);
	// 8 KB eventually consistent is 1 unit per read, so 3 reads/s need 3 RCUs.
	assert.equal(ok({ itemSizeKb: '8', readsPerSecond: '3', consistency: 'eventual' }).rcu, 3);
});

test('a fractional read total: provisioned rounds up, on-demand keeps the half unit', () => {
	const one = ok({ itemSizeKb: '4', readsPerSecond: '1', consistency: 'eventual' });
	assert.equal(one.rru, 0.5);
	assert.equal(one.rcu, 1);
	assert.match(one.readSteps.at(-1)!, /round 0\.5 up to 1 RCU\./);
	const c = ok({ itemSizeKb: '3.5', readsPerSecond: '25', consistency: 'eventual' });
	assert.equal(c.rru, 12.5);
	assert.equal(c.rcu, 13);
});

test('item sizes round up per item: reads to 4 KB, writes to 1 KB', () => {
	assert.equal(ok({ itemSizeKb: '7', readsPerSecond: '15' }).rcu, 30);
	assert.equal(ok({ itemSizeKb: '9', readsPerSecond: '20', consistency: 'eventual' }).rcu, 30);
	assert.equal(ok({ itemSizeKb: '0.5', writesPerSecond: '100' }).wcu, 100);
	assert.equal(ok({ itemSizeKb: '4', readsPerSecond: '1' }).readSteps[0], '4 KB is already a multiple of 4 KB.');
	assert.equal(ok({ itemSizeKb: '4.01', readsPerSecond: '1' }).rcu, 2);
	assert.equal(ok({ itemSizeKb: '4.000001', readsPerSecond: '1' }).rcu, 2);
	assert.equal(ok({ itemSizeKb: '1.000001', writesPerSecond: '1' }).wcu, 2);
	assert.equal(ok({ itemSizeKb: '400', readsPerSecond: '1', writesPerSecond: '1' }).rcu, 100);
	assert.equal(ok({ itemSizeKb: '400', writesPerSecond: '1' }).wcu, 400);
});

test('transactional writes cost double', () => {
	const c = ok({ itemSizeKb: '1.5', writesPerSecond: '12', writeType: 'transactional' });
	assert.equal(c.wcu, 48);
	assert.equal(c.wru, 48);
	assert.match(c.writeSteps.join(' '), /Transactional costs double: 2 × 2 = 4 WCUs per write/);
	assert.equal(ok({ itemSizeKb: '2.5', writesPerSecond: '5', writeType: 'transactional' }).wcu, 30);
});

test('zero requests per second still provision the minimum of 1 unit each, and on demand consume nothing', () => {
	const c = ok({ readsPerSecond: '0', writesPerSecond: '0' });
	assert.equal(c.rcu, 1);
	assert.equal(c.wcu, 1);
	assert.equal(c.rru, 0);
	assert.equal(c.wru, 0);
	assert.equal(c.provisioned, 'Provisioned: 1 RCU (the minimum) and 1 WCU (the minimum)');
});

test('the provisioned line says "1 RCU", never "1 RCUs"', () => {
	assert.equal(ok({ itemSizeKb: '4', readsPerSecond: '1', writesPerSecond: '1' }).provisioned, 'Provisioned: 1 RCU and 4 WCUs');
	assert.equal(ok({ itemSizeKb: '1', readsPerSecond: '1', writesPerSecond: '1', consistency: 'eventual' }).provisioned, 'Provisioned: 1 RCU and 1 WCU');
	assert.equal(ok({}).provisioned, 'Provisioned: 20 RCUs and 30 WCUs');
	assert.equal(provisionedLine(1500, 2), 'Provisioned: 1,500 RCUs and 2 WCUs');
});

test('spaces around numbers are ignored, and thousands separators are read as such', () => {
	assert.equal(ok({ itemSizeKb: ' 6 ', readsPerSecond: ' 10' }).rcu, 20);
	assert.equal(ok({ itemSizeKb: '4', readsPerSecond: '1,000', writesPerSecond: '12,000' }).rcu, 1000);
	assert.equal(ok({ itemSizeKb: '1', writesPerSecond: '12,000' }).wcu, 12000);
});

const BAD: [string, Partial<CapacityInput>, Field, RegExp][] = [
	['empty size', { itemSizeKb: '' }, 'itemSizeKb', /Enter the item size/],
	['blank size', { itemSizeKb: '   ' }, 'itemSizeKb', /Enter the item size/],
	['negative size', { itemSizeKb: '-3' }, 'itemSizeKb', /cannot be negative/],
	['zero size', { itemSizeKb: '0' }, 'itemSizeKb', /more than 0 KB/],
	['NaN size', { itemSizeKb: 'NaN' }, 'itemSizeKb', /"NaN" is not a number of KB/],
	['text size', { itemSizeKb: 'six' }, 'itemSizeKb', /"six" is not a number/],
	['size with unit', { itemSizeKb: '6KB' }, 'itemSizeKb', /"6KB" is not a number/],
	['comma decimal', { itemSizeKb: '3,5' }, 'itemSizeKb', /Use a dot for decimals: 3\.5/],
	['exponent', { itemSizeKb: '1e2' }, 'itemSizeKb', /not a number of KB/],
	['Infinity', { itemSizeKb: 'Infinity' }, 'itemSizeKb', /not a number of KB/],
	['over 400 KB', { itemSizeKb: '400.5' }, 'itemSizeKb', /over the 400 KB maximum item size/],
	['huge size', { itemSizeKb: '9'.repeat(400) }, 'itemSizeKb', /That size is over the 400 KB/],
	['empty reads', { readsPerSecond: '' }, 'readsPerSecond', /Enter the number of reads per second/],
	['negative reads', { readsPerSecond: '-1' }, 'readsPerSecond', /cannot be negative/],
	['fractional reads', { readsPerSecond: '2.5' }, 'readsPerSecond', /whole number of reads per second/],
	['text reads', { readsPerSecond: 'lots' }, 'readsPerSecond', /"lots" is not a whole number/],
	['huge reads', { readsPerSecond: '1' + '0'.repeat(30) }, 'readsPerSecond', /at most 1,000,000 reads per second/],
	['fractional writes', { writesPerSecond: '0.5' }, 'writesPerSecond', /whole number of writes per second/],
	['NaN writes', { writesPerSecond: 'NaN' }, 'writesPerSecond', /"NaN" is not a whole number of writes/],
	['unknown consistency', { consistency: 'quick' as never }, 'consistency', /Choose a read consistency/],
	['unknown write type', { writeType: undefined as never }, 'writeType', /Choose a write type/],
];
for (const [name, change, field, message] of BAD) {
	test(`bad input, ${name}: a message for that field, no throw`, () => bad(change, field, message));
}

test('every bad field is reported at once, and nothing else', () => {
	const r = calculate({ ...defaultInput(), itemSizeKb: 'x', writesPerSecond: '-2' });
	assert.equal(r.ok, false);
	if (r.ok) return;
	assert.deepEqual(Object.keys(r.errors).sort(), ['itemSizeKb', 'writesPerSecond']);
});

test('missing or wrong-typed input never throws', () => {
	for (const input of [null, undefined, 42, {}, { itemSizeKb: 6, readsPerSecond: 10 }]) {
		const r = calculate(input as never);
		assert.equal(r.ok, false);
	}
});
