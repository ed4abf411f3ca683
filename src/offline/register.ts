// Registers the service worker once the page has loaded, and tells the reader when a new version of the site
// has been downloaded. The reader chooses when to switch: nothing reloads on its own.
import { SKIP_WAITING, normaliseBase, updateReady } from '../lib/offline.ts';

function offerUpdate(registration: ServiceWorkerRegistration, notice: HTMLElement): void {
	const waiting = registration.waiting;
	if (!updateReady({ controlled: Boolean(navigator.serviceWorker.controller), waiting: Boolean(waiting) }) || !waiting) return;
	const panel = notice.querySelector<HTMLElement>('.offline-update');
	const reload = notice.querySelector<HTMLButtonElement>('[data-offline-reload]');
	const later = notice.querySelector<HTMLButtonElement>('[data-offline-later]');
	if (!panel || !reload || !later) return;
	panel.hidden = false;
	reload.onclick = () => {
		// Another tab already switched: the new version controls this page too.
		if (waiting.state === 'activated' || waiting.state === 'redundant') return location.reload();
		// Reload only once the new worker controls this page, so the reloaded page comes from the new cache.
		navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
		waiting.postMessage({ type: SKIP_WAITING });
	};
	later.onclick = () => {
		panel.hidden = true;
	};
}

async function register(): Promise<void> {
	const notice = document.querySelector<HTMLElement>('[data-offline-update]');
	const base = normaliseBase(import.meta.env.BASE_URL);
	// Blocked (private modes, some test browsers) or unsupported: the site still works online.
	const registration = await navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch(() => undefined);
	if (!registration || !notice) return;
	offerUpdate(registration, notice);
	registration.addEventListener('updatefound', () => {
		const installing = registration.installing;
		installing?.addEventListener('statechange', () => {
			if (installing.state === 'installed') offerUpdate(registration, notice);
		});
	});
}

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
	// After load, so the worker's downloads never compete with the page's own.
	if (document.readyState === 'complete') void register();
	else addEventListener('load', () => void register(), { once: true });
}
