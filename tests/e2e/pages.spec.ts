import { readdirSync } from 'node:fs';
import { test, expect, axeViolations, setTheme } from './fixtures.ts';
import { budgetFor, kb, measurePageWeight, KINDS } from '../support/page-weight.ts';
import { contentPages, pagesToCheck } from '../support/pages.ts';
import { TEST_DIST } from '../support/test-site.ts';
import {
	diagramChapters,
	measureDiagramLabels,
	MIN_DESKTOP_PX,
	MIN_ENLARGED_PHONE_PX,
	type DiagramLabels,
} from '../support/diagram-labels.ts';

const diagramCount = new Map(diagramChapters().map(({ path, count }) => [path, count]));
const tooSmall = (sizes: DiagramLabels[], min: number) =>
	sizes.filter((d) => d.smallest < min).map((d) => `"${d.title}": ${d.smallest} px ("${d.label}")`);

test('every built page comes from a chapter, and every chapter is built', () => {
	const built = readdirSync(TEST_DIST, { recursive: true, encoding: 'utf8' })
		.filter((file) => file.endsWith('index.html') && !file.startsWith('pagefind'))
		.map((file) => file.split('\\').join('/').replace(/index\.html$/, ''))
		.sort();
	expect(built).toEqual(contentPages());
});

test('a request to another host is caught, so the per-test check can fail', async ({ page, problems }) => {
	await page.setContent('<img alt="" src="https://example.com/remote.png">');
	await expect.poll(() => problems.externalRequests).toContain('https://example.com/remote.png');
	// Clear it, or this test's own check after the test would fail.
	problems.externalRequests.length = 0;
});

// One load per page serves every page-level check: status, bytes at load, islands, axe in both themes,
// and how big every diagram label is, at 1280 px and enlarged on a 390 px phone.
for (const path of pagesToCheck()) {
	test(`/${path}: loads, stays within its byte budget, passes axe (WCAG 2.2 AA) and has readable diagrams in both themes`, async ({
		page,
		baseURL,
	}) => {
		await page.setViewportSize({ width: 1280, height: 800 });
		const weight = await measurePageWeight(page, new URL(path, baseURL).href);
		expect(weight.status, 'page status').toBe(200);
		await expect(page.locator('h1').first()).toBeVisible();

		// The home page is a splash page, not a chapter: its bytes are reported by the benchmark only.
		if (path !== '') {
			const budget = budgetFor(weight);
			const split = KINDS.filter((kind) => weight.atLoadByKind[kind] > 0)
				.map((kind) => `${kind} ${weight.atLoadByKind[kind]}`)
				.join(', ');
			test.info().annotations.push({
				type: 'bytes',
				description: `at load ${weight.atLoad} B (${kb(weight.atLoad)}) of ${budget} B; ${split}; islands ${weight.islands.length}, all hydrated ${weight.total} B`,
			});
			expect(weight.mermaid, 'scripts carrying Mermaid runtime').toEqual([]);
			expect(weight.atLoad, `bytes at load (${weight.islands.length ? 'with' : 'without'} islands)`).toBeLessThanOrEqual(budget);
		}
		// Islands hydrated above, so axe sees their final markup too.
		expect(weight.unhydrated, 'islands that did not hydrate').toBe(0);

		const diagrams = diagramCount.get(path) ?? 0;
		for (const theme of ['light', 'dark'] as const) {
			// The theme picker is in the header at desktop width.
			await page.setViewportSize({ width: 1280, height: 800 });
			await setTheme(page, theme);
			expect(await axeViolations(page), `${theme} theme`).toEqual([]);
			if (diagrams === 0) continue;
			const desktop = await page.evaluate(measureDiagramLabels, false);
			expect(desktop, 'one measurement per diagram').toHaveLength(diagrams);
			expect(tooSmall(desktop, MIN_DESKTOP_PX), `diagram labels, ${theme} theme at 1280 px`).toEqual([]);
			await page.setViewportSize({ width: 390, height: 844 });
			const phone = await page.evaluate(measureDiagramLabels, true);
			expect(tooSmall(phone, MIN_ENLARGED_PHONE_PX), `diagram labels, ${theme} theme, enlarged at 390 px`).toEqual([]);
		}
	});
}
