import { defineConfig, devices } from '@playwright/test';
import { findChromium } from './src/integrations/chromium.ts';
import { TEST_BASE_PATH, TEST_PORT, TEST_SITE_ENV } from './tests/support/test-site.ts';

const { executablePath, args } = findChromium();
const CI = Boolean(process.env.CI);

export default defineConfig({
	testDir: './tests/e2e',
	fullyParallel: true,
	// Generous: a 2-core machine under load can take a while for axe on a page with several diagrams.
	timeout: 90_000,
	expect: { timeout: 15_000 },
	forbidOnly: CI,
	// One retry in CI absorbs a machine hiccup; Playwright still reports the test as flaky.
	retries: CI ? 1 : 0,
	workers: Number(process.env.TEST_WORKERS ?? 2),
	reporter: CI
		? [['list'], ['html', { open: 'never' }], ['json', { outputFile: 'test-results/results.json' }]]
		: [['list'], ['html', { open: 'never' }]],
	use: {
		...devices['Desktop Chrome'],
		baseURL: `http://127.0.0.1:${TEST_PORT}${TEST_BASE_PATH}`,
		launchOptions: {
			executablePath,
			// Nothing but this machine answers: a request to any other host fails at once, and the
			// fixtures report it (cheaper than intercepting every request).
			args: [...args, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'],
		},
		// Recording a trace costs about a fifth of the suite's time, so CI records one only when it
		// retries a failed test; locally, ask for one with `--trace on`.
		trace: CI ? 'on-first-retry' : 'off',
		// Precaching the whole site in every test would cost minutes; tests/e2e/offline.spec.ts allows the worker.
		serviceWorkers: 'block',
	},
	webServer: {
		// TEST_SITE_BUILT=1: the caller has just built the test site (npm run check:chapter does, to report a failed
		// build as such); otherwise the build comes first, and says so when it fails.
		command: process.env.TEST_SITE_BUILT ? 'node tests/support/serve.ts' : 'node tests/support/build-test-site.ts && node tests/support/serve.ts',
		env: { ...TEST_SITE_ENV },
		url: `http://127.0.0.1:${TEST_PORT}${TEST_BASE_PATH}`,
		timeout: 600_000,
		reuseExistingServer: !CI,
		stdout: 'pipe',
	},
});
