// The Supporting Families claim list on a real server: the three lists (meets with its date, will meet with its
// date, cannot with the reason), the period filter on closure dates, the CSV, and the access rule (service leads
// only: managers and administrators; analysts and workers are refused), each view and download audited.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { Client, addUser, signIn, sqlite, startHearth } from './support/hearth_process.mjs';

const PASSWORD = 'correct horse battery';

function isoDaysAgo(days) {
  return new Date(Date.now() - days * 86400000).toISOString().slice(0, 10);
}

// Three families, each with one episode that had needs in three outcome areas, an assessment, a plan and an
// intervention worker: 950 closed 200 days ago with every need improved (meets), 951 closed 10 days ago (will
// meet), 952 closed 200 days ago but the family came back to early help 30 days later (cannot).
function history(userId) {
  const closedLong = isoDaysAgo(200), closedRecent = isoDaysAgo(10), returned = isoDaysAgo(170);
  let sql = '';
  for (const [id, closed, given] of [[950, closedLong, 'Ffion'], [951, closedRecent, 'Gareth'], [952, closedLong, 'Heledd']]) {
    sql += `
INSERT INTO families (id, area, created_at, updated_at) VALUES (${id}, 'West', 't', 't');
INSERT INTO people (id, family_id, given_name, family_name, given_name_key, family_name_key, sex, role, created_at,
                    updated_at)
  VALUES (${id}, ${id}, '${given}', 'Claimant', lower('${given}'), 'claimant', 'female', 'parent', 't', 't');
INSERT INTO referrals (id, family_id, received_on, source, decision, created_at)
  VALUES (${id}, ${id}, '2024-01-10', 'school', 'early_help', 't');
INSERT INTO episodes (id, family_id, referral_id, opened_on, stage, created_at, allocated_assessment_on,
                      assessment_completed_on, brokerage_started_on, plan_completed_on, panel_on,
                      intervention_started_on, closed_on, closure_reason)
  VALUES (${id}, ${id}, ${id}, '2024-01-10', 'closed', 't', '2024-01-11', '2024-01-18', '2024-01-19', '2024-01-26',
          '2024-01-29', '2024-02-01', '${closed}', 'outcomes_met');
INSERT INTO episode_assignments (episode_id, user_id, role, from_on, to_on)
  VALUES (${id}, ${userId}, 'intervention_worker', '2024-02-01', '${closed}');
INSERT INTO assessment_needs (episode_id, outcome_area, need, outcome) VALUES
  (${id}, 'housing', 'x', 'improved'), (${id}, 'health', 'x', 'improved'), (${id}, 'education', 'x', 'improved');`;
  }
  sql += `
INSERT INTO referrals (id, family_id, received_on, source, decision, created_at)
  VALUES (953, 952, '${returned}', 'school', 'early_help', 't');
INSERT INTO episodes (id, family_id, referral_id, opened_on, stage, created_at) VALUES (953, 952, 953, '${returned}', 'awaiting_allocation', 't');`;
  return sql;
}

describe('Supporting Families claim list', () => {
  let hearth;
  const clients = {};

  before(async () => {
    hearth = await startHearth();
    await addUser(hearth.dbPath, 'lead', 'manager', PASSWORD);
    await addUser(hearth.dbPath, 'ana', 'analyst', PASSWORD, 'Performance');
    await addUser(hearth.dbPath, 'wil', 'intervention_worker', PASSWORD, 'Families Team West');
    const wil = await sqlite(hearth.dbPath, "SELECT id FROM users WHERE username = 'wil'");
    await sqlite(hearth.dbPath, history(wil));
    for (const name of ['lead', 'ana', 'wil']) {
      clients[name] = new Client(hearth.baseUrl);
      await signIn(clients[name], name, PASSWORD);
    }
  });

  after(async () => {
    await hearth?.stop();
  });

  const period = `from=${isoDaysAgo(365)}&to=${isoDaysAgo(0)}`;

  test('the three lists count the closed episodes of the period', async () => {
    const page = await clients.lead.get(`/reports/supporting-families?${period}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /id="list-meets"[^>]*>Meet the conditions: <span class="hearth-count">1<\/span>/);
    assert.match(page.text, /id="list-will_meet"[^>]*>Will meet them when six months have passed: <span class="hearth-count">1<\/span>/);
    assert.match(page.text, /id="list-cannot"[^>]*>Cannot be claimed: <span class="hearth-count">1<\/span>/);
    assert.match(page.text, /Ffion Claimant/);
    assert.doesNotMatch(page.text, /Gareth Claimant/);
  });

  test('will meet shows the date, cannot shows the reason', async () => {
    const will = await clients.lead.get(`/reports/supporting-families?${period}&list=will_meet`);
    assert.equal(will.status, 200);
    assert.match(will.text, /Gareth Claimant/);
    assert.match(will.text, /Will meet them on/);
    const cannot = await clients.lead.get(`/reports/supporting-families?${period}&list=cannot`);
    assert.match(cannot.text, /Heledd Claimant/);
    assert.match(cannot.text, /The family returned to early help within six months of closure/);
  });

  test('the period filters on the closure date and a bad period is a 422 with the field named', async () => {
    const recent = await clients.lead.get(`/reports/supporting-families?from=${isoDaysAgo(30)}&to=${isoDaysAgo(0)}&list=will_meet`);
    assert.match(recent.text, /id="list-meets"[^>]*>Meet the conditions: <span class="hearth-count">0<\/span>/);
    assert.match(recent.text, /Gareth Claimant/);
    const bad = await clients.lead.get('/reports/supporting-families?from=2025-02-30&to=2025-01-01');
    assert.equal(bad.status, 422);
    assert.match(bad.text, /id="from-error"/);
  });

  test('the CSV has every row of the three lists', async () => {
    const csv = await clients.lead.get(`/reports/supporting-families.csv?${period}`);
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type'), /^text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    assert.equal(lines[0], 'status,family_id,family,episode_id,closed_on,need_areas,sustained_on,reason');
    assert.equal(lines.length, 4);
    assert.match(lines[1], new RegExp(`^meets,950,Ffion Claimant,950,${isoDaysAgo(200)},3,${isoDaysAgo(17)},$`));
    assert.match(lines[2], /^will_meet,951,Gareth Claimant,951,/);
    assert.match(lines[3], /^cannot,952,Heledd Claimant,952,.*,,returned_to_early_help$/);
  });

  test('analysts and workers are refused the page and the CSV', async () => {
    for (const name of ['ana', 'wil']) {
      assert.equal((await clients[name].get(`/reports/supporting-families?${period}`)).status, 403, name);
      assert.equal((await clients[name].get(`/reports/supporting-families.csv?${period}`)).status, 403, name);
    }
  });

  test('views, downloads and refusals are audited without naming a family', async () => {
    const access = hearth.dbPath.replace(/\.db$/, '-access.db');
    const count = async (db, action, outcome) => Number(await sqlite(db,
      `SELECT count(*) FROM ${db === access ? 'access_events' : 'audit_events'} WHERE record_type = 'supporting_families' ` +
      `AND action = '${action}' AND outcome = '${outcome}' AND IFNULL(family_id, 0) = 0`));
    const all = async (action, outcome) => {
      let n = 0;
      for (const db of [access, hearth.dbPath]) {
        try { n += await count(db, action, outcome); } catch { /* the table lives in the other file */ }
      }
      return n;
    };
    assert.ok(await all('view', 'ok') >= 4);
    assert.ok(await all('export', 'ok') >= 1);
    assert.ok(await all('view', 'denied') >= 1);
  });
});
