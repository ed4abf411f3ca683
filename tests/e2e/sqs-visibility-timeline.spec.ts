import type { Locator } from '@playwright/test';
import { test, expect, axeViolations, openChapterDemo, setTheme } from './fixtures.ts';

const PAGE = 'application-integration/messaging/';
const NAME = 'SQS visibility timeout and redrive timeline';
const SELECTOR = 'section[data-demo="sqs-visibility-timeline"]';

const live = (demo: Locator) => demo.locator('[aria-live="polite"]');
const timeline = (demo: Locator) => live(demo).getByRole('list', { name: /Timeline/ });

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the server-rendered default example already shows its verdict and timeline', async ({ page }) => {
		await page.goto(PAGE);
		const demo = page.getByRole('region', { name: NAME });
		await expect(demo.getByText(/This demo needs JavaScript/)).toBeVisible();
		await expect(demo.getByLabel('Visibility timeout (s)')).toHaveValue('30');
		await expect(live(demo)).toContainText('Processed 3 times (duplicates) and still moved to the dead-letter queue at 90 s');
		await expect(timeline(demo).getByRole('listitem').first()).toHaveText('0 s: Received #1 (ApproximateReceiveCount 1); hidden for 30 s.');
	});
});

test('simulates receives, reports bad input by its field, works by keyboard, fits a phone and passes axe', async ({ page }) => {
	const demo = await openChapterDemo(page, PAGE, NAME);
	const timeout = demo.getByLabel('Visibility timeout (s)');
	const processing = demo.getByLabel('Processing time per attempt (s)');
	const receives = demo.getByLabel('maxReceiveCount');
	await expect(demo.getByText(/This demo needs JavaScript/)).toBeHidden();

	// A consumer that fails every time: one receive per 10 s timeout, then the dead-letter queue after the second.
	await timeout.fill('10');
	await processing.fill('5');
	await receives.fill('2');
	await demo.getByLabel('Processing', { exact: true }).selectOption({ label: 'Fails every time (never deletes it)' });
	await expect(live(demo)).toContainText('Failed twice, then moved to the dead-letter queue at 20 s');
	await expect(timeline(demo).getByRole('listitem')).toHaveText([
		'0 s: Received #1 (ApproximateReceiveCount 1); hidden for 10 s.',
		'5 s: Attempt #1 fails; the message is not deleted.',
		'10 s: Visible again: nobody deleted it.',
		'10 s: Received #2 (ApproximateReceiveCount 2); hidden for 10 s.',
		'15 s: Attempt #2 fails; the message is not deleted.',
		'20 s: Visible again: nobody deleted it.',
		'20 s: Receive #3 would exceed maxReceiveCount (2): SQS moves the message to the dead-letter queue.',
	]);

	// A bad value: the message sits by the field and is its accessible description; no timeline is shown.
	await timeout.fill('43201');
	await expect(timeout).toHaveAttribute('aria-invalid', 'true');
	await expect(timeout).toHaveAccessibleDescription('The visibility timeout can be at most 43,200 s (12 hours).');
	await expect(live(demo)).toContainText('Fix the field marked above');
	await expect(timeline(demo)).toHaveCount(0);
	await expect(processing).not.toHaveAttribute('aria-invalid');

	// Keyboard only: fix the timeout, make processing succeed and switch the heartbeat on.
	await timeout.focus();
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.type('30');
	await page.keyboard.press('Tab');
	await expect(processing).toBeFocused();
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.type('40');
	await expect(timeout).not.toHaveAttribute('aria-invalid');
	await expect(timeout).toHaveAccessibleDescription('0 to 43,200; default 30.');
	const outcome = demo.getByLabel('Processing', { exact: true });
	await outcome.focus();
	await page.keyboard.press('ArrowUp');
	await expect(outcome).toHaveValue('succeeds');
	await expect(live(demo)).toContainText('Processed twice (duplicates) and still moved to the dead-letter queue at 60 s');
	const heartbeat = demo.getByLabel('ChangeMessageVisibility heartbeat');
	await heartbeat.focus();
	await page.keyboard.press('ArrowDown');
	await expect(heartbeat).toHaveValue('on');
	await expect(live(demo)).toContainText('Processed once: the heartbeat kept the message hidden past the 30 s timeout until the work ended at 40 s.');
	await expect(timeline(demo).getByRole('listitem').last()).toHaveText('40 s: Attempt #1 succeeds and deletes the message.');

	// The slow default again, so the phone check and axe see several bars.
	await heartbeat.selectOption('off');
	await receives.fill('3');
	await expect(live(demo)).toContainText('Processed 3 times');
	await page.setViewportSize({ width: 375, height: 700 });
	expect(await demo.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), 'no sideways scroll at 375 px').toBe(true);
	await page.setViewportSize({ width: 1280, height: 720 });

	for (const theme of ['light', 'dark'] as const) {
		await setTheme(page, theme);
		expect(await axeViolations(page, SELECTOR), `${theme} theme, with a result`).toEqual([]);
		await receives.fill('0');
		await expect(receives).toHaveAttribute('aria-invalid', 'true');
		expect(await axeViolations(page, SELECTOR), `${theme} theme, with a message`).toEqual([]);
		await receives.fill('3');
	}
});
