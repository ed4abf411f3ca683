// How big a diagram's labels really are on screen: used by the readability test and `npm run bench`.
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { diagramsIn } from '../../src/integrations/mermaid-sources.ts';

/** Body text is 16 px; below about 11 px a label is unreadable without zooming. */
export const MIN_DESKTOP_PX = 11;
/** On a phone the enlarged view is the way to read a diagram: one tap must be enough. */
export const MIN_ENLARGED_PHONE_PX = 12;

export interface DiagramLabels {
	/** The figure's caption (the diagram's accTitle). */
	title: string;
	/** Smallest font size × on-screen scale over the diagram's visible labels, in CSS pixels. */
	smallest: number;
	/** The label that has it, to name in a failure. */
	label: string;
}

/**
 * Runs inside the page (pass it to `page.evaluate`): one entry per diagram, in page order, for the theme shown.
 * With `enlarged`, opens each diagram's enlarged view in turn and measures it there.
 */
export function measureDiagramLabels(enlarged = false): DiagramLabels[] {
	const measure = (svg: SVGSVGElement) => {
		const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
		let smallest = Infinity;
		let label = '';
		const walker = document.createTreeWalker(svg, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const text = node.textContent?.trim();
			const parent = node.parentElement;
			if (!text || !parent || parent.closest('style, title, desc')) continue;
			const size = Number.parseFloat(getComputedStyle(parent).fontSize) * scale;
			if (size < smallest) {
				smallest = size;
				label = text;
			}
		}
		return { smallest: Math.round(smallest * 10) / 10, label };
	};
	// The copy for the other theme is display:none and has no size.
	const visibleSvg = (root: Element) =>
		[...root.querySelectorAll<SVGSVGElement>('.diagram__svg svg')].find((svg) => svg.getBoundingClientRect().width > 0);
	return [...document.querySelectorAll<HTMLElement>('figure.diagram')].map((figure) => {
		const title = figure.querySelector('figcaption')?.textContent?.trim() ?? '';
		if (!enlarged) {
			const svg = visibleSvg(figure);
			return { title, ...(svg ? measure(svg) : { smallest: 0, label: 'no visible SVG' }) };
		}
		figure.querySelector<HTMLElement>('.diagram__enlarge')?.click();
		const dialog = document.querySelector<HTMLDialogElement>('dialog[open]');
		const svg = dialog && visibleSvg(dialog);
		const result = { title, ...(svg ? measure(svg) : { smallest: 0, label: 'no enlarged view opened' }) };
		dialog?.close();
		return result;
	});
}

const CONTENT_DIR = fileURLToPath(new URL('../../src/content/docs/', import.meta.url));

/** Site paths (relative to the base) of the chapters that carry diagrams, with how many each has. */
export function diagramChapters(): { path: string; count: number }[] {
	const counts = new Map<string, number>();
	for (const { file } of diagramsIn(CONTENT_DIR)) {
		const slug = file.slice(CONTENT_DIR.length).split('\\').join('/').replace(/\.mdx?$/, '');
		const path = slug === 'index' ? '' : `${slug.replace(/\/index$/, '')}/`;
		counts.set(path, (counts.get(path) ?? 0) + 1);
	}
	return [...counts].map(([path, count]) => ({ path, count })).sort((a, b) => a.path.localeCompare(b.path));
}

export interface ChapterDiagramLabels {
	path: string;
	/** Light theme, 1280 × 800. */
	desktop: DiagramLabels[];
	/** Light theme, each diagram's enlarged view at 390 × 844. */
	enlarged: DiagramLabels[];
}

/** One page load per diagram chapter: the smallest label of every diagram at desktop width and enlarged on a phone. */
export async function measureAllDiagrams(page: Page, baseUrl: string): Promise<ChapterDiagramLabels[]> {
	const rows: ChapterDiagramLabels[] = [];
	for (const { path } of diagramChapters()) {
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.goto(new URL(path, baseUrl).href);
		const desktop = await page.evaluate(measureDiagramLabels, false);
		await page.setViewportSize({ width: 390, height: 844 });
		const enlarged = await page.evaluate(measureDiagramLabels, true);
		rows.push({ path, desktop, enlarged });
	}
	return rows;
}

/** A Markdown table of the smallest label per diagram, for the benchmark report. */
export function diagramLabelTable(rows: ChapterDiagramLabels[]): string {
	const lines = [
		`| chapter | diagram | smallest label at 1280 px (≥ ${MIN_DESKTOP_PX}) | enlarged at 390 px (≥ ${MIN_ENLARGED_PHONE_PX}) | that label |`,
		'| --- | --- | --- | --- | --- |',
	];
	for (const { path, desktop, enlarged } of rows) {
		desktop.forEach((d, i) => {
			const e = enlarged[i];
			const mark = (px: number | undefined, min: number) => (px === undefined ? '—' : `${px} px${px < min ? ' ✗' : ''}`);
			const cells = [path, d.title, mark(d.smallest, MIN_DESKTOP_PX), mark(e?.smallest, MIN_ENLARGED_PHONE_PX), d.label];
			lines.push(`| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`);
		});
	}
	return lines.join('\n');
}
