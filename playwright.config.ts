import { defineConfig, devices } from '@playwright/test';
import { findChromium } from './src/integrations/chromium.ts';

// The suite runs against a build under a base path, as on GitHub Pages, so links and assets that
// ignore the base fail here rather than after deployment.
export const BASE_PATH = '/aws-notes/';
const PORT = Number(process.env.TEST_PORT ?? 4399);
const { executablePath, args } = findChromium();

export default defineConfig({
	testDir: './tests/e2e',
	fullyParallel: true,
	// axe on a page with several large diagrams takes a while on a 2-core machine.
	timeout: 90_000,
	forbidOnly: Boolean(process.env.CI),
	retries: 0,
	workers: 2,
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	use: {
		...devices['Desktop Chrome'],
		baseURL: `http://127.0.0.1:${PORT}${BASE_PATH}`,
		launchOptions: { executablePath, args },
		trace: 'retain-on-failure',
	},
	webServer: {
		command: 'npm run build && node tests/support/serve.ts',
		env: { BASE_PATH, PORT: String(PORT), REPO_URL: 'https://github.com/example/aws-developer-associate-notes' },
		url: `http://127.0.0.1:${PORT}${BASE_PATH}`,
		timeout: 600_000,
		reuseExistingServer: !process.env.CI,
		stdout: 'pipe',
	},
});
