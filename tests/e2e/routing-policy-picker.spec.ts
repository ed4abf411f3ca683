import type { Locator, Page } from '@playwright/test';
import { test, expect, axeViolations, openChapterDemo, setTheme } from './fixtures.ts';

const PAGE = 'dns/route-53/';
const NAME = 'Route 53 routing policy picker';
const SELECTOR = 'section[data-demo="routing-policy-picker"]';

const openDemo = (page: Page) => openChapterDemo(page, PAGE, NAME);

const live = (demo: Locator) => demo.locator('[aria-live="polite"]');
const record = (demo: Locator, name: string | RegExp) => demo.getByRole('group', { name });
const choose = (demo: Locator, policy: string) => demo.getByLabel('Routing policy').selectOption({ label: policy });

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the server-rendered demo already answers the weighted example', async ({ page }) => {
		await page.goto(PAGE);
		const demo = page.getByRole('region', { name: NAME });
		await expect(live(demo)).toContainText('Answer: 192.0.2.11 (record stable)');
		await expect(live(demo).getByRole('row', { name: /stable/ })).toContainText('70%');
	});
});

test('weighted: 1,000 seeded queries follow the weights and are reproducible', async ({ page }) => {
	const demo = await openDemo(page);
	await demo.getByRole('button', { name: 'Send 1,000 queries' }).click();
	const table = live(demo).getByRole('table');
	await expect(table).toContainText('Got in 1,000 queries');
	await expect(table.getByRole('row', { name: /standby/ })).toContainText('0 (0%)');
	const first = await table.textContent();
	const counts = [...(first ?? '').matchAll(/%(\d+) \(/g)].map((m) => Number(m[1]));
	expect(counts.reduce((a, b) => a + b, 0)).toBe(1000);

	await page.reload();
	await expect(page.locator('astro-island').filter({ has: demo })).not.toHaveAttribute('ssr');
	await demo.getByRole('button', { name: 'Send 1,000 queries' }).click();
	await expect(live(demo).getByRole('table')).toHaveText(first!);
});

test('weighted: unhealthy records are excluded, all-zero weights share equally', async ({ page }) => {
	const demo = await openDemo(page);
	await record(demo, 'Record canary').getByLabel('Health').selectOption('unhealthy');
	await expect(live(demo).getByRole('row', { name: /stable/ })).toContainText('100%');
	await expect(live(demo)).toContainText('Records whose health check fails are left out');

	await record(demo, 'Record canary').getByLabel('Health').selectOption('healthy');
	await record(demo, 'Record stable').getByLabel('Weight (0–255)').fill('0');
	await record(demo, 'Record canary').getByLabel('Weight (0–255)').fill('0');
	await expect(live(demo)).toContainText('All weights are 0');
	await expect(live(demo).getByRole('row', { name: /standby/ })).toContainText('33.3%');
});

test('weighted: records can be added and removed, and bad weights are reported', async ({ page }) => {
	const demo = await openDemo(page);
	await demo.getByRole('button', { name: 'Add record' }).click();
	await expect(record(demo, 'Record extra-1')).toBeVisible();
	await record(demo, 'Record extra-1').getByLabel('Weight (0–255)').fill('256');
	await expect(demo.locator('.demo__error')).toContainText('above the maximum weight of 255');
	await record(demo, 'Record extra-1').getByLabel('Weight (0–255)').fill('1.5');
	await expect(demo.locator('.demo__error')).toContainText('not a whole number');
	await record(demo, 'Record extra-1').getByLabel('Value').fill('not-an-ip');
	await record(demo, 'Record extra-1').getByLabel('Weight (0–255)').fill('5');
	await expect(demo.locator('.demo__error')).toContainText('not an IPv4 address');
	for (const id of ['extra-1', 'stable', 'canary', 'standby']) await demo.getByRole('button', { name: `Remove ${id}` }).click();
	await expect(demo.locator('.demo__error')).toContainText('Add at least one weighted record');
	await expect(demo.getByRole('button', { name: 'Send 1,000 queries' })).toHaveCount(0);
});

test('Remove moves keyboard focus to the next record, then the previous one, then Add record', async ({ page }) => {
	const demo = await openDemo(page);
	await demo.getByRole('button', { name: 'Remove canary' }).focus();
	await page.keyboard.press('Enter');
	await expect(record(demo, 'Record canary')).toHaveCount(0);
	await expect(demo.getByRole('button', { name: 'Remove standby' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(demo.getByRole('button', { name: 'Remove stable' })).toBeFocused();
	await page.keyboard.press('Space');
	await expect(demo.getByRole('button', { name: 'Add record' })).toBeFocused();
});

test('geolocation: an unhealthy Default record is the last fallback, with no larger area after it', async ({ page }) => {
	const demo = await openDemo(page);
	await choose(demo, 'Geolocation');
	await demo.getByLabel('Client location').selectOption({ label: 'Sydney, Australia' });
	await record(demo, /^Default record/).getByLabel('Health').selectOption('unhealthy');
	await expect(live(demo)).toContainText('The Default record fails its health check. It is the last record that can answer');
	await expect(live(demo)).not.toContainText('larger area');
});

test('failover: the secondary answers when the primary health check fails', async ({ page }) => {
	const demo = await openDemo(page);
	await choose(demo, 'Failover');
	await expect(live(demo)).toContainText('Answer: 192.0.2.21 (record primary)');
	await record(demo, /^Primary record/).getByLabel('Health').selectOption('unhealthy');
	await expect(live(demo)).toContainText('Answer: 198.51.100.21 (record secondary)');
	await record(demo, /^Secondary record/).getByLabel('Health').selectOption('unhealthy');
	await expect(live(demo)).toContainText('(record primary)');
	await expect(live(demo)).toContainText('treats both as healthy');
});

test('latency: the lowest-latency healthy Region for the client answers', async ({ page }) => {
	const demo = await openDemo(page);
	await choose(demo, 'Latency');
	await expect(live(demo)).toContainText('(record eu-central-1)');
	await demo.getByLabel('Client location').selectOption({ label: 'Tokyo, Japan' });
	await expect(live(demo)).toContainText('(record ap-northeast-1)');
	await demo.getByLabel('Client location').selectOption({ label: 'Berlin, Germany' });
	await record(demo, /^Record in eu-central-1/).getByLabel('Health').selectOption('unhealthy');
	await expect(live(demo)).toContainText('(record us-east-1)');
	await expect(live(demo)).toContainText('eu-central-1 has lower latency but fails its health check');
});

test('geolocation: most specific match wins; no match and no default gives no answer', async ({ page }) => {
	const demo = await openDemo(page);
	await choose(demo, 'Geolocation');
	await expect(live(demo)).toContainText('(record DE)');
	await demo.getByLabel('Client location').selectOption({ label: 'London, United Kingdom' });
	await expect(live(demo)).toContainText('(record EU)');
	await demo.getByLabel('Client location').selectOption({ label: 'Sydney, Australia' });
	await expect(live(demo)).toContainText('(record *)');
	await record(demo, /^Default record/).getByLabel('Include').uncheck();
	await expect(live(demo)).toContainText('No answer: NOERROR with no records');
	await expect(demo.locator('.demo__result')).toHaveAttribute('data-verdict', 'deny');
});

test('simple: all values come back, in random order; bad values are reported', async ({ page }) => {
	const demo = await openDemo(page);
	await choose(demo, 'Simple');
	const values = demo.getByLabel(/^Values of the simple record/);
	await expect(live(demo)).toContainText(/Answer: (192\.0\.2\.\d, ){2}192\.0\.2\.\d/);
	await demo.getByRole('button', { name: 'Send another query' }).click();
	await expect(live(demo)).toContainText('cannot have health checks');
	await values.fill('192.0.2.1, www.example.com');
	await expect(demo.locator('.demo__error')).toContainText('is not an IPv4 address');
	await values.fill('');
	await expect(demo.locator('.demo__error')).toContainText('needs at least one value');
});

test('the picker works from the keyboard', async ({ page }) => {
	const demo = await openDemo(page);
	const policy = demo.getByLabel('Routing policy');
	await policy.focus();
	await page.keyboard.press('ArrowDown');
	await expect(policy).toHaveValue('failover');
	await demo.getByRole('button', { name: 'Send another query' }).waitFor({ state: 'detached' });
	await choose(demo, 'Weighted');
	await demo.getByRole('button', { name: 'Send 1,000 queries' }).focus();
	await page.keyboard.press('Enter');
	await expect(live(demo).getByRole('table')).toContainText('Got in 1,000 queries');
});

for (const theme of ['light', 'dark'] as const) {
	test(`no WCAG 2.2 AA violations in the ${theme} theme`, async ({ page }) => {
		const demo = await openDemo(page);
		await setTheme(page, theme);
		await demo.getByRole('button', { name: 'Send 1,000 queries' }).click();
		expect(await axeViolations(page, SELECTOR)).toEqual([]);
		await choose(demo, 'Geolocation');
		await record(demo, /^Default record/).getByLabel('Include').uncheck();
		await demo.getByLabel('Client location').selectOption({ label: 'Sydney, Australia' });
		expect(await axeViolations(page, SELECTOR)).toEqual([]);
	});
}
