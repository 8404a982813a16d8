// The whole early help journey through the pages in a real browser (issue 3): allocation, assessment, brokerage
// with an appraisal answered by a partner, the plan, the allocation panel, intervention with a contact and a TAF
// meeting, review and closure. Each person uses their own browser context, signed in as themselves.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Client, addUser, runHearth, startHearth } from '../integration/support/hearth_process.mjs';
import { axeViolations, launchBrowser } from './support/browser.mjs';

const PASSWORD = 'a long enough passphrase';
let hearth;
let browser;
let episodeId;

const iso = (d) => d.toISOString().slice(0, 10);
const today = new Date();
const inTwoWeeks = new Date(Date.now() + 14 * 86400_000);

before(async () => {
  hearth = await startHearth();
  const users = [
    ['coord', 'front_door_coordinator', 'Front Door'],
    ['mary', 'manager', 'Families Team East'],
    ['ella', 'ea_officer', 'Assessment'],
    ['ben', 'br_officer', 'Brokerage'],
    ['wyn', 'intervention_worker', 'Families Team East'],
  ];
  for (const [name, role, team] of users) await addUser(hearth.dbPath, name, role, PASSWORD, team);
  await runHearth(
    ['user', 'add', 'pat', '--role', 'partner', '--team', 'Partners', '--agency', 'housing', '--database',
      hearth.dbPath, '--password-stdin'],
    { input: PASSWORD },
  );
  // The referral itself is the front door's journey (referral_journey.test.mjs); here it is set up over the API.
  const token = (await runHearth(['user', 'token', 'coord', '--database', hearth.dbPath])).stdout.trim();
  const client = new Client(hearth.baseUrl);
  const created = await client.request('POST', '/api/v1/referrals', {
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      received_on: iso(today), source: 'health', reasons: ['housing'], consent_given: true,
      consent_given_by: 'Father', consent_given_on: iso(today), share_with: ['housing'], decision: 'early_help',
      rationale: 'Damp flat affecting the children.', family: { area: 'East' }, confirmed_new_family: true,
      people: [
        { given_name: 'Dafydd', family_name: 'Rees', date_of_birth: '1985-01-02', role: 'parent' },
        { given_name: 'Nia', family_name: 'Rees', date_of_birth: '2017-03-04', role: 'child' },
      ],
    }),
  });
  assert.equal(created.status, 201, created.text);
  episodeId = created.json.episode_id;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await hearth?.stop();
});

