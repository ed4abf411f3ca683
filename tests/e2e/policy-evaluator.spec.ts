import type { Page } from '@playwright/test';
import { test, expect, axeViolations, openChapterDemo, setTheme } from './fixtures.ts';

const PAGE = 'foundations/iam/';
const NAME = 'Try it: IAM policy evaluator';
const SELECTOR = 'section[data-demo="policy-evaluator"]';

const openDemo = (page: Page) => openChapterDemo(page, PAGE, NAME);

const result = (demo: ReturnType<Page['getByRole']>) => demo.locator('[aria-live="polite"]');

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the server-rendered demo already shows the result for the example policies', async ({ page }) => {
		await page.goto(PAGE);
		const demo = page.getByRole('region', { name: NAME });
		await expect(demo.getByLabel('Policy 1 (JSON)')).toHaveValue(/ReadReports/);
		await expect(result(demo)).toContainText('Allowed');
		await expect(result(demo)).toContainText('Decided by policy 1, statement "ReadReports"');
	});
});

test('an explicit Deny in policy 2 overrides the Allow in policy 1', async ({ page }) => {
	const demo = await openDemo(page);
	await demo.getByLabel('Resource ARN').fill('arn:aws:s3:::amzn-s3-demo-bucket/secret/keys.txt');
	await expect(result(demo)).toContainText('Explicitly denied');
	await expect(result(demo)).toContainText('policy 2, statement "ProtectSecrets"');
	await expect(demo.locator('.demo__result')).toHaveAttribute('data-verdict', 'deny');
});

test('an action that no statement allows is implicitly denied', async ({ page }) => {
	const demo = await openDemo(page);
	await demo.getByLabel('Action', { exact: true }).fill('s3:DeleteObject');
	await expect(result(demo)).toContainText('Implicitly denied (no statement allows it)');
});

test('actions match case-insensitively, resources case-sensitively', async ({ page }) => {
	const demo = await openDemo(page);
	await demo.getByLabel('Action', { exact: true }).fill('S3:GETOBJECT');
	await expect(result(demo)).toContainText('Allowed');
	await demo.getByLabel('Resource ARN').fill('arn:aws:s3:::AMZN-S3-DEMO-BUCKET/reports/2026.csv');
	await expect(result(demo)).toContainText('Implicitly denied');
});

test('a statement with a Condition is reported as not evaluated', async ({ page }) => {
	const demo = await openDemo(page);
	await demo.getByLabel('Policy 1 (JSON)').fill(
		JSON.stringify({
			Version: '2012-10-17',
			Statement: [{ Sid: 'OnlyFromVpc', Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-1' } } }],
		}),
	);
	await expect(result(demo)).toContainText('Implicitly denied');
	await expect(result(demo)).toContainText('statement "OnlyFromVpc" (Allow) has a Condition that this demo does not evaluate');
});

test('bad input shows an inline error instead of a result', async ({ page }) => {
	const demo = await openDemo(page);
	await demo.getByLabel('Policy 1 (JSON)').fill('{ "Version": "2012-10-17", ');
	await expect(demo.locator('.demo__error')).toContainText('Policy 1 is not valid JSON');
	await expect(demo.locator('.demo__result')).toHaveCount(0);
	await demo.getByLabel('Policy 1 (JSON)').fill('{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}');
	await demo.getByLabel('Resource ARN').fill('not-an-arn');
	await expect(demo.locator('.demo__error')).toContainText('is not an ARN');
	await demo.getByLabel('Resource ARN').fill('*');
	await demo.getByLabel('Action', { exact: true }).fill('s3GetObject');
	await expect(demo.locator('.demo__error')).toContainText('is not an action');
});

test('a repeated Sid or a Sid with other characters than letters and digits is refused, naming the statement', async ({ page }) => {
	const demo = await openDemo(page);
	const box = demo.getByLabel('Policy 1 (JSON)');
	// Policy text is code: a monospace font keeps brackets and quotes aligned.
	expect(await box.evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/mono/i);
	const stmt = (Sid: string) => ({ Sid, Effect: 'Allow', Action: 's3:GetObject', Resource: '*' });
	await box.fill(JSON.stringify({ Version: '2012-10-17', Statement: [stmt('ReadAll'), stmt('ReadAll')] }, null, 2));
	await expect(demo.locator('.demo__error')).toContainText('Policy 1, statement 2: Sid "ReadAll" is already used by statement 1');
	await expect(demo.locator('.demo__result')).toHaveCount(0);
	await box.fill(JSON.stringify({ Version: '2012-10-17', Statement: [stmt('Read-All')] }, null, 2));
	await expect(demo.locator('.demo__error')).toContainText('Policy 1, statement 1: Sid "Read-All" may only contain the letters A–Z and a–z and the digits 0–9');
	await box.fill(JSON.stringify({ Version: '2012-10-17', Statement: [stmt('ReadAll')] }, null, 2));
	await expect(result(demo)).toContainText('Allowed');
});

test('policies can be added and removed with the keyboard', async ({ page }) => {
	const demo = await openDemo(page);
	const add = demo.getByRole('button', { name: 'Add policy' });
	await add.focus();
	await page.keyboard.press('Enter');
	await expect(demo.getByLabel('Policy 3 (JSON)')).toBeVisible();
	await demo.getByRole('button', { name: 'Remove policy 3' }).focus();
	await page.keyboard.press('Space');
	await expect(demo.getByLabel('Policy 3 (JSON)')).toHaveCount(0);
	await expect(add).toBeFocused();
	await demo.getByRole('button', { name: 'Remove policy 2' }).click();
	await expect(result(demo)).toContainText('Allowed');
	// With a single policy left there is nothing to remove.
	await expect(demo.getByRole('button', { name: /Remove policy/ })).toHaveCount(0);
});

for (const theme of ['light', 'dark'] as const) {
	test(`passes axe (WCAG 2.2 AA) in the ${theme} theme, with a result and with an error`, async ({ page }) => {
		// Several full axe runs on a long chapter take a while on a busy machine.
		test.slow();
		const demo = await openDemo(page);
		await setTheme(page, theme);
		expect(await axeViolations(page, SELECTOR)).toEqual([]);
		await demo.getByLabel('Policy 1 (JSON)').fill('{');
		await expect(demo.locator('.demo__error')).toBeVisible();
		expect(await axeViolations(page, SELECTOR)).toEqual([]);
	});
}
