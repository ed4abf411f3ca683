import { test, expect } from './fixtures.ts';
import { hydrateIslands } from '../support/page-weight.ts';

const CHAPTER = 'scaling/elastic-load-balancing/';

test.describe('a chapter prints cleanly', () => {
	test('no sidebars or header controls, and one diagram rendering whatever the theme', async ({ page }) => {
		await page.goto(CHAPTER);
		await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
		await expect(page.locator('#starlight__sidebar')).toBeHidden();
		await expect(page.getByRole('banner').getByRole('button', { name: 'Search' })).toBeHidden();
		const figure = page.locator('figure.diagram').first();
		await expect(figure.locator('.diagram__svg svg:visible')).toHaveCount(1);
	});

	test('the demo prints its initial state and the practice answers are on paper', async ({ page }) => {
		await page.goto(CHAPTER);
		// Every island hydrated, as for a reader who read the chapter before printing.
		await hydrateIslands(page);
		const practice = page.locator('section.practice');
		await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('section[data-demo="load-balancer-router"]')).toBeVisible();
		const answers = practice.getByText(/^Answer: [A-F](, [A-F])*\.$/);
		expect(await answers.count()).toBeGreaterThanOrEqual(3);
		await expect(answers.first()).toBeVisible();
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the answers, hidden in disclosures on screen, are printed', async ({ page }) => {
		await page.goto(CHAPTER);
		const firstAnswer = page.locator('section.practice details').first().getByText(/Answer:/);
		await expect(firstAnswer).toBeHidden();
		await page.emulateMedia({ media: 'print' });
		await expect(firstAnswer).toBeVisible();
	});
});
