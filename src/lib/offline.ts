// Pure logic of offline reading, shared by the service worker, the page that registers it and the build step
// that lists the files to precache. Nothing here touches a browser or the file system.

/** Every cache this site creates starts with this, so activation can find and delete older versions. */
export const CACHE_PREFIX = 'dva-notes-offline-';

/** One cache per deployment: a page served from it only ever loads assets of the same build. */
export function cacheName(version: string): string {
	return `${CACHE_PREFIX}${version}`;
}

/** The caches to delete once `version` is active: this site's older versions, never another app's caches. */
export function staleCaches(names: readonly unknown[], version: string): string[] {
	if (!Array.isArray(names)) return [];
	const current = cacheName(version);
	return names.filter((name): name is string => typeof name === 'string' && name.startsWith(CACHE_PREFIX) && name !== current);
}

/** `/aws-notes`, `aws-notes/` and `/aws-notes/` all mean `/aws-notes/`; anything empty means `/`. */
export function normaliseBase(base: string): string {
	const trimmed = String(base ?? '').trim().replace(/^\/+|\/+$/g, '');
	return trimmed ? `/${trimmed}/` : '/';
}

// Files a reader never fetches: the worker itself (browsers fetch it around every cache), source maps, host
// configuration, and the social card, which only link-preview crawlers load.
const NEVER_PRECACHED = [/^sw\.js$/, /\.map$/, /(^|\/)\./, /^_headers$/, /^_redirects$/, /^social-card\.png$/];

/** Whether a built file (path relative to the output folder, `/` separated) belongs in the precache. */
export function isPrecached(path: string): boolean {
	return path !== '' && !NEVER_PRECACHED.some((pattern) => pattern.test(path));
}

/** The URL a reader uses for a built file: `storage/efs/index.html` is `<base>storage/efs/`. */
export function urlForFile(path: string, base: string): string {
	const clean = path.split('\\').join('/').replace(/^\/+/, '');
	const page = clean === 'index.html' ? '' : clean.replace(/\/index\.html$/, '/');
	return `${normaliseBase(base)}${page}`;
}

/**
 * The precache key for a request path, or undefined when the site did not build it. Query strings are dropped
 * (Pagefind adds a time stamp to its entry file), and `/storage/efs` finds `/storage/efs/`.
 */
export function precacheKey(pathname: string, urls: ReadonlySet<string>): string | undefined {
	if (typeof pathname !== 'string') return undefined;
	let path: string;
	try {
		path = decodeURI(pathname.split(/[?#]/)[0] ?? '');
	} catch {
		return undefined;
	}
	if (urls.has(path)) return path;
	if (!path.endsWith('/') && urls.has(`${path}/`)) return `${path}/`;
	return undefined;
}

/** What the worker does with a request: answer from the cache, try the network then the cache's 404 page, or stay out of it. */
export type Route = { kind: 'cache'; key: string } | { kind: 'page-or-offline' } | { kind: 'pass' };

export interface RequestFacts {
	url: string;
	method: string;
	/** `navigate` for a page load. */
	mode: string;
}

export function routeRequest(request: RequestFacts, origin: string, base: string, urls: ReadonlySet<string>): Route {
	if (request.method !== 'GET') return { kind: 'pass' };
	let url: URL;
	try {
		url = new URL(request.url);
	} catch {
		return { kind: 'pass' };
	}
	if (url.origin !== origin || !url.pathname.startsWith(normaliseBase(base))) return { kind: 'pass' };
	const key = precacheKey(url.pathname, urls);
	if (key) return { kind: 'cache', key };
	return request.mode === 'navigate' ? { kind: 'page-or-offline' } : { kind: 'pass' };
}

/** The one message a page may send the worker: the reader chose to switch to the new version. */
export const SKIP_WAITING = 'dva-notes:skip-waiting';

export function isSkipWaiting(data: unknown): boolean {
	return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === SKIP_WAITING;
}

/**
 * Whether to tell the reader a new version is ready: a worker waits to take over from one that already controls
 * the page. On a first visit nothing controls the page yet, and there is nothing to replace.
 */
export function updateReady(state: { controlled: boolean; waiting: boolean }): boolean {
	return state.controlled && state.waiting;
}
