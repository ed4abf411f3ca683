import { test, expect } from './fixtures.ts';

test.use({ viewport: { width: 375, height: 700 } });

test('on a 375 px phone the site title is shown in full and nothing scrolls sideways', async ({ page }) => {
	await page.goto('storage/efs/');
	const clipped = await page.evaluate(() => {
		const wrapper = document.querySelector<HTMLElement>('.title-wrapper');
		const title = document.querySelector<HTMLElement>('.site-title span');
		if (!wrapper || !title) return ['no title found'];
		const problems: string[] = [];
		if (title.scrollWidth > title.clientWidth + 1) problems.push(`title text ${title.scrollWidth} px in ${title.clientWidth} px`);
		if (wrapper.scrollWidth > wrapper.clientWidth + 1) problems.push(`title box ${wrapper.scrollWidth} px in ${wrapper.clientWidth} px`);
		return problems;
	});
	expect(clipped).toEqual([]);
	await expect(page.locator('.site-title')).toHaveText('AWS Developer Associate Notes');
	expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
});

test('on a phone the demos\' fields use 16 px text, so iOS does not zoom in on focus', async ({ page }) => {
	await page.goto('serverless/lambda/');
	const fields = page.locator('.demo').locator('input:not([type="radio"]):not([type="checkbox"]), select, textarea');
	await expect(fields.first()).toBeVisible();
	const sizes = await fields.evaluateAll((els) => els.map((el) => Number.parseFloat(getComputedStyle(el).fontSize)));
	expect(sizes.length).toBeGreaterThan(0);
	expect(Math.min(...sizes)).toBeGreaterThanOrEqual(16);
});
