// Runs before the tests: makes sure a Chromium is there, installing one when the machine allows it.
import { execSync } from 'node:child_process';
import { findChromium } from '../../src/integrations/chromium.ts';

function found(): boolean {
	try {
		const { executablePath } = findChromium();
		console.log(`Chromium: ${executablePath ?? "Playwright's installed browser"}`);
		return true;
	} catch {
		return false;
	}
}

function tryRun(command: string): boolean {
	console.log(`$ ${command}`);
	try {
		execSync(command, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
		return true;
	} catch {
		return false;
	}
}

if (!found()) {
	const isRoot = process.getuid?.() === 0;
	const sudo = isRoot ? '' : 'sudo -n ';
	const hasApt = tryRun('command -v apt-get >/dev/null');
	const installed =
		(hasApt && tryRun(`${sudo}apt-get update -qq && ${sudo}apt-get install -y -qq chromium fonts-liberation`) && found()) ||
		(tryRun('npx playwright install chromium') && found());
	if (!installed) {
		findChromium(); // throws the message that says how to get a browser
	}
}
