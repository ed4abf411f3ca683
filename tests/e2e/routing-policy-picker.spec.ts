import type { Locator } from '@playwright/test';
import { test, expect, axeViolations, openChapterDemo, reloadChapterDemo, setTheme } from './fixtures.ts';

const PAGE = 'dns/route-53/';
const NAME = 'Route 53 routing policy picker';
const SELECTOR = 'section[data-demo="routing-policy-picker"]';

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

// One page load walks the policies. Each step undoes its edits through the demo's controls (the
// records and the client location are shared by the policies) and goes back to Weighted, so the next
// step starts where a fresh load would. Removing the example records cannot be undone, so those
// steps come last, after a reload.
test('answers each routing policy, reports bad values, works by keyboard and passes axe', async ({ page }) => {
	// Several full axe runs on a long chapter take a while on a busy machine.
	test.slow();
	let demo = await openChapterDemo(page, PAGE, NAME);
	const location = () => demo.getByLabel('Client location');
	const backToWeighted = async () => {
		await choose(demo, 'Weighted');
		await expect(demo.getByLabel('Routing policy')).toHaveValue('weighted');
		await expect(demo.locator('.demo__error')).toHaveCount(0);
		await expect(live(demo)).toContainText('Answer:');
	};

	await test.step('weighted: unhealthy records are excluded, all-zero weights share equally', async () => {
		const weights = {
			stable: await record(demo, 'Record stable').getByLabel('Weight (0–255)').inputValue(),
			canary: await record(demo, 'Record canary').getByLabel('Weight (0–255)').inputValue(),
		};
		await record(demo, 'Record canary').getByLabel('Health').selectOption('unhealthy');
		await expect(live(demo).getByRole('row', { name: /stable/ })).toContainText('100%');
		await expect(live(demo)).toContainText('Records whose health check fails are left out');

		await record(demo, 'Record canary').getByLabel('Health').selectOption('healthy');
		await record(demo, 'Record stable').getByLabel('Weight (0–255)').fill('0');
		await record(demo, 'Record canary').getByLabel('Weight (0–255)').fill('0');
		await expect(live(demo)).toContainText('All weights are 0');
		await expect(live(demo).getByRole('row', { name: /standby/ })).toContainText('33.3%');

		await record(demo, 'Record stable').getByLabel('Weight (0–255)').fill(weights.stable);
		await record(demo, 'Record canary').getByLabel('Weight (0–255)').fill(weights.canary);
		await expect(live(demo).getByRole('row', { name: /stable/ })).toContainText('70%');
	});

	await test.step('geolocation: an unhealthy Default record is the last fallback, with no larger area after it', async () => {
		await choose(demo, 'Geolocation');
		await location().selectOption({ label: 'Sydney, Australia' });
		await record(demo, /^Default record/).getByLabel('Health').selectOption('unhealthy');
		await expect(live(demo)).toContainText('The Default record fails its health check. It is the last record that can answer');
		await expect(live(demo)).not.toContainText('larger area');
		await record(demo, /^Default record/).getByLabel('Health').selectOption('healthy');
		await location().selectOption({ label: 'Berlin, Germany' });
		await backToWeighted();
	});

	await test.step('failover: the secondary answers when the primary health check fails', async () => {
		await choose(demo, 'Failover');
		await expect(live(demo)).toContainText('Answer: 192.0.2.21 (record primary)');
		await record(demo, /^Primary record/).getByLabel('Health').selectOption('unhealthy');
		await expect(live(demo)).toContainText('Answer: 198.51.100.21 (record secondary)');
		await record(demo, /^Secondary record/).getByLabel('Health').selectOption('unhealthy');
		await expect(live(demo)).toContainText('(record primary)');
		await expect(live(demo)).toContainText('treats both as healthy');
		await record(demo, /^Primary record/).getByLabel('Health').selectOption('healthy');
		await record(demo, /^Secondary record/).getByLabel('Health').selectOption('healthy');
		await backToWeighted();
	});

	await test.step('latency: the lowest-latency healthy Region for the client answers', async () => {
		await choose(demo, 'Latency');
		await expect(live(demo)).toContainText('(record eu-central-1)');
		await location().selectOption({ label: 'Tokyo, Japan' });
		await expect(live(demo)).toContainText('(record ap-northeast-1)');
		await location().selectOption({ label: 'Berlin, Germany' });
		await record(demo, /^Record in eu-central-1/).getByLabel('Health').selectOption('unhealthy');
		await expect(live(demo)).toContainText('(record us-east-1)');
		await expect(live(demo)).toContainText('eu-central-1 has lower latency but fails its health check');
		await record(demo, /^Record in eu-central-1/).getByLabel('Health').selectOption('healthy');
		await backToWeighted();
	});

	await test.step('geolocation: most specific match wins; no match and no default gives no answer', async () => {
		await choose(demo, 'Geolocation');
		await expect(live(demo)).toContainText('(record DE)');
		await location().selectOption({ label: 'London, United Kingdom' });
		await expect(live(demo)).toContainText('(record EU)');
		await location().selectOption({ label: 'Sydney, Australia' });
		await expect(live(demo)).toContainText('(record *)');
		await record(demo, /^Default record/).getByLabel('Include').uncheck();
		await expect(live(demo)).toContainText('No answer: NOERROR with no records');
		await expect(demo.locator('.demo__result')).toHaveAttribute('data-verdict', 'deny');
		await record(demo, /^Default record/).getByLabel('Include').check();
		await location().selectOption({ label: 'Berlin, Germany' });
		await backToWeighted();
	});

	await test.step('simple: all values come back, in random order; bad values are reported', async () => {
		await choose(demo, 'Simple');
		const values = demo.getByLabel(/^Values of the simple record/);
		const example = await values.inputValue();
		await expect(live(demo)).toContainText(/Answer: (192\.0\.2\.\d, ){2}192\.0\.2\.\d/);
		await demo.getByRole('button', { name: 'Send another query' }).click();
		await expect(live(demo)).toContainText('cannot have health checks');
		await values.fill('192.0.2.1, www.example.com');
		await expect(demo.locator('.demo__error')).toContainText('is not an IPv4 address');
		await values.fill('');
		await expect(demo.locator('.demo__error')).toContainText('needs at least one value');
		await values.fill(example);
		await backToWeighted();
	});

	await test.step('the picker works from the keyboard', async () => {
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
		await test.step(`no WCAG 2.2 AA violations in the ${theme} theme`, async () => {
			await setTheme(page, theme);
			await demo.getByRole('button', { name: 'Send 1,000 queries' }).click();
			await expect(live(demo).getByRole('table')).toContainText('Got in 1,000 queries');
			expect(await axeViolations(page, SELECTOR), `${theme} theme, weighted with 1,000 queries`).toEqual([]);
			await choose(demo, 'Geolocation');
			await record(demo, /^Default record/).getByLabel('Include').uncheck();
			await location().selectOption({ label: 'Sydney, Australia' });
			await expect(live(demo)).toContainText('No answer: NOERROR with no records');
			expect(await axeViolations(page, SELECTOR), `${theme} theme, geolocation with no answer`).toEqual([]);
			await record(demo, /^Default record/).getByLabel('Include').check();
			await location().selectOption({ label: 'Berlin, Germany' });
			await backToWeighted();
		});
	}

	await test.step('weighted: records can be added and removed, and bad weights are reported', async () => {
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

	await test.step('weighted: 1,000 seeded queries follow the weights and are reproducible', async () => {
		// A fresh load is the point here: the same 1,000 queries come back after a reload. It also
		// brings back the example records that the step above removed.
		demo = await reloadChapterDemo(page, NAME);
		await demo.getByRole('button', { name: 'Send 1,000 queries' }).click();
		const table = live(demo).getByRole('table');
		await expect(table).toContainText('Got in 1,000 queries');
		await expect(table.getByRole('row', { name: /standby/ })).toContainText('0 (0%)');
		const first = await table.textContent();
		const counts = [...(first ?? '').matchAll(/%(\d+) \(/g)].map((m) => Number(m[1]));
		expect(counts.reduce((a, b) => a + b, 0)).toBe(1000);

		demo = await reloadChapterDemo(page, NAME);
		await demo.getByRole('button', { name: 'Send 1,000 queries' }).click();
		await expect(live(demo).getByRole('table')).toHaveText(first!);
	});

	await test.step('Remove moves keyboard focus to the next record, then the previous one, then Add record', async () => {
		await demo.getByRole('button', { name: 'Remove canary' }).focus();
		await page.keyboard.press('Enter');
		await expect(record(demo, 'Record canary')).toHaveCount(0);
		await expect(demo.getByRole('button', { name: 'Remove standby' })).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(demo.getByRole('button', { name: 'Remove stable' })).toBeFocused();
		await page.keyboard.press('Space');
		await expect(demo.getByRole('button', { name: 'Add record' })).toBeFocused();
	});
});
