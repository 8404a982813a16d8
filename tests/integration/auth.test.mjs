// Signing in and out through the real server: the form, the session cookie, timeouts' visible effects,
// disabling an account from the command line, throttling, and API tokens.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, test } from 'node:test';

import { Client, addUser, csrfFrom, hearthBin, runHearth, signIn, startHearth } from './support/hearth_process.mjs';

const PASSWORD = 'correct horse battery';
const SESSION_COOKIE = '__Host-hearth_session';

// Runs the CLI and resolves {code, stdout, stderr} whatever the exit status (runHearth rejects on failure).
function runHearthStatus(args, input = '') {
  return new Promise((resolve) => {
    const child = execFile(hearthBin(), args, (error, stdout, stderr) => {
      resolve({ code: error ? (error.code ?? error.signal) : 0, stdout, stderr });
    });
    child.stdin.on('error', () => {});
    child.stdin.end(input);
  });
}

function sessionSetCookie(response) {
  return response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
}

describe('sign-in and sessions', () => {
  let hearth;

  before(async () => {
    hearth = await startHearth();
    await addUser(hearth.dbPath, 'sam', 'front_door_coordinator', PASSWORD);
    await addUser(hearth.dbPath, 'dana', 'manager', PASSWORD);
    await addUser(hearth.dbPath, 'tess', 'front_door_coordinator', PASSWORD);
  });

  after(async () => {
    await hearth?.stop();
  });

  test('the sign-in page has username, password and a hidden csrf_token', async () => {
    const page = await new Client(hearth.baseUrl).get('/sign-in');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type'), /text\/html/);
    assert.match(page.text, /<input[^>]*name="username"/);
    assert.match(page.text, /<input[^>]*type="password"[^>]*name="password"|<input[^>]*name="password"[^>]*type="password"/);
    assert.match(page.text, /<input[^>]*type="hidden"[^>]*name="csrf_token"/);
    assert.ok(csrfFrom(page.text).length >= 32, 'the token is long enough to be unguessable');
    assert.match(page.text, /<form[^>]*method="post"[^>]*action="\/sign-in"/);
  });

  test('a correct sign-in redirects home and sets a __Host- session cookie', async () => {
    const client = new Client(hearth.baseUrl);
    const response = await signIn(client, 'sam', PASSWORD);
    assert.equal(response.headers.get('location'), '/');
    const cookie = sessionSetCookie(response);
    assert.ok(cookie, `no ${SESSION_COOKIE} in ${response.headers.getSetCookie()}`);
    assert.match(cookie, new RegExp(`^${SESSION_COOKIE}=[0-9a-f]{32};`));
    const attributes = cookie.split(';').map((a) => a.trim().toLowerCase());
    assert.ok(attributes.includes('path=/'), cookie);
    assert.ok(attributes.includes('secure'), cookie);
    assert.ok(attributes.includes('httponly'), cookie);
    assert.ok(attributes.includes('samesite=strict'), cookie);
    assert.ok(!attributes.some((a) => a.startsWith('domain=')), `a __Host- cookie has no Domain: ${cookie}`);
  });

  test('the session id is new: it matches no cookie the browser had before signing in', async () => {
    const client = new Client(hearth.baseUrl);
    // An attacker-planted session cookie (fixation) must not survive sign-in.
    client.cookies.set(SESSION_COOKIE, 'a'.repeat(32));
    await client.get('/sign-in');
    const before = new Set(client.cookies.values());
    await signIn(client, 'sam', PASSWORD);
    const session = client.cookies.get(SESSION_COOKIE);
    assert.match(session, /^[0-9a-f]{32}$/);
    assert.ok(!before.has(session), 'the session id was known before sign-in');

    const again = new Client(hearth.baseUrl);
    await signIn(again, 'sam', PASSWORD);
    assert.notEqual(again.cookies.get(SESSION_COOKIE), session, 'every sign-in gets a new id');
  });

  test('the signed-in home page shows the username in the header', async () => {
    const client = new Client(hearth.baseUrl);
    await signIn(client, 'sam', PASSWORD);
    const home = await client.get('/');
    assert.equal(home.status, 200);
    assert.match(home.text, /<header[\s\S]*data-testid="signed-in-user">sam<[\s\S]*<\/header>/);
  });

  test('a wrong password gives 401 and the GOV.UK error summary, and no session', async () => {
    const client = new Client(hearth.baseUrl);
    const page = await client.get('/sign-in');
    const response = await client.postForm('/sign-in', {
      username: 'sam',
      password: 'not the password',
      csrf_token: csrfFrom(page.text),
    });
    assert.equal(response.status, 401);
    assert.match(response.text, /class="govuk-error-summary"/);
    assert.match(response.text, /govuk-error-summary__title/);
    assert.match(response.text, /The username or password is not right/);
    assert.ok(!response.text.includes('not the password'), 'the password is never echoed');
    assert.equal(sessionSetCookie(response), undefined);
    assert.equal((await client.get('/')).status, 303);
  });

  test('an unknown username gets the same answer as a wrong password', async () => {
    const client = new Client(hearth.baseUrl);
    const page = await client.get('/sign-in');
    const csrf = csrfFrom(page.text);
    const unknown = await client.postForm('/sign-in', { username: 'nobody', password: PASSWORD, csrf_token: csrf });
    const wrong = await client.postForm('/sign-in', { username: 'sam', password: 'wrong password!', csrf_token: csrf });
    assert.equal(unknown.status, wrong.status);
    const message = (html) => /<div class="govuk-error-summary__body">([\s\S]*?)<\/div>/.exec(html)?.[1];
    assert.equal(message(unknown.text), message(wrong.text));
  });

  test('signing in without the form token is refused', async () => {
    const client = new Client(hearth.baseUrl);
    await client.get('/sign-in');
    const response = await client.postForm('/sign-in', { username: 'sam', password: PASSWORD });
    assert.equal(response.status, 403);
    assert.equal(sessionSetCookie(response), undefined);
  });

  test('signing out ends the session: the old cookie is sent to the sign-in page', async () => {
    const client = new Client(hearth.baseUrl);
    await signIn(client, 'sam', PASSWORD);
    const home = await client.get('/');
    assert.equal(home.status, 200);
    const oldCookie = client.cookieHeader();
    const out = await client.postForm('/sign-out', { csrf_token: csrfFrom(home.text) });
    assert.equal(out.status, 303);
    assert.match(out.headers.get('location'), /^\/sign-in/);
    const cleared = sessionSetCookie(out);
    assert.ok(cleared, 'sign-out clears the cookie');
    assert.match(cleared, /Max-Age=0/i);

    // A copy of the old cookie (a stolen one, say) is worthless now.
    const replay = await new Client(hearth.baseUrl).get('/', { cookie: oldCookie });
    assert.equal(replay.status, 303);
    assert.equal(replay.headers.get('location'), '/sign-in');
  });

  test('signing out needs the csrf token', async () => {
    const client = new Client(hearth.baseUrl);
    await signIn(client, 'sam', PASSWORD);
    const out = await client.postForm('/sign-out', {});
    assert.equal(out.status, 403);
    assert.equal((await client.get('/')).status, 200, 'the session is still there');
  });

  test('`hearth user disable` ends an active session at once', async () => {
    const client = new Client(hearth.baseUrl);
    await signIn(client, 'dana', PASSWORD);
    assert.equal((await client.get('/')).status, 200);
    const { stdout } = await runHearth(['user', 'disable', 'dana', '--database', hearth.dbPath]);
    assert.match(stdout, /disabled user dana/);
    const after = await client.get('/');
    assert.equal(after.status, 303);
    assert.equal(after.headers.get('location'), '/sign-in');
    // And the right password no longer works.
    const page = await client.get('/sign-in');
    const retry = await client.postForm('/sign-in', {
      username: 'dana',
      password: PASSWORD,
      csrf_token: csrfFrom(page.text),
    });
    assert.equal(retry.status, 401);
  });

  test('`hearth user add` with a short password fails and says why on stderr', async () => {
    const result = await runHearthStatus(
      ['user', 'add', 'shorty', '--role', 'manager', '--password-stdin', '--database', hearth.dbPath],
      'short\n',
    );
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /password/i);
    assert.match(result.stderr, /12/);
    assert.equal(result.stdout.trim(), '');
    // Nobody was added: signing in as shorty fails like any unknown name.
    const client = new Client(hearth.baseUrl);
    const page = await client.get('/sign-in');
    const response = await client.postForm('/sign-in', {
      username: 'shorty',
      password: 'short',
      csrf_token: csrfFrom(page.text),
    });
    assert.equal(response.status, 401);
  });

  test('`hearth user token` prints a token that authenticates the API; a bad token gets 401', async () => {
    const { stdout } = await runHearth(['user', 'token', 'tess', '--database', hearth.dbPath]);
    const token = stdout.trim();
    assert.match(token, /^[0-9a-f]{64}$/);
    const client = new Client(hearth.baseUrl);
    const ok = await client.get('/api/v1/families', { authorization: `Bearer ${token}` });
    assert.equal(ok.status, 200, ok.text.slice(0, 500));
    assert.match(ok.headers.get('content-type'), /application\/json/);

    const bad = await client.get('/api/v1/families', { authorization: `Bearer ${'0'.repeat(64)}` });
    assert.equal(bad.status, 401);
    const none = await client.get('/api/v1/families');
    assert.equal(none.status, 401);
    assert.match(none.headers.get('content-type'), /application\/json/, 'the API answers JSON, not a redirect');
  });

  test('a token stops working when its user is disabled', async () => {
    await addUser(hearth.dbPath, 'ivy', 'manager', PASSWORD);
    const { stdout } = await runHearth(['user', 'token', 'ivy', '--database', hearth.dbPath]);
    const token = stdout.trim();
    const client = new Client(hearth.baseUrl);
    const headers = { authorization: `Bearer ${token}` };
    assert.equal((await client.get('/api/v1/families', headers)).status, 200);
    await runHearth(['user', 'disable', 'ivy', '--database', hearth.dbPath]);
    assert.equal((await client.get('/api/v1/families', headers)).status, 401);
  });

  // Last: every request here comes from 127.0.0.1, so once throttled no one else in this file can sign in.
  test('10 wrong passwords from one address, then 429 even with the right password', async () => {
    const client = new Client(hearth.baseUrl);
    await signIn(client, 'sam', PASSWORD); // a success clears earlier failures from this address
    const fresh = new Client(hearth.baseUrl);
    const page = await fresh.get('/sign-in');
    const csrf = csrfFrom(page.text);
    for (let i = 0; i < 10; i += 1) {
      const wrong = await fresh.postForm('/sign-in', { username: 'sam', password: `guess number ${i}`, csrf_token: csrf });
      assert.equal(wrong.status, 401, `attempt ${i + 1}`);
    }
    const right = await fresh.postForm('/sign-in', { username: 'sam', password: PASSWORD, csrf_token: csrf });
    assert.equal(right.status, 429);
    assert.match(right.text, /govuk-error-summary/);
    assert.match(right.text, /Too many failed attempts/);
    assert.equal(sessionSetCookie(right), undefined);
    // A session that already exists is not ended by someone else's guessing.
    assert.equal((await client.get('/')).status, 200);
  });
});
