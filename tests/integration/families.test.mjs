// Families and people through the web pages, on a real server: creating and editing a household, adding people,
// the family page, search and its paging, stale edits, relationships, and who may see which family.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, test } from 'node:test';

import { Client, addUser, csrfFrom, runHearth, signIn, startHearth } from './support/hearth_process.mjs';

const PASSWORD = 'correct horse battery';
const RECEIVED = '2026-10-01'; // a referral date safely in the past

const decode = (s) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;|&apos;/gi, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

// The texts of the links in the GOV.UK error summary, as {href, text}.
function errorSummary(html) {
  const body = /<div class="govuk-error-summary__body">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map((m) => ({ href: m[1], text: decode(m[2]) }));
}

// The value attribute of the <input> whose id is `id`.
function inputValue(html, id) {
  for (const [tag] of html.matchAll(/<input\b[^>]*>/g)) {
    if (new RegExp(`\\bid="${id}"`).test(tag)) return decode(/\bvalue="([^"]*)"/.exec(tag)?.[1] ?? '');
  }
  return undefined;
}

// Rows of the search results table: the links to families.
function resultLinks(html) {
  return [...html.matchAll(/<td class="govuk-table__cell"><a class="govuk-link" href="(\/families\/\d+)">/g)].map(
    (m) => m[1],
  );
}

// The href of the pagination's "next" or "prev" link, or '' when there is none.
function paginationHref(html, rel) {
  const link = new RegExp(`<a class="govuk-link govuk-pagination__link" href="([^"]*)" rel="${rel}">`).exec(html);
  return decode(link?.[1] ?? '');
}

function h1(html) {
  return decode(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.trim() ?? '');
}

function sqlite(dbPath, sql) {
  return new Promise((resolve, reject) => {
    execFile('sqlite3', ['-cmd', '.timeout 5000', dbPath, sql], (error, stdout, stderr) => {
      if (error) reject(new Error(`sqlite3 failed: ${stderr}`));
      else resolve(stdout);
    });
  });
}

