import { readdirSync } from 'node:fs';
import { test, expect, axeViolations, setTheme } from './fixtures.ts';
import { budgetFor, kb, measurePageWeight, KINDS } from '../support/page-weight.ts';
import { contentPages, pagesToCheck } from '../support/pages.ts';
import { TEST_DIST } from '../support/test-site.ts';

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

// One load per page serves every page-level check: status, bytes at load, islands, then axe in both themes.
for (const path of pagesToCheck()) {
	test(`/${path}: loads, stays within its byte budget, and passes axe (WCAG 2.2 AA) in both themes`, async ({ page, baseURL }) => {
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

		await setTheme(page, 'light');
		expect(await axeViolations(page), 'light theme').toEqual([]);
		await setTheme(page, 'dark');
		expect(await axeViolations(page), 'dark theme').toEqual([]);
	});
}
