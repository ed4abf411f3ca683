import { test, expect } from './fixtures.ts';

test('a chapter prints cleanly: no sidebars, the light diagram, open answers', async ({ page }) => {
	await page.goto('scaling/elastic-load-balancing/');
	await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
	await expect(page.locator('nav.sidebar, #starlight__sidebar').first()).toBeHidden();
	await expect(page.getByRole('banner').getByRole('button', { name: 'Search' })).toBeHidden();
	const figure = page.locator('figure.diagram').first();
	await expect(figure.locator('.diagram__svg--light svg')).toBeVisible();
	await expect(figure.locator('.diagram__svg--dark svg')).toBeHidden();
	// Practice answers, hidden in a disclosure on screen, are on paper.
	await expect(page.locator('.practice details').first().getByText(/Answer:/)).toBeVisible();
});
