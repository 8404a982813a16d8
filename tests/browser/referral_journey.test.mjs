// The front door in a real browser: sign in, record a referral for a new family, land on the family page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { addUser, startHearth } from '../integration/support/hearth_process.mjs';
import { axeViolations, launchBrowser } from './support/browser.mjs';

const PASSWORD = 'a long enough passphrase';
let hearth;
let browser;

before(async () => {
  hearth = await startHearth();
  await addUser(hearth.dbPath, 'coordinator', 'front_door_coordinator', PASSWORD, 'Front Door');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await hearth?.stop();
});

async function signIn(page) {
  await page.goto(`${hearth.baseUrl}/sign-in`);
  await page.fill('input[name="username"]', 'coordinator');
  await page.fill('input[name="password"]', PASSWORD);
  await Promise.all([page.waitForURL(`${hearth.baseUrl}/`), page.click('form[action="/sign-in"] button[type="submit"]')]);
  assert.equal((await page.textContent('[data-testid="signed-in-user"]')).trim(), 'coordinator');
}

test('a coordinator records a referral for a new family and sees the family page', async () => {
  // axe-core is injected as a script, which the pages' CSP (rightly) refuses: this context bypasses CSP for that.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await signIn(page);

  await page.goto(`${hearth.baseUrl}/referrals/new`);
  const today = new Date().toISOString().slice(0, 10);
  await page.fill('input[name="received_on"]', today);
  await page.check('input[name="source"][value="school"]');
  await page.check('input[name="reasons"][value="education"]');
  await page.check('input[name="reasons"][value="family_relationships"]');
  await page.fill('input[name="family.area"]', 'West');
  await page.fill('input[name="family.address_line_1"]', '12 Heol y Felin');
  await page.fill('input[name="family.postcode"]', 'cf37 1dl');
  await page.fill('input[name="people[0].given_name"]', 'Lowri');
  await page.fill('input[name="people[0].family_name"]', 'Pritchard');
  await page.fill('input[name="people[0].date_of_birth"]', '2016-05-04');
  await page.check('input[name="people[0].role"][value="child"]');
  await page.check('input[name="consent_given"][value="yes"]');
  await page.fill('input[name="consent_given_by"]', 'Mother');
  await page.fill('input[name="consent_given_on"]', today);
  await page.check('input[name="decision"][value="early_help"]');
  await page.fill('textarea[name="rationale"]', 'School reports low attendance and stress at home; family asked for help.');
  await Promise.all([page.waitForURL(/\/families\/\d+$/), page.click('form[action="/referrals"] button[type="submit"]')]);

  assert.match(await page.textContent('h1'), /Lowri/);
  const body = await page.textContent('main');
  assert.match(body, /Pritchard/);
  assert.match(body, /CF37 1DL/, 'the postcode is shown normalised');
  assert.match(body, /Awaiting allocation/, 'an early-help decision opens an episode awaiting allocation');

  const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious, [], 'the family page has no serious accessibility problems');
  await context.close();
});

test('the referral form shows GOV.UK errors and keeps what was typed', async () => {
  const page = await browser.newPage();
  await signIn(page);
  await page.goto(`${hearth.baseUrl}/referrals/new`);
  await page.fill('input[name="people[0].given_name"]', 'Cai');
  await page.click('form[action="/referrals"] button[type="submit"]');
  await page.waitForSelector('.govuk-error-summary');
  assert.match(await page.textContent('.govuk-error-summary'), /There is a problem/);
  assert.equal(await page.inputValue('input[name="people[0].given_name"]'), 'Cai');
  await page.close();
});

test('pages work with JavaScript turned off', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page);
  await page.goto(`${hearth.baseUrl}/families?q=zzzz`);
  assert.equal(await page.locator('h1').count(), 1);
  await context.close();
});