async function as(username, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(`${hearth.baseUrl}/sign-in`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', PASSWORD);
  await Promise.all([page.waitForURL(`${hearth.baseUrl}/`), page.click('form[action="/sign-in"] button[type="submit"]')]);
  return { page, close: () => context.close() };
}

const episodeUrl = () => `${hearth.baseUrl}/episodes/${episodeId}`;

// Opens a step's form, lets `fill` complete it, submits, and expects to land back on the episode page.
async function step(page, path, fill = async () => {}) {
  await page.goto(`${episodeUrl()}/${path}`);
  await fill();
  await Promise.all([page.waitForURL(new RegExp(`/episodes/${episodeId}\\?done=`)), page.click('main form button[type="submit"]')]);
}

async function fillDate(page, name, date) {
  await page.fill(`input[name="${name}-day"]`, String(date.getUTCDate()));
  await page.fill(`input[name="${name}-month"]`, String(date.getUTCMonth() + 1));
  await page.fill(`input[name="${name}-year"]`, String(date.getUTCFullYear()));
}

async function stage(page) {
  await page.goto(episodeUrl());
  return (await page.textContent('#stage')).trim();
}

test('a family goes through every stage, page by page', async () => {
  const coord = await as('coord');
  await step(coord.page, 'allocate-assessment', async () => {
    await coord.page.selectOption('select[name="ea_officer_id"]', { label: 'ella (Assessment)' });
  });
  assert.equal(await stage(coord.page), 'Assessment');

  const ella = await as('ella');
  await step(ella.page, 'assessment', async () => {
    await ella.page.fill('textarea[name="need.housing"]', 'Black mould in both bedrooms');
    await ella.page.fill('textarea[name="strengths"]', 'Loving, organised father');
  });
  await step(ella.page, 'complete-assessment');
  assert.equal(await stage(ella.page), 'Brokerage');
  await ella.close();

  await step(coord.page, 'allocate-brokerage', async () => {
    await coord.page.selectOption('select[name="br_officer_id"]', { label: 'ben (Brokerage)' });
  });

  const ben = await as('ben');
  await step(ben.page, 'appraisals/new', async () => {
    await ben.page.selectOption('select[name="kind"]', 'housing');
    await ben.page.fill('textarea[name="question"]', 'Can the landlord be required to treat the damp?');
    await fillDate(ben.page, 'due_on', inTwoWeeks);
  });

  const pat = await as('pat');
  await pat.page.goto(`${hearth.baseUrl}/appraisals`);
  await Promise.all([pat.page.waitForURL(/\/appraisals\/\d+\/answer$/), pat.page.click('main a:has-text("Answer")')]);
  await pat.page.fill('textarea[name="recommendations"]', 'Environmental health inspection');
  await pat.page.fill('textarea[name="commitments"]', 'Inspection booked within 10 days');
  await Promise.all([pat.page.waitForURL(/\/appraisals/), pat.page.click('main form button[type="submit"]')]);
  await pat.close();

  await step(ben.page, 'plan', async () => {
    await ben.page.fill('textarea[name="family_words"]', 'We want a dry home');
    await fillDate(ben.page, 'agreed_on', today);
  });
  await step(ben.page, 'objectives/new', async () => {
    await ben.page.fill('textarea[name="outcome"]', 'The flat is free of damp');
    await ben.page.fill('textarea[name="measure"]', 'Inspection passed');
    await ben.page.fill('input[name="who"]', 'Landlord and housing officer');
    await fillDate(ben.page, 'target_on', inTwoWeeks);
  });
  await ben.page.goto(episodeUrl());
  await ben.page.click('main a:has-text("Add an action")');
  await ben.page.fill('textarea[name="description"]', 'Report the damp to the landlord in writing');
  await ben.page.selectOption('select[name="service_id"]', 'family');
  await Promise.all([ben.page.waitForURL(/\?done=add_action/), ben.page.click('main form button[type="submit"]')]);
  assert.match(await ben.page.textContent('main'), /free of damp/);
  assert.match(await ben.page.textContent('main'), /Environmental health inspection/, 'the answer shows on the plan page');
  await step(ben.page, 'complete-plan');
  assert.equal(await stage(ben.page), 'Allocation panel');
  await ben.close();

  const mary = await as('mary');
  // The panel meets today: the manager arranges the meeting, then records the decision within it.
  await mary.page.goto(`${hearth.baseUrl}/panel`);
  await Promise.all([mary.page.waitForURL(/\/panel\/meetings\/new$/), mary.page.click('main a:has-text("Arrange a panel meeting")')]);
  await fillDate(mary.page, 'on', today);
  await mary.page.fill('input[name="chair"]', 'Mary');
  await Promise.all([mary.page.waitForURL(/\/panel\/meetings\/\d+\?done=created$/), mary.page.click('main form button[type="submit"]')]);
  await Promise.all([mary.page.waitForURL(/\/panel-decision\?meeting=\d+$/), mary.page.click('main a:has-text("Record decision")')]);
  await mary.page.check('input[name="outcome"][value="allocate"]');
  await mary.page.selectOption('select[name="team_id"]', { label: 'Families Team East' });
  await mary.page.selectOption('select[name="worker_id"]', { label: 'wyn (Families Team East)' });
  await Promise.all([mary.page.waitForURL(/\?done=panel_decision/), mary.page.click('main form button[type="submit"]')]);
  assert.equal(await stage(mary.page), 'Intervention');
  // The lead professional will be chosen from the practitioner directory.
  await mary.page.goto(`${hearth.baseUrl}/admin/practitioners/new`);
  await mary.page.fill('input[name="name"]', 'Bethan Rees');
  await mary.page.selectOption('select[name="organisation_kind"]', 'health');
  await mary.page.fill('input[name="role_title"]', 'School nurse');
  await Promise.all([mary.page.waitForURL(/\/admin\/practitioners\?added=\d+$/), mary.page.click('main form button[type="submit"]')]);

  const wyn = await as('wyn');
  await step(wyn.page, 'contacts/new', async () => {
    await fillDate(wyn.page, 'on', today);
    await wyn.page.selectOption('select[name="kind"]', 'home_visit');
    await wyn.page.check('input[name="children_seen"]');
    await wyn.page.fill('textarea[name="note"]', 'Saw the bedrooms; Nia showed her drawings');
  });
  await step(wyn.page, 'taf-meetings/new', async () => {
    await fillDate(wyn.page, 'on', today);
    await wyn.page.fill('textarea[name="attendees"]', 'Dafydd, housing officer, school');
    await wyn.page.check('input[name="agencies"][value="housing"]');
    await wyn.page.selectOption('select[name="lead_practitioner_id"]', { label: 'Bethan Rees, School nurse — Health' });
  });
  await step(wyn.page, 'start-review', async () => {
    await wyn.page.fill('textarea[name="next_steps"]', 'Check the repairs are done');
  });
  // Closing ends the worker's assignment, so the family leaves their caseload: they land on their work list.
  await wyn.page.goto(`${episodeUrl()}/close`);
  await wyn.page.check('input[name="closure_reason"][value="outcomes_met"]');
  await wyn.page.fill('textarea[name="closure_summary"]', 'Repairs done; family settled');
  await wyn.page.fill('textarea[name="exit_plan"]', 'Family hub drop-in, introduced in person');
  // Closure asks, for each need identified at assessment, whether it improved.
  const improved = wyn.page.locator('input[type="radio"][name^="need_outcome."][value="improved"]');
  assert.ok(await improved.count() > 0, 'the closure form asks about each need');
  for (const radio of await improved.all()) await radio.check();
  await Promise.all([wyn.page.waitForURL(/\/my-work\?done=close/), wyn.page.click('main form button[type="submit"]')]);
  assert.equal(await stage(mary.page), 'Closed');
  await wyn.close();

  // The manager's view of the closed episode: everything on one page, no serious accessibility problems.
  const audit = await as('mary', { bypassCSP: true });
  await audit.page.goto(episodeUrl());
  const main = await audit.page.textContent('main');
  for (const text of ['Black mould', 'Environmental health inspection', 'Saw the bedrooms', 'Family hub drop-in',
    'Bethan Rees, School nurse'])
    assert.match(main, new RegExp(text));
  const serious = (await axeViolations(audit.page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious, [], 'the episode page has no serious accessibility problems');
  await audit.close();
  await mary.close();
  await coord.close();
});

test('a step form shows GOV.UK errors and the step is refused when taken out of order', async () => {
  const coord = await as('coord', { javaScriptEnabled: false });
  // The episode is closed: allocation is out of order, and the form says so without changing anything.
  await coord.page.goto(`${episodeUrl()}/allocate-assessment`);
  await coord.page.selectOption('select[name="ea_officer_id"]', { label: 'ella (Assessment)' });
  await coord.page.click('main form button[type="submit"]');
  await coord.page.waitForSelector('.govuk-error-summary');
  assert.match(await coord.page.textContent('.govuk-error-summary'), /episode is closed/);
  assert.equal(await stage(coord.page), 'Closed');
  await coord.close();
});
