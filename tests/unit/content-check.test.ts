import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkChapter, checkContent, devOverlay, findMissingFromNavigation, formatProblem } from '../../src/integrations/content-check.ts';
import { GROUPS } from '../../src/groups.ts';

const FRONTMATTER = `---
title: Amazon SQS
description: Queues that decouple producers from consumers, with standard and FIFO queues.
domains: [development]
reviewed: 2026-11-25
sources:
  - https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/welcome.html
questions:
  - prompt: Which queue type keeps the order of messages?
    skill: '1.1.8'
    choices:
      - text: FIFO queue
        correct: true
      - text: Standard queue
      - text: Delay queue
      - text: Dead-letter queue
    explanation: FIFO queues deliver messages in the order they were sent.
    section: queue-types
  - prompt: What hides a received message from other consumers?
    skill: '1.1.8'
    choices:
      - text: The visibility timeout
        correct: true
      - text: The retention period
      - text: The delivery delay
      - text: The receive wait time
    explanation: The visibility timeout hides a received message until it is deleted or the timeout ends.
    section: visibility-timeout
  - prompt: Which statements about dead-letter queues are true? (Choose two.)
    skill: '1.2.3'
    choices:
      - text: They take messages that failed too often
        correct: true
      - text: They are a queue of the same type
        correct: true
      - text: They delete failed messages at once
      - text: They hold messages for one hour only
      - text: They retry messages with backoff
    explanation: A redrive policy moves a message after maxReceiveCount receives to the dead-letter queue.
    section: dead-letter-queues
skills: ['1.1.8']
---
`;
const BODY = `
Intro.

## Queue types

\`\`\`bash title="Create a queue"
aws sqs create-queue --queue-name orders
\`\`\`

\`\`\`mermaid
flowchart LR
  accTitle: A producer sends to a queue
  accDescr: The producer sends a message, which waits in the queue.
  A --> B
\`\`\`

## Visibility timeout

A received message is hidden until it is deleted.

## Dead-letter queues

Messages that fail too often move to a dead-letter queue.

## Exam tips

- Know the visibility timeout.
`;
const GOOD = FRONTMATTER + BODY;

/** The file's problems as "line: message" lines. */
const problemsOf = (text: string, id = 'storage/sqs.mdx') =>
	checkChapter(`src/content/docs/${id}`, id, text).map((p) => `${p.line}: ${p.message}`);

test('a chapter that follows CONTRIBUTING.md has no problems', () => {
	assert.deepEqual(problemsOf(GOOD), []);
});

test('every chapter in the repository passes', () => {
	const root = fileURLToPath(new URL('../../', import.meta.url));
	assert.deepEqual(checkContent(join(root, 'src/content/docs'), root).map(formatProblem), []);
});

/** A folder no group will ever declare: the tests must not depend on which real folders happen to be undeclared. */
const UNDECLARED = 'no-such-group';

test('a chapter in an undeclared folder names the file and says what to add where', () => {
	assert.ok(!GROUPS.some((g) => g.folder === UNDECLARED), `"${UNDECLARED}" is the tests' example of an undeclared folder: do not declare it in src/groups.ts`);
	const problems = checkChapter(`src/content/docs/${UNDECLARED}/kinesis.mdx`, `${UNDECLARED}/kinesis.mdx`, GOOD).map(formatProblem);
	assert.equal(problems.length, 1, `expected one problem, got:\n${problems.join('\n')}`);
	assert.match(problems[0], /^src\/content\/docs\/no-such-group\/kinesis\.mdx:1: "no-such-group" is not a declared group/);
	assert.match(problems[0], /add \{ folder: 'no-such-group', label: '…' \} to GROUPS in src\/groups\.ts/);
});

