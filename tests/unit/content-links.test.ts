import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkChapter, checkContent, devOverlay, formatProblem } from '../../src/integrations/content-check.ts';
import { closestId, outlineOf, siteIndex } from '../../src/integrations/content-links.ts';

const chapter = (questions: string, body: string, extra = '') => `---
title: Amazon SQS
description: Queues that decouple producers from consumers, with standard and FIFO queues.
domains: [development]
skills: ['1.1.8#queue-types']
reviewed: 2026-11-25
sources:
  - https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/welcome.html${extra}
questions:
${questions}---
${body}`;

const question = (prompt: string, section: string, correct = 1) => `  - prompt: ${prompt}
    skill: '1.1.8'
    choices:
${Array.from({ length: correct > 1 ? 5 : 4 }, (_, i) => `      - text: Choice ${i + 1}${i < correct ? '\n        correct: true' : ''}`).join('\n')}
    explanation: Why the right answers are right and the others wrong.
    section: ${section}
`;

const QUESTIONS = [question('Which queue type keeps the order?', 'queue-types'), question('What hides a message?', 'visibility-timeout'), question('Where do failed messages go?', 'dead-letter-queues')].join('');

const BODY = `
Intro, with a link to [Lambda](/serverless/lambda/#invocation-types).

## Queue types

## Visibility timeout

## Dead-letter queues

## Exam tips

- Know the visibility timeout.
`;

const LAMBDA = `---
title: AWS Lambda
description: Functions that run on demand, how they are invoked and how they scale.
kind: reference
domains: [development]
reviewed: 2026-11-25
sources: [https://docs.aws.amazon.com/lambda/latest/dg/welcome.html]
---

## Invocation types

## \`Concurrency\` and **throttling**
`;

/** A project folder with chapters (path below src/content/docs → text) and other files (path below the root → text). */
function project(chapters: Record<string, string>, files: Record<string, string> = {}): { root: string; content: string } {
	const root = mkdtempSync(join(tmpdir(), 'content-links-'));
	const content = join(root, 'src/content/docs');
	const write = (path: string, text: string) => {
		mkdirSync(dirname(path), { recursive: true });
		writeFileSync(path, text);
	};
	for (const [path, text] of Object.entries(chapters)) write(join(content, path), text);
	for (const [path, text] of Object.entries(files)) write(join(root, path), text);
	return { root, content };
}

const problemsIn = (text: string, others: Record<string, string> = {}, files: Record<string, string> = {}) => {
	const { root, content } = project({ 'storage/sqs.mdx': text, 'serverless/lambda.mdx': LAMBDA, ...others }, files);
	return checkContent(content, root)
		.filter((p) => p.file === 'src/content/docs/storage/sqs.mdx')
		.map((p) => `${p.line}: ${p.message}`);
};

test('heading ids are those the build gives: text, code and emphasis, slugged as GitHub does, repeats numbered', () => {
	const { headingIds, idsKnown } = outlineOf(
		"# T\n\n## RDS vs. Aurora\n\n## What's new (2024)\n\n## `aws s3 ls` output\n\n## IPv4 / IPv6\n\n## Examples\n\n## Examples\n\n```md title=\"x\"\n## Not a heading\n```\n",
		true,
	);
	assert.deepEqual(headingIds, ['t', 'rds-vs-aurora', 'whats-new-2024', 'aws-s3-ls-output', 'ipv4--ipv6', 'examples', 'examples-1']);
	assert.equal(idsKnown, true);
	// A heading computed by an expression has an id only the build knows.
	assert.equal(outlineOf('## Limit {limit}\n', true).idsKnown, false);
});

test('a chapter that links to existing pages and sections has no problems', () => {
	assert.deepEqual(problemsIn(chapter(QUESTIONS, BODY)), []);
	// Same-page anchors, the sections rendered from the frontmatter, public files and src/pages routes resolve too.
	const more = `${BODY}\nSee [the queue types](#queue-types), [the questions](#practice-questions), [the icon](/favicon.svg) and [a diagram](/diagrams/0123abcd.svg).\n`;
	assert.deepEqual(problemsIn(chapter(QUESTIONS, more), {}, { 'public/favicon.svg': '<svg/>', 'src/pages/diagrams/[hash].svg.ts': '' }), []);
});

