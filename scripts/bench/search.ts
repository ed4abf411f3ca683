// Pagefind search as a reader meets it: the UI loads on the first intent to search, so opening it is
// measured apart from the queries. A query's figures are read only once Pagefind's message names that
// query ("N results for <term>"), and its first result only once the top slot shows the page the index
// ranks first: until then the list on screen may still hold the previous query's titles.
import type { Browser } from 'playwright-core';
import { countTransfers, mermaidIn, recordResponses } from '../../tests/support/page-weight.ts';
import { EXPECTED_FIRST } from '../../tests/support/search-terms.ts';
import { localContext, log, median } from './shared.ts';

// The terms the search test asserts, then a few more that are timed and shown without an expectation.
export const SEARCH_TERMS = [...Object.keys(EXPECTED_FIRST), 'TTL', 'security group', 'alias record'];

export interface QueryRow {
	term: string;
	/** From the input event to the message naming this term; undefined when it never did. */
	msToMessage: number | undefined;
	/** Until the top slot shows the page the index ranks first; undefined when it never did (or no results). */
	msToFirst: number | undefined;
	message: string;
	first: string;
	expected: string | undefined;
}

export interface SearchSection {
	/** Bytes of search code and index fetched before any intent to search: should be none. */
	bytesBeforeIntent: number;
	/** Fetched from the click until the network is idle again, split into Pagefind's files and the rest (the UI's JS and CSS). */
	open: { bytes: number; pagefindBytes: number; otherBytes: number; files: number; msToInputReady: number };
	bytesAfterCold: number;
	bytesTotal: number;
	queries: QueryRow[];
	coldMs: number | undefined;
	warmMedianMs: number | undefined;
	mermaid: string[];
}

const isSearchFile = (url: string) => /\/pagefind\/|ui-core/.test(new URL(url).pathname);
const isPagefind = (url: string) => new URL(url).pathname.startsWith('/pagefind/');

