import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { MdastPluginDefinition } from 'satteri';
import type { MermaidRenderer, RenderResult } from 'mermaid-isomorphic';
import { findChromium } from './chromium.ts';
import { diagramFile, diagramHash, diagramsIn, explainDiagramError } from './mermaid-sources.ts';
import { failBuild, formatProblem, sourceError } from './content-check.ts';
import { diagramText } from './diagram-text.ts';

/** One diagram, rendered for both of Starlight's themes. Committed, so building needs no browser. */
interface CachedDiagram {
	title: string;
	description: string;
	light: string;
	dark: string;
}

/**
 * Layout and look are pinned: Mermaid's defaults have changed between releases, and a new default would silently
 * re-lay-out every diagram (and could undo the portrait layouts that keep labels readable in the column).
 */
const LAYOUT = {
	layout: 'dagre',
	look: 'classic',
	// Every unit of width shrinks the labels in the reading column: keep the side margins of sequences small.
	sequence: { diagramMarginX: 16 },
} as const;

// Mermaid's dark edge labels sit on a grey that gives its text less than 4.5:1 contrast; darken it.
const THEMES = {
	light: { theme: 'default' },
	dark: { theme: 'dark', themeVariables: { edgeLabelBackground: '#333338' } },
} as const;

let renderer: MermaidRenderer | undefined;
// Imported on first use: most builds find every diagram in the cache, and loading the renderer costs a second.
async function getRenderer(): Promise<MermaidRenderer> {
	if (!renderer) {
		const { createMermaidRenderer } = await import('mermaid-isomorphic');
		const { executablePath, args } = findChromium();
		renderer = createMermaidRenderer({ launchOptions: { executablePath, args, headless: true } });
	}
	return renderer;
}

async function renderTheme(source: string, hash: string, theme: keyof typeof THEMES): Promise<RenderResult> {
	const [result] = await (await getRenderer())([source], {
		// Unique ids per theme: both SVGs share one page, and Mermaid scopes its CSS by id.
		prefix: `mermaid-${hash}-${theme}`,
		mermaidConfig: { ...LAYOUT, ...THEMES[theme] },
	});
	if (result.status === 'rejected') {
		const reason = result.reason as { message?: string } | undefined;
		throw new Error(reason?.message ?? String(result.reason));
	}
	return result.value;
}

const GEOMETRY_ATTRIBUTE = /\s(d|points|transform|x|y|x1|x2|y1|y2|cx|cy|r|rx|ry|width|height|viewBox)="([^"]*)"/g;

/** Mermaid writes coordinates with 15 decimals; two are invisible on screen and shrink some diagrams fivefold. */
export function roundGeometry(svg: string): string {
	return svg.replace(GEOMETRY_ATTRIBUTE, (_, name: string, value: string) => {
		// toFixed keeps the decimal point: in compact path data "2.9951.5" is two numbers, "3.5" would be one.
		const rounded = value.replace(/-?\d+\.\d{3,}/g, (n) => Number(n).toFixed(2));
		return ` ${name}="${rounded}"`;
	});
}

const STYLE_BLOCK = /<style>([\s\S]*?)<\/style>/;
const CSS_RULE = /@keyframes[^{]*\{(?:[^{}]*\{[^}]*\})*[^}]*\}|[^{}]+\{[^}]*\}/g;

/**
 * Mermaid embeds the CSS of every shape a diagram type can draw. Keeps only rules whose classes occur in this
 * SVG: a static diagram never gains classes later, and each diagram is in the page twice (light and dark).
 */
export function pruneUnusedCss(svg: string): string {
	const style = STYLE_BLOCK.exec(svg);
	if (!style) return svg;
	const used = new Set<string>();
	for (const [, names] of svg.matchAll(/class="([^"]*)"/g)) for (const name of names.split(/\s+/)) used.add(name);
	const kept: string[] = [];
	for (const [rule] of style[1].matchAll(CSS_RULE)) {
		if (rule.startsWith('@')) {
			kept.push(rule);
			continue;
		}
		const open = rule.indexOf('{');
		const selectors = rule
			.slice(0, open)
			.split(',')
			.filter((selector) => [...selector.matchAll(/\.([\w-]+)/g)].every(([, name]) => used.has(name)));
		if (selectors.length) kept.push(`${selectors.join(',')}${rule.slice(open)}`);
	}
	return `${svg.slice(0, style.index)}<style>${kept.join('')}</style>${svg.slice(style.index + style[0].length)}`;
}

const compact = (svg: string) => pruneUnusedCss(roundGeometry(svg));

