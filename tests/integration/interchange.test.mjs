// hearth import / hearth export through the real binary: the fixture imports, its records are ordinary Hearth
// records (the family page, the episode page and My work render them), export gives the same records back, and a
// broken file is refused with its line numbers, leaving the database unchanged.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { Client, addUser, hearthBin, runHearth, signIn, sqlite, startHearth } from './support/hearth_process.mjs';

const PASSWORD = 'correct horse battery';
const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/interchange/small_service.jsonl');


// Runs hearth expecting failure; resolves {code, stderr}.
function runHearthFailing(args) {
  return new Promise((resolve) => {
    execFile(hearthBin(), args, (error, stdout, stderr) => resolve({ code: error ? error.code : 0, stderr }));
  });
}

// Lines of JSON records as a sorted list of canonical strings (keys sorted), the header left out.
function recordSet(text) {
  const sortKeys = (v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])]))
      : v;
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l))
    .filter((o) => o.type !== 'header')
    .map((o) => JSON.stringify(sortKeys(o)))
    .sort();
}

describe('interchange import and export', () => {
  let hearth;
  let coord;
  let manager;
  let importProgress; // the fixture import's stderr: not a terminal, so plain progress lines

  before(async () => {
    hearth = await startHearth();
    const { stdout, stderr } = await runHearth(['import', FIXTURE, '--database', hearth.dbPath]);
    assert.match(stdout, /45 records/);
    importProgress = stderr;
    await addUser(hearth.dbPath, 'cora', 'front_door_coordinator', PASSWORD);
    await addUser(hearth.dbPath, 'mona', 'manager', PASSWORD, 'Engagement and Assessment');
    coord = new Client(hearth.baseUrl);
    await signIn(coord, 'cora', PASSWORD);
    manager = new Client(hearth.baseUrl);
    await signIn(manager, 'mona', PASSWORD);
  });

  after(async () => {
    await hearth?.stop();
  });

  test('the import reports its progress as plain lines, ending with the saving step', () => {
    const lines = importProgress.trim().split('\n');
    const checked = lines.findIndex((l) => /^Checking .*small_service\.jsonl: 100%$/.test(l));
    const written = lines.findIndex((l) => /^Importing .*small_service\.jsonl: 100%$/.test(l));
    assert.ok(checked >= 0 && written > checked, importProgress);
    assert.match(lines.at(-1), /^Building indexes and saving .*small_service\.jsonl/);
    assert.equal(written, lines.length - 2, importProgress);
  });

  test('an imported family, its episode and My work render', async () => {
    const familyId = await sqlite(hearth.dbPath, "SELECT id FROM families WHERE external_id = 'F-1'");
    const family = await coord.get(`/families/${familyId}`);
    assert.equal(family.status, 200);
    assert.match(family.text, /Rees/);
    const episodeId = await sqlite(hearth.dbPath, "SELECT id FROM episodes WHERE external_id = 'E-1'");
    const episode = await coord.get(`/episodes/${episodeId}`);
    assert.equal(episode.status, 200);
    const work = await manager.get('/my-work');
    assert.equal(work.status, 200);
  });

  test('export gives back the records imported', async () => {
    const { stdout } = await runHearth(['export', '--database', hearth.dbPath]);
    assert.equal(stdout.split('\n')[0], '{"type":"header","format":"hearth-interchange","version":1}');
    const exported = recordSet(stdout).filter((r) => !/"id":"h[0-9a-f]{8}-/.test(r)); // users added above
    assert.deepEqual(exported, recordSet(await readFile(FIXTURE, 'utf8')));
  });

  test('a broken file is refused with line numbers and changes nothing', async () => {
    const before = await sqlite(hearth.dbPath, 'SELECT count(*) FROM contacts');
    const broken = path.join(path.dirname(hearth.dbPath), 'broken.jsonl');
    await writeFile(
      broken,
      [
        '{"type":"contact","id":"C-50","episode":"E-2","on":"2024-03-09","worker":"W-1","kind":"office"}',
        '',
        '{"type":"contact","id":"C-51","episode":"E-2","on":"2024-02-30","worker":"W-1","kind":"office"}',
        '{"type":"contact","id":"C-52","episode":"E-404","on":"2024-03-09","worker":"W-1","kind":"fax"}',
      ].join('\n'),
    );
    const result = await runHearthFailing(['import', broken, '--database', hearth.dbPath]);
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /line 3: on: /);
    assert.match(result.stderr, /line 4: kind: /);
    assert.equal(await sqlite(hearth.dbPath, 'SELECT count(*) FROM contacts'), before);
  });
});
