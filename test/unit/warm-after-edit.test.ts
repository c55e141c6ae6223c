// A warm start after a few files changed while the editor was closed: the persisted entity and event indexes are
// adopted and the changed files attached one by one (as an edit in the session is), instead of resolving every name
// again; the names state says "approximate" until link() has resolved the corpus in full in the background.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as fs from 'node:fs';

const spies = vi.hoisted(() => ({ extract: 0, resolve: 0 }));

vi.mock('../../src/core/names', async (importOriginal) => (await import('./names-spies')).countingNames(importOriginal, spies));

import { Corpus } from '../../src/core/corpus';
import { indexWorkspace } from '../../src/core/loader';
import { MemoryWorkspace } from '../../src/core/workspace';

const quiet = { yieldNow: async () => {} };
/** Long enough ago that the index written now records the stamps (those within two seconds of the write are not kept). */
const OLD = Date.now() - 60_000;
const fakesDir = new URL('../fixtures/fa-kes/', import.meta.url);
const NEW_SENTENCE = 'Hadi al-Bahra spoke to Qatari officials in Doha on Sunday.';

let files: [string, string][];
let cache: string;
/** What the corpus answered before the restart: per file, each mention's start and its entity id. */
let before: Map<string, [number, string][]>;
let hovers: Map<string, string | undefined>;

function workspace(list = files): MemoryWorkspace {
  const ws = new MemoryWorkspace();
  list.forEach(([f, t], i) => ws.write(f, t, OLD + i));
  return ws;
}

function snapshot(ws: MemoryWorkspace): Promise<[string, string][]> {
  return ws.listFiles().then((list) => Promise.all(list.map(async (f) => [f, new TextDecoder().decode(await ws.readFile(f))])));
}

function mentionsByFile(c: Corpus): Map<string, [number, string][]> {
  const out = new Map<string, [number, string][]>();
  for (const e of c.entities().entities)
    for (const m of e.mentions) {
      let list = out.get(m.file);
      if (!list) out.set(m.file, (list = []));
      list.push([m.start, e.id]);
    }
  for (const list of out.values()) list.sort((a, b) => a[0] - b[0]);
  return out;
}

/** Restart on a workspace changed since the cache was written: import the cache, read the workspace. */
async function restart(ws: MemoryWorkspace): Promise<Corpus> {
  const warm = new Corpus();
  expect(warm.importCache(cache)).toMatchObject({ ok: true });
  await indexWorkspace(ws, warm, quiet);
  spies.extract = 0;
  spies.resolve = 0;
  return warm;
}

