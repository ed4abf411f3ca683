import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const fixture = fileURLToPath(new URL('../fixtures/bad-frontmatter/', import.meta.url));
// Resolved, not a path from the working folder, so the test runs from any folder (and in a copy of the site).
const astro = fileURLToPath(new URL('bin/astro.mjs', import.meta.resolve('astro/package.json')));

// One `astro sync` of a tiny site proves the checks run inside Astro; the rules themselves are unit-tested.
test('broken chapters fail the build before Astro reads them, naming every file and line in one run', () => {
	const run = spawnSync(process.execPath, [astro, 'sync', '--root', fixture], {
		encoding: 'utf8',
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
		timeout: 120_000,
	});
	const output = `${run.stdout}\n${run.stderr}`;
	assert.notEqual(run.status, 0, 'astro sync should fail');
	assert.match(output, /src\/content\/docs\/foundations\/broken-chapter\.md:4: domain 1: Invalid option: expected one of "development"/);
	assert.match(output, /src\/content\/docs\/foundations\/broken-chapter\.md:10: a chapter ends with a "## Exam tips" section, but it has no "## " heading/);
	// "no-such-group" stands for any folder src/groups.ts does not list; it must never be declared.
	assert.match(output, /src\/content\/docs\/no-such-group\/kinesis\.md:1: "no-such-group" is not a declared group.*add \{ folder: 'no-such-group', label: '…' \} to GROUPS in src\/groups\.ts/);
	// Every problem of a chapter in one run: the frontmatter, the question rules and the links.
	const several = 'src/content/docs/foundations/several-mistakes.md';
	assert.match(output, new RegExp(`${several}:2: description: required`));
	assert.match(output, new RegExp(`${several}:8: question 1 → prompt: 2 choices are correct, so the prompt must say "\\(Choose two\\.\\)"`));
	assert.match(output, new RegExp(`${several}:16: question 1 → section: the chapter has no heading with the id "the-first"`));
	assert.match(output, new RegExp(`${several}:33: link to /foundations/nowhere/: no such page`));
	// Counted from 1 and without Markdown emphasis, unlike Astro's own report.
	assert.doesNotMatch(output, /\*\*/);
	// A list of lines to fix, not what reads like a crash of the build.
	assert.doesNotMatch(output, /An unhandled error occurred|Stack trace/);
});
