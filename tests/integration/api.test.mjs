// The JSON API (docs/api.md) on a real server: creating and reading records, strict request bodies, optimistic
// locking, the "may already be known" check, CSRF for session callers, and search paging.
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';

import { Client, addUser, csrfFrom, runHearth, signIn, startHearth } from './support/hearth_process.mjs';

const PASSWORD = 'correct horse battery';
const RECEIVED = '2026-10-10';

// One request on a connection of its own (fetch may fail to read an answer sent before the body was consumed).
function rawRequest(port, { method, path, headers, body }) {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: response.statusCode, headers: response.headers, text, json });
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

describe('JSON API', () => {
  let hearth;
  let token;
  let client;

  const auth = () => ({ authorization: `Bearer ${token}` });
  const get = (path) => client.get(path, auth());
  const send = (method, path, body, headers = {}) =>
    client.request(method, path, {
      body: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...auth(), ...headers },
    });
  const post = (path, body, headers) => send('POST', path, body, headers);
  const put = (path, body, headers) => send('PUT', path, body, headers);
  const familyTotal = async () => {
    const response = await get('/api/v1/families?page_size=1');
    assert.equal(response.status, 200);
    return response.json.total;
  };
  const createFamily = async (body = { area: 'West' }) => {
    const response = await post('/api/v1/families', body);
    assert.equal(response.status, 201, response.text.slice(0, 300));
    return response.json.family;
  };
  const assertError = (response, status, code, field) => {
    assert.equal(response.status, status, response.text.slice(0, 500));
    assert.match(response.headers.get('content-type'), /application\/json/);
    assert.equal(response.json?.error?.code, code, response.text.slice(0, 500));
    assert.equal(typeof response.json.error.message, 'string');
    assert.ok(response.json.error.message.length > 0);
    assert.match(response.json.error.correlation_id ?? '', /^[0-9a-f]{8,}$/);
    if (field !== undefined) assert.equal(response.json.error.field, field, response.text.slice(0, 500));
  };
  const referral = (extra) => ({
    received_on: RECEIVED,
    source: 'school',
    reasons: ['education'],
    consent_given: true,
    consent_given_by: 'Mother',
    consent_given_on: RECEIVED,
    share_with: ['education'],
    decision: 'early_help',
    rationale: 'Attendance falling; mother asked for help.',
    ...extra,
  });

  before(async () => {
    hearth = await startHearth();
    await addUser(hearth.dbPath, 'coord', 'front_door_coordinator', PASSWORD);
    await addUser(hearth.dbPath, 'quinn', 'auditor', PASSWORD, 'Quality');
    token = (await runHearth(['user', 'token', 'coord', '--database', hearth.dbPath])).stdout.trim();
    client = new Client(hearth.baseUrl);
  });

  after(async () => {
    await hearth?.stop();
  });

  describe('families and people', () => {
    test('POST /api/v1/families answers 201 with a Location that reads back the stored family', async () => {
      const response = await post('/api/v1/families', {
        area: 'West',
        address_line_1: '1 High Street',
        town: 'Pontypridd',
        postcode: 'cf371dl',
      });
      assert.equal(response.status, 201, response.text);
      const family = response.json.family;
      assert.equal(typeof family.id, 'number');
      assert.equal(response.headers.get('location'), `/api/v1/families/${family.id}`);
      assert.deepEqual(family, {
        id: family.id,
        area: 'West',
        address_line_1: '1 High Street',
        address_line_2: '',
        town: 'Pontypridd',
        postcode: 'CF37 1DL',
        version: 1,
      });
      const read = await get(response.headers.get('location'));
      assert.equal(read.status, 200);
      assert.deepEqual(read.json.family, family);
      assert.deepEqual(read.json.members, []);
      assert.deepEqual(read.json.referrals, []);
    });

    test('POST …/people answers 201 with the person; GET /api/v1/people/{id} reads it', async () => {
      const family = await createFamily();
      const response = await post(`/api/v1/families/${family.id}/people`, {
        given_name: 'Megan',
        family_name: 'Price',
        date_of_birth: '2015-03-04',
        sex: 'female',
        role: 'child',
      });
      assert.equal(response.status, 201, response.text);
      const person = response.json.person;
      assert.equal(response.headers.get('location'), `/api/v1/people/${person.id}`);
      assert.equal(person.family, family.id);
      assert.equal(person.date_of_birth, '2015-03-04');
      assert.equal(person.version, 1);
      const read = await get(`/api/v1/people/${person.id}`);
      assert.deepEqual(read.json.person, person);
    });

    test('an unknown member is 400 unknown_field naming it', async () => {
      const before = await familyTotal();
      assertError(await post('/api/v1/families', { area: 'West', colour: 'blue' }), 400, 'unknown_field', 'colour');
      assertError(
        await post('/api/v1/referrals', referral({ family: { area: 'West', colour: 'red' }, people: [] })),
        400,
        'unknown_field',
        'family.colour',
      );
      assertError(
        await post(
          '/api/v1/referrals',
          referral({
            family: { area: 'West' },
            people: [{ given_name: 'A', family_name: 'B', role: 'child', nickname: 'x' }],
          }),
        ),
        400,
        'unknown_field',
        'people[0].nickname',
      );
      assert.equal(await familyTotal(), before);
    });

    test('a member of the wrong JSON type is 400 wrong_type naming it', async () => {
      const family = await createFamily();
      assertError(await post('/api/v1/families', { area: 3 }), 400, 'wrong_type', 'area');
      const path = `/api/v1/families/${family.id}`;
      assertError(await put(path, { area: 'West', version: '1' }), 400, 'wrong_type', 'version');
      assertError(await put(path, { area: 'West', version: 1.5 }), 400, 'wrong_type', 'version');
      assertError(
        await post('/api/v1/referrals', referral({ family_id: family.id, reasons: 'housing' })),
        400,
        'wrong_type',
        'reasons',
      );
      assertError(
        await post('/api/v1/referrals', referral({ family_id: family.id, reasons: ['housing', 3] })),
        400,
        'wrong_type',
        'reasons[1]',
      );
      const stored = await get(`/api/v1/families/${family.id}`);
      assert.equal(stored.json.family.version, 1);
      assert.deepEqual(stored.json.referrals, []);
    });

    test('malformed JSON, a repeated member and a non-object body are 400', async () => {
      assertError(await post('/api/v1/families', '{"area": "West"'), 400, 'invalid_json');
      assertError(await post('/api/v1/families', '{"area": "West", "area": "East"}'), 400, 'invalid_json');
      assertError(await post('/api/v1/families', '["West"]'), 400, 'not_object');
    });

    test('a float version, deep nesting and invalid UTF-8 are refused before any rule runs', async () => {
      const family = await createFamily();
      const path = `/api/v1/families/${family.id}`;
      assertError(await put(path, '{"area": "East", "version": 1.0}'), 400, 'wrong_type', 'version');
      assertError(await post('/api/v1/families', `{"area": ${'['.repeat(40)}${']'.repeat(40)}}`), 400, 'invalid_json');
      const invalidUtf8 = Buffer.concat([Buffer.from('{"area": "'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
      assertError(await post('/api/v1/families', invalidUtf8), 400, 'invalid_json');
      const outOfRange = await put(path, '{"area": "East", "version": 2147483648}');
      assertError(outOfRange, 422, 'validation_failed', 'version');
      assert.equal((await get(`/api/v1/families/${family.id}`)).json.family.version, 1);
    });

    test('a date of birth in the future is 422', async () => {
      const family = await createFamily();
      const response = await post(`/api/v1/families/${family.id}/people`, {
        given_name: 'Future',
        family_name: 'Child',
        date_of_birth: '2099-01-01',
        role: 'child',
      });
      assertError(response, 422, 'validation_failed', 'date_of_birth');
      assert.equal(response.json.error.fields[0].code, 'error.date_future');
    });

    test('an impossible date is 422 with the field named', async () => {
      const family = await createFamily();
      const response = await post(`/api/v1/families/${family.id}/people`, {
        given_name: 'Feb',
        family_name: 'Thirty',
        date_of_birth: '2023-02-30',
        role: 'child',
      });
      assertError(response, 422, 'validation_failed', 'date_of_birth');
      assert.deepEqual(
        response.json.error.fields.map((f) => [f.field, f.code]),
        [['date_of_birth', 'error.date_invalid']],
      );
      assert.match(response.json.error.fields[0].message, /real date/);
      assert.deepEqual((await get(`/api/v1/families/${family.id}`)).json.members, []);
    });

    test('every failing field is reported at once', async () => {
      const response = await post('/api/v1/families', { area: '', postcode: 'CF37 1D' });
      assertError(response, 422, 'validation_failed', 'area');
      const fields = Object.fromEntries(response.json.error.fields.map((f) => [f.field, f.code]));
      assert.deepEqual(fields, { area: 'error.required', postcode: 'error.postcode_invalid' });
    });

    test('an over-long string (a 200-character given name) is 422', async () => {
      const family = await createFamily();
      const response = await post(`/api/v1/families/${family.id}/people`, {
        given_name: 'G'.repeat(200),
        family_name: 'Long',
        role: 'child',
      });
      assertError(response, 422, 'validation_failed', 'given_name');
      assert.equal(response.json.error.fields[0].code, 'error.too_long');
      assert.deepEqual((await get(`/api/v1/families/${family.id}`)).json.members, []);
    });

    test('PUT with the current version saves; a stale version is 412 and changes nothing', async () => {
      const family = await createFamily({ area: 'West', address_line_1: '1 Old Road', postcode: 'CF37 1DL' });
      const saved = await put(`/api/v1/families/${family.id}`, { area: 'East', postcode: 'CF37 1DL', version: 1 });
      assert.equal(saved.status, 200, saved.text);
      assert.equal(saved.json.family.version, 2);
      assert.equal(saved.json.family.area, 'East');
      assert.equal(saved.json.family.address_line_1, '', 'PUT replaces the whole record');

      const stale = await put(`/api/v1/families/${family.id}`, { area: 'North', version: 1 });
      assertError(stale, 412, 'stale_version');
      const stored = (await get(`/api/v1/families/${family.id}`)).json.family;
      assert.equal(stored.area, 'East');
      assert.equal(stored.version, 2);
    });

    test('a stale PUT of a person is 412 too', async () => {
      const family = await createFamily();
      const person = (
        await post(`/api/v1/families/${family.id}/people`, { given_name: 'Pat', family_name: 'Stale', role: 'parent' })
      ).json.person;
      const body = { given_name: 'Patricia', family_name: 'Stale', role: 'parent', version: 1 };
      assert.equal((await put(`/api/v1/people/${person.id}`, body)).status, 200);
      assertError(await put(`/api/v1/people/${person.id}`, { ...body, given_name: 'Patsy' }), 412, 'stale_version');
      assert.equal((await get(`/api/v1/people/${person.id}`)).json.person.given_name, 'Patricia');
    });

    test('PUT without a version is 422 naming version', async () => {
      const family = await createFamily();
      assertError(await put(`/api/v1/families/${family.id}`, { area: 'East' }), 422, 'validation_failed', 'version');
    });

    test('a body that is not application/json is 415', async () => {
      const before = await familyTotal();
      const text = await client.request('POST', '/api/v1/families', {
        body: JSON.stringify({ area: 'West' }),
        headers: { ...auth(), 'content-type': 'text/plain' },
      });
      assertError(text, 415, 'unsupported_media_type');
      const none = await client.request('POST', '/api/v1/families', { body: '{"area":"West"}', headers: auth() });
      assertError(none, 415, 'unsupported_media_type');
      const charset = (name) => ({ 'content-type': `application/json; charset=${name}` });
      const latin = await post('/api/v1/families', { area: 'West' }, charset('latin1'));
      assertError(latin, 415, 'unsupported_media_type');
      const utf8 = await post('/api/v1/families', { area: 'West' }, charset('utf-8'));
      assert.equal(utf8.status, 201);
      assert.equal(await familyTotal(), before + 1);
    });

    test('a 2 MiB body is 413', async () => {
      const before = await familyTotal();
      const body = JSON.stringify({ area: 'W'.repeat(2 * 1024 * 1024) });
      let response;
      try {
        response = await rawRequest(hearth.port, {
          method: 'POST',
          path: '/api/v1/families',
          headers: { ...auth(), 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          body,
        });
      } catch (error) {
        assert.fail(`the server dropped the connection instead of answering 413: ${error.code ?? error.message}`);
      }
      assert.equal(response.status, 413);
      assert.equal(response.json?.error?.code, 'payload_too_large');
      assert.equal(await familyTotal(), before);
    });

    test('a missing or hidden record is 404 not_found; a path that is not an id too', async () => {
      assertError(await get('/api/v1/families/999999'), 404, 'not_found');
      assertError(await get('/api/v1/people/999999'), 404, 'not_found');
      assertError(await get('/api/v1/referrals/999999'), 404, 'not_found');
      assert.equal((await get('/api/v1/families/abc')).status, 404);
    });

    test('a method the path does not offer is 405', async () => {
      const family = await createFamily();
      const response = await client.request('DELETE', `/api/v1/families/${family.id}`, { headers: auth() });
      assertError(response, 405, 'method_not_allowed');
      assert.equal((await get(`/api/v1/families/${family.id}`)).status, 200);
    });

    test('an auditor may read but not write through the API', async () => {
      const family = await createFamily();
      const quinnToken = (await runHearth(['user', 'token', 'quinn', '--database', hearth.dbPath])).stdout.trim();
      const headers = { authorization: `Bearer ${quinnToken}` };
      assert.equal((await client.get(`/api/v1/families/${family.id}`, headers)).status, 200);
      const response = await client.request('PUT', `/api/v1/families/${family.id}`, {
        body: JSON.stringify({ area: 'Audited', version: 1 }),
        headers: { 'content-type': 'application/json', ...headers },
      });
      assertError(response, 403, 'forbidden');
      assert.equal((await get(`/api/v1/families/${family.id}`)).json.family.area, 'West');
    });
  });

  describe('referrals', () => {
    test('an early-help referral for a known family opens an episode; a second joins it', async () => {
      const family = await createFamily();
      const first = await post('/api/v1/referrals', referral({ family_id: family.id }));
      assert.equal(first.status, 201, first.text);
      assert.equal(first.headers.get('location'), `/api/v1/referrals/${first.json.referral.id}`);
      assert.equal(first.json.family_id, family.id);
      assert.equal(typeof first.json.episode_id, 'number');
      assert.equal(first.json.joined_open_episode, false);
      assert.deepEqual(first.json.referral.share_with, ['education']);
      assert.equal(first.json.referral.consent_given, true);

      const second = await post('/api/v1/referrals', referral({ family_id: family.id, received_on: '2026-11-01' }));
      assert.equal(second.status, 201, second.text);
      assert.equal(second.json.episode_id, null);
      assert.equal(second.json.joined_open_episode, true);

      const read = await get(`/api/v1/referrals/${first.json.referral.id}`);
      assert.equal(read.status, 200);
      assert.deepEqual(read.json.referral, first.json.referral);
      const stored = (await get(`/api/v1/families/${family.id}`)).json;
      assert.equal(stored.referrals.length, 2);
      assert.equal(stored.episodes.length, 1);
      assert.equal(stored.episodes[0].stage, 'awaiting_allocation');
    });

    test('early help without consent is 422 naming consent_given', async () => {
      const family = await createFamily();
      const response = await post(
        '/api/v1/referrals',
        referral({
          family_id: family.id,
          consent_given: false,
          consent_given_by: null,
          consent_given_on: null,
          share_with: [],
        }),
      );
      assertError(response, 422, 'validation_failed', 'consent_given');
      assert.deepEqual(
        response.json.error.fields.map((f) => [f.field, f.code]),
        [['consent_given', 'error.early_help_needs_consent']],
      );
      assert.deepEqual((await get(`/api/v1/families/${family.id}`)).json.referrals, []);
    });

    test('family_id together with a new family is 422', async () => {
      const family = await createFamily();
      const response = await post(
        '/api/v1/referrals',
        referral({
          family_id: family.id,
          family: { area: 'West' },
          people: [{ given_name: 'A', family_name: 'B', role: 'child' }],
        }),
      );
      assertError(response, 422, 'validation_failed');
      assert.deepEqual((await get(`/api/v1/families/${family.id}`)).json.referrals, []);
    });

    test('a possible match is 409 and records nothing; confirmed_new_family: true then records it', async () => {
      const newHousehold = (given, familyName, postcode) => ({
        family: { area: 'North', postcode },
        people: [
          { given_name: given, family_name: familyName, date_of_birth: '2011-07-21', sex: 'male', role: 'child' },
        ],
      });
      const first = await post('/api/v1/referrals', referral(newHousehold('Cadfael', 'Abernethy', 'CF45 3QB')));
      assert.equal(first.status, 201, first.text);
      const knownFamily = first.json.family_id;
      const known = (await get(`/api/v1/families/${knownFamily}`)).json.members[0];

      const before = await familyTotal();
      const body = referral(newHousehold('Cadfael', 'Abernethie', 'CF45 9ZZ'));
      const conflict = await post('/api/v1/referrals', body);
      assertError(conflict, 409, 'possible_matches');
      assert.equal(conflict.json.possible_matches.length, 1);
      const [match] = conflict.json.possible_matches;
      const { match_probability: probability, explanation, ...who } = match;
      assert.deepEqual(who, {
        person_id: known.id,
        family_id: knownFamily,
        given_name: 'Cadfael',
        family_name: 'Abernethy',
        date_of_birth: '2011-07-21',
        person_index: 0,
      });
      // Ranked by the linkage engine: a probability and the weight of every comparison that adds up to it.
      assert.ok(probability > 0.5 && probability < 1, `probability ${probability}`);
      assert.equal(explanation.match_probability, probability, 'the same number in both places');
      const byField = Object.fromEntries(explanation.comparisons.map((c) => [c.field, c]));
      assert.deepEqual(Object.keys(byField).sort(), [
        'address',
        'date_of_birth',
        'family_name',
        'given_name',
        'postcode',
        'sex',
      ]);
      assert.equal(byField.given_name.level, 'exact');
      assert.equal(byField.given_name.description, 'The same');
      assert.equal(byField.family_name.level, 'similar');
      assert.deepEqual([byField.family_name.entered, byField.family_name.on_record], ['abernethie', 'abernethy']);
      assert.equal(byField.date_of_birth.level, 'exact');
      assert.ok(byField.date_of_birth.weight > 0);
      assert.equal(byField.postcode.level, 'district', 'CF45 9ZZ and CF45 3QB share the district');
      assert.equal(byField.address.level, 'missing');
      assert.equal(byField.address.on_record, null);
      const total = explanation.comparisons.reduce((sum, c) => sum + c.weight, explanation.prior_weight) +
        explanation.corrections.reduce((sum, c) => sum + c.weight, 0);
      assert.ok(Math.abs(total - explanation.match_weight) < 1e-3, `${total} vs ${explanation.match_weight}`);
      assert.equal(await familyTotal(), before, 'nothing recorded');

      const confirmed = await post('/api/v1/referrals', { ...body, confirmed_new_family: true });
      assert.equal(confirmed.status, 201, confirmed.text);
      assert.notEqual(confirmed.json.family_id, knownFamily);
      assert.equal(await familyTotal(), before + 1);
      const created = (await get(`/api/v1/families/${confirmed.json.family_id}`)).json;
      assert.equal(created.family.postcode, 'CF45 9ZZ');
      assert.equal(created.members[0].family_name, 'Abernethie');

      // Or the referral goes to the known family instead.
      const toKnown = await post('/api/v1/referrals', referral({ family_id: knownFamily }));
      assert.equal(toKnown.status, 201);
      assert.equal(toKnown.json.family_id, knownFamily);
      assert.equal(await familyTotal(), before + 1);
    });
  });

  describe('a browser session calling the API', () => {
    test('a POST with the session cookie but without X-CSRF-Token is 403; with it, 201', async () => {
      const browser = new Client(hearth.baseUrl);
      await signIn(browser, 'coord', PASSWORD);
      const csrf = csrfFrom((await browser.get('/')).text);
      const before = await familyTotal();

      const without = await browser.postJson('/api/v1/families', { area: 'Session' });
      assertError(without, 403, 'csrf_failed');
      const wrong = await browser.postJson('/api/v1/families', { area: 'Session' }, { 'x-csrf-token': 'f'.repeat(32) });
      assert.equal(wrong.status, 403);
      assert.equal(await familyTotal(), before);

      const withToken = await browser.postJson('/api/v1/families', { area: 'Session' }, { 'x-csrf-token': csrf });
      assert.equal(withToken.status, 201, withToken.text);
      assert.equal(await familyTotal(), before + 1);
      // Reading needs no token.
      assert.equal((await browser.get(withToken.headers.get('location'))).status, 200);
    });
  });

  describe('search', () => {
    let ids;

    before(async () => {
      ids = [];
      for (const given of ['Aled', 'Bryn', 'Cai', 'Dewi', 'Emrys']) {
        const family = await createFamily({ area: 'East', postcode: 'SA1 1AA' });
        await post(`/api/v1/families/${family.id}/people`, {
          given_name: given,
          family_name: 'Quennell-Paging',
          date_of_birth: '2010-10-10',
          role: 'child',
        });
        ids.push(family.id);
      }
    });

    test('pages carry page, page_size and total, and together list every match once', async () => {
      const seen = [];
      for (const page of [1, 2, 3]) {
        const response = await get(`/api/v1/families?q=quennell&page=${page}&page_size=2`);
        assert.equal(response.status, 200);
        assert.equal(response.json.page, page);
        assert.equal(response.json.page_size, 2);
        assert.equal(response.json.total, 5);
        assert.equal(response.json.families.length, page < 3 ? 2 : 1);
        seen.push(...response.json.families.map((f) => f.id));
      }
      assert.deepEqual(seen.sort((a, b) => a - b), [...ids].sort((a, b) => a - b));
      const past = await get('/api/v1/families?q=quennell&page=4&page_size=2');
      assert.deepEqual(past.json.families, []);
      assert.equal(past.json.total, 5);
    });

    test('a result summarises the household', async () => {
      const response = await get('/api/v1/families?q=aled+quennell');
      assert.equal(response.json.total, 1);
      assert.deepEqual(response.json.families[0], {
        id: ids[0],
        area: 'East',
        postcode: 'SA1 1AA',
        members: 'Aled Quennell-Paging',
        member_count: 1,
      });
      assert.equal(response.json.page_size, 20, 'the default page size');
    });

    test('the query matches dates of birth and postcodes as well as names', async () => {
      assert.equal((await get('/api/v1/families?q=10/10/2010')).json.total, 5);
      assert.equal((await get('/api/v1/families?q=2010-10-10')).json.total, 5);
      assert.equal((await get('/api/v1/families?q=sa11aa')).json.total, 5);
      assert.equal((await get('/api/v1/families?q=QUENNELL-PAGING')).json.total, 5);
    });

    for (const query of ['page=0', 'page=abc', 'page_size=0', 'page_size=101', 'page_size=2.5', 'page=-1']) {
      test(`a bad paging parameter is 400 invalid_parameter: ${query}`, async () => {
        const name = query.split('=')[0];
        assertError(await get(`/api/v1/families?${query}`), 400, 'invalid_parameter', name);
      });
    }

    test('a query over 200 bytes is 422', async () => {
      assertError(await get(`/api/v1/families?q=${'a'.repeat(201)}`), 422, 'validation_failed', 'q');
    });
  });
});
