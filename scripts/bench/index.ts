// Performance benchmark and byte budgets: `npm run bench`
// (options: --skip-build, --no-lighthouse, --lighthouse-runs=N, --heaviest=N, --strict-time, --force, --suite,
// --suite-only).
// Builds the site clean and warm, then measures page weight, search, diagram labels and Lighthouse against
// dist/ served with gzip; with --suite it also times the test suite. Each job is a module in this folder.
// Prints a Markdown report to stdout and writes it to bench-results.md; progress goes to stderr.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from '../../src/integrations/chromium.ts';
import { serveStatic } from '../../tests/support/static-server.ts';
import { kb, KINDS } from '../../tests/support/page-weight.ts';
import { builds, otherAstroBuilds, type BuildSection } from './build.ts';
import { measureDiagrams } from './diagrams.ts';
import { runLighthouse, type LighthouseRow } from './lighthouse.ts';
import { lighthousePages, pageSizes, type PageSize } from './heaviest.ts';
import { measurePages, type PageRow } from './page-weight.ts';
import { measureSearch, type SearchSection } from './search.ts';
import { measureOffline, offlineReport, type OfflineSection } from './offline.ts';
import { checks, check, DIST, ISLAND_BUDGETS, LOCAL_ONLY, log, ROOT, seconds, table, verdict } from './shared.ts';
import { runSuite, type SuiteSection } from './suite.ts';

const RESULTS = join(ROOT, 'bench-results.md');

const argv = new Set(process.argv.slice(2));
/** `--name=N`, a whole number of at least 1, else the default. */
const count = (name: string, fallback: number) => {
	const value = Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]);
	return Number.isInteger(value) && value >= 1 ? value : fallback;
};
const options = {
	/** Lighthouse runs per page; the best is reported. */
	lighthouseRuns: count('lighthouse-runs', 3),
	/** Besides the page types, this many of the heaviest pages by elements and by bytes get Lighthouse. */
	heaviest: count('heaviest', 8),
	skipBuild: argv.has('--skip-build'),
	lighthouse: !argv.has('--no-lighthouse'),
	strictTime: argv.has('--strict-time'),
	force: argv.has('--force'),
	suite: argv.has('--suite') || argv.has('--suite-only'),
	suiteOnly: argv.has('--suite-only'),
};
// With --skip-build, BENCH_DIST may point at a copy of a build, so measuring does not race other builds of dist/.
const SERVED = options.skipBuild && process.env.BENCH_DIST ? process.env.BENCH_DIST : DIST;

// ---------------------------------------------------------------- preflight

// The tests build into dist-test/ and serve it on their own port, so a test server no longer gets in the
// way; another build of this checkout does: it shares the diagram cache, .astro/ and node_modules/.astro.
function preflight(): void {
	if (options.skipBuild && !options.suite) return;
	const builds = otherAstroBuilds();
	if (builds.length === 0) return;
	const message = `  - another astro build is running:\n    ${builds.join('\n    ')}`;
	if (!options.force) {
		log(`refusing to start:\n${message}\nWait for it to finish, or pass --force.`);
		process.exit(2);
	}
	log(`--force given; going on despite:\n${message}`);
}

// ---------------------------------------------------------------- report

const shortUrl = (url: string) => new URL(url).pathname;

interface SiteParts {
	build: BuildSection | undefined;
	pages: PageRow[];
	search: SearchSection | undefined;
	searchError: string | undefined;
	lighthouse: LighthouseRow[];
	sizes: PageSize[];
	external: string[];
	diagramLabels?: string;
	offline?: OfflineSection;
	offlineError?: string;
}