test('a broken link, anchor or section names its line and, when one is close, the id meant', () => {
	const body = BODY.replace('/serverless/lambda/#invocation-types', '/serverless/lambda/#invocation-type')
		.replace('## Exam tips', 'See [the glossary](/reference/glossry/) and [concurrency](/serverless/lambda/#concurrency-and-throttling).\n\n## Exam tips')
		.replace('Intro,', 'Intro ([below](#queue-type)),');
	const questions = QUESTIONS.replace('section: dead-letter-queues', 'section: dead-letter-queue');
	assert.deepEqual(problemsIn(chapter(questions, body).replace("skills: ['1.1.8#queue-types']", "skills: ['1.1.8#queues']")), [
		'5: skill 1: the chapter has no heading with the id "queues" (see "Heading ids" in CONTRIBUTING.md)',
		'39: question 3 → section: the chapter has no heading with the id "dead-letter-queue"; did you mean "dead-letter-queues"? (see "Heading ids" in CONTRIBUTING.md)',
		'42: link to #queue-type: this chapter has no heading with the id "queue-type"; did you mean "queue-types"? (see "Heading ids" in CONTRIBUTING.md)',
		'42: link to /serverless/lambda/#invocation-type: src/content/docs/serverless/lambda.mdx has no heading with the id "invocation-type"; did you mean "invocation-types"? (see "Heading ids" in CONTRIBUTING.md)',
		'50: link to /reference/glossry/: no such page',
	]);
});

test('a local image must exist where the chapter says, relative to the chapter', () => {
	const body = BODY.replace('## Queue types', '![A queue between two services](../../../assets/storage/queue.png)\n\n![A missing one](../../../assets/storage/gone.png)\n\n## Queue types');
	assert.deepEqual(problemsIn(chapter(QUESTIONS, body), {}, { 'src/assets/storage/queue.png': 'png' }), [
		'46: image ../../../assets/storage/gone.png: no such file (images go in src/assets/<group>/ and are written relative to the chapter, e.g. ../../../assets/<group>/<name>.png)',
	]);
});

test('an anchor into a page with components is left to the check after the build, which sees their ids', () => {
	const withDemo = `${LAMBDA.replace('---\n\n##', "---\n\nimport Demo from '../../components/Demo.astro';\n\n<Demo />\n\n##")}`;
	const body = BODY.replace('#invocation-types', '#demo-output');
	assert.deepEqual(problemsIn(chapter(QUESTIONS, body), { 'serverless/lambda.mdx': withDemo }), []);
	assert.equal(problemsIn(chapter(QUESTIONS, body)).length, 1);
});

test('one run reports every problem of a chapter: frontmatter, question rules, body, diagrams and links', () => {
	const body = `${BODY.replace('/serverless/lambda/', '/serverless/lamda/')}
\`\`\`mermaid
flowchart LR
  accTitle: A queue
  accDescr A producer sends to a queue.
  P --> Q
\`\`\`
`.replace('## Exam tips', '## Summary');
	const questions = QUESTIONS.replace('Where do failed messages go?', 'Where do failed messages go?').replace(
		/(Where do failed messages go\?\n    skill: '1\.1\.8'\n    choices:\n      - text: Choice 1\n        correct: true\n      - text: Choice 2)/,
		'$1\n        correct: true',
	).replace('section: visibility-timeout', 'section: visibility');
	const text = chapter(questions, body).replace(/^description: .*\n/m, '');
	assert.deepEqual(problemsIn(text), [
		'2: description: required: 20–170 characters saying what the page covers',
		'28: question 2 → section: the chapter has no heading with the id "visibility"; did you mean "visibility-timeout"? (see "Heading ids" in CONTRIBUTING.md)',
		'29: question 3 → prompt: 2 choices are correct, so the prompt must say "(Choose two.)"',
		'31: question 3 → choices: a question with 2 correct choices has at least 5 choices, not 4',
		'42: link to /serverless/lamda/#invocation-types: no such page; did you mean /serverless/lambda/?',
		'50: a chapter ends with a "## Exam tips" section, but the last "## " heading is "Summary"',
		'57: in the Mermaid diagram opened on line 54: "accDescr A producer sends to a queue." needs a colon after accDescr: write "accDescr: …", or a block "accDescr { … }"',
	]);
});

