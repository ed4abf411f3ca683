import type { Locator } from '@playwright/test';
import { test, expect, axeViolations, openChapterDemo, setTheme } from './fixtures.ts';

const PAGE = 'serverless/lambda/';
const NAME = 'Lambda concurrency and throttling calculator';
const SELECTOR = 'section[data-demo="lambda-concurrency-calculator"]';

const live = (demo: Locator) => demo.locator('[aria-live="polite"]');
const figure = (demo: Locator, row: string | RegExp) => live(demo).getByRole('row', { name: row }).getByRole('cell');

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the server-rendered default example already shows its result', async ({ page }) => {
		await page.goto(PAGE);
		const demo = page.getByRole('region', { name: NAME });
		await expect(demo.getByText(/This demo needs JavaScript/)).toBeVisible();
		await expect(demo.getByLabel('Requests per second')).toHaveValue('500');
		await expect(live(demo)).toContainText('125 requests per second throttled');
		await expect(live(demo)).toContainText('500 requests/s × 0.4 s = 200');
		await expect(figure(demo, /Concurrency available \(reserved\)/)).toHaveText('150');
	});
});

test('calculates the split and the excess, reports bad input by its field, works by keyboard and passes axe', async ({ page }) => {
	const demo = await openChapterDemo(page, PAGE, NAME);
	const rps = demo.getByLabel('Requests per second');
	const duration = demo.getByLabel('Average duration (ms)');
	const reserved = demo.getByLabel('Reserved concurrency');
	const provisioned = demo.getByLabel('Provisioned concurrency');
	const account = demo.getByLabel('Account concurrency limit');
	await expect(demo.getByText(/This demo needs JavaScript/)).toBeHidden();

	// 3,000 asynchronous events/s of 1 s against the default account limit, no reservation, 100 provisioned.
	await rps.fill('3000');
	await duration.fill('1000');
	await reserved.fill('');
	await provisioned.fill('100');
	await demo.getByLabel('Invocation type').selectOption({ label: 'Asynchronous (Event)' });
	await expect(live(demo)).toContainText('2,000 requests per second throttled');
	await expect(figure(demo, 'Concurrency needed')).toHaveText('3,000');
	await expect(figure(demo, /Concurrency available \(account limit\)/)).toHaveText('1,000');
	await expect(figure(demo, /On provisioned environments/)).toHaveText('100');
	await expect(figure(demo, /On on-demand environments/)).toHaveText('900');
	await expect(live(demo)).toContainText('up to the maximum event age (6 hours by default)');
	await expect(live(demo)).toContainText('otherwise Lambda discards it');
	await expect(live(demo)).not.toContainText('429');

	// A cross-field rule: the message sits by the field it blames and is its accessible description.
	await reserved.fill('950');
	await expect(reserved).toHaveAttribute('aria-invalid', 'true');
	await expect(reserved).toHaveAccessibleDescription("At most 900: Lambda keeps 100 of the account's 1,000 unreserved.");
	await expect(live(demo)).toContainText('Fix the field marked above');
	await expect(live(demo)).not.toContainText('throttled');
	await duration.fill('abc');
	await expect(duration).toHaveAccessibleDescription(/"abc" is not a number of milliseconds/);
	await expect(live(demo)).toContainText('Fix the fields marked above');
	await expect(provisioned).not.toHaveAttribute('aria-invalid');

	// Keyboard only: fix both fields and switch back to synchronous without the mouse.
	await reserved.focus();
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.type('500');
	await expect(reserved).not.toHaveAttribute('aria-invalid');
	await duration.focus();
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.type('100');
	await page.keyboard.press('Tab');
	await expect(demo.getByLabel('Invocation type')).toBeFocused();
	await page.keyboard.press('ArrowUp');
	await expect(demo.getByLabel('Invocation type')).toHaveValue('sync');
	// 3,000 × 0.1 s = 300 needed, within the 500 reserved: nothing throttled.
	await expect(live(demo)).toContainText('No requests throttled');
	await expect(figure(demo, /On on-demand environments/)).toHaveText('200');
	await rps.fill('6000');
	await expect(live(demo)).toContainText('1,000 requests per second throttled');
	await expect(live(demo)).toContainText('HTTP 429 TooManyRequestsException');
	await expect(account).toHaveValue('1000');

	for (const theme of ['light', 'dark'] as const) {
		await setTheme(page, theme);
		expect(await axeViolations(page, SELECTOR), `${theme} theme, with a result`).toEqual([]);
		await provisioned.fill('600');
		await expect(provisioned).toHaveAttribute('aria-invalid', 'true');
		expect(await axeViolations(page, SELECTOR), `${theme} theme, with a message`).toEqual([]);
		await provisioned.fill('100');
	}
});

test('"1,000" is read as one thousand, and provisioned concurrency stops at the account limit minus 100', async ({ page }) => {
	const demo = await openChapterDemo(page, PAGE, NAME);
	const account = demo.getByLabel('Account concurrency limit');
	const provisioned = demo.getByLabel('Provisioned concurrency');
	await demo.getByLabel('Reserved concurrency').fill('');
	await account.fill('1,000');
	await expect(account).not.toHaveAttribute('aria-invalid');
	await provisioned.fill('901');
	await expect(provisioned).toHaveAttribute('aria-invalid', 'true');
	await expect(provisioned).toHaveAccessibleDescription(/At most 900: provisioned concurrency comes out of the account's 1,000, and Lambda keeps 100 of it unreserved/);
	await provisioned.fill('900');
	await expect(provisioned).not.toHaveAttribute('aria-invalid');
});
