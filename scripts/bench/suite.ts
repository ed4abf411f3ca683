// What the test suite costs: one end-to-end run (which builds its own test site), the unit tests and the
// type check, timed. The per-page tests show what each added chapter costs the suite.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { log, ROOT } from './shared.ts';

export interface CommandRun {
	command: string;
	ms: number;
	exitCode: number | null;
}

export interface SpecRow {
	file: string;
	tests: number;
	/** Sum of every attempt's duration, retries included: what the workers spent on this file. */
	ms: number;
}

export interface SuiteSection {
	e2e: CommandRun;
	port: number;
	/** From the start until the web server answers: building the test site and starting its server. */
	serverReadyMs: number | undefined;
	workers: number | undefined;
	stats: { expected: number; unexpected: number; flaky: number; skipped: number } | undefined;
	specs: SpecRow[];
	perPage: { tests: number; meanMs: number } | undefined;
	unit: CommandRun;
	typecheck: CommandRun;
	error?: string;
}

/** A port nobody listens on now, unless TEST_PORT names one: others' test servers keep theirs. */
async function pickPort(): Promise<number> {
	if (process.env.TEST_PORT) return Number(process.env.TEST_PORT);
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

function answers(port: number): Promise<boolean> {
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

function run(command: string, args: string[], env: NodeJS.ProcessEnv, onStart?: (startedAt: number) => void): Promise<CommandRun> {
	const label = [command, ...args].join(' ');
	log(`${label}…`);
	const start = performance.now();
	onStart?.(start);
	return new Promise((resolve) => {
		const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
		const done = (exitCode: number | null) => {
			const ms = Math.round(performance.now() - start);
			log(`${label}: ${ms} ms, exit ${exitCode}`);
			if (exitCode !== 0 && stderr) log(stderr.split('\n').slice(-15).join('\n'));
			resolve({ command: label, ms, exitCode });
		};
		child.on('error', (error) => {
			stderr += error.message;
			done(null);
		});
		child.on('close', done);
	});
}

interface JsonSuite {
	file?: string;
	specs?: { title: string; tests: { results: { duration: number }[] }[] }[];
	suites?: JsonSuite[];
}

interface JsonReport {
	config?: { workers?: number; metadata?: { actualWorkers?: number } };
	stats?: { expected: number; unexpected: number; flaky: number; skipped: number };
	suites?: JsonSuite[];
}

/** Every test with its file and the summed duration of its attempts. */
function testsOf(suites: JsonSuite[], file = ''): { file: string; title: string; ms: number }[] {
	return suites.flatMap((suite) => {
		const here = suite.file ?? file;
		const own = (suite.specs ?? []).flatMap((spec) =>
			spec.tests.map((t) => ({ file: here, title: spec.title, ms: t.results.reduce((sum, r) => sum + r.duration, 0) })),
		);
		return [...own, ...testsOf(suite.suites ?? [], here)];
	});
}

export async function runSuite(): Promise<SuiteSection> {
	const port = await pickPort();
	const dir = mkdtempSync(join(tmpdir(), 'bench-suite-'));
	const jsonFile = join(dir, 'results.json');
	// CI=1: the suite builds its own test site (no reuse of a server someone else started) and retries once.
	const env = { ...process.env, CI: '1', TEST_PORT: String(port), PLAYWRIGHT_JSON_OUTPUT_NAME: jsonFile, NO_COLOR: '1', FORCE_COLOR: '0' };
	let serverReadyMs: number | undefined;
	let polling = true;
	const e2e = await run('npx', ['playwright', 'test', '--reporter=json'], env, (start) => {
		void (async () => {
			while (polling) {
				if (await answers(port)) {
					serverReadyMs = Math.round(performance.now() - start);
					return;
				}
				await new Promise((resolve) => setTimeout(resolve, 500));
			}
		})();
	});
	polling = false;
	const section: SuiteSection = {
		e2e,
		port,
		serverReadyMs,
		workers: undefined,
		stats: undefined,
		specs: [],
		perPage: undefined,
		unit: { command: '', ms: NaN, exitCode: null },
		typecheck: { command: '', ms: NaN, exitCode: null },
	};
	try {
		const report = JSON.parse(readFileSync(jsonFile, 'utf8')) as JsonReport;
		section.workers = report.config?.metadata?.actualWorkers ?? report.config?.workers;
		section.stats = report.stats;
		const tests = testsOf(report.suites ?? []);
		const byFile = new Map<string, SpecRow>();
		for (const t of tests) {
			const file = relative(join(ROOT, 'tests', 'e2e'), join(ROOT, 'tests', 'e2e', t.file));
			const row = byFile.get(file) ?? { file, tests: 0, ms: 0 };
			row.tests++;
			row.ms += t.ms;
			byFile.set(file, row);
		}
		section.specs = [...byFile.values()].sort((a, b) => b.ms - a.ms);
		// The per-page tests are the ones named after a page path; everything else in that file is fixed cost.
		const perPage = tests.filter((t) => t.file.endsWith('pages.spec.ts') && t.title.startsWith('/'));
		if (perPage.length) section.perPage = { tests: perPage.length, meanMs: perPage.reduce((sum, t) => sum + t.ms, 0) / perPage.length };
	} catch (error) {
		section.error = `no JSON report from Playwright: ${(error as Error).message.split('\n')[0]}`;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
	section.unit = await run('npm', ['run', 'test:unit'], process.env);
	section.typecheck = await run('npm', ['run', 'typecheck'], process.env);
	return section;
}
