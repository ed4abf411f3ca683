import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateTimeText } from './dates.ts';

test('dates and times read "2 Dec 2026, 09:05" everywhere', () => {
	assert.equal(dateTimeText(Date.UTC(2026, 11, 2, 9, 5), 'UTC'), '2 Dec 2026, 09:05');
	assert.equal(dateTimeText('2026-12-03T21:30:00.000Z', 'UTC'), '3 Dec 2026, 21:30');
	assert.equal(dateTimeText(new Date(Date.UTC(2027, 0, 1, 0, 0)), 'UTC'), '1 Jan 2027, 00:00');
	assert.equal(dateTimeText('not a date'), '');
	assert.equal(dateTimeText(Number.NaN), '');
});
