// My work's lists of issue 4 on a real server: a manager sees the open families of their team whose management
// oversight is overdue (no final record for 28 days), an auditor sees the audits due about 42 days after the plan
// (overdue ones marked); the page and /api/v1/my-work agree, and other roles see neither list.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { Client, addUser, signIn, sqlite, startHearth } from './support/hearth_process.mjs';

const PASSWORD = 'correct horse battery';

function isoDaysAgo(days) {
  return new Date(Date.now() - days * 86400000).toISOString().slice(0, 10);
}

// Four open families held by wil (team West): 960 opened 28 days ago (oversight due today: in time), 961 opened
// 29 days ago (overdue), 962 with a final oversight 10 days ago (in time) and 963 with only a draft one (overdue).
// Plans: 960 agreed 43 days ago (audit overdue), 961 42 days ago (due today), 962 20 days ago (not listed yet),
// 963 60 days ago but audited.
function history(wil, mary, ada) {
  let sql = '';
  const rows = [[960, 28, 43, 'Ifan'], [961, 29, 42, 'Jac'], [962, 100, 20, 'Lowri'], [963, 100, 60, 'Mali']];
  for (const [id, opened, plan, given] of rows) {
    sql += `
INSERT INTO families (id, area, created_at, updated_at) VALUES (${id}, 'West', 't', 't');
INSERT INTO people (id, family_id, given_name, family_name, given_name_key, family_name_key, sex, role, created_at,
                    updated_at)
  VALUES (${id}, ${id}, '${given}', 'Listed', lower('${given}'), 'listed', 'male', 'parent', 't', 't');
INSERT INTO referrals (id, family_id, received_on, source, decision, created_at)
  VALUES (${id}, ${id}, '${isoDaysAgo(opened)}', 'school', 'early_help', 't');
INSERT INTO episodes (id, family_id, referral_id, opened_on, stage, created_at, plan_completed_on)
  VALUES (${id}, ${id}, ${id}, '${isoDaysAgo(opened)}', 'intervention', 't', '${isoDaysAgo(plan)}');
INSERT INTO episode_assignments (episode_id, user_id, role, from_on)
  VALUES (${id}, ${wil}, 'intervention_worker', '${isoDaysAgo(opened)}');`;
  }
  sql += `
INSERT INTO oversight_records (episode_id, recorded_on, manager_id, considered_plan_effectiveness, status, created_at,
                               updated_at)
  VALUES (962, '${isoDaysAgo(10)}', ${mary}, 1, 'final', 't', 't'), (963, '${isoDaysAgo(5)}', ${mary}, 1, 'draft', 't', 't');
INSERT INTO quality_audits (episode_id, audited_on, auditor_id, grade, shared_with_worker, status, created_at, updated_at)
  VALUES (963, '${isoDaysAgo(3)}', ${ada}, 'good', 1, 'final', 't', 't');`;
  return sql;
}

describe('oversight and audit work lists', () => {
  let hearth;
  const clients = {};

  before(async () => {
    hearth = await startHearth();
    await addUser(hearth.dbPath, 'mary', 'manager', PASSWORD, 'Families Team West');
    await addUser(hearth.dbPath, 'wil', 'intervention_worker', PASSWORD, 'Families Team West');
    await addUser(hearth.dbPath, 'ada', 'auditor', PASSWORD, 'Quality');
    const id = async (name) => sqlite(hearth.dbPath, `SELECT id FROM users WHERE username = '${name}'`);
    await sqlite(hearth.dbPath, history(await id('wil'), await id('mary'), await id('ada')));
    for (const name of ['mary', 'wil', 'ada']) {
      clients[name] = new Client(hearth.baseUrl);
      await signIn(clients[name], name, PASSWORD);
    }
  });

  after(async () => {
    await hearth?.stop();
  });

  test("the manager's list has the team's families without oversight for 28 days, longest overdue first", async () => {
    const api = await clients.mary.get('/api/v1/my-work');
    assert.equal(api.status, 200);
    assert.equal(api.json.oversight.total, 2);
    assert.deepEqual(api.json.oversight.items.map((i) => i.episode), [963, 961]);
    assert.equal(api.json.oversight.items[1].due_on, isoDaysAgo(1));
    assert.equal(api.json.oversight.items[1].last_oversight_on, null);
    assert.equal(api.json.audits, undefined);
    const page = await clients.mary.get('/my-work');
    assert.equal(page.status, 200);
    assert.match(page.text, /id="oversight-count">2</);
    assert.match(page.text, /Mali Listed/);
    assert.doesNotMatch(page.text, /Quality assurance audits due/);
  });

  test("the auditor's list has the audits due, overdue ones marked", async () => {
    const api = await clients.ada.get('/api/v1/my-work');
    assert.equal(api.status, 200);
    assert.equal(api.json.audits.total, 2);
    assert.equal(api.json.audits.overdue, 1);
    assert.deepEqual(api.json.audits.items.map((i) => [i.episode, i.overdue]), [[960, true], [961, false]]);
    assert.equal(api.json.audits.items[1].due_on, isoDaysAgo(0));
    const page = await clients.ada.get('/my-work');
    assert.equal(page.status, 200);
    assert.match(page.text, /id="audits-overdue-count">1</);
    assert.match(page.text, /Ifan Listed/);
    assert.match(page.text, /href="\/my-work"/);  // My work is in the auditor's navigation
  });

  test("the family page shows ACEs, needs with their outcome, and outcome records in the chronology", async () => {
    await sqlite(hearth.dbPath, `
INSERT INTO aces (episode_id, person_id, ace, identified_on, improved, status, created_at, updated_at)
  VALUES (963, 963, 'parental_separation', '${isoDaysAgo(90)}', 1, 'final', 't', 't'),
         (963, 963, 'domestic_violence', '${isoDaysAgo(90)}', NULL, 'draft', 't', 't');
INSERT INTO assessment_needs (episode_id, outcome_area, need, outcome) VALUES (963, 'housing', 'Damp flat', 'improved');
INSERT INTO feedback (episode_id, given_on, form, status, created_at, updated_at)
  VALUES (963, '${isoDaysAgo(2)}', 'relationship', 'final', 't', 't');`);
    const page = await clients.mary.get('/families/963');
    assert.equal(page.status, 200);
    assert.match(page.text, /id="aces"/);
    assert.match(page.text, /Parental separation/);
    assert.doesNotMatch(page.text, /Domestic violence/);  // a draft does not count
    assert.match(page.text, /Damp flat<\/td>\s*<td class="govuk-table__cell"><strong class="govuk-tag govuk-tag--green">Improved/);
    assert.match(page.text, /<a class="govuk-link" href="\/episodes\/963">Feedback given<\/a>/);
    assert.match(page.text, /Relationship Feedback Form/);
    assert.match(page.text, /Quality assurance audit<\/a>/);
  });

  test('a worker sees neither list', async () => {
    const api = await clients.wil.get('/api/v1/my-work');
    assert.equal(api.status, 200);
    assert.equal(api.json.oversight, undefined);
    assert.equal(api.json.audits, undefined);
    assert.equal(api.json.total, 4);
  });
});
