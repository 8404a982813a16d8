// The audit trail on a real server: views, changes and refusals are recorded with who and what, an
// administrator or auditor can read a family's trail, and neither the trail nor the server's own output holds
// any personal data.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, test } from 'node:test';

import { Client, addUser, csrfFrom, runHearth, signIn, startHearth } from './support/hearth_process.mjs';

const PASSWORD = 'correct horse battery';
const RECEIVED = '2026-10-12';

// Distinctive personal data: none of it may appear in the audit table or the server's output.
const GIVEN = 'Xanthippe';
const FAMILY_NAME = 'Quorndon-Vexley';
const PARENT_GIVEN = 'Ysolde';
const POSTCODE = 'LL57 2DG';
const DATE_OF_BIRTH = '2014-12-25';
const ADDRESS = '41 Ffordd Ogwen';
const FORBIDDEN = [
  GIVEN,
  FAMILY_NAME,
  'Quorndon',
  'Vexley',
  PARENT_GIVEN,
  POSTCODE,
  POSTCODE.replace(' ', ''),
  DATE_OF_BIRTH,
  '25/12/2014',
  'Ffordd Ogwen',
];

const decode = (s) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;|&apos;/gi, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

// The rows of an audit page's table as {at, user, role, action, record, outcome} (the family's own trail has no
// family column).
function auditRows(html) {
  const body = /<tbody class="govuk-table__body">([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)].map(([, row]) => {
    const cells = [...row.matchAll(/<td class="govuk-table__cell">([\s\S]*?)<\/td>/g)].map((m) =>
      decode(m[1].replace(/<[^>]*>/g, '').trim()),
    );
    const [at, user, role, action, record, outcome] = cells;
    return { at, user, role, action, record, outcome };
  });
}

// The trail is two files: changes in the database, access (views, searches, refusals) in the access log beside it
// (hearth.db -> hearth-access.db). `trail` is both, as the audit pages read them.
function sqlite(dbPath, sql) {
  const accessLog = dbPath.replace(/\.db$/, '-access.db');
  const trail =
    "CREATE TEMP VIEW trail AS SELECT * FROM audit_events UNION ALL SELECT * FROM access.access_events";
  return new Promise((resolve, reject) => {
    const args = ['-cmd', '.timeout 5000', '-cmd', `ATTACH '${accessLog}' AS access`, '-cmd', trail, dbPath, sql];
    execFile('sqlite3', args, (error, stdout, stderr) => {
      if (error) reject(new Error(`sqlite3 failed: ${stderr || error.message}`));
      else resolve(stdout);
    });
  });
}

function assertNoPersonalData(text, where) {
  const lower = text.toLowerCase();
  for (const value of FORBIDDEN) {
    assert.ok(!lower.includes(value.toLowerCase()), `${where} contains personal data: ${value}`);
  }
}

