// Issue 3's remaining gaps over HTTP: the allocation panel's weekly meetings (pages and API, decisions recorded
// within a meeting), the practitioner directory that TAF meetings choose a lead professional from
// (/admin/practitioners: list, add, change with a version check), and the family page marking a TAF meeting
// overdue as the work list does.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, test } from 'node:test';

import { Client, addUser, csrfFrom, runHearth, signIn, startHearth } from './support/hearth_process.mjs';

const PASSWORD = 'correct horse battery';

// Dates relative to today (UTC), so that "held", "coming" and "overdue" stay true whenever the test runs.
const day = (offset) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};
const boxes = (name, iso) => {
  const [y, m, d] = iso.split('-');
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y };
};

// How many "view" audit rows name the episode (in the records' trail and the access log).
function episodeViews(dbPath, id) {
  const accessLog = dbPath.replace(/\.db$/, '-access.db');
  const sql = `SELECT (SELECT count(*) FROM audit_events WHERE action = 'view' AND record_type = 'episode' AND record_id = ${id})
    + (SELECT count(*) FROM access.access_events WHERE action = 'view' AND record_type = 'episode' AND record_id = ${id})`;
  return new Promise((resolve, reject) => {
    execFile('sqlite3', ['-cmd', '.timeout 5000', '-cmd', `ATTACH '${accessLog}' AS access`, dbPath, sql],
      (error, stdout, stderr) => (error ? reject(new Error(stderr || error.message)) : resolve(Number(stdout.trim()))));
  });
}

