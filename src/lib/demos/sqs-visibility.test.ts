import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calculate, defaultInput, fmtTime } from './sqs-visibility.ts';
import type { Field, Simulation, VisibilityInput } from './sqs-visibility.ts';

function ok(change: Partial<VisibilityInput> = {}): Simulation {
	const r = calculate({ ...defaultInput(), ...change });
	assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.errors));
	return r.value;
}
function bad(change: Partial<VisibilityInput>, field: Field, message: RegExp) {
	const r = calculate({ ...defaultInput(), ...change });
	assert.equal(r.ok, false);
	if (r.ok) return;
	assert.match(r.errors[field] ?? '', message);
}
const line = (s: Simulation) => s.events.map((e) => `${e.at} ${e.kind}`);

test('the default example: 30 s timeout, 40 s of successful work, maxReceiveCount 3 ends in the dead-letter queue', () => {
	const s = ok();
	assert.deepEqual(line(s), [
		'0 received',
		'30 visible',
		'30 received',
		'40 late',
		'60 visible',
		'60 received',
		'70 late',
		'90 visible',
		'90 dlq',
		'100 late',
	]);
	assert.equal(s.fate, 'dlq');
	assert.equal(s.fateAt, 90);
	assert.equal(s.processed, 3);
	assert.equal(s.span, 100);
	assert.equal(s.events[0].text, 'Received #1 (ApproximateReceiveCount 1); hidden for 30 s.');
	assert.equal(s.events[8].text, 'Receive #4 would exceed maxReceiveCount (3): SQS moves the message to the dead-letter queue.');
	assert.match(s.verdict, /^Processed 3 times \(duplicates\) and still moved to the dead-letter queue at 90 s/);
	assert.match(s.verdict, /Raise the visibility timeout above the processing time/);
});

test('a timeout longer than the work: processed once and deleted', () => {
	const s = ok({ visibilityTimeout: '60' });
	assert.deepEqual(line(s), ['0 received', '40 deleted']);
	assert.equal(s.fate, 'deleted');
	assert.equal(s.processed, 1);
	assert.equal(s.verdict, 'Processed once and deleted at 40 s: the visibility timeout (60 s) is longer than the processing time.');
	assert.equal(s.span, 40, 'the unused part of the timeout does not stretch the bars');
});

