import type { Page } from '@playwright/test';
import { test, expect, axeViolations, openChapterDemo, setTheme } from './fixtures.ts';

const PAGE = 'foundations/iam/';
const NAME = 'Try it: IAM policy evaluator';
const SELECTOR = 'section[data-demo="policy-evaluator"]';

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

// One page load walks every scenario; each step puts the example back the way a reader would,
// by typing the original values, so the next step starts from the same state as a fresh load.
test('evaluates deny, implicit deny, case rules, conditions and bad input, edits policies by keyboard and passes axe', async ({ page }) => {
	// Several full axe runs on a long chapter take a while on a busy machine.
	test.slow();
	const demo = await openChapterDemo(page, PAGE, NAME);
	const action = demo.getByLabel('Action', { exact: true });
	const resource = demo.getByLabel('Resource ARN');
	const policy1 = demo.getByLabel('Policy 1 (JSON)');
	const example = { action: await action.inputValue(), resource: await resource.inputValue(), policy1: await policy1.inputValue() };
	const restore = async () => {
		await policy1.fill(example.policy1);
		await action.fill(example.action);
		await resource.fill(example.resource);
		await expect(result(demo)).toContainText('Decided by policy 1, statement "ReadReports"');
		await expect(demo.locator('.demo__error')).toHaveCount(0);
	};

	await test.step('an explicit Deny in policy 2 overrides the Allow in policy 1', async () => {
		await resource.fill('arn:aws:s3:::amzn-s3-demo-bucket/secret/keys.txt');
		await expect(result(demo)).toContainText('Explicitly denied');
		await expect(result(demo)).toContainText('policy 2, statement "ProtectSecrets"');
		await expect(demo.locator('.demo__result')).toHaveAttribute('data-verdict', 'deny');
		await restore();
	});

	await test.step('an action that no statement allows is implicitly denied', async () => {
		await action.fill('s3:DeleteObject');
		await expect(result(demo)).toContainText('Implicitly denied (no statement allows it)');
		await restore();
	});

	await test.step('actions match case-insensitively, resources case-sensitively', async () => {
		await action.fill('S3:GETOBJECT');
		await expect(result(demo)).toContainText('Allowed');
		await resource.fill('arn:aws:s3:::AMZN-S3-DEMO-BUCKET/reports/2026.csv');
		await expect(result(demo)).toContainText('Implicitly denied');
		await restore();
	});

	await test.step('a statement with a Condition is reported as not evaluated', async () => {
		await policy1.fill(
			JSON.stringify({
				Version: '2012-10-17',
				Statement: [{ Sid: 'OnlyFromVpc', Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-1' } } }],
			}),
		);
		await expect(result(demo)).toContainText('Implicitly denied');
		await expect(result(demo)).toContainText('statement "OnlyFromVpc" (Allow) has a Condition that this demo does not evaluate');
		await restore();
	});

	await test.step('bad input shows an inline error instead of a result', async () => {
		await policy1.fill('{ "Version": "2012-10-17", ');
		await expect(demo.locator('.demo__error')).toContainText('Policy 1 is not valid JSON');
		await expect(demo.locator('.demo__result')).toHaveCount(0);
		await policy1.fill('{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}');
		await resource.fill('not-an-arn');
		await expect(demo.locator('.demo__error')).toContainText('is not an ARN');
		await resource.fill('*');
		await action.fill('s3GetObject');
		await expect(demo.locator('.demo__error')).toContainText('is not an action');
		await restore();
	});

	await test.step('a repeated Sid or a Sid with other characters than letters and digits is refused, naming the statement', async () => {
		// Policy text is code: a monospace font keeps brackets and quotes aligned.
		expect(await policy1.evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/mono/i);
		const stmt = (Sid: string) => ({ Sid, Effect: 'Allow', Action: 's3:GetObject', Resource: '*' });
		await policy1.fill(JSON.stringify({ Version: '2012-10-17', Statement: [stmt('ReadAll'), stmt('ReadAll')] }, null, 2));
		await expect(demo.locator('.demo__error')).toContainText('Policy 1, statement 2: Sid "ReadAll" is already used by statement 1');
		await expect(demo.locator('.demo__result')).toHaveCount(0);
		await policy1.fill(JSON.stringify({ Version: '2012-10-17', Statement: [stmt('Read-All')] }, null, 2));
		await expect(demo.locator('.demo__error')).toContainText('Policy 1, statement 1: Sid "Read-All" may only contain the letters A–Z and a–z and the digits 0–9');
		await policy1.fill(JSON.stringify({ Version: '2012-10-17', Statement: [stmt('ReadAll')] }, null, 2));
		await expect(result(demo)).toContainText('Allowed');
		await restore();
	});

	for (const theme of ['light', 'dark'] as const) {
		await test.step(`passes axe (WCAG 2.2 AA) in the ${theme} theme, with a result and with an error`, async () => {
			await setTheme(page, theme);
			expect(await axeViolations(page, SELECTOR), `${theme} theme, with a result`).toEqual([]);
			await policy1.fill('{');
			await expect(demo.locator('.demo__error')).toBeVisible();
			expect(await axeViolations(page, SELECTOR), `${theme} theme, with an error`).toEqual([]);
			await restore();
		});
	}

	// Last: removing the example's second policy cannot be undone by typing.
	await test.step('policies can be added and removed with the keyboard', async () => {
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
});
