import type { Locator } from '@playwright/test';
import { test, expect, axeViolations, openChapterDemo, setTheme } from './fixtures.ts';

const PAGE = 'databases/dynamodb/';
const NAME = 'DynamoDB capacity calculator';
const SELECTOR = 'section[data-demo="dynamodb-capacity-calculator"]';

const live = (demo: Locator) => demo.locator('[aria-live="polite"]');
const steps = (demo: Locator, name: 'Reads' | 'Writes') => live(demo).getByRole('list', { name });

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the server-rendered default example already shows its result and steps', async ({ page }) => {
		await page.goto(PAGE);
		const demo = page.getByRole('region', { name: NAME });
		await expect(demo.getByText(/This demo needs JavaScript/)).toBeVisible();
		await expect(demo.getByLabel('Item size (KB)')).toHaveValue('6');
		await expect(live(demo)).toContainText('Provisioned: 20 RCUs and 30 WCUs');
		await expect(live(demo)).toContainText('On-demand: 20 read request units and 30 write request units per second');
		await expect(steps(demo, 'Reads').getByRole('listitem').first()).toHaveText('Round 6 KB up to the next 4 KB: 8 KB.');
	});
});

test('calculates, explains the rounding, reports bad input by its field, works by keyboard and passes axe', async ({ page }) => {
	const demo = await openChapterDemo(page, PAGE, NAME);
	const size = demo.getByLabel('Item size (KB)');
	const reads = demo.getByLabel('Reads per second');
	const writes = demo.getByLabel('Writes per second');
	await expect(demo.getByText(/This demo needs JavaScript/)).toBeHidden();

	// 25 eventually consistent reads/s of 3.5 KB: half a unit each, 12.5 rounded up to 13 RCUs.
	await size.fill('3.5');
	await reads.fill('25');
	await demo.getByLabel('Read consistency').selectOption({ label: 'Eventually consistent' });
	await writes.fill('12');
	await demo.getByLabel('Write type').selectOption({ label: 'Transactional (TransactWriteItems)' });
	await expect(live(demo)).toContainText('Provisioned: 13 RCUs and 96 WCUs');
	await expect(live(demo)).toContainText('On-demand: 12.5 read request units and 96 write request units per second');
	await expect(steps(demo, 'Reads')).toContainText('Round 3.5 KB up to the next 4 KB: 4 KB.');
	await expect(steps(demo, 'Reads').getByRole('listitem').last()).toHaveText('Provisioned capacity is set in whole units, so round 12.5 up to 13 RCUs.');
	await expect(steps(demo, 'Writes')).toContainText('Round 3.5 KB up to the next 1 KB: 4 KB.');
	await expect(steps(demo, 'Writes')).toContainText('Transactional costs double: 4 × 2 = 8 WCUs per write.');

	// A bad value: the message sits by the field and is its accessible description; no result is shown.
	await size.fill('401');
	await expect(size).toHaveAttribute('aria-invalid', 'true');
	await expect(size).toHaveAccessibleDescription('401 KB is over the 400 KB maximum item size.');
	await expect(live(demo)).toContainText('Fix the field marked above');
	await expect(live(demo)).not.toContainText('Provisioned:');
	await reads.fill('2.5');
	await expect(reads).toHaveAccessibleDescription(/whole number of reads per second/);
	await expect(live(demo)).toContainText('Fix the fields marked above');
	await expect(writes).not.toHaveAttribute('aria-invalid');

	// Keyboard only: fix both fields and change the consistency without the mouse.
	await size.focus();
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.type('8');
	await page.keyboard.press('Tab');
	await expect(reads).toBeFocused();
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.type('3');
	await expect(size).not.toHaveAttribute('aria-invalid');
	await expect(reads).toHaveAccessibleDescription('A whole number.');
	await expect(live(demo)).toContainText('Provisioned: 3 RCUs');
	const consistency = demo.getByLabel('Read consistency');
	await consistency.focus();
	await page.keyboard.press('ArrowDown');
	await expect(consistency).toHaveValue('strong');
	await expect(live(demo)).toContainText('Provisioned: 6 RCUs');

	for (const theme of ['light', 'dark'] as const) {
		await setTheme(page, theme);
		expect(await axeViolations(page, SELECTOR), `${theme} theme, with a result`).toEqual([]);
		await size.fill('-1');
		await expect(size).toHaveAttribute('aria-invalid', 'true');
		expect(await axeViolations(page, SELECTOR), `${theme} theme, with a message`).toEqual([]);
		await size.fill('8');
	}
});

test('one unit reads "1 RCU", a table never provisions fewer than 1, and "1,000" is one thousand', async ({ page }) => {
	const demo = await openChapterDemo(page, PAGE, NAME);
	await demo.getByLabel('Item size (KB)').fill('4');
	await demo.getByLabel('Reads per second').fill('1');
	await demo.getByLabel('Writes per second').fill('0');
	await expect(live(demo)).toContainText('Provisioned: 1 RCU and 1 WCU (the minimum)');
	await expect(live(demo)).not.toContainText('1 RCUs');
	await demo.getByLabel('Reads per second').fill('1,000');
	await expect(live(demo)).toContainText('Provisioned: 1,000 RCUs');
});
