import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calculate, defaultInput } from './lambda-concurrency.ts';
import type { Concurrency, ConcurrencyInput, Field } from './lambda-concurrency.ts';

function ok(change: Partial<ConcurrencyInput> = {}): Concurrency {
	const r = calculate({ ...defaultInput(), ...change });
	assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.errors));
	return r.value;
}
function bad(change: Partial<ConcurrencyInput>, field: Field, message: RegExp) {
	const r = calculate({ ...defaultInput(), ...change });
	assert.equal(r.ok, false);
	if (r.ok) return;
	assert.match(r.errors[field] ?? '', message);
}

test('the default example: 500 requests/s of 400 ms, 150 reserved, 50 provisioned, synchronous', () => {
	const c = ok();
	assert.equal(c.needed, 200);
	assert.equal(c.available, 150);
	assert.equal(c.limitedBy, 'reserved');
	assert.equal(c.running, 150);
	assert.equal(c.onProvisioned, 50);
	assert.equal(c.onDemand, 100);
	// 150 environments × 2.5 requests/s each = 375 served, so 125 throttled.
	assert.equal(c.servedPerSecond, 375);
	assert.equal(c.throttledPerSecond, 125);
	assert.equal(c.summary[0], '500 requests/s × 0.4 s = 200: the function needs 200 execution environments busy at once.');
	assert.match(c.excess!, /^125 requests per second are throttled: each caller gets HTTP 429 TooManyRequestsException/);
	assert.equal(c.burst, null);
});

test('the issue example: 200 requests/s of 3 s need 600, which the default account limit covers', () => {
	const c = ok({ requestsPerSecond: '200', durationMs: '3000', reserved: '', provisioned: '' });
	assert.equal(c.needed, 600);
	assert.equal(c.available, 1000);
	assert.equal(c.limitedBy, 'account');
	assert.equal(c.throttledPerSecond, 0);
	assert.equal(c.excess, null);
	assert.equal(c.onProvisioned, 0);
	assert.equal(c.onDemand, 600);
	assert.match(c.summary.at(-1)!, /400 of the 1,000 available are left over/);
});

test('a fractional need rounds up to whole environments', () => {
	const c = ok({ requestsPerSecond: '3', durationMs: '333', reserved: '', provisioned: '' });
	assert.equal(c.neededExact, 0.999);
	assert.equal(c.needed, 1);
	assert.equal(c.summary[0], '3 requests/s × 0.333 s = 0.999, rounded up to 1: the function needs 1 execution environment busy at once.');
	assert.equal(ok({ requestsPerSecond: '10', durationMs: '12.5', reserved: '', provisioned: '' }).needed, 1);
});

test('asynchronous excess is queued and retried for up to 6 hours, then a destination, a DLQ or nothing', () => {
	const c = ok({ invocation: 'async', requestsPerSecond: '3000', durationMs: '1000', reserved: '', provisioned: '100' });
	assert.equal(c.needed, 3000);
	assert.equal(c.available, 1000);
	assert.equal(c.onProvisioned, 100);
	assert.equal(c.onDemand, 900);
	assert.equal(c.throttledPerSecond, 2000);
	assert.match(c.excess!, /2,000 requests per second are throttled/);
	assert.match(c.excess!, /up to the maximum event age \(6 hours by default\)/);
	assert.match(c.excess!, /retry attempts setting \(0 to 2\) counts function errors only/);
	assert.match(c.excess!, /on-failure destination or dead-letter queue .* otherwise Lambda discards it/);
	assert.doesNotMatch(c.excess!, /429/);
});

test('provisioned concurrency covers the first environments; the rest run on demand', () => {
	const all = ok({ requestsPerSecond: '100', durationMs: '500', reserved: '', provisioned: '80' });
	assert.equal(all.needed, 50);
	assert.equal(all.onProvisioned, 50);
	assert.equal(all.onDemand, 0);
	assert.doesNotMatch(all.summary.join(' '), /cold start\./);
	const some = ok({ requestsPerSecond: '100', durationMs: '500', reserved: '', provisioned: '20' });
	assert.equal(some.onProvisioned, 20);
	assert.equal(some.onDemand, 30);
	assert.match(some.summary.join(' '), /a new environment means a cold start/);
});

test('reserved concurrency of 0 throttles everything; zero requests need nothing', () => {
	const off = ok({ reserved: '0', provisioned: '' });
	assert.equal(off.available, 0);
	assert.equal(off.running, 0);
	assert.equal(off.throttledPerSecond, 500);
	assert.match(off.summary[1], /every request is throttled/);
	const idle = ok({ requestsPerSecond: '0' });
	assert.equal(idle.needed, 0);
	assert.equal(idle.throttledPerSecond, 0);
	assert.equal(idle.excess, null);
});

test('the scaling rate: from idle, 1,000 environments at once, then 1,000 more every 10 seconds', () => {
	const c = ok({ requestsPerSecond: '5000', durationMs: '500', reserved: '', provisioned: '', accountLimit: '5000' });
	assert.equal(c.onDemand, 2500);
	assert.match(c.burst!, /at most 1,000 environments to the function every 10 seconds/);
	assert.match(c.burst!, /2,500 on-demand environments takes about 20 seconds/);
	// 1,001 to 2,000 environments: one wait of 10 seconds, not two.
	assert.match(ok({ requestsPerSecond: '1500', durationMs: '1000', reserved: '', provisioned: '', accountLimit: '5000' }).burst!, /1,500 on-demand environments takes about 10 seconds/);
	assert.match(ok({ requestsPerSecond: '2000', durationMs: '1000', reserved: '', provisioned: '', accountLimit: '5000' }).burst!, /2,000 on-demand environments takes about 10 seconds/);
	assert.match(ok({ requestsPerSecond: '2001', durationMs: '1000', reserved: '', provisioned: '', accountLimit: '5000' }).burst!, /about 20 seconds/);
	assert.equal(ok({ requestsPerSecond: '1000', durationMs: '1000', reserved: '', provisioned: '' }).burst, null);
});

