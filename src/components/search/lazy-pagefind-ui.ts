// Starlight starts the Pagefind search UI as soon as the browser is idle, which is most of the
// script work on a long chapter. Its component imports '@pagefind/default-ui'; astro.config.mjs
// points that name here, so the real UI is fetched and started only when a reader shows intent
// to search: pointing at, focusing or pressing the search button, or pressing Ctrl/⌘ K.

import { correctQuery } from '../../lib/search/typo.ts';
import { definitionFor, type Definition } from '../../lib/search/defined-terms.ts';

type Options = Record<string, unknown> & { element: string; processTerm?: (term: string) => string };

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
			const [real, { words, definitions }] = await Promise.all([import('@pagefind/default-ui/npm_dist/mjs/ui-core.mjs'), siteVocabulary()]);
			if (words.size) options.processTerm = (term) => correctQuery(term, words);
			// Pagefind deletes the options it reads, element included.
			const { element } = options;
			new real.PagefindUI(options);
			focusWhenReady(element);
			if (definitions.length) showDefinitions(element, definitions);
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

const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '');

/** The site's words and glossary; without them (offline before a first visit, say) search still works. */
async function siteVocabulary(): Promise<{ words: Set<string>; definitions: Definition[] }> {
	try {
		const response = await fetch(`${BASE}/search-vocabulary.json`);
		const data = (response.ok ? await response.json() : {}) as { words?: unknown; definitions?: unknown };
		const words = Array.isArray(data.words) ? data.words.filter((w): w is string => typeof w === 'string') : [];
		const definitions = Array.isArray(data.definitions) ? (data.definitions as Definition[]).filter((d) => typeof d?.href === 'string' && Array.isArray(d.terms)) : [];
		return { words: new Set(words), definitions };
	} catch {
		return { words: new Set(), definitions: [] };
	}
}

/**
 * Pagefind ranks words, not phrases: a chapter that says "target tracking" and "Auto Scaling group" can outrank the one
 * that explains target groups. When the query names a glossary term, a line above the results links to the section
 * that explains it.
 */
function showDefinitions(selector: string, definitions: readonly Definition[], framesLeft = 120) {
	const input = document.querySelector(selector)?.querySelector<HTMLInputElement>('input');
	const form = input?.closest('form');
	if (!input || !form) {
		if (framesLeft > 0) requestAnimationFrame(() => showDefinitions(selector, definitions, framesLeft - 1));
		return;
	}
	const line = document.createElement('p');
	line.className = 'search-definition';
	line.hidden = true;
	form.after(line);
	const update = () => {
		const found = definitionFor(input.value, definitions);
		line.hidden = !found;
		if (!found) return line.replaceChildren();
		const link = document.createElement('a');
		link.href = `${BASE}${found.href}`;
		link.textContent = found.label;
		line.replaceChildren(`${found.terms[0]} is explained in `, link);
	};
	input.addEventListener('input', update);
	update();
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
