// What offline reading costs: the practice exam page at load, the question bank it downloads, and the service
// worker's precache (every file a reader's browser stores after the first visit).
// Runs inside `npm run bench`, or alone against an existing build: `npx node scripts/bench/offline.ts`.
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { findChromium } from '../../src/integrations/chromium.ts';
import { readPrecache } from '../../src/integrations/offline.ts';
import { fetchEncoded, kb, measurePageWeight } from '../../tests/support/page-weight.ts';
import { serveStatic } from '../../tests/support/static-server.ts';
import { DIST, LOCAL_ONLY, localContext, log, PRACTICE_EXAM, table } from './shared.ts';

// The types a static host compresses (as tests/support/static-server.ts does); Pagefind's files are compressed already.
const COMPRESSED_ON_THE_WIRE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.txt', '.xml', '.webmanifest']);

export interface OfflineSection {
	exam: { status: number; atLoad: number } | undefined;
	bank: { status: number; raw: number; gzip: number };
	precache: { files: number; bytes: number; wireBytes: number; version: string };
}

export async function measureOffline(browser: Browser, origin: string, external: string[], dir: string): Promise<OfflineSection> {
	log('offline: practice exam page, question bank, precache');
	const context = await localContext(browser, external);
	let exam: OfflineSection['exam'];
	try {
		const weight = await measurePageWeight(await context.newPage(), new URL(PRACTICE_EXAM, origin).href);
		exam = { status: weight.status, atLoad: weight.atLoad };
	} finally {
		await context.close();
	}
	const gzip = await fetchEncoded(new URL('question-bank.json', origin).href);
	const precache = readPrecache(dir, '/');
	const wireBytes = precache.entries.reduce((sum, entry) => {
		const path = entry.url === '/' || entry.url.endsWith('/') ? `${entry.url}index.html` : entry.url;
		if (!COMPRESSED_ON_THE_WIRE.has(extname(path))) return sum + entry.bytes;
		return sum + gzipSync(readFileSync(join(dir, path))).length;
	}, 0);
	return {
		exam,
		bank: { status: gzip.status, raw: gzip.body.length, gzip: gzip.bytes },
		precache: { files: precache.entries.length, bytes: precache.bytes, wireBytes, version: precache.version },
	};
}

export function offlineReport(s: OfflineSection): string[] {
	const exam = !s.exam ? 'not measured' : s.exam.status === 200 ? `${s.exam.atLoad} B (${kb(s.exam.atLoad)})` : `not built (status ${s.exam.status})`;
	return [
		'## Offline (service worker precache)',
		'',
		table(
			['what', 'bytes'],
			[
				[`practice exam page ${PRACTICE_EXAM} at load (gzip)`, exam],
				['question bank download, raw', s.bank.status === 200 ? `${s.bank.raw} B (${kb(s.bank.raw)})` : `status ${s.bank.status}`],
				['question bank download, gzip', s.bank.status === 200 ? `${s.bank.gzip} B (${kb(s.bank.gzip)})` : '—'],
				[`precache: ${s.precache.files} files, as stored`, `${s.precache.bytes} B (${kb(s.precache.bytes)})`],
				['precache: downloaded once after the first visit (gzip where a host compresses)', `${s.precache.wireBytes} B (${kb(s.precache.wireBytes)})`],
			],
		),
		'',
		`Precache version ${s.precache.version}.`,
		'',
	];
}

// Alone: measure the existing dist/ (built at the domain root, as the bench builds it).
if (import.meta.url === `file://${process.argv[1]}`) {
	const server = await serveStatic({ dir: join(DIST, '/'), base: '/', port: 0 });
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const { executablePath, args } = findChromium();
	const browser = await chromium.launch({ executablePath, args: [...args, LOCAL_ONLY] });
	try {
		const external: string[] = [];
		process.stdout.write(`${offlineReport(await measureOffline(browser, origin, external, DIST)).join('\n')}\n`);
	} finally {
		await browser.close();
		server.close();
	}
}
