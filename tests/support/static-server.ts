import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { pipeline } from 'node:stream';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.xml': 'application/xml',
	'.wasm': 'application/wasm',
	'.webmanifest': 'application/manifest+json',
};
// Pagefind's index files are already compressed; compressing them again wastes time.
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.txt', '.xml', '.webmanifest']);

export interface ServeOptions {
	dir: string;
	/** The site's base path, e.g. `/aws-notes/`; requests outside it get the 404 page. */
	base: string;
	port: number;
}

/**
 * Each file is compressed once per version, as a host's cache would: the tests fetch the same pages and scripts
 * hundreds of times, and compressing them again every time is CPU the browsers under test need.
 */
const compressed = new Map<string, { mtimeMs: number; size: number; body: Buffer }>();
function gzipped(file: string): Buffer {
	const { mtimeMs, size } = statSync(file);
	const cached = compressed.get(file);
	if (cached && cached.mtimeMs === mtimeMs && cached.size === size) return cached.body;
	const body = gzipSync(readFileSync(file));
	compressed.set(file, { mtimeMs, size, body });
	return body;
}

/** Serves a static build the way a static host does: gzip, directory indexes, the 404 page with status 404. */
export function serveStatic({ dir, base, port }: ServeOptions): Promise<Server> {
	const prefix = base.endsWith('/') ? base : `${base}/`;
	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		let file: string | undefined;
		let pathname = decodeURIComponent(url.pathname);
		if (pathname === prefix.slice(0, -1)) pathname = prefix;
		if (pathname.startsWith(prefix)) {
			const candidate = normalize(join(dir, pathname.slice(prefix.length)));
			if (candidate.startsWith(normalize(dir))) {
				if (existsSync(candidate) && statSync(candidate).isDirectory()) {
					if (!pathname.endsWith('/')) {
						res.writeHead(301, { location: `${pathname}/` }).end();
						return;
					}
					file = join(candidate, 'index.html');
				} else {
					file = candidate;
				}
			}
		}
		let status = 200;
		if (!file || !existsSync(file)) {
			status = 404;
			file = join(dir, '404.html');
		}
		const type = extname(file);
		const headers: Record<string, string> = {
			'content-type': TYPES[type] ?? 'application/octet-stream',
			'x-content-type-options': 'nosniff',
			'referrer-policy': 'strict-origin-when-cross-origin',
		};
		const gzip = COMPRESSIBLE.has(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
		if (gzip) headers['content-encoding'] = 'gzip';
		res.writeHead(status, headers);
		if (req.method === 'HEAD') {
			res.end();
			return;
		}
		if (gzip) res.end(gzipped(file));
		else pipeline(createReadStream(file), res, () => {});
	});
	return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
