// Performance benchmark and byte budgets: `npm run bench` (options: --skip-build, --no-lighthouse, --strict-time, --force).
// Builds the site clean and warm, then measures page weight, search and Lighthouse against dist/ served with gzip.
// Prints a Markdown report to stdout and writes it to bench-results.md; progress goes to stderr.
import { spawn } from 'node:child_process';
import {
	chmodSync,
	copyFileSync,
	existsSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	readlinkSync,
	renameSync,
	rmSync,
	unlinkSync,
	writeFileSync,
} from 'node:fs';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, devices, type Browser, type BrowserContext } from 'playwright-core';
import { findChromium } from '../src/integrations/chromium.ts';
import { htmlFiles } from '../src/integrations/html-files.ts';
import { serveStatic } from '../tests/support/static-server.ts';
import {
	budgetFor,
	countTransfers,
	islandJs,
	kb,
	KINDS,
	measurePageWeight,
	mermaidIn,
	recordResponses,
	type PageWeight,
} from '../tests/support/page-weight.ts';
import { diagramLabelTable, measureAllDiagrams } from '../tests/support/diagram-labels.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = join(ROOT, 'dist');
const DIAGRAMS = join(ROOT, 'src', 'diagrams');
const ASTRO_BIN = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
const RESULTS = join(ROOT, 'bench-results.md');
const TEST_PORT = 4399;

const argv = new Set(process.argv.slice(2));
const options = {
	skipBuild: argv.has('--skip-build'),
	lighthouse: !argv.has('--no-lighthouse'),
	strictTime: argv.has('--strict-time'),
	force: argv.has('--force'),
};
// With --skip-build, BENCH_DIST may point at a copy of a build, so measuring does not race other builds of dist/.
const SERVED = options.skipBuild && process.env.BENCH_DIST ? process.env.BENCH_DIST : DIST;

const PAGES = [
	{ type: 'home', path: '/' },
	{ type: 'plain chapter', path: '/storage/efs/' },
	{ type: 'diagram chapter', path: '/databases/multi-az-and-read-replicas/' },
	{ type: 'demo chapter', path: '/foundations/iam/' },
	{ type: 'glossary', path: '/reference/glossary/' },
];
const SEARCH_TERMS = [
	'SNI',
	'bastion',
	'hosted zone',
	'read replica',
	'connection pooling',
	'target tracking',
	'TTL',
	'EBS',
	'security group',
	'Aurora',
	'CloudShell',
	'alias record',
];
// Anything that is not this machine fails to resolve, so no browser in the bench can reach the internet.
const LOCAL_ONLY = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost';

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

interface Check {
	name: string;
	pass: boolean;
	detail: string;
	/** Deterministic checks decide the exit code; timings only do with --strict-time. */
	gating: boolean;
}
const checks: Check[] = [];
const check = (name: string, pass: boolean, detail: string, gating = true) => checks.push({ name, pass, detail, gating });
const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');

// ---------------------------------------------------------------- preflight

function portAnswers(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect({ host: '127.0.0.1', port });
		socket.setTimeout(1000);
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('timeout', () => {
			socket.destroy();
			resolve(false);
		});
		socket.once('error', () => resolve(false));
	});
}

/** Other `astro build` processes on this machine (Linux only): they write the same dist/ and diagram cache. */
function otherAstroBuilds(): string[] {
	if (!existsSync('/proc')) return [];
	const found: string[] = [];
	for (const pid of readdirSync('/proc')) {
		if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
		try {
			const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
			if (!/astro(?:\.mjs)?\s+build\b/.test(cmd)) continue;
			// Only builds of this project: they share src/diagrams/, .astro/ and node_modules/.astro with the bench.
			const cwd = join(readlinkSync(`/proc/${pid}/cwd`), '/');
			if (cwd === join(ROOT, '/') || cmd.includes(ROOT)) found.push(`${pid}: ${cmd.trim()}`);
		} catch {
			// the process ended while we looked
		}
	}
	return found;
}

