import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSiteEnv } from '../../src/integrations/site-env.ts';

test('base path is normalised from BASE_PATH', () => {
	assert.equal(readSiteEnv({ REPO_URL: 'x' }).base, '/');
	assert.equal(readSiteEnv({ BASE_PATH: 'aws-notes', REPO_URL: 'x' }).base, '/aws-notes');
	assert.equal(readSiteEnv({ BASE_PATH: '/aws-notes/', REPO_URL: 'x' }).base, '/aws-notes');
	assert.equal(readSiteEnv({ BASE_PATH: '/', REPO_URL: 'x' }).base, '/');
});

test('SITE_URL must be an http(s) URL', () => {
	assert.equal(readSiteEnv({ SITE_URL: 'https://example.github.io', REPO_URL: 'x' }).site, 'https://example.github.io');
	assert.throws(() => readSiteEnv({ SITE_URL: 'example.com' }), /SITE_URL must start with http/);
});

test('REPO_URL loses its trailing slash', () => {
	assert.equal(readSiteEnv({ REPO_URL: 'https://github.com/a/b/' }).repoUrl, 'https://github.com/a/b');
});

test('OUT_DIR picks the build folder and refuses anything but a plain folder name', () => {
	assert.equal(readSiteEnv({ REPO_URL: 'x' }).outDir, 'dist');
	assert.equal(readSiteEnv({ REPO_URL: 'x', OUT_DIR: ' dist-test ' }).outDir, 'dist-test');
	for (const bad of ['../elsewhere', '/tmp/x', 'src', 'a/b', '.', 'node_modules']) {
		assert.throws(() => readSiteEnv({ REPO_URL: 'x', OUT_DIR: bad }), /OUT_DIR must be a plain folder name/, bad);
	}
});
