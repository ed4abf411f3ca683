import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect, axeViolations, setTheme } from './fixtures.ts';
import { scrollToBottom } from '../support/page-weight.ts';
import { contentPages } from '../support/pages.ts';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

test('every built page comes from a chapter, and every chapter is built', () => {
	const built = readdirSync(DIST, { recursive: true, encoding: 'utf8' })
		.filter((file) => file.endsWith('index.html') && !file.startsWith('pagefind'))
		.map((file) => file.split('\\').join('/').replace(/index\.html$/, ''))
		.sort();
	expect(built).toEqual(contentPages());
});

for (const path of contentPages()) {
	test.describe(`page /${path}`, () => {
		for (const theme of ['light', 'dark'] as const) {
			test(`loads with 200 and passes axe (WCAG 2.2 AA) in ${theme} theme`, async ({ page }) => {
				const response = await page.goto(path);
				expect(response?.status()).toBe(200);
				await expect(page.locator('h1').first()).toBeVisible();
				await setTheme(page, theme);
				// Islands hydrate when visible: scroll through so axe sees their final markup too.
				await scrollToBottom(page);
				await page.waitForLoadState('networkidle');
				expect(await axeViolations(page)).toEqual([]);
			});
		}
	});
}
