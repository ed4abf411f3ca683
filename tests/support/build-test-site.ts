// Builds the site the end-to-end tests serve (into dist-test/, under the test base path): `node tests/support/build-test-site.ts`.
// A failed build ends with a line saying so, so that what follows (Playwright's "Process from config.webServer was
// not able to start") does not read like a broken set-up.
import { spawnSync } from 'node:child_process';
import { TEST_SITE_ENV } from './test-site.ts';

const started = Date.now();
const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: { ...process.env, ...TEST_SITE_ENV } });
const seconds = Math.round((Date.now() - started) / 1000);
if (build.status !== 0) {
	console.error(`\nThe site did not build (${seconds} s), so no page was tested: fix each file:line the build listed above, then run the command again.`);
	process.exit(build.status ?? 1);
}
