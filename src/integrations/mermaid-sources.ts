import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { DiagramLineError } from './diagram-text.ts';

// Bump when the rendered HTML or themes change, so every cached diagram is rendered again.
const RENDER_VERSION = 7;
const mermaidVersion: string = createRequire(import.meta.url)('mermaid/package.json').version;

/** Same text whether it comes from the Markdown parser or from a raw fence, indented or not. */
export function normaliseDiagram(source: string): string {
	const lines = source.replace(/\r\n?/g, '\n').split('\n').map((line) => line.trimEnd());
	while (lines.length && !lines[0]) lines.shift();
	while (lines.length && !lines.at(-1)) lines.pop();
	const indents = lines.filter(Boolean).map((line) => line.length - line.trimStart().length);
	const common = indents.length ? Math.min(...indents) : 0;
	return lines.map((line) => line.slice(common)).join('\n');
}

export function diagramHash(source: string): string {
	return createHash('sha256')
		.update(`${RENDER_VERSION}\0${mermaidVersion}\0${normaliseDiagram(source)}`)
		.digest('hex')
		.slice(0, 16);
}

/** Name of a diagram's rendering in the committed cache. */
export const diagramFile = (source: string) => `${diagramHash(source)}.json`;

const FENCE = /^([ \t]*)(`{3,}|~{3,})mermaid[^\n]*\n([\s\S]*?)^\1\2[ \t]*$/gm;

/** Every Mermaid fence in the Markdown and MDX files below a folder. */
export function diagramsIn(dir: string): { file: string; source: string }[] {
	const found: { file: string; source: string }[] = [];
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile() || !/\.mdx?$/.test(entry.name)) continue;
		const file = join(entry.parentPath, entry.name);
		for (const match of readFileSync(file, 'utf8').matchAll(FENCE)) {
			found.push({ file, source: match[3] });
		}
	}
	return found;
}

/**
 * Where a diagram's error points and what it says. `fenceLine` is the file line of the opening fence, so line n of
 * the diagram is file line fenceLine + n: the problem names the file line an editor can jump to, and says which
 * diagram it is in; Mermaid's own "on line n" (counted inside the diagram) is dropped, as it would contradict it.
 */
export function explainDiagramError(fenceLine: number, source: string, error: unknown): { line: number; message: string } {
	const opened = `in the Mermaid diagram opened on line ${fenceLine}`;
	if (error instanceof DiagramLineError) return { line: fenceLine + error.line, message: `${opened}: "${error.text}" ${error.reason}` };
	const message = (error as Error)?.message ?? String(error);
	const inner = / on line (\d+)|\bline (\d+)/.exec(message);
	if (inner) {
		const line = fenceLine + Number(inner[1] ?? inner[2]);
		return { line, message: `${opened}: ${message.replace(inner[0], inner[1] ? '' : 'this line')}` };
	}
	return { line: fenceLine, message: `in the Mermaid diagram ("${source.trim().split('\n')[0]}…"): ${message}` };
}
