import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { Plugin } from 'vite';
import yaml from 'js-yaml';
import { parse } from 'node-html-parser';
import { z } from 'astro/zod';
import { frontmatterSchema } from '../frontmatter-schema.ts';
import { GROUPS } from '../groups.ts';
import { diagramText, missingAccessibleName } from './diagram-text.ts';
import { brokenLinks, missingImages, missingSection, outlineOf, pagePathOf, siteIndex, type PageOutline, type SiteIndex } from './content-links.ts';
import { explainDiagramError } from './mermaid-sources.ts';

export { pagePathOf };

/** One broken rule, pointing at the line a contributor has to change. */
export interface Problem {
	file: string;
	line?: number;
	message: string;
	/** A broken link or section: `LINK_CHECK=warn` reports it without failing the build. */
	link?: boolean;
}

export const formatProblem = (p: Problem) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`;

export function formatProblems(problems: Problem[]): string {
	return `${problems.length} problem(s) in the chapters:\n  ${problems.map(formatProblem).join('\n  ')}`;
}

/**
 * Ends a build (or `astro sync`) that found problems: logs the report and exits with status 1. An error thrown from
 * a hook would reach the reader under Astro's "An unhandled error occurred while running the … hook" and an empty
 * stack trace, which reads like a crash of the tools rather than a list of lines to fix.
 */
export function failBuild(logger: AstroIntegrationLogger, report: string): Promise<never> {
	logger.error(report);
	// Exit once both streams have written everything (pipes can be asynchronous).
	return new Promise(() => process.stdout.write('', () => process.stderr.write('', () => process.exit(1))));
}

/** An error that prints as its message only: the file and line are in the message, not in a stack trace. */
export function sourceError(message: string): Error {
	const error = new Error(message);
	error.stack = message;
	return error;
}

interface Split {
	/** The YAML text between the `---` lines, and the file line of its first line. */
	yaml: string;
	yamlLine: number;
	body: string;
	bodyLine: number;
}

export function splitFrontmatter(text: string): Split | undefined {
	const match = /^---[ \t]*\r?\n([\s\S]*?\r?\n)?---[ \t]*(\r?\n|$)/.exec(text);
	if (!match) return undefined;
	const head = match[0];
	return { yaml: match[1] ?? '', yamlLine: 2, body: text.slice(head.length), bodyLine: head.split('\n').length };
}

interface YamlNode {
	kind?: string;
	/** 0-based line where the node ends: exact for one-line scalars such as keys. */
	line: number;
	children: YamlNode[];
}

/**
 * Maps a path such as ['questions', 2, 'section'] to a 0-based line of the YAML text. Uses the load events of
 * js-yaml, the parser Astro reads frontmatter with, so both see the same document.
 */
export function yamlLocator(source: string): (path: readonly PropertyKey[]) => number {
	const root: YamlNode = { line: 0, children: [] };
	const stack: YamlNode[] = [root];
	yaml.load(source, {
		listener(event, state) {
			if (event === 'open') {
				const node: YamlNode = { line: state.line, children: [] };
				stack.at(-1)?.children.push(node);
				stack.push(node);
			} else {
				const node = stack.pop();
				if (node) {
					node.kind = state.kind ?? undefined;
					node.line = state.line;
				}
			}
		},
	});
	const lineOf = (node: YamlNode): number => (node.kind === 'scalar' ? node.line : node.children[0] ? lineOf(node.children[0]) : node.line);
	return (path) => {
		let node = root.children[0];
		let line = node ? lineOf(node) : 0;
		for (const segment of path) {
			if (!node) break;
			if (node.kind === 'mapping') {
				const index = node.children.findIndex((child, i) => i % 2 === 0 && keyText(child, source) === String(segment));
				if (index < 0) break;
				line = node.children[index].line;
				node = node.children[index + 1];
			} else if (node.kind === 'sequence' && typeof segment === 'number' && node.children[segment]) {
				node = node.children[segment];
				line = lineOf(node);
			} else break;
		}
		return line;
	};
}

// The listener gives positions, not values; a key is recovered from its line, which is all a block mapping needs.
function keyText(node: YamlNode, source: string): string | undefined {
	const text = source.split('\n')[node.line] ?? '';
	const key = /^[\s-]*["']?([^"':#]+?)["']?\s*:/.exec(text);
	return key?.[1];
}

const PLURALS: Record<string, string> = { questions: 'question', choices: 'choice', sources: 'source', domains: 'domain', skills: 'skill' };

/** `questions.2.choices` reads as "question 3 → choices": people count from 1. */
export function describePath(path: readonly PropertyKey[]): string {
	const parts: string[] = [];
	for (const segment of path) {
		if (typeof segment === 'number') {
			const previous = parts.pop() ?? 'item';
			parts.push(`${PLURALS[previous] ?? `${previous} item`} ${segment + 1}`);
		} else parts.push(String(segment));
	}
	return parts.join(' → ');
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
	let value = data;
	for (const segment of path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[segment] : undefined;
	return value;
}

const COUNT_WORDS = ['', 'one', 'two', 'three', 'four', 'five', 'six'];
// The frontmatter schema needs Astro's image helper only for a hero image; a plain string stands in for it here.
const schema = frontmatterSchema({ image: () => z.string() } as unknown as Parameters<typeof frontmatterSchema>[0]);

type Frontmatter = z.infer<typeof schema>;

function checkFrontmatter(file: string, split: Split, problems: Problem[]): Frontmatter | undefined {
	let data: unknown;
	let locate: (path: readonly PropertyKey[]) => number;
	try {
		data = yaml.load(split.yaml);
		locate = yamlLocator(split.yaml);
	} catch (error) {
		const mark = (error as { mark?: { line: number } }).mark;
		const reason = (error as { reason?: string }).reason ?? (error as Error).message;
		problems.push({ file, line: mark ? split.yamlLine + mark.line : split.yamlLine, message: `the frontmatter is not valid YAML: ${reason}` });
		return undefined;
	}
	const result = schema.safeParse(data ?? {});
	if (!result.success) {
		for (const issue of result.error.issues) {
			const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
			for (const key of keys) {
				const path = key === undefined ? issue.path : [...issue.path, key];
				const missing = issue.code === 'invalid_type' && valueAt(data, path) === undefined;
				const message = key !== undefined ? 'not a known field (check the spelling; see the table in CONTRIBUTING.md)' : missing ? issue.message.startsWith('required') ? issue.message : 'required, but missing' : issue.message;
				problems.push({ file, line: split.yamlLine + locate(path), message: `${describePath(path)}: ${message.replace(/`/g, '"')}` });
			}
		}
	}
	// Also when another field is wrong, so one run reports every problem of the chapter.
	const questions = result.success ? (result.data.questions ?? []) : writtenQuestions(data);
	questions.forEach((q, i) => {
		const correct = q.choices.filter((c) => c?.correct === true).length;
		const phrase = `(Choose ${COUNT_WORDS[correct]}.)`;
		if (correct > 1 && !q.prompt.includes(phrase)) {
			problems.push({ file, line: split.yamlLine + locate(['questions', i, 'prompt']), message: `${describePath(['questions', i, 'prompt'])}: ${correct} choices are correct, so the prompt must say "${phrase}"` });
		}
	});
	return result.success ? result.data : undefined;
}

