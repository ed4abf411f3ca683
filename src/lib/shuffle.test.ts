import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyOrder, hashString, isPermutation, seededOrder, seededRandom, shuffledIndexes } from './shuffle.ts';

test('the same seed gives the same order, on every call', () => {
	assert.deepEqual(seededOrder(5, 'Which load balancer supports UDP?'), seededOrder(5, 'Which load balancer supports UDP?'));
});

test('different seeds give different orders often enough', () => {
	const orders = new Set(Array.from({ length: 50 }, (_, i) => seededOrder(4, `question ${i}`).join('')));
	assert.ok(orders.size >= 12, `only ${orders.size} distinct orders of 4 choices in 50 seeds`);
});

test('a seeded order is a permutation for every length the schema allows', () => {
	for (let n = 0; n <= 6; n += 1) assert.ok(isPermutation(seededOrder(n, `seed ${n}`), n), `length ${n}`);
});

test('the first position is spread evenly over many seeds', () => {
	const counts = [0, 0, 0, 0];
	for (let i = 0; i < 4000; i += 1) counts[seededOrder(4, `q${i}`).indexOf(0)] += 1;
	for (const c of counts) assert.ok(c > 850 && c < 1150, `positions of the first choice: ${counts.join(', ')}`);
});

test('hashString and seededRandom are stable and in range', () => {
	assert.equal(hashString(''), 0x811c9dc5);
	assert.notEqual(hashString('a'), hashString('b'));
	const random = seededRandom(42);
	for (let i = 0; i < 1000; i += 1) {
		const x = random();
		assert.ok(x >= 0 && x < 1);
	}
});

test('shuffledIndexes survives bad lengths and a generator that returns 1', () => {
	assert.deepEqual(shuffledIndexes(-3), []);
	assert.deepEqual(shuffledIndexes(Number.NaN), []);
	assert.deepEqual(shuffledIndexes(2.5), []);
	assert.ok(isPermutation(shuffledIndexes(5, () => 1), 5));
	assert.ok(isPermutation(shuffledIndexes(5, () => 0), 5));
});

test('isPermutation rejects anything that is not exactly 0…n-1', () => {
	assert.equal(isPermutation([2, 0, 1], 3), true);
	for (const bad of [[0, 0, 1], [0, 1], [0, 1, 3], [0, 1, -1], [0, 1, 1.5], '012', null, [0, 1, '2']]) {
		assert.equal(isPermutation(bad, 3), false, JSON.stringify(bad));
	}
});

test('applyOrder puts items[order[p]] at position p', () => {
	assert.deepEqual(applyOrder(['a', 'b', 'c'], [2, 0, 1]), ['c', 'a', 'b']);
});
