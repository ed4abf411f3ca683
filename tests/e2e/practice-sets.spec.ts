import { test, expect, axeViolations, setTheme } from './fixtures.ts';

const PAGE = 'practice/sets/';

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the page says practice sets need JavaScript', async ({ page }) => {
		await page.goto(PAGE);
		await expect(page.getByText('Practice sets need JavaScript, which is turned off')).toBeVisible();
	});
});

test('a drill of one task statement, linked from a result row: answer shown after each question, wrong answers queued', async ({ page }) => {
	await page.goto(`${PAGE}?task=1.2`);
	const scope = page.getByLabel('Questions from');
	await expect(scope).toHaveValue('task:1.2');
	await page.getByLabel('How many questions').selectOption('10');
	await page.getByRole('button', { name: 'Start the set' }).click();
	const heading = page.getByRole('heading', { name: /^Question 1 of \d+$/ });
	await expect(heading).toBeFocused();
	await expect(page.getByText(/^Task 1\.2: .+\. From the chapter /)).toBeVisible();

	// Keyboard only: pick the first choice, check it, read the explanation, go on.
	const group = page.getByRole('group');
	await group.getByRole('radio').or(group.getByRole('checkbox')).first().press('Space');
	await page.getByRole('button', { name: 'Check answer' }).press('Enter');
	await expect(page.locator('.practice__feedback')).toContainText(/Correct\.|Incorrect\.|Select/);
	for (const theme of ['light', 'dark'] as const) {
		await setTheme(page, theme);
		expect(await axeViolations(page, 'main'), theme).toEqual([]);
	}
	await page.getByRole('button', { name: 'End the set here' }).click();
	await expect(page.getByRole('heading', { name: 'Set finished' })).toBeFocused();
	await expect(page.getByText(/^\d of 1 correct\./)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Start another set' })).toBeVisible();
});