test('description: missing, too short and too long fail on their line', () => {
	assert.deepEqual(problemsOf(GOOD.replace(/^description: .*\n/m, '')), ['2: description: required: 20–170 characters saying what the page covers']);
	assert.deepEqual(problemsOf(GOOD.replace(/^description: .*$/m, 'description: Queues.')), ['3: description: too short: write 20–170 characters']);
	assert.deepEqual(problemsOf(GOOD.replace(/^description: .*$/m, `description: ${'x'.repeat(171)}`)), ['3: description: too long: keep it to 170 characters']);
});

test('frontmatter errors count questions from 1, carry the line and have no Markdown', () => {
	const broken = GOOD.replace('      - text: Dead-letter queue\n    explanation: FIFO', '      - text: Dead-letter queue\n    explanaton: FIFO').replace(
		'      - text: The visibility timeout\n        correct: true',
		'      - text: The visibility timeout',
	);
	assert.deepEqual(problemsOf(broken), [
		'9: question 1 → explanation: required, but missing',
		'17: question 1 → explanaton: not a known field (check the spelling; see the table in CONTRIBUTING.md)',
		'21: question 2 → choices: at least one choice needs "correct: true"',
	]);
	assert.deepEqual(problemsOf(GOOD.replace('domains: [development]', 'domains: [development, networking]')), [
		'4: domain 2: Invalid option: expected one of "development"|"security"|"deployment"|"troubleshooting"',
	]);
	for (const line of problemsOf(broken)) assert.doesNotMatch(line, /\*|`/);
});

test('a question with two correct choices must say "(Choose two.)"', () => {
	assert.deepEqual(problemsOf(GOOD.replace(' (Choose two.)', '')), [
		'29: question 3 → prompt: 2 choices are correct, so the prompt must say "(Choose two.)"',
	]);
});

test('invalid YAML is reported on its line', () => {
	assert.match(problemsOf(GOOD.replace('domains: [development]', 'domains: [development'))[0], /^\d+: the frontmatter is not valid YAML/);
});

test('remote images fail, in Markdown and in MDX <img>; images need alt text', () => {
	const body = (extra: string) => GOOD.replace('Intro.', `Intro.\n\n${extra}`);
	assert.deepEqual(problemsOf(body('![An ALB](https://example.com/alb.png)')), [
		'46: remote image: the site loads nothing from other hosts; save the image in src/assets/storage/ and write ![what it shows](../../../assets/storage/<name>.png), or draw a Mermaid diagram',
	]);
	assert.deepEqual(problemsOf(body('<img src="https://example.com/alb.png" alt="An ALB" />')).length, 1);
	assert.deepEqual(problemsOf(body('<img alt="An ALB" src={"//cdn.example.com/a.png"} />')).length, 1);
	assert.deepEqual(problemsOf(body('![An ALB](../../assets/alb.png)')), []);
	assert.deepEqual(problemsOf(body('![](../../assets/alb.png)')), ['46: an image needs alt text: ![what the image shows](…)']);
});

test('a chapter must end with "## Exam tips"; a heading inside a code block does not count', () => {
	assert.deepEqual(problemsOf(GOOD.replace('## Exam tips', '## Summary')), [
		'67: a chapter ends with a "## Exam tips" section, but the last "## " heading is "Summary"',
	]);
	assert.deepEqual(problemsOf(`${GOOD}\n\`\`\`md title="Heading example"\n## Not a heading\n\`\`\`\n`), []);
	assert.deepEqual(problemsOf(`${GOOD}\n## Further reading\n`), [
		'71: a chapter ends with a "## Exam tips" section, but the last "## " heading is "Further reading"',
	]);
	// The glossary and the home page are not chapters.
	const reference = GOOD.replace('domains:', 'kind: reference\ndomains:').replace('## Exam tips', '## Terms');
	assert.deepEqual(problemsOf(reference, 'reference/glossary.mdx'), []);
	// A tool page (the practice exam) sits in a group and needs no questions, tasks or "Exam tips".
	const tool = '---\ntitle: Practice exam\ndescription: A timed mock exam drawn from every chapter of these notes.\nkind: tool\n---\n\n## How it works\n';
	assert.deepEqual(problemsOf(tool, 'practice/exam.mdx'), []);
	assert.deepEqual(problemsOf(tool, 'exam.mdx'), [
		`1: a chapter lives in a group folder (${GROUPS.map((g) => g.folder).join(', ')}); only pages with "kind: page" sit at the top`,
	]);
});

