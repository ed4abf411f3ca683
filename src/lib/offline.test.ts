import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
	CACHE_PREFIX,
	cacheName,
	isPrecached,
	isSkipWaiting,
	normaliseBase,
	precacheKey,
	routeRequest,
	SKIP_WAITING,
	staleCaches,
	updateReady,
	urlForFile,
} from './offline.ts';

test('each version has its own cache, and activation deletes only this site\'s older ones', () => {
	assert.equal(cacheName('abc123'), `${CACHE_PREFIX}abc123`);
	assert.notEqual(cacheName('v1'), cacheName('v2'));
	const names = [cacheName('old'), cacheName('new'), 'another-app', cacheName('older'), `x${CACHE_PREFIX}old`];
	assert.deepEqual(staleCaches(names, 'new'), [cacheName('old'), cacheName('older')]);
	assert.deepEqual(staleCaches([cacheName('new')], 'new'), []);
});

test('stale cache selection never throws on odd input', () => {
	for (const bad of [null, undefined, 'a string', 42, {}, [null, 7, {}, cacheName('x')]] as unknown[]) {
		assert.doesNotThrow(() => staleCaches(bad as unknown[], 'y'));
	}
	assert.deepEqual(staleCaches([null, 7, {}, cacheName('x')], 'y'), [cacheName('x')]);
});

test('base paths are normalised however they are written', () => {
	for (const [raw, want] of [['', '/'], ['/', '/'], ['/aws-notes', '/aws-notes/'], ['aws-notes/', '/aws-notes/'], ['//a/b//', '/a/b/']]) {
		assert.equal(normaliseBase(raw as string), want, raw);
	}
});

test('built files map to the URLs readers use, under the base path', () => {
	assert.equal(urlForFile('index.html', '/aws-notes'), '/aws-notes/');
	assert.equal(urlForFile('storage/efs/index.html', '/aws-notes/'), '/aws-notes/storage/efs/');
	assert.equal(urlForFile('404.html', '/'), '/404.html');
	assert.equal(urlForFile('pagefind\\pagefind.js', '/'), '/pagefind/pagefind.js');
	assert.equal(urlForFile('diagrams/abc.svg', '/x/'), '/x/diagrams/abc.svg');
	assert.equal(urlForFile('question-bank.json', '/aws-notes/'), '/aws-notes/question-bank.json');
});

test('the worker itself, source maps, dotfiles, host files and the social card are not precached', () => {
	for (const path of ['sw.js', '_astro/a.js.map', '.DS_Store', 'x/.hidden', '_headers', '_redirects', 'social-card.png', '']) {
		assert.equal(isPrecached(path), false, path);
	}
	for (const path of ['index.html', '_astro/a.js', 'pagefind/wasm.unknown.pagefind', 'pagefind/fragment/x.pf_fragment', 'favicon.svg', 'question-bank.json', 'x/sw.js']) {
		assert.equal(isPrecached(path), true, path);
	}
});

const URLS = new Set(['/aws-notes/', '/aws-notes/storage/efs/', '/aws-notes/pagefind/pagefind-entry.json', '/aws-notes/404.html', '/aws-notes/a%20b/']);

test('precache keys ignore query strings and find a page without its trailing slash', () => {
	assert.equal(precacheKey('/aws-notes/storage/efs/', URLS), '/aws-notes/storage/efs/');
	assert.equal(precacheKey('/aws-notes/storage/efs', URLS), '/aws-notes/storage/efs/');
	assert.equal(precacheKey('/aws-notes/pagefind/pagefind-entry.json?ts=1733', URLS), '/aws-notes/pagefind/pagefind-entry.json');
	assert.equal(precacheKey('/aws-notes/nope/', URLS), undefined);
	assert.equal(precacheKey('/aws-notes/%E0%A4%A', URLS), undefined);
	assert.equal(precacheKey(undefined as unknown as string, URLS), undefined);
});

test('requests are routed: precached → cache, unknown page → network then 404 page, anything else untouched', () => {
	const origin = 'http://127.0.0.1:4473';
	const get = (path: string, mode = 'no-cors') => ({ url: `${origin}${path}`, method: 'GET', mode });
	assert.deepEqual(routeRequest(get('/aws-notes/storage/efs/', 'navigate'), origin, '/aws-notes/', URLS), { kind: 'cache', key: '/aws-notes/storage/efs/' });
	assert.deepEqual(routeRequest(get('/aws-notes/pagefind/pagefind-entry.json?ts=9'), origin, '/aws-notes', URLS), {
		kind: 'cache',
		key: '/aws-notes/pagefind/pagefind-entry.json',
	});
	assert.deepEqual(routeRequest(get('/aws-notes/not-built/', 'navigate'), origin, '/aws-notes/', URLS), { kind: 'page-or-offline' });
	assert.deepEqual(routeRequest(get('/aws-notes/not-built.js'), origin, '/aws-notes/', URLS), { kind: 'pass' });
	assert.deepEqual(routeRequest({ ...get('/aws-notes/'), method: 'POST' }, origin, '/aws-notes/', URLS), { kind: 'pass' });
	assert.deepEqual(routeRequest(get('/other/', 'navigate'), origin, '/aws-notes/', URLS), { kind: 'pass' });
	assert.deepEqual(routeRequest({ url: 'https://example.com/aws-notes/', method: 'GET', mode: 'navigate' }, origin, '/aws-notes/', URLS), { kind: 'pass' });
	assert.deepEqual(routeRequest({ url: 'not a url', method: 'GET', mode: 'navigate' }, origin, '/aws-notes/', URLS), { kind: 'pass' });
});

test('only the skip-waiting message switches versions; anything else is ignored without throwing', () => {
	assert.equal(isSkipWaiting({ type: SKIP_WAITING }), true);
	for (const bad of [null, undefined, 'skip', 0, [], { type: 'other' }, { type: null }, { kind: SKIP_WAITING }, SKIP_WAITING, Object.create(null), true]) {
		assert.equal(isSkipWaiting(bad), false, JSON.stringify(bad) ?? typeof bad);
	}
});

test('the update notice appears only when a waiting version would replace one that controls the page', () => {
	assert.equal(updateReady({ controlled: true, waiting: true }), true);
	assert.equal(updateReady({ controlled: false, waiting: true }), false, 'first visit: nothing to replace');
	assert.equal(updateReady({ controlled: true, waiting: false }), false);
	assert.equal(updateReady({ controlled: false, waiting: false }), false);
});
