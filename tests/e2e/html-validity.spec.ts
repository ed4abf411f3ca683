import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { test, expect } from './fixtures.ts';
import { htmlFiles } from '../../src/integrations/html-files.ts';
import { TEST_DIST } from '../support/test-site.ts';

// The rules in .htmlvalidate.json are the W3C checker's common errors: duplicate ids,
// unclosed or misnested elements, duplicate attributes, dangling aria references.
const validator = new HtmlValidate(new FileSystemConfigLoader());

test('the validator rejects what it should', async () => {
	const report = await validator.validateString(
		'<!doctype html><html lang="en"><head><title>x</title></head><body><p id="a">1</p><p id="a">2<b></p></body></html>',
		'inline.html',
	);
	const rules = report.results.flatMap((r) => r.messages.map((m) => m.ruleId));
	expect(rules).toEqual(expect.arrayContaining(['no-dup-id', 'close-order']));
});

test('every built HTML page is free of the common validity errors', async () => {
	test.setTimeout(180_000);
	const pages = htmlFiles(TEST_DIST);
	expect(pages.length).toBeGreaterThan(5);
	const problems: string[] = [];
	for (const file of pages) {
		const page = relative(TEST_DIST, file);
		const report = await validator.validateString(readFileSync(file, 'utf8'), page);
		for (const result of report.results) {
			for (const m of result.messages) problems.push(`${page}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
		}
	}
	expect(problems).toEqual([]);
});
