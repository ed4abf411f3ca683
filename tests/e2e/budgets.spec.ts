import { test, expect } from './fixtures.ts';
import { contentPages } from '../support/pages.ts';
import { budgetFor, kb, measurePageWeight, KINDS } from '../support/page-weight.ts';

// Every chapter and reference page (the home page is a splash page, not a chapter).
const chapters = contentPages().filter((path) => path !== '');

test.describe('byte budgets (gzip, at load)', () => {
	for (const path of chapters) {
		test(`${path} stays within its budget and ships no Mermaid runtime`, async ({ page, baseURL }) => {
			const weight = await measurePageWeight(page, new URL(path, baseURL).href);
			expect(weight.status, 'page status').toBe(200);
			const budget = budgetFor(weight);
			const split = KINDS.filter((kind) => weight.atLoadByKind[kind] > 0)
				.map((kind) => `${kind} ${weight.atLoadByKind[kind]}`)
				.join(', ');
			const summary = `at load ${weight.atLoad} B (${kb(weight.atLoad)}) of ${budget} B; ${split}; islands ${weight.islands.length}, all hydrated ${weight.total} B`;
			test.info().annotations.push({ type: 'bytes', description: `${path}: ${summary}` });
			console.log(`[budget] ${path}: ${summary}`);

			expect(weight.unhydrated, 'islands that did not hydrate after scrolling').toBe(0);
			expect(weight.mermaid, 'scripts carrying Mermaid runtime').toEqual([]);
			expect(weight.atLoad, `${path} bytes at load (${weight.islands.length ? 'with' : 'without'} islands)`).toBeLessThanOrEqual(budget);
		});
	}
});
