import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { isPrecached, normaliseBase, urlForFile } from '../lib/offline.ts';

export interface PrecacheEntry {
	url: string;
	/** First 16 hex digits of the file's SHA-256: any change to the file changes it. */
	hash: string;
	bytes: number;
}

export interface Precache {
	/** Hash of the sorted entry list: a new deployment with any changed, added or removed file gets a new one. */
	version: string;
	entries: PrecacheEntry[];
	bytes: number;
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex').slice(0, 16);

/** Builds the precache list from the built files (paths relative to the output folder, with their contents). */
export function precacheFrom(files: Iterable<{ path: string; content: Buffer }>, base: string): Precache {
	const entries: PrecacheEntry[] = [];
	for (const { path, content } of files) {
		const clean = path.split(sep).join('/');
		if (!isPrecached(clean)) continue;
		entries.push({ url: urlForFile(clean, base), hash: sha256(content), bytes: content.length });
	}
	entries.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
	const version = sha256(entries.map((e) => `${e.url} ${e.hash}`).join('\n'));
	return { version, entries, bytes: entries.reduce((sum, e) => sum + e.bytes, 0) };
}

/** Reads every file of a built site and lists what the service worker precaches. */
export function readPrecache(dir: string, base: string): Precache {
	const files = readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name))
		.map((path) => ({ path: relative(dir, path), content: readFileSync(path) }));
	return precacheFrom(files, base);
}

const WORKER_SOURCE = fileURLToPath(new URL('../offline/service-worker.ts', import.meta.url));

/** The worker's code with this build's list and version filled in: readable, not minified. */
export async function workerCode(precache: Precache, base: string): Promise<string> {
	const result = await build({
		entryPoints: [WORKER_SOURCE],
		bundle: true,
		write: false,
		format: 'iife',
		target: 'es2020',
		legalComments: 'none',
		define: {
			__OFFLINE_VERSION__: JSON.stringify(precache.version),
			__OFFLINE_BASE__: JSON.stringify(normaliseBase(base)),
			__OFFLINE_URLS__: JSON.stringify(precache.entries.map((e) => e.url)),
		},
	});
	const code = result.outputFiles[0]?.text ?? '';
	// The per-file hashes are in the version; listing them keeps a changed file visible in a diff of two builds.
	const header = `// Offline copy of the site, version ${precache.version}: ${precache.entries.length} files, ${precache.bytes} bytes.\n`;
	const list = precache.entries.map((e) => `// ${e.hash} ${e.url}`).join('\n');
	return `${header}${list}\n${code}`;
}

/**
 * Writes `<outDir>/sw.js` after the build (after Pagefind and the HTML rewrites of the other integrations, so it
 * must stay last in the list). `npm run dev` never runs this hook, so no worker exists there.
 */
export function offline(): AstroIntegration {
	let base = '/';
	return {
		name: 'offline',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base;
			},
			'astro:build:done': async ({ dir, logger }) => {
				const out = fileURLToPath(dir);
				const precache = readPrecache(out, base);
				writeFileSync(join(out, 'sw.js'), await workerCode(precache, base));
				logger.info(`sw.js: version ${precache.version}, ${precache.entries.length} files, ${(precache.bytes / 1024 / 1024).toFixed(1)} MB precached`);
			},
		},
	};
}
