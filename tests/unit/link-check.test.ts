import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findBrokenLinks } from '../../src/integrations/link-check.ts';

function site(pages: Record<string, string>): string {
	const dir = mkdtempSync(join(tmpdir(), 'link-check-'));
	for (const [path, html] of Object.entries(pages)) {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), html);
	}
	return dir;
}

test('finds links to missing pages and missing anchors, under a base path', () => {
	const dir = site({
		'index.html': '<a href="/notes/dns/">ok</a><a href="dns/#ttl">ok anchor</a><a href="/notes/gone/">gone</a>',
		'dns/index.html': '<h2 id="ttl">TTL</h2><a href="#nope">bad anchor</a><a href="../#top">bad</a><a href="https://aws.amazon.com/">external</a>',
	});
	assert.deepEqual(findBrokenLinks(dir, '/notes/').sort(), [
		'/notes/ → /notes/gone/ (no such page)',
		'/notes/dns/ → #nope (no element with id "nope")',
		'/notes/dns/ → ../#top (no element with id "top")',
	]);
});

test('a root-relative link that ignores the base path is broken', () => {
	const dir = site({ 'index.html': '<a href="/dns/">forgot base</a>', 'dns/index.html': '<p>hi</p>' });
	assert.deepEqual(findBrokenLinks(dir, '/notes/'), ['/notes/ → /dns/ (no such page)']);
});

test('links to built assets and mailto are fine', () => {
	const dir = site({ 'index.html': '<a href="/favicon.svg">icon</a><a href="mailto:a@example.com">mail</a>', 'favicon.svg': '<svg/>' });
	assert.deepEqual(findBrokenLinks(dir, '/'), []);
});