async function renderDiagram(source: string, hash: string): Promise<CachedDiagram> {
	const light = await renderTheme(source, hash, 'light');
	const dark = await renderTheme(source, hash, 'dark');
	if (!light.title || !light.description) {
		throw new Error('a diagram needs an accessible name: add `accTitle:` and `accDescr:` lines.');
	}
	return { title: light.title, description: light.description, light: compact(light.svg), dark: compact(dark.svg) };
}

const escapeHtml = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const VIEW_BOX = /^<svg[^>]*?\sviewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"/;

/** Width and height of a rendering in SVG units: its full size, at which every label has its own font size. */
export function svgSize(svg: string): { width: number; height: number } {
	const match = VIEW_BOX.exec(svg);
	if (!match) throw new Error('a rendered diagram has no viewBox');
	return { width: Math.ceil(Number(match[1])), height: Math.ceil(Number(match[2])) };
}

/**
 * The light rendering as a file of its own, at full size: what the enlarge link opens without JavaScript.
 * Inline, the SVG stretches to its column (width 100%); alone, it keeps its own width and the browser scrolls.
 */
export function standaloneSvg(svg: string): string {
	const { width, height } = svgSize(svg);
	const root = svg.slice(0, svg.indexOf('>') + 1);
	const sized = root.replace(/\swidth="100%"/, ` width="${width}" height="${height}"`).replace(/\sstyle="max-width:[^"]*"/, '');
	return `<?xml version="1.0" encoding="UTF-8"?>\n${sized}${svg.slice(root.length)}\n`;
}

/** URL of a diagram's standalone SVG, below the site's base path. */
export const diagramSvgUrl = (base: string, hash: string) => `${base.replace(/\/?$/, '/')}diagrams/${hash}.svg`;

function textHtml(source: string): string {
	const { ordered, items } = diagramText(source);
	const list = ordered ? 'ol' : 'ul';
	return [
		'<details class="diagram__text">',
		'<summary>Diagram as text</summary>',
		`<${list}>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</${list}>`,
		'</details>',
	].join('');
}

// What differs between the two renderings besides their style sheets: theme colours of drop shadows and gradients
// that no shape of a classic-look diagram uses.
const UNUSED_THEME_PAINT = [/\sflood-color="[^"]*"/g, /<linearGradient\b[\s\S]*?<\/linearGradient>/g];
const shape = (svg: string) => UNUSED_THEME_PAINT.reduce((text, pattern) => text.replace(pattern, ''), svg.replace(STYLE_BLOCK, '<style></style>'));

/**
 * One SVG for both themes, when the two renderings draw the same shapes and differ only in colours: the light markup
 * with both style sheets, the dark one scoped to Starlight's dark theme on screen (paper always gets the light one).
 * Half the markup of two copies, one of them hidden. Undefined when the renderings differ in more than their CSS.
 */
export function themedSvg(light: string, dark: string, hash: string): string | undefined {
	const lightId = `mermaid-${hash}-light`;
	const darkId = `mermaid-${hash}-dark`;
	// Mermaid numbers its ids after the prefix: `mermaid-<hash>-light-0`.
	if (!light.includes(`id="${lightId}`) || !dark.includes(`id="${darkId}`)) return undefined;
	const sameIds = dark.replaceAll(darkId, lightId);
	if (shape(sameIds) !== shape(light)) return undefined;
	const lightCss = STYLE_BLOCK.exec(light)?.[1] ?? '';
	const darkRules = [...(STYLE_BLOCK.exec(sameIds)?.[1] ?? '').matchAll(CSS_RULE)].map(([rule]) => rule).filter((rule) => !rule.startsWith('@'));
	const darkCss = darkRules.map((rule) => rule.replaceAll(`#${lightId}`, `:root[data-theme='dark'] #${lightId}`)).join('');
	return light.replace(STYLE_BLOCK, () => `<style>${lightCss}@media screen{${darkCss}}</style>`);
}

export function figureHtml(diagram: CachedDiagram, source: string, base: string): string {
	const hash = diagramHash(source);
	const title = escapeHtml(diagram.title);
	const themed = themedSvg(diagram.light, diagram.dark, hash);
	// Search indexes the text version once; the SVG would only count the same labels again.
	return [
		'<figure class="diagram">',
		...(themed
			? [`<div class="diagram__svg" data-pagefind-ignore>${themed}</div>`]
			: [
					`<div class="diagram__svg diagram__svg--light" data-pagefind-ignore>${diagram.light}</div>`,
					`<div class="diagram__svg diagram__svg--dark" data-pagefind-ignore>${diagram.dark}</div>`,
				]),
		'<div class="diagram__tools" data-pagefind-ignore>',
		`<a class="diagram__enlarge" href="${diagramSvgUrl(base, hash)}" data-width="${svgSize(diagram.light).width}">`,
		`Enlarge<span class="sr-only"> diagram: ${title}</span></a>`,
		'</div>',
		`<figcaption>${title}</figcaption>`,
		'</figure>',
		textHtml(source),
	].join('');
}

