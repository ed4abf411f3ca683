// Starlight starts the Pagefind search UI as soon as the browser is idle, which is most of the
// script work on a long chapter. Its component imports '@pagefind/default-ui'; astro.config.mjs
// points that name here, so the real UI is fetched and started only when a reader shows intent
// to search: pointing at, focusing or pressing the search button, or pressing Ctrl/⌘ K.

type Options = Record<string, unknown> & { element: string };

const SEARCH_BUTTON = 'button[data-open-modal]';
const INTENT_EVENTS = ['pointerenter', 'pointerdown', 'focus', 'click', 'touchstart'] as const;

export class PagefindUI {
	constructor(options: Options) {
		let started = false;
		const button = document.querySelector<HTMLButtonElement>(SEARCH_BUTTON);
		const start = async () => {
			if (started) return;
			started = true;
			for (const type of INTENT_EVENTS) button?.removeEventListener(type, start);
			window.removeEventListener('keydown', onKey, true);
			// A path the alias does not match, so this is the real package.
			const real = await import('@pagefind/default-ui/npm_dist/mjs/ui-core.mjs');
			// Pagefind deletes the options it reads, element included.
			const { element } = options;
			new real.PagefindUI(options);
			focusWhenReady(element);
		};
		const onKey = (event: KeyboardEvent) => {
			if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 'k') void start();
		};
		// This runs at idle time: a reader who already opened search is waiting for it.
		if (document.querySelector(options.element)?.closest('dialog')?.open) void start();
		for (const type of INTENT_EVENTS) button?.addEventListener(type, start, { passive: true });
		window.addEventListener('keydown', onKey, true);
		// Starlight swaps "Ctrl" for "⌘" on Apple devices: keep the spoken name matching the visible one.
		if (button) button.setAttribute('aria-label', visibleLabel(button));
	}
}

/** The dialog may have opened before the UI existed: give its input focus once it is drawn. */
function focusWhenReady(selector: string, framesLeft = 60) {
	const dialog = document.querySelector(selector)?.closest('dialog');
	if (!dialog?.open) return;
	const input = dialog.querySelector<HTMLInputElement>('input');
	if (input) input.focus();
	else if (framesLeft > 0) requestAnimationFrame(() => focusWhenReady(selector, framesLeft - 1));
}

/** "Search Ctrl K" or "Search ⌘ K": what the button shows, for its accessible name (WCAG 2.5.3). */
export function visibleLabel(button: HTMLElement): string {
	const keys = [...button.querySelectorAll('kbd kbd')].map((k) => k.textContent?.trim()).filter(Boolean);
	return ['Search', ...keys].join(' ');
}
