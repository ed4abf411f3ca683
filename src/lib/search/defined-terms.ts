// The glossary says where each term is explained: `**ALB** (Application Load Balancer): … [Elastic Load Balancing](/scaling/elastic-load-balancing/#…)`.
// Read from there, each chapter carries the terms it defines as search metadata, which Pagefind weighs above body text,
// so a chapter that explains a term stays first for it however many other chapters mention its words.

const ENTRY = /^\*\*(.+?)\*\*(?:\s*\(([^)]+)\))?\s*:.*?\]\((\/[^)#\s]*)/;

/** Chapter id (`scaling/elastic-load-balancing`) → the glossary terms that link to it first, in glossary order. */
export function definedTerms(glossary: string): Map<string, string[]> {
	const byChapter = new Map<string, string[]>();
	for (const line of glossary.split('\n')) {
		const match = ENTRY.exec(line.trim());
		if (!match) continue;
		const [, term, expansion, path] = match;
		const id = path.replace(/^\/|\/$/g, '');
		if (!id) continue;
		const terms = byChapter.get(id) ?? [];
		terms.push(term.replace(/[`*]/g, ''), ...(expansion ? [expansion] : []));
		byChapter.set(id, terms);
	}
	return byChapter;
}

/** Pagefind's `data-pagefind-meta` value for a chapter's terms; its own syntax uses commas between fields. */
export const termsMeta = (terms: readonly string[]) => `terms:${terms.map((t) => t.replace(/[,:]/g, ' ')).join(' · ')}`;

export interface Definition {
	/** The term and its expansion, e.g. `ALB` and `Application Load Balancer`. */
	terms: string[];
	/** The chapter (and section) that explains it, root-relative, and the link's text. */
	href: string;
	label: string;
}

const LINK = /\[([^\]]+)\]\((\/[^)\s]*)\)/;

/** Every glossary entry with a link: its term, expansion and where it is explained. */
export function glossaryDefinitions(glossary: string): Definition[] {
	const definitions: Definition[] = [];
	for (const line of glossary.split('\n')) {
		const entry = ENTRY.exec(line.trim());
		const link = LINK.exec(line);
		if (!entry || !link) continue;
		const [, term, expansion] = entry;
		definitions.push({ terms: [term.replace(/[`*]/g, ''), ...(expansion ? [expansion] : [])], href: link[2], label: link[1] });
	}
	return definitions;
}

const normal = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** The glossary definition a query names exactly (a trailing plural "s" allowed), if any. */
export function definitionFor(query: string, definitions: readonly Definition[]): Definition | undefined {
	const wanted = normal(query);
	if (wanted.length < 2) return undefined;
	return definitions.find((d) => d.terms.some((t) => [normal(t), `${normal(t)}s`].includes(wanted)));
}