async function preflight(): Promise<void> {
	const problems: string[] = [];
	if (!options.skipBuild) {
		if (await portAnswers(TEST_PORT)) {
			problems.push(`something is serving on port ${TEST_PORT} (the e2e test server serves dist/, which this bench rebuilds)`);
		}
		const builds = otherAstroBuilds();
		if (builds.length) problems.push(`another astro build is running:\n    ${builds.join('\n    ')}`);
	}
	if (problems.length === 0) return;
	const message = problems.map((p) => `  - ${p}`).join('\n');
	if (!options.force) {
		log(`refusing to start:\n${message}\nWait for it to finish, or pass --force.`);
		process.exit(2);
	}
	log(`--force given; going on despite:\n${message}`);
}

// ---------------------------------------------------------------- diagram cache

interface RestoreReport {
	restored: number;
	identical: boolean;
	problems: string[];
	/** Re-rendered files byte-identical to the committed cache (rendering is deterministic when all are). */
	rerenderedSame: number;
	rerenderedDifferent: string[];
	/** Files the clean build rendered that the cache did not have before: kept. */
	added: string[];
}

/** Moves the committed diagram cache aside so a build renders every diagram, and puts it back byte for byte. */
class DiagramCacheAside {
	readonly originals = new Map<string, Buffer>();
	readonly tempDir: string;
	report: RestoreReport | undefined;

	constructor() {
		this.tempDir = mkdtempSync(join(tmpdir(), 'bench-diagrams-'));
		for (const name of readdirSync(DIAGRAMS).filter((n) => n.endsWith('.json'))) {
			this.originals.set(name, readFileSync(join(DIAGRAMS, name)));
		}
	}

	moveAside(): void {
		log(`moving ${this.originals.size} cached diagrams to ${this.tempDir}`);
		for (const name of this.originals.keys()) move(join(DIAGRAMS, name), join(this.tempDir, name));
	}

	/** Synchronous, so it also runs from a signal handler; safe to call twice. */
	restore(): RestoreReport {
		if (this.report) return this.report;
		const report: RestoreReport = { restored: 0, identical: true, problems: [], rerenderedSame: 0, rerenderedDifferent: [], added: [] };
		for (const [name, original] of this.originals) {
			const dest = join(DIAGRAMS, name);
			const aside = join(this.tempDir, name);
			try {
				if (existsSync(dest)) {
					if (readFileSync(dest).equals(original)) report.rerenderedSame++;
					else report.rerenderedDifferent.push(name);
				}
				if (existsSync(aside)) move(aside, dest);
				else writeFileSync(dest, original); // the copy in memory is the backup of last resort
				if (!readFileSync(dest).equals(original)) {
					writeFileSync(dest, original);
					if (!readFileSync(dest).equals(original)) throw new Error('content differs after restoring');
				}
				report.restored++;
			} catch (error) {
				report.identical = false;
				report.problems.push(`${name}: ${(error as Error).message}`);
			}
		}
		report.added = readdirSync(DIAGRAMS).filter((n) => n.endsWith('.json') && !this.originals.has(n));
		if (report.identical) rmSync(this.tempDir, { recursive: true, force: true });
		else log(`diagram cache NOT fully restored; the originals are still in ${this.tempDir}`);
		this.report = report;
		return report;
	}
}

function move(from: string, to: string): void {
	try {
		renameSync(from, to);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
		copyFileSync(from, to);
		unlinkSync(from);
	}
}

// ---------------------------------------------------------------- builds

interface BuildRun {
	label: string;
	ms: number;
	pages: number | undefined;
	htmlFiles: number;
	chromiumLaunches: number;
}