test('cross-field limits at their edges are accepted', () => {
	assert.equal(ok({ reserved: '900', provisioned: '900' }).available, 900);
	assert.equal(ok({ reserved: '', provisioned: '900' }).onProvisioned, 200);
	assert.equal(ok({ accountLimit: '100', reserved: '', provisioned: '' }).available, 100);
});

test('spaces around numbers are ignored, and thousands separators are read as such', () => {
	assert.equal(ok({ requestsPerSecond: ' 500 ', durationMs: ' 400' }).needed, 200);
	assert.equal(ok({ requestsPerSecond: '1,000', durationMs: '100', accountLimit: '1,000' }).needed, 100);
	assert.equal(ok({ accountLimit: '10,000', reserved: '1,500', provisioned: '' }).available, 1500);
});

const BAD: [string, Partial<ConcurrencyInput>, Field, RegExp][] = [
	['empty rate', { requestsPerSecond: '' }, 'requestsPerSecond', /Enter the number of requests per second/],
	['negative rate', { requestsPerSecond: '-5' }, 'requestsPerSecond', /cannot be negative/],
	['fractional rate', { requestsPerSecond: '2.5' }, 'requestsPerSecond', /whole number .* 2\.5 is a fraction/],
	['text rate', { requestsPerSecond: 'lots' }, 'requestsPerSecond', /"lots" is not a whole number/],
	['NaN rate', { requestsPerSecond: 'NaN' }, 'requestsPerSecond', /"NaN" is not a whole number/],
	['huge rate', { requestsPerSecond: '1' + '0'.repeat(30) }, 'requestsPerSecond', /at most 1,000,000/],
	['empty duration', { durationMs: '   ' }, 'durationMs', /Enter the average duration/],
	['zero duration', { durationMs: '0' }, 'durationMs', /more than 0 ms/],
	['negative duration', { durationMs: '-1' }, 'durationMs', /cannot be negative/],
	['comma decimal duration', { durationMs: '12,5' }, 'durationMs', /Use a dot for decimals: 12\.5/],
	['duration with unit', { durationMs: '400ms' }, 'durationMs', /"400ms" is not a number of milliseconds/],
	['Infinity duration', { durationMs: 'Infinity' }, 'durationMs', /not a number of milliseconds/],
	['duration over the timeout', { durationMs: '900001' }, 'durationMs', /at most 900 seconds/],
	['empty account limit', { accountLimit: '' }, 'accountLimit', /Enter the account concurrency limit/],
	['zero account limit', { accountLimit: '0' }, 'accountLimit', /at least 1/],
	['exponent account limit', { accountLimit: '1e3' }, 'accountLimit', /"1e3" is not a whole number/],
	['negative reserved', { reserved: '-10' }, 'reserved', /reserved concurrency cannot be negative/],
	['fractional reserved', { reserved: '10.5' }, 'reserved', /whole number for the reserved concurrency/],
	['reserved over the limit minus 100', { reserved: '901' }, 'reserved', /At most 900: Lambda keeps 100 of the account's 1,000 unreserved/],
	['reserved with a small account', { accountLimit: '80', reserved: '10', provisioned: '' }, 'reserved', /no concurrency can be reserved/],
	['provisioned over reserved', { reserved: '100', provisioned: '101' }, 'provisioned', /cannot be more than the 100 reserved/],
	['provisioned over the account', { reserved: '', provisioned: '1001' }, 'provisioned', /At most 900/],
	// Lambda keeps 100 unreserved: provisioned concurrency stops at the account limit minus 100.
	['provisioned over the account minus 100', { reserved: '', provisioned: '901' }, 'provisioned', /At most 900: provisioned concurrency comes out of the account's 1,000, and Lambda keeps 100 of it unreserved/],
	['provisioned with a small account', { accountLimit: '100', reserved: '', provisioned: '1' }, 'provisioned', /no concurrency can be provisioned/],
	['text provisioned', { provisioned: 'some' }, 'provisioned', /"some" is not a whole number/],
	['unknown invocation type', { invocation: 'stream' as never }, 'invocation', /Choose an invocation type/],
];
for (const [name, change, field, message] of BAD) {
	test(`bad input, ${name}: a message for that field, no throw`, () => bad(change, field, message));
}

test('every bad field is reported at once, and nothing else', () => {
	const r = calculate({ ...defaultInput(), requestsPerSecond: 'x', durationMs: '-2' });
	assert.equal(r.ok, false);
	if (r.ok) return;
	assert.deepEqual(Object.keys(r.errors).sort(), ['durationMs', 'requestsPerSecond']);
});

test('a cross-field rule waits for the field it compares with: a bad account limit blames only itself', () => {
	const r = calculate({ ...defaultInput(), accountLimit: 'many', reserved: '5000' });
	assert.equal(r.ok, false);
	if (r.ok) return;
	assert.deepEqual(Object.keys(r.errors), ['accountLimit']);
});

test('missing or wrong-typed input never throws', () => {
	for (const input of [null, undefined, 42, {}, { requestsPerSecond: 10, durationMs: 100 }]) {
		const r = calculate(input as never);
		assert.equal(r.ok, false);
	}
});
