import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coverPages, styleFeatures } from '../support/style-cover.ts';

test('a page\'s style features are the elements and classes of its body', () => {
	const html = '<html><head><meta class="no"></head><body><nav class="side"><a>x</a></nav><main><p class="lead">a <code>b</code></p><table class="t"></table></main></body></html>';
	assert.deepEqual([...styleFeatures(html)].sort(), ['.lead', '.side', '.t', 'a', 'code', 'main', 'nav', 'p', 'table']);
});

test('the cover holds every feature of every page with as few pages as the greedy choice finds', () => {
	const pages = new Map([
		['a/', new Set(['p', 'table', '.x'])],
		['b/', new Set(['p', '.x'])],
		['c/', new Set(['p', 'pre'])],
		['d/', new Set(['p'])],
	]);
	assert.deepEqual(coverPages(pages), ['a/', 'c/']);
	assert.deepEqual(coverPages(new Map()), []);
	// The home page's path is '': it must be chosen like any other.
	assert.deepEqual(coverPages(new Map([['a/', new Set(['p'])], ['', new Set(['.hero'])]])), ['a/', '']);
});
