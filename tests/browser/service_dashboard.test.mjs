// The service dashboard in a real browser: an analyst opens it from the navigation, sees the figures as tables with
// a chart drawn from each, changes the period, downloads the CSV of the same figures and chooses one team; the page has no serious
// accessibility problems.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';

import { addUser, sqlite, startHearth } from '../integration/support/hearth_process.mjs';
import { axeViolations, launchBrowser } from './support/browser.mjs';

const PASSWORD = 'a long enough passphrase';
let hearth;
let browser;


// Three referrals (two in January 2024, one in February); one family through to a closed intervention in March.
const HISTORY = `
INSERT INTO teams (id, external_id, name) VALUES (900, 'team-west', 'Dashboard Team West');
INSERT INTO families (id, area, created_at, updated_at) VALUES (901, 'West', 't', 't'), (902, 'East', 't', 't');
INSERT INTO referrals (id, family_id, received_on, source, decision, created_at) VALUES
  (901, 901, '2024-01-10', 'school', 'early_help', 't'),
  (902, 902, '2024-01-25', 'children_social_care', 'early_help', 't'),
  (903, 902, '2024-02-20', 'police', 'advice', 't');
INSERT INTO episodes (id, family_id, referral_id, opened_on, stage, created_at, allocated_assessment_on,
                      ea_officer_id) VALUES (901, 901, 901, '2024-01-10', 'assessment', 't', '2024-01-17', 1);
INSERT INTO episodes (id, family_id, referral_id, opened_on, stage, created_at, allocated_assessment_on,
                      ea_officer_id, assessment_completed_on, brokerage_started_on, br_officer_id, plan_completed_on,
                      panel_on, intervention_started_on, team_id, closed_on, closure_reason)
  VALUES (902, 902, 902, '2024-01-25', 'closed', 't', '2024-01-26', 1, '2024-02-02', '2024-02-05', 1, '2024-02-12',
          '2024-02-14', '2024-02-19', 900, '2024-03-29', 'outcomes_met');
INSERT INTO contacts (episode_id, occurred_on, kind, created_at) VALUES (902, '2024-02-27', 'home_visit', 't');
`;

before(async () => {
  hearth = await startHearth();
  await addUser(hearth.dbPath, 'ana', 'analyst', PASSWORD, 'Performance');
  await sqlite(hearth.dbPath, HISTORY);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await hearth?.stop();
});

// The headline table's value for a figure, by its row header.
async function headline(page, figure) {
  return (await page.locator('#headline-table tbody tr', { hasText: figure }).locator('td').textContent()).trim();
}

test('an analyst reads the dashboard, changes the period and downloads the CSV', async () => {
  const context = await browser.newContext({ bypassCSP: false, acceptDownloads: true });
  const page = await context.newPage();
  const scriptErrors = [];
  page.on('pageerror', (e) => scriptErrors.push(e.message));
  await page.goto(`${hearth.baseUrl}/sign-in`);
  await page.fill('input[name="username"]', 'ana');
  await page.fill('input[name="password"]', PASSWORD);
  await Promise.all([page.waitForURL(`${hearth.baseUrl}/`), page.click('form[action="/sign-in"] button[type="submit"]')]);

  await Promise.all([page.waitForURL(/\/reports\/service$/), page.click('nav a[href="/reports/service"]')]);
  assert.match(await page.textContent('h1'), /Service dashboard/);

  await page.fill('input[name="from"]', '2024-01-01');
  await page.fill('input[name="to"]', '2024-03-31');
  await Promise.all([page.waitForURL(/from=2024-01-01&to=2024-03-31/), page.click('form.hearth-report-period button')]);
  assert.match(await page.textContent('#report-period'), /1 January 2024 to 31 March 2024/);
  assert.equal(await headline(page, 'Referrals received'), '3');
  assert.equal(await headline(page, 'Families closed'), '1');
  const byMonth = await page.locator('#referrals_by_month-table tbody tr').allTextContents();
  assert.deepEqual(byMonth.map((t) => t.replace(/\s+/g, ' ').trim()), ['2024-01 2', '2024-02 1', '2024-03 0']);
  // A chart is drawn beside every table that has one and has rows (an empty table, here the services used, has none).
  const withRows = await page.locator('table[data-chart]:has(tbody th)').count();
  assert.ok(withRows >= 10, `${withRows} charted tables with rows`);
  await page.waitForFunction((n) => document.querySelectorAll('.hearth-chart canvas').length === n, withRows);
  assert.equal(await page.locator('[data-chart-for="services-table"] canvas').count(), 0);
  assert.deepEqual(scriptErrors, []);

  // A shorter period: February only.
  await page.fill('input[name="from"]', '2024-02-01');
  await page.fill('input[name="to"]', '2024-02-29');
  await Promise.all([page.waitForURL(/from=2024-02-01&to=2024-02-29/), page.click('form.hearth-report-period button')]);
  assert.equal(await headline(page, 'Referrals received'), '1');
  assert.equal(await headline(page, 'Families closed'), '0');

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
  assert.equal(download.suggestedFilename(), 'service-report-2024-02-01-to-2024-02-29.csv');
  const csv = await readFile(await download.path(), 'utf8');
  assert.match(csv, /^section,key,subkey,value\r\n/);
  assert.match(csv, /\r\nreferrals,received,,1\r\n/);
  assert.match(csv, /\r\nreferrals,by_month,2024-02,1\r\n/);
  assert.match(csv, /\r\nclosure,closed,,0\r\n/);

  // One team: January to March again, for Dashboard Team West only (its one episode and that episode's referral).
  await page.fill('input[name="from"]', '2024-01-01');
  await page.fill('input[name="to"]', '2024-03-31');
  await page.selectOption('select[name="team"]', 'team-west');
  await Promise.all([page.waitForURL(/team=team-west/), page.click('form.hearth-report-period button')]);
  assert.match(await page.textContent('#report-team'), /Team: Dashboard Team West/);
  assert.equal(await headline(page, 'Referrals received'), '1');
  assert.equal(await headline(page, 'Families closed'), '1');
  await context.close();
});

test('a bad period is shown as GOV.UK errors; the page has no serious accessibility problems', async () => {
  // axe-core is injected as a script, which the pages' CSP (rightly) refuses: this context bypasses CSP for that.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${hearth.baseUrl}/sign-in`);
  await page.fill('input[name="username"]', 'ana');
  await page.fill('input[name="password"]', PASSWORD);
  await Promise.all([page.waitForURL(`${hearth.baseUrl}/`), page.click('form[action="/sign-in"] button[type="submit"]')]);
  await page.goto(`${hearth.baseUrl}/reports/service?from=2024-01-01&to=2024-03-31`);
  await page.waitForSelector('.hearth-chart canvas');
  const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious, [], 'the dashboard');

  const response = await page.goto(`${hearth.baseUrl}/reports/service?from=2024-03-31&to=2024-01-01`);
  assert.equal(response.status(), 422);
  assert.match(await page.textContent('.govuk-error-summary'), /The end date must be on or after the start date/);
  assert.equal(await page.locator('table').count(), 0);
  await context.close();
});
