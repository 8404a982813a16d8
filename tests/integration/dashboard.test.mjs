// The service dashboard page and its downloads on a real server: the figures of METRICS.md as tables (the whole
// report without JavaScript), the same figures as CSV and XLSX, the period defaulting to the last twelve months,
// bad periods as GOV.UK errors, and the page closed to roles without the report (403) and audited for the others.
import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { Client, addUser, runHearth, signIn, sqlite, startHearth } from './support/hearth_process.mjs';

const PASSWORD = 'correct horse battery';


const HISTORY = `
INSERT INTO teams (id, external_id, name) VALUES (900, 'team-west', 'Dashboard Team West');
INSERT INTO services (id, external_id, name, kind, name_key) VALUES (900, 'svc-hub', 'Family Hub', 'family', 'family hub');
INSERT INTO families (id, area, created_at, updated_at) VALUES (901, 'West', 't', 't');
INSERT INTO referrals (id, family_id, received_on, source, decision, created_at) VALUES
  (901, 901, '2024-01-10', 'school', 'early_help', 't');
INSERT INTO episodes (id, family_id, referral_id, opened_on, stage, created_at, allocated_assessment_on,
                      ea_officer_id, assessment_completed_on, brokerage_started_on, br_officer_id, plan_completed_on,
                      panel_on, intervention_started_on, team_id, closed_on, closure_reason)
  VALUES (901, 901, 901, '2024-01-10', 'closed', 't', '2024-01-11', 1, '2024-01-18', '2024-01-19', 1, '2024-01-26',
          '2024-01-29', '2024-02-01', 900, '2024-03-29', 'disengaged');
INSERT INTO objectives (id, episode_id, outcome, measure, who, target_on, created_at)
  VALUES (901, 901, 'Mornings calmer', 'x', 'x', '2024-03-01', 't');
INSERT INTO actions (episode_id, objective_id, description, service_id, status, created_at, updated_at)
  VALUES (901, 901, 'Attend the hub', 900, 'completed', 't', 't');
`;

