import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const fixture = fileURLToPath(new URL('../fixtures/bad-frontmatter/', import.meta.url));

test('a malformed frontmatter field fails the build, naming the file and the field', () => {
	const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'sync', '--root', fixture], {
		encoding: 'utf8',
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
		timeout: 120_000,
	});
	const output = `${run.stdout}\n${run.stderr}`;
	assert.notEqual(run.status, 0, 'astro sync should fail');
	assert.match(output, /broken-chapter/);
	assert.match(output, /domains/);
});
