// Every instrument of issue 4 through /api/v1 and the pages: the Resilience Assessment from draft to final to
// superseded, with per-item errors and a finalised result refused edit; the ACE checklist, both feedback forms,
// management oversight and a quality audit acknowledged by the worker and the manager; a form completed through a
// page POST with its error summary; and a partner who sees final results of a family shared with them, never drafts.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { Client, addUser, csrfFrom, runHearth, signIn, sqlite, startHearth } from './support/hearth_process.mjs';

const PASSWORD = 'correct horse battery';
const RECEIVED = '2026-10-01';
const ITEMS = {
  environment: ['environment_home', 'environment_housing', 'environment_money', 'environment_neighbourhood',
    'environment_routines'],
  adversity: ['adversity_conflict', 'adversity_health', 'adversity_substances', 'adversity_loss', 'adversity_stress'],
  resilience: ['resilience_support', 'resilience_relationships', 'resilience_problem_solving', 'resilience_confidence',
    'resilience_community'],
  vulnerability: ['vulnerability_care', 'vulnerability_safety', 'vulnerability_wellbeing', 'vulnerability_education',
    'vulnerability_isolation'],
};
const ALL_ITEMS = Object.values(ITEMS).flat();
const answeredAll = (value) => Object.fromEntries(ALL_ITEMS.map((id) => [id, String(value)]));

