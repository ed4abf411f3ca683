import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { precacheFrom, readPrecache, workerCode } from '../../src/integrations/offline.ts';

const file = (path: string, text: string) => ({ path, content: Buffer.from(text) });
const SITE = [file('index.html', 'home'), file('storage/efs/index.html', 'efs'), file('_astro/a.js', 'js'), file('sw.js', 'old worker'), file('_astro/a.js.map', 'map')];

test('lists every built file under the base path, sorted, with its hash and size, and leaves out exclusions', () => {
	const { entries, bytes } = precacheFrom(SITE, '/aws-notes');
	assert.deepEqual(
		entries.map((e) => e.url),
		['/aws-notes/', '/aws-notes/_astro/a.js', '/aws-notes/storage/efs/'],
	);
	assert.ok(entries.every((e) => /^[0-9a-f]{16}$/.test(e.hash)));
	assert.equal(bytes, 'home'.length + 'efs'.length + 'js'.length);
});

test('the version changes when any file changes, is added or removed, and not when only the order or exclusions do', () => {
	const { version } = precacheFrom(SITE, '/');
	assert.equal(precacheFrom([...SITE].reverse(), '/').version, version);
	assert.equal(precacheFrom([...SITE, file('x.js.map', 'm')], '/').version, version);
	assert.notEqual(precacheFrom([...SITE.slice(1), file('index.html', 'home!')], '/').version, version);
	assert.notEqual(precacheFrom([...SITE, file('new.css', 'c')], '/').version, version);
	assert.notEqual(precacheFrom(SITE.slice(1), '/').version, version);
	assert.notEqual(precacheFrom(SITE, '/aws-notes/').version, version, 'another base path is another site');
});

test('reads a built folder and writes a worker that carries the list, the version and the base', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'precache-'));
	try {
		mkdirSync(join(dir, 'pagefind', 'fragment'), { recursive: true });
		writeFileSync(join(dir, 'index.html'), 'home');
		writeFileSync(join(dir, 'pagefind', 'fragment', 'en_1.pf_fragment'), 'f');
		writeFileSync(join(dir, 'sw.js'), 'previous build');
		const precache = readPrecache(dir, '/aws-notes/');
		assert.deepEqual(precache.entries.map((e) => e.url), ['/aws-notes/', '/aws-notes/pagefind/fragment/en_1.pf_fragment']);
		const code = await workerCode(precache, '/aws-notes');
		assert.ok(code.includes(JSON.stringify(precache.version)), 'version');
		assert.ok(code.includes('"/aws-notes/pagefind/fragment/en_1.pf_fragment"'), 'file list');
		assert.ok(code.includes('"/aws-notes/"'), 'base');
		assert.ok(!/\bimport\b|\bexport\b|__OFFLINE_/.test(code.replace(/^\s*\/\/.*$/gm, '')), 'one self-contained script');
		assert.doesNotThrow(() => new Function(code), 'valid JavaScript');
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
