// A contributor's first pull request is often a chapter in a new group: declared in src/groups.ts as CONTRIBUTING.md
// says, with its chapter in the new folder. This test makes that change in a copy of the site and runs what it can
// affect: the unit tests (which must not depend on which folders happen to be undeclared), then a build of a smaller
// copy whose own checks prove the new chapter is built, in the sidebar and in the home page's index.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'node-html-parser';
import { GROUPS } from '../../src/groups.ts';
import { outlineOf } from '../../src/integrations/content-links.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// Set for the unit tests run inside the copy, where this test skips itself rather than copy the site again.
const INSIDE_COPY = 'NEW_GROUP_TEST_COPY';
// Inside the checkout (in the ignored .cache/), so the copy finds node_modules by walking up: a symbolic link to
// node_modules would not do, as the build resolves real paths.
const COPY = join(ROOT, '.cache', `new-group-test-${process.pid}`);
const SKIPPED = new Set(['node_modules', 'dist', 'dist-test', '.astro', '.cache', '.git', 'test-results', 'playwright-report']);

// The group the issue that prompted this test tried; a name no group uses yet if it has been declared since.
let folder = 'analytics';
for (let n = 2; GROUPS.some((g) => g.folder === folder); n++) folder = `analytics-${n}`;
const LABEL = 'Analytics (new group)';

// Without NODE_TEST_CONTEXT, which would make the copy's test runner skip its files as a run nested in this one.
const { NODE_TEST_CONTEXT: _, ...ENV } = process.env;
const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
	spawnSync(process.execPath, args, {
		cwd: COPY,
		encoding: 'utf8',
		env: { ...ENV, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', LINK_CHECK: '', ...env },
		timeout: 300_000,
	});
/** The test runner's list of failures when there is one, else the end of the output. */
const tail = (output: string) => {
	const failures = output.indexOf('✖ failing tests:');
	return failures >= 0 ? output.slice(failures, failures + 6000) : output.split('\n').slice(-60).join('\n');
};

/** A real chapter (so its frontmatter follows the schema of the day) that links to no other chapter. */
function selfContainedChapter(contentDir: string): string {
	const found = readdirSync(contentDir, { recursive: true, encoding: 'utf8' })
		.filter((file) => /\.mdx?$/.test(file) && file.includes('/'))
		.sort()
		.find((file) => {
			const text = readFileSync(join(contentDir, file), 'utf8');
			const kind = /^kind:\s*(\w+)/m.exec(text)?.[1] ?? 'chapter';
			return kind === 'chapter' && outlineOf(text, file.endsWith('.mdx')).links.every((link) => /^(https?:|mailto:|#)/.test(link.href));
		});
	assert.ok(found, 'some chapter links to no other chapter');
	return found;
}

const skip = process.env[INSIDE_COPY] ? 'run by this test, in its copy of the site' : false;

test('a chapter in a new group passes the unit tests and builds into the sidebar and the home page index', { timeout: 600_000, skip }, (t) => {
	t.after(() => rmSync(COPY, { recursive: true, force: true }));
	rmSync(COPY, { recursive: true, force: true });
	mkdirSync(COPY, { recursive: true });
	// The whole checkout but what is installed or generated: the docs tests read README.md, CONTRIBUTING.md and more.
	for (const entry of readdirSync(ROOT).filter((name) => !SKIPPED.has(name))) {
		cpSync(join(ROOT, entry), join(COPY, entry), {
			recursive: true,
			filter: (path) => !SKIPPED.has(path.split(/[\\/]/).at(-1) ?? ''),
		});
	}

	// 1. Declare the group, as CONTRIBUTING.md says, and put a chapter in its folder.
	const groupsFile = join(COPY, 'src/groups.ts');
	const groups = readFileSync(groupsFile, 'utf8');
	const declared = groups.replace(/(export const GROUPS\b[\s\S]*?)\n\];/, `$1\n\t{ folder: '${folder}', label: '${LABEL}' },\n];`);
	assert.notEqual(declared, groups, 'the new group was added to GROUPS in the copy of src/groups.ts');
	writeFileSync(groupsFile, declared);
	const content = join(COPY, 'src/content/docs');
	const source = selfContainedChapter(content);
	const name = source.split('/').at(-1) ?? source;
	const chapter = readFileSync(join(content, source), 'utf8').replace(/^title: .*$/m, 'title: A chapter in a new group');
	mkdirSync(join(content, folder));
	writeFileSync(join(content, folder, name), chapter);

	// 2. The unit tests (this one skips itself there) pass with the new group and its chapter.
	const unit = run(['--test', 'src/**/*.test.ts', 'tests/unit/*.test.ts'], { [INSIDE_COPY]: '1' });
	assert.equal(unit.status, 0, `the unit tests fail once "${folder}" is declared:\n${tail(unit.stdout + unit.stderr)}`);

	// 3. A build of a smaller copy: the new chapter, the pages every chapter links to, and a home page with the index.
	rmSync(join(content, source));
	for (const entry of readdirSync(content)) {
		if (![folder, 'practice', 'reference', 'index.mdx'].includes(entry)) rmSync(join(content, entry), { recursive: true });
	}
	for (const file of readdirSync(join(content, 'reference'))) if (file !== 'exam-guide.mdx') rmSync(join(content, 'reference', file));
	// The map's own prose links to the comparison page, which this smaller copy leaves out.
	const guide = join(content, 'reference', 'exam-guide.mdx');
	writeFileSync(guide, readFileSync(guide, 'utf8').replace(/\[([^\]]+)\]\(\/reference\/(?!exam-guide\/)[^)]*\)/g, '$1'));
	writeFileSync(
		join(content, 'index.mdx'),
		"---\ntitle: Home\ndescription: A copy of the site with a new group, built by a test.\nkind: page\n---\n\nimport ChapterIndex from '../../components/ChapterIndex.astro';\n\n## Chapters\n\n<ChapterIndex />\n",
	);
	const build = run([fileURLToPath(new URL('bin/astro.mjs', import.meta.resolve('astro/package.json'))), 'build'], { OUT_DIR: 'dist', BASE_PATH: '/', SITE_URL: '' });
	const output = build.stdout + build.stderr;
	assert.equal(build.status, 0, `the copy with the new group does not build:\n${tail(output)}`);
	// The build's own checks: every chapter in the sidebar and the home page index, every link resolving.
	assert.match(output, /every chapter is in the sidebar and the home page index/);
	assert.match(output, /all internal links and anchors resolve/);

	const slug = name.replace(/\.mdx?$/, '');
	const page = join(COPY, 'dist', folder, slug, 'index.html');
	assert.ok(existsSync(page), `/${folder}/${slug}/ was built`);
	const sidebar = parse(readFileSync(page, 'utf8')).querySelector('#starlight__sidebar');
	assert.ok(sidebar?.text.includes(LABEL), 'the sidebar shows the new group');
	assert.ok(sidebar?.querySelector(`a[href="/${folder}/${slug}/"]`), 'the sidebar links to the new chapter');
	const home = parse(readFileSync(join(COPY, 'dist/index.html'), 'utf8'));
	assert.equal(home.querySelector(`#group-${folder}`)?.text.trim(), LABEL, "the home page's index has a heading for the new group");
	assert.ok(home.querySelector(`.chapter-index a[href="/${folder}/${slug}/"]`), "the home page's index links to the new chapter");
});
