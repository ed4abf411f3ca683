// README.md and CONTRIBUTING.md tell contributors what the tools do; these tests hold the claims a test can check to
// what the tools really do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkChapter, formatProblem, isChapterFile } from '../../src/integrations/content-check.ts';
import { outlineOf, siteIndex } from '../../src/integrations/content-links.ts';
import { MIN_DESKTOP_PX, MIN_ENLARGED_PHONE_PX } from '../support/diagram-labels.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const CONTRIBUTING = readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8');
/** What the tools write (bench-results.md, dist/ …): named in the text, absent from a fresh checkout. */
const GENERATED = new Set(readFileSync(join(ROOT, '.gitignore'), 'utf8').split('\n').map((line) => line.trim()).filter(Boolean));

test('every file and folder of the repository that README.md and CONTRIBUTING.md name exists', () => {
	const missing: string[] = [];
	for (const [name, text] of Object.entries({ 'README.md': README, 'CONTRIBUTING.md': CONTRIBUTING })) {
		const named = [...text.matchAll(/`([^`\s]+)`/g), ...text.matchAll(/\]\(([^)\s#]+)/g)].map((m) => m[1].replace(/:\d+.*$/, ''));
		for (const path of new Set(named)) {
			const repoPath = /^(src|tests|scripts|docs|public|\.github|\.ci)\//.test(path) || /^(LICENSE[\w-]*|[\w-]+\.(md|json|mjs|ts)|\.nvmrc)$/.test(path);
			// Placeholders (<group>, *) and example chapters are not files of the repository.
			if (!repoPath || GENERATED.has(path) || /[<*…{]/.test(path) || (path.startsWith('src/content/docs/') && isChapterFile(path))) continue;
			if (!existsSync(join(ROOT, path))) missing.push(`${name}: ${path}`);
		}
	}
	assert.deepEqual(missing, []);
});

test("CONTRIBUTING.md's heading id examples are the ids the build gives", () => {
	const section = CONTRIBUTING.slice(CONTRIBUTING.indexOf('## Heading ids'), CONTRIBUTING.indexOf('## Chapter template'));
	const examples = [...section.matchAll(/`{1,2} ?(## [^→]+?) ?`{1,2} → `([^`]+)`/g)].map((m) => ({ heading: m[1], id: m[2] }));
	assert.ok(examples.length >= 5, 'the examples were found');
	for (const { heading, id } of examples) {
		// The second of two equal headings is the one the example names.
		const ids = outlineOf(`${heading}\n\n${heading}\n`, true).headingIds;
		assert.ok(ids.includes(id), `${heading} → ${id}, but the build gives ${ids.join(', ')}`);
	}
});

/** The chapter template of CONTRIBUTING.md with its placeholders filled in, as a contributor would. */
function filledTemplate(): string {
	const template = /````mdx title="src\/content\/docs\/<group>\/sqs\.mdx"\n([\s\S]*?)\n````/.exec(CONTRIBUTING)?.[1];
	assert.ok(template, 'CONTRIBUTING.md has the chapter template');
	return template
		.replace(/^(\s*- )?prompt: …$/gm, '$1prompt: Which setting hides a received message from other consumers?')
		.replace(/^(\s*)explanation: …$/gm, '$1explanation: The visibility timeout hides a message while a consumer works on it.')
		.replace(/^(\s*- )text: …$/gm, '$1text: The visibility timeout');
}

/** The problems `npm run build` reports for a chapter of the real site at `id`, links checked against its pages. */
function problemsAt(id: string, text: string): string[] {
	const contentDir = join(ROOT, 'src/content/docs');
	const files = readdirSync(contentDir, { recursive: true, encoding: 'utf8' })
		.filter(isChapterFile)
		.map((file) => ({ path: join(contentDir, file), id: file.split('\\').join('/') }))
		.filter((file) => file.id !== id);
	const site = siteIndex([...files, { path: join(contentDir, id), id, text }], ROOT);
	return checkChapter(`src/content/docs/${id}`, id, text, site).map(formatProblem);
}

test("CONTRIBUTING.md's chapter template passes the checks, and one run reports the mistakes its example shows", () => {
	const id = 'application-integration/sqs.mdx';
	const filled = filledTemplate();
	// The template shows one of the three questions a chapter needs; nothing else is wrong with it.
	assert.deepEqual(problemsAt(id, filled), [`src/content/docs/${id}:12: questions: a chapter needs at least 3 practice questions`]);

	const broken = filled
		.replace(/^description: .*$/m, 'description: Queues.')
		.replace(/(\n {6}- text: .*\n)( {4}explanation:)/, '$1        correct: true\n$2')
		.replace('section: visibility-timeout', 'section: visibility')
		.replace('One paragraph: what it is and when to use it.', 'One paragraph: what it is and when to use it. See [Lambda](/serverless/lamda/).');
	const example = /```text title="One run, every problem"\n([\s\S]*?)\n```/.exec(CONTRIBUTING)?.[1];
	assert.ok(example, 'CONTRIBUTING.md shows the output of one run');
	const [header, ...lines] = example.split('\n');
	const actual = problemsAt(id, broken);
	assert.deepEqual(
		lines.map((line) => line.trim()),
		actual,
		`update the example in CONTRIBUTING.md to what the check reports:\n  ${actual.join('\n  ')}`,
	);
	assert.equal(header, `[ERROR] [content-check] ${actual.length} problem(s) in the chapters:`);
});

test("README.md's diagram label sizes are the page test's", () => {
	assert.match(README, new RegExp(`under ${MIN_DESKTOP_PX} px at\\s+1280 × 800 or under ${MIN_ENLARGED_PHONE_PX} px in the enlarged view on a 390 × 844 phone`));
});
