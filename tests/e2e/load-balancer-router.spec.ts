import type { Page } from '@playwright/test';
import { test, expect, axeViolations, openChapterDemo, setTheme } from './fixtures.ts';

const PAGE = 'scaling/elastic-load-balancing/';
const NAME = 'Try it: Application Load Balancer routing';
const SELECTOR = 'section[data-demo="load-balancer-router"]';

const openDemo = (page: Page) => openChapterDemo(page, PAGE, NAME);

type Demo = ReturnType<Page['getByRole']>;
const result = (demo: Demo) => demo.locator('[aria-live="polite"]');
const request = (demo: Demo) => demo.getByRole('group', { name: 'Request' });
const sent = (demo: Demo) => demo.getByRole('list', { name: 'Requests sent (newest first)' }).getByRole('listitem');

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the server-rendered demo already shows where the example request goes', async ({ page }) => {
		await page.goto(PAGE);
		const demo = page.getByRole('region', { name: NAME });
		await expect(result(demo)).toContainText('Next request: the default rule → web-tg → i-web-1 in us-east-1a');
		await expect(result(demo)).toContainText('Certificate: *.example.com (wildcard match)');
		await expect(demo.getByRole('group', { name: 'Rule 1' }).getByLabel('Forward to')).toHaveValue('api-tg');
	});
});

test('round robin advances with each request and skips the unhealthy target', async ({ page }) => {
	const demo = await openDemo(page);
	const send = request(demo).getByRole('button', { name: 'Send request' });
	for (let i = 0; i < 3; i++) await send.click();
	await expect(sent(demo)).toHaveText([/→ i-web-1 /, /→ i-web-2 /, /→ i-web-1 /]);
	await expect(result(demo)).toContainText('→ web-tg → i-web-2 in us-east-1b');
	await request(demo).getByRole('button', { name: 'Reset counters' }).click();
	await expect(sent(demo)).toHaveCount(0);
	await expect(result(demo)).toContainText('→ i-web-1 in us-east-1a');
});

test('marking a target unhealthy takes it out of the rotation', async ({ page }) => {
	const demo = await openDemo(page);
	// Each rule's select shows its own target group after hydration, not the first option.
	await expect(demo.getByRole('group', { name: 'Rule 1' }).getByLabel('Forward to')).toHaveValue('api-tg');
	await expect(demo.getByRole('group', { name: 'Rule 2' }).getByLabel('Forward to')).toHaveValue('legacy-tg');
	await demo.getByRole('group', { name: 'Target group web-tg' }).getByLabel('Healthy').first().uncheck();
	await expect(result(demo)).toContainText('→ web-tg → i-web-2 in us-east-1b');
});

test('the host rule wins by priority and least outstanding requests picks the least busy target', async ({ page }) => {
	const demo = await openDemo(page);
	await request(demo).getByLabel('Host').fill('api.example.com');
	await expect(result(demo)).toContainText('Next request: the rule with priority 10 → api-tg → i-api-2');
	await expect(result(demo)).toContainText('Certificate: api.example.com (exact match)');
	const group = demo.getByRole('group', { name: 'Target group api-tg' });
	await expect(group).toContainText('In flight: 3');
	await expect(group).toContainText('In flight: 1');
	await request(demo).getByRole('button', { name: 'Send request' }).click();
	await expect(group).toContainText('In flight: 2');
});

test('when every target is unhealthy the load balancer fails open', async ({ page }) => {
	const demo = await openDemo(page);
	await request(demo).getByLabel('Path').fill('/legacy/app');
	await expect(result(demo)).toContainText('the rule with priority 20 → legacy-tg → i-old-1');
	await expect(result(demo)).toContainText('fails open');
});

test('SNI falls back to the default certificate when a wildcard would need two labels', async ({ page }) => {
	const demo = await openDemo(page);
	await request(demo).getByLabel('Host').fill('a.b.example.com');
	await expect(result(demo)).toContainText('Certificate: example.com (default match)');
	await expect(result(demo)).toContainText('a wildcard covers exactly one label');
	await demo.getByRole('group', { name: 'Certificate 2' }).getByLabel('Default').check();
	await expect(result(demo)).toContainText('Certificate: *.example.com (default match)');
});

test('an added rule with a lower priority number is tried first', async ({ page }) => {
	const demo = await openDemo(page);
	await demo.getByRole('button', { name: 'Add rule' }).click();
	const rule3 = demo.getByRole('group', { name: 'Rule 3' });
	await expect(demo.locator('.demo__error')).toContainText('Rule 3: the priority is empty');
	await rule3.getByLabel('Priority').fill('10');
	await expect(demo.locator('.demo__error')).toContainText('priority 10 is already used');
	await rule3.getByLabel('Priority').fill('5');
	await rule3.getByLabel('Path is (comma-separated)').fill('/index.*');
	await rule3.getByLabel('Forward to').selectOption('api-tg');
	await expect(result(demo)).toContainText('Next request: the rule with priority 5 → api-tg');
});

test('removing rows with the keyboard keeps focus in the demo', async ({ page }) => {
	const demo = await openDemo(page);
	await demo.getByRole('button', { name: 'Remove rule 2' }).focus();
	await page.keyboard.press('Enter');
	await expect(demo.getByRole('group', { name: 'Rule 2' })).toHaveCount(0);
	await expect(demo.getByRole('button', { name: 'Add rule' })).toBeFocused();
	await demo.getByRole('button', { name: 'Remove target 3 from web-tg' }).focus();
	await page.keyboard.press('Space');
	await expect(demo.getByRole('button', { name: 'Add target to web-tg' })).toBeFocused();
	await demo.getByRole('button', { name: 'Remove certificate 3' }).focus();
	await page.keyboard.press('Enter');
	await expect(demo.getByRole('button', { name: 'Add certificate' })).toBeFocused();
	await request(demo).getByLabel('Host').fill('api.example.com');
	// Without rule 2 and without the api.example.com certificate, the wildcard certificate now answers.
	await expect(result(demo)).toContainText('Certificate: *.example.com (wildcard match)');
});

test('bad request input shows an inline error and disables sending', async ({ page }) => {
	const demo = await openDemo(page);
	await request(demo).getByLabel('Host').fill('www.example.com:8443');
	await expect(demo.locator('.demo__error')).toContainText('without a port');
	await expect(request(demo).getByRole('button', { name: 'Send request' })).toBeDisabled();
	await request(demo).getByLabel('Host').fill('www.example.com');
	await request(demo).getByLabel('Path').fill('index.html');
	await expect(demo.locator('.demo__error')).toContainText('must start with "/"');
	await request(demo).getByLabel('Path').fill('/index.html?lang=en');
	await expect(result(demo)).toContainText('is ignored: path patterns compare only the path');
});

for (const theme of ['light', 'dark'] as const) {
	test(`passes axe (WCAG 2.2 AA) in the ${theme} theme, with a result, a log and an error`, async ({ page }) => {
		// Several full axe runs on a long chapter take a while on a busy machine.
		test.slow();
		const demo = await openDemo(page);
		await setTheme(page, theme);
		expect(await axeViolations(page, SELECTOR)).toEqual([]);
		await request(demo).getByRole('button', { name: 'Send request' }).click();
		await expect(sent(demo)).toHaveCount(1);
		expect(await axeViolations(page, SELECTOR)).toEqual([]);
		await request(demo).getByLabel('Host').fill('bad host');
		await expect(demo.locator('.demo__error')).toBeVisible();
		expect(await axeViolations(page, SELECTOR)).toEqual([]);
	});
}
