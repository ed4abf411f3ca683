// Measures what a reader's browser downloads for one page: used by the byte-budget test and `npm run bench`.
import { request as httpRequest } from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { Page, Response } from 'playwright-core';

export type Kind = 'html' | 'css' | 'js' | 'image' | 'font' | 'other';
export const KINDS: readonly Kind[] = ['html', 'css', 'js', 'image', 'font', 'other'];

/** Budgets in bytes (1 KB = 1024 bytes), gzip as sent, everything the page loads once islands have hydrated. */
export const BUDGETS = {
	withoutIslands: 70 * 1024,
	withIslands: 90 * 1024,
	mermaidRuntime: 0,
} as const;

/** Code that only Mermaid's runtime contains; inline SVG made at build time has none of it. */
export const MERMAID_SIGNATURE = /mermaidAPI|\bmermaid\.(?:initialize|run|render|parse|contentLoaded)\b/;

export interface Transfer {
	url: string;
	kind: Kind;
	status: number;
	/** Body bytes as the server sends them (gzip when it compresses that type), headers not counted. */
	bytes: number;
	encoding: string;
	contentType: string;
	/** The decoded body, kept for text types only (to read imports and look for Mermaid). */
	text?: string;
}

export interface Island {
	name: string;
	client: string;
	componentUrl: string;
	rendererUrl: string;
	hydrated: boolean;
}

export interface PageWeight {
	url: string;
	status: number;
	transfers: Transfer[];
	byKind: Record<Kind, number>;
	/** Everything fetched once the reader has scrolled through the page and every island has hydrated. */
	total: number;
	/** Bytes fetched at load, before any scrolling: what a reader downloads to see the page (the budgeted figure). */
	atLoad: number;
	atLoadByKind: Record<Kind, number>;
	islands: Island[];
	/** Islands that never hydrated (e.g. client:media that does not match); their JS is not counted. */
	unhydrated: number;
	/** Mermaid diagrams rendered to inline SVG at build time. */
	diagrams: number;
	/** URLs of scripts (or "inline script in <url>") that carry Mermaid's runtime: must stay empty. */
	mermaid: string[];
}

export interface FetchedBody {
	status: number;
	bytes: number;
	encoding: string;
	contentType: string;
	body: Buffer;
}

/** Fetches a URL on this machine the way a browser asks for it (gzip accepted) and counts the bytes on the wire. */
export function fetchEncoded(url: string, acceptEncoding = 'gzip'): Promise<FetchedBody> {
	return new Promise((resolve, reject) => {
		const req = httpRequest(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('error', reject);
			res.on('end', () => {
				const raw = Buffer.concat(chunks);
				const encoding = String(res.headers['content-encoding'] ?? 'identity');
				resolve({
					status: res.statusCode ?? 0,
					bytes: raw.length,
					encoding,
					contentType: String(res.headers['content-type'] ?? ''),
					body: encoding === 'gzip' ? gunzipSync(raw) : raw,
				});
			});
		});
		req.setTimeout(30_000, () => req.destroy(new Error(`timed out fetching ${url}`)));
		req.on('error', reject);
		req.end();
	});
}

export function kindOf(resourceType: string, contentType: string, url: string): Kind {
	if (resourceType === 'document' || contentType.startsWith('text/html')) return 'html';
	if (resourceType === 'stylesheet' || contentType.startsWith('text/css')) return 'css';
	if (resourceType === 'script' || /javascript/.test(contentType) || /\.m?js$/.test(new URL(url).pathname)) return 'js';
	if (resourceType === 'font' || /^font\/|woff2?|opentype|truetype/.test(contentType)) return 'font';
	if (resourceType === 'image' || contentType.startsWith('image/')) return 'image';
	return 'other';
}

const TEXT_TYPE = /^text\/|javascript|json|xml|svg/;

/**
 * Counts the bytes of every response in `responses` (unique URLs: a browser downloads a URL once per load).
 * The count comes from fetching each URL again with `accept-encoding: gzip`, not from the browser's own
 * accounting, so caches, interception and HTTP/1.1 header sizes cannot skew it.
 */
