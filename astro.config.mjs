// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import preact from '@astrojs/preact';
import { satteri } from '@astrojs/markdown-satteri';
import { mermaidPlugin, mermaidDiagrams } from './src/integrations/mermaid.ts';
import { baseLinksPlugin } from './src/integrations/base-links.ts';
import { scrollableTablesPlugin } from './src/integrations/scrollable-tables.ts';
import { linkCheck } from './src/integrations/link-check.ts';
import { inlineScriptHashes } from './src/integrations/inline-script-hashes.ts';
import { readSiteEnv } from './src/integrations/site-env.ts';
import { contentCheck } from './src/integrations/content-check.ts';
import { offline } from './src/integrations/offline.ts';
import { GROUPS } from './src/groups.ts';
import { EXAM_CODE } from './src/exam-guide.ts';

// SITE_URL and BASE_PATH choose the host: unset for a domain root, e.g. BASE_PATH=/repo-name for GitHub Pages.
// OUT_DIR moves the build output (the tests build into their own folder and leave dist/ alone).
const { site, base, repoUrl, outDir } = readSiteEnv();
const root = fileURLToPath(new URL('.', import.meta.url));
const diagramCache = fileURLToPath(new URL('./src/diagrams/', import.meta.url));
const contentDir = fileURLToPath(new URL('./src/content/docs/', import.meta.url));

/**
 * MDX modules carry Astro's own "use astro:head-inject" marker, which Astro handles; the bundler's warning about
 * module-level directives is about React-style directives and does not apply.
 * @param {{ code?: string, message: string }} warning
 * @param {(warning: any) => void} warn
 */
function ignoreHeadInjectDirective(warning, warn) {
	if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
	warn(warning);
}

/**
 * @param {string} href
 * @returns {{ tag: 'meta', attrs: Record<string, string> }[]}
 */
const socialCardTags = (href) => [
	{ tag: 'meta', attrs: { property: 'og:image', content: href } },
	{ tag: 'meta', attrs: { property: 'og:image:alt', content: `AWS Developer Associate Notes: ${EXAM_CODE} study notes` } },
	{ tag: 'meta', attrs: { name: 'twitter:image', content: href } },
];

export default defineConfig({
	site,
	base,
	outDir,
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
				// The offline copy: a service worker from this site only.
				"worker-src 'self'",
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
		// Starlight's Expressive Code highlights code blocks; Astro's own Shiki pass would only trigger a CSP warning.
		syntaxHighlight: false,
		processor: satteri({
			mdastPlugins: [mermaidPlugin(diagramCache, root, base)],
			hastPlugins: [baseLinksPlugin(base), scrollableTablesPlugin()],
		}),
	},
	vite: {
		resolve: {
			// Start Pagefind's search UI on the reader's first intent to search rather than at idle time.
			alias: [{ find: /^@pagefind\/default-ui$/, replacement: fileURLToPath(new URL('./src/components/search/lazy-pagefind-ui.ts', import.meta.url)) }],
		},
		plugins: [
			{
				name: 'quiet-head-inject-directive',
				// Per environment: Astro's server and prerender builds do not inherit the top-level build options.
				configEnvironment: () => ({ build: { rolldownOptions: { onwarn: ignoreHeadInjectDirective } } }),
			},
		],
	},
	integrations: [
		// First, so a broken chapter rule is reported before Astro's own content errors.
		contentCheck(new URL('./src/content/docs/', import.meta.url), new URL('.', import.meta.url)),
		starlight({
			title: 'AWS Developer Associate Notes',
			description:
				`Accurate, exam-focused notes for the AWS Certified Developer – Associate (${EXAM_CODE}) exam, with diagrams, demos and practice questions.`,
			lastUpdated: true,
			editLink: repoUrl ? { baseUrl: `${repoUrl}/edit/main/` } : undefined,
			social: repoUrl ? [{ icon: 'github', label: 'Source on GitHub', href: repoUrl }] : undefined,
			// Social card for link previews; crawlers need an absolute URL, so only when the site URL is known.
			head: [
				// Before the first layout: a page opened at a #section renders every block, so the section is where the jump lands.
				{ tag: 'script', content: "if(location.hash)document.documentElement.classList.add('render-all')" },
				...(site ? socialCardTags(new URL(`${base.replace(/\/$/, '')}/social-card.png`, site).href) : []),
			],
			customCss: ['./src/styles/custom.css', './src/styles/demos.css'],
			components: {
				MarkdownContent: './src/components/ChapterContent.astro',
				Search: './src/components/search/Search.astro',
				// Every page carries the offline update notice and the script that registers the service worker.
				Footer: './src/components/Footer.astro',
			},
			// One group per folder, declared once in src/groups.ts (the home page's index reads it too).
			sidebar: GROUPS.map(({ folder, label }) => ({ label, items: [{ autogenerate: { directory: folder } }] })),
			pagefind: {
				// Short pages that mention a term once should not outrank the chapter that explains it.
				// termSimilarity favours the exact word over its stem ("hosted zone" is about hosted zones, not host headers);
				// `terms` is the metadata each chapter gets from the glossary entries that point at it (ChapterContent.astro).
				ranking: { pageLength: 0.4, termFrequency: 1.0, termSaturation: 1.2, termSimilarity: 10, metaWeights: { title: 5, terms: 10 } },
			},
		}),
		preact(),
		mermaidDiagrams(diagramCache, contentDir, root),
		linkCheck(new URL('./src/content/docs/', import.meta.url), new URL('.', import.meta.url)),
		inlineScriptHashes(),
		// Last: it lists and hashes the final files, after every other step has written them.
		offline(),
	],
});
