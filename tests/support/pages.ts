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
