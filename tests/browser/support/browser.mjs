// Browser tests drive Debian's Chromium (/usr/bin/chromium, installed by scripts/install-deps.sh --test) through
// playwright-core; no browser is ever downloaded.
//
//   const browser = await launchBrowser();
//   const page = await browser.newPage();
//   await page.goto(`${hearth.baseUrl}/sign-in`);
//   assert.deepEqual(await axeViolations(page), []);
//   await browser.close();
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.HEARTH_CHROMIUM ?? '/usr/bin/chromium';

// Headless, and quiet on the network: this machine has none beyond loopback, and Chromium's background requests
// would only fail (many at a time).
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export function launchBrowser(options = {}) {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    ...options,
  });
}

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

// Runs axe-core on the page as it is now; resolves the violations (empty when there are none), each shortened to
// {id, impact, help, targets} so that assert.deepEqual(…, []) prints something readable.
export async function axeViolations(page, { tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } = {}) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.addScriptTag({ path: AXE_PATH });
  }
  const results = await page.evaluate((runOnly) => window.axe.run(document, { runOnly }), { type: 'tag', values: tags });
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
}
