import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findBrokenLinks, locateBrokenLink } from '../../src/integrations/link-check.ts';
import { formatProblem } from '../../src/integrations/content-check.ts';

const asText = (links: { page: string; href: string; reason: string }[]) => links.map((l) => `${l.page} → ${l.href} (${l.reason})`);

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
	assert.deepEqual(asText(findBrokenLinks(dir, '/notes/')).sort(), [
		'/notes/ → /notes/gone/ (no such page)',
		'/notes/dns/ → #nope (no heading or element with id "nope")',
		'/notes/dns/ → ../#top (no heading or element with id "top")',
	]);
});

test('a root-relative link that ignores the base path is broken', () => {
	const dir = site({ 'index.html': '<a href="/dns/">forgot base</a>', 'dns/index.html': '<p>hi</p>' });
	assert.deepEqual(asText(findBrokenLinks(dir, '/notes/')), ['/notes/ → /dns/ (no such page)']);
});

test('links to built assets and mailto are fine', () => {
	const dir = site({ 'index.html': '<a href="/favicon.svg">icon</a><a href="mailto:a@example.com">mail</a>', 'favicon.svg': '<svg/>' });
	assert.deepEqual(findBrokenLinks(dir, '/'), []);
});

const CHAPTER = `---
title: Route 53
description: DNS records, hosted zones and routing policies for the exam.
questions:
  - prompt: Which record type maps a name to an IPv4 address?
    section: record-types
  - prompt: Which policy sends traffic to the lowest-latency Region?
    section: latency-routing
---

## Record types

See [health checks](/scaling/elastic-load-balancing/#health-check) and [the glossary](/reference/glossry/).
`;

test('a broken link names the chapter file and the line that wrote it, without the base path', () => {
	const root = site({ 'src/content/docs/dns/route-53.mdx': CHAPTER });
	const content = join(root, 'src/content/docs');
	const locate = (href: string, reason: string) =>
		formatProblem(locateBrokenLink({ page: '/notes/dns/route-53/', href, reason }, '/notes/', content, root));
	assert.equal(
		locate('/notes/scaling/elastic-load-balancing/#health-check', 'no heading or element with id "health-check"'),
		'src/content/docs/dns/route-53.mdx:13: link to /scaling/elastic-load-balancing/#health-check: no heading or element with id "health-check"',
	);
	assert.equal(locate('/notes/reference/glossry/', 'no such page'), 'src/content/docs/dns/route-53.mdx:13: link to /reference/glossry/: no such page');
});

test("a practice question's section that matches no heading names the question, counted from 1, and its line", () => {
	const root = site({ 'src/content/docs/dns/route-53.mdx': CHAPTER });
	const problem = locateBrokenLink(
		{ page: '/dns/route-53/', href: '#latency-routing', reason: 'no heading or element with id "latency-routing"' },
		'/',
		join(root, 'src/content/docs'),
		root,
	);
	assert.equal(
		formatProblem(problem),
		'src/content/docs/dns/route-53.mdx:8: practice question 2 has "section: latency-routing", but the chapter has no heading with that id (see "Heading ids" in CONTRIBUTING.md)',
	);
});

test('a link no chapter wrote keeps the page URL and says so', () => {
	const root = site({ 'src/content/docs/dns/route-53.mdx': CHAPTER });
	const content = join(root, 'src/content/docs');
	assert.match(formatProblem(locateBrokenLink({ page: '/404.html', href: '/gone/', reason: 'no such page' }, '/', content, root)), /^page \/404\.html: link to \/gone\/: no such page \(the link is not written in a chapter/);
});
