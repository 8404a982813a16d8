// The services directory in a real browser: a manager adds a service, a duplicate shows GOV.UK errors, and the
// empty, filled and error pages have no serious accessibility problems.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { addUser, startHearth } from '../integration/support/hearth_process.mjs';
import { axeViolations, launchBrowser } from './support/browser.mjs';

const PASSWORD = 'a long enough passphrase';
let hearth;
let browser;

before(async () => {
  hearth = await startHearth();
  await addUser(hearth.dbPath, 'dana', 'manager', PASSWORD, 'Families Team West');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await hearth?.stop();
});

async function seriousProblems(page) {
  return (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

test('a manager adds a service from the navigation; a duplicate is refused with GOV.UK errors', async () => {
  // axe-core is injected as a script, which the pages' CSP (rightly) refuses: this context bypasses CSP for that.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${hearth.baseUrl}/sign-in`);
  await page.fill('input[name="username"]', 'dana');
  await page.fill('input[name="password"]', PASSWORD);
  await Promise.all([page.waitForURL(`${hearth.baseUrl}/`), page.click('form[action="/sign-in"] button[type="submit"]')]);

  await Promise.all([page.waitForURL(/\/admin\/services$/), page.click('nav a[href="/admin/services"]')]);
  assert.match(await page.textContent('main'), /There are no services in the directory yet/);
  assert.deepEqual(await seriousProblems(page), [], 'the empty directory');

  await Promise.all([page.waitForURL(/\/admin\/services\/new$/), page.click('a[href="/admin/services/new"].govuk-button')]);
  await page.fill('input[name="name"]', 'Family Hub');
  await page.fill('input[name="kind"]', 'family support');
  await Promise.all([page.waitForURL(/\/admin\/services\?added=\d+$/), page.click('form[action="/admin/services"] button[type="submit"]')]);
  assert.match(await page.textContent('.govuk-notification-banner'), /Family Hub was added to the directory/);
  assert.equal((await page.textContent('tbody th')).trim(), 'Family Hub');
  assert.deepEqual(await seriousProblems(page), [], 'the directory with a service');

  await page.goto(`${hearth.baseUrl}/admin/services/new`);
  await page.fill('input[name="name"]', 'FAMILY HUB');
  await page.click('form[action="/admin/services"] button[type="submit"]');
  await page.waitForSelector('.govuk-error-summary');
  assert.match(await page.textContent('#name-error'), /already in the directory/);
  assert.equal(await page.inputValue('input[name="name"]'), 'FAMILY HUB');
  assert.deepEqual(await seriousProblems(page), [], 'the form with errors');
  await context.close();
});