beforeAll(async () => {
  files = fs
    .readdirSync(fakesDir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort()
    .slice(0, 60)
    .map((f) => [f, fs.readFileSync(new URL(f, fakesDir), 'utf8')]);
  const cold = new Corpus();
  await indexWorkspace(workspace(), cold, quiet);
  expect(await cold.link(quiet)).toBe(true);
  cache = cold.exportCache();
  before = mentionsByFile(cold);
  hovers = new Map();
  for (const [file, list] of before) for (const [start] of list) hovers.set(`${file}@${start}`, cold.hover(file, start)?.markdown);
});

beforeEach(() => {
  spies.extract = 0;
  spies.resolve = 0;
});

describe('warm start with files changed since the cache was written', () => {
  it('one edited file: adopted and attached without resolving names again; untouched articles answer as before, the new name is found', async () => {
    const edited = files[7][0];
    const ws = workspace();
    const text = files[7][1] + '\n\n' + NEW_SENTENCE + '\n';
    ws.write(edited, text, Date.now());
    const bytesBefore = await snapshot(ws);
    const warm = await restart(ws);
    const after = mentionsByFile(warm);
    expect(spies.resolve).toBe(0);
    expect(spies.extract).toBe(1);
    expect(warm.derivedStates().names).toBe('approximate');
    // Every untouched article: the same mentions, of the same entities.
    const touched = new Set(after.get(edited)!.map(([, id]) => id));
    for (const [file, list] of before) {
      if (file === edited) continue;
      expect(after.get(file)).toEqual(list);
      // The hover of an entity the edit does not mention reads exactly as before.
      for (const [start, id] of list) if (!touched.has(id)) expect(warm.hover(file, start)?.markdown).toBe(hovers.get(`${file}@${start}`));
    }
    // The edited article's new name is found where it was written.
    const at = text.indexOf('Hadi al-Bahra');
    const hit = warm.entityAt(edited, at + 1);
    expect(hit?.entity.name).toMatch(/Bahra/);
    expect(hit?.mention.start).toBe(at);
    expect(warm.entityAt(edited, text.indexOf('Doha') + 1)?.entity.name).toBe('Doha');
    // Related passages come from the restored event index, re-fed the one edited article.
    const lead = warm.get(edited)!.parsed.passages.find((p) => p.kind === 'body')!;
    expect(Array.isArray(warm.related(edited, lead.start))).toBe(true);
    // link() then resolves the corpus in full, in the background, and the state is exact.
    expect(await warm.link(quiet)).toBe(true);
    expect(spies.resolve).toBe(1);
    expect(warm.derivedStates()).toMatchObject({ names: 'exact', events: 'exact' });
    expect(warm.entityAt(edited, at + 1)?.entity.name).toMatch(/Bahra/);
    // Nothing was written to any article file.
    expect(await snapshot(ws)).toEqual(bytesBefore);
  });

  it('link() says when every feature answers: before the full resolution, which then runs in the background', async () => {
    const edited = files[7][0];
    const ws = workspace();
    const text = files[7][1] + '\n\n' + NEW_SENTENCE + '\n';
    ws.write(edited, text, Date.now());
    const warm = await restart(ws);
    const seen: { names: string; events: string; resolutions: number; found?: string }[] = [];
    const linked = warm.link({
      ...quiet,
      onAnswering: () =>
        seen.push({
          ...warm.derivedStates(),
          resolutions: spies.resolve,
          found: warm.entityAt(edited, text.indexOf('Hadi al-Bahra') + 1)?.entity.name,
        }),
    });
    expect(await linked).toBe(true);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ names: 'approximate', resolutions: 0 });
    expect(seen[0].found).toMatch(/Bahra/);
    expect(spies.resolve).toBe(1);
    expect(warm.derivedStates()).toMatchObject({ names: 'exact', events: 'exact' });
    // An unchanged corpus answers once, at the end, exactly.
    const unchanged = await restart(workspace());
    const states: string[] = [];
    expect(await unchanged.link({ ...quiet, onAnswering: () => states.push(unchanged.derivedStates().names) })).toBe(true);
    expect(states).toEqual(['exact']);
    expect(spies.resolve).toBe(0);
  });

  it('an edit made in the session and saved before link() resolved again: the next start adopts it as approximate', async () => {
    const [file, text] = files[9];
    const edited = text + '\n\n' + NEW_SENTENCE + '\n';
    const session = new Corpus();
    expect(session.importCache(cache)).toMatchObject({ ok: true });
    await indexWorkspace(workspace(), session, quiet);
    session.entities();
    session.setText(file, edited);
    expect(session.derivedStates().names).toBe('approximate');
    const saved = session.exportCache();
    const ws = workspace();
    ws.write(file, edited, OLD + 100);
    const next = new Corpus();
    expect(next.importCache(saved)).toMatchObject({ ok: true });
    await indexWorkspace(ws, next, quiet);
    spies.resolve = 0;
    expect(next.entityAt(file, edited.indexOf('Hadi al-Bahra') + 1)?.entity.name).toMatch(/Bahra/);
    expect(next.derivedStates().names).toBe('approximate');
    expect(spies.resolve).toBe(0);
    for (const [f, list] of before) if (f !== file) expect(mentionsByFile(next).get(f)).toEqual(list);
    expect(await next.link(quiet)).toBe(true);
    expect(spies.resolve).toBe(1);
    expect(next.derivedStates()).toMatchObject({ names: 'exact', events: 'exact' });
  });

  it('one file removed and one added: the removed one is gone from names, the added one is attached', async () => {
    const [gone] = files[3];
    const ws = workspace();
    ws.delete(gone);
    const added = 'added-since.md';
    const addedText = files[5][1].split('\n\n').slice(0, 2).join('\n\n') + '\n\n' + NEW_SENTENCE + '\n';
    ws.write(added, addedText, Date.now());
    const warm = await restart(ws);
    const after = mentionsByFile(warm);
    expect(spies.resolve).toBe(0);
    expect(warm.derivedStates().names).toBe('approximate');
    expect(after.has(gone)).toBe(false);
    for (const e of warm.entities().entities) for (const m of e.mentions) expect(m.file).not.toBe(gone);
    expect(warm.entityAt(added, addedText.indexOf('Hadi al-Bahra') + 1)?.entity.name).toMatch(/Bahra/);
    for (const [file, list] of before) if (file !== gone) expect(after.get(file)).toEqual(list);
  });

  it('a changed glossary is no edit of a few files: names are resolved again in full', async () => {
    const ws = workspace();
    ws.write(
      'names.parallax.json',
      JSON.stringify({ entries: [{ name: 'Hadi al-Bahra', kind: 'person', definition: 'An opposition leader.' }] }),
    );
    const warm = await restart(ws);
    warm.entities();
    expect(spies.resolve).toBe(1);
    expect(warm.derivedStates().names).toBe('exact');
  });

  it('before the workspace is read in full, a difference is not taken for an edit (files may still be loading)', async () => {
    const warm = new Corpus();
    expect(warm.importCache(cache)).toMatchObject({ ok: true });
    for (const [f, t] of files.slice(0, 59)) warm.setText(f, t);
    warm.entities();
    expect(spies.resolve).toBe(1);
  });
});