test('a tool page sits in a group folder and needs no tasks, sources, questions or "## Exam tips"', () => {
	const tool = '---\ntitle: Review what you missed\ndescription: Spaced review of the practice questions you answered wrongly.\nkind: tool\n---\n\n## Questions due\n';
	assert.deepEqual(problemsOf(tool, 'practice/review.mdx'), []);
	// Still not a top-level page, and still checked for a description.
	assert.equal(problemsOf(tool, 'review.mdx').length, 1);
	assert.equal(problemsOf(tool.replace(/description: .*\n/, ''), 'practice/review.mdx').length, 1);
});

test('code blocks need a language and a title; Mermaid blocks are exempt', () => {
	assert.deepEqual(problemsOf(GOOD.replace('```bash title="Create a queue"', '```bash')), [
		'48: a code block needs a title: ```bash title="What this does"',
	]);
	// An apostrophe inside a double-quoted title is fine.
	assert.deepEqual(problemsOf(GOOD.replace('```bash title="Create a queue"', '```bash title="Create the team\'s queue"')), []);
	assert.deepEqual(problemsOf(GOOD.replace('```bash title="Create a queue"', '```')), [
		'48: a code block needs a language after the opening fence, e.g. ```bash title="List the buckets"',
	]);
});

function builtSite(pages: Record<string, string>): string {
	const dir = mkdtempSync(join(tmpdir(), 'nav-check-'));
	for (const [path, html] of Object.entries(pages)) {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), html);
	}
	return dir;
}

test('after a build, every chapter must be in the sidebar and the home page index', () => {
	const content = builtSite({
		'docs/index.mdx': '---\ntitle: Home\nkind: page\n---\n',
		'docs/storage/sqs.mdx': GOOD,
		'docs/storage/sns.mdx': GOOD.replace('reviewed: 2026-11-25', 'reviewed: 2026-11-25\nsidebar:\n  hidden: true'),
	});
	const sidebar = '<nav id="starlight__sidebar"><a href="/notes/storage/sqs/">SQS</a></nav>';
	const out = builtSite({
		'index.html': '<div class="chapter-index"><a href="/notes/storage/sns/">SNS</a></div>',
		'storage/sqs/index.html': sidebar,
		'storage/sns/index.html': sidebar,
	});
	assert.deepEqual(findMissingFromNavigation(out, '/notes/', join(content, 'docs'), content).map(formatProblem), [
		'docs/storage/sns.mdx:7: the chapter is not in the sidebar: remove "hidden: true"',
		`docs/storage/sqs.mdx: the chapter is not in the home page's chapter index: check that its folder is in src/groups.ts`,
	]);
});

test('in the dev server, rendering a broken chapter throws an error the browser overlay shows with file and line', () => {
	const root = builtSite({ 'src/content/docs/storage/sqs.mdx': GOOD.replace(/^description: .*$/m, 'description: Queues.') });
	const content = join(root, 'src/content/docs');
	const plugin = devOverlay(`${content}/`, root);
	const transform = plugin.transform as (code: string, id: string) => unknown;
	assert.throws(
		() => transform('', `${join(content, 'storage/sqs.mdx')}?astroPropagatedAssets`),
		(error: Error & { loc?: { file: string; line: number } }) => {
			assert.equal(error.message, 'src/content/docs/storage/sqs.mdx:3: description: too short: write 20–170 characters');
			assert.deepEqual(error.loc, { file: join(content, 'storage/sqs.mdx'), line: 3, column: 1 });
			return true;
		},
	);
	// Anything else, and a good chapter, passes through.
	assert.equal(transform('', join(root, 'src/components/Foo.astro')), undefined);
});

