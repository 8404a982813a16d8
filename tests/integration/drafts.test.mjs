// Drafts on a real server: a form posted after the session timed out is kept for its owner and can be sent on
// after signing in again; a wrong CSRF token keeps nothing; nobody else sees, uses or discards it; a form from an
// earlier session of the signed-in user is kept too. Time passes through HEARTH_TEST_CLOCK_FILE (the server's
// session clock runs ahead by the number of seconds in that file), so nothing here waits or depends on timing.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { Client, addUser, csrfFrom, signIn, startHearth } from './support/hearth_process.mjs';

const PASSWORD = 'correct horse battery';
const SESSION_COOKIE = '__Host-hearth_session';
const IDLE_TIMEOUT_S = 30 * 60;

const decode = (s) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;|&apos;/gi, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function sqlite(dbPath, sql) {
  return new Promise((resolve, reject) => {
    execFile('sqlite3', ['-cmd', '.timeout 5000', dbPath, sql], (error, stdout, stderr) => {
      if (error) reject(new Error(`sqlite3 failed: ${stderr}`));
      else resolve(stdout.trim());
    });
  });
}

// The first form whose data-testid is `testid`: its action and its inputs as [name, value] pairs, in order.
function formByTestId(html, testid) {
  const match = new RegExp(`<form method="post" action="([^"]*)"[^>]*data-testid="${testid}">([\\s\\S]*?)</form>`).exec(
    html,
  );
  if (!match) return undefined;
  const inputs = [...match[2].matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map((m) => [
    decode(m[1]),
    decode(m[2]),
  ]);
  return { action: decode(match[1]), inputs };
}

// The value attribute of the <input> whose id is `id`.
function inputValue(html, id) {
  for (const [tag] of html.matchAll(/<input\b[^>]*>/g)) {
    if (new RegExp(`\\bid="${id}"`).test(tag)) return decode(/\bvalue="([^"]*)"/.exec(tag)?.[1] ?? '');
  }
  return undefined;
}