export async function measureSearch(browser: Browser, origin: string, external: string[]): Promise<SearchSection> {
	log('search');
	const context = await localContext(browser, external);
	try {
		const page = await context.newPage();
		const recorder = recordResponses(page);
		await page.goto(new URL('/', origin).href, { waitUntil: 'load' });
		await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
		const bytesOf = async (list: typeof recorder.responses) => (await countTransfers(list)).reduce((sum, t) => sum + t.bytes, 0);
		const bytesBeforeIntent = await bytesOf(recorder.responses.filter((r) => isSearchFile(r.url)));

		// Opening: timed in the page from the click to the input drawn and focused, ready for typing.
		const openStart = recorder.responses.length;
		const button = page.getByRole('button', { name: /^Search/ });
		await button.evaluate((el) => el.addEventListener('click', () => ((window as unknown as { openAt: number }).openAt = performance.now()), { once: true, capture: true }));
		await button.click();
		const ready = await page.waitForFunction(
			() => {
				const input = document.activeElement;
				return input instanceof HTMLInputElement && input.closest('dialog[open]') ? performance.now() - (window as unknown as { openAt: number }).openAt : 0;
			},
			undefined,
			{ timeout: 30_000, polling: 'raf' },
		);
		const msToInputReady = Math.round((await ready.jsonValue()) as number);
		await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
		const opened = await countTransfers(recorder.responses.slice(openStart));
		const pagefindBytes = opened.filter((t) => isPagefind(t.url)).reduce((sum, t) => sum + t.bytes, 0);
		const openBytes = opened.reduce((sum, t) => sum + t.bytes, 0);

		const searchbox = page.getByRole('dialog').getByRole('textbox');
		const marks: number[] = [];
		const rows: { term: string; msToMessage: number | undefined; message: string; shown: { ms: number; href: string; title: string }[] }[] = [];
		for (const term of SEARCH_TERMS) {
			const row = await searchbox.evaluate(async (input, term) => {
				const box = input as HTMLInputElement;
				const root = box.closest('dialog') ?? document.body;
				const until = (done: () => boolean, timeout: number) =>
					new Promise<boolean>((resolve) => {
						if (done()) return resolve(true);
						const observer = new MutationObserver(() => {
							if (!done()) return;
							observer.disconnect();
							clearTimeout(timer);
							resolve(true);
						});
						const timer = setTimeout(() => {
							observer.disconnect();
							resolve(done());
						}, timeout);
						observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
					});
				const message = () => root.querySelector('.pagefind-ui__message')?.textContent?.trim() ?? '';
				const topLink = () => root.querySelector<HTMLAnchorElement>('.pagefind-ui__result .pagefind-ui__result-link');
				const type = (value: string) => {
					box.value = value;
					box.dispatchEvent(new Event('input', { bubbles: true }));
				};
				// An empty query clears the message, so the next one cannot be matched by a stale one.
				type('');
				await until(() => !message(), 5_000);
				const start = performance.now();
				type(term);
				// "N results for <term>" or "No results for <term>": the list below now belongs to this query.
				const named = await until(() => message().endsWith(`for ${term}`), 20_000);
				const msToMessage = named ? Math.round(performance.now() - start) : undefined;
				// Pagefind reuses each result's element and keeps the previous query's title in it until the
				// new result's data has loaded: record every title the top slot shows until it settles, and
				// decide afterwards which one is this query's.
				const shown: { ms: number; href: string; title: string }[] = [];
				const note = () => {
					const link = topLink();
					const entry = { ms: Math.round(performance.now() - start), href: link?.href ?? '', title: link?.textContent?.trim() ?? '' };
					const last = shown[shown.length - 1];
					if (!last || last.href !== entry.href || last.title !== entry.title) shown.push(entry);
				};
				if (named) {
					note();
					await new Promise<void>((resolve) => {
						let quiet = setTimeout(finish, 750);
						const cap = setTimeout(finish, 8_000);
						const observer = new MutationObserver(() => {
							note();
							clearTimeout(quiet);
							quiet = setTimeout(finish, 750);
						});
						function finish() {
							observer.disconnect();
							clearTimeout(quiet);
							clearTimeout(cap);
							resolve();
						}
						observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
					});
				}
				return { term, msToMessage, message: message(), shown };
			}, term);
			rows.push(row);
			marks.push(recorder.responses.length);
		}
		// What the index ranks first for each term, asked after the timed queries so it cannot warm them: the
		// same Pagefind module the UI loaded, with the options the UI gave it.
		const truth = await page.evaluate(async (terms) => {
			const script = performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname.endsWith('/pagefind/pagefind.js'));
			if (!script) return null;
			type Pagefind = { search: (term: string) => Promise<{ results: { data: () => Promise<{ url: string }> }[] }> };
			const pagefind = (await import(script.name)) as Pagefind;
			const urls: (string | null)[] = [];
			for (const term of terms) {
				const found = (await pagefind.search(term)).results[0];
				urls.push(found ? new URL((await found.data()).url, location.href).pathname : null);
			}
			return urls;
		}, SEARCH_TERMS);
		const samePage = (a: string, b: string) => a.replace(/(?:\/|\.html|\/index\.html)$/, '') === b.replace(/(?:\/|\.html|\/index\.html)$/, '');
		const queries: QueryRow[] = rows.map((row, i) => {
			const want = truth?.[i];
			const match = want ? row.shown.find((s) => s.href && samePage(new URL(s.href).pathname, want)) : undefined;
			return {
				term: row.term,
				msToMessage: row.msToMessage,
				msToFirst: match?.ms,
				message: row.message,
				first: match?.title ?? '',
				expected: EXPECTED_FIRST[row.term],
			};
		});
		await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
		recorder.stop();
		const pagefindUpTo = (end: number) => recorder.responses.slice(0, end).filter((r) => isPagefind(r.url));
		const all = await countTransfers(recorder.responses);
		const timed = (q: QueryRow) => q.msToFirst ?? q.msToMessage;
		const warm = queries.slice(1).map(timed).filter((ms): ms is number => ms !== undefined);
		return {
			bytesBeforeIntent,
			open: { bytes: openBytes, pagefindBytes, otherBytes: openBytes - pagefindBytes, files: opened.length, msToInputReady },
			bytesAfterCold: await bytesOf(pagefindUpTo(marks[0] ?? 0)),
			bytesTotal: await bytesOf(pagefindUpTo(recorder.responses.length)),
			queries,
			coldMs: queries[0] ? timed(queries[0]) : undefined,
			warmMedianMs: warm.length ? median(warm) : undefined,
			mermaid: mermaidIn(all),
		};
	} finally {
		await context.close();
	}
}
