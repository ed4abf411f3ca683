import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'node-html-parser';
import { test, expect, axeViolations, setTheme } from './fixtures.ts';
import { budgetFor, hydrateIslands, kb, measurePageWeight, KINDS } from '../support/page-weight.ts';
import { contentPages, pagesToCheck } from '../support/pages.ts';
import { TEST_DIST } from '../support/test-site.ts';
import { styleCover } from '../support/style-cover.ts';
import {
	diagramChapters,
	measureDiagramLabels,
	MIN_DESKTOP_PX,
	MIN_ENLARGED_PHONE_PX,
	type DiagramLabels,
} from '../support/diagram-labels.ts';

const diagramCount = new Map(diagramChapters().map(({ path, count }) => [path, count]));
/** The figures of a built page, as HTML; their ids are hashes of the diagram, so figures of several pages can share one. */
const builtDiagrams = (path: string) =>
	parse(readFileSync(`${TEST_DIST}${path}index.html`, 'utf8'))
		.querySelectorAll('.sl-markdown-content > figure.diagram')
		.map((figure) => figure.outerHTML);
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

// One load per page serves every page-level check: status, bytes at load, islands, its diagrams, and axe's WCAG 2.2 AA
// rules but colour contrast. Contrast is a property of styles, not of words: the site's styles are checked below on
// the few pages that together hold every element and class, and the diagrams' own colours and label sizes on one
// page that holds every diagram of the site.
for (const path of pagesToCheck()) {
	test(`/${path}: loads, stays within its byte budget, has its diagrams and passes axe (WCAG 2.2 AA)`, async ({ page, baseURL }) => {
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
		expect(weight.diagrams, 'diagrams drawn, one per mermaid block of the source').toBe(diagramCount.get(path) ?? 0);
		expect(await axeViolations(page, undefined, 'no-contrast'), 'WCAG 2.2 AA rules but colour contrast').toEqual([]);
	});
}

// A diagram's colours come from the Mermaid themes and its size from the content column, the same on every chapter: so
// every diagram of the site is checked on one chapter page whose content is swapped for all the diagrams, in both
// themes. The workers share them.
const diagramPages = pagesToCheck().filter((path) => diagramCount.has(path));
const DIAGRAM_SHARDS = Math.min(2, diagramPages.length);
for (let shard = 0; shard < DIAGRAM_SHARDS; shard += 1) {
	test(`every diagram's colour contrast and label size, in both themes (part ${shard + 1} of ${DIAGRAM_SHARDS})`, async ({ page }) => {
		const built = diagramPages.flatMap((path) => builtDiagrams(path));
		const expected = diagramPages.reduce((n, path) => n + diagramCount.get(path)!, 0);
		expect(built.length, 'diagrams in the built pages').toBe(expected);
		const figures = built.filter((_, i) => i % DIAGRAM_SHARDS === shard);
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.goto(diagramPages[0]);
		await page.evaluate((html) => {
			document.querySelector('.sl-markdown-content')!.innerHTML = html;
		}, figures.join('\n'));
		await expect(page.locator('figure.diagram')).toHaveCount(figures.length);
		for (const theme of ['light', 'dark'] as const) {
			// The theme picker is in the header at desktop width.
			await page.setViewportSize({ width: 1280, height: 800 });
			await setTheme(page, theme);
			expect(await axeViolations(page, 'figure.diagram', 'contrast'), `diagram contrast, ${theme} theme`).toEqual([]);
			const desktop = await page.evaluate(measureDiagramLabels, false);
			expect(desktop, 'one measurement per diagram').toHaveLength(figures.length);
			expect(tooSmall(desktop, MIN_DESKTOP_PX), `diagram labels, ${theme} theme at 1280 px`).toEqual([]);
			await page.setViewportSize({ width: 390, height: 844 });
			const phone = await page.evaluate(measureDiagramLabels, true);
			expect(tooSmall(phone, MIN_ENLARGED_PHONE_PX), `diagram labels, ${theme} theme, enlarged at 390 px`).toEqual([]);
		}
	});
}

// The cover is read from the built site when the tests run; each test takes every COVER_SHARDS-th page of it, so the
// workers share the work. With CHECK_PAGE (the one-chapter check) the cover is that page alone.
const COVER_SHARDS = 3;
for (let shard = 0; shard < COVER_SHARDS; shard += 1) {
	test(`colour contrast in both themes on the pages that hold every element and class (part ${shard + 1} of ${COVER_SHARDS})`, async ({ page }) => {
		const cover = styleCover(TEST_DIST, pagesToCheck());
		test.info().annotations.push({ type: 'cover', description: `${cover.length} of ${pagesToCheck().length} pages: ${cover.map((p) => `/${p}`).join(' ')}` });
		for (const path of cover.filter((_, i) => i % COVER_SHARDS === shard)) {
			await page.setViewportSize({ width: 1280, height: 800 });
			await page.goto(path);
			await hydrateIslands(page);
			for (const theme of ['light', 'dark'] as const) {
				await setTheme(page, theme);
				expect(await axeViolations(page, undefined, 'contrast'), `/${path}, ${theme} theme`).toEqual([]);
			}
		}
	});
}
