import type { Locator } from '@playwright/test';
import { test, expect } from './fixtures.ts';

/** Terms readers type, and the chapter that should come first. */
const EXPECTED_FIRST: Record<string, string> = {
	SNI: 'Elastic Load Balancing',
	bastion: 'SSH on AWS',
	'hosted zone': 'Amazon Route 53',
	'read replica': 'Multi-AZ and read replicas',
	'connection pooling': 'Amazon RDS Proxy',
	'target tracking': 'Auto Scaling groups',
	'instance connect': 'EC2 Instance Connect',
	'cache-aside': 'RDS, Aurora and ElastiCache',
	'mount target': 'Amazon EFS',
};

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
});

test('Ctrl K opens search with the input focused, though nothing was loaded before', async ({ page }) => {
	await page.goto('storage/efs/');
	await page.waitForLoadState('networkidle');
	await page.keyboard.press('Control+k');
	const dialog = page.getByRole('dialog');
	await expect(dialog.getByRole('textbox')).toBeFocused({ timeout: 20_000 });
	await expect(await search(dialog, 'SNI')).toHaveText('Elastic Load Balancing');
});
