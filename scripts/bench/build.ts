// Clean and warm builds: times, pages, the Chromium launches each starts (diagram rendering), and a check
// that the committed diagram cache, moved aside for the clean build, comes back byte for byte.
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
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from '../../src/integrations/chromium.ts';
import { htmlFiles } from '../../src/integrations/html-files.ts';
import { DIST, log, ROOT } from './shared.ts';

const DIAGRAMS = join(ROOT, 'src', 'diagrams');
const ASTRO_BIN = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');

/** Other `astro build` processes on this machine (Linux only): they write the same dist/ and diagram cache. */
export function otherAstroBuilds(): string[] {
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

// ---------------------------------------------------------------- diagram cache

export interface RestoreReport {
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

export interface BuildRun {
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

export interface BuildSection {
	clean: BuildRun;
	warm: BuildRun;
	cache: RestoreReport;
	diagramCount: number;
}

export async function builds(): Promise<BuildSection> {
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