describe('drafts survive an expired session', () => {
  let hearth;
  let clockDir;
  let clockFile;
  let offset = 0;

  // Moves the server's session clock on: every session idle for longer than the timeout has now expired.
  const letSessionsExpire = async () => {
    offset += IDLE_TIMEOUT_S + 60;
    await writeFile(clockFile, String(offset));
  };
  const signedIn = async (username) => {
    const client = new Client(hearth.baseUrl);
    await signIn(client, username, PASSWORD);
    return client;
  };
  // A new household through the form; resolves its id.
  const newFamily = async (client, town) => {
    const form = await client.get('/families/new');
    assert.equal(form.status, 200);
    const created = await client.postForm('/families', {
      csrf_token: csrfFrom(form.text),
      area: 'West',
      address_line_1: '12 Heol Tabernacl',
      town,
      postcode: 'CF37 1DL',
    });
    assert.equal(created.status, 303, created.text.slice(0, 500));
    return /^\/families\/(\d+)/.exec(created.headers.get('location'))[1];
  };
  // Opens the family's edit form (as a worker would before going quiet), lets the session expire, then submits it.
  const editAfterTimeout = async (client, id, fields, token) => {
    const form = await client.get(`/families/${id}/edit`);
    assert.equal(form.status, 200);
    await letSessionsExpire();
    return client.postForm(`/families/${id}`, {
      csrf_token: token ?? csrfFrom(form.text),
      version: '1',
      area: 'West',
      address_line_1: '12 Heol Tabernacl',
      postcode: 'CF37 1DL',
      ...fields,
    });
  };
  const draftCount = async (username) =>
    Number(
      await sqlite(
        hearth.dbPath,
        `SELECT COUNT(*) FROM drafts WHERE user_id = (SELECT id FROM users WHERE username = '${username}')`,
      ),
    );

  before(async () => {
    clockDir = await mkdtemp(path.join(tmpdir(), 'hearth-clock-'));
    clockFile = path.join(clockDir, 'offset');
    await writeFile(clockFile, '0');
    hearth = await startHearth({ env: { HEARTH_TEST_CLOCK_FILE: clockFile } });
    // One worker per test, so that one test's drafts never change what another sees after signing in.
    for (const name of ['ana', 'ben', 'cai', 'dee', 'eli', 'fay', 'gus', 'other']) {
      await addUser(hearth.dbPath, name, 'front_door_coordinator', PASSWORD);
    }
    await addUser(hearth.dbPath, 'ada', 'administrator', PASSWORD, 'Systems');
  });

  after(async () => {
    await hearth?.stop();
    if (clockDir) await rm(clockDir, { recursive: true, force: true });
  });

  test('an edit posted after the session expired is kept, shown after signing in again, and saves when sent', async () => {
    const client = await signedIn('ana');
    const id = await newFamily(client, 'Pontypridd');
    const oldSession = client.cookies.get(SESSION_COOKIE);

    const posted = await editAfterTimeout(client, id, { town: 'Treforest Kept', address_line_2: 'Flat "B" <2> & up' });
    assert.equal(posted.status, 303, posted.text.slice(0, 500));
    assert.equal(posted.headers.get('location'), '/sign-in?draft_kept=1');
    // The expired session is no way in.
    const home = await new Client(hearth.baseUrl).get('/', { cookie: `${SESSION_COOKIE}=${oldSession}` });
    assert.equal(home.status, 303);
    assert.equal(home.headers.get('location'), '/sign-in');

    const signInPage = await client.get(posted.headers.get('location'));
    assert.equal(signInPage.status, 200);
    assert.match(signInPage.text, /You were signed out, what you typed has been kept/);

    const again = await signIn(client, 'ana', PASSWORD);
    const location = again.headers.get('location');
    const draftId = /^\/drafts\/(\d+)$/.exec(location)?.[1];
    assert.ok(draftId, `with one draft, sign-in goes straight to it, not ${location}`);
    assert.notEqual(client.cookies.get(SESSION_COOKIE), oldSession);

    const page = await client.get(location);
    assert.equal(page.status, 200);
    assert.match(page.text, new RegExp(`<code>/families/${id}</code>`), 'the page it was typed for');
    assert.match(page.text, /A family(&#39;|')s record/);
    assert.match(page.text, /\(UTC\)/, 'when it was kept');
    assert.match(page.text, /Treforest Kept/, 'what was typed');
    const send = formByTestId(page.text, 'draft-send');
    assert.ok(send, 'a button to send it again');
    assert.equal(send.action, `/families/${id}?draft=${draftId}`);
    const sent = Object.fromEntries(send.inputs);
    assert.equal(sent.town, 'Treforest Kept');
    assert.equal(sent.address_line_2, 'Flat "B" <2> & up', 'values survive, HTML-escaped in the page');
    assert.doesNotMatch(page.text, /<2>/, 'nothing typed is ever raw HTML in the page');
    assert.equal(sent.version, '1');
    assert.equal(sent.csrf_token, csrfFrom((await client.get('/')).text), 'a fresh token, not the dead one');
    assert.equal(send.inputs.filter(([name]) => name === 'csrf_token').length, 1);

    const saved = await client.postForm(send.action, send.inputs);
    assert.equal(saved.status, 303, saved.text.slice(0, 500));
    assert.equal(saved.headers.get('location'), `/families/${id}?done=updated`);
    const family = await client.get(`/families/${id}`);
    assert.match(family.text, /Treforest Kept/);
    assert.equal(await draftCount('ana'), 0, 'a draft is deleted once used');
    const list = await client.get('/drafts');
    assert.match(list.text, /You have no kept drafts/);

    const actions = await sqlite(
      hearth.dbPath,
      "SELECT action || ':' || outcome FROM audit_events WHERE record_type = 'draft' ORDER BY id",
    );
    assert.deepEqual(actions.split('\n'), ['draft_saved:ok', 'draft_used:ok']);
    const views = await sqlite(
      `${hearth.dbPath.replace(/\.db$/, '')}-access.db`,
      "SELECT COUNT(*) FROM access_events WHERE record_type = 'draft' AND action = 'draft_view'",
    );
    assert.ok(Number(views) >= 1, 'viewing a draft is audited');
    assert.doesNotMatch(hearth.logs(), /Treforest/, 'drafts never appear in logs');
    const trail = await (await signedIn('ada')).get('/admin/audit');
    assert.equal(trail.status, 200);
    assert.match(trail.text, /Kept a form as a draft/);
    assert.match(trail.text, /Sent a draft on/);
    assert.match(trail.text, /Viewed a draft/);
    assert.doesNotMatch(trail.text, /Treforest/, 'the trail says what happened, never what was typed');
  });

  test('a kept draft that no longer passes validation comes back on its form with the typed values', async () => {
    const client = await signedIn('ben');
    const id = await newFamily(client, 'Pontypridd');
    const posted = await editAfterTimeout(client, id, { town: 'Cilfynydd', postcode: 'not a postcode' });
    assert.equal(posted.headers.get('location'), '/sign-in?draft_kept=1');
    const location = (await signIn(client, 'ben', PASSWORD)).headers.get('location');
    const send = formByTestId((await client.get(location)).text, 'draft-send');
    const refused = await client.postForm(send.action, send.inputs);
    assert.equal(refused.status, 422);
    assert.equal(inputValue(refused.text, 'town'), 'Cilfynydd');
    assert.equal(inputValue(refused.text, 'postcode'), 'not a postcode');
  });

  test('a wrong CSRF token keeps no draft: an attacker cannot plant one', async () => {
    const client = await signedIn('cai');
    const id = await newFamily(client, 'Pontypridd');
    const before = await draftCount('cai');
    const posted = await editAfterTimeout(client, id, { town: 'Planted' }, 'f'.repeat(32));
    assert.equal(posted.status, 303);
    assert.equal(posted.headers.get('location'), '/sign-in', 'the ordinary sign-in redirect, no "kept" message');
    assert.equal(await draftCount('cai'), before);
    const again = await signIn(client, 'cai', PASSWORD);
    assert.equal(again.headers.get('location'), '/');
    // And with no token at all.
    const noToken = await editAfterTimeout(client, id, { town: 'Planted', csrf_token: '' });
    assert.equal(noToken.headers.get('location'), '/sign-in');
    assert.equal(await draftCount('cai'), before);
    assert.equal(await sqlite(hearth.dbPath, "SELECT COUNT(*) FROM drafts WHERE instr(fields, 'Planted') > 0"), '0');
  });

  test('another user cannot see, use or discard the draft', async () => {
    const client = await signedIn('dee');
    const id = await newFamily(client, 'Pontypridd');
    await editAfterTimeout(client, id, { town: 'Only Mine' });

    const other = await signedIn('other');
    const otherHome = await other.get('/');
    assert.equal(otherHome.status, 200, 'signing in as someone else does not lead to the draft');
    const draftId = await sqlite(
      hearth.dbPath,
      "SELECT id FROM drafts WHERE user_id = (SELECT id FROM users WHERE username = 'dee') ORDER BY id DESC LIMIT 1",
    );
    const list = await other.get('/drafts');
    assert.equal(list.status, 200);
    assert.doesNotMatch(list.text, /Only Mine/);
    assert.doesNotMatch(list.text, new RegExp(`/drafts/${draftId}`));
    const view = await other.get(`/drafts/${draftId}`);
    assert.equal(view.status, 404);
    assert.doesNotMatch(view.text, /Only Mine/);
    const token = csrfFrom(otherHome.text);
    assert.equal((await other.postForm(`/drafts/${draftId}/discard`, { csrf_token: token })).status, 404);
    // Sending the fields to the page with the owner's draft id saves the other user's own edit, but does not use
    // up the owner's draft.
    const otherEdit = await other.postForm(`/families/${id}?draft=${draftId}`, {
      csrf_token: token,
      version: '1',
      area: 'West',
      postcode: 'CF37 1DL',
      town: 'Theirs',
    });
    assert.equal(otherEdit.status, 303);
    assert.equal(await draftCount('dee'), 1, 'the owner still has it');

    const owner = await signIn(client, 'dee', PASSWORD);
    assert.equal(owner.headers.get('location'), `/drafts/${draftId}`);
    const discard = formByTestId((await client.get(`/drafts/${draftId}`)).text, 'draft-discard');
    const discarded = await client.postForm(discard.action, discard.inputs);
    assert.equal(discarded.status, 303);
    assert.equal(discarded.headers.get('location'), '/drafts?done=discarded');
    assert.match((await client.get(discarded.headers.get('location'))).text, /The draft has been discarded/);
    assert.equal(await draftCount('dee'), 0);
  });

  test('a form opened before signing in again (another tab) is kept, not refused', async () => {
    const client = await signedIn('eli');
    const id = await newFamily(client, 'Pontypridd');
    const oldForm = await client.get(`/families/${id}/edit`);
    await letSessionsExpire();
    await signIn(client, 'eli', PASSWORD); // in another tab: same browser, new session cookie
    const posted = await client.postForm(`/families/${id}`, {
      csrf_token: csrfFrom(oldForm.text),
      version: '1',
      area: 'West',
      postcode: 'CF37 1DL',
      town: 'Second Tab',
    });
    assert.equal(posted.status, 303, posted.text.slice(0, 300));
    assert.equal(posted.headers.get('location'), '/drafts?kept=1');
    const list = await client.get('/drafts?kept=1');
    assert.match(list.text, /opened before you last signed in/);
    const send = formByTestId(list.text, 'draft-send');
    assert.equal(Object.fromEntries(send.inputs).town, 'Second Tab');
    const saved = await client.postForm(send.action, send.inputs);
    assert.equal(saved.status, 303);
    assert.match((await client.get(`/families/${id}`)).text, /Second Tab/);
  });

  test('signing out leaves nothing to keep: a form posted afterwards is not kept', async () => {
    const client = await signedIn('fay');
    const id = await newFamily(client, 'Pontypridd');
    const form = await client.get(`/families/${id}/edit`);
    const oldCookie = client.cookies.get(SESSION_COOKIE);
    const out = await client.postForm('/sign-out', { csrf_token: csrfFrom(form.text) });
    assert.equal(out.status, 303);
    const before = await draftCount('fay');
    const posted = await new Client(hearth.baseUrl).postForm(
      `/families/${id}`,
      { csrf_token: csrfFrom(form.text), version: '1', area: 'West', town: 'After Sign Out' },
      { cookie: `${SESSION_COOKIE}=${oldCookie}` },
    );
    assert.equal(posted.headers.get('location'), '/sign-in');
    assert.equal(await draftCount('fay'), before);
  });

  test('a draft the page does not accept (here a 404) is not used up: it stays to retry or discard', async () => {
    const client = await signedIn('gus');
    const home = await client.get('/');
    await letSessionsExpire();
    const posted = await client.postForm('/families/not-a-number', {
      csrf_token: csrfFrom(home.text),
      area: 'West',
      town: 'Nowhere',
    });
    assert.equal(posted.headers.get('location'), '/sign-in?draft_kept=1');
    const location = (await signIn(client, 'gus', PASSWORD)).headers.get('location');
    const send = formByTestId((await client.get(location)).text, 'draft-send');
    const answer = await client.postForm(send.action, send.inputs);
    assert.equal(answer.status, 404);
    assert.equal(await draftCount('gus'), 1);
  });
});
