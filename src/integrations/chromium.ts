import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium } from 'playwright-core';

/** How to launch Chromium: shared by the Mermaid build step, the tests and the benchmark. */
export interface ChromiumLaunch {
	/** Undefined means "Playwright's own installed browser". */
	executablePath: string | undefined;
	args: string[];
}

const SYSTEM_BROWSERS = [
	'chromium',
	'chromium-browser',
	'google-chrome',
	'google-chrome-stable',
	'/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
	'/Applications/Chromium.app/Contents/MacOS/Chromium',
];

// A closed network makes Chromium's background services fail noisily; they add nothing to a render or a test.
const QUIET_FLAGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync'];

function onPath(name: string): string | undefined {
	if (name.startsWith('/')) return existsSync(name) ? name : undefined;
	for (const dir of (process.env.PATH ?? '').split(delimiter)) {
		const candidate = join(dir, name);
		if (dir && existsSync(candidate)) return candidate;
	}
	return undefined;
}

function playwrightBrowserInstalled(): boolean {
	try {
		return existsSync(chromium.executablePath());
	} catch {
		return false;
	}
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumLaunch {
	// The sandbox cannot start as root (CI containers); everywhere else keep it.
	const args = [...QUIET_FLAGS];
	if (process.getuid?.() === 0) args.push('--no-sandbox');

	const fromEnv = env.CHROMIUM_PATH;
	if (fromEnv) {
		if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to "${fromEnv}", but no file is there.`);
		return { executablePath: fromEnv, args };
	}
	if (playwrightBrowserInstalled()) return { executablePath: undefined, args };
	for (const name of SYSTEM_BROWSERS) {
		const found = onPath(name);
		if (found) return { executablePath: found, args };
	}
	throw new Error(
		[
			'No Chromium found. Install one of:',
			'  npx playwright install chromium        (any OS)',
			'  sudo apt-get install -y chromium       (Debian/Ubuntu)',
			'or point CHROMIUM_PATH at a Chromium or Chrome executable.',
		].join('\n'),
	);
}