describe('audit trail', () => {
  let hearth;
  let token;
  let familyId;
  let coord;
  let admin;

  const api = (method, path, body) =>
    new Client(hearth.baseUrl).request(method, path, {
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
    });
  const auditOf = async (client, id) => {
    const page = await client.get(`/families/${id}/audit`);
    assert.equal(page.status, 200, `GET /families/${id}/audit: ${page.status}`);
    return auditRows(page.text);
  };

  before(async () => {
    // The most verbose level: personal data must stay out of the output at every level.
    hearth = await startHearth({ args: ['--log-level', 'trace'] });
    await addUser(hearth.dbPath, 'cora', 'front_door_coordinator', PASSWORD);
    await addUser(hearth.dbPath, 'ada', 'administrator', PASSWORD, 'Systems');
    await addUser(hearth.dbPath, 'quinn', 'auditor', PASSWORD, 'Quality');
    await addUser(hearth.dbPath, 'eve', 'ea_officer', PASSWORD, 'Engagement');
    token = (await runHearth(['user', 'token', 'cora', '--database', hearth.dbPath])).stdout.trim();
    coord = new Client(hearth.baseUrl);
    await signIn(coord, 'cora', PASSWORD);
    admin = new Client(hearth.baseUrl);
    await signIn(admin, 'ada', PASSWORD);

    // The family is created through the front door, so that names, postcode and date of birth pass through the
    // form, the duplicate check and the pages.
    const form = await coord.get('/referrals/new');
    const response = await coord.postForm('/referrals', [
      ['csrf_token', csrfFrom(form.text)],
      ['received_on', RECEIVED],
      ['source', 'health'],
      ['reasons', 'health'],
      ['family.area', 'North'],
      ['family.address_line_1', ADDRESS],
      ['family.postcode', POSTCODE],
      ['people[0].given_name', GIVEN],
      ['people[0].family_name', FAMILY_NAME],
      ['people[0].date_of_birth', DATE_OF_BIRTH],
      ['people[0].role', 'child'],
      ['people[1].given_name', PARENT_GIVEN],
      ['people[1].family_name', FAMILY_NAME],
      ['people[1].role', 'parent'],
      ['consent_given', 'yes'],
      ['consent_given_by', PARENT_GIVEN],
      ['consent_given_on', RECEIVED],
      ['decision', 'early_help'],
      ['rationale', `${GIVEN} is missing school.`],
    ]);
    assert.equal(response.status, 303, response.text.slice(0, 1000));
    familyId = Number(/^\/families\/(\d+)$/.exec(response.headers.get('location'))[1]);
  });

  after(async () => {
    await hearth?.stop();
  });

  test('viewing a family writes a view row that an administrator sees on the family’s trail', async () => {
    const before = await auditOf(admin, familyId);
    const page = await coord.get(`/families/${familyId}`);
    assert.equal(page.status, 200);
    const rows = await auditOf(admin, familyId);
    const views = (list) => list.filter((r) => r.user === 'cora' && r.action === 'Viewed' && r.outcome === 'Done');
    assert.equal(views(rows).length, views(before).length + 1, JSON.stringify(rows.slice(0, 5)));
    const newest = views(rows)[0];
    assert.deepEqual(
      { user: newest.user, role: newest.role, action: newest.action, record: newest.record },
      { user: 'cora', role: 'Front door coordinator', action: 'Viewed', record: `Family ${familyId}` },
    );
    assert.match(newest.at, /\d/);
  });

  test('the referral and the family’s creation are on the trail', async () => {
    const rows = await auditOf(admin, familyId);
    const created = rows.filter((r) => r.action === 'Created' && r.user === 'cora');
    const records = created.map((r) => r.record.replace(/ \d+$/, ''));
    assert.ok(records.includes('Family'), JSON.stringify(created));
    assert.ok(records.includes('Referral'), JSON.stringify(created));
    assert.ok(records.includes('Person'), JSON.stringify(created));
  });

  test('a change through the API is on the trail as Changed', async () => {
    const current = await api('GET', `/api/v1/families/${familyId}`);
    const saved = await api('PUT', `/api/v1/families/${familyId}`, {
      area: 'North West',
      address_line_1: ADDRESS,
      postcode: POSTCODE,
      version: current.json.family.version,
    });
    assert.equal(saved.status, 200, saved.text);
    const rows = await auditOf(admin, familyId);
    assert.ok(
      rows.some((r) => r.user === 'cora' && r.action === 'Changed' && r.record === `Family ${familyId}`),
      JSON.stringify(rows.slice(0, 5)),
    );
  });

  test('an auditor may read the trail; a coordinator gets 403', async () => {
    const quinn = new Client(hearth.baseUrl);
    await signIn(quinn, 'quinn', PASSWORD);
    const rows = await auditOf(quinn, familyId);
    assert.ok(rows.length > 0);
    // The administrator's own look at the trail is recorded too.
    assert.ok(
      rows.some((r) => r.user === 'ada' && r.action === 'Viewed the audit trail'),
      JSON.stringify(rows.slice(0, 5)),
    );

    const refused = await coord.get(`/families/${familyId}/audit`);
    assert.equal(refused.status, 403);
    assert.equal(auditRows(refused.text).length, 0);
    assert.equal((await coord.get('/admin/audit')).status, 403);
  });

  test('a refused view (an ea_officer, family not assigned) is on the trail as not found', async () => {
    const eve = new Client(hearth.baseUrl);
    await signIn(eve, 'eve', PASSWORD);
    const refused = await eve.get(`/families/${familyId}`);
    assert.equal(refused.status, 404);
    const rows = await auditOf(admin, familyId);
    const eves = rows.filter((r) => r.user === 'eve');
    assert.equal(eves.length, 1, JSON.stringify(rows.slice(0, 5)));
    assert.deepEqual(
      { role: eves[0].role, action: eves[0].action, record: eves[0].record, outcome: eves[0].outcome },
      {
        role: 'Engagement and assessment officer',
        action: 'Viewed',
        record: `Family ${familyId}`,
        outcome: 'Not found',
      },
    );
    // The outcome is stored as not_found.
    const stored = await sqlite(
      hearth.dbPath,
      `SELECT action || '|' || outcome FROM trail e JOIN users u ON u.id = e.user_id ` +
        `WHERE u.username = 'eve' AND e.family_id = ${familyId};`,
    );
    assert.equal(stored.trim(), 'view|not_found');
  });

  test('searches are audited without their terms', async () => {
    const searches = async () =>
      Number((await sqlite(hearth.dbPath, "SELECT count(*) FROM trail WHERE action = 'search';")).trim());
    const before = await searches();
    for (const q of [GIVEN, FAMILY_NAME.toLowerCase(), POSTCODE, DATE_OF_BIRTH, '25/12/2014']) {
      const response = await coord.get(`/families?q=${encodeURIComponent(q)}`);
      assert.equal(response.status, 200);
      assert.match(response.text, new RegExp(`href="/families/${familyId}"`), `"${q}" finds the family`);
    }
    const viaApi = await api('GET', `/api/v1/families?q=${encodeURIComponent(`${PARENT_GIVEN} ${FAMILY_NAME}`)}`);
    assert.equal(viaApi.json.total, 1);
    const after = await searches();
    assert.equal(after, before + 6);
  });

  test('refused and failed submissions carrying personal data leave none behind', async () => {
    // A possible match (same name and date of birth), then a validation failure: both echo the data to the user
    // and must keep it out of the log and the trail.
    const form = await coord.get('/referrals/new');
    const fields = [
      ['csrf_token', csrfFrom(form.text)],
      ['received_on', RECEIVED],
      ['source', 'school'],
      ['reasons', 'education'],
      ['family.area', 'North'],
      ['family.postcode', POSTCODE],
      ['people[0].given_name', GIVEN],
      ['people[0].family_name', FAMILY_NAME],
      ['people[0].date_of_birth', DATE_OF_BIRTH],
      ['people[0].role', 'child'],
      ['decision', 'advice'],
      ['rationale', 'Signposted.'],
    ];
    const matches = await coord.postForm('/referrals', fields);
    assert.equal(matches.status, 200);
    assert.match(matches.text, /id="possible-matches"/);
    const invalid = await coord.postForm('/referrals', [
      ...fields,
      ['people[1].given_name', GIVEN],
      ['people[1].date_of_birth', '2014-02-30'],
    ]);
    assert.equal(invalid.status, 422);
    const conflict = await api('POST', '/api/v1/referrals', {
      received_on: RECEIVED,
      source: 'school',
      reasons: ['education'],
      decision: 'advice',
      rationale: 'Signposted.',
      family: { area: 'North', postcode: POSTCODE },
      people: [{ given_name: GIVEN, family_name: FAMILY_NAME, date_of_birth: DATE_OF_BIRTH, role: 'child' }],
    });
    assert.equal(conflict.status, 409);
    assert.equal(conflict.json.possible_matches[0].family_name, FAMILY_NAME);
  });

  // Last: everything above has put the distinctive data through the service.
  test('the audit trail holds no personal data', async () => {
    const dump = await sqlite(hearth.dbPath, 'SELECT * FROM trail;');
    const rows = dump.trim().split('\n');
    assert.ok(rows.length >= 15, `only ${rows.length} audit rows:\n${dump}`);
    assert.match(dump, new RegExp(`\\|view\\|family\\|${familyId}\\|${familyId}\\|ok`), 'the dump has the view rows');
    assertNoPersonalData(dump, 'the audit trail (audit_events and the access log)');
    // Nor does the trail's page.
    const page = await admin.get(`/families/${familyId}/audit`);
    assertNoPersonalData(/<main[\s\S]*<\/main>/.exec(page.text)[0], 'the audit page');
  });

  test('the server’s own output holds no personal data', async () => {
    const logs = hearth.logs();
    assert.match(logs, /listening on/, 'the output was captured');
    assertNoPersonalData(logs, 'the server output');
  });
});
