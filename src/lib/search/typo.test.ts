import { test } from 'node:test';
import assert from 'node:assert/strict';
import { correctQuery, editDistance, vocabularyOf } from './typo.ts';

test('a swap of two neighbouring letters is one edit; other edits count one each', () => {
	assert.equal(editDistance('laod', 'load'), 1);
	assert.equal(editDistance('balancr', 'balancer'), 1);
	assert.equal(editDistance('load', 'load'), 0);
	assert.equal(editDistance('kinesis', 'dynamodb'), 3, 'capped at max + 1');
});

test('unknown words one edit from a known word are corrected; known, short and numeric words are kept', () => {
	const vocabulary = new Set(vocabularyOf(['Load balancer', 'Target group', 'Lambda layers', 'lead time']));
	assert.equal(correctQuery('laod balancer', vocabulary), 'load balancer');
	assert.equal(correctQuery('Lamdba layers', vocabulary), 'lambda layers');
	assert.equal(correctQuery('target group', vocabulary), 'target group');
	assert.equal(correctQuery('SNI', vocabulary), 'SNI', 'short words are too ambiguous');
	assert.equal(correctQuery('C03', vocabulary), 'C03');
	assert.equal(correctQuery('zzzz', vocabulary), 'zzzz', 'nothing near: left alone');
	assert.equal(correctQuery('lXad', new Set(['lead', 'load'])), 'lead', 'a tie goes to the first word with the same first letter');
});

test('the vocabulary is lower-case, unique, sorted words of three letters or more', () => {
	assert.deepEqual(vocabularyOf(['An ALB routes', 'the ALB']), ['alb', 'routes', 'the']);
});
