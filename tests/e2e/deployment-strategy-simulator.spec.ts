import type { Locator } from '@playwright/test';
import { test, expect, axeViolations, openChapterDemo, setTheme } from './fixtures.ts';

const PAGE = 'deployment/ci-cd/';
const NAME = 'Deployment strategy simulator';
const SELECTOR = 'section[data-demo="deployment-strategy-simulator"]';

const live = (demo: Locator) => demo.locator('[aria-live="polite"]');
const timeline = (demo: Locator) => live(demo).getByRole('list', { name: 'Timeline' }).getByRole('listitem');
const row = (demo: Locator, name: RegExp) => live(demo).getByRole('table').getByRole('row', { name });

test('simulates, rolls back on the alarm, reports bad input by its field, works by keyboard and passes axe', async ({ page }) => {
	// The server-rendered HTML already holds the default example (a 10% canary rolled back at minute 3).
	const html = await (await page.request.get(PAGE)).text();
	expect(html).toContain('Rolled back by minute 3');
	expect(html).toContain('CodeDeployDefault.LambdaCanary10Percent5Minutes');

	const demo = await openChapterDemo(page, PAGE, NAME);
	const strategy = demo.getByLabel('Strategy', { exact: true });
	const instances = demo.getByLabel('Instances', { exact: true });
	const batch = demo.getByLabel('Batch size', { exact: true });
	const alarm = demo.getByLabel('Alarm at minute', { exact: true });
	await expect(demo.getByText(/This demo needs JavaScript/)).toBeHidden();
	await expect(timeline(demo)).toHaveCount(2);
	await expect(timeline(demo).last()).toContainText('Minute 3: CloudWatch alarm fires at minute 3. CodeDeploy stops the deployment');
	await expect(row(demo, /Lambda\/ECS: Canary \(chosen\)/)).toContainText('10%');

	// HalfAtATime on 9 instances: batches of 4, 4 and 1, so at least 5 instances (55.6%) stay in service.
	await strategy.selectOption({ label: 'EC2 in-place: HalfAtATime' });
	await alarm.fill('');
	await expect(live(demo)).toContainText('EC2 in-place: HalfAtATime: Completes at minute 15');
	await expect(timeline(demo)).toHaveCount(4);
	await expect(timeline(demo).first()).toContainText('Batch 1 of 3: 4 instances are out of service');
	await expect(timeline(demo).first()).toContainText('Capacity in service: 55.6% (5 of 9 instances).');
	await expect(row(demo, /HalfAtATime \(chosen\)/)).toContainText('55.6%');
	// An alarm at minute 7, during batch 2: the rollback is a new deployment that takes 8 instances back in two batches.
	await alarm.fill('7');
	await expect(live(demo)).toContainText('EC2 in-place: HalfAtATime: Rolled back by minute 17');
	await expect(timeline(demo).nth(2)).toContainText('new deployment of the last known good revision');
	await expect(timeline(demo).last()).toContainText('rollback complete');

	// Bad values: each message sits by its field and is its accessible description; no result is shown.
	await instances.fill('2.5');
	await expect(instances).toHaveAttribute('aria-invalid', 'true');
	await expect(instances).toHaveAccessibleDescription('Enter a whole number for the number of instances; 2.5 is a fraction.');
	await expect(live(demo)).toContainText('Fix the field marked above');
	await expect(live(demo).getByRole('table')).toHaveCount(0);
	await instances.fill('9');
	await batch.fill('10');
	await expect(batch).toHaveAccessibleDescription(/at most 9 instances/);
	await expect(instances).not.toHaveAttribute('aria-invalid');

	// Keyboard only: fix the batch size, then move to the next strategy with the arrow key.
	await batch.focus();
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.type('3');
	await expect(batch).not.toHaveAttribute('aria-invalid');
	await strategy.focus();
	await page.keyboard.press('ArrowDown');
	await expect(strategy).toHaveValue('ec2-one');
	await expect(live(demo)).toContainText('EC2 in-place: OneAtATime');
	await page.keyboard.press('Tab');
	await expect(instances).toBeFocused();

	for (const theme of ['light', 'dark'] as const) {
		await setTheme(page, theme);
		expect(await axeViolations(page, SELECTOR), `${theme} theme, with a result`).toEqual([]);
		await alarm.fill('-1');
		await expect(alarm).toHaveAttribute('aria-invalid', 'true');
		expect(await axeViolations(page, SELECTOR), `${theme} theme, with a message`).toEqual([]);
		await alarm.fill('7');
	}
});

test('Elastic Beanstalk acts on failed health checks; on a phone the comparison says it scrolls and scrolls by keyboard', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	const demo = await openChapterDemo(page, PAGE, NAME);
	await demo.getByLabel('Strategy', { exact: true }).selectOption({ label: 'Beanstalk: Immutable' });
	await demo.getByLabel('Instances', { exact: true }).fill('4');
	await demo.getByLabel('Alarm at minute', { exact: true }).fill('7');
	await expect(timeline(demo).last()).toContainText('The new version fails its health checks at minute 7. Elastic Beanstalk sends all traffic back');
	await expect(live(demo)).not.toContainText('CloudWatch alarm');
	await expect(live(demo)).toContainText('When the new version fails its health checks:');
	// Capacity beyond the fleet reads as the fleet plus the new instances, not "8 of 4".
	await expect(live(demo)).toContainText('200% (8 instances: the fleet of 4 and 4 new ones)');
	await expect(live(demo)).not.toContainText('8 of 4 instances');

	const region = live(demo).getByRole('region', { name: 'Every strategy with these settings' });
	await expect(live(demo).getByText('scroll it sideways for minimum capacity, blast radius and extra instances')).toBeVisible();
	await region.focus();
	await page.keyboard.press('ArrowRight');
	await expect.poll(() => region.evaluate((r) => r.scrollLeft)).toBeGreaterThan(0);
	// On a wide screen the whole table fits and the cue is not shown.
	await page.setViewportSize({ width: 1280, height: 800 });
	await expect(live(demo).getByText('scroll it sideways for minimum capacity')).toBeHidden();
});
