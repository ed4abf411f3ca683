// Colour contrast is a property of styles, not of words: a page with the same elements and classes as another adds
// nothing to a contrast check. This picks a few built pages that together hold every element and class the site's
// pages use anywhere, so contrast can be checked on them in both themes instead of on every page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';

/** The element names and class names in a page's body, each once: what its styles depend on. */
export function styleFeatures(html: string): Set<string> {
	const features = new Set<string>();
	const body = parse(html).querySelector('body');
	for (const el of body?.querySelectorAll('*') ?? []) {
		features.add(el.rawTagName.toLowerCase());
		for (const name of el.classList.value) features.add(`.${name}`);
	}
	return features;
}

/**
 * A greedy set cover: repeatedly the page that adds the most features not yet covered, until every feature of
 * every page is on a chosen page. Ties go to the earlier page, so the choice is stable.
 */
export function coverPages(pages: ReadonlyMap<string, ReadonlySet<string>>): string[] {
	const missing = new Set([...pages.values()].flatMap((f) => [...f]));
	const chosen: string[] = [];
	while (missing.size) {
		let best: string | undefined;
		let gain = 0;
		for (const [page, features] of pages) {
			const adds = [...features].filter((f) => missing.has(f)).length;
			if (adds > gain) [best, gain] = [page, adds];
		}
		// The home page's path is the empty string: test for "none found", not for falsy.
		if (best === undefined) break;
		chosen.push(best);
		for (const f of pages.get(best)!) missing.delete(f);
	}
	return chosen;
}

/** The cover for the built site in `dist`, over the given page paths ('' for home). */
export function styleCover(dist: string, paths: readonly string[]): string[] {
	const features = new Map(paths.map((path) => [path, styleFeatures(readFileSync(join(dist, path, 'index.html'), 'utf8'))] as const));
	return coverPages(features);
}