async function renderToCache(source: string, cacheDir: string): Promise<CachedDiagram> {
	const diagram = await renderDiagram(source, diagramHash(source));
	writeFileSync(join(cacheDir, diagramFile(source)), `${JSON.stringify(diagram, null, '\t')}\n`);
	return diagram;
}

/**
 * Mermaid counts lines from the diagram's first line; `fenceLine` is the file line of the opening fence, so
 * diagram line n is file line fenceLine + n. The error names the file line, which is what an editor can jump to.
 */
export function diagramError(file: string, fenceLine: number | undefined, source: string, error: unknown): Error {
	if (fenceLine === undefined) {
		return sourceError(`${file}: in the Mermaid diagram ("${source.trim().split('\n')[0]}…"): ${(error as Error)?.message ?? String(error)}`);
	}
	return sourceError(formatProblem({ file, ...explainDiagramError(fenceLine, source, error) }));
}

/** Line of a diagram's opening fence in its chapter. */
function fenceLine(file: string, source: string): number {
	const text = readFileSync(file, 'utf8');
	return text.slice(0, text.indexOf(source)).split('\n').length - 1;
}

/**
 * Turns ```mermaid fences into inline SVG at build time, one rendering per theme.
 * Results are cached by content hash in `cacheDir`, so only new or edited diagrams start a browser.
 */
export function mermaidPlugin(cacheDir: string, projectRoot: string, base = '/'): MdastPluginDefinition {
	mkdirSync(cacheDir, { recursive: true });
	return {
		name: 'build-time-mermaid',
		options: { position: true },
		async code(node, ctx) {
			if (node.lang !== 'mermaid') return;
			const cacheFile = join(cacheDir, diagramFile(node.value));
			let html: string;
			try {
				// Only rendered here when a diagram changes while the dev server runs; builds render everything up front.
				const diagram = existsSync(cacheFile)
					? (JSON.parse(readFileSync(cacheFile, 'utf8')) as CachedDiagram)
					: await renderToCache(node.value, cacheDir);
				// Handed over as an opaque string: re-parsing SVG as Markdown HTML mangles self-closing SVG tags.
				html = figureHtml(diagram, node.value, base);
			} catch (error) {
				const file = ctx.fileURL ? relative(projectRoot, fileURLToPath(ctx.fileURL)) : 'unknown file';
				throw diagramError(file, node.position?.start.line, node.value, error);
			}
			if (ctx.sourceFormat !== 'mdx') return { type: 'html', value: html };
			return {
				type: 'mdxJsxFlowElement',
				name: 'Fragment',
				attributes: [{ type: 'mdxJsxAttribute', name: 'set:html', value: html }],
				children: [],
			};
		},
	};
}

/**
 * Renders every new diagram before the build, all at once in one browser (one launch instead of one per diagram),
 * and after a full build removes cached diagrams that no chapter uses any more.
 */
export function mermaidDiagrams(cacheDir: string, contentDir: string, projectRoot: string): AstroIntegration {
	return {
		name: 'build-time-mermaid',
		hooks: {
			// A diagram whose text version cannot be read was already reported by the content check, with the rest.
			'astro:config:setup': async ({ command, logger }) => {
				const missing = diagramsIn(contentDir).filter(({ source }) => !existsSync(join(cacheDir, diagramFile(source))));
				const unique = [...new Map(missing.map((d) => [diagramFile(d.source), d])).values()];
				if (!unique.length) return;
				logger.info(`rendering ${unique.length} new diagram(s) in Chromium`);
				mkdirSync(cacheDir, { recursive: true });
				const results = await Promise.allSettled(unique.map(({ source }) => renderToCache(source, cacheDir)));
				// Every diagram that fails is reported, not only the first.
				const failed = results.flatMap((result, i) =>
					result.status === 'rejected'
						? [diagramError(relative(projectRoot, unique[i].file), fenceLine(unique[i].file, unique[i].source), unique[i].source, result.reason).message]
						: [],
				);
				if (!failed.length) return;
				const report = `${failed.length} Mermaid diagram(s) failed to render:\n  ${failed.join('\n  ')}`;
				// The dev server keeps running: the chapter's page shows the error when it is opened.
				if (command === 'dev') logger.error(report);
				else await failBuild(logger, report);
			},
			'astro:build:done': ({ logger }) => {
				const used = new Set(diagramsIn(contentDir).map(({ source }) => diagramFile(source)));
				for (const name of readdirSync(cacheDir)) {
					if (name.endsWith('.json') && !used.has(name)) {
						rmSync(join(cacheDir, name));
						logger.info(`removed unused diagram ${name}`);
					}
				}
			},
		},
	};
}
