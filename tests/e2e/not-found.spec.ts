import { test, expect } from './fixtures.ts';

test('an unknown path under the base shows the 404 page with working links', async ({ page }) => {
	const response = await page.goto('no-such-chapter/');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/not found|404/i);
	// Styles and scripts load from under the base path, so the page is styled.
	const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
	expect(background).not.toBe('rgba(0, 0, 0, 0)');
	await page.getByRole('link', { name: 'AWS Developer Associate Notes' }).first().click();
	await expect(page).toHaveURL(/\/aws-notes\/$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('AWS Developer Associate Notes');
});