test('MDX that does not parse is reported on its line, with the other problems', () => {
	const text = chapter(QUESTIONS, BODY.replace('## Exam tips', '<Aside type="tip">\n\nNo closing tag.\n\n## Exam tips')).replace(/^description: .*$/m, 'description: Queues.');
	assert.deepEqual(problemsIn(text), [
		'3: description: too short: write 20–170 characters',
		'50: the MDX does not parse: Expected a closing tag for "<Aside>" (50:1) (mdx-jsx:unexpected-character)',
	]);
});

test('broken links and sections are marked, so LINK_CHECK=warn can let them through', () => {
	const { root, content } = project({ 'storage/sqs.mdx': chapter(QUESTIONS.replace('section: queue-types', 'section: queues'), BODY).replace(/^description: .*$/m, 'description: Queues.') });
	const problems = checkContent(content, root);
	assert.deepEqual(
		problems.map((p) => [p.line, Boolean(p.link)]),
		[
			[3, false],
			[19, true],
			[42, true], // the link to /serverless/lambda/, absent from this site
		],
	);
});

test('in the dev server, a broken section or link fails the page with its line, like every other rule', () => {
	const { root, content } = project({ 'storage/sqs.mdx': chapter(QUESTIONS.replace('section: queue-types', 'section: queues'), BODY), 'serverless/lambda.mdx': LAMBDA });
	const transform = devOverlay(`${content}/`, root).transform as (code: string, id: string) => unknown;
	assert.throws(
		() => transform('', join(content, 'storage/sqs.mdx')),
		(error: Error) => {
			assert.equal(error.message, 'src/content/docs/storage/sqs.mdx:19: question 1 → section: the chapter has no heading with the id "queues" (see "Heading ids" in CONTRIBUTING.md)');
			return true;
		},
	);
});

test('links within a chapter are checked against the text being checked, not an older copy in the site', () => {
	const { root, content } = project({ 'storage/sqs.mdx': chapter(QUESTIONS, BODY), 'serverless/lambda.mdx': LAMBDA });
	const site = siteIndex([{ path: join(content, 'storage/sqs.mdx'), id: 'storage/sqs.mdx' }, { path: join(content, 'serverless/lambda.mdx'), id: 'serverless/lambda.mdx' }], root);
	const edited = chapter(QUESTIONS, BODY.replace('## Exam tips', '## Retention\n\nSee [retention](#retention) and [this page](/storage/sqs).\n\n## Exam tips'));
	assert.deepEqual(checkChapter('src/content/docs/storage/sqs.mdx', 'storage/sqs.mdx', edited, site).map(formatProblem), []);
});

test('a chapter checked on its own, without the site, skips links and sections', () => {
	assert.deepEqual(checkChapter('a.mdx', 'storage/a.mdx', chapter(QUESTIONS.replace('queue-types', 'nowhere'), BODY)).map(formatProblem), []);
	assert.deepEqual(siteIndex([], tmpdir()).pages.size, 0);
});

test('the closest id is offered only when it is close', () => {
	assert.equal(closestId('health-check', ['health-checks', 'listeners']), 'health-checks');
	assert.equal(closestId('visibility', ['visibility-timeout', 'queue-types']), 'visibility-timeout');
	assert.equal(closestId('pricing', ['visibility-timeout', 'queue-types']), undefined);
});
