import { test } from 'node:test';
import assert from 'node:assert/strict';
import { columnsOf, gridMove } from './grid-keys.ts';

test('arrow keys move inside the navigator grid and stop at its edges', () => {
	// 65 cells in rows of 7.
	assert.equal(gridMove(0, 'ArrowRight', 65, 7), 1);
	assert.equal(gridMove(6, 'ArrowRight', 65, 7), 7);
	assert.equal(gridMove(64, 'ArrowRight', 65, 7), 64);
	assert.equal(gridMove(0, 'ArrowLeft', 65, 7), 0);
	assert.equal(gridMove(7, 'ArrowLeft', 65, 7), 6);
	assert.equal(gridMove(3, 'ArrowDown', 65, 7), 10);
	assert.equal(gridMove(60, 'ArrowDown', 65, 7), 60);
	assert.equal(gridMove(10, 'ArrowUp', 65, 7), 3);
	assert.equal(gridMove(3, 'ArrowUp', 65, 7), 3);
	assert.equal(gridMove(30, 'Home', 65, 7), 0);
	assert.equal(gridMove(30, 'End', 65, 7), 64);
	assert.equal(gridMove(30, 'Enter', 65, 7), null);
	assert.equal(gridMove(30, 'Tab', 65, 7), null);
	assert.equal(gridMove(0, 'ArrowDown', 65, 0), 1);
	assert.equal(gridMove(0, 'ArrowDown', 0, 7), null);
});

test('the number of columns is read from where the cells sit', () => {
	assert.equal(columnsOf([10, 10, 10, 60, 60, 60, 110]), 3);
	assert.equal(columnsOf([10, 10.5, 10]), 3);
	assert.equal(columnsOf([]), 1);
});
