// A Resilience Assessment completed through the pages in a real browser (issue 4): an initial assessment saved as a
// draft and then finalised, an evaluation assessment finalised, and the family page's outcome table showing each
// domain's initial and evaluation scores and the change, with a chart drawn from the table.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Client, addUser, runHearth, startHearth } from '../integration/support/hearth_process.mjs';
import { axeViolations, launchBrowser } from './support/browser.mjs';

const PASSWORD = 'a long enough passphrase';
const DOMAINS = ['environment', 'adversity', 'resilience', 'vulnerability'];
let hearth;
let browser;
let episodeId;
let familyId;

const iso = (d) => d.toISOString().slice(0, 10);
const today = new Date();

before(async () => {
  hearth = await startHearth();
  await addUser(hearth.dbPath, 'coord', 'front_door_coordinator', PASSWORD, 'Front Door');
  await addUser(hearth.dbPath, 'ella', 'ea_officer', PASSWORD, 'Assessment');
  const token = (await runHearth(['user', 'token', 'coord', '--database', hearth.dbPath])).stdout.trim();
  const client = new Client(hearth.baseUrl);
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const created = await client.request('POST', '/api/v1/referrals', {
    headers,
    body: JSON.stringify({
      received_on: iso(today), source: 'school', reasons: ['education'], consent_given: true,
      consent_given_by: 'Mother', consent_given_on: iso(today), share_with: [], decision: 'early_help',
      rationale: 'Falling attendance.', family: { area: 'West' }, confirmed_new_family: true,
      people: [
        { given_name: 'Rhian', family_name: 'Morgan', date_of_birth: '1990-02-03', role: 'parent' },
        { given_name: 'Cai', family_name: 'Morgan', date_of_birth: '2012-05-06', role: 'child' },
      ],
    }),
  });
  assert.equal(created.status, 201, created.text);
  episodeId = created.json.episode_id;
  familyId = created.json.family_id;
  const workers = (await client.get('/api/v1/workers', { authorization: `Bearer ${token}` })).json.workers;
  const ella = workers.find((w) => w.username === 'ella').id;
  const file = (await client.get(`/api/v1/episodes/${episodeId}`, { authorization: `Bearer ${token}` })).json;
  const allocated = await client.request('POST', `/api/v1/episodes/${episodeId}/allocate-assessment`, {
    headers: { ...headers, 'if-match': `"${file.episode.version}"` },
    body: JSON.stringify({ ea_officer_id: ella, on: iso(today) }),
  });
  assert.equal(allocated.status, 200, allocated.text);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await hearth?.stop();
});

async function signIn(username, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(`${hearth.baseUrl}/sign-in`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', PASSWORD);
  await Promise.all([page.waitForURL(`${hearth.baseUrl}/`), page.click('form[action="/sign-in"] button[type="submit"]')]);
  return { page, close: () => context.close() };
}

// Starts a Resilience Assessment at `stage` from the episode page; lands on its form.
async function startAssessment(page, stage) {
  await page.goto(`${hearth.baseUrl}/episodes/${episodeId}`);
  await Promise.all([page.waitForURL(/\/instruments\/new$/), page.click('#start-instrument')]);
  await page.check('input[name="instrument"][value="resilience"]');
  await page.check(`input[name="stage"][value="${stage}"]`);
  await Promise.all([page.waitForURL(/\/instruments\/resilience\/\d+\/edit$/), page.click('main form button[type="submit"]')]);
}

// Answers every item of each domain with that domain's value.
async function answer(page, values) {
  for (const [domain, value] of Object.entries(values)) {
    const names = await page.$$eval(`input[type="radio"][name^="${domain}_"]`,
      (inputs) => [...new Set(inputs.map((i) => i.name))]);
    assert.equal(names.length, 5, `${domain} has five items`);
    for (const name of names) await page.check(`input[name="${name}"][value="${value}"]`);
  }
}

async function submit(page, intent) {
  await Promise.all([page.waitForURL(/\/instruments\/resilience\/\d+\?done=/),
    page.click(`button[name="intent"][value="${intent}"]`)]);
}

test('an initial and an evaluation assessment through the pages, and the family outcome table', async () => {
  const ella = await signIn('ella');
  const { page } = ella;

  // Initial: part-answered and saved as a draft, then completed and finalised.
  await startAssessment(page, 'initial');
  await answer(page, { environment: 4, adversity: 5 });
  await submit(page, 'save');
  assert.equal((await page.textContent('#result-status')).trim(), 'Draft');
  await Promise.all([page.waitForURL(/\/edit$/), page.click('#edit-result')]);
  assert.equal(await page.isChecked('input[name="environment_home"][value="4"]'), true, 'the draft kept its answers');
  await answer(page, { resilience: 3, vulnerability: 4 });
  await submit(page, 'finalise');
  assert.equal((await page.textContent('#result-status')).trim(), 'Final');
  assert.equal((await page.textContent('#scores tr[data-domain="combined"] td')).trim(), '80');
  const resultUrl = page.url().replace(/\?.*$/, '');

  // Evaluation: finalising with an item unanswered is refused on that item, then completed.
  await startAssessment(page, 'evaluation');
  await answer(page, { environment: 2, adversity: 3, resilience: 2 });
  await page.click('button[name="intent"][value="finalise"]');
  await page.waitForSelector('.govuk-error-summary');
  assert.equal(await page.locator('.govuk-error-summary a[href="#vulnerability_care"]').count(), 1);
  await answer(page, { vulnerability: 3 });
  await submit(page, 'finalise');

  // The family page: each domain's initial and evaluation score and the change; the combined total.
  await page.goto(`${hearth.baseUrl}/families/${familyId}`);
  const table = page.locator(`#outcomes-${episodeId}-resilience`);
  const row = async (domain) =>
    (await table.locator(`tr[data-domain="${domain}"] td`).allTextContents()).map((t) => t.trim());
  assert.deepEqual(await row('environment'), ['20', '10', '-10']);
  assert.deepEqual(await row('adversity'), ['25', '15', '-10']);
  assert.deepEqual(await row('resilience'), ['15', '10', '-5']);
  assert.deepEqual(await row('vulnerability'), ['20', '15', '-5']);
  assert.deepEqual(await row('combined'), ['80', '50', '-30']);
  for (const domain of DOMAINS) assert.equal(await table.locator(`tr[data-domain="${domain}"] th`).count(), 1);
  // The chart is drawn beside the table from the table's own numbers.
  await page.waitForSelector(`[data-chart-for="outcomes-${episodeId}-resilience"] canvas`);
  await ella.close();

  // Accessibility of the form, the result and the family page (axe needs its script let in past the CSP).
  const checker = await signIn('ella', { bypassCSP: true });
  for (const url of [resultUrl, `${resultUrl}/edit`, `${hearth.baseUrl}/episodes/${episodeId}/instruments/new`,
    `${hearth.baseUrl}/families/${familyId}`]) {
    await checker.page.goto(url);
    const serious = (await axeViolations(checker.page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(serious, [], url);
  }
  await checker.close();
});