describe('families and people', () => {
  let hearth;
  let token; // coord's API token, for setting up and checking records
  const api = (path, init = {}) => {
    const client = new Client(hearth.baseUrl);
    const headers = { authorization: `Bearer ${token}`, ...(init.headers ?? {}) };
    if (init.json !== undefined) {
      return client.request(init.method ?? 'POST', path, {
        body: JSON.stringify(init.json),
        headers: { 'content-type': 'application/json', ...headers },
      });
    }
    return client.get(path, headers);
  };
  const signedIn = async (username) => {
    const client = new Client(hearth.baseUrl);
    await signIn(client, username, PASSWORD);
    return client;
  };
  // Posts a form from the page at `formPath`, with that page's csrf token.
  const submit = async (client, formPath, action, fields) => {
    const page = await client.get(formPath);
    assert.equal(page.status, 200, `GET ${formPath}: ${page.status}`);
    return client.postForm(action, { ...fields, csrf_token: csrfFrom(page.text) });
  };
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
  const newFamily = async (fields) => {
    const response = await api('/api/v1/families', { json: { area: 'West', ...fields } });
    assert.equal(response.status, 201, response.text.slice(0, 300));
    return response.json.family.id;
  };
  const addPersonApi = async (familyId, person) => {
    const response = await api(`/api/v1/families/${familyId}/people`, {
      json: { sex: 'unknown', role: 'child', ...person },
    });
    assert.equal(response.status, 201, response.text.slice(0, 300));
    return response.json.person.id;
  };
  const referApi = async (familyId, extra = {}) => {
    const response = await api('/api/v1/referrals', {
      json: {
        received_on: RECEIVED,
        source: 'school',
        reasons: ['education'],
        decision: 'advice',
        rationale: 'Signposted to the school nurse.',
        family_id: familyId,
        ...extra,
      },
    });
    assert.equal(response.status, 201, response.text.slice(0, 500));
    return response.json;
  };

  before(async () => {
    hearth = await startHearth();
    await addUser(hearth.dbPath, 'coord', 'front_door_coordinator', PASSWORD);
    await addUser(hearth.dbPath, 'colleague', 'front_door_coordinator', PASSWORD);
    await addUser(hearth.dbPath, 'eve', 'ea_officer', PASSWORD, 'Engagement');
    await addUser(hearth.dbPath, 'quinn', 'auditor', PASSWORD, 'Quality');
    await addUser(hearth.dbPath, 'ana', 'analyst', PASSWORD, 'Performance');
    await runHearth(
      ['user', 'add', 'hana', '--role', 'partner', '--agency', 'health', '--team', 'Health visiting'].concat([
        '--database',
        hearth.dbPath,
        '--password-stdin',
      ]),
      { input: PASSWORD },
    );
    token = (await runHearth(['user', 'token', 'coord', '--database', hearth.dbPath])).stdout.trim();
  });

  after(async () => {
    await hearth?.stop();
  });

  describe('creating and editing a household', () => {
    test('the form creates a household and redirects to its page, with the postcode in normal form', async () => {
      const client = await signedIn('coord');
      const before = await familyTotal();
      const response = await submit(client, '/families/new', '/families', {
        area: 'West',
        address_line_1: '12 Heol Tabernacl',
        town: 'Pontypridd',
        postcode: 'cf371dl',
      });
      assert.equal(response.status, 303, response.text.slice(0, 500));
      const match = /^\/families\/(\d+)(\?|$)/.exec(response.headers.get('location'));
      assert.ok(match, `Location: ${response.headers.get('location')}`);
      assert.equal(await familyTotal(), before + 1);

      const page = await client.get(response.headers.get('location'));
      assert.equal(page.status, 200);
      assert.match(page.text, /Family added/);
      assert.match(page.text, /12 Heol Tabernacl/);
      assert.match(page.text, /<dd class="govuk-summary-list__value">CF37 1DL<\/dd>/);
      assert.doesNotMatch(page.text, /cf371dl/);
      assert.equal((await familyJson(match[1])).family.postcode, 'CF37 1DL');
    });

    test('a bad postcode gives 422, the error summary names the postcode, and the typed values are kept', async () => {
      const client = await signedIn('coord');
      const before = await familyTotal();
      const response = await submit(client, '/families/new', '/families', {
        area: 'North',
        address_line_1: '7 Stryd Fawr',
        town: 'Treorchy',
        postcode: 'CF37 1D',
      });
      assert.equal(response.status, 422);
      assert.match(response.text, /class="govuk-error-summary"/);
      assert.deepEqual(errorSummary(response.text), [
        { href: '#postcode', text: 'Enter a real UK postcode, like CF37 1DL' },
      ]);
      assert.match(response.text, /id="postcode-error"/);
      assert.equal(inputValue(response.text, 'postcode'), 'CF37 1D');
      assert.equal(inputValue(response.text, 'area'), 'North');
      assert.equal(inputValue(response.text, 'address_line_1'), '7 Stryd Fawr');
      assert.equal(inputValue(response.text, 'town'), 'Treorchy');
      assert.equal(await familyTotal(), before, 'nothing was created');
    });

    test('a missing area is named in the error summary', async () => {
      const client = await signedIn('coord');
      const response = await submit(client, '/families/new', '/families', { area: '  ', postcode: 'CF37 1DL' });
      assert.equal(response.status, 422);
      assert.deepEqual(errorSummary(response.text), [{ href: '#area', text: 'Enter area' }]);
      assert.equal(inputValue(response.text, 'postcode'), 'CF37 1DL');
    });

    test('saving over a colleague’s newer version gives 409, shows both versions and changes nothing', async () => {
      const id = await newFamily({ area: 'West', address_line_1: '3 Old Road', postcode: 'CF37 1DL' });
      const mine = await signedIn('coord');
      const theirs = await signedIn('colleague');
      const myForm = await mine.get(`/families/${id}/edit`);
      assert.equal(myForm.status, 200);
      assert.match(myForm.text, /<input type="hidden" name="version" value="1">/);
      assert.equal(inputValue(myForm.text, 'address_line_1'), '3 Old Road');

      const saved = await submit(theirs, `/families/${id}/edit`, `/families/${id}`, {
        version: '1',
        area: 'Central',
        address_line_1: '9 Their Street',
        postcode: 'CF37 1DL',
      });
      assert.equal(saved.status, 303, saved.text.slice(0, 500));
      assert.equal(saved.headers.get('location'), `/families/${id}?done=updated`);

      const stale = await mine.postForm(`/families/${id}`, {
        csrf_token: csrfFrom(myForm.text),
        version: '1',
        area: 'East',
        address_line_1: '5 My Street',
        postcode: 'CF37 1DL',
      });
      assert.equal(stale.status, 409);
      assert.match(stale.text, /Someone else changed this record/);
      assert.match(stale.text, /The saved version \(changed by a colleague\)/);
      assert.match(stale.text, /9 Their Street/, "the colleague's version is shown");
      assert.match(stale.text, /<dd class="govuk-summary-list__value">Central<\/dd>/);
      assert.equal(inputValue(stale.text, 'address_line_1'), '5 My Street', 'my typed values are kept');
      assert.equal(inputValue(stale.text, 'area'), 'East');
      assert.match(stale.text, /name="version" value="2"/, 'saving again is against the stored version');

      const stored = (await familyJson(id)).family;
      assert.equal(stored.area, 'Central');
      assert.equal(stored.address_line_1, '9 Their Street');
      assert.equal(stored.version, 2);
    });

    test('an edit with the current version is saved and the page shows it', async () => {
      const id = await newFamily({ area: 'West', postcode: 'CF37 1DL' });
      const client = await signedIn('coord');
      const response = await submit(client, `/families/${id}/edit`, `/families/${id}`, {
        version: '1',
        area: 'South',
        town: 'Porth',
        postcode: 'cf39 9aa',
      });
      assert.equal(response.status, 303);
      const page = await client.get(response.headers.get('location'));
      assert.match(page.text, /Household details saved/);
      assert.match(page.text, /<dd class="govuk-summary-list__value">South<\/dd>/);
      assert.match(page.text, /CF39 9AA/);
      assert.equal((await familyJson(id)).family.version, 2);
    });
  });

  describe('people and relationships', () => {
    test('adding a person with a single date_of_birth=YYYY-MM-DD field shows them on the family page', async () => {
      const id = await newFamily({ postcode: 'CF40 2XX' });
      const client = await signedIn('coord');
      const response = await submit(client, `/families/${id}/people/new`, `/families/${id}/people`, {
        given_name: 'Gwenllian',
        family_name: 'Llewellyn',
        date_of_birth: '2016-06-14',
        sex: 'female',
        role: 'child',
      });
      assert.equal(response.status, 303, response.text.slice(0, 800));
      assert.equal(response.headers.get('location'), `/families/${id}?done=person_added#members`);
      const page = await client.get(response.headers.get('location').replace(/#.*/, ''));
      assert.match(page.text, /Person added/);
      assert.match(page.text, /<th scope="row" class="govuk-table__header">Gwenllian Llewellyn<\/th>/);
      assert.match(page.text, /<time datetime="2016-06-14">14 June 2016<\/time>/);
      const members = (await familyJson(id)).members;
      assert.equal(members.length, 1);
      assert.equal(members[0].date_of_birth, '2016-06-14');
      assert.equal(members[0].sex, 'female');
    });

    test('the date boxes are accepted too', async () => {
      const id = await newFamily({});
      const client = await signedIn('coord');
      const response = await submit(client, `/families/${id}/people/new`, `/families/${id}/people`, {
        given_name: 'Tomos',
        family_name: 'Boxer',
        'date_of_birth-day': '7',
        'date_of_birth-month': '3',
        'date_of_birth-year': '2015',
        role: 'child',
      });
      assert.equal(response.status, 303, response.text.slice(0, 800));
      assert.equal((await familyJson(id)).members[0].date_of_birth, '2015-03-07');
    });

    test('an impossible date of birth (2023-02-30) is refused with 422 and nobody is added', async () => {
      const id = await newFamily({});
      const client = await signedIn('coord');
      const response = await submit(client, `/families/${id}/people/new`, `/families/${id}/people`, {
        given_name: 'Nobody',
        family_name: 'Feb',
        date_of_birth: '2023-02-30',
        role: 'child',
      });
      assert.equal(response.status, 422);
      const summary = errorSummary(response.text);
      assert.equal(summary.length, 1, JSON.stringify(summary));
      assert.match(summary[0].text, /Date of birth must be a real date/);
      assert.equal(inputValue(response.text, 'given_name'), 'Nobody');
      assert.equal((await familyJson(id)).members.length, 0);
    });

    test('a person without a name or role is refused, naming each field', async () => {
      const id = await newFamily({});
      const client = await signedIn('coord');
      const response = await submit(client, `/families/${id}/people/new`, `/families/${id}/people`, {
        given_name: '',
        family_name: 'Only',
      });
      assert.equal(response.status, 422);
      const texts = errorSummary(response.text).map((e) => e.text);
      assert.ok(texts.includes('Enter given name'), JSON.stringify(texts));
      assert.ok(texts.some((t) => /role/.test(t)), JSON.stringify(texts));
      assert.equal((await familyJson(id)).members.length, 0);
    });

    test('a relationship can be added and removed', async () => {
      const id = await newFamily({});
      const parent = await addPersonApi(id, { given_name: 'Rhian', family_name: 'Morgan', role: 'parent' });
      const child = await addPersonApi(id, { given_name: 'Dylan', family_name: 'Morgan', date_of_birth: '2018-01-02' });
      const client = await signedIn('coord');
      const added = await submit(client, `/families/${id}`, `/families/${id}/relationships`, {
        from_person: String(parent),
        kind: 'parent_of',
        to_person: String(child),
      });
      assert.equal(added.status, 303, added.text.slice(0, 500));
      assert.match(added.headers.get('location'), new RegExp(`^/families/${id}\\?done=relationship_added`));
      const relationships = (await familyJson(id)).relationships;
      assert.equal(relationships.length, 1);
      assert.deepEqual(
        { from: relationships[0].from_person, to: relationships[0].to_person, kind: relationships[0].kind },
        { from: parent, to: child, kind: 'parent_of' },
      );
      const page = await client.get(`/families/${id}`);
      assert.match(page.text, /Rhian Morgan is a parent of Dylan Morgan/);

      const removed = await client.postForm(`/families/${id}/relationships/${relationships[0].id}/delete`, {
        csrf_token: csrfFrom(page.text),
      });
      assert.equal(removed.status, 303);
      assert.equal((await familyJson(id)).relationships.length, 0);
      const after = await client.get(`/families/${id}`);
      assert.match(after.text, /No relationships have been recorded/);
    });

    test('a person related to themselves is refused with the form error on the family page', async () => {
      const id = await newFamily({});
      const a = await addPersonApi(id, { given_name: 'Sian', family_name: 'Self', role: 'parent' });
      await addPersonApi(id, { given_name: 'Other', family_name: 'Self', role: 'parent' });
      const client = await signedIn('coord');
      const response = await submit(client, `/families/${id}`, `/families/${id}/relationships`, {
        from_person: String(a),
        kind: 'partner_of',
        to_person: String(a),
      });
      assert.equal(response.status, 422);
      assert.match(response.text, /A person cannot be related to themselves/);
      assert.equal((await familyJson(id)).relationships.length, 0);
    });
    test('a relationship with a person from another family is refused and nothing is recorded', async () => {
      const id = await newFamily({});
      const mine = await addPersonApi(id, { given_name: 'Mair', family_name: 'Here', role: 'parent' });
      await addPersonApi(id, { given_name: 'Twm', family_name: 'Here' });
      const elsewhere = await newFamily({});
      const stranger = await addPersonApi(elsewhere, { given_name: 'Stranger', family_name: 'There' });
      const client = await signedIn('coord');
      const response = await submit(client, `/families/${id}`, `/families/${id}/relationships`, {
        from_person: String(mine),
        kind: 'parent_of',
        to_person: String(stranger),
      });
      assert.ok([404, 422].includes(response.status), `status ${response.status}`);
      assert.equal((await familyJson(id)).relationships.length, 0);
      assert.equal((await familyJson(elsewhere)).relationships.length, 0);
    });

    test('saving a person over a colleague’s newer version gives 409, shows theirs and keeps it', async () => {
      const id = await newFamily({});
      const person = await addPersonApi(id, {
        given_name: 'Aneurin',
        family_name: 'Stale',
        date_of_birth: '2012-01-01',
      });
      const mine = await signedIn('coord');
      const theirs = await signedIn('colleague');
      const myForm = await mine.get(`/people/${person}/edit`);
      assert.equal(myForm.status, 200);
      assert.equal(inputValue(myForm.text, 'given_name'), 'Aneurin');
      assert.equal(inputValue(myForm.text, 'date_of_birth-year'), '2012');
      const saved = await submit(theirs, `/people/${person}/edit`, `/people/${person}`, {
        version: '1',
        given_name: 'Nye',
        family_name: 'Stale',
        date_of_birth: '2012-01-01',
        role: 'child',
      });
      assert.equal(saved.status, 303, saved.text.slice(0, 500));
      const stale = await mine.postForm(`/people/${person}`, {
        csrf_token: csrfFrom(myForm.text),
        version: '1',
        given_name: 'Aneurin',
        family_name: 'Stale-Changed',
        date_of_birth: '2012-01-01',
        role: 'child',
      });
      assert.equal(stale.status, 409);
      assert.match(stale.text, /Someone else changed this record/);
      assert.match(stale.text, /<dd class="govuk-summary-list__value">Nye Stale<\/dd>/);
      assert.equal(inputValue(stale.text, 'family_name'), 'Stale-Changed');
      const stored = (await familyJson(id)).members[0];
      assert.equal(stored.given_name, 'Nye');
      assert.equal(stored.family_name, 'Stale');
      assert.equal(stored.version, 2);
    });
  });

  describe('the family page', () => {
    test('shows members, the normalised postcode, referrals, episodes and the chronology', async () => {
      const id = await newFamily({ address_line_1: '1 Chapel Row', postcode: 'cf433py' });
      await addPersonApi(id, { given_name: 'Ceridwen', family_name: 'Howells', role: 'parent', sex: 'female' });
      await addPersonApi(id, { given_name: 'Iolo', family_name: 'Howells', date_of_birth: '2014-09-10' });
      const referral = await referApi(id, {
        decision: 'early_help',
        consent_given: true,
        consent_given_by: 'Mother',
        consent_given_on: RECEIVED,
        reasons: ['education', 'housing'],
        rationale: 'Attendance falling.',
      });
      assert.equal(typeof referral.episode_id, 'number');

      const client = await signedIn('coord');
      const page = await client.get(`/families/${id}`);
      assert.equal(page.status, 200);
      assert.match(h1(page.text), /Family of Ceridwen Howells and Iolo Howells/);
      assert.match(page.text, /<dd class="govuk-summary-list__value">CF43 3PY<\/dd>/);
      assert.match(page.text, /Iolo Howells[\s\S]*<time datetime="2014-09-10">10 September 2014<\/time>/);
      // The referral row and its link.
      assert.match(page.text, new RegExp(`href="/referrals/${referral.referral.id}"`));
      assert.match(page.text, /<td class="govuk-table__cell">Education, Housing<\/td>/);
      assert.match(page.text, /<td class="govuk-table__cell">Early help<\/td>/);
      // The episode.
      assert.match(page.text, /<strong class="govuk-tag">Awaiting allocation<\/strong>/);
      // The chronology, newest first, about this referral.
      const chronology = /<ol class="hearth-chronology">([\s\S]*?)<\/ol>/.exec(page.text)?.[1] ?? '';
      assert.match(chronology, /Referral received/);
      assert.match(chronology, /Screening decision/);
      assert.match(chronology, /Episode of early help opened/);
      assert.match(chronology, /<time datetime="2026-10-01">1 October 2026<\/time>/);
    });

    test('a family without referrals says so', async () => {
      const id = await newFamily({ postcode: 'CF37 1DL' });
      const client = await signedIn('coord');
      const page = await client.get(`/families/${id}`);
      assert.match(h1(page.text), /Household at CF37 1DL/);
      assert.match(page.text, /No referrals have been recorded for this family/);
      assert.match(page.text, /This family has not had an episode of early help/);
      assert.match(page.text, /Nothing has been recorded yet/);
    });
  });

  describe('search', () => {
    let target;
    let other;

    before(async () => {
      target = await newFamily({ postcode: 'CF45 4RT' });
      await addPersonApi(target, { given_name: 'Bethan', family_name: 'Pritchard', date_of_birth: '2016-05-04' });
      other = await newFamily({ postcode: 'NP20 1AB' });
      await addPersonApi(other, { given_name: 'Bethan', family_name: 'Probert', date_of_birth: '2016-05-05' });
    });

    const search = async (q, page) => {
      const client = await signedIn('coord');
      const path = `/families?q=${encodeURIComponent(q)}${page ? `&page=${page}` : ''}`;
      const response = await client.get(path);
      assert.equal(response.status, 200, `${path}: ${response.status}`);
      return response;
    };

    for (const q of ['pritch', 'PRITCHARD', 'Pritch', 'beth pritch']) {
      test(`a name prefix in any case finds the family: "${q}"`, async () => {
        const response = await search(q);
        assert.deepEqual(resultLinks(response.text), [`/families/${target}`]);
        assert.match(response.text, /1 family found/);
        assert.match(response.text, /Bethan Pritchard/);
        assert.equal(inputValue(response.text, 'q'), q, 'the search box keeps the query');
      });
    }

    for (const q of ['2016-05-04', '04/05/2016']) {
      test(`a date of birth finds the family: "${q}"`, async () => {
        const response = await search(q);
        assert.deepEqual(resultLinks(response.text), [`/families/${target}`]);
      });
    }

    for (const q of ['CF45 4RT', 'cf454rt', 'CF45']) {
      test(`a postcode finds the household with or without the space: "${q}"`, async () => {
        const response = await search(q);
        assert.deepEqual(resultLinks(response.text), [`/families/${target}`]);
      });
    }

    test('no match says so and repeats the query', async () => {
      const response = await search('Zzyzxwv');
      assert.deepEqual(resultLinks(response.text), []);
      assert.match(response.text, /No families match ‘Zzyzxwv’/);
    });

    test('the query is escaped on the page', async () => {
      const response = await search('<b>pritch');
      assert.doesNotMatch(response.text, /<b>pritch/);
      assert.equal(inputValue(response.text, 'q'), '<b>pritch');
      assert.match(response.text, /value="&lt;b&gt;pritch"/);
    });

    test('results come 20 a page; page 2 has the rest and the pagination links keep the query', async () => {
      const ids = [];
      for (let i = 0; i < 23; i += 1) {
        const id = await newFamily({});
        await addPersonApi(id, { given_name: `Child${String.fromCharCode(97 + i)}`, family_name: 'Vaughan-Zephyr' });
        ids.push(id);
      }
      const first = await search('vaughan-zephyr');
      assert.match(first.text, /23 families found/);
      const page1 = resultLinks(first.text);
      assert.equal(page1.length, 20);
      const nextHref = paginationHref(first.text, 'next');
      assert.ok(nextHref, 'page 1 links to the next page');
      const next = new URL(nextHref, 'http://x');
      assert.equal(next.pathname, '/families');
      assert.equal(next.searchParams.get('q'), 'vaughan-zephyr');
      assert.equal(next.searchParams.get('page'), '2');

      const client = await signedIn('coord');
      const second = await client.get(nextHref);
      assert.equal(second.status, 200);
      const page2 = resultLinks(second.text);
      assert.equal(page2.length, 3);
      assert.deepEqual(
        [...page1, ...page2].sort(),
        ids.map((id) => `/families/${id}`).sort(),
        'the two pages together are every match, once',
      );
      const prevHref = paginationHref(second.text, 'prev');
      assert.equal(new URL(prevHref, 'http://x').searchParams.get('q'), 'vaughan-zephyr');
      assert.doesNotMatch(second.text, /rel="next"/, 'page 2 is the last');
    });
  });

  describe('who may see a family', () => {
    test('an ea_officer gets 404 for a family not assigned to them, the same as for a missing id', async () => {
      const id = await newFamily({ postcode: 'CF37 1DL' });
      await addPersonApi(id, { given_name: 'Hidden', family_name: 'Household' });
      const eve = await signedIn('eve');
      const hidden = await eve.get(`/families/${id}`);
      const missing = await eve.get('/families/987654');
      assert.equal(hidden.status, 404);
      assert.equal(missing.status, 404);
      assert.equal(h1(hidden.text), h1(missing.text));
      assert.doesNotMatch(hidden.text, /Hidden Household|CF37 1DL/);

      const eveToken = (await runHearth(['user', 'token', 'eve', '--database', hearth.dbPath])).stdout.trim();
      const headers = { authorization: `Bearer ${eveToken}` };
      const apiHidden = await eve.get(`/api/v1/families/${id}`, headers);
      const apiMissing = await eve.get('/api/v1/families/987654', headers);
      assert.equal(apiHidden.status, 404);
      assert.equal(apiMissing.status, 404);
      assert.equal(apiHidden.json.error.code, 'not_found');
      assert.equal(apiHidden.json.error.code, apiMissing.json.error.code);
      assert.equal(apiHidden.json.error.message, apiMissing.json.error.message);
      // Nor does searching reveal it.
      const found = await eve.get('/families?q=hidden');
      assert.deepEqual(resultLinks(found.text), []);
    });

    test('an ea_officer sees a family once an open episode of it is assigned to them', async () => {
      const id = await newFamily({});
      await addPersonApi(id, { given_name: 'Assigned', family_name: 'Caseload' });
      const outcome = await referApi(id, {
        decision: 'early_help',
        consent_given: true,
        consent_given_by: 'Father',
        consent_given_on: RECEIVED,
      });
      const eve = await signedIn('eve');
      assert.equal((await eve.get(`/families/${id}`)).status, 404, 'not yet assigned');
      // There is no allocation page yet: assign the episode directly, as allocation will.
      await sqlite(
        hearth.dbPath,
        `INSERT INTO episode_assignments (episode_id, user_id, role, from_on) ` +
          `SELECT ${outcome.episode_id}, id, 'ea_officer', '${RECEIVED}' FROM users WHERE username = 'eve';`,
      );
      const page = await eve.get(`/families/${id}`);
      assert.equal(page.status, 200);
      assert.match(page.text, /Assigned Caseload/);
    });

    test('a health partner sees a family only when a referral’s consent shares with health', async () => {
      const shared = await newFamily({});
      await addPersonApi(shared, { given_name: 'Shared', family_name: 'Withhealth' });
      await referApi(shared, {
        consent_given: true,
        consent_given_by: 'Mother',
        consent_given_on: RECEIVED,
        share_with: ['health', 'education'],
      });
      const elsewhere = await newFamily({});
      await addPersonApi(elsewhere, { given_name: 'Shared', family_name: 'Witheducation' });
      await referApi(elsewhere, {
        consent_given: true,
        consent_given_by: 'Mother',
        consent_given_on: RECEIVED,
        share_with: ['education'],
      });
      const unshared = await newFamily({});
      await addPersonApi(unshared, { given_name: 'Shared', family_name: 'Withnobody' });

      const hana = await signedIn('hana');
      const seen = await hana.get(`/families/${shared}`);
      assert.equal(seen.status, 200);
      assert.match(seen.text, /Shared Withhealth/);
      assert.equal((await hana.get(`/families/${elsewhere}`)).status, 404);
      assert.equal((await hana.get(`/families/${unshared}`)).status, 404);
      const results = await hana.get('/families?q=shared');
      assert.deepEqual(resultLinks(results.text), [`/families/${shared}`]);

      const hanaToken = (await runHearth(['user', 'token', 'hana', '--database', hearth.dbPath])).stdout.trim();
      const headers = { authorization: `Bearer ${hanaToken}` };
      assert.equal((await hana.get(`/api/v1/families/${shared}`, headers)).status, 200);
      assert.equal((await hana.get(`/api/v1/families/${elsewhere}`, headers)).status, 404);
      // The referrals follow their family.
      const sharedReferral = (await familyJson(shared)).referrals[0].id;
      const otherReferral = (await familyJson(elsewhere)).referrals[0].id;
      assert.equal((await hana.get(`/referrals/${sharedReferral}`)).status, 200);
      assert.equal((await hana.get(`/referrals/${otherReferral}`)).status, 404);
      assert.equal((await hana.get(`/api/v1/referrals/${otherReferral}`, headers)).status, 404);
      // A partner reads; it does not edit.
      assert.equal((await hana.get(`/families/${shared}/edit`)).status, 403);
    });

    test('an auditor can view a family but gets 403 on editing it, and nothing changes', async () => {
      const id = await newFamily({ area: 'West', postcode: 'CF37 1DL' });
      const quinn = await signedIn('quinn');
      const page = await quinn.get(`/families/${id}`);
      assert.equal(page.status, 200);
      assert.doesNotMatch(page.text, new RegExp(`href="/families/${id}/edit"`), 'no Change link for an auditor');
      assert.equal((await quinn.get(`/families/${id}/edit`)).status, 403);
      const post = await quinn.postForm(`/families/${id}`, {
        csrf_token: csrfFrom(page.text),
        version: '1',
        area: 'Audited',
      });
      assert.equal(post.status, 403);
      assert.equal((await quinn.get(`/families/${id}/people/new`)).status, 403);
      const stored = (await familyJson(id)).family;
      assert.equal(stored.area, 'West');
      assert.equal(stored.version, 1);
    });

    test('an analyst gets 403 on a family page and the family API', async () => {
      const id = await newFamily({});
      const ana = await signedIn('ana');
      assert.equal((await ana.get(`/families/${id}`)).status, 403);
      const anaToken = (await runHearth(['user', 'token', 'ana', '--database', hearth.dbPath])).stdout.trim();
      const response = await ana.get(`/api/v1/families/${id}`, { authorization: `Bearer ${anaToken}` });
      assert.equal(response.status, 403);
      assert.equal(response.json.error.code, 'forbidden');
    });
  });
});
