import { existsSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { parse } from 'node-html-parser';
import yaml from 'js-yaml';
import { htmlFiles } from './html-files.ts';
import { failBuild, formatProblem, pagePathOf, splitFrontmatter, yamlLocator, type Problem } from './content-check.ts';

interface Page {
	ids: Set<string>;
	links: string[];
}

/** URL path of a built file, as a reader's browser would request it. */
function urlPathOf(outDir: string, file: string, base: string): string {
	const rel = relative(outDir, file).split('\\').join('/');
	const path = rel.endsWith('index.html') ? rel.slice(0, -'index.html'.length) : rel;
	return posix.join(base, path);
}

export interface BrokenLink {
	/** URL path of the page the link is on. */
	page: string;
	href: string;
	reason: string;
}

/**
 * Fails the build on an internal link to a page or an anchor that does not exist,
 * whether it was written in a chapter or produced by a component.
 */
export function findBrokenLinks(outDir: string, base: string): BrokenLink[] {
	const pages = new Map<string, Page>();
	for (const file of htmlFiles(outDir)) {
		const root = parse(readFileSync(file, 'utf8'));
		const ids = new Set(root.querySelectorAll('[id]').map((el) => el.getAttribute('id') ?? ''));
		const links = root.querySelectorAll('a[href]').map((el) => el.getAttribute('href') ?? '');
		pages.set(urlPathOf(outDir, file, base), { ids, links });
	}
	const broken: BrokenLink[] = [];
	for (const [pagePath, page] of pages) {
		for (const href of page.links) {
			if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) continue;
			const target = new URL(href, `http://site${pagePath}`);
			const targetPath = decodeURIComponent(target.pathname);
			const targetPage = pages.get(targetPath);
			if (!targetPage) {
				const asFile = join(outDir, relative(base, targetPath));
				if (!targetPath.startsWith(base) || !existsSync(asFile)) broken.push({ page: pagePath, href, reason: 'no such page' });
				continue;
			}
			const fragment = decodeURIComponent(target.hash.slice(1));
			if (fragment && !targetPage.ids.has(fragment)) broken.push({ page: pagePath, href, reason: `no heading or element with id "${fragment}"` });
		}
	}
	return broken;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Points a broken link at the line that wrote it: a link in the chapter's body, or a practice question's `section:`
 * (rendered as a "Review this section" link). Links that no chapter line wrote (a component's) keep the page URL.
 */
export function locateBrokenLink(link: BrokenLink, base: string, contentDir: string, projectRoot: string): Problem {
	const fallback = { file: `page ${link.page}`, message: `link to ${link.href}: ${link.reason} (the link is not written in a chapter; a component or layout made it)` };
	if (!link.page.startsWith(base)) return fallback;
	const slug = link.page.slice(base.length);
	const path = [`${slug}index.mdx`, `${slug}index.md`, `${slug.replace(/\/$/, '')}.mdx`, `${slug.replace(/\/$/, '')}.md`]
		.map((candidate) => join(contentDir, candidate))
		.find((candidate) => existsSync(candidate) && pagePathOf(relative(contentDir, candidate).split('\\').join('/')) === slug);
	if (!path) return fallback;
	const file = relative(projectRoot, path);
	const text = readFileSync(path, 'utf8');
	const split = splitFrontmatter(text);
	// A chapter writes root-relative links without the base path; the build adds it.
	const written = new Set([link.href, link.href.startsWith(base) ? `/${link.href.slice(base.length)}` : link.href]);
	if (split) {
		const lines = split.body.split('\n');
		for (const href of written) {
			const pattern = new RegExp(`(\\(|["'{<\\s=])${escapeRegExp(href)}(\\)|["'}>\\s]|$)`);
			const index = lines.findIndex((line) => pattern.test(line));
			if (index >= 0) return { file, line: split.bodyLine + index, message: `link to ${href}: ${link.reason}` };
		}
		if (link.href.startsWith('#')) {
			const section = link.href.slice(1);
			const data = yaml.load(split.yaml) as { questions?: { section?: string }[] } | null;
			const index = data?.questions?.findIndex((q) => q.section === section) ?? -1;
			if (index >= 0) {
				const line = split.yamlLine + yamlLocator(split.yaml)(['questions', index, 'section']);
				return { file, line, message: `practice question ${index + 1} has "section: ${section}", but the chapter has no heading with that id (see "Heading ids" in CONTRIBUTING.md)` };
			}
		}
	}
	return { file, message: `link to ${link.href}: ${link.reason} (not found as written in the file; a component may have made it)` };
}

export function linkCheck(contentDirUrl: URL, projectRootUrl: URL): AstroIntegration {
	const contentDir = fileURLToPath(contentDirUrl);
	const projectRoot = fileURLToPath(projectRootUrl);
	let base = '/';
	return {
		name: 'internal-link-check',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
			},
			'astro:build:done': async ({ dir, logger }) => {
				const broken = findBrokenLinks(fileURLToPath(dir), base).map((link) => locateBrokenLink(link, base, contentDir, projectRoot));
				if (broken.length) {
					const report = `${broken.length} broken internal link(s):\n  ${broken.map(formatProblem).join('\n  ')}`;
					// LINK_CHECK=warn lets a half-written set of chapters build locally; CI never sets it.
					if (process.env.LINK_CHECK === 'warn') logger.warn(report);
					else await failBuild(logger, report);
					return;
				}
				logger.info('all internal links and anchors resolve');
			},
		},
	};
}
