/**
 * Links and sections checked from the chapters' sources, before anything is built, so a broken link or `section:`
 * is reported in the same run as every other problem of the chapter (and by the dev server). The ids are those the
 * build gives headings: Astro's Markdown processor parses the same source and slugs each heading's text with
 * github-slugger. What only the build can know (ids made by components, links made by layouts) is left to the
 * link check after the build (`src/integrations/link-check.ts`).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import Slugger from 'github-slugger';
import { markdownToMdast, mdxToMdast } from 'satteri';

interface MdNode {
	type: string;
	value?: string;
	url?: string;
	lang?: string | null;
	attributes?: { type: string; name?: string; value?: unknown }[];
	children?: MdNode[];
	position?: { start: { line: number } };
}

/** What a page's source says about the built page. */
export interface PageOutline {
	/** The id the build gives each Markdown heading, in order (`## Visibility timeout` → `visibility-timeout`). */
	headingIds: string[];
	/** False when a heading's text comes from an expression or a component: its id is known only after the build. */
	idsKnown: boolean;
	/** Components can render elements with ids of their own, which only the build's link check sees. */
	hasComponents: boolean;
	/** Links written in the body, with their file lines. */
	links: { href: string; line: number }[];
	/** Images written in the body (`![…](…)`), with their file lines. */
	images: { src: string; line: number }[];
	/** Fenced Mermaid diagrams: their source and the file line of the opening fence. */
	diagrams: { source: string; line: number }[];
	/** Set when the source does not parse: the file line and the parser's message. */
	error?: { line: number; message: string };
}

const PLAIN_HEADING_PARTS = new Set(['text', 'inlineCode', 'strong', 'emphasis', 'delete', 'link', 'break', 'html']);

/** The text a heading renders as, or undefined when part of it is computed (an MDX expression or component). */
function headingText(node: MdNode): string | undefined {
	let text = '';
	for (const child of node.children ?? []) {
		if (!PLAIN_HEADING_PARTS.has(child.type)) return undefined;
		if (child.type === 'html') continue;
		if (child.value !== undefined) text += child.value;
		else {
			const inner = headingText(child);
			if (inner === undefined) return undefined;
			text += inner;
		}
	}
	return text;
}