/** A stand-in for Chromium that logs each launch and then execs the real one: counts browsers a build starts. */
function launchCounter(): { path: string; logFile: string; count: () => number; cleanup: () => void } {
	const { executablePath } = findChromium();
	const real = executablePath ?? chromium.executablePath();
	const dir = mkdtempSync(join(tmpdir(), 'bench-chromium-'));
	const path = join(dir, 'chromium');
	const logFile = join(dir, 'launches.log');
	writeFileSync(logFile, '');
	const quoted = `'${real.replace(/'/g, `'\\''`)}'`;
	writeFileSync(path, `#!/bin/sh\necho "$$" >> '${logFile}'\nexec ${quoted} "$@"\n`);
	chmodSync(path, 0o755);
	return {
		path,
		logFile,
		count: () => readFileSync(logFile, 'utf8').split('\n').filter(Boolean).length,
		cleanup: () => rmSync(dir, { recursive: true, force: true }),
	};
}

function countHtml(dir: string): number {
	if (!existsSync(dir)) return 0;
	return htmlFiles(dir).length;
}

async function astroBuild(label: string, chromiumPath: string, launches: () => number): Promise<BuildRun> {
	const before = launches();
	const env: NodeJS.ProcessEnv = { ...process.env, CHROMIUM_PATH: chromiumPath, NO_COLOR: '1', FORCE_COLOR: '0' };
	// The bench serves the site at the domain root.
	delete env.BASE_PATH;
	delete env.SITE_URL;
	log(`${label} build…`);
	const start = performance.now();
	const output = await new Promise<string>((resolve, reject) => {
		const child = spawn(process.execPath, [ASTRO_BIN, 'build'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let text = '';
		child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => {
			if (code === 0) resolve(text);
			else reject(new Error(`${label} build failed (exit ${code}):\n${text.split('\n').slice(-40).join('\n')}`));
		});
	});
	const ms = Math.round(performance.now() - start);
	const pages = /(\d+) page\(s\) built in/.exec(output.replace(/\x1b\[[0-9;]*m/g, ''));
	const run = { label, ms, pages: pages ? Number(pages[1]) : undefined, htmlFiles: countHtml(DIST), chromiumLaunches: launches() - before };
	log(`${label} build: ${ms} ms, ${run.pages ?? '?'} pages, ${run.chromiumLaunches} Chromium launch(es)`);
	return run;
}

interface BuildSection {
	clean: BuildRun;
	warm: BuildRun;
	cache: RestoreReport;
	diagramCount: number;
}

async function builds(): Promise<BuildSection> {
	const counter = launchCounter();
	const cache = new DiagramCacheAside();
	const restoreOnSignal = (signal: NodeJS.Signals) => {
		log(`${signal}: restoring the diagram cache before exiting`);
		cache.restore();
		process.exit(130);
	};
	process.once('SIGINT', restoreOnSignal);
	process.once('SIGTERM', restoreOnSignal);
	try {
		const clean = await (async () => {
			try {
				for (const dir of [DIST, join(ROOT, '.astro'), join(ROOT, 'node_modules', '.astro')]) {
					rmSync(dir, { recursive: true, force: true });
				}
				cache.moveAside();
				return await astroBuild('clean', counter.path, counter.count);
			} finally {
				const report = cache.restore();
				log(`restored ${report.restored}/${cache.originals.size} diagrams, byte-identical: ${report.identical}`);
			}
		})();
		const warm = await astroBuild('warm', counter.path, counter.count);
		return { clean, warm, cache: cache.restore(), diagramCount: cache.originals.size };
	} finally {
		process.off('SIGINT', restoreOnSignal);
		process.off('SIGTERM', restoreOnSignal);
		counter.cleanup();
	}
}

// ---------------------------------------------------------------- page weight

interface PageRow {
	type: string;
	path: string;
	weight: PageWeight;
	islandJs: Awaited<ReturnType<typeof islandJs>>;
	budget: number | undefined;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);
const { defaultBrowserType: _unused, ...DESKTOP } = devices['Desktop Chrome'];

/** A fresh context (cold cache) that refuses every request leaving this machine and remembers it. */
async function localContext(browser: Browser, external: string[]): Promise<BrowserContext> {
	const context = await browser.newContext({ ...DESKTOP });
	await context.route('**/*', (route) => {
		const url = new URL(route.request().url());
		if (url.protocol === 'data:' || url.protocol === 'blob:' || LOCAL_HOSTS.has(url.hostname)) return route.continue();
		external.push(url.href);
		return route.abort('blockedbyclient');
	});
	return context;
}

async function measurePages(browser: Browser, origin: string, external: string[]): Promise<PageRow[]> {
	const rows: PageRow[] = [];
	for (const { type, path } of PAGES) {
		log(`page weight: ${path}`);
		const context = await localContext(browser, external);
		try {
			const page = await context.newPage();
			const weight = await measurePageWeight(page, new URL(path, origin).href);
			// The home page is a splash page, not a chapter: it is measured but has no budget.
			const budget = type === 'home' ? undefined : budgetFor(weight);
			rows.push({ type, path, weight, islandJs: await islandJs(weight), budget });
		} finally {
			await context.close();
		}
	}
	return rows;
}

// ---------------------------------------------------------------- search

interface QueryRow {
	term: string;
	ms: number;
	message: string;
	first: string;
}

interface SearchSection {
	queries: QueryRow[];
	bytesOnOpen: number;
	bytesAfterCold: number;
	bytesTotal: number;
	files: number;
	coldMs: number;
	warmMedianMs: number;
	mermaid: string[];
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

async function measureSearch(browser: Browser, origin: string, external: string[]): Promise<SearchSection> {
	log('search');
	const context = await localContext(browser, external);
	try {
		const page = await context.newPage();
		await page.goto(new URL('/', origin).href, { waitUntil: 'load' });
		const recorder = recordResponses(page);
		await page.getByRole('button', { name: 'Search' }).click();
		// Pagefind UI's input is a plain text field named "Search" (a searchbox in some versions).
		const dialog = page.getByRole('dialog');
		const searchbox = dialog.getByRole('searchbox').or(dialog.getByRole('textbox', { name: 'Search' })).first();
		await searchbox.waitFor();
		await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
		const marks: number[] = [recorder.responses.length];
		const queries: QueryRow[] = [];
		for (const term of SEARCH_TERMS) {
			// Timed inside the page: from the input event to the first result title (or "No results"), debounce included.
			const row = await searchbox.evaluate(async (input, term) => {
				const box = input as HTMLInputElement;
				const root = box.closest('dialog') ?? document.body;
				const until = (done: () => boolean, timeout: number) =>
					new Promise<boolean>((resolve) => {
						if (done()) return resolve(true);
						const observer = new MutationObserver(() => {
							if (!done()) return;
							observer.disconnect();
							clearTimeout(timer);
							resolve(true);
						});
						const timer = setTimeout(() => {
							observer.disconnect();
							resolve(done());
						}, timeout);
						observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
					});
				// Any result title on screen: results render as placeholders until their fragment arrives.
				const firstTitle = () =>
					[...root.querySelectorAll('.pagefind-ui__result-link')].map((a) => a.textContent?.trim() ?? '').find(Boolean) ?? '';
				const message = () => root.querySelector('.pagefind-ui__message')?.textContent?.trim() ?? '';
				const type = (value: string) => {
					box.value = value;
					box.dispatchEvent(new Event('input', { bubbles: true }));
				};
				type('');
				await until(() => !firstTitle() && !message(), 5_000);
				const start = performance.now();
				type(term);
				await until(() => Boolean(firstTitle()) || /^no results/i.test(message()), 20_000);
				const ms = Math.round(performance.now() - start);
				// Results fill in as their fragments load: wait for the top one to name it.
				const top = () => root.querySelector('.pagefind-ui__result .pagefind-ui__result-link')?.textContent?.trim() ?? '';
				if (root.querySelector('.pagefind-ui__result')) await until(() => Boolean(top()), 5_000);
				const first = top();
				return { term, ms, message: message(), first };
			}, term);
			queries.push(row);
			marks.push(recorder.responses.length);
		}
		await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
		recorder.stop();
		const pagefindOnly = (list: typeof recorder.responses) => list.filter((r) => new URL(r.url).pathname.startsWith('/pagefind/'));
		const bytesOf = async (end: number) =>
			(await countTransfers(pagefindOnly(recorder.responses.slice(0, end)))).reduce((sum, t) => sum + t.bytes, 0);
		const all = await countTransfers(recorder.responses);
		const pagefind = all.filter((t) => new URL(t.url).pathname.startsWith('/pagefind/'));
		return {
			queries,
			bytesOnOpen: await bytesOf(marks[0] as number),
			bytesAfterCold: await bytesOf(marks[1] as number),
			bytesTotal: pagefind.reduce((sum, t) => sum + t.bytes, 0),
			files: pagefind.length,
			coldMs: queries[0]?.ms ?? NaN,
			warmMedianMs: median(queries.slice(1).map((q) => q.ms)),
			mermaid: mermaidIn(all),
		};
	} finally {
		await context.close();
	}
}

// ---------------------------------------------------------------- Lighthouse

interface LighthouseRow {
	type: string;
	path: string;
	error?: string;
	scores?: Record<string, number | null>;
	metrics?: Record<string, number | undefined>;
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const METRICS = {
	FCP: 'first-contentful-paint',
	LCP: 'largest-contentful-paint',
	TBT: 'total-blocking-time',
	CLS: 'cumulative-layout-shift',
} as const;

/** Starts Chromium with a DevTools port for Lighthouse (the same browser the rest of the bench uses). */
async function debuggableChromium(): Promise<{ port: number; stop: () => Promise<void> }> {
	const { executablePath, args } = findChromium();
	const userDataDir = mkdtempSync(join(tmpdir(), 'bench-lighthouse-'));
	const child = spawn(
		executablePath ?? chromium.executablePath(),
		[
			...args,
			'--headless=new',
			'--remote-debugging-port=0',
			`--user-data-dir=${userDataDir}`,
			'--no-first-run',
			'--no-default-browser-check',
			LOCAL_ONLY,
			'about:blank',
		],
		{ stdio: ['ignore', 'ignore', 'pipe'] },
	);
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) {
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
		}
		rmSync(userDataDir, { recursive: true, force: true });
	};
	try {
		const port = await new Promise<number>((resolve, reject) => {
			let stderr = '';
			const timer = setTimeout(() => reject(new Error(`Chromium did not open a DevTools port:\n${stderr.slice(-500)}`)), 30_000);
			child.stderr.on('data', (chunk: Buffer) => {
				stderr += chunk.toString();
				const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(stderr);
				if (match) {
					clearTimeout(timer);
					resolve(Number(match[1]));
				}
			});
			child.once('exit', (code) => {
				clearTimeout(timer);
				reject(new Error(`Chromium exited (${code}) before opening a DevTools port:\n${stderr.slice(-500)}`));
			});
		});
		return { port, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}

async function runLighthouse(origin: string): Promise<LighthouseRow[]> {
	const failAll = (error: string) => PAGES.map(({ type, path }) => ({ type, path, error }));
	if (!options.lighthouse) return failAll('skipped (--no-lighthouse)');
	let lighthouse: (typeof import('lighthouse'))['default'];
	try {
		lighthouse = (await import('lighthouse')).default;
	} catch (error) {
		return failAll(`lighthouse cannot be loaded: ${(error as Error).message.split('\n')[0]}`);
	}
	let browser: Awaited<ReturnType<typeof debuggableChromium>>;
	try {
		browser = await debuggableChromium();
	} catch (error) {
		return failAll(`cannot start Chromium for Lighthouse: ${(error as Error).message.split('\n')[0]}`);
	}
	const rows: LighthouseRow[] = [];
	try {
		for (const { type, path } of PAGES) {
			log(`lighthouse: ${path}`);
			try {
				// Lighthouse's defaults: mobile emulation and simulated throttling, so nothing is really slowed down.
				const result = await lighthouse(new URL(path, origin).href, {
					port: browser.port,
					output: 'json',
					logLevel: 'error',
					onlyCategories: [...CATEGORIES],
					disableFullPageScreenshot: true,
				});
				const lhr = result?.lhr;
				if (!lhr) throw new Error('no result');
				rows.push({
					type,
					path,
					error: lhr.runtimeError?.message,
					scores: Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score ?? null])),
					metrics: Object.fromEntries(Object.entries(METRICS).map(([name, id]) => [name, lhr.audits[id]?.numericValue])),
				});
			} catch (error) {
				rows.push({ type, path, error: (error as Error).message.split('\n')[0] });
			}
		}
	} finally {
		await browser.stop();
	}
	return rows;
}

// ---------------------------------------------------------------- report

function table(head: string[], rows: (string | number)[][]): string {
	const line = (cells: (string | number)[]) => `| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
	return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

const shortUrl = (url: string) => new URL(url).pathname;

function report(parts: {
	build: BuildSection | undefined;
	pages: PageRow[];
	search: SearchSection | undefined;
	searchError: string | undefined;
	lighthouse: LighthouseRow[];
	external: string[];
	diagramLabels?: string;
}): string {
	const out: string[] = [];
	const [one, five] = loadavg();
	out.push('# Benchmark results', '');
	out.push(`${new Date().toISOString()} · Node ${process.version} · load average ${one?.toFixed(2)} / ${five?.toFixed(2)} (1 / 5 min)`, '');

	out.push('## Build', '');
	if (parts.build) {
		const { clean, warm, cache, diagramCount } = parts.build;
		out.push(
			table(
				['build', 'time (ms)', 'pages built', 'HTML files', 'Chromium launches'],
				[
					['clean (no dist/, .astro/, node_modules/.astro; diagram cache moved aside)', clean.ms, clean.pages ?? '?', clean.htmlFiles, clean.chromiumLaunches],
					['warm (nothing changed, cache in place)', warm.ms, warm.pages ?? '?', warm.htmlFiles, warm.chromiumLaunches],
				],
			),
			'',
		);
		const ratio = warm.ms / clean.ms;
		out.push(
			`- Warm ≤ 50% of clean: ${(ratio * 100).toFixed(0)}% → **${verdict(ratio <= 0.5)}**`,
			`- Warm build started no browser: ${warm.chromiumLaunches} launches → **${verdict(warm.chromiumLaunches === 0)}**`,
			`- Diagram cache restored byte-identical: ${cache.restored}/${diagramCount} → **${verdict(cache.identical && cache.restored === diagramCount)}**` +
				(cache.problems.length ? ` (${cache.problems.join('; ')})` : ''),
			`- Re-rendered diagrams identical to the committed cache: ${cache.rerenderedSame}/${diagramCount}` +
				(cache.rerenderedDifferent.length ? ` (differ: ${cache.rerenderedDifferent.join(', ')})` : ''),
		);
		if (cache.added.length) out.push(`- Diagrams rendered that were not in the cache (kept): ${cache.added.join(', ')}`);
		out.push('');
	} else {
		out.push('Skipped (--skip-build): measured the existing dist/.', '');
	}

	out.push('## Page weight (gzip bytes as sent: at load, split by type; and after scrolling so every island hydrates)', '');
	out.push(
		table(
			['page', 'path', ...KINDS, 'at load', 'all islands hydrated', 'islands', 'diagrams', 'budget', 'result'],
			parts.pages.map(({ type, path, weight, budget }) => [
				type,
				path,
				...KINDS.map((k) => weight.atLoadByKind[k]),
				`${weight.atLoad} (${kb(weight.atLoad)})`,
				`${weight.total} (${kb(weight.total)})`,
				weight.islands.length,
				weight.diagrams,
				budget === undefined ? '—' : kb(budget),
				budget === undefined ? '—' : verdict(weight.atLoad <= budget),
			]),
		),
		'',
	);
	const notes: string[] = [];
	for (const { type, path, weight } of parts.pages) {
		if (weight.status !== 200) notes.push(`- ${path} answered ${weight.status}.`);
		if (type === 'demo chapter' && weight.islands.length === 0) notes.push(`- ${path} has no \`astro-island\` yet: its demos are not embedded, so it is measured as a page without islands.`);
		if (type === 'plain chapter' && (weight.islands.length || weight.diagrams)) notes.push(`- ${path} is no longer plain: ${weight.islands.length} islands, ${weight.diagrams} diagrams.`);
		if (weight.unhydrated) notes.push(`- ${path}: ${weight.unhydrated} island(s) did not hydrate after scrolling.`);
	}
	if (notes.length) out.push(...notes, '');

	out.push('## Island JavaScript (gzip bytes)', '');
	// One row per component, with the pages it was seen on: the same chunk is downloaded once per page either way.
	const islandRows = new Map<string, { name: string; pages: string[]; chunks: string; bytes: number }>();
	let runtime: (typeof parts.pages)[number]['islandJs'] | undefined;
	for (const { path, islandJs: js } of parts.pages) {
		if (js.islands.length) runtime ??= js;
		for (const island of js.islands) {
			const row = islandRows.get(island.componentUrl) ?? {
				name: island.name,
				pages: [],
				chunks: island.chunks.map((c) => `${shortUrl(c.url)} (${c.bytes})`).join(', '),
				bytes: island.bytes,
			};
			row.pages.push(path);
			islandRows.set(island.componentUrl, row);
		}
	}
	if (runtime) {
		out.push(
			table(
				['island', 'pages', 'chunks (component-url and its static imports, minus the runtime)', 'bytes'],
				[
					['shared Preact runtime (renderer-url and its imports)', 'all with islands', runtime.runtime.map((c) => `${shortUrl(c.url)} (${c.bytes})`).join(', '), runtime.runtimeBytes],
					...[...islandRows.values()].map((r) => [r.name, r.pages.join(', '), r.chunks, r.bytes]),
				],
			),
			'',
		);
	} else {
		out.push('No page measured has an island yet.', '');
	}

	out.push('## Search (Pagefind)', '');
	if (parts.search) {
		const s = parts.search;
		out.push(
			`- Bytes under /pagefind/: ${s.bytesTotal} (${kb(s.bytesTotal)}) in ${s.files} files; ${s.bytesOnOpen} on opening the dialog, ${s.bytesAfterCold} after the first query.`,
			`- First result, cold (first query): ${s.coldMs} ms; warm median (next ${s.queries.length - 1} queries): ${s.warmMedianMs} ms. Times include Pagefind UI's 300 ms debounce.`,
			'',
			table(
				['query', 'ms to first result', 'message', 'top result'],
				s.queries.map((q) => [q.term, q.ms, q.message, q.first || '—']),
			),
			'',
		);
	} else {
		out.push(`Search could not be measured: ${parts.searchError}`, '');
	}

	out.push('## Diagram labels (smallest font size × on-screen scale, light theme)', '', parts.diagramLabels ?? 'Not measured.', '');

	out.push('## Lighthouse (mobile defaults, simulated throttling)', '');
	const score = (v: number | null | undefined) => (v === null || v === undefined ? '—' : Math.round(v * 100));
	const ms = (v: number | undefined) => (v === undefined ? '—' : `${Math.round(v)} ms`);
	out.push(
		table(
			['page', 'performance', 'accessibility', 'best practices', 'SEO', 'FCP', 'LCP', 'TBT', 'CLS', 'note'],
			parts.lighthouse.map((r) => [
				`${r.type} (${r.path})`,
				score(r.scores?.performance),
				score(r.scores?.accessibility),
				score(r.scores?.['best-practices']),
				score(r.scores?.seo),
				ms(r.metrics?.FCP),
				ms(r.metrics?.LCP),
				ms(r.metrics?.TBT),
				r.metrics?.CLS === undefined ? '—' : r.metrics.CLS.toFixed(3),
				r.error ?? '',
			]),
		),
		'',
	);

	out.push('## Budgets', '');
	out.push(table(['budget', 'measured', 'result'], checks.map((c) => [c.name + (c.gating ? '' : ' (timing: not gating)'), c.detail, verdict(c.pass)])), '');
	if (parts.external.length) out.push(`Requests that tried to leave this machine (blocked): ${[...new Set(parts.external)].join(', ')}`, '');
	return out.join('\n');
}