test('skills: an unknown skill, or a DVA-C02 task id, is named on its own line with what to write instead', () => {
	const problems = problemsOf(GOOD.replace("skills: ['1.1.8']", "skills:\n  - '1.1.8'\n  - '1.9.9'\n  - '3.4'"));
	assert.deepEqual(problems, [
		'43: skill 2: "1.9.9" is not a DVA-C03 skill: use an id such as "1.2.3" from the exam guide map',
		'44: skill 3: "3.4" is a DVA-C02 task statement, not a DVA-C03 skill: name the skill, e.g. "1.2.3" (see the exam guide map)',
	]);
});

test('skills: every question names a skill, or says why its topic is out of scope', () => {
	assert.deepEqual(problemsOf(GOOD.replace("    skill: '1.1.8'\n", '')), ['9: question 1 → skill: required: the DVA-C03 skill the question tests, e.g. "1.2.3" (or outOfScope with the reason)']);
	assert.deepEqual(problemsOf(GOOD.replace("    skill: '1.1.8'\n", "    outOfScope: AWS AppSync is not in the DVA-C03 in-scope services list.\n")), []);
	assert.deepEqual(problemsOf(GOOD.replace("    skill: '1.1.8'\n", "    skill: '2.3'\n")), ['10: question 1 → skill: "2.3" is a DVA-C02 task statement, not a DVA-C03 skill: name the skill, e.g. "2.3.1" (see the exam guide map)']);
});

test('questions: the exam\'s formats, 4 choices for one key and 5 or more for several', () => {
	assert.deepEqual(problemsOf(GOOD.replace('      - text: Delay queue\n', '')), ['11: question 1 → choices: a single-answer question has exactly 4 choices (one key, three distractors), not 3']);
	assert.deepEqual(problemsOf(GOOD.replace('      - text: They retry messages with backoff\n', '')), ['31: question 3 → choices: a question with 2 correct choices has at least 5 choices, not 4']);
});

test('questions: a key much longer than every distractor fails the build', () => {
	const long = GOOD.replace('      - text: FIFO queue\n', '      - text: A FIFO queue, because it preserves the exact order in which messages were sent\n');
	assert.deepEqual(problemsOf(long), [
		'11: question 1 → choices: the key is much longer than every distractor, which gives the answer away: make the options alike in length and detail (see "Practice questions" in CONTRIBUTING.md)',
	]);
});

test('skills: required for a chapter, not for a reference page', () => {
	const without = GOOD.replace("skills: ['1.1.8']\n", '');
	assert.deepEqual(problemsOf(without), ["2: skills: required for a chapter: the DVA-C03 skills it teaches, e.g. ['1.2.3']"]);
	const reference = without.replace('domains: [development]', 'kind: reference\ndomains: [development]').replace(/\n## Exam tips\n/, '\n## Terms\n');
	assert.deepEqual(problemsOf(reference, 'reference/terms.mdx'), []);
});

test('skills: a skill of a domain the chapter does not list says which domain to add', () => {
	assert.deepEqual(problemsOf(GOOD.replace("skills: ['1.1.8']", "skills: ['1.1.8', '4.3.3']")), [
		'41: skill 2: skill 4.3.3 (task 4.3) is in domain 4 (Troubleshooting and Optimization): add "troubleshooting" to domains',
	]);
	assert.deepEqual(problemsOf(GOOD.replace("skills: ['1.1.8']", "skills: ['1.1.8', '4.3.3']").replace('domains: [development]', 'domains: [development, troubleshooting]')), []);
});

test('skills: an entry may point at a section by its heading id, written "id#heading-id"', () => {
	assert.deepEqual(problemsOf(GOOD.replace("skills: ['1.1.8']", "skills: ['1.1.8#queue-types']")), []);
	assert.deepEqual(problemsOf(GOOD.replace("skills: ['1.1.8']", "skills: ['1.1.8#Queue types']")), [
		'41: skill 1: write "1.1.8" or "1.1.8#heading-id", e.g. "1.1.8#invocation-types"',
	]);
});
