import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findChromium } from '../../src/integrations/chromium.ts';

test('CHROMIUM_PATH wins, and must exist', () => {
	const launch = findChromium({ CHROMIUM_PATH: process.execPath });
	assert.equal(launch.executablePath, process.execPath);
	assert.throws(() => findChromium({ CHROMIUM_PATH: '/no/such/chrome' }), /CHROMIUM_PATH is set to "\/no\/such\/chrome"/);
});

test('launch flags keep Chromium off the network and drop the sandbox only for root', () => {
	const { args } = findChromium({ CHROMIUM_PATH: process.execPath });
	for (const flag of ['--disable-background-networking', '--disable-component-update', '--disable-sync']) {
		assert.ok(args.includes(flag), flag);
	}
	assert.equal(args.includes('--no-sandbox'), process.getuid?.() === 0);
});

test('with no browser anywhere, the error says how to get one', () => {
	const path = process.env.PATH;
	const browsers = process.env.PLAYWRIGHT_BROWSERS_PATH;
	process.env.PATH = '/nonexistent';
	process.env.PLAYWRIGHT_BROWSERS_PATH = '/nonexistent';
	try {
		assert.throws(() => findChromium({}), /npx playwright install chromium[\s\S]*apt-get install -y chromium/);
	} finally {
		process.env.PATH = path;
		if (browsers === undefined) delete process.env.PLAYWRIGHT_BROWSERS_PATH;
		else process.env.PLAYWRIGHT_BROWSERS_PATH = browsers;
	}
});
