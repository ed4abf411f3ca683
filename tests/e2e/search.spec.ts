import type { Locator } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { EXPECTED_AMONG_FIRST_THREE, EXPECTED_DEFINITION, EXPECTED_FIRST } from '../support/search-terms.ts';

/** Types a query and waits until the list is the one for this query, not the previous one. */
async function search(dialog: Locator, term: string): Promise<Locator> {
	await dialog.getByRole('textbox').fill(term);
	// Pagefind announces "N results for <term>" once the results for exactly that query are shown.
	await expect(dialog.locator('.pagefind-ui__message')).toContainText(`for ${term}`, { timeout: 20_000 });
	return dialog.locator('.pagefind-ui__result').first().locator('.pagefind-ui__result-link').first();
}

test('the search UI loads on first intent, not at page load, and every term finds its chapter first', async ({ page }) => {
	const searchRequests: string[] = [];
	page.on('request', (request) => {
		if (/\/pagefind\/|ui-core/.test(request.url())) searchRequests.push(request.url());
	});
	await page.goto('');
	await page.waitForLoadState('networkidle');
	expect(searchRequests, 'search code fetched before the reader asked for it').toEqual([]);

	// The name includes the visible shortcut (WCAG 2.5.3).
	const button = page.getByRole('button', { name: 'Search Ctrl K' });
	await button.click();
	const dialog = page.getByRole('dialog');
	await expect(dialog.getByRole('textbox')).toBeFocused({ timeout: 20_000 });

	for (const [term, title] of Object.entries(EXPECTED_FIRST)) {
		await expect(await search(dialog, term), `first result for "${term}"`).toHaveText(title);
	}
	for (const [term, label] of Object.entries(EXPECTED_DEFINITION)) {
		await search(dialog, term);
		await expect(dialog.locator('.search-definition a'), `definition line for "${term}"`).toHaveText(label);
	}
	// Off again for a query that names no glossary term.
	await search(dialog, 'SNI certificates');
	await expect(dialog.locator('.search-definition')).toBeHidden();
	for (const [term, titles] of Object.entries(EXPECTED_AMONG_FIRST_THREE)) {
		await search(dialog, term);
		// Results fill in one by one, so poll until the first three pages have their titles (not their sections).
		const pageTitles = dialog.locator('.pagefind-ui__result > .pagefind-ui__result-inner > .pagefind-ui__result-title > .pagefind-ui__result-link');
		const firstThree = async () => (await pageTitles.allTextContents()).slice(0, 3);
		await expect.poll(firstThree, { message: `first three results for "${term}"` }).toEqual(expect.arrayContaining(titles));
	}
});

test('Ctrl K opens search with the input focused, though nothing was loaded before', async ({ page }) => {
	await page.goto('storage/efs/');
	await page.waitForLoadState('networkidle');
	await page.keyboard.press('Control+k');
	const dialog = page.getByRole('dialog');
	await expect(dialog.getByRole('textbox')).toBeFocused({ timeout: 20_000 });
	await expect(await search(dialog, 'SNI')).toHaveText('Elastic Load Balancing');
});