export async function countTransfers(responses: Iterable<{ url: string; resourceType: string }>): Promise<Transfer[]> {
	const seen = new Map<string, string>();
	for (const { url, resourceType } of responses) {
		if (/^https?:/.test(url) && !seen.has(url)) seen.set(url, resourceType);
	}
	const transfers: Transfer[] = [];
	for (const [url, resourceType] of seen) {
		const fetched = await fetchEncoded(url);
		transfers.push({
			url,
			kind: kindOf(resourceType, fetched.contentType, url),
			status: fetched.status,
			bytes: fetched.bytes,
			encoding: fetched.encoding,
			contentType: fetched.contentType,
			text: TEXT_TYPE.test(fetched.contentType) ? fetched.body.toString('utf8') : undefined,
		});
	}
	return transfers;
}

/** Records the responses a page receives from now on; `stop()` detaches the listener. */
export function recordResponses(page: Page) {
	const responses: { url: string; resourceType: string }[] = [];
	const onResponse = (response: Response) => {
		responses.push({ url: response.url(), resourceType: response.request().resourceType() });
	};
	page.on('response', onResponse);
	return { responses, stop: () => page.off('response', onResponse) };
}

/**
 * Brings each island that has not hydrated yet into view, one after another, and waits for it:
 * enough for every `client:visible` island, and far fewer steps than scrolling a long page.
 */
export async function hydrateIslands(page: Page, timeoutMs = 15_000): Promise<void> {
	await page.evaluate(async (timeout) => {
		const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
		const deadline = performance.now() + timeout;
		for (const island of document.querySelectorAll('astro-island[ssr]')) {
			// Islands are display: contents, so scroll to what they render.
			(island.firstElementChild ?? island).scrollIntoView({ block: 'center' });
			while (island.hasAttribute('ssr') && performance.now() < deadline) await frame();
		}
		window.scrollTo(0, 0);
	}, timeoutMs);
}

/**
 * Loads `url` in `page` and counts every byte it fetched twice: at load (network idle, no scrolling; this
 * includes what Starlight prefetches when the browser is idle, such as the search UI), and after scrolling to
 * each island so every `client:visible` island has hydrated.
 */
export async function measurePageWeight(page: Page, url: string, { settleMs = 15_000 } = {}): Promise<PageWeight> {
	const recorder = recordResponses(page);
	const response = await page.goto(url, { waitUntil: 'load' });
	// Starlight fetches its search UI in an idle callback queued at DOMContentLoaded: ours, queued later, runs after it.
	await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => resolve(null), { timeout: 5000 })));
	await page.waitForLoadState('networkidle', { timeout: settleMs }).catch(() => {});
	const loadedUrls = new Set(recorder.responses.map((r) => r.url));
	// Astro removes `ssr` from an island once it has hydrated.
	await hydrateIslands(page, settleMs);
	await page.waitForLoadState('networkidle', { timeout: settleMs }).catch(() => {});
	recorder.stop();

	const islands = await page.$$eval('astro-island', (elements) =>
		elements.map((el) => {
			let name = el.getAttribute('component-export') ?? '';
			try {
				name = (JSON.parse(el.getAttribute('opts') ?? '{}') as { name?: string }).name ?? name;
			} catch {
				// keep the export name
			}
			return {
				name,
				client: el.getAttribute('client') ?? '',
				componentUrl: new URL(el.getAttribute('component-url') ?? '', document.baseURI).href,
				rendererUrl: new URL(el.getAttribute('renderer-url') ?? '', document.baseURI).href,
				hydrated: !el.hasAttribute('ssr'),
			};
		}),
	);
	const diagrams = await page.locator('figure.diagram').count();
	const transfers = await countTransfers(recorder.responses);
	const byKind = Object.fromEntries(KINDS.map((kind) => [kind, 0])) as Record<Kind, number>;
	const atLoadByKind = Object.fromEntries(KINDS.map((kind) => [kind, 0])) as Record<Kind, number>;
	for (const t of transfers) {
		byKind[t.kind] += t.bytes;
		if (loadedUrls.has(t.url)) atLoadByKind[t.kind] += t.bytes;
	}
	return {
		url,
		status: response?.status() ?? 0,
		transfers,
		byKind,
		total: transfers.reduce((sum, t) => sum + t.bytes, 0),
		atLoad: KINDS.reduce((sum, kind) => sum + atLoadByKind[kind], 0),
		atLoadByKind,
		islands,
		unhydrated: islands.filter((island) => !island.hydrated).length,
		diagrams,
		mermaid: mermaidIn(transfers),
	};
}