describe('instruments (API and pages)', () => {
  let hearth;
  let client;
  const tokens = {};
  let episodeId;
  let child;

  const as = (who) => {
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
  const ifMatch = (version) => ({ 'if-match': `"${version}"` });
  const ok = (response, status = 200) => {
    const log = response.status >= 500 ? `\n${hearth.logs().slice(-1500)}` : '';
    assert.equal(response.status, status, response.text.slice(0, 800) + log);
    return response.json;
  };
  const refused = (response, status, code, fields = []) => {
    assert.equal(response.status, status, response.text.slice(0, 800));
    assert.equal(response.json?.error?.code, code, response.text.slice(0, 800));
    for (const field of fields)
      assert.ok(response.json.error.fields?.some((f) => f.field === field), `${field}: ${response.text.slice(0, 800)}`);
  };
  const start = async (who, body) => ok(await as(who).post(`/api/v1/episodes/${episodeId}/instruments`, body), 201).result;
  const path = (result) => `/api/v1/instruments/${result.instrument}/${result.id}`;
  const save = async (who, result, answers) => ok(await as(who).put(path(result), { answers }, ifMatch(result.version))).result;
  const finalise = async (who, result) => ok(await as(who).post(`${path(result)}/finalise`, {}, ifMatch(result.version))).result;
  const workerId = async (username) => {
    const list = ok(await as('coord').get('/api/v1/workers')).workers;
    return list.find((w) => w.username === username).id;
  };

  before(async () => {
    hearth = await startHearth();
    const users = [
      ['coord', 'front_door_coordinator', 'Front Door'],
      ['mary', 'manager', 'Assessment'],
      ['ella', 'ea_officer', 'Assessment'],
      ['aud', 'auditor', 'Quality'],
    ];
    for (const [name, role, team] of users) await addUser(hearth.dbPath, name, role, PASSWORD, team);
    await runHearth(['user', 'add', 'pia', '--role', 'partner', '--team', 'Partners', '--agency', 'health',
      '--database', hearth.dbPath, '--password-stdin'], { input: PASSWORD });
    for (const name of [...users.map((u) => u[0]), 'pia'])
      tokens[name] = (await runHearth(['user', 'token', name, '--database', hearth.dbPath])).stdout.trim();
    client = new Client(hearth.baseUrl);

    const referral = ok(await as('coord').post('/api/v1/referrals', {
      received_on: RECEIVED, source: 'school', reasons: ['education'], consent_given: true,
      consent_given_by: 'Mother', consent_given_on: RECEIVED, share_with: ['health'], decision: 'early_help',
      rationale: 'Falling attendance; mother asked for help.', family: { area: 'West', postcode: 'CF37 1DL' },
      people: [
        { given_name: 'Rhian', family_name: 'Morgan', date_of_birth: '1990-02-03', sex: 'female', role: 'parent' },
        { given_name: 'Cai', family_name: 'Morgan', date_of_birth: '2012-05-06', sex: 'male', role: 'child' },
      ],
      confirmed_new_family: true,
    }), 201);
    episodeId = referral.episode_id;
    const file = ok(await as('coord').get(`/api/v1/episodes/${episodeId}`));
    child = file.members.find((m) => m.role === 'child');
    ok(await as('coord').post(`/api/v1/episodes/${episodeId}/allocate-assessment`,
      { ea_officer_id: await workerId('ella'), on: '2026-10-02' }, ifMatch(file.episode.version)));
  });

  after(async () => {
    await hearth?.stop();
  });

  test('a Resilience Assessment: draft, per-item errors, finalised, refused edit, superseded with a reason', async () => {
    // Answers with the start are saved on the new draft; each bad one is named.
    const badStart = await as('ella').post(`/api/v1/episodes/${episodeId}/instruments`,
      { instrument: 'resilience', stage: 'initial', date: '2026-10-05', answers: { environment_home: 7, shoe_size: '9' } });
    refused(badStart, 422, 'validation_failed', ['environment_home', 'shoe_size']);
    assert.match(badStart.headers.get('location'), /^\/api\/v1\/instruments\/resilience\/\d+$/);
    refused(await as('ella').post(`/api/v1/episodes/${episodeId}/instruments`,
      { instrument: 'resilience', stage: 'any', date: '2026-10-05' }), 422, 'validation_failed', ['stage']);
    refused(await as('ella').post(`/api/v1/episodes/${episodeId}/instruments`,
      { instrument: 'resilience', stage: 'initial', date: '2026-10-05', answers: { environment_home: [1] } }),
    400, 'wrong_type');

    let draft = await start('ella', { instrument: 'resilience', stage: 'initial', date: '2026-10-05',
      answers: { environment_home: 3 } });
    assert.equal(draft.status, 'draft');
    assert.equal(draft.answers.environment_home, '3');
    refused(await as('ella').put(path(draft), { answers: answeredAll(4) }), 428, 'precondition_required');
    refused(await as('ella').put(path(draft), { answers: answeredAll(4) }, ifMatch(draft.version + 5)), 412,
      'stale_version');
    const incomplete = { ...answeredAll(4) };
    delete incomplete.vulnerability_isolation;
    draft = await save('ella', draft, incomplete);
    assert.equal(draft.domains.find((d) => d.id === 'vulnerability').total, null);
    assert.equal(draft.domains.find((d) => d.id === 'environment').total, 20);
    refused(await as('ella').post(`${path(draft)}/finalise`, {}, ifMatch(draft.version)), 422, 'validation_failed',
      ['vulnerability_isolation']);
    draft = await save('ella', draft, answeredAll(4));
    const final = await finalise('ella', draft);
    assert.equal(final.status, 'final');
    assert.equal(final.combined.total, 80);
    assert.equal(final.combined.band.id, 'significant_concern');

    // A finalised result is never edited, only superseded with a reason.
    refused(await as('ella').put(path(final), { answers: answeredAll(3) }, ifMatch(final.version)), 409, 'conflict');
    refused(await as('ella').post(`${path(final)}/supersede`, { answers: answeredAll(3), reason: ' ' },
      ifMatch(final.version)), 422, 'validation_failed', ['reason']);
    const successor = ok(await as('ella').post(`${path(final)}/supersede`,
      { answers: answeredAll(3), reason: 'Answers were entered for the wrong week' }, ifMatch(final.version)), 201)
      .result;
    assert.equal(successor.combined.total, 60);
    const old = ok(await as('ella').get(path(final))).result;
    assert.equal(old.status, 'superseded');
    assert.equal(old.superseded_by, successor.id);
    assert.equal(old.supersede_reason, 'Answers were entered for the wrong week');
    const listed = ok(await as('ella').get(`/api/v1/episodes/${episodeId}/instruments`)).results;
    assert.ok(listed.some((r) => r.id === successor.id && r.status === 'final'));

    // A manager does not complete it (resilience.v1.toml names officers and workers).
    refused(await as('mary').post(`/api/v1/episodes/${episodeId}/instruments`,
      { instrument: 'resilience', stage: 'initial', date: '2026-10-05' }), 403, 'forbidden');
  });

  test('the ACE checklist, the feedback forms, oversight and an acknowledged audit', async () => {
    // ACE checklist for the child: one ACE applies.
    const noAces = Object.fromEntries(['physical_abuse', 'sexual_abuse', 'emotional_abuse', 'physical_neglect',
      'emotional_neglect', 'domestic_violence', 'household_substance_misuse', 'household_mental_illness', 'parental_separation',
      'household_imprisonment'].map((ace) => [ace, 'no']));
    let ace = await start('ella', { instrument: 'ace_checklist', stage: 'any', date: '2026-10-05', person_id: child.id });
    refused(await as('ella').put(path(ace), { answers: { ...noAces, physical_abuse_identified_on: '2026-10-01' } },
      ifMatch(ace.version)), 422, 'validation_failed', ['physical_abuse_identified_on']);
    ace = await save('ella', ace, { ...noAces, domestic_violence: 'yes', domestic_violence_identified_on: '2026-10-03' });
    ace = await finalise('ella', ace);
    assert.equal(await sqlite(hearth.dbPath, "SELECT ace || ' ' || identified_on || ' ' || status FROM aces"),
      'domestic_violence 2026-10-03 final');

    // Relationship feedback and service user feedback.
    const rff = await finalise('ella', await start('ella', { instrument: 'relationship_feedback', date: '2026-10-06',
      answers: { listened_to: 5, respected: 5, helpful: 4, own_words: 'She listened.' } }));
    assert.equal(rff.status, 'final');
    refused(await as('ella').post(`/api/v1/episodes/${episodeId}/instruments`,
      { instrument: 'service_user_feedback', date: '2026-10-06', answers: { satisfaction: 'ecstatic' } }), 422,
    'validation_failed', ['satisfaction']);
    await finalise('ella', await start('ella', { instrument: 'service_user_feedback', stage: 'evaluation',
      date: '2026-10-06', answers: { satisfaction: 'happy' } }));
    assert.equal(await sqlite(hearth.dbPath,
      "SELECT group_concat(DISTINCT satisfaction) FROM feedback WHERE form = 'service_user' AND status = 'final'"),
    'happy');

    // Management oversight: the manager, naming the worker.
    const ella = await workerId('ella');
    refused(await as('ella').post(`/api/v1/episodes/${episodeId}/instruments`,
      { instrument: 'management_oversight', date: '2026-10-07' }), 403, 'forbidden');
    const oversight = await finalise('mary', await start('mary', { instrument: 'management_oversight',
      date: '2026-10-07', answers: { oversight_on: '2026-10-07', worker: ella, considered_plan_effectiveness: 'yes',
        decisions: 'Continue', actions: 'Review in a month' } }));
    assert.equal(oversight.status, 'final');
    assert.equal(await sqlite(hearth.dbPath,
      'SELECT considered_plan_effectiveness || \' \' || worker_id FROM oversight_records'), `1 ${ella}`);

    // A quality audit goes to the worker and the manager, who each acknowledge it.
    const grades = {};
    for (const area of ['assessment', 'plan', 'impact', 'management_oversight', 'family_voice']) {
      grades[`${area}_grade`] = 'good';
      grades[`${area}_reasons`] = 'Clear and focused on the child';
    }
    const audit = await finalise('aud', await start('aud', { instrument: 'quality_audit', date: '2026-10-08',
      answers: { audited_on: '2026-10-08', ...grades, overall_grade: 'good', feedback_to_worker: 'Well done',
        feedback_to_manager: 'Good oversight' } }));
    assert.equal(audit.sent_to.worker, ella);
    assert.equal(String(audit.sent_to.manager), await sqlite(hearth.dbPath, "SELECT id FROM users WHERE username = 'mary'"));
    assert.deepEqual(ok(await as('ella').get('/api/v1/audits-to-acknowledge')).results.map((r) => r.id), [audit.id]);
    refused(await as('aud').post(`${path(audit)}/acknowledge`, {}, ifMatch(audit.version)), 403, 'forbidden');
    const acked = ok(await as('ella').post(`${path(audit)}/acknowledge`, {}, ifMatch(audit.version))).result;
    assert.notEqual(acked.sent_to.worker_acknowledged_on, null);
    ok(await as('mary').post(`${path(audit)}/acknowledge`, {}, ifMatch(acked.version)));
    assert.deepEqual(ok(await as('mary').get('/api/v1/audits-to-acknowledge')).results, []);

    // Every change was audited under its record type; no answer text is in the trail.
    const types = await sqlite(hearth.dbPath,
      "SELECT group_concat(DISTINCT record_type) FROM (SELECT record_type FROM audit_events WHERE action IN ('finalise', 'acknowledge') ORDER BY record_type)");
    assert.equal(types, 'ace,assessment,audit,feedback,oversight');
  });

  test('a partner sees final results of a family shared with them, never drafts', async () => {
    const draft = await start('ella', { instrument: 'relationship_feedback', date: '2026-10-09' });
    assert.equal((await as('pia').get(path(draft))).status, 404);
    const seen = ok(await as('pia').get(`/api/v1/episodes/${episodeId}/instruments`)).results;
    assert.ok(seen.length > 0);
    assert.ok(seen.every((r) => r.status !== 'draft'));
    refused(await as('pia').post(`/api/v1/episodes/${episodeId}/instruments`,
      { instrument: 'relationship_feedback', date: '2026-10-09' }), 403, 'forbidden');
  });

  test('a form completed through the pages, with per-item errors in the error summary', async () => {
    const browser = new Client(hearth.baseUrl);
    await signIn(browser, 'ella', PASSWORD);
    const episode = await browser.get(`/episodes/${episodeId}`);
    assert.equal(episode.status, 200);
    assert.match(episode.text, /Measures and feedback/);
    assert.match(episode.text, /data-instrument="resilience" data-status="final"/);

    const newPage = await browser.get(`/episodes/${episodeId}/instruments/new`);
    assert.equal(newPage.status, 200);
    const csrf = csrfFrom(newPage.text);
    const bad = await browser.postForm(`/episodes/${episodeId}/instruments`,
      { csrf_token: csrf, instrument: 'resilience', stage: 'any', 'assessed_on-day': '5', 'assessed_on-month': '10',
        'assessed_on-year': '2026' });
    assert.equal(bad.status, 422);
    assert.match(bad.text, /href="#stage"/);
    const started = await browser.postForm(`/episodes/${episodeId}/instruments`,
      { csrf_token: csrf, instrument: 'resilience', stage: 'evaluation', 'assessed_on-day': '5',
        'assessed_on-month': '10', 'assessed_on-year': '2026' });
    assert.equal(started.status, 303, started.text.slice(0, 800));
    const editHref = started.headers.get('location');
    const resultHref = editHref.replace(/\/edit$/, '');
    const form = await browser.get(editHref);
    assert.equal(form.status, 200);
    assert.match(form.text, /Environment/);
    const version = /name="version" value="(\d+)"/.exec(form.text)[1];

    const wrong = await browser.postForm(resultHref, { csrf_token: csrf, version, intent: 'save', ...answeredAll(2),
      environment_home: '9' });
    assert.equal(wrong.status, 422);
    assert.match(wrong.text, /govuk-error-summary/);
    assert.match(wrong.text, /href="#environment_home"/);

    const finalised = await browser.postForm(resultHref, { csrf_token: csrf, version, intent: 'finalise',
      ...answeredAll(2) });
    assert.equal(finalised.status, 303, finalised.text.slice(0, 800));
    const result = await browser.get(finalised.headers.get('location'));
    assert.equal(result.status, 200);
    assert.match(result.text, /id="result-status">Final</);
    assert.match(result.text, /data-domain="combined"><th scope="row" class="govuk-table__header">[^<]*<\/th><td class="govuk-table__cell govuk-table__cell--numeric">40</);

    // A final result's form is the supersede form; a save to it is refused; a supersede needs a reason.
    const supersedeForm = await browser.get(editHref);
    assert.match(supersedeForm.text, /name="reason"/);
    const finalVersion = /name="version" value="(\d+)"/.exec(supersedeForm.text)[1];
    const again = await browser.postForm(resultHref, { csrf_token: csrf, version: finalVersion, intent: 'save',
      ...answeredAll(3) });
    assert.equal(again.status, 409);
    const noReason = await browser.postForm(resultHref, { csrf_token: csrf, version: finalVersion,
      intent: 'supersede', reason: '', ...answeredAll(3) });
    assert.equal(noReason.status, 422);
    assert.match(noReason.text, /href="#reason"/);
    const superseded = await browser.postForm(resultHref, { csrf_token: csrf, version: finalVersion,
      intent: 'supersede', reason: 'Scored against the wrong week', ...answeredAll(3) });
    assert.equal(superseded.status, 303, superseded.text.slice(0, 800));
    assert.notEqual(superseded.headers.get('location').replace(/\?.*$/, ''), resultHref);
    const old = await browser.get(resultHref);
    assert.match(old.text, /id="result-status">Superseded</);
    assert.match(old.text, /Scored against the wrong week/);
  });
});