describe('service dashboard', () => {
  let hearth;
  const clients = {};

  before(async () => {
    hearth = await startHearth();
    await addUser(hearth.dbPath, 'ana', 'analyst', PASSWORD, 'Performance');
    await addUser(hearth.dbPath, 'cora', 'front_door_coordinator', PASSWORD);
    await sqlite(hearth.dbPath, HISTORY);
    for (const name of ['ana', 'cora']) {
      clients[name] = new Client(hearth.baseUrl);
      await signIn(clients[name], name, PASSWORD);
    }
  });

  after(async () => {
    await hearth?.stop();
  });

  test('the figures are tables, with team and service names, and links to the downloads', async () => {
    const page = await clients.ana.get('/reports/service?from=2024-01-01&to=2024-03-31');
    assert.equal(page.status, 200);
    assert.match(page.text, /Figures for 1 January 2024 to 31 March 2024/);
    assert.match(page.text, /<th scope="row" class="govuk-table__header">Referrals received<\/th>\s*<td[^>]*data-value="1">1<\/td>/);
    assert.match(page.text, /<th scope="row" class="govuk-table__header">Dashboard Team West<\/th>/);
    assert.match(page.text, /<th scope="row" class="govuk-table__header">Family Hub<\/th>/);
    // Not completing: 1 of 1 closed interventions.
    assert.match(page.text, /Not completing \(% of interventions closed\)<\/th>\s*<td[^>]*data-value="100">100.0%<\/td>/);
    // An average over nothing is shown as a dash, never as 0.
    assert.match(page.text, /Days from opening to review<\/th>\s*<td[^>]*data-value="">–<\/td>/);
    assert.match(page.text, /href="\/reports\/service.csv\?from=2024-01-01&amp;to=2024-03-31"/);
    assert.match(page.text, /data-chart="bar"/);
  });

  test('a team chosen from the list narrows the figures, and the downloads keep the team', async () => {
    const all = await clients.ana.get('/reports/service?from=2024-01-01&to=2024-03-31');
    assert.match(all.text, /<select class="govuk-select" id="team" name="team"/);
    assert.match(all.text, /<option value="" selected>The whole service<\/option>/);
    assert.match(all.text, /<option value="team-west">Dashboard Team West<\/option>/);
    const page = await clients.ana.get('/reports/service?from=2024-01-01&to=2024-03-31&team=team-west');
    assert.equal(page.status, 200);
    assert.match(page.text, /<option value="team-west" selected>Dashboard Team West<\/option>/);
    assert.match(page.text, /id="report-team">Team: Dashboard Team West</);
    assert.match(page.text, /href="\/reports\/service.csv\?from=2024-01-01&amp;to=2024-03-31&amp;team=team-west"/);
    const csv = await clients.ana.get('/reports/service.csv?from=2024-01-01&to=2024-03-31&team=team-west');
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-disposition'), /filename="service-report-team-2024-01-01-to-2024-03-31.csv"/);
    assert.match(csv.text, /\r\nintervention,episodes_by_team,team-west,1\r\n/);
    const unknown = await clients.ana.get('/reports/service?from=2024-01-01&to=2024-03-31&team=nobody');
    assert.equal(unknown.status, 422);
    assert.match(unknown.text, /id="team-error"/);
    assert.match(unknown.text, /There is no such team/);
    assert.doesNotMatch(unknown.text, /<table/);
  });

  test('without a period the last twelve months up to today are shown', async () => {
    const page = await clients.ana.get('/reports/service');
    assert.equal(page.status, 200);
    const today = new Date().toISOString().slice(0, 10);
    assert.match(page.text, new RegExp(`name="to" type="date" value="${today}"`));
    assert.match(page.text, /name="from" type="date" value="\d{4}-\d{2}-01"/);
  });

  test('the CSV and XLSX downloads carry the same figures', async () => {
    const csv = await clients.ana.get('/reports/service.csv?from=2024-01-01&to=2024-03-31');
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type'), /^text\/csv/);
    assert.match(csv.headers.get('content-disposition'), /attachment; filename="service-report-2024-01-01-to-2024-03-31.csv"/);
    assert.match(csv.text, /\r\nplans,services,svc-hub,1\r\n/);
    assert.match(csv.text, /\r\nclosure,not_completing_rate,,1\r\n/);
    const xlsx = await fetch(`${hearth.baseUrl}/reports/service.xlsx?from=2024-01-01&to=2024-03-31`, {
      headers: { cookie: clients.ana.cookieHeader() },
    });
    assert.equal(xlsx.status, 200);
    assert.match(xlsx.headers.get('content-type'), /spreadsheetml/);
    const bytes = Buffer.from(await xlsx.arrayBuffer());
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK'); // a zip archive, as every .xlsx is
    assert.ok(bytes.length > 2000, `workbook of ${bytes.length} bytes`);
  });

  test('the command line writes the same CSV rows, and the workbook to a file', async () => {
    const csv = await runHearth(['report', 'service', '--from', '2024-01-01', '--to', '2024-03-31', '--csv',
      '--database', hearth.dbPath]);
    const page = await clients.ana.get('/reports/service.csv?from=2024-01-01&to=2024-03-31');
    assert.equal(csv.stdout, page.text);
    const file = path.join(os.tmpdir(), `hearth-report-${process.pid}.xlsx`);
    await runHearth(['report', 'service', '--from', '2024-01-01', '--to', '2024-03-31', '--xlsx', file,
      '--database', hearth.dbPath]);
    const bytes = await readFile(file);
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
    await rm(file);
  });

  test('a bad period is a 422 with GOV.UK errors and no figures', async () => {
    const page = await clients.ana.get('/reports/service?from=2024-02-30&to=2024-03-31');
    assert.equal(page.status, 422);
    assert.match(page.text, /govuk-error-summary/);
    assert.match(page.text, /id="from-error"/);
    assert.doesNotMatch(page.text, /<table/);
    const download = await clients.ana.get('/reports/service.csv?from=2024-03-31&to=2024-01-01');
    assert.equal(download.status, 422);
  });

  test('a front door coordinator may not open it, nor see it in the navigation', async () => {
    assert.equal((await clients.cora.get('/reports/service')).status, 403);
    assert.equal((await clients.cora.get('/reports/service.csv?from=2024-01-01&to=2024-03-31')).status, 403);
    const home = await clients.cora.get('/');
    assert.doesNotMatch(home.text, /href="\/reports\/service"/);
    const mine = await clients.ana.get('/');
    assert.match(mine.text, /href="\/reports\/service"/);
  });

  test('views and downloads are audited as the service report, naming no record', async () => {
    // View rows go to the access log (access_events), committed before each page is sent.
    const access = hearth.dbPath.replace(/\.db$/, '-access.db');
    const query = "SELECT count(*) FROM access_events WHERE record_type = 'service_report' AND action = 'view' " +
      "AND outcome = 'ok' AND IFNULL(record_id, 0) = 0 AND IFNULL(family_id, 0) = 0";
    const rows = await sqlite(access, query);
    // Two dashboard views, two CSV and one XLSX download by the analyst (the default-period view makes a sixth).
    assert.ok(Number(rows) >= 5, `${rows} rows in ${access}`);
  });
});
