import type { Page } from '@playwright/test';
import { test, expect, axeViolations, openChapterDemo, setTheme } from './fixtures.ts';

const PAGE = 'scaling/elastic-load-balancing/';
const NAME = 'Try it: Application Load Balancer routing';
const SELECTOR = 'section[data-demo="load-balancer-router"]';

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

// One page load walks every scenario. Each step undoes its edits through the demo's controls
// (the original request, Reset counters, removing what it added) so the next one starts as a fresh
// load would; removing example rows cannot be undone, so that step comes last.
test('routes requests by rule, algorithm, health and certificate, reports bad input, fits a phone, works by keyboard and passes axe', async ({
	page,
}) => {
	// Several full axe runs on a long chapter take a while on a busy machine.
	test.slow();
	const demo = await openChapterDemo(page, PAGE, NAME);
	const host = request(demo).getByLabel('Host');
	const path = request(demo).getByLabel('Path');
	const send = request(demo).getByRole('button', { name: 'Send request' });
	const webHealthy = demo.getByRole('group', { name: 'Target group web-tg' }).getByLabel('Healthy').first();
	const example = { host: await host.inputValue(), path: await path.inputValue() };
	const restore = async () => {
		await host.fill(example.host);
		await path.fill(example.path);
		await request(demo).getByRole('button', { name: 'Reset counters' }).click();
		await expect(sent(demo)).toHaveCount(0);
		await expect(demo.locator('.demo__error')).toHaveCount(0);
		await expect(result(demo)).toContainText('Next request: the default rule → web-tg → i-web-1 in us-east-1a');
		await expect(result(demo)).toContainText('Certificate: *.example.com (wildcard match)');
	};

	await test.step('round robin advances with each request and skips the unhealthy target', async () => {
		for (let i = 0; i < 3; i++) await send.click();
		await expect(sent(demo)).toHaveText([/→ i-web-1 /, /→ i-web-2 /, /→ i-web-1 /]);
		await expect(result(demo)).toContainText('→ web-tg → i-web-2 in us-east-1b');
		await request(demo).getByRole('button', { name: 'Reset counters' }).click();
		await expect(sent(demo)).toHaveCount(0);
		await expect(result(demo)).toContainText('→ i-web-1 in us-east-1a');
	});

	await test.step('marking a target unhealthy takes it out of the rotation', async () => {
		// Each rule's select shows its own target group after hydration, not the first option.
		await expect(demo.getByRole('group', { name: 'Rule 1' }).getByLabel('Forward to')).toHaveValue('api-tg');
		await expect(demo.getByRole('group', { name: 'Rule 2' }).getByLabel('Forward to')).toHaveValue('legacy-tg');
		await webHealthy.uncheck();
		await expect(result(demo)).toContainText('→ web-tg → i-web-2 in us-east-1b');
		await webHealthy.check();
		await restore();
	});

	await test.step('the host rule wins by priority and least outstanding requests picks the least busy target', async () => {
		await host.fill('api.example.com');
		await expect(result(demo)).toContainText('Next request: the rule with priority 10 → api-tg → i-api-2');
		await expect(result(demo)).toContainText('Certificate: api.example.com (exact match)');
		const inFlight = demo.getByRole('group', { name: 'Target group api-tg' }).getByText(/^In flight: \d+$/);
		await expect(inFlight).toHaveText(['In flight: 3', 'In flight: 1']);
		await restore();
	});

	await test.step('least outstanding requests: requests complete, so the slow target gets fewer of them', async () => {
		await host.fill('api.example.com');
		const inFlight = demo.getByRole('group', { name: 'Target group api-tg' }).getByText(/^In flight: \d+$/);
		for (let i = 1; i <= 4; i++) {
			await send.click();
			await expect(sent(demo)).toHaveCount(i);
		}
		// i-api-1 is slow and starts busy: the fast i-api-2 takes every request while i-api-1 completes its three.
		await expect(sent(demo)).toHaveText([/→ i-api-2 /, /→ i-api-2 /, /→ i-api-2 /, /→ i-api-2 /]);
		await expect(inFlight).toHaveText(['In flight: 0', 'In flight: 0']);
		await send.click();
		await expect(sent(demo).first()).toContainText('→ i-api-1 ');
		await expect(inFlight).toHaveText(['In flight: 1', 'In flight: 0']);
		await expect(demo.getByRole('group', { name: 'Target group api-tg' }).getByLabel('Response time').first()).toHaveValue('4');
		await restore();
		await expect(inFlight).toHaveText(['In flight: 3', 'In flight: 1']);
	});

	await test.step('when every target is unhealthy the load balancer fails open', async () => {
		await path.fill('/legacy/app');
		await expect(result(demo)).toContainText('the rule with priority 20 → legacy-tg → i-old-1');
		await expect(result(demo)).toContainText('fails open');
		await restore();
	});

	await test.step('SNI falls back to the default certificate when a wildcard would need two labels', async () => {
		await host.fill('a.b.example.com');
		await expect(result(demo)).toContainText('Certificate: example.com (default match)');
		await expect(result(demo)).toContainText('a wildcard covers exactly one label');
		await demo.getByRole('group', { name: 'Certificate 2' }).getByLabel('Default').check();
		await expect(result(demo)).toContainText('Certificate: *.example.com (default match)');
		await demo.getByRole('group', { name: 'Certificate 1' }).getByLabel('Default').check();
		await expect(result(demo)).toContainText('Certificate: example.com (default match)');
		await restore();
	});

	await test.step('an added rule gets the next free priority, and errors sit beside the field that caused them', async () => {
		await demo.getByRole('button', { name: 'Add rule' }).click();
		const rule3 = demo.getByRole('group', { name: 'Rule 3' });
		const priority = rule3.getByLabel('Priority');
		await expect(priority).toHaveValue('30');
		await expect(result(demo)).toContainText('Next request:');
		await expect(demo.locator('.demo__error')).toHaveCount(0);
		await priority.fill('10');
		await expect(priority).toHaveAttribute('aria-invalid', 'true');
		await expect(priority).toHaveAccessibleDescription(/priority 10 is already used/);
		await expect(rule3.locator('.demo__error')).toContainText('priority 10 is already used');
		// Right under the field, not at the top of the demo.
		const field = (await priority.boundingBox())!;
		const message = (await rule3.locator('.demo__error').boundingBox())!;
		expect(Math.abs(message.y - (field.y + field.height))).toBeLessThan(40);
		await expect(demo.getByRole('group', { name: 'Rule 1' }).getByLabel('Priority')).not.toHaveAttribute('aria-invalid', 'true');
		await priority.fill('5');
		await expect(priority).not.toHaveAttribute('aria-invalid', 'true');
		await rule3.getByLabel('Path is (comma-separated)').fill('/index.*');
		await rule3.getByLabel('Forward to').selectOption('api-tg');
		await expect(result(demo)).toContainText('Next request: the rule with priority 5 → api-tg');
		await demo.getByRole('button', { name: 'Remove rule 3' }).click();
		await expect(rule3).toHaveCount(0);
		await restore();
	});

	await test.step('bad request input shows an inline error and disables sending', async () => {
		await host.fill('www.example.com:8443');
		await expect(request(demo).locator('.demo__error')).toContainText('without a port');
		await expect(host).toHaveAccessibleDescription(/without a port/);
		await expect(send).toBeDisabled();
		await host.fill('www.example.com');
		await path.fill('index.html');
		await expect(demo.locator('.demo__error')).toContainText('must start with "/"');
		await path.fill('/index.html?lang=en');
		await expect(result(demo)).toContainText('is ignored: path patterns compare only the path');
		await restore();
	});

	for (const theme of ['light', 'dark'] as const) {
		await test.step(`passes axe (WCAG 2.2 AA) in the ${theme} theme, with a result, a log and an error`, async () => {
			await setTheme(page, theme);
			expect(await axeViolations(page, SELECTOR), `${theme} theme, with a result`).toEqual([]);
			await send.click();
			await expect(sent(demo)).toHaveCount(1);
			expect(await axeViolations(page, SELECTOR), `${theme} theme, with a log`).toEqual([]);
			await host.fill('bad host');
			await expect(demo.locator('.demo__error')).toBeVisible();
			expect(await axeViolations(page, SELECTOR), `${theme} theme, with an error`).toEqual([]);
			await restore();
		});
	}

	await test.step('on a 375 px phone: the routing result stays within one screen of each control that changes it', async () => {
		const desktop = page.viewportSize()!;
		await page.setViewportSize({ width: 375, height: 667 });
		const controls = [
			demo.getByRole('group', { name: 'Rule 2' }).getByLabel('Forward to'),
			webHealthy,
			demo.getByRole('group', { name: 'Target group api-tg' }).getByLabel('Algorithm'),
			demo.getByRole('group', { name: 'Certificate 3' }).getByLabel('Domain name'),
		];
		for (const control of controls) {
			await control.scrollIntoViewIfNeeded();
			// The nearest line that says where the next request goes, measured from the control.
			const gap = await control.evaluate((el) => {
				const top = el.getBoundingClientRect().top;
				const results = [...el.closest('section')!.querySelectorAll('p')].filter((p) => p.textContent?.startsWith('Next request:'));
				return Math.min(...results.map((p) => Math.abs(p.getBoundingClientRect().top - top)));
			});
			expect(gap).toBeLessThanOrEqual(667);
		}
		await webHealthy.scrollIntoViewIfNeeded();
		await webHealthy.uncheck();
		const summary = demo.locator('p').filter({ hasText: /^Next request:/ }).last();
		await expect(summary).toContainText('→ web-tg → i-web-2');
		await expect(summary).toBeInViewport();

		// The summary never hides the control that has keyboard focus.
		await host.focus();
		for (let i = 0; i < 40; i++) {
			await page.keyboard.press('Tab');
			const overlap = await summary.evaluate((bar) => {
				const focused = document.activeElement!.getBoundingClientRect();
				return bar.closest('section')!.contains(document.activeElement) && focused.bottom > bar.getBoundingClientRect().top;
			});
			expect(overlap, `focus stop ${i + 1} is under the summary`).toBe(false);
		}
		await webHealthy.check();
		await page.setViewportSize(desktop);
		await restore();
	});

	await test.step('removing rows with the keyboard keeps focus in the demo', async () => {
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
		await host.fill('api.example.com');
		// Without rule 2 and without the api.example.com certificate, the wildcard certificate now answers.
		await expect(result(demo)).toContainText('Certificate: *.example.com (wildcard match)');
	});
});
