// Helpers every bench job uses: paths, logging, the budget checks, and a browser context that stays on this machine.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { devices, type Browser, type BrowserContext } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = join(ROOT, 'dist');

export const PRACTICE_EXAM = '/practice/exam/';

export const PAGES = [
	{ type: 'home', path: '/' },
	{ type: 'plain chapter', path: '/storage/efs/' },
	{ type: 'diagram chapter', path: '/databases/multi-az-and-read-replicas/' },
	{ type: 'demo chapter', path: '/foundations/iam/' },
	{ type: 'glossary', path: '/reference/glossary/' },
	{ type: 'practice exam', path: PRACTICE_EXAM },
];

/** Islands with a budget of their own: gzip bytes beyond the shared Preact runtime. */
export const ISLAND_BUDGETS: Readonly<Record<string, number>> = { PracticeExam: 20 * 1024 };

// Anything that is not this machine fails to resolve, so no browser in the bench can reach the internet.
export const LOCAL_ONLY = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost';

export const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

export interface Check {
	name: string;
	pass: boolean;
	detail: string;
	/** Deterministic checks decide the exit code; timings only do with --strict-time. */
	gating: boolean;
}
export const checks: Check[] = [];
export const check = (name: string, pass: boolean, detail: string, gating = true) => checks.push({ name, pass, detail, gating });
export const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');

export const median = (values: number[]) => {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

export function table(head: string[], rows: (string | number)[][]): string {
	const line = (cells: (string | number)[]) => `| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
	return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);
const { defaultBrowserType: _unused, ...DESKTOP } = devices['Desktop Chrome'];

/** A fresh context (cold cache) that refuses every request leaving this machine and remembers it. */
export async function localContext(browser: Browser, external: string[]): Promise<BrowserContext> {
	// The service worker would precache the whole site after load and compete with what is being measured;
	// its cost is reported on its own (offline.ts).
	const context = await browser.newContext({ ...DESKTOP, serviceWorkers: 'block' });
	await context.route('**/*', (route) => {
		const url = new URL(route.request().url());
		if (url.protocol === 'data:' || url.protocol === 'blob:' || LOCAL_HOSTS.has(url.hostname)) return route.continue();
		external.push(url.href);
		return route.abort('blockedbyclient');
	});
	return context;
}
