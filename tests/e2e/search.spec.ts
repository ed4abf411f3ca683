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

for (const [term, title] of Object.entries(EXPECTED_FIRST)) {
	test(`searching "${term}" lists "${title}" first`, async ({ page }) => {
		await page.goto('');
		await page.getByRole('button', { name: 'Search' }).click();
		const dialog = page.getByRole('dialog');
		await dialog.getByRole('textbox').fill(term);
		const first = dialog.locator('.pagefind-ui__result').first();
		// The first link of a result is the page; the ones after it are its matching sections.
		await expect(first.locator('.pagefind-ui__result-link').first()).toHaveText(title);
	});
}
