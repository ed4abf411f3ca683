// Bytes per page type as a reader's browser receives them (gzip), split by kind, and each island's JavaScript.
import type { Browser } from 'playwright-core';
import { budgetFor, islandJs, measurePageWeight, type PageWeight } from '../../tests/support/page-weight.ts';
import { localContext, log, PAGES } from './shared.ts';

export interface PageRow {
	type: string;
	path: string;
	weight: PageWeight;
	islandJs: Awaited<ReturnType<typeof islandJs>>;
	budget: number | undefined;
}

export async function measurePages(browser: Browser, origin: string, external: string[]): Promise<PageRow[]> {
	const rows: PageRow[] = [];
	for (const { type, path } of PAGES) {
		log(`page weight: ${path}`);
		const context = await localContext(browser, external);
		try {
			const page = await context.newPage();
			const weight = await measurePageWeight(page, new URL(path, origin).href);
			// The home page is a splash page, not a chapter: it is measured but has no budget.
			const budget = type === 'home' ? undefined : budgetFor(weight);
			rows.push({ type, path, weight, islandJs: await islandJs(weight), budget });
		} finally {
			await context.close();
		}
	}
	return rows;
}