describe('panel meetings, practitioners and the family page (issue 3 gaps)', () => {
  let hearth;
  const tokens = {};
  const pages = {};

  const api = (who) => {
    const client = new Client(hearth.baseUrl);
    const auth = { authorization: `Bearer ${tokens[who]}` };
    const send = (method, path, body, headers = {}) =>
      client.request(method, path, {
        body: JSON.stringify(body ?? {}),
        headers: { 'content-type': 'application/json', ...auth, ...headers },
      });
    return {
      get: (path) => client.get(path, auth),
      post: (path, body, headers) => send('POST', path, body, headers),
      put: (path, body, headers) => send('PUT', path, body, headers),
    };
  };
  const ok = (response, status = 200) => {
    assert.equal(response.status, status, response.text.slice(0, 600));
    return response.json;
  };
  const step = async (who, id, name, body) => {
    const current = ok(await api(who).get(`/api/v1/episodes/${id}`));
    return api(who).post(`/api/v1/episodes/${id}/${name}`, body, { 'if-match': `"${current.episode.version}"` });
  };
  const userId = async (username) =>
    ok(await api('coord').get('/api/v1/workers')).workers.find((w) => w.username === username).id;

  // A family whose plan was completed `planDaysAgo`, waiting for the panel.
  const waitingForPanel = async (planDaysAgo) => {
    const received = day(-planDaysAgo - 20);
    const created = ok(await api('coord').post('/api/v1/referrals', {
      received_on: received, source: 'school', reasons: ['education'], consent_given: true,
      consent_given_by: 'Mother', consent_given_on: received, decision: 'early_help', rationale: 'Attendance',
      family: { area: 'West', postcode: 'CF37 1DL' },
      people: [
        { given_name: 'Nia', family_name: 'Pryce', date_of_birth: '1988-04-05', sex: 'female', role: 'parent' },
        { given_name: 'Osian', family_name: 'Pryce', date_of_birth: '2014-06-07', sex: 'male', role: 'child' },
      ],
      confirmed_new_family: true,
    }), 201);
    const id = created.episode_id;
    ok(await step('coord', id, 'allocate-assessment', { ea_officer_id: await userId('ella'), on: day(-planDaysAgo - 19) }));
    ok(await api('ella').put(`/api/v1/episodes/${id}/assessment`, { strengths: 'Close family' }, { 'if-match': '"0"' }));
    ok(await step('ella', id, 'complete-assessment', { on: day(-planDaysAgo - 10) }));
    ok(await step('coord', id, 'allocate-brokerage', { br_officer_id: await userId('ben'), on: day(-planDaysAgo - 9) }));
    ok(await api('ben').put(`/api/v1/episodes/${id}/plan`, { family_words: 'Calmer mornings', agreed_on: day(-planDaysAgo) },
      { 'if-match': '"0"' }));
    const objective = ok(await api('ben').post(`/api/v1/episodes/${id}/plan/objectives`,
      { outcome: 'Osian in school', measure: 'Attendance 95%', who: 'Nia', target_on: day(60) }), 201);
    ok(await api('ben').post(`/api/v1/episodes/${id}/plan/objectives/${objective.id}/actions`,
      { description: 'Morning routine' }), 201);
    ok(await step('ben', id, 'complete-plan', { on: day(-planDaysAgo) }));
    return created;
  };

  before(async () => {
    hearth = await startHearth();
    const users = [
      ['coord', 'front_door_coordinator', 'Front Door'],
      ['mary', 'manager', 'Families Team West'],
      ['ella', 'ea_officer', 'Assessment'],
      ['ben', 'br_officer', 'Brokerage'],
      ['wyn', 'intervention_worker', 'Families Team West'],
    ];
    for (const [name, role, team] of users) await addUser(hearth.dbPath, name, role, PASSWORD, team);
    for (const [name] of users) {
      tokens[name] = (await runHearth(['user', 'token', name, '--database', hearth.dbPath])).stdout.trim();
      pages[name] = new Client(hearth.baseUrl);
      await signIn(pages[name], name, PASSWORD);
    }
  });

  after(async () => {
    await hearth?.stop();
  });

  test('pages: the panel arranges a meeting, records a decision within it, and a stale change shows both', async () => {
    const mary = pages.mary;
    let panel = await mary.get('/panel');
    assert.equal(panel.status, 200);
    assert.match(panel.text, /No meetings are arranged yet\./);
    assert.match(panel.text, /No meetings have been held yet\./);
    assert.equal((await pages.wyn.get('/panel/meetings/new')).status, 403);

    // Arranging: a missing date is named; nothing is saved.
    let form = await mary.get('/panel/meetings/new');
    assert.equal(form.status, 200);
    const refused = await mary.postForm('/panel/meetings', { csrf_token: csrfFrom(form.text), chair: 'Mary' });
    assert.equal(refused.status, 422);
    assert.match(refused.text, /href="#on"[^>]*>Enter the date</);
    const arranged = await mary.postForm('/panel/meetings',
      { csrf_token: csrfFrom(form.text), chair: 'Mary Evans', notes: 'Quorate', ...boxes('on', day(-1)) });
    assert.equal(arranged.status, 303, arranged.text.slice(0, 300));
    const meetingPath = arranged.headers.get('location').replace(/\?.*$/, '');
    assert.match(meetingPath, /^\/panel\/meetings\/\d+$/);
    const meetingId = Number(meetingPath.split('/').pop());
    const coming = await mary.postForm('/panel/meetings', { csrf_token: csrfFrom(form.text), ...boxes('on', day(6)) });
    assert.equal(coming.status, 303);
    const comingPath = coming.headers.get('location').replace(/\?.*$/, '');

    // A family waiting: the panel page links its decision to the latest meeting held; the form starts with it.
    const { episode_id: id } = await waitingForPanel(5);
    panel = await mary.get('/panel');
    assert.match(panel.text, new RegExp(`href="/episodes/${id}/panel-decision\\?meeting=${meetingId}"`));
    assert.match(panel.text, new RegExp(`href="${comingPath}"`));
    const coming_page = await mary.get(comingPath);
    assert.match(coming_page.text, /This meeting has not happened yet/);
    assert.doesNotMatch(coming_page.text, /panel-decision\?meeting=/);

    form = await mary.get(`/episodes/${id}/panel-decision?meeting=${meetingId}`);
    assert.equal(form.status, 200);
    assert.match(form.text, new RegExp(`<option value="${meetingId}" selected>`));
    const version = form.text.match(/name="version" value="(\d+)"/)[1];
    // Showing the form again reads (and audits a view of) the episode; a save that succeeds reads nothing of it.
    let views = await episodeViews(hearth.dbPath, id);
    const noMeeting = await mary.postForm(`/episodes/${id}/panel-decision`,
      { csrf_token: csrfFrom(form.text), version, outcome: 'send_back', reasons: 'Add a housing objective' });
    assert.equal(noMeeting.status, 422);
    assert.match(noMeeting.text, /Select the panel meeting/);
    assert.match(noMeeting.text, /Nia Pryce|Pryce/, 'the form shown again names the family');
    assert.equal(await episodeViews(hearth.dbPath, id), views + 1);
    views += 1;
    const decided = await mary.postForm(`/episodes/${id}/panel-decision`, {
      csrf_token: csrfFrom(form.text), version, meeting_id: String(meetingId), outcome: 'send_back',
      reasons: 'Add a housing objective',
    });
    assert.equal(decided.status, 303, decided.text.slice(0, 400));
    assert.equal(await episodeViews(hearth.dbPath, id), views, 'a successful save writes no view audit row');
    const meetingPage = await mary.get(meetingPath);
    assert.equal(meetingPage.status, 200);
    assert.match(meetingPage.text, /Mary Evans/);
    assert.match(meetingPage.text, new RegExp(`href="/episodes/${id}">#${id}</a></td><td class="govuk-table__cell">Send the plan back`));
    const episodePage = await mary.get(`/episodes/${id}`);
    assert.match(episodePage.text, new RegExp(`href="${meetingPath}"`), 'the decision links to its meeting');

    // Changing the meeting: a second editor working from the old version is refused and sees both.
    const editA = await mary.get(`${meetingPath}/edit`);
    const coordPage = await pages.coord.get(`${meetingPath}/edit`);
    const saveA = await mary.postForm(meetingPath, {
      csrf_token: csrfFrom(editA.text), version: '1', chair: 'Mary Evans', notes: 'Quorate; housing sent apologies',
      ...boxes('on', day(-1)),
    });
    assert.equal(saveA.status, 303);
    const saveB = await pages.coord.postForm(meetingPath, {
      csrf_token: csrfFrom(coordPage.text), version: '1', chair: 'Someone else', notes: 'Overwritten?',
      ...boxes('on', day(-1)),
    });
    assert.equal(saveB.status, 409);
    assert.match(saveB.text, /Quorate; housing sent apologies/, 'the stored meeting is shown');
    assert.match(saveB.text, /Overwritten\?/, 'what was typed is kept');
    const moved = await mary.postForm(meetingPath, {
      csrf_token: csrfFrom(editA.text), version: '2', chair: 'Mary Evans', ...boxes('on', day(-2)),
    });
    assert.equal(moved.status, 422, 'a meeting with decisions keeps its date');
    assert.match(moved.text, /its date cannot change/);
  });

  test('pages: the practitioner directory lists, adds and changes practitioners with a version check', async () => {
    const mary = pages.mary;
    const list = await mary.get('/admin/practitioners');
    assert.equal(list.status, 200);
    assert.match(list.text, /There are no practitioners in the directory yet/);
    assert.equal((await pages.wyn.get('/admin/practitioners')).status, 403);
    const form = await mary.get('/admin/practitioners/new');
    const missing = await mary.postForm('/admin/practitioners',
      { csrf_token: csrfFrom(form.text), name: 'Iolo Price', organisation_kind: 'other', email: 'iolo' });
    assert.equal(missing.status, 422);
    assert.match(missing.text, /Enter the name of the organisation/);
    assert.match(missing.text, /Enter an email address in the right format/);
    const added = await mary.postForm('/admin/practitioners', {
      csrf_token: csrfFrom(form.text), name: 'Iolo Price', organisation_kind: 'other',
      organisation: 'Valleys Food Bank', role_title: 'Coordinator',
    });
    assert.equal(added.status, 303);
    const location = added.headers.get('location');
    assert.match(location, /^\/admin\/practitioners\?added=\d+$/);
    const id = location.split('=')[1];
    const listed = await mary.get(location);
    assert.match(listed.text, /Iolo Price was added to the directory/);
    assert.match(listed.text, /Valleys Food Bank/);

    const editA = await mary.get(`/admin/practitioners/${id}/edit`);
    assert.match(editA.text, /name="version" value="1"/);
    const saved = await mary.postForm(`/admin/practitioners/${id}`, {
      csrf_token: csrfFrom(editA.text), version: '1', name: 'Iolo Price', organisation_kind: 'financial_inclusion',
      role_title: 'Money adviser',
    });
    assert.equal(saved.status, 303);
    const stale = await mary.postForm(`/admin/practitioners/${id}`, {
      csrf_token: csrfFrom(editA.text), version: '1', name: 'Iolo P', organisation_kind: 'other', organisation: 'X',
    });
    assert.equal(stale.status, 409);
    assert.match(stale.text, /Money adviser/, 'the stored entry is shown');
    const api_view = ok(await api('mary').get(`/api/v1/practitioners/${id}`));
    assert.equal(api_view.practitioner.name, 'Iolo Price');
    assert.equal(api_view.practitioner.version, 2);
    const noIfMatch = await api('mary').put(`/api/v1/practitioners/${id}`, { name: 'Iolo', organisation_kind: 'health' });
    assert.equal(noIfMatch.status, 428);
    const staleApi = await api('mary').put(`/api/v1/practitioners/${id}`, { name: 'Iolo', organisation_kind: 'health' },
      { 'if-match': '"1"' });
    assert.equal(staleApi.status, 412);
  });

  test('the family page marks a TAF meeting overdue, as the work list does', async () => {
    const { episode_id: id, family_id: familyId } = await waitingForPanel(12);
    const meeting = ok(await api('mary').post('/api/v1/panel/meetings', { on: day(-10) }), 201);
    const teams = ok(await api('mary').get('/api/v1/teams')).teams;
    ok(await step('mary', id, 'panel-decision', {
      outcome: 'allocate', meeting_id: meeting.id, team_id: teams.find((t) => t.name === 'Families Team West').id,
      worker_id: await userId('wyn'),
    }));
    const lead = ok(await api('mary').post('/api/v1/practitioners',
      { name: 'Bethan Rees', organisation_kind: 'health', role_title: 'School nurse' }), 201);
    const familyPage = async () => (await pages.mary.get(`/families/${familyId}`)).text;
    assert.doesNotMatch(await familyPage(), /govuk-tag--red">Overdue/, 'nothing is overdue before the TAF meeting');
    // The meeting set its next date two days ago: nothing else on the episode is due yet.
    ok(await api('wyn').post(`/api/v1/episodes/${id}/taf-meetings`, {
      on: day(-9), attendees: 'Nia, school nurse', lead_practitioner_id: lead.id, next_meeting_on: day(-2),
    }), 201);
    assert.match(await familyPage(), /govuk-tag--red">Overdue/);
    const work = ok(await api('wyn').get('/api/v1/my-work'));
    const row = work.items.find((r) => r.episode === id);
    assert.ok(row, JSON.stringify(work).slice(0, 400));
    assert.equal(row.overdue, true);
    assert.deepEqual(row.due.filter((d) => d.status === 'overdue').map((d) => d.what), ['taf_meeting']);
  });
});
