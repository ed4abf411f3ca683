import { test, expect, axeViolations, openChapterDemo, setTheme } from './fixtures.ts';

const PAGE = 'security/encryption-and-secrets/';
const NAME = 'Envelope encryption stepper';
const SELECTOR = 'section[data-demo="envelope-encryption-stepper"]';

// One page load for the whole spec: the server-rendered example is read from the HTML itself.
test('shows the steps, the 4 KB rule and what KMS sees, reports bad input by its field, works by keyboard and passes axe', async ({ page }) => {
	const html = await (await page.request.get(PAGE)).text();
	expect(html).toContain('49 bytes: direct Encrypt would also work');
	expect(html).toContain('Step 1 of 5: Ask KMS for a data key');
	expect(html).toContain('GenerateDataKey(KeyId=alias/orders-app, KeySpec=AES_256');
	expect(html).toContain('This demo needs JavaScript');

	const demo = await openChapterDemo(page, PAGE, NAME);
	const message = demo.getByLabel('Message to encrypt');
	const context = demo.getByLabel('Encryption context (optional)');
	const keySpec = demo.getByLabel('Data key');
	const rule = demo.locator('[data-part="size-rule"]');
	const step = demo.locator('[data-part="step"]');
	const list = (name: string) => step.getByRole('list', { name });
	const stepButton = (n: number) => demo.getByRole('list', { name: 'Steps' }).getByRole('button', { name: new RegExp(`^${n}\\. `) });
	await expect(demo.getByText(/This demo needs JavaScript/)).toBeHidden();
	await expect(rule).toHaveAttribute('aria-live', 'polite');
	await expect(step).toHaveAttribute('aria-live', 'polite');

	// Sizes are UTF-8 bytes: é is 2 bytes and € is 3.
	await message.fill('héllo €');
	await expect(message).toHaveAccessibleDescription('10 bytes in UTF-8 (up to 1,048,576 bytes here).');
	await expect(rule).toContainText('10 bytes: direct Encrypt would also work');
	await expect(rule).toContainText('still the better choice');

	// Over 4,096 bytes only envelope encryption can take it; AES-GCM adds a 16-byte tag.
	await message.fill('a'.repeat(5000));
	await expect(rule).toContainText('5,000 bytes: too big for direct Encrypt');
	await expect(rule).toContainText('over the 4,096 bytes that KMS Encrypt accepts');
	await expect(list('What KMS sees')).toContainText('alias/orders-app');
	await expect(list('What KMS sees')).toContainText('"tenant": "acme"');
	await expect(list('What KMS never sees')).toContainText('the message "aaaa');
	await demo.getByRole('button', { name: 'Next', exact: true }).click();
	await expect(step).toContainText('Step 2 of 5: Encrypt the message locally');
	await expect(list('What KMS sees')).toHaveText('Nothing: this step sends no request to KMS.');
	await expect(list('What KMS never sees')).toContainText('its ciphertext (5,016 bytes)');

	// Jump straight to a step from the list.
	await stepButton(4).click();
	await expect(stepButton(4)).toHaveAttribute('aria-current', 'step');
	await expect(stepButton(2)).not.toHaveAttribute('aria-current');
	await expect(step).toContainText('Decrypt(CiphertextBlob=⟨encrypted data key⟩, EncryptionContext={"tenant": "acme", "purpose": "invoice"})');
	await expect(step).toContainText('InvalidCiphertextException');
	await expect(list('What KMS sees')).toContainText('the encrypted data key');
	await expect(list('In your storage (illustrative)')).toContainText('⟨ciphertext of the message, 5,016 bytes⟩');
	await expect(list('In application memory (illustrative)')).toHaveText('⟨plaintext data key, 32 bytes⟩');

	// Bad input: the message sits by its field and is its accessible description; no step details are shown.
	await context.fill('tenant=acme, tenant=other');
	await expect(context).toHaveAttribute('aria-invalid', 'true');
	await expect(context).toHaveAccessibleDescription(/"tenant" appears twice/);
	await expect(step).toContainText('Fix the field marked above');
	await expect(list('What KMS sees')).toHaveCount(0);
	await context.fill('tenant');
	await expect(context).toHaveAccessibleDescription(/"tenant" has no = sign/);
	await message.fill('');
	await expect(message).toHaveAttribute('aria-invalid', 'true');
	await expect(message).toHaveAccessibleDescription(/Type a message/);
	await expect(rule).toContainText('Fix the fields marked above');
	await expect(keySpec).not.toHaveAttribute('aria-invalid');

	// Keyboard only: fix both fields, pick the key length and move through the steps.
	await message.focus();
	await page.keyboard.type('hi');
	await page.keyboard.press('Tab');
	await expect(context).toBeFocused();
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.type('app=notes');
	await expect(context).not.toHaveAttribute('aria-invalid');
	await page.keyboard.press('Tab');
	await expect(keySpec).toBeFocused();
	await page.keyboard.press('ArrowDown');
	await expect(keySpec).toHaveValue('AES_128');
	await expect(rule).toContainText('2 bytes: direct Encrypt would also work');
	await stepButton(1).focus();
	await page.keyboard.press('Enter');
	await expect(step).toContainText('Step 1 of 5');
	await expect(step).toContainText('KeySpec=AES_128, EncryptionContext={"app": "notes"}');
	await page.keyboard.press('Tab');
	await expect(stepButton(2)).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(step).toContainText('Step 2 of 5');
	const next = demo.getByRole('button', { name: 'Next', exact: true });
	await next.focus();
	await page.keyboard.press('Enter');
	await expect(step).toContainText('Step 3 of 5: Discard the plaintext key, store the envelope');
	await expect(list('In application memory (illustrative)')).toHaveText('no data key any more');
	await page.keyboard.press('Space');
	await page.keyboard.press('Space');
	await expect(step).toContainText('Step 5 of 5');
	// At the last step Next is marked disabled but keeps focus, and pressing it again changes nothing.
	await expect(next).toHaveAttribute('aria-disabled', 'true');
	await expect(next).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(step).toContainText('Step 5 of 5');
	await page.keyboard.press('Shift+Tab');
	await expect(demo.getByRole('button', { name: 'Previous' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(step).toContainText('Step 4 of 5');

	// Readable on a 375 px phone: nothing scrolls sideways, even with a long context.
	await context.fill('department=engineering-platform-team, purpose=quarterly-invoice-archive');
	await page.setViewportSize({ width: 375, height: 700 });
	await demo.scrollIntoViewIfNeeded();
	expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
	await page.setViewportSize({ width: 1280, height: 720 });

	for (const theme of ['light', 'dark'] as const) {
		await setTheme(page, theme);
		expect(await axeViolations(page, SELECTOR), `${theme} theme, with a result`).toEqual([]);
		await context.fill('=x');
		await expect(context).toHaveAttribute('aria-invalid', 'true');
		expect(await axeViolations(page, SELECTOR), `${theme} theme, with a message`).toEqual([]);
		await context.fill('app=notes');
	}
});
