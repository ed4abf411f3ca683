// Where the end-to-end tests build and serve the site. The test build has its own folder so that
// `dist/` stays whatever `npm run build` made, ready for `npm run preview`.
import { fileURLToPath } from 'node:url';

/** Served under a base path, as on GitHub Pages, so links and assets that ignore the base fail here. */
export const TEST_BASE_PATH = '/aws-notes/';
export const TEST_OUT_DIR = 'dist-test';
export const TEST_DIST = fileURLToPath(new URL(`../../${TEST_OUT_DIR}/`, import.meta.url));
export const TEST_PORT = Number(process.env.TEST_PORT ?? 4399);

/** What the test site is built and served with: `npm run build` and `tests/support/serve.ts` read these. */
export const TEST_SITE_ENV: Readonly<Record<string, string>> = {
	BASE_PATH: TEST_BASE_PATH,
	OUT_DIR: TEST_OUT_DIR,
	PORT: String(TEST_PORT),
	REPO_URL: 'https://github.com/example/aws-developer-associate-notes',
};
