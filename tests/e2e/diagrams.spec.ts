import { test, expect, setTheme, axeViolations } from './fixtures.ts';

const CHAPTER = 'scaling/elastic-load-balancing/';

test('a Mermaid diagram is one inline SVG that follows the theme toggle', async ({ page }) => {
	await page.goto(CHAPTER);
	const figure = page.locator('figure.diagram').first();
	// Both themes' colours live in one SVG: no hidden second copy.
	await expect(figure.locator('svg')).toHaveCount(1);
	const svg = figure.locator('.diagram__svg svg');
	const fill = () => svg.locator('.node rect, .node polygon, rect.actor').first().evaluate((el) => getComputedStyle(el).fill);

	await setTheme(page, 'light');
	await expect(svg).toBeVisible();
	// Its accessible name comes from the diagram's accTitle, and its labels are real, selectable text.
	await expect(svg).toHaveAccessibleName(/.+/);
	expect((await svg.textContent())?.length).toBeGreaterThan(20);
	const lightFill = await fill();

	await setTheme(page, 'dark');
	await expect(svg).toBeVisible();
	// The dark theme really is dark: the node fill changes with it.
	expect(await fill()).not.toBe(lightFill);
	// On paper the light colours come back, whatever the theme on screen.
	await page.emulateMedia({ media: 'print' });
	expect(await fill()).toBe(lightFill);
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

test.describe('the enlarged view', () => {
	test('opens the diagram at full size in a dialog that scrolls, closes with Escape or Close, and returns focus', async ({ page }) => {
		await page.goto(CHAPTER);
		const figure = page.locator('figure.diagram').first();
		const title = (await figure.locator('figcaption').textContent()) ?? '';
		const enlarge = figure.getByRole('link', { name: `Enlarge diagram: ${title}` });
		const fullWidth = Number(await enlarge.getAttribute('data-width'));
		expect(fullWidth, 'this diagram is wider than a phone').toBeGreaterThan(390);

		for (const theme of ['light', 'dark'] as const) {
			// The theme picker is in the header at desktop width; then a phone.
			await page.setViewportSize({ width: 1280, height: 800 });
			await setTheme(page, theme);
			await page.setViewportSize({ width: 390, height: 844 });
			// By keyboard in one theme, by pointer in the other.
			if (theme === 'light') await enlarge.click();
			else {
				await enlarge.focus();
				await page.keyboard.press('Enter');
			}
			const dialog = page.getByRole('dialog', { name: title });
			await expect(dialog).toBeVisible();
			const svg = dialog.locator('.diagram__svg svg');
			await expect(svg).toBeVisible();
			expect(Math.round((await svg.boundingBox())?.width ?? 0), 'drawn at its own width').toBe(fullWidth);
			const region = dialog.getByRole('region', { name: 'Diagram, full size' });
			expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth), 'scrolls sideways').toBe(true);
			expect(await axeViolations(page, '.diagram-dialog')).toEqual([]);

			if (theme === 'light') await page.keyboard.press('Escape');
			else await dialog.getByRole('button', { name: 'Close' }).click();
			await expect(dialog).toBeHidden();
			await expect(enlarge).toBeFocused();
			// The diagram is back in its figure.
			await expect(figure.locator('.diagram__svg svg')).toBeVisible();
		}
	});

	test('without JavaScript, the enlarge link opens the diagram as an SVG file at full size', async ({ browser, baseURL }) => {
		const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
		const page = await context.newPage();
		await page.goto(new URL(CHAPTER, baseURL).href);
		const enlarge = page.locator('figure.diagram').first().getByRole('link', { name: /^Enlarge diagram:/ });
		const fullWidth = await enlarge.getAttribute('data-width');
		const [response] = await Promise.all([page.waitForResponse(/\.svg$/), enlarge.click()]);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toMatch(/^image\/svg\+xml/);
		await expect(page).toHaveURL(/\/diagrams\/[0-9a-f]{16}\.svg$/);
		await expect(page.locator('svg').first()).toHaveAttribute('width', fullWidth ?? '');
		await expect(page.getByText('Target group: shop').first()).toBeVisible();
		await context.close();
	});
});

test('each diagram has a text version that search indexes once, instead of the two SVG copies', async ({ page }) => {
	await page.goto(CHAPTER);
	const text = page.locator('figure.diagram + details').first();
	await text.getByText('Diagram as text').click();
	await expect(text.getByRole('listitem').filter({ hasText: 'Listener :443 TLS termination → Rule 20: path /api/*' })).toBeVisible();

	const base = new URL(page.url()).pathname.replace(CHAPTER, '');
	const indexed = await page.evaluate(async (base) => {
		const pagefind = await import(`${base}pagefind/pagefind.js`);
		const search = await pagefind.search('listener');
		for (const result of search.results) {
			const data = await result.data();
			if (data.url.includes('elastic-load-balancing')) return data.content as string;
		}
		return '';
	}, base);
	// A label that only the diagram carries is indexed as often as the text version names it, none from the SVGs.
	const label = 'Rule 20: path /api/*';
	const count = (text: string) => text.split(label).length - 1;
	const inText = count((await text.textContent()) ?? '');
	expect(inText).toBeGreaterThan(0);
	expect(count(indexed)).toBe(inText);
});
