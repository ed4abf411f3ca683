// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import preact from '@astrojs/preact';
import { satteri } from '@astrojs/markdown-satteri';
import { mermaidPlugin, mermaidDiagrams } from './src/integrations/mermaid.ts';
import { baseLinksPlugin } from './src/integrations/base-links.ts';
import { linkCheck } from './src/integrations/link-check.ts';
import { inlineScriptHashes } from './src/integrations/inline-script-hashes.ts';
import { readSiteEnv } from './src/integrations/site-env.ts';

// SITE_URL and BASE_PATH choose the host: unset for a domain root, e.g. BASE_PATH=/repo-name for GitHub Pages.
const { site, base, repoUrl } = readSiteEnv();
const root = fileURLToPath(new URL('.', import.meta.url));
const diagramCache = fileURLToPath(new URL('./src/diagrams/', import.meta.url));
const contentDir = fileURLToPath(new URL('./src/content/docs/', import.meta.url));

/**
 * @param {string} href
 * @returns {{ tag: 'meta', attrs: Record<string, string> }[]}
 */
const socialCardTags = (href) => [
	{ tag: 'meta', attrs: { property: 'og:image', content: href } },
	{ tag: 'meta', attrs: { property: 'og:image:alt', content: 'AWS Developer Associate Notes: DVA-C02 study notes' } },
	{ tag: 'meta', attrs: { name: 'twitter:image', content: href } },
];
/** @param {string} label @param {string} directory */
const group = (label, directory) => ({ label, items: [{ autogenerate: { directory } }] });

export default defineConfig({
	site,
	base,
	trailingSlash: 'always',
	security: {
		// Astro hashes every script it emits, so script-src needs no 'unsafe-inline'.
		// Styles keep 'unsafe-inline': diagrams and highlighted code carry inline style attributes.
		csp: {
			directives: [
				"default-src 'self'",
				"img-src 'self' data:",
				"font-src 'self'",
				"connect-src 'self'",
				"object-src 'none'",
				"base-uri 'self'",
				"form-action 'self'",
			],
			// Pagefind's search runs as WebAssembly.
			scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
			styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
		},
	},
	markdown: {
		processor: satteri({
			mdastPlugins: [mermaidPlugin(diagramCache, root)],
			hastPlugins: [baseLinksPlugin(base)],
		}),
	},
	integrations: [
		starlight({
			title: 'AWS Developer Associate Notes',
			description:
				'Accurate, exam-focused notes for the AWS Certified Developer – Associate (DVA-C02) exam, with diagrams, demos and practice questions.',
			lastUpdated: true,
			editLink: repoUrl ? { baseUrl: `${repoUrl}/edit/main/` } : undefined,
			social: repoUrl ? [{ icon: 'github', label: 'Source on GitHub', href: repoUrl }] : undefined,
			// Social card for link previews; crawlers need an absolute URL, so only when the site URL is known.
			head: site ? socialCardTags(new URL(`${base.replace(/\/$/, '')}/social-card.png`, site).href) : [],
			customCss: ['./src/styles/custom.css', './src/styles/demos.css'],
			components: {
				MarkdownContent: './src/components/ChapterContent.astro',
			},
			sidebar: [
				group('Foundations', 'foundations'),
				group('EC2 and networking', 'ec2-and-networking'),
				group('Storage', 'storage'),
				group('Scaling', 'scaling'),
				group('Serverless', 'serverless'),
				group('Databases', 'databases'),
				group('DNS', 'dns'),
				group('Reference', 'reference'),
			],
			pagefind: {
				// Short pages that mention a term once should not outrank the chapter that explains it.
				ranking: { pageLength: 0.4, termFrequency: 1.0, termSaturation: 1.2 },
			},
		}),
		preact(),
		mermaidDiagrams(diagramCache, contentDir, root),
		linkCheck(),
		inlineScriptHashes(),
	],
});
