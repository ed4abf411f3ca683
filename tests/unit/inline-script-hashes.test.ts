import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { addInlineScriptHashes } from '../../src/integrations/inline-script-hashes.ts';

const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
const page = (csp: string, body: string) =>
	`<html><head><meta http-equiv="content-security-policy" content="${csp}"></head><body>${body}</body></html>`;

test('adds the hash of an inline script that the policy misses', () => {
	const out = addInlineScriptHashes(page("default-src 'self'; script-src 'self'; style-src 'self';", '<script>theme()</script>'));
	assert.match(out, new RegExp(`script-src 'self' ${hash('theme()').replace(/[+/]/g, '\\$&')};`));
});

test('leaves external scripts, already-hashed scripts and pages without a policy alone', () => {
	const already = page(`script-src 'self' ${hash('x()')}`, '<script>x()</script><script type="module" src="/a.js"></script>');
	assert.equal(addInlineScriptHashes(already), already);
	const noPolicy = '<html><body><script>x()</script></body></html>';
	assert.equal(addInlineScriptHashes(noPolicy), noPolicy);
});

test('hashes each distinct inline script once, keeping other directives', () => {
	const out = addInlineScriptHashes(page("script-src 'self'; img-src 'self' data:", '<script>a()</script><script aria-hidden="true">b()</script><script>a()</script>'));
	const scriptSrc = /script-src ([^;]*)/.exec(out)?.[1] ?? '';
	assert.equal(scriptSrc.split(' ').length, 3);
	assert.match(out, /img-src 'self' data:/);
});
