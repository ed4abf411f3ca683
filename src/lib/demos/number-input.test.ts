import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withoutThousands } from './number-input.ts';

test('thousands separators are dropped; a decimal comma or odd grouping is left for the field to refuse', () => {
	assert.equal(withoutThousands('1,000'), '1000');
	assert.equal(withoutThousands('12,500,000'), '12500000');
	assert.equal(withoutThousands('1000'), '1000');
	assert.equal(withoutThousands('1,5'), '1,5');
	assert.equal(withoutThousands('10,00'), '10,00');
	assert.equal(withoutThousands('1,0000'), '1,0000');
	assert.equal(withoutThousands(',100'), ',100');
});
