// Helpers for the integration tests (node --test): start a real hearth server on a fresh database, add users through
// the CLI, and talk HTTP to it with a small cookie-keeping client.
//
//   const hearth = await startHearth();
//   await addUser(hearth.dbPath, 'sam', 'front_door_coordinator', 'correct horse battery');
//   const client = new Client(hearth.baseUrl);
//   await signIn(client, 'sam', 'correct horse battery');
//   ...
//   await hearth.stop();
//
// The binary is $HEARTH_BIN (scripts/test.sh sets it; relative paths are taken from the current directory).
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

const LISTENING = /listening on http:\/\/127\.0\.0\.1:(\d+)/;
const START_TIMEOUT_MS = 60_000; // generous: the sanitizer build starts slowly on a loaded 2-core machine
const STOP_GRACE_MS = 10_000;
const LOG_LIMIT = 256 * 1024; // keep the tail of the server's output for error messages

export function hearthBin() {
  const bin = process.env.HEARTH_BIN;
  if (!bin) {
    throw new Error('HEARTH_BIN is not set: run through `make test`, or set HEARTH_BIN=build/test/hearth');
  }
  return path.resolve(bin);
}

// Runs `sql` on a database file with the sqlite3 shell (waiting up to 5 s for a lock); resolves its trimmed output.
// Tests use it to put a history in place, or to read the audit and access logs, without going through Hearth.
export function sqlite(dbPath, sql) {
  return new Promise((resolve, reject) => {
    execFile('sqlite3', ['-cmd', '.timeout 5000', dbPath, sql], (error, stdout, stderr) => {
      if (error) reject(new Error(`sqlite3 failed: ${stderr || error.message}`));
      else resolve(stdout.trim());
    });
  });
}

// Runs the hearth CLI to completion. Resolves {stdout, stderr}; rejects with both in the message on a non-zero exit.
export function runHearth(args, { input, env } = {}) {
  const bin = hearthBin();
  return new Promise((resolve, reject) => {
    const child = execFile(
      bin,
      args,
      { env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          const how = error.signal ? `signal ${error.signal}` : `exit code ${error.code}`;
          reject(
            new Error(`hearth ${args.join(' ')} failed (${how})\n--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`),
          );
        } else {
          resolve({ stdout, stderr });
        }
      },
    );
    child.stdin.on('error', () => {}); // the child may exit before reading all of stdin; its exit status tells
    child.stdin.end(input ?? '');
  });
}

// Starts `hearth serve` on a migrated database in a new temporary directory, on a free loopback port.
// Resolves {baseUrl, port, dbPath, dir, logs(), stop()}. stop() sends SIGTERM, waits for exit (SIGKILL after 10 s),
// removes the directory and rejects if the server did not exit cleanly (a crash, or a sanitizer report at exit).
export async function startHearth({ env = {}, args = [] } = {}) {
  const bin = hearthBin();
  const dir = await mkdtemp(path.join(tmpdir(), 'hearth-test-'));
  const dbPath = path.join(dir, 'hearth.db');
  const childEnv = { ...process.env, ...env };

  try {
    await runHearth(['migrate', '--database', dbPath], { env: childEnv });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }

  const child = spawn(bin, ['serve', '--database', dbPath, '--listen', '127.0.0.1:0', ...args], {
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let log = '';
  const append = (text) => {
    log += text;
    if (log.length > LOG_LIMIT) log = log.slice(-LOG_LIMIT);
  };
  const logs = () => log;

  // The pipes are read to the end, for as long as the server runs: a full pipe would block it.
  const lines = createInterface({ input: child.stdout, crlfDelay: Infinity });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => append(chunk));

  // Settles on exit, or on a failure to start at all (which may come without an 'exit' event).
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (error) => resolve({ code: null, signal: null, error }));
  });
  let exitStatus = null;
  exited.then((status) => {
    exitStatus = status;
  });

  // Never leave a server behind if the test process ends without calling stop().
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const describe = (status) => {
    if (status.error) return status.error.message;
    return status.signal ? `signal ${status.signal}` : `exit code ${status.code}`;
  };

  let port;
  try {
    port = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`hearth serve did not print its listening line within ${START_TIMEOUT_MS / 1000} s`));
      }, START_TIMEOUT_MS);
      lines.on('line', (line) => {
        append(`${line}\n`);
        const match = LISTENING.exec(line);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(new Error(`could not start ${bin}: ${error.message}`));
      });
      exited.then((status) => {
        clearTimeout(timer);
        reject(new Error(`hearth serve exited before listening (${describe(status)})`));
      });
    });
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    process.removeListener('exit', killOnExit);
    await rm(dir, { recursive: true, force: true });
    error.message += `\n--- hearth output ---\n${logs()}`;
    throw error;
  }

  let stopping = null;
  const stop = () => {
    stopping ??= (async () => {
      let killed = false;
      if (exitStatus === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => {
          killed = true;
          child.kill('SIGKILL');
        }, STOP_GRACE_MS);
        await exited;
        clearTimeout(timer);
      }
      const status = await exited;
      process.removeListener('exit', killOnExit);
      if (!process.env.HEARTH_KEEP_TMP) {
        await rm(dir, { recursive: true, force: true });
      }
      const clean = !killed && (status.code === 0 || status.signal === 'SIGTERM');
      if (!clean) {
        const why = killed ? `did not exit within ${STOP_GRACE_MS / 1000} s of SIGTERM` : describe(status);
        throw new Error(`hearth serve did not stop cleanly: ${why}\n--- hearth output ---\n${logs()}`);
      }
      return status;
    })();
    return stopping;
  };

  return { baseUrl: `http://127.0.0.1:${port}`, port, dbPath, dir, logs, stop, process: child };
}

