import type { Locator, Page } from '@playwright/test';
import { test, expect, axeViolations, openChapterDemo, setTheme } from './fixtures.ts';

const PAGE = 'dns/dns-fundamentals/';
const NAME = 'DNS resolution stepper';
const SELECTOR = 'section[data-demo="dns-resolution-stepper"]';

const openDemo = (page: Page) => openChapterDemo(page, PAGE, NAME);

const live = (demo: Locator) => demo.locator('[aria-live="polite"]');
// The ordered list holds the steps; the answer's records are in a separate list.
const steps = (demo: Locator) => live(demo).locator('ol > li');
const lookUp = (demo: Locator) => demo.getByRole('button', { name: /^Look up/ }).click();
const showAll = (demo: Locator) => demo.getByRole('button', { name: 'Show all steps' }).click();

async function advance(demo: Locator, seconds: string) {
	await demo.getByLabel('Advance clock by (seconds)').fill(seconds);
	await demo.getByRole('button', { name: 'Advance clock', exact: true }).click();
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the server-rendered demo shows the first step of the example lookup', async ({ page }) => {
		await page.goto(PAGE);
		const demo = page.getByRole('region', { name: NAME });
		await expect(demo.getByLabel('Domain name')).toHaveValue('www.example.com');
		await expect(live(demo)).toContainText('step 1 of 7');
		await expect(live(demo)).toContainText("not in this device's cache");
	});
});

test('Next step walks root, TLD and the Route 53 name servers to the answer', async ({ page }) => {
	const demo = await openDemo(page);
	const next = demo.getByRole('button', { name: 'Next step' });
	for (let i = 2; i <= 7; i++) {
		await next.click();
		await expect(live(demo)).toContainText(`step ${i} of 7`);
	}
	await expect(steps(demo)).toHaveCount(7);
	await expect(steps(demo).nth(2)).toContainText('Root server');
	await expect(steps(demo).nth(3)).toContainText('TLD server');
	await expect(steps(demo).nth(3)).toContainText('awsdns');
	await expect(steps(demo).nth(4)).toContainText('TTL 300 s');
	await expect(demo.locator('.demo__result')).toContainText('www.example.com 300 A 192.0.2.10');
	await expect(next).toBeDisabled();
});

test('a second device gets the answer from the recursive resolver cache; the same device from its own cache', async ({ page }) => {
	const demo = await openDemo(page);
	await showAll(demo);
	await lookUp(demo);
	await expect(live(demo)).toContainText('step 1 of 1');
	await expect(live(demo)).toContainText("this device's own cache");

	await demo.getByLabel('Ask from').selectOption('phone');
	await lookUp(demo);
	await showAll(demo);
	await expect(steps(demo)).toHaveCount(3);
	await expect(live(demo)).toContainText('Root, TLD and authoritative servers are not contacted');
	await expect(live(demo)).not.toContainText('Root server');
	await expect(demo.locator('.demo__result')).toContainText('Queries sent by the recursive resolver to name servers: 0');
});

test('after the TTL passes the resolver asks again; after the NS TTL it walks from the root', async ({ page }) => {
	const demo = await openDemo(page);
	await showAll(demo);
	await advance(demo, '301');
	await expect(demo.getByText('Clock: 301 s')).toBeVisible();
	await demo.getByLabel('Ask from').selectOption('phone');
	await lookUp(demo);
	await showAll(demo);
	await expect(live(demo)).toContainText('(it expired)');
	await expect(live(demo)).toContainText('Authoritative server');
	await expect(live(demo)).not.toContainText('Root server');

	await advance(demo, '200000');
	await lookUp(demo);
	await showAll(demo);
	await expect(live(demo)).toContainText('Root server');
	await expect(live(demo)).toContainText('TLD server');
});

test('a CNAME chain resolves the target name with extra steps', async ({ page }) => {
	const demo = await openDemo(page);
	await demo.getByLabel('Record type').selectOption({ label: 'CNAME chain (asks for A, gets a CNAME)' });
	await expect(demo.getByLabel('Domain name')).toHaveValue('shop.example.com');
	await lookUp(demo);
	await showAll(demo);
	await expect(live(demo)).toContainText('Answers with a CNAME');
	await expect(live(demo)).toContainText('.net name servers');
	await expect(demo.locator('.demo__result')).toContainText('shop.example.com 300 CNAME shops.example.net');
	await expect(demo.locator('.demo__result')).toContainText('shops.example.net 120 A 192.0.2.50');
});

test('a Route 53 alias at the zone apex answers with A records directly', async ({ page }) => {
	const demo = await openDemo(page);
	await demo.getByLabel('Record type').selectOption({ label: 'Route 53 alias at the zone apex (asks for A)' });
	await expect(demo.getByLabel('Domain name')).toHaveValue('example.com');
	await lookUp(demo);
	await showAll(demo);
	await expect(live(demo)).toContainText('Route 53 alias record');
	await expect(live(demo)).toContainText('zone apex');
	await expect(live(demo)).not.toContainText('Answers with a CNAME');
	await expect(demo.locator('.demo__result')).toContainText('example.com 60 A 198.51.100.10');
});

