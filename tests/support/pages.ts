import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CONTENT_DIR = fileURLToPath(new URL('../../src/content/docs/', import.meta.url));

/** Site paths (relative to the base, '' for home) of every page written in src/content/docs. */
export function contentPages(): string[] {
	return readdirSync(CONTENT_DIR, { recursive: true, encoding: 'utf8' })
		.filter((file) => /\.mdx?$/.test(file))
		.map((file) => file.split('\\').join('/').replace(/\.mdx?$/, ''))
		.map((slug) => (slug === 'index' ? '' : `${slug.replace(/\/index$/, '')}/`))
		.sort();
}

/** The pages the page-level tests visit: all, or only CHECK_PAGE's (set by `npm run check:chapter`). */
export function pagesToCheck(env: NodeJS.ProcessEnv = process.env): string[] {
	const all = contentPages();
	const only = env.CHECK_PAGE?.trim();
	if (!only) return all;
	if (!all.includes(only)) throw new Error(`CHECK_PAGE "${only}" is not a page of this site; pages: ${all.join(', ')}`);
	return [only];
}
