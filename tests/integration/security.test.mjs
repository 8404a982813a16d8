// The security properties every response and request path must have (DESIGN.md §5), checked on a real server:
// headers, caching, CSRF, access control, request size limits, health, and a graceful stop.
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';

import { Client, addUser, csrfFrom, runHearth, signIn, startHearth } from './support/hearth_process.mjs';

const PASSWORD = 'correct horse battery';
const STYLESHEET = '/static/govuk/govuk-frontend.min.css';

// Content-Security-Policy as a map of directive -> list of sources.
function parseCsp(header) {
  const directives = new Map();
  for (const part of (header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

function assertSecurityHeaders(response, what) {
  const csp = response.headers.get('content-security-policy');
  assert.ok(csp, `${what}: no Content-Security-Policy`);
  const directives = parseCsp(csp);
  const scripts = directives.get('script-src') ?? directives.get('default-src');
  assert.ok(scripts, `${what}: CSP restricts no scripts: ${csp}`);
  assert.ok(!scripts.includes("'unsafe-inline'"), `${what}: script-src allows inline script: ${csp}`);
  assert.ok(!scripts.includes("'unsafe-eval'"), `${what}: script-src allows eval: ${csp}`);
  assert.ok(!scripts.includes('*'), `${what}: script-src allows any origin: ${csp}`);
  assert.deepEqual(directives.get('frame-ancestors'), ["'none'"], `${what}: frame-ancestors: ${csp}`);

  const hsts = response.headers.get('strict-transport-security');
  assert.ok(hsts, `${what}: no Strict-Transport-Security`);
  const maxAge = Number(/max-age=(\d+)/i.exec(hsts)?.[1] ?? 0);
  assert.ok(maxAge >= 180 * 24 * 3600, `${what}: HSTS max-age too short: ${hsts}`);

  assert.equal(response.headers.get('x-content-type-options'), 'nosniff', `${what}: nosniff`);
  const referrer = response.headers.get('referrer-policy');
  assert.ok(
    ['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'].includes(referrer),
    `${what}: Referrer-Policy ${referrer}`,
  );
}

function maxAgeOf(response) {
  return Number(/max-age=(\d+)/i.exec(response.headers.get('cache-control') ?? '')?.[1] ?? 0);
}

// One GET on a connection of its own, without fetch's pooling and retries, so that every outcome is visible:
// resolves {status, headers, body, complete} or rejects with the socket error (its .code).
function rawRequest(port, { method = 'GET', path = '/', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const length = Number(response.headers['content-length'] ?? -1);
        resolve({
          status: response.statusCode,
          headers: response.headers,
          body: text,
          complete: response.complete && (length < 0 || Buffer.byteLength(text) === length),
        });
      });
    });
    request.on('error', reject);
    if (body !== undefined) request.write(body);
    request.end();
  });
}

async function familyTotal(baseUrl, token) {
  const response = await new Client(baseUrl).get('/api/v1/families?page_size=1', { authorization: `Bearer ${token}` });
  assert.equal(response.status, 200, `GET /api/v1/families answered ${response.status}: ${response.text.slice(0, 300)}`);
  assert.equal(typeof response.json?.total, 'number', `no total in ${response.text.slice(0, 300)}`);
  return response.json.total;
}

