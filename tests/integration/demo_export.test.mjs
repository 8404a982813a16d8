// `hearth demo --export` through the real binary: it writes an interchange file that starts with the header and
// parses line by line, needs no database, gives the same bytes for the same seed, and refuses what it cannot do
// with a message and a non-zero exit code.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { runHearth } from './support/hearth_process.mjs';

describe('demo --export', () => {
  let dir;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'hearth-export-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const exportTo = (file, ...more) =>
    runHearth(['demo', '--export', file, '--episodes', '150', '--database', path.join(dir, 'unused.db'), ...more]);
  const TO = ['--to', '2026-11-22'];

  test('writes a header and one JSON record per line, without a database', async () => {
    const file = path.join(dir, 'a.jsonl');
    const { stdout } = await exportTo(file, ...TO, '--seed', '3');
    const lines = (await readFile(file, 'utf8')).split('\n').filter((l) => l !== '');
    assert.deepEqual(JSON.parse(lines[0]), { type: 'header', format: 'hearth-interchange', version: 1 });
    const types = new Set(lines.slice(1).map((l) => JSON.parse(l).type));
    for (const t of ['team', 'worker', 'service', 'family', 'person', 'referral', 'episode', 'assignment', 'contact'])
      assert.ok(types.has(t), t);
    assert.equal(lines.slice(1).filter((l) => JSON.parse(l).type === 'episode').length, 150);
    assert.match(stdout, new RegExp(`Wrote ${lines.length} lines`));
    await assert.rejects(stat(path.join(dir, 'unused.db')));  // no database was opened
  });

  test('gives the same file for the same seed', async () => {
    await exportTo(path.join(dir, 'b1.jsonl'), ...TO, '--seed', '9');
    await exportTo(path.join(dir, 'b2.jsonl'), ...TO, '--seed', '9');
    await exportTo(path.join(dir, 'b3.jsonl'), ...TO, '--seed', '10');
    const [b1, b2, b3] = await Promise.all(['b1', 'b2', 'b3'].map((n) => readFile(path.join(dir, `${n}.jsonl`))));
    assert.ok(b1.equals(b2));
    assert.ok(!b1.equals(b3));
  });

  test('refuses a file it cannot write and a history before 1960', async () => {
    await assert.rejects(exportTo(path.join(dir, 'missing', 'x.jsonl'), ...TO), /export file cannot be written/);
    await assert.rejects(exportTo(path.join(dir, 'c.jsonl'), '--years', '10', '--to', '1965-01-01'), /before 1960/);
  });
});
