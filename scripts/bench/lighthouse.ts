// Lighthouse with its mobile defaults: category scores and FCP, LCP, TBT and CLS, the best of a few runs per page.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from '../../src/integrations/chromium.ts';
import { LOCAL_ONLY, log } from './shared.ts';

export interface LighthouseRow {
	type: string;
	path: string;
	elements?: number;
	/** Performance scores of every run; the row's other figures are those of the best run. */
	runs?: number[];
	error?: string;
	scores?: Record<string, number | null>;
	metrics?: Record<string, number | undefined>;
}

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
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

export async function runLighthouse(
	origin: string,
	enabled: boolean,
	pages: readonly { type: string; path: string; elements?: number }[],
	runs = 3,
): Promise<LighthouseRow[]> {
	const failAll = (error: string) => pages.map(({ type, path, elements }) => ({ type, path, elements, error }));
	if (!enabled) return failAll('skipped (--no-lighthouse)');
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
		for (const { type, path, elements } of pages) {
			const best: LighthouseRow = { type, path, elements, runs: [] };
			for (let run = 1; run <= runs; run += 1) {
				log(`lighthouse: ${path} (run ${run} of ${runs})`);
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
					const performance = lhr.categories.performance?.score ?? 0;
					best.runs!.push(performance);
					if (best.scores && (best.scores.performance ?? 0) >= performance) continue;
					best.error = lhr.runtimeError?.message;
					best.scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score ?? null]));
					best.metrics = Object.fromEntries(Object.entries(METRICS).map(([name, id]) => [name, lhr.audits[id]?.numericValue]));
				} catch (error) {
					best.error ??= (error as Error).message.split('\n')[0];
				}
			}
			rows.push(best);
		}
	} finally {
		await browser.stop();
	}
	return rows;
}