// Adds a user through the CLI, the password given on standard input.
export async function addUser(dbPath, name, role, password, team = 'Front Door') {
  return runHearth(['user', 'add', name, '--role', role, '--team', team, '--database', dbPath, '--password-stdin'], {
    input: password,
  });
}

// A minimal browser stand-in over global fetch: keeps cookies (name=value only; attributes such as Secure, Path and
// the __Host- prefix are not enforced), never follows redirects, and returns {status, headers, text, json?}.
export class Client {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
    this.cookies = new Map();
  }

  cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async request(method, urlPath, { body, headers = {} } = {}) {
    const all = { ...headers };
    if (this.cookies.size > 0 && !Object.keys(all).some((k) => k.toLowerCase() === 'cookie')) {
      all.cookie = this.cookieHeader();
    }
    const response = await fetch(new URL(urlPath, this.baseUrl), { method, headers: all, body, redirect: 'manual' });
    this.storeCookies(response.headers.getSetCookie());
    const text = await response.text();
    const result = { status: response.status, headers: response.headers, text };
    if ((response.headers.get('content-type') ?? '').includes('json') && text.length > 0) {
      try {
        result.json = JSON.parse(text);
      } catch {
        // left undefined: the test sees the raw text
      }
    }
    return result;
  }

  storeCookies(setCookies) {
    for (const header of setCookies) {
      const [pair, ...attributes] = header.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key, ...rest] = attribute.split('=');
        const k = key.trim().toLowerCase();
        const v = rest.join('=').trim();
        if (k === 'max-age') return Number(v) <= 0;
        if (k === 'expires') return Date.parse(v) <= Date.now();
        return false;
      });
      if (expired) {
        this.cookies.delete(name);
      } else {
        this.cookies.set(name, value);
      }
    }
  }

  get(urlPath, headers = {}) {
    return this.request('GET', urlPath, { headers });
  }

  // fields: an object, or an array of [name, value] pairs (for repeated names such as checkboxes).
  postForm(urlPath, fields, headers = {}) {
    const body = new URLSearchParams(Array.isArray(fields) ? fields : Object.entries(fields)).toString();
    return this.request('POST', urlPath, {
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });
  }

  postJson(urlPath, obj, headers = {}) {
    return this.request('POST', urlPath, {
      body: JSON.stringify(obj),
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    });
  }
}

const decodeEntities = (s) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/gi, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

// The value of the first <input name="csrf_token" value="..."> in a page; throws if there is none.
export function csrfFrom(html) {
  const match = /name="csrf_token"\s+value="([^"]*)"/.exec(html);
  if (match) return decodeEntities(match[1]);
  // The same input with its attributes in another order.
  for (const [tag] of html.matchAll(/<input\b[^>]*>/gi)) {
    if (/\bname="csrf_token"/.test(tag)) {
      const value = /\bvalue="([^"]*)"/.exec(tag);
      if (value) return decodeEntities(value[1]);
    }
  }
  throw new Error(`no csrf_token input in the page:\n${html.slice(0, 2000)}`);
}

// Signs in through the form, as a person would; asserts the 303 that follows a successful sign-in.
export async function signIn(client, username, password) {
  const page = await client.get('/sign-in');
  assert.equal(page.status, 200, `GET /sign-in answered ${page.status}\n${page.text.slice(0, 2000)}`);
  const response = await client.postForm('/sign-in', { username, password, csrf_token: csrfFrom(page.text) });
  assert.equal(
    response.status,
    303,
    `signing in as ${username} answered ${response.status}, not 303\n${response.text.slice(0, 2000)}`,
  );
  return response;
}
