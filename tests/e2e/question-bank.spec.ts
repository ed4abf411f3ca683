import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { test, expect } from './fixtures.ts';
import { htmlFiles } from '../../src/integrations/html-files.ts';
import { TEST_DIST } from '../support/test-site.ts';

// The no-JavaScript and printed answer of every question, as a reader sees it: "Answer: B and D."
const ANSWER = /Answer: ([A-F](?:(?:, | and )[A-F])*)\./g;

/** Every answer key in the built site, as the set of letters a reader would have to pick. */
function builtKeys(): { page: string; key: string }[] {
	return htmlFiles(TEST_DIST).flatMap((file) =>
		[...readFileSync(file, 'utf8').matchAll(ANSWER)].map((m) => ({
			page: relative(TEST_DIST, file),
			key: (m[1].match(/[A-F]/g) ?? []).join(''),
		})),
	);
}

test('answer positions in the whole bank do not give the answers away', () => {
	const keys = builtKeys();
	const single = keys.filter((k) => k.key.length === 1);
	const multiple = keys.filter((k) => k.key.length > 1);
	expect(single.length, 'single-answer questions found in the built pages').toBeGreaterThan(50);
	expect(multiple.length, 'multiple-answer questions found').toBeGreaterThan(5);

	const counts = new Map<string, number>();
	for (const { key } of single) counts.set(key, (counts.get(key) ?? 0) + 1);
	const summary = [...counts].sort().map(([letter, n]) => `${letter} ${n}`).join(', ');
	for (const [letter, n] of counts) {
		expect(n / single.length, `share of single-answer keys that are ${letter} (${summary})`).toBeLessThanOrEqual(0.4);
	}
	expect(new Set(multiple.map((k) => k.key)).size, 'distinct multiple-answer keys').toBeGreaterThan(1);
});