test('an unknown name gets NXDOMAIN from the authoritative server', async ({ page }) => {
	const demo = await openDemo(page);
	await demo.getByLabel('Domain name').fill('missing.example.com');
	await lookUp(demo);
	await showAll(demo);
	await expect(live(demo)).toContainText('example.com has no record named missing.example.com');
	await expect(demo.locator('.demo__result')).toContainText('Result: NXDOMAIN');
	await expect(demo.locator('.demo__result')).toHaveAttribute('data-verdict', 'deny');
});

test('names outside the made-up zones are labelled as the demo\'s answer; a bare zone apex is NODATA', async ({ page }) => {
	const demo = await openDemo(page);
	const name = demo.getByLabel('Domain name');
	const result = demo.locator('.demo__result');
	for (const outside of ['amazon.com', 'example.io']) {
		await name.fill(outside);
		await lookUp(demo);
		await showAll(demo);
		await expect(result).toContainText('NXDOMAIN');
		await expect(result).toContainText(`${outside} is not in this demo's small world`);
		await expect(live(demo)).not.toContainText(/registered|there is no top-level domain|the name does not exist/);
	}
	await name.fill('example.net');
	await lookUp(demo);
	await showAll(demo);
	await expect(result).toContainText('Result: NOERROR');
	await expect(live(demo)).toContainText('zone apex, which always holds the zone\'s SOA and NS records');
});

test('the button says Look up until the reader has looked the name up', async ({ page }) => {
	const demo = await openDemo(page);
	await expect(demo.getByRole('button', { name: 'Look up', exact: true })).toBeVisible();
	await lookUp(demo);
	await expect(demo.getByRole('button', { name: 'Look up again', exact: true })).toBeVisible();
	await demo.getByLabel('Domain name').fill('api.example.com');
	await expect(demo.getByRole('button', { name: 'Look up', exact: true })).toBeVisible();
});

test.describe('on a 375 px phone', () => {
	test.use({ viewport: { width: 375, height: 667 } });

	test('the chapter does not scroll sideways', async ({ page }) => {
		await openDemo(page);
		const { scrollWidth, clientWidth } = await page.evaluate(() => ({
			scrollWidth: document.documentElement.scrollWidth,
			clientWidth: document.documentElement.clientWidth,
		}));
		expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
	});
});

test('bad input shows an inline error and never breaks the demo', async ({ page }) => {
	const demo = await openDemo(page);
	const name = demo.getByLabel('Domain name');
	for (const [input, message] of [
		['-bad.example.com', 'starts or ends with a hyphen'],
		['a..example.com', 'empty label'],
		['under_score.example.com', 'only letters, digits and hyphens'],
		['', 'Enter a domain name'],
		[`${'a'.repeat(64)}.com`, 'at most 63 characters'],
	]) {
		await name.fill(input!);
		await lookUp(demo);
		await expect(demo.getByRole('alert')).toContainText(message!);
	}
	await name.fill('www.example.com');
	await lookUp(demo);
	await expect(demo.getByRole('alert')).toHaveCount(0);
	await advance(demo, 'soon');
	await expect(demo.getByRole('alert')).toContainText('whole seconds');
	await advance(demo, '-5');
	await expect(demo.getByRole('alert')).toContainText('whole seconds');
	await expect(demo.getByText('Clock: 0 s')).toBeVisible();
});

test('the stepper works from the keyboard', async ({ page }) => {
	const demo = await openDemo(page);
	const name = demo.getByLabel('Domain name');
	await name.fill('api.example.com');
	await name.press('Enter');
	await expect(live(demo)).toContainText('api.example.com A');
	const next = demo.getByRole('button', { name: 'Next step' });
	await next.focus();
	await page.keyboard.press('Enter');
	await expect(live(demo)).toContainText('step 2 of');
	await page.keyboard.press('Space');
	await expect(live(demo)).toContainText('step 3 of');
});

test('the cache table and Clear all caches', async ({ page }) => {
	const demo = await openDemo(page);
	await showAll(demo);
	await demo.getByText(/Recursive resolver cache \(\d+ entries\)/).click();
	await expect(demo.getByRole('table')).toContainText('www.example.com A 192.0.2.10');
	await demo.getByRole('button', { name: 'Clear all caches' }).click();
	await expect(live(demo)).toContainText('Caches are empty');
	await expect(demo.getByText('Recursive resolver cache (0 entries)')).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
	test(`no WCAG 2.2 AA violations in the ${theme} theme`, async ({ page }) => {
		const demo = await openDemo(page);
		await setTheme(page, theme);
		await showAll(demo);
		await demo.getByText(/Recursive resolver cache/).click();
		await demo.getByLabel('Domain name').fill('-x');
		await lookUp(demo);
		expect(await axeViolations(page, SELECTOR)).toEqual([]);
	});
}