/** Reads a chapter's source (the whole file, frontmatter included, so lines are file lines). */
export function outlineOf(text: string, mdx: boolean): PageOutline {
	const outline: PageOutline = { headingIds: [], idsKnown: true, hasComponents: false, links: [], images: [], diagrams: [] };
	let tree: MdNode;
	try {
		tree = (mdx ? mdxToMdast : markdownToMdast)(text) as unknown as MdNode;
	} catch (error) {
		const message = (error as Error).message ?? String(error);
		const at = /^(\d+):(\d+): /.exec(message);
		outline.error = { line: at ? Number(at[1]) : 1, message: (at ? message.slice(at[0].length) : message).replace(/`/g, '"') };
		outline.idsKnown = false;
		return outline;
	}
	const slugger = new Slugger();
	const visit = (node: MdNode) => {
		const line = node.position?.start.line ?? 1;
		if (node.type === 'heading') {
			const text = headingText(node);
			if (text === undefined) outline.idsKnown = false;
			// An unknown heading still takes its place in the count of repeated ids; its own id stays unknown.
			outline.headingIds.push(slugger.slug(text ?? `\0unknown-${outline.headingIds.length}`));
		}
		if (node.type === 'link' && node.url) outline.links.push({ href: node.url, line });
		if (node.type === 'image' && node.url) outline.images.push({ src: node.url, line });
		if (node.type === 'code' && node.lang === 'mermaid' && node.value !== undefined) outline.diagrams.push({ source: node.value, line });
		if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
			outline.hasComponents = true;
			for (const attribute of node.attributes ?? []) {
				if (attribute.name === 'href' && typeof attribute.value === 'string') outline.links.push({ href: attribute.value, line });
			}
		}
		for (const child of node.children ?? []) visit(child);
	};
	visit(tree);
	return outline;
}

/** The pages and files a link can point at, as URL paths below the base path: `dns/route-53/`, `favicon.svg`. */
export interface SiteIndex {
	/** The project folder: chapter files are named relative to it. */
	root: string;
	/** Page path (`''` for home) → the outline of its source, and the file it comes from. */
	pages: Map<string, { file: string; outline: PageOutline }>;
	/** True for a path served by something other than a chapter: a file in `public/` or a route in `src/pages/`. */
	isOtherPath(path: string): boolean;
}

/** The URL path Starlight gives a content file: `dns/Route-53.mdx` → `dns/route-53/`, `index.mdx` → ``. */
export function pagePathOf(id: string): string {
	const slug = id.replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '').toLowerCase();
	return slug ? `${slug}/` : '';
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `src/pages/diagrams/[hash].svg.ts` → a pattern for `diagrams/<anything>.svg`. */
function routePattern(file: string): RegExp {
	const route = file
		.replace(/\.(astro|md|mdx|ts|js)$/, '')
		.replace(/(^|\/)index$/, '$1')
		.split(/(\[[^\]]+\])/)
		.map((part) => (/^\[\.\.\.[^\]]+\]$/.test(part) ? '.*' : /^\[[^\]]+\]$/.test(part) ? '[^/]+' : escapeRegExp(part)))
		.join('');
	return new RegExp(`^${route}/?$`);
}

const filesBelow = (dir: string) =>
	existsSync(dir)
		? readdirSync(dir, { recursive: true, withFileTypes: true })
				.filter((entry) => entry.isFile())
				.map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
		: [];

/** Every chapter's outline plus the other files and routes of the site below `projectRoot`. */
export function siteIndex(files: { path: string; id: string; text?: string }[], projectRoot: string): SiteIndex {
	const pages = new Map<string, { file: string; outline: PageOutline }>();
	for (const { path, id, text } of files) {
		pages.set(pagePathOf(id), { file: relative(projectRoot, path), outline: cachedOutline(path, text) });
	}
	const publicFiles = new Set(filesBelow(join(projectRoot, 'public')));
	const routes = filesBelow(join(projectRoot, 'src/pages')).map(routePattern);
	return { root: projectRoot, pages, isOtherPath: (path) => publicFiles.has(path) || routes.some((route) => route.test(path)) };
}

// The dev server checks a chapter each time it is rendered; the other chapters' outlines are re-read only when changed.
const outlines = new Map<string, { mtimeMs: number; size: number; outline: PageOutline }>();

function cachedOutline(path: string, text?: string): PageOutline {
	const mdx = path.endsWith('.mdx');
	if (text !== undefined) return outlineOf(text, mdx);
	const { mtimeMs, size } = statSync(path);
	const cached = outlines.get(path);
	if (cached && cached.mtimeMs === mtimeMs && cached.size === size) return cached.outline;
	const outline = outlineOf(readFileSync(path, 'utf8'), mdx);
	outlines.set(path, { mtimeMs, size, outline });
	return outline;
}

/** Ids every chapter page has besides its headings: the top of the page and the sections rendered from the frontmatter. */
const PAGE_IDS = ['_top', 'practice-questions', 'sources'];

/** The closest id, when one is close enough to be the one meant (a typo, a missing or extra word ending). */
export function closestId(wanted: string, ids: readonly string[]): string | undefined {
	let best: { id: string; distance: number } | undefined;
	for (const id of ids) {
		const distance = editDistance(wanted, id);
		if (!best || distance < best.distance) best = { id, distance };
	}
	const prefix = ids.find((id) => id.startsWith(wanted) || wanted.startsWith(id));
	if (best && best.distance <= Math.max(2, Math.floor(wanted.length / 5))) return best.id;
	return prefix;
}

function editDistance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
		}
		previous = current;
	}
	return previous[b.length];
}

const didYouMean = (wanted: string, ids: readonly string[]) => {
	const close = closestId(wanted, ids);
	return close ? `; did you mean "${close}"?` : '';
};

export interface LinkProblem {
	line: number;
	message: string;
}

/**
 * Links written in a page's body that certainly do not resolve: a path that is no page or file of the site, or an
 * anchor that is no heading of a page whose ids are all known. `pagePath` is the page's own path (`dns/route-53/`).
 */
export function brokenLinks(pagePath: string, outline: PageOutline, site: SiteIndex): LinkProblem[] {
	const problems: LinkProblem[] = [];
	for (const { href, line } of outline.links) {
		if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) continue;
		const target = new URL(href, `http://site/${pagePath}`);
		let path = decodeURIComponent(target.pathname).slice(1);
		if (!path.endsWith('/') && (site.pages.has(`${path}/`) || `${path}/` === pagePath)) path = `${path}/`;
		// A link within the page is checked against the text being checked, which may be newer than the site's copy.
		const page = path === pagePath ? { file: 'this chapter', outline } : site.pages.get(path);
		if (!page) {
			if (!site.isOtherPath(path)) {
				const close = closestId(path, [...site.pages.keys()].filter(Boolean));
				problems.push({ line, message: `link to ${href}: no such page${close ? `; did you mean /${close}?` : ''}` });
			}
			continue;
		}
		const fragment = decodeURIComponent(target.hash.slice(1));
		const { outline: targetOutline, file } = page;
		if (!fragment || !targetOutline.idsKnown || targetOutline.hasComponents) continue;
		if (targetOutline.headingIds.includes(fragment) || PAGE_IDS.includes(fragment)) continue;
		const where = path === pagePath ? 'this chapter has' : `${file} has`;
		problems.push({ line, message: `link to ${href}: ${where} no heading with the id "${fragment}"${didYouMean(fragment, targetOutline.headingIds)} (see "Heading ids" in CONTRIBUTING.md)` });
	}
	return problems;
}

/** Local images that are not where the chapter says: `file` is the chapter's path relative to `site.root`. */
export function missingImages(file: string, outline: PageOutline, site: SiteIndex): LinkProblem[] {
	return outline.images
		.filter(({ src }) => !/^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith('/') && !src.startsWith('//'))
		.filter(({ src }) => !existsSync(join(site.root, dirname(file), decodeURI(src.split(/[?#]/)[0]))))
		.map(({ src, line }) => ({ line, message: `image ${src}: no such file (images go in src/assets/<group>/ and are written relative to the chapter, e.g. ../../../assets/<group>/<name>.png)` }));
}

/**
 * A practice question's `section:` (and a task's `'1.2#section'`) names a heading of the same chapter. Returns the
 * message for a section that is not one, or undefined when it is or when the chapter's ids are not all known.
 */
export function missingSection(section: string, outline: PageOutline): string | undefined {
	if (!outline.idsKnown || outline.headingIds.includes(section)) return undefined;
	return `the chapter has no heading with the id "${section}"${didYouMean(section, outline.headingIds)} (see "Heading ids" in CONTRIBUTING.md)`;
}