function siteReport(parts: SiteParts): string[] {
	const out: string[] = [];
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
		const ms = (v: number | undefined) => (v === undefined ? 'timed out' : String(v));
		const agrees = (q: (typeof s.queries)[number]) => (q.expected === undefined ? '—' : q.first === q.expected ? 'yes' : '**no**');
		out.push(
			`- Before any intent to search: ${s.bytesBeforeIntent} B of search code or index fetched.`,
			`- Opening search the first time: ${s.open.bytes} B (${kb(s.open.bytes)}) in ${s.open.files} files (${s.open.pagefindBytes} B under /pagefind/, ${s.open.otherBytes} B of UI code and styles); input ready ${s.open.msToInputReady} ms after the click.`,
			`- Under /pagefind/: ${s.bytesAfterCold} B after the first query, ${s.bytesTotal} B (${kb(s.bytesTotal)}) after all ${s.queries.length}.`,
			`- Time to the first result: cold (first query) ${ms(s.coldMs)} ms; median of the next ${s.queries.length - 1}: ${ms(s.warmMedianMs)} ms. Times run from the input event and include Pagefind UI's 300 ms debounce; a query counts only once Pagefind's message names it.`,
			'',
			table(
				['query', 'ms to "… for <query>"', 'ms to first result', 'first result', 'expected (search test)', 'agrees'],
				s.queries.map((q) => [q.term, ms(q.msToMessage), q.msToFirst === undefined ? '—' : q.msToFirst, q.first || (q.msToMessage === undefined ? '(never named this query)' : /^no results/i.test(q.message) ? q.message : '(top result never settled)'), q.expected ?? '—', agrees(q)]),
			),
			'',
		);
	} else {
		out.push(`Search could not be measured: ${parts.searchError}`, '');
	}

	if (parts.offline) out.push(...offlineReport(parts.offline));
	else out.push('## Offline (service worker precache)', '', `Not measured: ${parts.offlineError ?? 'skipped'}`, '');

	out.push('## Diagram labels (smallest font size × on-screen scale, light theme)', '', parts.diagramLabels ?? 'Not measured.', '');

	out.push('## Lighthouse (mobile defaults, simulated throttling)', '');
	const score = (v: number | null | undefined) => (v === null || v === undefined ? '—' : Math.round(v * 100));
	const ms = (v: number | undefined) => (v === undefined ? '—' : `${Math.round(v)} ms`);
	out.push(
		table(
			['page', 'elements', 'performance (runs)', 'accessibility', 'best practices', 'SEO', 'FCP', 'LCP', 'TBT', 'CLS', 'note'],
			parts.lighthouse.map((r) => [
				`${r.type} (${r.path})`,
				r.elements ?? '—',
				`${score(r.scores?.performance)} (${(r.runs ?? []).map((v) => Math.round(v * 100)).join(', ')})`,
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

	out.push(
		`Best of ${options.lighthouseRuns} runs per page: the page types, and the ${options.heaviest} heaviest pages by elements and by HTML bytes.`,
		'',
		'## Elements and HTML bytes per page, most elements first',
		'',
		table(
			['page', 'elements', 'HTML bytes'],
			parts.sizes.map((s) => [s.path, s.elements, s.bytes]),
		),
		'',
	);
	if (parts.external.length) out.push(`Requests that tried to leave this machine (blocked): ${[...new Set(parts.external)].join(', ')}`, '');
	return out;
}

function suiteReport(s: SuiteSection): string[] {
	const out: string[] = ['## Test suite', ''];
	const status = (r: { exitCode: number | null }) => (r.exitCode === 0 ? 'passed' : `exit ${r.exitCode}`);
	const stats = s.stats ? `${s.stats.expected} passed, ${s.stats.unexpected} failed, ${s.stats.flaky} flaky, ${s.stats.skipped} skipped` : '';
	out.push(
		table(
			['run', 'wall time', 'result'],
			[
				[`end-to-end (\`CI=1 npx playwright test\`, ${s.workers ?? '?'} workers, port ${s.port})`, seconds(s.e2e.ms), [status(s.e2e), stats].filter(Boolean).join('; ')],
				['… of which building the test site and starting its server', s.serverReadyMs === undefined ? 'not seen' : seconds(s.serverReadyMs), ''],
				['`npm run test:unit`', seconds(s.unit.ms), status(s.unit)],
				['`npm run typecheck`', seconds(s.typecheck.ms), status(s.typecheck)],
			],
		),
		'',
	);
	if (s.error) out.push(`Per-file figures unavailable: ${s.error}`, '');
	if (s.specs.length) {
		out.push('Test time per spec file (sum of test durations, retries included; workers run them in parallel):', '');
		out.push(table(['spec file', 'tests', 'test time'], s.specs.map((r) => [r.file, r.tests, seconds(r.ms)])), '');
	}
	if (s.perPage) {
		const share = s.workers ? s.perPage.meanMs / s.workers : undefined;
		out.push(
			`- Each additional page adds one per-page test in pages.spec.ts: ${seconds(s.perPage.meanMs)} of test time on average (over ${s.perPage.tests}),` +
				` about ${share === undefined ? '?' : seconds(share)} of wall time with ${s.workers ?? '?'} workers.`,
			'',
		);
	}
	return out;
}

function report(site: SiteParts | undefined, suite: SuiteSection | undefined): string {
	const out: string[] = [];
	const [one, five] = loadavg();
	out.push('# Benchmark results', '');
	out.push(`${new Date().toISOString()} · Node ${process.version} · load average ${one?.toFixed(2)} / ${five?.toFixed(2)} (1 / 5 min)`, '');
	if (site) out.push(...siteReport(site));
	if (suite) out.push(...suiteReport(suite));
	if (checks.length) {
		out.push('## Budgets', '');
		out.push(table(['budget', 'measured', 'result'], checks.map((c) => [c.name + (c.gating ? '' : ' (timing: not gating)'), c.detail, verdict(c.pass)])), '');
	}
	return out.join('\n');
}

// ---------------------------------------------------------------- main

async function measureSite(): Promise<SiteParts> {
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
		throw new Error('dist/ was built under a base path; the bench serves it at /. Run without --skip-build.');
	}

	// Port 0: the system picks a free port, so the bench never takes one a test server uses.
	const server = await serveStatic({ dir: join(SERVED, '/'), base: '/', port: 0 });
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	log(`serving ${SERVED} at ${origin}`);
	const external: string[] = [];
	let pages: PageRow[] = [];
	let search: SearchSection | undefined;
	let searchError: string | undefined;
	let lighthouse: LighthouseRow[] = [];
	let sizes: PageSize[] = [];
	let diagramLabels: string | undefined;
	let offline: OfflineSection | undefined;
	let offlineError: string | undefined;
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
			diagramLabels = await measureDiagrams(browser, origin, external);
			try {
				offline = await measureOffline(browser, origin, external, SERVED);
			} catch (error) {
				offlineError = (error as Error).message.split('\n')[0];
			}
		} finally {
			await browser.close();
		}
		sizes = pageSizes(SERVED);
		lighthouse = await runLighthouse(origin, options.lighthouse, lighthousePages(sizes, options.heaviest), options.lighthouseRuns);
		// Reported with the budgets, but timing-dependent, so not gating.
		for (const r of lighthouse) {
			const performance = r.scores?.performance;
			if (typeof performance === 'number') check(`Lighthouse performance ≥ 98 on ${r.path}`, performance >= 0.98, `${Math.round(performance * 100)}, TBT ${Math.round(r.metrics?.TBT ?? 0)} ms`, false);
		}
	} finally {
		server.close();
	}

	for (const { type, path, weight, budget } of pages) {
		if (budget !== undefined) {
			check(`${type} ${path} ≤ ${kb(budget)} (${weight.islands.length ? 'with' : 'without'} islands)`, weight.atLoad <= budget, `${weight.atLoad} B (${kb(weight.atLoad)}) at load`);
		}
	}
	const islands = new Map(pages.flatMap((p) => p.islandJs.islands).map((island) => [island.name, island]));
	for (const [name, limit] of Object.entries(ISLAND_BUDGETS)) {
		const island = islands.get(name);
		check(`${name} island JavaScript ≤ ${kb(limit)} beyond the runtime`, island !== undefined && island.bytes <= limit, island ? `${island.bytes} B (${kb(island.bytes)})` : 'island not found on the measured pages');
	}
	const mermaid = [...pages.flatMap((p) => p.weight.mermaid), ...(search?.mermaid ?? [])];
	check('0 bytes of Mermaid runtime (all pages measured, and search)', mermaid.length === 0, mermaid.length ? mermaid.join(', ') : 'none found');
	check('no request leaves this machine', external.length === 0, external.length ? `${external.length} blocked` : 'none');
	return { build, pages, search, searchError, lighthouse, sizes, external, diagramLabels, offline, offlineError };
}

async function main(): Promise<number> {
	preflight();
	const site = options.suiteOnly ? undefined : await measureSite();
	// After the site jobs: the suite's own build shares the diagram cache and .astro/ with the bench's builds.
	const suite = options.suite ? await runSuite() : undefined;

	const markdown = report(site, suite);
	writeFileSync(RESULTS, `${markdown}\n`);
	process.stdout.write(`${markdown}\n`);
	log(`wrote ${RESULTS}`);
	const failed = checks.filter((c) => !c.pass && c.gating);
	if (failed.length) log(`FAIL: ${failed.map((c) => c.name).join('; ')}`);
	// A failing suite run is reported in the table; only the budgets decide the exit code.
	return failed.length ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		log(error instanceof Error ? (error.stack ?? error.message) : String(error));
		process.exit(1);
	},
);
