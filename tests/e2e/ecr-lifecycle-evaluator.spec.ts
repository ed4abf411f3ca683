import type { Locator } from '@playwright/test';
import { test, expect, axeViolations, openChapterDemo, setTheme } from './fixtures.ts';

const PAGE = 'deployment/containers/';
const NAME = 'ECR lifecycle policy evaluator';
const SELECTOR = 'section[data-demo="ecr-lifecycle-evaluator"]';
const DEFAULT = '4 of 8 images expire: image 1, image 2, image 4, image 5.';

const live = (demo: Locator) => demo.locator('[aria-live="polite"]');
const rule = (demo: Locator, n: number) => demo.getByRole('group', { name: `Rule ${n}`, exact: true });
const image = (demo: Locator, n: number) => demo.getByRole('group', { name: `Image ${n}`, exact: true });

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the server-rendered example already shows which images expire and why', async ({ page }) => {
		await page.goto(PAGE);
		const demo = page.getByRole('region', { name: NAME });
		await expect(demo.getByText(/This demo needs JavaScript/)).toBeVisible();
		await expect(live(demo)).toContainText(DEFAULT);
		await expect(live(demo)).toContainText('Image 3 (v1.2.0, pushed 40 days ago): Kept: rule 1 selects it first');
	});
});

test('shows expiries in priority order, reports bad rules by their field, works by keyboard and on a phone, passes axe', async ({ page }) => {
	test.slow();
	const demo = await openChapterDemo(page, PAGE, NAME);
	await expect(demo.getByText(/This demo needs JavaScript/)).toBeHidden();
	await expect(demo.getByText(/model of ECR's documented lifecycle rules, not the service/)).toBeVisible();

	await test.step('the example: rule 1 protects an old release from the any rule, which is evaluated last', async () => {
		await expect(live(demo)).toContainText(DEFAULT);
		const order = live(demo).getByRole('list', { name: /Rules in evaluation order/ }).getByRole('listitem');
		await expect(order).toHaveCount(3);
		await expect(order.nth(2)).toContainText('Rule 10 selects every image');
		await expect(order.nth(2)).toContainText('It would also expire image 1, image 2, image 3, but a higher-priority rule selected them first.');
		await expect(live(demo)).toContainText('Rule 10 would expire it, but a lower-priority rule cannot expire an image that matches the tags of a higher-priority rule.');
		// Keeping four releases leaves every v* image to rule 1: rule 10 may not touch them, however old.
		await rule(demo, 1).getByLabel('countNumber').fill('4');
		await expect(live(demo)).toContainText('2 of 8 images expire: image 4, image 5.');
		await rule(demo, 1).getByLabel('countNumber').fill('2');
		await expect(live(demo)).toContainText(DEFAULT);
	});

	await test.step('ECR refuses duplicate priorities, an any rule that is not last and too many wildcards: messages sit by their field', async () => {
		const priority2 = rule(demo, 2).getByLabel('rulePriority');
		await priority2.fill('1');
		await expect(priority2).toHaveAttribute('aria-invalid', 'true');
		await expect(priority2).toHaveAccessibleDescription('Rule 1 already has rulePriority 1: each rule needs a unique value.');
		await expect(live(demo)).toContainText('Fix the field marked above to see which images expire.');
		await expect(demo.locator('.demo__sticky')).toContainText('No result');
		await priority2.fill('2');
		await rule(demo, 1).getByLabel('rulePriority').fill('20');
		await expect(rule(demo, 3).getByLabel('rulePriority')).toHaveAccessibleDescription(/tagStatus any must have the highest rulePriority/);
		await rule(demo, 1).getByLabel('rulePriority').fill('1');
		const patterns = rule(demo, 1).getByLabel('Patterns (comma-separated)');
		await patterns.fill('a*b*c*d*e*');
		await expect(patterns).toHaveAccessibleDescription(/more than 4 wildcards/);
		await patterns.fill('v*');
		await image(demo, 2).getByLabel('Pushed (days ago)').fill('ten');
		await image(demo, 3).getByLabel('Tags (comma-separated)').fill('v1.1.0');
		await expect(image(demo, 2).getByLabel('Pushed (days ago)')).toHaveAccessibleDescription('"ten" is not a whole number.');
		await expect(image(demo, 3).getByLabel('Tags (comma-separated)')).toHaveAccessibleDescription(/Image 2 already has the tag v1.1.0/);
		await expect(live(demo)).toContainText('Fix the fields marked above');
		await image(demo, 2).getByLabel('Pushed (days ago)').fill('70');
		await image(demo, 3).getByLabel('Tags (comma-separated)').fill('v1.2.0');
		await expect(live(demo)).toContainText(DEFAULT);
	});

	await test.step('keyboard only: change a tagStatus, add and remove rows', async () => {
		const status = rule(demo, 1).getByLabel('tagStatus');
		await status.focus();
		await page.keyboard.press('ArrowDown');
		await expect(status).toHaveValue('untagged');
		await expect(rule(demo, 1).getByLabel('Patterns (comma-separated)')).toHaveCount(0);
		await expect(rule(demo, 2).getByLabel('tagStatus')).toHaveAccessibleDescription('Rule 1 already selects untagged images: only one rule may.');
		await page.keyboard.press('ArrowUp');
		await expect(status).toHaveValue('tagged');
		await expect(live(demo)).toContainText(DEFAULT);

		await demo.getByRole('button', { name: 'Add image' }).focus();
		await page.keyboard.press('Enter');
		const tags = image(demo, 9).getByLabel('Tags (comma-separated)');
		await tags.focus();
		await page.keyboard.type('v2.0.0');
		await page.keyboard.press('Tab');
		await expect(image(demo, 9).getByLabel('Pushed (days ago)')).toBeFocused();
		// A new newest release pushes v1.2.0 out of the two rule 1 keeps.
		await expect(live(demo)).toContainText('5 of 9 images expire: image 1, image 2, image 3, image 4, image 5.');
		await page.keyboard.press('Tab');
		await expect(demo.getByRole('button', { name: 'Remove image 9' })).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(image(demo, 9)).toHaveCount(0);
		await expect(demo.getByRole('button', { name: 'Add image' })).toBeFocused();
		await expect(live(demo)).toContainText(DEFAULT);

		await demo.getByRole('button', { name: 'Add rule' }).focus();
		await page.keyboard.press('Enter');
		await expect(rule(demo, 4).getByLabel('rulePriority')).toHaveValue('3');
		await expect(live(demo)).toContainText('Rule 3 selects tagged images matching tagPrefixList [sha-]');
		await demo.getByRole('button', { name: 'Remove rule 4' }).focus();
		await page.keyboard.press('Space');
		await expect(demo.getByRole('button', { name: 'Add rule' })).toBeFocused();
		await expect(live(demo)).toContainText(DEFAULT);
	});

	await test.step('on a 390 px phone nothing scrolls sideways and the summary stays in view', async () => {
		const desktop = page.viewportSize()!;
		await page.setViewportSize({ width: 390, height: 844 });
		expect(await demo.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), 'no sideways scroll in the demo').toBe(true);
		expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'no sideways scroll').toBe(true);
		await rule(demo, 2).getByLabel('countNumber').scrollIntoViewIfNeeded();
		await expect(demo.locator('.demo__sticky')).toBeInViewport();
		await expect(demo.locator('.demo__sticky')).toContainText('Expire: image 1, image 2, image 4, image 5');
		await page.setViewportSize(desktop);
	});

	for (const theme of ['light', 'dark'] as const) {
		await test.step(`passes axe (WCAG 2.2 AA) in the ${theme} theme, with a result and with a message`, async () => {
			await setTheme(page, theme);
			expect(await axeViolations(page, SELECTOR), `${theme} theme, with a result`).toEqual([]);
			const priority2 = rule(demo, 2).getByLabel('rulePriority');
			await priority2.fill('1');
			await expect(priority2).toHaveAttribute('aria-invalid', 'true');
			expect(await axeViolations(page, SELECTOR), `${theme} theme, with a message`).toEqual([]);
			await priority2.fill('2');
			await expect(live(demo)).toContainText(DEFAULT);
		});
	}
});
