import { test, expect, setTheme } from './fixtures.ts';
import {
	diagramChapters,
	measureDiagramLabels,
	MIN_DESKTOP_PX,
	MIN_ENLARGED_PHONE_PX,
	type DiagramLabels,
} from '../support/diagram-labels.ts';

const tooSmall = (sizes: DiagramLabels[], min: number) =>
	sizes.filter((d) => d.smallest < min).map((d) => `"${d.title}": ${d.smallest} px ("${d.label}")`);

for (const { path, count } of diagramChapters()) {
	test(`${path}: diagram labels are readable at 1280 px and enlarged on a 390 px phone, in both themes`, async ({ page }) => {
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.goto(path);
		for (const theme of ['light', 'dark'] as const) {
			// The theme picker is in the header at desktop width.
			await page.setViewportSize({ width: 1280, height: 800 });
			await setTheme(page, theme);
			const desktop = await page.evaluate(measureDiagramLabels, false);
			expect(desktop, 'one measurement per diagram').toHaveLength(count);
			expect(tooSmall(desktop, MIN_DESKTOP_PX), `${theme} theme at 1280 px`).toEqual([]);

			await page.setViewportSize({ width: 390, height: 844 });
			const phone = await page.evaluate(measureDiagramLabels, true);
			expect(tooSmall(phone, MIN_ENLARGED_PHONE_PX), `${theme} theme, enlarged at 390 px`).toEqual([]);
		}
	});
}
