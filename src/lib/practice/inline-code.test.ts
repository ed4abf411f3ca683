import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inlineCodeParts } from './inline-code.ts';

test('backticks become code parts; the rest stays plain', () => {
	assert.deepEqual(inlineCodeParts('Call `GetItem` with `ConsistentRead`.'), [
		{ text: 'Call ', code: false },
		{ text: 'GetItem', code: true },
		{ text: ' with ', code: false },
		{ text: 'ConsistentRead', code: true },
		{ text: '.', code: false },
	]);
	assert.deepEqual(inlineCodeParts('`$LATEST`'), [{ text: '$LATEST', code: true }]);
});

test('text without a pair of backticks is one plain part, unpaired backticks kept', () => {
	assert.deepEqual(inlineCodeParts('No code here'), [{ text: 'No code here', code: false }]);
	assert.deepEqual(inlineCodeParts('a ` b'), [{ text: 'a ` b', code: false }]);
	assert.deepEqual(inlineCodeParts(''), [{ text: '', code: false }]);
	assert.deepEqual(inlineCodeParts('``'), [{ text: '``', code: false }]);
});
