// The front door through the web pages, on a real server: a referral for a new family (and the "may already be
// known" check before one is created), a referral for a family already known, and the referral's own page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { Client, addUser, csrfFrom, runHearth, signIn, startHearth } from './support/hearth_process.mjs';

const PASSWORD = 'correct horse battery';
const RECEIVED = '2026-10-05';

const decode = (s) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;|&apos;/gi, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function errorSummary(html) {
  const body = /<div class="govuk-error-summary__body">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map((m) => ({ href: m[1], text: decode(m[2]) }));
}

function inputValue(html, id) {
  for (const [tag] of html.matchAll(/<input\b[^>]*>/g)) {
    if (new RegExp(`\\bid="${id}"`).test(tag)) return decode(/\bvalue="([^"]*)"/.exec(tag)?.[1] ?? '');
  }
  return undefined;
}

// The summary list of a referral's page as {key: [lines]}.
function summaryRows(html) {
  const rows = {};
  const pattern =
    /<dt class="govuk-summary-list__key">([^<]*)<\/dt>\s*<dd class="govuk-summary-list__value">([\s\S]*?)<\/dd>/g;
  for (const [, key, value] of html.matchAll(pattern)) {
    rows[decode(key)] = [...value.matchAll(/<p class="govuk-body">([^<]*)<\/p>/g)].map((m) => decode(m[1]));
  }
  return rows;
}

// A complete new-family referral form, as a coordinator fills it in; `overrides` replace or remove (undefined) fields.
function newFamilyForm(overrides = {}) {
  const fields = {
    received_on: RECEIVED,
    source: 'school',
    reasons: ['education', 'family_relationships'],
    'family.area': 'Central',
    'family.address_line_1': '22 Teras Glanrhondda',
    'family.town': 'Treherbert',
    'family.postcode': 'cf42 5aa',
    'people[0].given_name': 'Myfanwy',
    'people[0].family_name': 'Blodwen-Evans',
    'people[0].date_of_birth': '2017-08-09',
    'people[0].sex': 'female',
    'people[0].role': 'child',
    'people[1].given_name': 'Carys',
    'people[1].family_name': 'Blodwen-Evans',
    'people[1].date_of_birth': '',
    'people[1].sex': '',
    'people[1].role': 'parent',
    consent_given: 'yes',
    consent_given_by: 'Mother',
    consent_given_on: RECEIVED,
    share_with: ['education'],
    decision: 'early_help',
    rationale: 'Attendance has fallen to 80%.\nMother asked for help with routines.',
    ...overrides,
  };
  const pairs = [];
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) pairs.push([name, v]);
  }
  return pairs;
}

