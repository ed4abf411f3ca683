// Draws public/social-card.png, the 1200×630 link-preview image, with the exam code from the exam guide data.
// Run it when the exam changes: node scripts/social-card.ts
import { chromium } from 'playwright-core';
import { findChromium } from '../src/integrations/chromium.ts';
import { EXAM_CODE } from '../src/exam-guide.ts';

const html = `<!doctype html><html><head><style>
body { margin: 0; width: 1200px; height: 630px; background: #17181c; font-family: 'Liberation Sans', Arial, sans-serif; }
main { padding: 90px; }
p.kicker { color: #ff9900; font-size: 34px; font-weight: bold; letter-spacing: 1px; margin: 0 0 20px; }
h1 { color: #fff; font-size: 80px; line-height: 1.05; margin: 0 0 40px; }
p.lede { color: #c8cad0; font-size: 32px; line-height: 1.4; margin: 0; max-width: 760px; }
svg { margin-top: 50px; }
</style></head><body><main>
<p class="kicker">${EXAM_CODE} STUDY NOTES</p>
<h1>AWS Developer<br>Associate Notes</h1>
<p class="lede">IAM to Bedrock: checked against the AWS docs, with diagrams, demos and practice questions.</p>
<svg width="260" height="40" viewBox="0 0 260 40"><path d="M5 8 Q130 65 255 8" stroke="#ff9900" stroke-width="7" fill="none" stroke-linecap="round"/></svg>
</main></body></html>`;

const { executablePath, args } = findChromium();
const browser = await chromium.launch({ executablePath, args });
const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
await page.setContent(html);
await page.screenshot({ path: 'public/social-card.png' });
await browser.close();
console.log(`public/social-card.png: ${EXAM_CODE}`);
