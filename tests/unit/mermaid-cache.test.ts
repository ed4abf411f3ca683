import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { diagramFile, diagramHash, diagramsIn, normaliseDiagram } from '../../src/integrations/mermaid-sources.ts';

const contentDir = fileURLToPath(new URL('../../src/content/docs/', import.meta.url));
const cacheDir = fileURLToPath(new URL('../../src/diagrams/', import.meta.url));

// The rendered diagrams are committed so that building needs no browser; they must match the chapters exactly.
test('every diagram in the chapters has a committed rendering', () => {
	const cached = new Set(readdirSync(cacheDir));
	const missing = diagramsIn(contentDir)
		.filter(({ source }) => !cached.has(diagramFile(source)))
		.map(({ file, source }) => `${file}: ${source.trim().split('\n')[0]}`);
	assert.deepEqual(missing, [], 'run `npm run build` with a Chromium available and commit src/diagrams/');
});

test('no committed rendering is left over from a deleted or edited diagram', () => {
	const used = new Set(diagramsIn(contentDir).map(({ source }) => diagramFile(source)));
	const orphans = readdirSync(cacheDir).filter((name) => !used.has(name));
	assert.deepEqual(orphans, [], 'run `npm run build` (it prunes unused renderings) and commit src/diagrams/');
});

test('each rendering has an accessible title and description and both themes', () => {
	for (const name of readdirSync(cacheDir)) {
		const diagram = JSON.parse(readFileSync(`${cacheDir}/${name}`, 'utf8'));
		assert.ok(diagram.title, `${name} has a title`);
		assert.ok(diagram.description, `${name} has a description`);
		assert.match(diagram.light, /^<svg/, `${name} has a light SVG`);
		assert.match(diagram.dark, /^<svg/, `${name} has a dark SVG`);
		assert.notEqual(diagram.light, diagram.dark);
	}
});

test('indentation and trailing blanks do not change a diagram hash; content does', () => {
	const plain = 'flowchart LR\n  A --> B';
	assert.equal(normaliseDiagram('\n    flowchart LR\n      A --> B   \n\n'), plain);
	assert.equal(diagramHash(plain), diagramHash('  flowchart LR\n    A --> B\n'));
	assert.notEqual(diagramHash(plain), diagramHash('flowchart LR\n  A --> C'));
});

test('geometry is rounded to two decimals, text and other attributes are not', async () => {
	const { roundGeometry } = await import('../../src/integrations/mermaid.ts');
	const svg = '<path d="M-10.21875 -19.5 C-4.839497745912404 -19.5" class="v1.23456"/><text x="3.14159">pi is 3.14159</text>';
	assert.equal(roundGeometry(svg), '<path d="M-10.22 -19.5 C-4.84 -19.5" class="v1.23456"/><text x="3.14">pi is 3.14159</text>');
	// Compact path data: rounding up to a whole number must not merge two numbers into one.
	assert.equal(roundGeometry('<path d="l2.9951.5"/>'), '<path d="l3.00.5"/>');
});

test('CSS rules for classes the diagram does not use are dropped, the rest kept', async () => {
	const { pruneUnusedCss } = await import('../../src/integrations/mermaid.ts');
	const svg =
		'<svg id="m"><style>#m{fill:#333;}#m .node rect{fill:red;}#m .cluster rect,#m .node p{color:blue;}#m .actor{x:1}@keyframes dash{to{stroke-dashoffset:0;}}</style><g class="node default"><rect/></g></svg>';
	assert.equal(
		pruneUnusedCss(svg),
		'<svg id="m"><style>#m{fill:#333;}#m .node rect{fill:red;}#m .node p{color:blue;}@keyframes dash{to{stroke-dashoffset:0;}}</style><g class="node default"><rect/></g></svg>',
	);
});