/** Scripts among `transfers` that carry Mermaid's runtime: by URL, by body, and inline in HTML. */
export function mermaidIn(transfers: Transfer[]): string[] {
	const found: string[] = [];
	for (const t of transfers) {
		if (t.kind === 'js' && (/mermaid/i.test(new URL(t.url).pathname) || MERMAID_SIGNATURE.test(t.text ?? ''))) {
			found.push(t.url);
		}
		if (t.kind === 'html' && t.text) {
			for (const match of t.text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
				if (MERMAID_SIGNATURE.test(match[1] ?? '')) found.push(`inline script in ${t.url}`);
			}
		}
	}
	return found;
}

/** Budget for a page: islands earn 20 KB more for their JS. */
export function budgetFor(weight: Pick<PageWeight, 'islands'>): number {
	return weight.islands.length > 0 ? BUDGETS.withIslands : BUDGETS.withoutIslands;
}

/** Static imports of a bundled ES module (`import … from "x"`, `import "x"`, `export … from "x"`), as absolute URLs. */
export function staticImports(code: string, moduleUrl: string): string[] {
	const urls = new Set<string>();
	for (const match of code.matchAll(/\b(?:import|export)\s*(?:[^"'`();]*?\bfrom\s*)?["']([^"'\s]+)["']/g)) {
		const specifier = match[1] ?? '';
		if (/^(?:\.{0,2}\/|https?:)/.test(specifier)) urls.add(new URL(specifier, moduleUrl).href);
	}
	return [...urls];
}

export interface Chunk {
	url: string;
	bytes: number;
}

/** A module and everything it statically imports (what the browser must load before it runs). */
export async function moduleClosure(entryUrl: string, known: Map<string, Transfer> = new Map()): Promise<Chunk[]> {
	const chunks = new Map<string, Chunk>();
	const queue = [entryUrl];
	while (queue.length > 0) {
		const url = queue.shift() as string;
		if (chunks.has(url)) continue;
		let transfer = known.get(url);
		if (!transfer) {
			const fetched = await fetchEncoded(url);
			transfer = {
				url,
				kind: 'js',
				status: fetched.status,
				bytes: fetched.bytes,
				encoding: fetched.encoding,
				contentType: fetched.contentType,
				text: fetched.body.toString('utf8'),
			};
			known.set(url, transfer);
		}
		chunks.set(url, { url, bytes: transfer.bytes });
		queue.push(...staticImports(transfer.text ?? '', url));
	}
	return [...chunks.values()];
}

export interface IslandJs {
	name: string;
	componentUrl: string;
	/** Chunks this island needs beyond the shared runtime. */
	chunks: Chunk[];
	bytes: number;
}

/** Splits a page's island JS into the shared Preact runtime (the renderer and its imports) and each island's own code. */
export async function islandJs(weight: PageWeight): Promise<{ runtime: Chunk[]; runtimeBytes: number; islands: IslandJs[] }> {
	const known = new Map(weight.transfers.map((t) => [t.url, t]));
	const runtime = new Map<string, Chunk>();
	for (const url of new Set(weight.islands.map((island) => island.rendererUrl))) {
		for (const chunk of await moduleClosure(url, known)) runtime.set(chunk.url, chunk);
	}
	const islands: IslandJs[] = [];
	const seen = new Set<string>();
	for (const island of weight.islands) {
		if (seen.has(island.componentUrl)) continue;
		seen.add(island.componentUrl);
		const chunks = (await moduleClosure(island.componentUrl, known)).filter((chunk) => !runtime.has(chunk.url));
		islands.push({
			name: island.name,
			componentUrl: island.componentUrl,
			chunks,
			bytes: chunks.reduce((sum, c) => sum + c.bytes, 0),
		});
	}
	const runtimeChunks = [...runtime.values()];
	return { runtime: runtimeChunks, runtimeBytes: runtimeChunks.reduce((sum, c) => sum + c.bytes, 0), islands };
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
