// The services directory pages on a real server: administrators and managers list and add the services that plan
// actions name as owners; a name already in the directory (whatever its case) is refused; a coordinator is refused;
// the form needs its CSRF token; every addition is audited.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { Client, addUser, csrfFrom, runHearth, signIn, sqlite, startHearth } from './support/hearth_process.mjs';

const PASSWORD = 'correct horse battery';

const decode = (s) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;|&apos;/gi, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

// The directory table's rows as {name, kind}.
function serviceRows(html) {
  const body = /<tbody class="govuk-table__body">([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)].map(([, row]) => ({
    name: decode(/<th scope="row"[^>]*>([\s\S]*?)<\/th>/.exec(row)?.[1].trim() ?? ''),
    kind: decode(/<td class="govuk-table__cell">([\s\S]*?)<\/td>/.exec(row)?.[1].trim() ?? ''),
  }));
}


describe('services directory pages', () => {
  let hearth;
  let admin;
  let manager;
  let coord;

  const addService = async (client, fields) => {
    const form = await client.get('/admin/services/new');
    assert.equal(form.status, 200);
    return client.postForm('/admin/services', { csrf_token: csrfFrom(form.text), ...fields });
  };
  const listed = async (client, query = '') => {
    const page = await client.get(`/admin/services${query}`);
    assert.equal(page.status, 200, `GET /admin/services${query}: ${page.status}`);
    return page;
  };

  before(async () => {
    hearth = await startHearth();
    await addUser(hearth.dbPath, 'ada', 'administrator', PASSWORD, 'Systems');
    await addUser(hearth.dbPath, 'dana', 'manager', PASSWORD, 'Families Team West');
    await addUser(hearth.dbPath, 'cora', 'front_door_coordinator', PASSWORD);
    admin = new Client(hearth.baseUrl);
    await signIn(admin, 'ada', PASSWORD);
    manager = new Client(hearth.baseUrl);
    await signIn(manager, 'dana', PASSWORD);
    coord = new Client(hearth.baseUrl);
    await signIn(coord, 'cora', PASSWORD);
  });

  after(async () => {
    await hearth?.stop();
  });

  test('an empty directory says so and offers to add a service; the navigation links to it', async () => {
    const page = await listed(admin);
    assert.match(page.text, /There are no services in the directory yet/);
    assert.match(page.text, /href="\/admin\/services\/new"/);
    assert.deepEqual(serviceRows(page.text), []);
    assert.match(page.text, /<a class="govuk-service-navigation__link" href="\/admin\/services" aria-current="true">/);
  });

  test('an administrator adds a service and sees it listed with its kind', async () => {
    const response = await addService(admin, { name: 'Tenancy Support', kind: 'housing' });
    assert.equal(response.status, 303, response.text);
    const location = response.headers.get('location');
    assert.match(location, /^\/admin\/services\?added=\d+$/);
    const page = await listed(admin, location.slice('/admin/services'.length));
    assert.match(page.text, /Tenancy Support was added to the directory/);
    assert.deepEqual(serviceRows(page.text), [{ name: 'Tenancy Support', kind: 'housing' }]);
    assert.equal(await sqlite(hearth.dbPath, "SELECT count(*) FROM audit_events WHERE action = 'create' AND record_type = 'service' AND outcome = 'ok';"), '1');
  });

  test('a manager adds a service without a kind; the list is sorted by name', async () => {
    const response = await addService(manager, { name: 'Citizens Advice debt clinic', kind: '' });
    assert.equal(response.status, 303, response.text);
    const rows = serviceRows((await listed(manager)).text);
    assert.deepEqual(
      rows.map((r) => r.name),
      ['Citizens Advice debt clinic', 'Tenancy Support'],
    );
    assert.notEqual(rows[0].kind, '');  // shown as a dash, not a blank cell
  });

  test('a name already in the directory, in another case or spacing, is refused with a clear message', async () => {
    const response = await addService(admin, { name: '  tenancy   SUPPORT ', kind: 'housing' });
    assert.equal(response.status, 422);
    const text = decode(response.text);
    assert.match(text, /class="govuk-error-summary"/);
    assert.match(text, /href="#name">A service with that name is already in the directory/);
    assert.match(text, /id="name-error"/);
    assert.match(text, /value="  tenancy   SUPPORT "/);  // what was typed is kept
    assert.equal(serviceRows((await listed(admin)).text).length, 2);
  });

  test('the JSON API refuses the same duplicate with 409 naming the field', async () => {
    const token = (await runHearth(['user', 'token', 'ada', '--database', hearth.dbPath])).stdout.trim();
    const response = await new Client(hearth.baseUrl).request('POST', '/api/v1/services', {
      body: JSON.stringify({ name: 'TENANCY SUPPORT' }),
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
    assert.equal(response.status, 409, response.text);
    assert.match(response.text, /"name"/);
  });

  test('a missing or too long name is refused inline and in the summary', async () => {
    const missing = await addService(admin, { name: ' ', kind: 'health' });
    assert.equal(missing.status, 422);
    assert.match(missing.text, /href="#name">Enter the name of the service/);
    assert.match(missing.text, /value="health"/);
    const long = await addService(admin, { name: 'x'.repeat(101) });
    assert.equal(long.status, 422);
    assert.match(long.text, /The name of the service must be 100 characters or fewer/);
    assert.equal(serviceRows((await listed(admin)).text).length, 2);
  });

  test('a coordinator gets 403 for the list, the form and the POST, and sees no navigation item', async () => {
    assert.equal((await coord.get('/admin/services')).status, 403);
    assert.equal((await coord.get('/admin/services/new')).status, 403);
    const home = await coord.get('/');
    const posted = await coord.postForm('/admin/services', { csrf_token: csrfFrom(home.text), name: 'Sneaky' });
    assert.equal(posted.status, 403);
    assert.doesNotMatch(home.text, /href="\/admin\/services"/);
    assert.equal(await sqlite(hearth.dbPath, "SELECT count(*) FROM services WHERE name = 'Sneaky';"), '0');
  });

  test('a POST without a CSRF token, or with a forged one, is refused and adds nothing', async () => {
    const without = await admin.postForm('/admin/services', { name: 'Youth Hub' });
    assert.equal(without.status, 403);
    const forged = await admin.postForm('/admin/services', { csrf_token: 'f'.repeat(32), name: 'Youth Hub' });
    assert.equal(forged.status, 403);
    assert.equal(await sqlite(hearth.dbPath, "SELECT count(*) FROM services WHERE name = 'Youth Hub';"), '0');
  });

  test('a long directory is paginated, 50 to a page', async () => {
    for (let i = 0; i < 50; i += 1) {
      const response = await addService(admin, { name: `Service ${String(i).padStart(2, '0')}` });
      assert.equal(response.status, 303);
    }
    const first = await listed(admin);
    assert.match(first.text, /52 services in the directory/);
    assert.equal(serviceRows(first.text).length, 50);
    assert.match(first.text, /href="\/admin\/services\?page=2"/);
    const second = await listed(admin, '?page=2');
    assert.deepEqual(
      serviceRows(second.text).map((r) => r.name),
      ['Service 49', 'Tenancy Support'],
    );
  });

  test('a service is changed with a version check; a stale save shows both versions and overwrites nothing', async () => {
    const id = await sqlite(hearth.dbPath, "SELECT id FROM services WHERE name = 'Tenancy Support';");
    const mine = await admin.get(`/admin/services/${id}/edit`);
    const theirs = await manager.get(`/admin/services/${id}/edit`);
    assert.equal(mine.status, 200);
    const version = /name="version" value="(\d+)"/.exec(mine.text)[1];
    const saved = await admin.postForm(`/admin/services/${id}`, {
      csrf_token: csrfFrom(mine.text), version, name: 'Tenancy Support Service', kind: 'housing',
    });
    assert.equal(saved.status, 303, saved.text);
    const stale = await manager.postForm(`/admin/services/${id}`, {
      csrf_token: csrfFrom(theirs.text), version, name: 'Tenancy Team', kind: 'housing',
    });
    assert.equal(stale.status, 409);
    assert.match(stale.text, /Tenancy Support Service/);  // the saved version
    assert.match(stale.text, /value="Tenancy Team"/);  // what the manager typed
    assert.equal(await sqlite(hearth.dbPath, `SELECT name FROM services WHERE id = ${id};`), 'Tenancy Support Service');
    const duplicate = await admin.postForm(`/admin/services/${id}`, {
      csrf_token: csrfFrom(mine.text), version: String(Number(version) + 1), name: 'citizens advice DEBT clinic',
    });
    assert.equal(duplicate.status, 422);
    assert.match(decode(duplicate.text), /A service with that name is already in the directory/);
    assert.equal(await sqlite(hearth.dbPath, "SELECT count(*) FROM audit_events WHERE action = 'update' AND record_type = 'service' AND outcome = 'ok';"), '1');
    assert.equal((await coord.get(`/admin/services/${id}/edit`)).status, 403);
  });
});