// ---------------------------------------------------------------- main

async function main(): Promise<number> {
	await preflight();
	let build: BuildSection | undefined;
	if (!options.skipBuild) {
		build = await builds();
		const ratio = build.warm.ms / build.clean.ms;
		check('warm build ≤ 50% of clean build', ratio <= 0.5, `${build.warm.ms} / ${build.clean.ms} ms = ${(ratio * 100).toFixed(0)}%`, options.strictTime);
		check('warm build starts no browser', build.warm.chromiumLaunches === 0, `${build.warm.chromiumLaunches} Chromium launches`);
		check(
			'diagram cache restored byte-identical',
			build.cache.identical && build.cache.restored === build.diagramCount,
			`${build.cache.restored}/${build.diagramCount} files`,
		);
	} else if (!existsSync(join(SERVED, 'index.html'))) {
		throw new Error('--skip-build needs a built dist/: run `npm run build` first.');
	} else if (!/(?:href|src)="\/_astro\//.test(readFileSync(join(SERVED, 'index.html'), 'utf8'))) {
		throw new Error('dist/ was built under a base path (e.g. by the e2e tests); the bench serves it at /. Run without --skip-build.');
	}

	const server = await serveStatic({ dir: join(SERVED, '/'), base: '/', port: 0 });
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	log(`serving ${SERVED} at ${origin}`);
	const external: string[] = [];
	let pages: PageRow[] = [];
	let search: SearchSection | undefined;
	let searchError: string | undefined;
	let lighthouseRows: LighthouseRow[] = [];
	let diagramLabels: string | undefined;
	try {
		const { executablePath, args } = findChromium();
		const browser = await chromium.launch({ executablePath, args: [...args, LOCAL_ONLY] });
		try {
			pages = await measurePages(browser, origin, external);
			try {
				search = await measureSearch(browser, origin, external);
			} catch (error) {
				searchError = (error as Error).message.split('\n')[0];
			}
			const context = await localContext(browser, external);
			diagramLabels = diagramLabelTable(await measureAllDiagrams(await context.newPage(), `${origin}/`));
			await context.close();
		} finally {
			await browser.close();
		}
		lighthouseRows = await runLighthouse(origin);
	} finally {
		server.close();
	}

	for (const { type, path, weight, budget } of pages) {
		if (budget !== undefined) {
			check(`${type} ${path} ≤ ${kb(budget)} (${weight.islands.length ? 'with' : 'without'} islands)`, weight.atLoad <= budget, `${weight.atLoad} B (${kb(weight.atLoad)}) at load`);
		}
	}
	const mermaid = [...pages.flatMap((p) => p.weight.mermaid), ...(search?.mermaid ?? [])];
	check('0 bytes of Mermaid runtime (all pages measured, and search)', mermaid.length === 0, mermaid.length ? mermaid.join(', ') : 'none found');
	check('no request leaves this machine', external.length === 0, external.length ? `${external.length} blocked` : 'none');

	const markdown = report({ build, pages, search, searchError, lighthouse: lighthouseRows, external, diagramLabels });
	writeFileSync(RESULTS, `${markdown}\n`);
	process.stdout.write(`${markdown}\n`);
	log(`wrote ${RESULTS}`);
	const failed = checks.filter((c) => !c.pass && c.gating);
	if (failed.length) log(`FAIL: ${failed.map((c) => c.name).join('; ')}`);
	return failed.length ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		log(error instanceof Error ? (error.stack ?? error.message) : String(error));
		process.exit(1);
	},
);