describe('security', () => {
  let hearth;
  let token;

  before(async () => {
    hearth = await startHearth();
    await addUser(hearth.dbPath, 'coord', 'front_door_coordinator', PASSWORD);
    await addUser(hearth.dbPath, 'other', 'front_door_coordinator', PASSWORD);
    await addUser(hearth.dbPath, 'analyst', 'analyst', PASSWORD, 'Performance');
    token = (await runHearth(['user', 'token', 'coord', '--database', hearth.dbPath])).stdout.trim();
  });

  after(async () => {
    await hearth?.stop();
  });

  test('every kind of response carries the security headers', async () => {
    const anonymous = new Client(hearth.baseUrl);
    const signedIn = new Client(hearth.baseUrl);
    await signIn(signedIn, 'coord', PASSWORD);
    const cases = [
      ['a public page', await anonymous.get('/sign-in'), 200],
      ['a signed-in page', await signedIn.get('/'), 200],
      ['a redirect', await anonymous.get('/'), 303],
      ['a 404', await signedIn.get('/no/such/page'), 404],
      ['/healthz', await anonymous.get('/healthz'), 200],
      ['a static asset', await anonymous.get(STYLESHEET), 200],
      ['an API answer', await anonymous.get('/api/v1/families', { authorization: `Bearer ${token}` }), 200],
      ['an API error', await anonymous.get('/api/v1/families'), 401],
    ];
    for (const [what, response, status] of cases) {
      assert.equal(response.status, status, `${what}: status`);
      assertSecurityHeaders(response, what);
    }
  });

  test('signed-in pages and API answers are not cached', async () => {
    const client = new Client(hearth.baseUrl);
    await signIn(client, 'coord', PASSWORD);
    for (const path of ['/', '/families', '/families/new', '/referrals/new']) {
      const response = await client.get(path);
      assert.equal(response.status, 200, `${path}: ${response.status}`);
      assert.match(response.headers.get('cache-control') ?? '', /no-store/, `${path}: Cache-Control`);
    }
    const api = await client.get('/api/v1/families', { authorization: `Bearer ${token}` });
    assert.match(api.headers.get('cache-control') ?? '', /no-store/, 'API: Cache-Control');
  });

  test('static assets are cached for a long time', async () => {
    const response = await new Client(hearth.baseUrl).get(STYLESHEET);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type'), /text\/css/);
    assert.ok(maxAgeOf(response) >= 30 * 24 * 3600, `Cache-Control: ${response.headers.get('cache-control')}`);
    assert.doesNotMatch(response.headers.get('cache-control'), /no-store/);
  });

  test('a POST without csrf_token is refused with 403 and changes nothing', async () => {
    const client = new Client(hearth.baseUrl);
    await signIn(client, 'coord', PASSWORD);
    const form = { area: 'West', address_line_1: '1 Test Street', town: 'Pontypridd', postcode: 'CF37 1DL' };
    const before = await familyTotal(hearth.baseUrl, token);

    const refused = await client.postForm('/families', form);
    assert.equal(refused.status, 403);
    assert.equal(await familyTotal(hearth.baseUrl, token), before, 'a family was created without a CSRF token');

    const forged = await client.postForm('/families', { ...form, csrf_token: 'f'.repeat(32) });
    assert.equal(forged.status, 403);
    assert.equal(await familyTotal(hearth.baseUrl, token), before);

    // The same form with the session's own token works, so the refusals above were about the token alone.
    const page = await client.get('/families/new');
    const accepted = await client.postForm('/families', { ...form, csrf_token: csrfFrom(page.text) });
    assert.equal(accepted.status, 303, accepted.text.slice(0, 500));
    assert.equal(await familyTotal(hearth.baseUrl, token), before + 1);
  });

  test("a POST carrying another session's csrf token is refused", async () => {
    const mine = new Client(hearth.baseUrl);
    const theirs = new Client(hearth.baseUrl);
    await signIn(mine, 'coord', PASSWORD);
    await signIn(theirs, 'other', PASSWORD);
    const theirToken = csrfFrom((await theirs.get('/')).text);
    const myToken = csrfFrom((await mine.get('/')).text);
    assert.notEqual(theirToken, myToken, 'each session has its own token');
    const before = await familyTotal(hearth.baseUrl, token);
    const response = await mine.postForm('/families', { area: 'West', csrf_token: theirToken });
    assert.equal(response.status, 403);
    const signOut = await mine.postForm('/sign-out', { csrf_token: theirToken });
    assert.equal(signOut.status, 403);
    assert.equal((await mine.get('/')).status, 200, 'still signed in');
    assert.equal(await familyTotal(hearth.baseUrl, token), before);
  });

  test('a csrf token in the query string or a JSON body does not count', async () => {
    const client = new Client(hearth.baseUrl);
    await signIn(client, 'coord', PASSWORD);
    const csrf = csrfFrom((await client.get('/')).text);
    const viaQuery = await client.postForm(`/families?csrf_token=${csrf}`, { area: 'West' });
    assert.equal(viaQuery.status, 403);
    const viaJson = await client.postJson('/families', { area: 'West', csrf_token: csrf });
    assert.equal(viaJson.status, 403);
  });

  test('an unknown path is 404 with a page', async () => {
    const anonymous = await new Client(hearth.baseUrl).get('/definitely-not-here');
    assert.equal(anonymous.status, 404);
    assert.match(anonymous.headers.get('content-type'), /text\/html/);
    const client = new Client(hearth.baseUrl);
    await signIn(client, 'coord', PASSWORD);
    const signedIn = await client.get('/families/1/nothing-here');
    assert.equal(signedIn.status, 404);
    assert.match(signedIn.text, /Page not found/);
  });

  test('signed out, GET / redirects to the sign-in page', async () => {
    const response = await new Client(hearth.baseUrl).get('/');
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/sign-in');
    for (const path of ['/families', '/families/new', '/referrals/new', '/admin/users']) {
      const page = await new Client(hearth.baseUrl).get(path);
      assert.equal(page.status, 303, `${path}: ${page.status}`);
      assert.equal(page.headers.get('location'), '/sign-in', path);
    }
  });

  test('a signed-out POST changes nothing', async () => {
    const before = await familyTotal(hearth.baseUrl, token);
    const response = await new Client(hearth.baseUrl).postForm('/families', { area: 'West' });
    assert.ok([303, 401, 403].includes(response.status), `status ${response.status}`);
    assert.equal(await familyTotal(hearth.baseUrl, token), before);
  });

  test('an analyst gets 403 on family pages and the family API', async () => {
    const client = new Client(hearth.baseUrl);
    await signIn(client, 'analyst', PASSWORD);
    for (const path of ['/families', '/families/new', '/referrals/new', '/admin/users']) {
      const response = await client.get(path);
      assert.equal(response.status, 403, `${path}: ${response.status}`);
    }
    const analystToken = (await runHearth(['user', 'token', 'analyst', '--database', hearth.dbPath])).stdout.trim();
    const api = await client.get('/api/v1/families', { authorization: `Bearer ${analystToken}` });
    assert.equal(api.status, 403);
  });

  test('a family that does not exist and one the caller may not see are both 404', async () => {
    const client = new Client(hearth.baseUrl);
    await signIn(client, 'coord', PASSWORD);
    const missing = await client.get('/families/999999');
    assert.equal(missing.status, 404);
    const api = await client.get('/api/v1/families/999999', { authorization: `Bearer ${token}` });
    assert.equal(api.status, 404);
  });

  test('a request body over 1 MiB gets 413', async () => {
    const big = 'a'.repeat(1024 * 1024 + 1024);
    let response;
    try {
      response = await rawRequest(hearth.port, {
        method: 'POST',
        path: '/sign-in',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(big) },
        body: big,
      });
    } catch (error) {
      assert.fail(`the server dropped the connection instead of answering 413: ${error.code ?? error.message}`);
    }
    assert.equal(response.status, 413);
    // The server still works afterwards.
    assert.equal((await new Client(hearth.baseUrl).get('/healthz')).status, 200);
  });

  test('a chunked request body over 1 MiB gets 413 too', async () => {
    const chunk = 'b'.repeat(64 * 1024);
    const response = await new Promise((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port: hearth.port,
          method: 'POST',
          path: '/sign-in',
          agent: false,
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res));
        },
      );
      request.on('error', reject);
      for (let sent = 0; sent <= 1024 * 1024; sent += chunk.length) request.write(chunk);
      request.end();
    }).catch((error) => assert.fail(`connection dropped instead of 413: ${error.code ?? error.message}`));
    assert.equal(response.statusCode, 413);
  });

  test('/healthz answers 200 {"status":"ok"} without signing in', async () => {
    const response = await new Client(hearth.baseUrl).get('/healthz');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type'), /application\/json/);
    assert.deepEqual(response.json, { status: 'ok' });
  });

  test('state never changes on GET: /sign-out is not a GET route', async () => {
    const client = new Client(hearth.baseUrl);
    await signIn(client, 'coord', PASSWORD);
    const response = await client.get('/sign-out');
    assert.notEqual(response.status, 200);
    assert.equal((await client.get('/')).status, 200, 'still signed in');
  });
});