/** The questions as written, for the question rules when the schema failed; a malformed question counts as empty. */
function writtenQuestions(data: unknown): { prompt: string; choices: ({ correct?: unknown } | null)[] }[] {
	const questions = (data as { questions?: unknown } | null)?.questions;
	if (!Array.isArray(questions)) return [];
	return questions.map((q) => (q && typeof q.prompt === 'string' && Array.isArray(q.choices) ? q : { prompt: '', choices: [] }));
}

const FENCE_OPEN = /^(\s*)(`{3,}|~{3,})(.*)$/;
const REMOTE_MARKDOWN_IMAGE = /!\[[^\]]*\]\(\s*<?(?:https?:)?\/\//i;
const REMOTE_HTML_IMAGE = /<img\b[^>]*\bsrc\s*=\s*\{?\s*["'`]?(?:https?:)?\/\//i;
const EMPTY_ALT_IMAGE = /!\[\s*\]\(/;

function checkBody(file: string, id: string, split: Split, kind: string | undefined, problems: Problem[]): void {
	const lines = split.body.split('\n');
	const h2: { text: string; line: number }[] = [];
	let fence: { marker: string; indent: number } | undefined;
	lines.forEach((text, i) => {
		const line = split.bodyLine + i;
		if (fence) {
			const close = new RegExp(`^\\s*${fence.marker[0] === '`' ? '`' : '~'}{${fence.marker.length},}\\s*$`);
			if (close.test(text)) fence = undefined;
			return;
		}
		const open = FENCE_OPEN.exec(text);
		if (open) {
			fence = { marker: open[2], indent: open[1].length };
			const info = open[3].trim();
			const lang = info.split(/\s+/)[0];
			if (lang === 'mermaid') return;
			if (!lang) problems.push({ file, line, message: 'a code block needs a language after the opening fence, e.g. ```bash title="List the buckets"' });
			else if (!/\btitle=(?:"[^"]+"|'[^']+')/.test(info)) problems.push({ file, line, message: `a code block needs a title: \`\`\`${lang} title="What this does"` });
			return;
		}
		const heading = /^##\s+(.+?)\s*#*\s*$/.exec(text);
		if (heading) h2.push({ text: heading[1], line });
		if (REMOTE_MARKDOWN_IMAGE.test(text) || REMOTE_HTML_IMAGE.test(text)) {
			const group = id.includes('/') ? id.slice(0, id.indexOf('/')) : '<group>';
			problems.push({
				file,
				line,
				message: `remote image: the site loads nothing from other hosts; save the image in src/assets/${group}/ and write ![what it shows](../../../assets/${group}/<name>.png), or draw a Mermaid diagram`,
			});
		} else if (EMPTY_ALT_IMAGE.test(text)) {
			problems.push({ file, line, message: 'an image needs alt text: ![what the image shows](…)' });
		}
	});
	if (kind === 'chapter') {
		const last = h2.at(-1);
		if (last?.text !== 'Exam tips') {
			const where = last ? `the last "## " heading is "${last.text}"` : 'it has no "## " heading';
			const lastLine = split.bodyLine + lines.findLastIndex((text) => text.trim() !== '');
			problems.push({ file, line: last?.line ?? lastLine, message: `a chapter ends with a "## Exam tips" section, but ${where}` });
		}
	}
}

function checkGroup(file: string, id: string, kind: string | undefined, problems: Problem[]): void {
	const slash = id.indexOf('/');
	const folders = GROUPS.map((g) => g.folder);
	if (slash < 0) {
		if (kind !== 'page') problems.push({ file, line: 1, message: `a chapter lives in a group folder (${folders.join(', ')}); only pages with "kind: page" sit at the top` });
		return;
	}
	const folder = id.slice(0, slash);
	if (!folders.includes(folder)) {
		problems.push({
			file,
			line: 1,
			message: `"${folder}" is not a declared group, so the chapter would be in neither the sidebar nor the home page: add { folder: '${folder}', label: '…' } to GROUPS in src/groups.ts, where it belongs in reading order (or move the file into ${folders.join(', ')})`,
		});
	}
}

/** The `kind` field, read leniently: `chapter` when it is absent or the frontmatter does not parse. */
function kindOf(text: string): string {
	try {
		const data = yaml.load(splitFrontmatter(text)?.yaml ?? '') as { kind?: unknown } | null;
		return typeof data?.kind === 'string' ? data.kind : 'chapter';
	} catch {
		return 'chapter';
	}
}

/** The source parses, and each Mermaid diagram has an accessible name and a text version the build can read. */
function checkParsedBody(file: string, id: string, outline: PageOutline, problems: Problem[]): void {
	if (outline.error) {
		problems.push({ file, line: outline.error.line, message: `the ${id.endsWith('.mdx') ? 'MDX' : 'Markdown'} does not parse: ${outline.error.message}` });
	}
	for (const { source, line } of outline.diagrams) {
		const missing = missingAccessibleName(source);
		if (missing) problems.push({ file, line, message: `in the Mermaid diagram ("${source.trim().split('\n')[0]}…"): ${missing}` });
		try {
			diagramText(source);
		} catch (error) {
			problems.push({ file, ...explainDiagramError(line, source, error) });
		}
	}
}

/**
 * Links in the body, each question's `section:` and each `'<id>#<heading-id>'` entry name a page and a heading that
 * exist. Read from the YAML as written, so a wrong field elsewhere does not hide them.
 */
function checkLinks(file: string, id: string, split: Split, outline: PageOutline, site: SiteIndex, problems: Problem[]): void {
	for (const { line, message } of brokenLinks(pagePathOf(id), outline, site)) problems.push({ file, line, message, link: true });
	// Not a link problem: the build stops on a missing image whatever LINK_CHECK says.
	for (const { line, message } of missingImages(file, outline, site)) problems.push({ file, line, message });
	let data: Record<string, unknown> | null;
	let locate: (path: readonly PropertyKey[]) => number;
	try {
		data = yaml.load(split.yaml) as Record<string, unknown> | null;
		locate = yamlLocator(split.yaml);
	} catch {
		return; // checkFrontmatter reports the YAML error
	}
	const at = (path: PropertyKey[], message: string) =>
		problems.push({ file, line: split.yamlLine + locate(path), message: `${describePath(path)}: ${message}`, link: true });
	const questions = Array.isArray(data?.questions) ? data.questions : [];
	questions.forEach((q: { section?: unknown } | null, i) => {
		if (typeof q?.section !== 'string' || !/^[a-z0-9-]+$/.test(q.section)) return; // the schema reports its form
		const missing = missingSection(q.section, outline);
		if (missing) at(['questions', i, 'section'], missing);
	});
	// Exam outline entries that point at the section teaching them: 'id#heading-id'.
	for (const key of ['tasks', 'skills']) {
		const entries = data?.[key];
		if (!Array.isArray(entries)) continue;
		entries.forEach((entry: unknown, i) => {
			const section = typeof entry === 'string' ? entry.split('#')[1] : undefined;
			if (!section || !/^[a-z0-9-]+$/.test(section)) return;
			const missing = missingSection(section, outline);
			if (missing) at([key, i], missing);
		});
	}
}

/**
 * Every rule a single chapter file must meet. `id` is its path below the content folder, e.g. `dns/route-53.mdx`.
 * With `site` (every page of the site), links and sections are checked too; a chapter alone cannot say whether a
 * page it links to exists. All problems of every rule come back at once, sorted by line.
 */
export function checkChapter(file: string, id: string, text: string, site?: SiteIndex): Problem[] {
	const problems: Problem[] = [];
	const split = splitFrontmatter(text);
	if (!split) return [{ file, line: 1, message: 'the file must start with frontmatter between two "---" lines' }];
	const data = checkFrontmatter(file, split, problems);
	// An invalid frontmatter still has a kind worth knowing, so the body rules apply as intended.
	const kind = data?.kind ?? kindOf(text);
	checkGroup(file, id, kind, problems);
	checkBody(file, id, split, kind, problems);
	const outline = outlineOf(text, id.endsWith('.mdx'));
	checkParsedBody(file, id, outline, problems);
	if (site && !outline.error) checkLinks(file, id, split, outline, site, problems);
	return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

export const isChapterFile = (name: string) => /\.mdx?$/.test(name);

interface ChapterFile {
	/** Absolute path. */
	path: string;
	/** Path below the content folder with `/` separators, e.g. `dns/route-53.mdx`. */
	id: string;
}

function chapterFiles(contentDir: string): ChapterFile[] {
	return readdirSync(contentDir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && isChapterFile(entry.name))
		.map((entry) => join(entry.parentPath, entry.name))
		.map((path) => ({ path, id: relative(contentDir, path).split('\\').join('/') }))
		.sort((a, b) => a.id.localeCompare(b.id));
}

/** Checks every chapter below `contentDir`, links between them included; files are named relative to `projectRoot`. */
export function checkContent(contentDir: string, projectRoot: string): Problem[] {
	const files = chapterFiles(contentDir).map((chapter) => ({ ...chapter, text: readFileSync(chapter.path, 'utf8') }));
	const site = siteIndex(files, projectRoot);
	return files.flatMap(({ path, id, text }) => checkChapter(relative(projectRoot, path), id, text, site));
}

/**
 * After a build: every chapter (not the pages) is linked from the sidebar on its own page and from the home page's
 * chapter index. Both are built from src/groups.ts, so this catches a hidden or mis-sorted chapter, not a typo.
 */
export function findMissingFromNavigation(outDir: string, base: string, contentDir: string, projectRoot: string): Problem[] {
	const home = join(outDir, 'index.html');
	const indexLinks = existsSync(home) ? new Set(parse(readFileSync(home, 'utf8')).querySelectorAll('.chapter-index a[href]').map((a) => a.getAttribute('href'))) : new Set();
	const problems: Problem[] = [];
	for (const { path, id } of chapterFiles(contentDir)) {
		if (kindOf(readFileSync(path, 'utf8')) === 'page') continue;
		const file = relative(projectRoot, path);
		const url = `${base}${pagePathOf(id)}`;
		const built = join(outDir, pagePathOf(id), 'index.html');
		if (!existsSync(built)) {
			problems.push({ file, message: `no page was built at ${url} (is it a draft?)` });
			continue;
		}
		const sidebar = parse(readFileSync(built, 'utf8')).querySelectorAll('#starlight__sidebar a[href]').map((a) => a.getAttribute('href'));
		if (!sidebar.includes(url)) {
			const split = splitFrontmatter(readFileSync(path, 'utf8'));
			const hidden = split && (yaml.load(split.yaml) as { sidebar?: { hidden?: boolean } } | null)?.sidebar?.hidden;
			problems.push(
				hidden && split
					? { file, line: split.yamlLine + yamlLocator(split.yaml)(['sidebar', 'hidden']), message: 'the chapter is not in the sidebar: remove "hidden: true"' }
					: { file, message: 'the chapter is not in the sidebar: check that its folder is in src/groups.ts' },
			);
		}
		if (!indexLinks.has(url)) problems.push({ file, message: `the chapter is not in the home page's chapter index: check that its folder is in src/groups.ts` });
	}
	return problems;
}

/** Problems of one file, links and sections included, for the dev server; none for files outside the content folder. */
function checkOneFile(path: string, contentDir: string, projectRoot: string): Problem[] {
	if (!path.startsWith(contentDir) || !isChapterFile(path) || !existsSync(path)) return [];
	const site = siteIndex(chapterFiles(contentDir), projectRoot);
	return checkChapter(relative(projectRoot, path), relative(contentDir, path).split('\\').join('/'), readFileSync(path, 'utf8'), site);
}

/** An error Vite's and Astro's dev overlays show with the file and line. */
function overlayError(problems: Problem[], path: string): Error & { id: string; loc: { file: string; line: number; column: number }; plugin: string } {
	return Object.assign(sourceError(problems.map(formatProblem).join('\n')), {
		id: path,
		loc: { file: path, line: problems[0].line ?? 1, column: 1 },
		plugin: 'content-check',
	});
}

/**
 * In the dev server, shows a broken rule in the browser as well as the terminal: when a chapter is saved (Astro keeps
 * serving the last good version after a frontmatter error) and when its page is next rendered.
 */
export function devOverlay(contentDir: string, projectRoot: string): Plugin {
	return {
		name: 'content-check-overlay',
		apply: 'serve',
		enforce: 'pre',
		configureServer(server) {
			const onChange = (path: string) => {
				const problems = linkWarnings(checkOneFile(path, contentDir, projectRoot)).errors;
				if (!problems.length) return;
				const error = overlayError(problems, path);
				// After Astro's own reload for the change, so the overlay is not cleared by it.
				setTimeout(() => server.ws.send({ type: 'error', err: { message: error.message, stack: '', id: error.id, loc: error.loc, plugin: error.plugin } }), 500);
			};
			server.watcher.on('change', onChange);
			server.watcher.on('add', onChange);
		},
		transform(_code, id) {
			const path = id.split('?')[0];
			const problems = linkWarnings(checkOneFile(path, contentDir, projectRoot)).errors;
			if (problems.length) throw overlayError(problems, path);
		},
	};
}

/** Splits off broken links and sections when `LINK_CHECK=warn` asks for them to be reported without failing. */
function linkWarnings(problems: Problem[]): { errors: Problem[]; warnings: Problem[] } {
	if (process.env.LINK_CHECK !== 'warn') return { errors: problems, warnings: [] };
	return { errors: problems.filter((p) => !p.link), warnings: problems.filter((p) => p.link) };
}

/**
 * Enforces the chapter rules of CONTRIBUTING.md before Astro reads the content: a build or `astro sync` fails listing
 * every problem of every chapter as file:line, in one run; the dev server reports them in the terminal and the
 * browser and keeps running.
 */
export function contentCheck(contentDirUrl: URL, projectRootUrl: URL): AstroIntegration {
	const contentDir = fileURLToPath(contentDirUrl);
	const projectRoot = fileURLToPath(projectRootUrl);
	let base = '/';
	return {
		name: 'content-check',
		hooks: {
			'astro:config:setup': async ({ command, logger, updateConfig }) => {
				const { errors, warnings } = linkWarnings(checkContent(contentDir, projectRoot));
				if (warnings.length) logger.warn(`LINK_CHECK=warn, so these do not fail the build:\n  ${warnings.map(formatProblem).join('\n  ')}`);
				if (command === 'dev') {
					if (errors.length) logger.error(formatProblems(errors));
					updateConfig({ vite: { plugins: [devOverlay(contentDir, projectRoot)] } });
				} else if (errors.length) {
					await failBuild(logger, formatProblems(errors));
				}
			},
			'astro:config:done': ({ config }) => {
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
			},
			'astro:build:done': async ({ dir, logger }) => {
				const problems = findMissingFromNavigation(fileURLToPath(dir), base, contentDir, projectRoot);
				if (problems.length) await failBuild(logger, formatProblems(problems));
				logger.info('every chapter is in the sidebar and the home page index');
			},
		},
	};
}
