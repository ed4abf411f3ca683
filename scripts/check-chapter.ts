// Quick check of one chapter: `npm run check:chapter -- src/content/docs/storage/efs.mdx` (or `storage/efs`).
// Builds the test site, then runs the page-level checks (status, byte budget, axe in both themes, diagram
// label sizes) for that page only, with the HTML validity and answer-position checks over the build.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { contentPages } from '../tests/support/pages.ts';

const arg = process.argv[2]?.trim();
if (!arg) {
	console.error('Name a chapter: npm run check:chapter -- src/content/docs/<group>/<chapter>.mdx');
	process.exit(2);
}
const slug = arg
	.replace(/\\/g, '/')
	.replace(/^(?:\.\/)?(?:src\/content\/docs\/)?/, '')
	.replace(/\.mdx?$/, '')
	.replace(/^\/+|\/+$/g, '');
const page = slug === 'index' || slug === '' ? '' : `${slug}/`;
if (!contentPages().includes(page)) {
	const hint = existsSync(arg) ? ' (the file exists but is not under src/content/docs/)' : '';
	console.error(`"${arg}" is not a chapter of this site${hint}. Chapters: ${contentPages().filter(Boolean).join(', ')}`);
	process.exit(2);
}

// Its own port, so a server left from another run is never reused with an older build.
const env = { ...process.env, TEST_PORT: process.env.TEST_PORT ?? '4397' };
// The build first, on its own: a chapter problem then ends the run with the build's list of lines to fix.
const build = spawnSync(process.execPath, ['tests/support/build-test-site.ts'], { stdio: 'inherit', env });
if (build.status !== 0) process.exit(build.status ?? 1);

const specs = ['tests/e2e/pages.spec.ts', 'tests/e2e/html-validity.spec.ts', 'tests/e2e/question-bank.spec.ts'];
const result = spawnSync('npx', ['playwright', 'test', ...specs], {
	stdio: 'inherit',
	env: { ...env, CHECK_PAGE: page, TEST_SITE_BUILT: '1' },
});
process.exit(result.status ?? 1);
