// Which built pages to run Lighthouse on: the page types, plus the heaviest pages by element count and by HTML bytes,
// read from the build itself so a new long chapter is measured without anyone naming it.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parse } from 'node-html-parser';
import { htmlFiles } from '../../src/integrations/html-files.ts';
import { PAGES } from './shared.ts';

export interface PageSize {
	path: string;
	elements: number;
	bytes: number;
}

/** Every built page (not the 404 or Pagefind's files) with its element count and HTML bytes, heaviest first. */
export function pageSizes(dist: string): PageSize[] {
	return htmlFiles(dist)
		.map((file) => ({ file, path: `/${relative(dist, file).split('\\').join('/').replace(/index\.html$/, '')}` }))
		.filter(({ path }) => path.endsWith('/') && !path.startsWith('/pagefind/'))
		.map(({ file, path }) => {
			const html = readFileSync(file, 'utf8');
			return { path, elements: parse(html).querySelectorAll('*').length, bytes: Buffer.byteLength(html) };
		})
		.sort((a, b) => b.elements - a.elements || a.path.localeCompare(b.path));
}

/** The page types and the `most` heaviest pages by elements and by bytes, each once, labelled. */
export function lighthousePages(sizes: readonly PageSize[], most: number): { type: string; path: string; elements?: number }[] {
	const elements = new Map(sizes.map((s) => [s.path, s.elements]));
	const chosen = new Map(PAGES.map(({ type, path }) => [path, type]));
	for (const s of sizes.slice(0, most)) if (!chosen.has(s.path)) chosen.set(s.path, 'most elements');
	for (const s of [...sizes].sort((a, b) => b.bytes - a.bytes).slice(0, most)) if (!chosen.has(s.path)) chosen.set(s.path, 'most bytes');
	return [...chosen].map(([path, type]) => ({ type, path, elements: elements.get(path) }));
}
