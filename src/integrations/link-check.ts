import { existsSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { parse } from 'node-html-parser';
import { htmlFiles } from './html-files.ts';

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

/**
 * Fails the build on an internal link to a page or an anchor that does not exist,
 * whether it was written in a chapter or produced by a component.
 */
export function findBrokenLinks(outDir: string, base: string): string[] {
	const pages = new Map<string, Page>();
	for (const file of htmlFiles(outDir)) {
		const root = parse(readFileSync(file, 'utf8'));
		const ids = new Set(root.querySelectorAll('[id]').map((el) => el.getAttribute('id') ?? ''));
		const links = root.querySelectorAll('a[href]').map((el) => el.getAttribute('href') ?? '');
		pages.set(urlPathOf(outDir, file, base), { ids, links });
	}
	const broken: string[] = [];
	for (const [pagePath, page] of pages) {
		for (const href of page.links) {
			if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) continue;
			const target = new URL(href, `http://site${pagePath}`);
			const targetPath = decodeURIComponent(target.pathname);
			const targetPage = pages.get(targetPath);
			if (!targetPage) {
				const asFile = join(outDir, relative(base, targetPath));
				if (!targetPath.startsWith(base) || !existsSync(asFile)) broken.push(`${pagePath} → ${href} (no such page)`);
				continue;
			}
			const fragment = decodeURIComponent(target.hash.slice(1));
			if (fragment && !targetPage.ids.has(fragment)) broken.push(`${pagePath} → ${href} (no element with id "${fragment}")`);
		}
	}
	return broken;
}

export function linkCheck(): AstroIntegration {
	let base = '/';
	return {
		name: 'internal-link-check',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
			},
			'astro:build:done': ({ dir, logger }) => {
				const broken = findBrokenLinks(fileURLToPath(dir), base);
				if (broken.length) {
					const report = `${broken.length} broken internal link(s):\n  ${broken.join('\n  ')}`;
					// LINK_CHECK=warn lets a half-written set of chapters build locally; CI never sets it.
					if (process.env.LINK_CHECK === 'warn') logger.warn(report);
					else throw new Error(report);
					return;
				}
				logger.info('all internal links and anchors resolve');
			},
		},
	};
}
