// The service report on a real server and from the command line: the same METRICS.md object from
// GET /api/v1/reports/service and `hearth report service --json`; analysts and managers may read it, a front door
// coordinator may not; bad or missing dates are a 422 naming the field (exit code 2 on the command line); each
// view is audited without any record named (the route's policy refuses others before the use case).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, test } from 'node:test';

import { addUser, hearthBin, runHearth, sqlite, startHearth } from './support/hearth_process.mjs';

const PASSWORD = 'correct horse battery';


// Runs the CLI and resolves {code, stdout, stderr} whatever the exit code.
function hearthExit(args) {
  return new Promise((resolve) => {
    execFile(hearthBin(), args, (error, stdout, stderr) => resolve({ code: error ? error.code : 0, stdout, stderr }));
  });
}

// Two families: one referred in January and allocated for assessment a week later; one referred from children's
// social care in February, whose episode went through to intervention and closed in March.
const HISTORY = `
INSERT INTO teams (id, external_id, name) VALUES (900, 'team-west', 'Report Team West');
INSERT INTO families (id, area, created_at, updated_at) VALUES (901, 'West', 't', 't'), (902, 'East', 't', 't');
INSERT INTO referrals (id, family_id, received_on, source, decision, created_at) VALUES
  (901, 901, '2024-01-10', 'school', 'early_help', 't'),
  (902, 902, '2024-02-01', 'children_social_care', 'early_help', 't'),
  (903, 902, '2024-02-20', 'police', 'advice', 't');
INSERT INTO episodes (id, family_id, referral_id, opened_on, stage, created_at, allocated_assessment_on,
                      ea_officer_id) VALUES (901, 901, 901, '2024-01-10', 'assessment', 't', '2024-01-17', 1);
INSERT INTO episodes (id, family_id, referral_id, opened_on, stage, created_at, allocated_assessment_on,
                      ea_officer_id, assessment_completed_on, brokerage_started_on, br_officer_id, plan_completed_on,
                      panel_on, intervention_started_on, team_id, closed_on, closure_reason)
  VALUES (902, 902, 902, '2024-02-01', 'closed', 't', '2024-02-02', 1, '2024-02-09', '2024-02-12', 1, '2024-02-20',
          '2024-02-22', '2024-02-26', 900, '2024-03-29', 'outcomes_met');
INSERT INTO contacts (episode_id, occurred_on, kind, created_at) VALUES (902, '2024-02-27', 'home_visit', 't'),
  (902, '2024-03-05', 'phone', 't');
`;