test('a figure links to its full-size SVG under the base path, hides both SVG copies from search and lists its text', async () => {
	const { figureHtml } = await import('../../src/integrations/mermaid.ts');
	const source = 'flowchart TB\n  accTitle: T\n  accDescr: D\n  a["A & B"] -->|"x"| b';
	const svg = (theme: string) => `<svg id="${theme}" width="100%" style="max-width: 812.5px;" viewBox="0 0 812.5 300"><g/></svg>`;
	const html = figureHtml({ title: 'Title <1>', description: 'D', light: svg('l'), dark: svg('d') }, source, '/aws-notes/');
	assert.match(html, new RegExp(`<a class="diagram__enlarge" href="/aws-notes/diagrams/${diagramHash(source)}\\.svg" data-width="813">`));
	assert.match(html, /Enlarge<span class="sr-only"> diagram: Title &lt;1&gt;<\/span>/);
	assert.equal(html.match(/class="diagram__svg diagram__svg--(light|dark)" data-pagefind-ignore>/g)?.length, 2);
	assert.match(html, /<\/figure><details class="diagram__text"><summary>Diagram as text<\/summary><ul><li>A &amp; B → b: x<\/li><\/ul><\/details>$/);
});

test('two renderings that differ only in colours become one SVG carrying both style sheets, dark for the dark theme on screen', async () => {
	const { themedSvg, figureHtml } = await import('../../src/integrations/mermaid.ts');
	const svg = (theme: string, fill: string, extra = '') =>
		`<svg id="mermaid-h-${theme}" viewBox="0 0 10 10"><style>#mermaid-h-${theme}{fill:${fill};}#mermaid-h-${theme} .node rect{stroke:${fill};}@keyframes dash{to{x:0}}</style><g class="node"><rect/></g><filter><feDropShadow flood-color="${fill}"/></filter>${extra}</svg>`;
	const themed = themedSvg(svg('light', '#111'), svg('dark', '#eee', '<linearGradient id="g"></linearGradient>'), 'h');
	assert.equal(
		themed,
		`<svg id="mermaid-h-light" viewBox="0 0 10 10"><style>#mermaid-h-light{fill:#111;}#mermaid-h-light .node rect{stroke:#111;}@keyframes dash{to{x:0}}@media screen{:root[data-theme='dark'] #mermaid-h-light{fill:#eee;}:root[data-theme='dark'] #mermaid-h-light .node rect{stroke:#eee;}}</style><g class="node"><rect/></g><filter><feDropShadow flood-color="#111"/></filter></svg>`,
	);
	// Different shapes (here an inline colour on an element) keep the two copies.
	assert.equal(themedSvg(svg('light', '#111'), svg('dark', '#eee').replace('<rect/>', '<rect style="stroke: #eee"/>'), 'h'), undefined);
	const source = 'flowchart TB\n  accTitle: T\n  accDescr: D\n  a --> b';
	const hash = diagramHash(source);
	const one = figureHtml({ title: 'T', description: 'D', light: svg('light', '#111').replaceAll('mermaid-h-', `mermaid-${hash}-`), dark: svg('dark', '#eee').replaceAll('mermaid-h-', `mermaid-${hash}-`) }, source, '/');
	assert.equal(one.match(/<svg /g)?.length, 1);
	assert.match(one, /<div class="diagram__svg" data-pagefind-ignore><svg /);
});

test('the standalone SVG keeps its own size instead of stretching to a column', async () => {
	const { standaloneSvg } = await import('../../src/integrations/mermaid.ts');
	const file = standaloneSvg('<svg id="m" width="100%" xmlns="http://www.w3.org/2000/svg" style="max-width: 812.5px;" viewBox="-8 0 812.5 300.2"><g style="x"/></svg>');
	assert.equal(
		file,
		'<?xml version="1.0" encoding="UTF-8"?>\n<svg id="m" width="813" height="301" xmlns="http://www.w3.org/2000/svg" viewBox="-8 0 812.5 300.2"><g style="x"/></svg>\n',
	);
});