// Sends one GET on an already-open socket and collects everything until the server closes it: resolves
// {status, complete, bytes} (complete: the body is as long as Content-Length says) or {error}.
function getOnSocket(socket, path, cookie) {
  return new Promise((resolve) => {
    const chunks = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', (error) => resolve({ error: error.code ?? error.message }));
    socket.on('close', () => {
      const raw = Buffer.concat(chunks);
      const split = raw.indexOf('\r\n\r\n');
      if (split < 0) {
        resolve({ error: `closed after ${raw.length} bytes without a complete head` });
        return;
      }
      const head = raw.subarray(0, split).toString('latin1');
      const body = raw.subarray(split + 4);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? -1);
      resolve({ status, complete: length === body.length && body.toString('utf8').trimEnd().endsWith('</html>') });
    });
    socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${cookie}\r\nConnection: close\r\n\r\n`);
  });
}

async function signedInServer() {
  const hearth = await startHearth();
  await addUser(hearth.dbPath, 'coord', 'front_door_coordinator', PASSWORD);
  const client = new Client(hearth.baseUrl);
  await signIn(client, 'coord', PASSWORD);
  return { hearth, cookie: client.cookieHeader() };
}

describe('graceful stop', () => {
  test('requests already sent when SIGTERM arrives are answered in full, then the server exits cleanly', async (t) => {
    const { hearth, cookie } = await signedInServer();
    try {
      const sockets = await Promise.all(
        Array.from(
          { length: 20 },
          () =>
            new Promise((resolve, reject) => {
              const socket = net.connect(hearth.port, '127.0.0.1', () => resolve(socket));
              socket.on('error', reject);
            }),
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 250)); // time for the server to take every connection
      const answers = sockets.map((socket) => getOnSocket(socket, '/', cookie));
      const stopped = hearth.stop(); // SIGTERM while the 20 requests are being read and handled
      const results = await Promise.all(answers);
      await stopped; // rejects unless the exit was clean
      for (const [i, result] of results.entries()) {
        assert.equal(result.error, undefined, `request ${i} was dropped: ${result.error}`);
        assert.equal(result.status, 200, `request ${i}: status ${result.status}`);
        assert.ok(result.complete, `request ${i}: body cut short`);
      }
      t.diagnostic(`${results.length} requests answered in full`);
    } finally {
      await hearth.stop().catch(() => {});
    }
  });

  test('of ~20 GETs racing SIGTERM, each is answered in full or refused; none is cut short', async (t) => {
    const { hearth, cookie } = await signedInServer();
    try {
      const requests = Array.from({ length: 20 }, () => rawRequest(hearth.port, { path: '/', headers: { cookie } }));
      await new Promise((resolve) => setImmediate(resolve));
      const stopped = hearth.stop();
      const results = await Promise.allSettled(requests);
      await stopped;
      let completed = 0;
      for (const [i, result] of results.entries()) {
        if (result.status === 'fulfilled') {
          const { status, body, complete } = result.value;
          assert.equal(status, 200, `request ${i}: status ${status}`);
          assert.ok(complete, `request ${i}: incomplete body (${body.length} bytes)`);
          assert.match(body, /<\/html>\s*$/, `request ${i}: body is cut short`);
          completed += 1;
        } else {
          // Refused once the listener had closed; or reset by the kernel because the connection was still in
          // the listen queue when the listener closed (Hearth never took it; the test above shows that every
          // connection Hearth does take is answered). Anything else means a taken request was dropped.
          assert.ok(
            ['ECONNREFUSED', 'ECONNRESET'].includes(result.reason.code),
            `request ${i} failed: ${result.reason.code ?? result.reason}`,
          );
        }
      }
      t.diagnostic(`${completed} of ${results.length} completed; the others were refused`);
    } finally {
      await hearth.stop().catch(() => {});
    }
  });

  test('an idle server stops at once on SIGTERM', async () => {
    const hearth = await startHearth();
    const started = Date.now();
    const status = await hearth.stop();
    assert.ok(status.code === 0 || status.signal === 'SIGTERM', JSON.stringify(status));
    assert.ok(Date.now() - started < 5000, 'stopping took too long');
  });
});
