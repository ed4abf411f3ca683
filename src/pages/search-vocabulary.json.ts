import type { APIRoute } from 'astro';
import { getCollection, getEntry } from 'astro:content';
import { vocabularyOf } from '../lib/search/typo.ts';
import { glossaryDefinitions } from '../lib/search/defined-terms.ts';

// Fetched by the search box when a reader first opens it: the words the site uses in its titles, headings and glossary,
// to correct a mistyped word before Pagefind searches; and the glossary's terms with the section that explains each,
// shown above the results when a query names one.
export const GET: APIRoute = async () => {
	const entries = await getCollection('docs');
	const texts = entries.flatMap((e) => [e.data.title, ...(e.body ?? '').split('\n').filter((line) => /^#{2,3}\s|^\*\*[^*]+\*\*/.test(line))]);
	const definitions = glossaryDefinitions((await getEntry('docs', 'reference/glossary'))?.body ?? '');
	return new Response(JSON.stringify({ words: vocabularyOf(texts), definitions }), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
