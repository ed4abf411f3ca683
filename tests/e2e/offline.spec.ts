import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, axeViolations, setTheme } from './fixtures.ts';
import { serveStatic } from '../support/static-server.ts';
import { TEST_BASE_PATH, TEST_DIST } from '../support/test-site.ts';

// The rest of the suite blocks service workers (see playwright.config.ts); these tests are about them.
test.use({ serviceWorkers: 'allow' });

/** Resolves once a service worker controls the page: it activates only after the whole site is precached. */
async function waitForOfflineCopy(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
		}
		return caches.keys();
	});
}

test('after one visit, unvisited chapters, search, diagrams, the question bank, a practice exam and the review work offline', async ({ page, context }) => {
	await page.goto('');
	const cachesAfterInstall = await waitForOfflineCopy(page);
	expect(cachesAfterInstall).toHaveLength(1);
	// A first visit has nothing to update from: no notice.
	await expect(page.getByText('A new version of these notes is ready.')).toBeHidden();

	await context.setOffline(true);

	// A chapter never visited, with diagrams.
	const chapter = await page.goto('scaling/elastic-load-balancing/');
	expect(chapter?.status()).toBe(200);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Elastic Load Balancing');
	await expect(page.locator('figure.diagram svg').first()).toBeVisible();

	// Search: Pagefind's UI, its WebAssembly, index and fragments all come from the cache.
	await page.getByRole('button', { name: 'Search Ctrl K' }).click();
	const dialog = page.getByRole('dialog');
	await dialog.getByRole('textbox').fill('SNI');
	await expect(dialog.locator('.pagefind-ui__message')).toContainText('for SNI', { timeout: 20_000 });
	await expect(dialog.locator('.pagefind-ui__result-link').first()).toHaveText('Elastic Load Balancing');
	await page.keyboard.press('Escape');

	// The question bank, fetched as the practice pages fetch it.
	const bank = await page.evaluate(async () => {
		const response = await fetch(new URL('../../question-bank.json', location.href));
		const body = (await response.json()) as { questions?: unknown[] };
		return { status: response.status, questions: body.questions?.length ?? 0 };
	});
	expect(bank.status).toBe(200);
	expect(bank.questions).toBeGreaterThan(100);

	// A diagram's enlarge page (its no-JavaScript link), never visited.
	const href = await page.locator('a[href*="/diagrams/"][href$=".svg"]').first().getAttribute('href');
	const diagram = await page.goto(href ?? '');
	expect(diagram?.status()).toBe(200);
	expect(diagram?.headers()['content-type']).toContain('image/svg+xml');

	// A practice exam started offline: its page, island code and the bank all come from the cache.
	await page.goto('practice/exam/');
	const start = page.getByRole('button', { name: 'Start the exam' });
	await expect(page.locator('astro-island').filter({ has: start })).not.toHaveAttribute('ssr');
	await start.click();
	await expect(page.getByRole('heading', { name: 'Question 1 of 65' })).toBeVisible();
	await page.goto('practice/review/');
	const exportButton = page.getByRole('button', { name: 'Export my data' });
	await expect(page.locator('astro-island').filter({ has: exportButton })).not.toHaveAttribute('ssr');

	// A page the site never had: the cached not-found page rather than the browser's error.
	const missing = await page.goto('no-such-chapter/');
	expect(missing?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('404');
	await context.setOffline(false);
});

test('a new deployment installs beside the old one, waits, and takes over only when the reader chooses Reload', async ({ page }) => {
	// A host of its own, on a copy of the test site, so this test can deploy a new version without touching the
	// site the other tests use.
	const dir = mkdtempSync(join(tmpdir(), 'offline-deploy-'));
	cpSync(TEST_DIST, dir, { recursive: true });
	const server = await serveStatic({ dir, base: TEST_BASE_PATH, port: 0 });
	try {
		const site = `http://127.0.0.1:${(server.address() as AddressInfo).port}${TEST_BASE_PATH}`;
		await page.goto(`${site}storage/efs/`);
		const [oldCache] = await waitForOfflineCopy(page);

		// Deploy: the same files under a new version, as a changed build would produce.
		const worker = join(dir, 'sw.js');
		writeFileSync(worker, readFileSync(worker, 'utf8').replace(/var VERSION = "([0-9a-f]+)"/, 'var VERSION = "$1next"'));
		await page.evaluate(async () => {
			const registration = await navigator.serviceWorker.getRegistration();
			await registration?.update();
		});

		// Polite: a status message, announced without taking focus.
		const notice = page.getByRole('status').filter({ hasText: 'A new version of these notes is ready.' });
		await expect(notice.getByText('A new version of these notes is ready.')).toBeVisible({ timeout: 30_000 });
		// Waiting: the old version still controls the page and its cache is still there.
		expect(await page.evaluate(() => caches.keys())).toEqual(expect.arrayContaining([oldCache, `${oldCache}next`]));

		for (const theme of ['light', 'dark'] as const) {
			await setTheme(page, theme);
			expect(await axeViolations(page, '[data-offline-update]'), `axe, ${theme} theme`).toEqual([]);
		}
		// A phone: the notice must fit and stay usable at 375 px.
		await page.setViewportSize({ width: 375, height: 740 });
		const box = await notice.getByRole('button', { name: 'Reload' }).boundingBox();
		expect(box && box.x >= 0 && box.x + box.width <= 375, 'Reload fits on a 375 px screen').toBe(true);

		// The reader reaches it by keyboard and chooses when to switch.
		await notice.getByRole('button', { name: 'Reload' }).focus();
		await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Amazon EFS');
		// After the switch, only the new version's cache is left, and it controls the page.
		await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([`${oldCache}next`]);
		expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
		await expect(page.getByText('A new version of these notes is ready.')).toBeHidden();
	} finally {
		server.close();
		rmSync(dir, { recursive: true, force: true });
	}
});