describe('service report', () => {
  let hearth;
  const tokens = {};
  const get = (who, query) =>
    fetch(`${hearth.baseUrl}/api/v1/reports/service${query}`, {
      headers: { authorization: `Bearer ${tokens[who]}`, accept: 'application/json' },
    }).then(async (r) => ({ status: r.status, json: await r.json() }));

  before(async () => {
    hearth = await startHearth();
    await addUser(hearth.dbPath, 'ana', 'analyst', PASSWORD, 'Performance');
    await addUser(hearth.dbPath, 'mo', 'manager', PASSWORD, 'Families Team West');
    await addUser(hearth.dbPath, 'cora', 'front_door_coordinator', PASSWORD);
    for (const name of ['ana', 'mo', 'cora'])
      tokens[name] = (await runHearth(['user', 'token', name, '--database', hearth.dbPath])).stdout.trim();
    await sqlite(hearth.dbPath, HISTORY);
  });

  after(async () => {
    await hearth?.stop();
  });

  test('an analyst reads the METRICS.md object for the period', async () => {
    const { status, json } = await get('ana', '?from=2024-01-01&to=2024-03-31');
    assert.equal(status, 200);
    assert.deepEqual(json.period, { from: '2024-01-01', to: '2024-03-31', months: 3 });
    assert.equal(json.referrals.received, 3);
    assert.deepEqual(json.referrals.by_month, { '2024-01': 1, '2024-02': 2, '2024-03': 0 });
    assert.equal(json.referrals.step_downs, 1);
    assert.equal(json.assessment.allocated, 2);
    assert.equal(json.assessment.average_days_to_allocation, 4); // (7 + 1) / 2
    assert.deepEqual(json.intervention.episodes_by_team, { 'team-west': 1 });
    assert.deepEqual(json.intervention.average_contacts_by_team, { 'team-west': 2 });
    assert.equal(json.closure.closed, 1);
    assert.equal(json.closure.by_reason.outcomes_met, 1);
    assert.equal(json.open.total, 1);
    assert.equal(json.open.by_stage.assessment_or_brokerage, 1);
    assert.equal(json.resilience.pairs, 0);
    assert.equal(json.resilience.improved_rate, null);
    for (const section of ['plans', 'appraisals', 'panel', 'review', 'aces', 'feedback', 'returning_families',
      'oversight', 'audits', 'continuity'])
      assert.ok(section in json, section);
  });

  test('the command line prints the same object', async () => {
    const api = await get('mo', '?from=2024-01-01&to=2024-03-31');
    assert.equal(api.status, 200);
    const cli = await runHearth(['report', 'service', '--from', '2024-01-01', '--to', '2024-03-31', '--json',
      '--database', hearth.dbPath]);
    assert.deepEqual(JSON.parse(cli.stdout), api.json);
  });

  test("a team's report counts only that team's episodes, their referrals and contacts", async () => {
    const { status, json } = await get('ana', '?from=2024-01-01&to=2024-03-31&team=team-west');
    assert.equal(status, 200);
    assert.equal(json.referrals.received, 1); // the referral of the team's one episode; the others reached no team
    assert.deepEqual(json.referrals.by_month, { '2024-01': 0, '2024-02': 1, '2024-03': 0 });
    assert.equal(json.assessment.allocated, 1);
    assert.deepEqual(json.intervention.episodes_by_team, { 'team-west': 1 });
    assert.deepEqual(json.intervention.average_contacts_by_team, { 'team-west': 2 });
    assert.equal(json.open.total, 0);
    const cli = await runHearth(['report', 'service', '--from', '2024-01-01', '--to', '2024-03-31', '--team',
      'team-west', '--json', '--database', hearth.dbPath]);
    assert.deepEqual(JSON.parse(cli.stdout), json);
    const unknown = await get('ana', '?from=2024-01-01&to=2024-03-31&team=nobody');
    assert.equal(unknown.status, 422);
    assert.equal(unknown.json.error.field, 'team');
    const cliUnknown = await hearthExit(['report', 'service', '--from', '2024-01-01', '--to', '2024-03-31', '--team',
      'nobody', '--json', '--database', hearth.dbPath]);
    assert.equal(cliUnknown.code, 2);
    assert.match(cliUnknown.stderr, /team: There is no such team/);
  });

  test('a front door coordinator may not read it', async () => {
    const { status } = await get('cora', '?from=2024-01-01&to=2024-03-31');
    assert.equal(status, 403);
  });

  test('bad or missing dates are a 422 naming the field', async () => {
    const missing = await get('ana', '?from=2024-01-01');
    assert.equal(missing.status, 422);
    assert.equal(missing.json.error.field, 'to');
    const malformed = await get('ana', '?from=2024-02-30&to=2024-03-31');
    assert.equal(malformed.status, 422);
    assert.equal(malformed.json.error.field, 'from');
    const backwards = await get('ana', '?from=2024-03-31&to=2024-01-01');
    assert.equal(backwards.status, 422);
    assert.equal(backwards.json.error.field, 'to');
  });

  test('the command line exits with 2 and says what is wrong for bad dates', async () => {
    const bad = await hearthExit(['report', 'service', '--from', '2024-13-01', '--to', '2024-03-31', '--json',
      '--database', hearth.dbPath]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /from/);
    assert.equal(bad.stdout, '');
    const backwards = await hearthExit(['report', 'service', '--from', '2024-03-31', '--to', '2024-03-01', '--json',
      '--database', hearth.dbPath]);
    assert.equal(backwards.code, 2);
    assert.match(backwards.stderr, /to: The end date must be on or after the start date/);
  });

  test('each view is audited as a service report, naming no record', async () => {
    const access = hearth.dbPath.replace(/\.db$/, '-access.db');
    const rows = await sqlite(access,
      "SELECT action || ',' || outcome || ',' || IFNULL(record_id, 0) || ',' || IFNULL(family_id, 0) " +
      "FROM access_events WHERE record_type = 'service_report' ORDER BY id");
    const lines = rows.split('\n');
    assert.ok(lines.includes('view,ok,0,0'), rows);
  });
});
