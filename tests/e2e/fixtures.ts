import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** Everything a page did that a reader should never see: console errors and requests that leave this machine. */
interface PageProblems {
	consoleErrors: string[];
	externalRequests: string[];
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Every test gets these checks for free: after the test, the page must have logged no console error,
 * thrown no uncaught exception and requested nothing outside localhost.
 */
export const test = base.extend<{ problems: PageProblems }>({
	problems: [
		async ({ page }, use) => {
			const problems: PageProblems = { consoleErrors: [], externalRequests: [] };
			page.on('console', (msg) => {
				// Failed loads are reported below with their URL; a page's own status is each test's to check.
				if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) problems.consoleErrors.push(msg.text());
			});
			page.on('pageerror', (error) => problems.consoleErrors.push(error.message));
			// A Content-Security-Policy violation is a bug even when Chromium words it as a warning.
			await page.addInitScript(() => {
				document.addEventListener('securitypolicyviolation', (event) => {
					console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`);
				});
			});
			// Name the failing URL: the console only says "Failed to load resource".
			page.on('response', (response) => {
				if (response.status() >= 400 && response.request().resourceType() !== 'document') {
					problems.consoleErrors.push(`${response.status()} for ${response.url()}`);
				}
			});
			// The browser cannot reach other hosts (see playwright.config.ts); any attempt is a defect.
			page.on('request', (request) => {
				const url = new URL(request.url());
				if (url.protocol === 'data:' || url.protocol === 'blob:' || LOCAL_HOSTS.has(url.hostname)) return;
				problems.externalRequests.push(url.href);
			});
			await use(problems);
			expect(problems.externalRequests, 'requests that left localhost').toEqual([]);
			expect(problems.consoleErrors, 'console errors').toEqual([]);
		},
		{ auto: true },
	],
});

export { expect };

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Off by default in axe because it is new; it checks WCAG 2.5.3 Label in Name, which the site meets. */
const EXTRA_RULES = { 'label-content-name-mismatch': { enabled: true } };

/** Which of axe's rules to run: all of WCAG 2.2 AA, all but colour contrast, or colour contrast alone. */
export type AxeRules = 'all' | 'no-contrast' | 'contrast';

/** Runs axe against WCAG 2.2 AA and returns readable violations (empty when the page passes). */
export async function axeViolations(page: Page, include?: string, rules: AxeRules = 'all'): Promise<string[]> {
	// Legacy mode runs axe in the page only; the default also opens a blank page to merge frame
	// results, which costs time and buys nothing on a site without frames.
	// Blocks whose rendering a chapter defers until they near the viewport would leave axe nothing to measure.
	await page.evaluate(() => document.documentElement.classList.add('render-all'));
	let builder = new AxeBuilder({ page }).options({ rules: EXTRA_RULES, resultTypes: ['violations'] }).setLegacyMode(true);
	builder = rules === 'contrast' ? builder.withRules(['color-contrast']) : builder.withTags(WCAG_TAGS);
	if (rules === 'no-contrast') builder = builder.disableRules(['color-contrast']);
	if (include) builder = builder.include(include);
	const { violations } = await builder.analyze();
	return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Opens a chapter, scrolls its demo into view and waits until the island has hydrated. */
export async function openChapterDemo(page: Page, path: string, name: string) {
	await page.goto(path);
	const demo = page.getByRole('region', { name });
	await demo.scrollIntoViewIfNeeded();
	await expect(page.locator('astro-island').filter({ has: demo })).not.toHaveAttribute('ssr');
	return demo;
}

/**
 * Reloads the chapter and waits for the demo to hydrate again: for a test that must start over from
 * the server-rendered state after a step the demo's own controls cannot undo.
 */
export async function reloadChapterDemo(page: Page, name: string) {
	await page.reload();
	const demo = page.getByRole('region', { name });
	await demo.scrollIntoViewIfNeeded();
	await expect(page.locator('astro-island').filter({ has: demo })).not.toHaveAttribute('ssr');
	return demo;
}

/** Switches Starlight's theme the way a reader does, through the theme picker. */
export async function setTheme(page: Page, theme: 'light' | 'dark') {
	await page.getByRole('combobox', { name: 'Select theme' }).first().selectOption(theme);
	await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}