describe('referrals', () => {
  let hearth;
  let token;
  let coord;

  const api = (path) => new Client(hearth.baseUrl).get(path, { authorization: `Bearer ${token}` });
  const familyTotal = async () => {
    const response = await api('/api/v1/families?page_size=1');
    assert.equal(response.status, 200);
    return response.json.total;
  };
  const familyJson = async (id) => {
    const response = await api(`/api/v1/families/${id}`);
    assert.equal(response.status, 200, response.text.slice(0, 300));
    return response.json;
  };
  const submitNew = async (pairs) => {
    const page = await coord.get('/referrals/new');
    assert.equal(page.status, 200);
    return coord.postForm('/referrals', [...pairs, ['csrf_token', csrfFrom(page.text)]]);
  };
  const familyIdFrom = (response) => {
    assert.equal(response.status, 303, response.text.slice(0, 1500));
    const match = /^\/families\/(\d+)$/.exec(response.headers.get('location') ?? '');
    assert.ok(match, `Location: ${response.headers.get('location')}`);
    return Number(match[1]);
  };

  before(async () => {
    hearth = await startHearth();
    await addUser(hearth.dbPath, 'coord', 'front_door_coordinator', PASSWORD);
    await addUser(hearth.dbPath, 'ivor', 'intervention_worker', PASSWORD, 'Intervention');
    token = (await runHearth(['user', 'token', 'coord', '--database', hearth.dbPath])).stdout.trim();
    coord = new Client(hearth.baseUrl);
    await signIn(coord, 'coord', PASSWORD);
  });

  after(async () => {
    await hearth?.stop();
  });

  test('the new-referral form has the household, person and decision fields', async () => {
    const dayBefore = new Date().toISOString().slice(0, 10);
    const page = await coord.get('/referrals/new');
    const dayAfter = new Date().toISOString().slice(0, 10);
    assert.equal(page.status, 200);
    const names = ['received_on', 'family.area', 'family.postcode', 'people[0].given_name', 'people[0].date_of_birth'];
    for (const name of [...names, 'consent_given_by', 'rationale']) {
      assert.match(page.text, new RegExp(`name="${name.replace(/[[\].]/g, '\\$&')}"`), name);
    }
    assert.match(page.text, /<form method="post" action="\/referrals"/);
    assert.doesNotMatch(page.text, /id="possible-matches"/);
    // Today (UTC), whichever side of midnight the request fell.
    assert.ok([dayBefore, dayAfter].includes(inputValue(page.text, 'received_on')), 'received today by default');
  });

  test('an early-help referral for a new family creates it and opens an episode awaiting allocation', async () => {
    const before = await familyTotal();
    const id = familyIdFrom(await submitNew(newFamilyForm()));
    assert.equal(await familyTotal(), before + 1);

    const page = await coord.get(`/families/${id}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /Myfanwy Blodwen-Evans/);
    assert.match(page.text, /Carys Blodwen-Evans/);
    assert.match(page.text, /<dd class="govuk-summary-list__value">CF42 5AA<\/dd>/);
    assert.match(page.text, /<td class="govuk-table__cell">Early help<\/td>/);
    assert.match(page.text, /<strong class="govuk-tag">Awaiting allocation<\/strong>/);
    assert.match(page.text, /Episode of early help opened/);

    const stored = await familyJson(id);
    assert.equal(stored.members.length, 2, 'the blank third block adds nobody');
    assert.equal(stored.referrals.length, 1);
    assert.deepEqual(stored.referrals[0].reasons, ['education', 'family_relationships']);
    assert.deepEqual(stored.referrals[0].share_with, ['education']);
    assert.equal(stored.episodes.length, 1);
    assert.equal(stored.episodes[0].stage, 'awaiting_allocation');
    assert.equal(stored.episodes[0].referral, stored.referrals[0].id);
  });

  test('early help without consent is refused with 422 naming consent_given, and nothing is recorded', async () => {
    const before = await familyTotal();
    const response = await submitNew(
      newFamilyForm({
        'people[0].given_name': 'Unconsented',
        'people[0].family_name': 'Childe',
        'people[0].date_of_birth': '2015-01-01',
        'people[1].given_name': '',
        'people[1].family_name': '',
        consent_given: 'no',
        consent_given_by: undefined,
        consent_given_on: undefined,
        share_with: undefined,
      }),
    );
    assert.equal(response.status, 422);
    const summary = errorSummary(response.text);
    assert.deepEqual(summary, [
      {
        href: '#consent_given',
        text: "Early help needs the family's consent. Record consent, or choose another decision",
      },
    ]);
    assert.match(response.text, /id="consent_given-error"/);
    assert.equal(inputValue(response.text, 'people-0-given_name'), 'Unconsented', 'typed values are kept');
    assert.equal(inputValue(response.text, 'family-postcode'), 'cf42 5aa');
    assert.equal(await familyTotal(), before);
  });

  test('missing answers are each named in the error summary', async () => {
    const before = await familyTotal();
    const response = await submitNew(
      newFamilyForm({ source: undefined, reasons: undefined, rationale: '', 'family.area': '' }),
    );
    assert.equal(response.status, 422);
    const hrefs = errorSummary(response.text).map((e) => e.href);
    for (const href of ['#source', '#reasons', '#family-area', '#rationale']) {
      assert.ok(hrefs.includes(href), `${href} in ${hrefs}`);
    }
    assert.equal(await familyTotal(), before);
  });

  test('a person with an impossible date of birth is named by their block', async () => {
    const response = await submitNew(
      newFamilyForm({ 'people[1].date_of_birth': '1990-02-30', 'people[0].given_name': 'Impossible' }),
    );
    assert.equal(response.status, 422);
    const summary = errorSummary(response.text);
    assert.equal(summary.length, 1, JSON.stringify(summary));
    assert.equal(summary[0].href, '#people-1-date_of_birth');
    assert.match(summary[0].text, /^Person 2: /);
  });

  test('a child with the same date of birth and a similar name shows possible matches first', async () => {
    const first = familyIdFrom(
      await submitNew(
        newFamilyForm({
          'people[0].given_name': 'Rhodri',
          'people[0].family_name': 'Pugh-Llywelyn',
          'people[0].date_of_birth': '2013-11-30',
          'people[0].sex': 'male',
          'people[1].given_name': '',
          'people[1].family_name': '',
          'family.postcode': 'CF44 7TT',
        }),
      ),
    );
    const before = await familyTotal();
    const again = newFamilyForm({
      'people[0].given_name': 'Rhodri',
      'people[0].family_name': 'Pugh Llewelyn', // spelt a little differently
      'people[0].date_of_birth': '2013-11-30',
      'people[0].sex': 'male',
      'people[1].given_name': '',
      'people[1].family_name': '',
      'family.postcode': 'CF44 8UU',
      rationale: 'A second referral from the school.',
    });
    const matches = await submitNew(again);
    assert.equal(matches.status, 200);
    assert.match(matches.text, /id="possible-matches"/);
    assert.match(matches.text, /These people may already be known/);
    const banner = /id="possible-matches"[\s\S]*?id="confirmed_new_family"/.exec(matches.text)[0];
    assert.match(banner, /Rhodri Pugh-Llywelyn/);
    // Ranked by the linkage engine: the probability, and the reasons one click away.
    const probability = /<strong class="govuk-tag govuk-tag--blue">(over )?([\d.]+)%<\/strong>/.exec(banner);
    assert.ok(probability, 'a probability is shown');
    assert.ok(Number(probability[2]) > 50 && Number(probability[2]) < 100, probability[0]);
    const why = /<details[^>]*>[\s\S]*?<\/details>/.exec(banner)[0];
    assert.match(why, /Why this may be the same person/);
    const rows = [...why.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)].map((m) =>
      [...m[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => decode(c[1].replace(/<[^>]+>/g, ' ')).trim()),
    );
    const row = (label) => rows.find((r) => r[0] === label);
    assert.match(row('Starting point')[2], /^-\d+\.\d$/);
    assert.match(row('Given name')[1], /^The same/);
    assert.match(row('Family name')[1], /^Spelt similarly/);
    assert.match(row('Family name')[1], /entered: pugh llewelyn; on record: pugh llywelyn/);
    assert.match(row('Date of birth')[1], /^The same/);
    assert.match(row('Postcode')[1], /^Same postcode district/);
    assert.match(row('Date of birth')[2], /^\+\d+\.\d$/);
    assert.match(why, /Total weight [+-]\d+\.\d: (over )?[\d.]+% likely the same person/);
    assert.match(banner, /2013-11-30/);
    assert.match(banner, /CF44 7TT/);
    assert.match(banner, new RegExp(`href="/families/${first}"`));
    assert.match(banner, new RegExp(`href="/families/${first}/referrals/new"`));
    assert.match(matches.text, /<input[^>]*id="confirmed_new_family"[^>]*type="checkbox"/);
    assert.equal(inputValue(matches.text, 'people-0-family_name'), 'Pugh Llewelyn', 'answers are kept');
    assert.equal(inputValue(matches.text, 'family-postcode'), 'CF44 8UU');
    assert.equal(await familyTotal(), before, 'nothing recorded until the coordinator decides');

    // Sending the same again without ticking the box still records nothing.
    assert.equal((await submitNew(again)).status, 200);
    assert.equal(await familyTotal(), before);

    const second = familyIdFrom(await submitNew([...again, ['confirmed_new_family', 'yes']]));
    assert.notEqual(second, first);
    assert.equal(await familyTotal(), before + 1);
    const stored = await familyJson(second);
    assert.equal(stored.family.postcode, 'CF44 8UU');
    assert.equal(stored.members[0].family_name, 'Pugh Llewelyn');
  });

  test('a different date of birth is not a possible match', async () => {
    await submitNew(
      newFamilyForm({
        'people[0].given_name': 'Owain',
        'people[0].family_name': 'Glyndwr-Test',
        'people[0].date_of_birth': '2012-02-02',
        'people[1].given_name': '',
        'people[1].family_name': '',
      }),
    );
    const before = await familyTotal();
    const response = await submitNew(
      newFamilyForm({
        'people[0].given_name': 'Owain',
        'people[0].family_name': 'Glyndwr-Test',
        'people[0].date_of_birth': '2012-02-03',
        'people[1].given_name': '',
        'people[1].family_name': '',
      }),
    );
    assert.equal(response.status, 303);
    assert.equal(await familyTotal(), before + 1);
  });

  test('a referral for an existing family adds to its record and joins its open episode', async () => {
    const id = familyIdFrom(
      await submitNew(
        newFamilyForm({
          'people[0].given_name': 'Elin',
          'people[0].family_name': 'Existing-Family',
          'people[0].date_of_birth': '2019-04-04',
          'people[1].given_name': '',
          'people[1].family_name': '',
        }),
      ),
    );
    const form = await coord.get(`/families/${id}/referrals/new`);
    assert.equal(form.status, 200);
    assert.match(form.text, /Record a referral for this family/);
    assert.match(form.text, /Elin Existing-Family/);
    assert.match(form.text, new RegExp(`action="/families/${id}/referrals"`));
    const before = await familyTotal();
    const response = await coord.postForm(`/families/${id}/referrals`, [
      ['csrf_token', csrfFrom(form.text)],
      ['received_on', '2026-11-02'],
      ['source', 'health'],
      ['reasons', 'health'],
      ['consent_given', 'yes'],
      ['consent_given_by', 'Father'],
      ['consent_given_on', '2026-11-02'],
      ['decision', 'early_help'],
      ['rationale', 'Health visitor concerned about sleep.'],
    ]);
    assert.equal(response.status, 303, response.text.slice(0, 1000));
    assert.equal(response.headers.get('location'), `/families/${id}`);
    assert.equal(await familyTotal(), before, 'no new family');
    const stored = await familyJson(id);
    assert.equal(stored.referrals.length, 2);
    assert.equal(stored.episodes.length, 1, 'the open episode is joined, not duplicated');
    const page = await coord.get(`/families/${id}`);
    assert.match(page.text, /<td class="govuk-table__cell">Health<\/td>/);
  });

  test('a referral for an existing family with errors is shown again with 422', async () => {
    const id = familyIdFrom(
      await submitNew(
        newFamilyForm({
          'people[0].given_name': 'Errol',
          'people[0].family_name': 'Existing-Errors',
          'people[1].given_name': '',
          'people[1].family_name': '',
        }),
      ),
    );
    const form = await coord.get(`/families/${id}/referrals/new`);
    const response = await coord.postForm(`/families/${id}/referrals`, [
      ['csrf_token', csrfFrom(form.text)],
      ['received_on', '2099-01-01'],
      ['source', 'police'],
      ['reasons', 'crime'],
      ['decision', 'advice'],
      ['rationale', 'Signposted.'],
    ]);
    assert.equal(response.status, 422);
    assert.deepEqual(
      errorSummary(response.text).map((e) => e.href),
      ['#received_on'],
    );
    assert.match(response.text, /must be today or in the past/);
    assert.equal((await familyJson(id)).referrals.length, 1);
  });

  test('GET /referrals/{id} shows the decision, the rationale and consent', async () => {
    const id = familyIdFrom(
      await submitNew(
        newFamilyForm({
          'people[0].given_name': 'Dafydd',
          'people[0].family_name': 'Show-Referral',
          'people[1].given_name': '',
          'people[1].family_name': '',
          share_with: ['education', 'health'],
          rationale: 'Attendance has fallen to 80%.\nMother asked for help with routines.',
        }),
      ),
    );
    const referralId = (await familyJson(id)).referrals[0].id;
    const page = await coord.get(`/referrals/${referralId}`);
    assert.equal(page.status, 200);
    assert.match(page.text, new RegExp(`<h1 class="govuk-heading-l">Referral ${referralId}</h1>`));
    const rows = summaryRows(page.text);
    assert.deepEqual(rows['Screening decision'], ['Early help']);
    assert.deepEqual(rows['Reason for the decision'], [
      'Attendance has fallen to 80%.',
      'Mother asked for help with routines.',
    ]);
    assert.deepEqual(rows['Who made the referral'], ['School']);
    assert.deepEqual(rows['Date the referral was received'], [RECEIVED]);
    assert.deepEqual(rows['Reasons for the referral'], ['Education', 'Family relationships']);
    assert.deepEqual(rows['Agencies the family agreed to share their record with'].sort(), ['Education', 'Health']);
    assert.deepEqual(rows['Consent'], [`Given by Mother on ${RECEIVED}`]);
    assert.match(page.text, new RegExp(`href="/families/${id}"`));
    // The family page's chronology links to it.
    const family = await coord.get(`/families/${id}`);
    assert.match(family.text, new RegExp(`href="/referrals/${referralId}"`));
    // A missing referral is 404.
    assert.equal((await coord.get('/referrals/999999')).status, 404);
  });

  test('a caseload worker cannot record referrals or see an unassigned referral', async () => {
    const id = familyIdFrom(
      await submitNew(
        newFamilyForm({
          'people[0].given_name': 'Nest',
          'people[0].family_name': 'Caseload-Only',
          'people[1].given_name': '',
          'people[1].family_name': '',
        }),
      ),
    );
    const referralId = (await familyJson(id)).referrals[0].id;
    const ivor = new Client(hearth.baseUrl);
    await signIn(ivor, 'ivor', PASSWORD);
    assert.equal((await ivor.get('/referrals/new')).status, 403);
    const home = await ivor.get('/');
    const before = await familyTotal();
    const post = await ivor.postForm('/referrals', [...newFamilyForm(), ['csrf_token', csrfFrom(home.text)]]);
    assert.equal(post.status, 403);
    assert.equal(await familyTotal(), before);
    assert.equal((await ivor.get(`/referrals/${referralId}`)).status, 404);
  });
});
