import { test, expect, setTheme } from './fixtures.ts';

const CHAPTER = 'scaling/elastic-load-balancing/';

test('a Mermaid diagram is inline SVG that follows the theme toggle', async ({ page }) => {
	await page.goto(CHAPTER);
	const figure = page.locator('figure.diagram').first();
	const light = figure.locator('.diagram__svg--light svg');
	const dark = figure.locator('.diagram__svg--dark svg');

	await setTheme(page, 'light');
	await expect(light).toBeVisible();
	await expect(dark).toBeHidden();
	// Its accessible name comes from the diagram's accTitle, and its labels are real, selectable text.
	await expect(light).toHaveAccessibleName(/.+/);
	expect((await light.textContent())?.length).toBeGreaterThan(20);

	await setTheme(page, 'dark');
	await expect(dark).toBeVisible();
	await expect(light).toBeHidden();
	// The dark rendering really is dark: its node fill differs from the light one.
	const fill = (svg: typeof light) => svg.locator('.node rect, .node polygon, rect.actor').first().evaluate((el) => getComputedStyle(el).fill);
	expect(await fill(dark)).not.toBe(await fill(light));
});

test('no page ships Mermaid JavaScript', async ({ page }) => {
	const scripts: string[] = [];
	page.on('response', async (response) => {
		if (response.request().resourceType() === 'script') scripts.push(await response.text());
	});
	await page.goto(CHAPTER);
	await page.waitForLoadState('networkidle');
	for (const body of scripts) expect(body).not.toMatch(/mermaidAPI|flowchart-v2/);
});