test('when the work takes exactly the timeout, each "too late" line follows the receive it refers to', () => {
	const s = ok({ visibilityTimeout: '40', processingTime: '40', maxReceiveCount: '3' });
	assert.deepEqual(line(s), [
		'0 received',
		'40 visible',
		'40 received',
		'40 late',
		'80 visible',
		'80 received',
		'80 late',
		'120 visible',
		'120 dlq',
		'120 late',
	]);
	assert.match(s.events[3].text, /^Attempt #1 finishes and deletes with its old receipt handle: too late, the message was already received again/);
	assert.match(s.events[9].text, /^Attempt #3 .*already moved/);
});

test('a delete at the very second the timeout ends is too late', () => {
	const s = ok({ visibilityTimeout: '40', maxReceiveCount: '1' });
	assert.equal(s.fate, 'dlq');
	assert.equal(s.attempts[0].result, 'too-late');
	assert.match(s.verdict, /^Processed once and still moved/);
});

test('failing every time: one receive per timeout, then the dead-letter queue when the count would exceed maxReceiveCount', () => {
	const s = ok({ visibilityTimeout: '30', processingTime: '5', outcome: 'fails', maxReceiveCount: '2' });
	assert.deepEqual(line(s), ['0 received', '5 failed', '30 visible', '30 received', '35 failed', '60 visible', '60 dlq']);
	assert.equal(s.processed, 0);
	assert.match(s.verdict, /^Failed twice, then moved to the dead-letter queue at 60 s/);
	assert.doesNotMatch(s.verdict, /overlapped/);
	const slow = ok({ visibilityTimeout: '10', processingTime: '25', outcome: 'fails', maxReceiveCount: '2' });
	assert.match(slow.verdict, /attempts overlapped/);
});

test('maxReceiveCount 1: the second receive moves the message', () => {
	const s = ok({ outcome: 'fails', processingTime: '5', maxReceiveCount: '1' });
	assert.deepEqual(line(s), ['0 received', '5 failed', '30 visible', '30 dlq']);
});

test('a heartbeat keeps the message hidden until the work ends, so it is processed once', () => {
	const s = ok({ heartbeat: 'on' });
	// 40 s of work with a 30 s timeout: calls at 15 s and 30 s, the last asking for 30 s more: hidden until 60 s.
	assert.deepEqual(line(s), ['0 received', '15 extended', '40 deleted']);
	assert.match(s.events[1].text, /ChangeMessageVisibility twice \(every 15 s, 30 s each time\): hidden until 60 s\./);
	assert.match(s.verdict, /^Processed once: the heartbeat kept the message hidden past the 30 s timeout/);
	const long = ok({ heartbeat: 'on', visibilityTimeout: '1', processingTime: '43199' });
	assert.equal(long.fate, 'deleted');
	assert.match(long.events[1].text, /86,397 times/);
	assert.doesNotMatch(long.events[1].text, /rejects/);
});

test('a heartbeat cannot keep a message hidden more than 12 hours after a receive', () => {
	const s = ok({ heartbeat: 'on', visibilityTimeout: '1', processingTime: '43200', maxReceiveCount: '1' });
	assert.equal(s.attempts[0].hiddenUntil, 43200);
	assert.equal(s.attempts[0].result, 'too-late');
	assert.equal(s.fate, 'dlq');
	assert.match(s.events[1].text, /86,398 times .*hidden until 43,200 s \(12 h\)\. SQS rejects the next call/);
	assert.match(s.verdict, /at most 12 hours after each receive/);
	const big = ok({ heartbeat: 'on', visibilityTimeout: '43200', processingTime: '43200', maxReceiveCount: '1' });
	assert.equal(big.attempts[0].hiddenUntil, 43200, 'no extension fits when the timeout is already 12 hours');
	assert.equal(big.fate, 'dlq');
});

test('a heartbeat with a failing consumer: visible again when the last extension ends', () => {
	const s = ok({ heartbeat: 'on', outcome: 'fails', processingTime: '40', maxReceiveCount: '1' });
	assert.deepEqual(line(s), ['0 received', '15 extended', '40 failed', '60 visible', '60 dlq']);
});

test('a visibility timeout of 0: received again at once, up to the dead-letter queue', () => {
	const s = ok({ visibilityTimeout: '0', maxReceiveCount: '3' });
	assert.equal(s.fateAt, 0);
	assert.equal(s.events.filter((e) => e.kind === 'received').length, 3);
	assert.equal(s.fate, 'dlq');
});

test('1,000 receives stay fast and bounded', () => {
	const s = ok({ visibilityTimeout: '1', processingTime: '2', maxReceiveCount: '1000' });
	assert.equal(s.attempts.length, 1000);
	assert.equal(s.fateAt, 1000);
});

test('long times are shown with minutes or hours', () => {
	assert.equal(fmtTime(90), '90 s');
	assert.equal(fmtTime(150), '150 s (2.5 min)');
	assert.equal(fmtTime(43200), '43,200 s (12 h)');
	assert.equal(fmtTime(7.5), '7.5 s');
});

test('spaces around numbers are ignored', () => {
	assert.equal(ok({ visibilityTimeout: ' 60 ', processingTime: '40 ' }).fate, 'deleted');
});

const BAD: [string, Partial<VisibilityInput>, Field, RegExp][] = [
	['empty timeout', { visibilityTimeout: '' }, 'visibilityTimeout', /Enter the visibility timeout in seconds, from 0 to 43,200/],
	['blank timeout', { visibilityTimeout: '   ' }, 'visibilityTimeout', /Enter the visibility timeout/],
	['negative timeout', { visibilityTimeout: '-5' }, 'visibilityTimeout', /cannot be negative/],
	['fractional timeout', { visibilityTimeout: '2.5' }, 'visibilityTimeout', /whole number of seconds; 2\.5 is a fraction/],
	['NaN timeout', { visibilityTimeout: 'NaN' }, 'visibilityTimeout', /"NaN" is not a whole number of seconds/],
	['text timeout', { visibilityTimeout: 'thirty' }, 'visibilityTimeout', /"thirty" is not a whole number/],
	['timeout with unit', { visibilityTimeout: '30s' }, 'visibilityTimeout', /"30s" is not a whole number/],
	['timeout over 12 hours', { visibilityTimeout: '43201' }, 'visibilityTimeout', /at most 43,200 s \(12 hours\)/],
	['huge timeout', { visibilityTimeout: '9'.repeat(400) }, 'visibilityTimeout', /at most 43,200 s/],
	['thousands separator', { visibilityTimeout: '1,000' }, 'visibilityTimeout', /without separators: 1000/],
	['exponent', { visibilityTimeout: '1e3' }, 'visibilityTimeout', /not a whole number/],
	['Infinity', { processingTime: 'Infinity' }, 'processingTime', /not a whole number/],
	['empty processing time', { processingTime: '' }, 'processingTime', /Enter how long one attempt takes/],
	['zero processing time', { processingTime: '0' }, 'processingTime', /at least 1 second/],
	['processing over 12 hours', { processingTime: '50000' }, 'processingTime', /up to 43,200 s/],
	['empty maxReceiveCount', { maxReceiveCount: '' }, 'maxReceiveCount', /Enter maxReceiveCount, from 1 to 1,000/],
	['zero maxReceiveCount', { maxReceiveCount: '0' }, 'maxReceiveCount', /at least 1/],
	['maxReceiveCount over 1,000', { maxReceiveCount: '1001' }, 'maxReceiveCount', /at most 1,000/],
	['fractional maxReceiveCount', { maxReceiveCount: '1.5' }, 'maxReceiveCount', /whole number of receives/],
	['negative maxReceiveCount', { maxReceiveCount: '-1' }, 'maxReceiveCount', /cannot be negative/],
	['unknown outcome', { outcome: 'sometimes' as never }, 'outcome', /Choose whether processing succeeds/],
	['unknown heartbeat', { heartbeat: undefined as never }, 'heartbeat', /Choose whether the consumer sends a heartbeat/],
	['heartbeat with a 0 s timeout', { heartbeat: 'on', visibilityTimeout: '0' }, 'heartbeat', /needs a visibility timeout above 0 s/],
];
for (const [name, change, field, message] of BAD) {
	test(`bad input, ${name}: a message for that field, no throw`, () => bad(change, field, message));
}

test('every bad field is reported at once, and nothing else', () => {
	const r = calculate({ ...defaultInput(), visibilityTimeout: 'x', maxReceiveCount: '0' });
	assert.equal(r.ok, false);
	if (r.ok) return;
	assert.deepEqual(Object.keys(r.errors).sort(), ['maxReceiveCount', 'visibilityTimeout']);
});

test('missing or wrong-typed input never throws', () => {
	for (const input of [null, undefined, 42, 'text', {}, { visibilityTimeout: 30, processingTime: 40 }]) {
		const r = calculate(input as never);
		assert.equal(r.ok, false);
	}
});
