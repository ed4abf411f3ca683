// The service worker, bundled into `<base>sw.js` at build time by src/integrations/offline.ts, which fills in
// the three constants below. It precaches the whole build into a cache named after the build's version and
// answers from that cache first. A new build installs beside the old one and waits until the reader asks for it.
import { cacheName, isSkipWaiting, routeRequest, staleCaches } from '../lib/offline.ts';

declare const __OFFLINE_VERSION__: string;
declare const __OFFLINE_BASE__: string;
declare const __OFFLINE_URLS__: string[];

// The project type-checks against the DOM library; these are the few worker types this file needs.
interface ExtendableEvent extends Event {
	waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
	request: Request;
	respondWith(response: Promise<Response>): void;
}
interface MessageEventLike extends ExtendableEvent {
	data: unknown;
}
interface WorkerScope {
	location: Location;
	skipWaiting(): Promise<void>;
	clients: { claim(): Promise<void> };
	addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
	addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
	addEventListener(type: 'message', listener: (event: MessageEventLike) => void): void;
}

const worker = self as unknown as WorkerScope;
const VERSION = __OFFLINE_VERSION__;
const BASE = __OFFLINE_BASE__;
const URLS = new Set(__OFFLINE_URLS__);
const CACHE = cacheName(VERSION);
const NOT_FOUND = `${BASE}404.html`;

worker.addEventListener('install', (event) => {
	// 'no-cache' revalidates with the server, so a stale copy in the HTTP cache cannot slip into a new version.
	// addAll stores all or nothing: a failed download fails the install and the old version stays in charge.
	event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([...URLS].map((url) => new Request(url, { cache: 'no-cache' })))));
});

worker.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((names) => Promise.all(staleCaches(names, VERSION).map((name) => caches.delete(name))))
			.then(() => worker.clients.claim()),
	);
});

worker.addEventListener('message', (event) => {
	if (isSkipWaiting(event.data)) event.waitUntil(worker.skipWaiting());
});

async function fromCache(key: string, request: Request): Promise<Response> {
	const cached = await caches.open(CACHE).then((cache) => cache.match(key));
	return cached ?? fetch(request);
}

async function pageOrOffline(request: Request): Promise<Response> {
	try {
		return await fetch(request);
	} catch {
		const page = await caches.open(CACHE).then((cache) => cache.match(NOT_FOUND));
		if (!page) throw new Error('offline, and the not-found page is not cached');
		return new Response(page.body, { status: 404, headers: page.headers });
	}
}

worker.addEventListener('fetch', (event) => {
	const { request } = event;
	const route = routeRequest(request, worker.location.origin, BASE, URLS);
	if (route.kind === 'cache') event.respondWith(fromCache(route.key, request));
	else if (route.kind === 'page-or-offline') event.respondWith(pageOrOffline(request));
});
