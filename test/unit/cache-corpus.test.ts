// The persisted index: a warm start must give exactly what a fresh parse gives, without parsing unchanged files,
// and a damaged or outdated cache must cost nothing but the time to parse.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as fs from 'node:fs';

const spies = vi.hoisted(() => ({ parse: 0, extract: 0, resolve: 0 }));

vi.mock('../../src/core/article', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../src/core/article')>();
  return { ...m, parseArticle: (...args: Parameters<typeof m.parseArticle>) => (spies.parse++, m.parseArticle(...args)) };
});
vi.mock('../../src/core/names', async (importOriginal) => (await import('./names-spies')).countingNames(importOriginal, spies));

import { Corpus } from '../../src/core/corpus';
import { EventIndex } from '../../src/core/events';
import { CACHE_VERSION, decodeCache, encodeCache } from '../../src/core/cache';
import { extractNames } from '../../src/core/names';
import { parseArticle } from '../../src/core/article';

const sampleDir = new URL('../../corpus/', import.meta.url);
const fakesDir = new URL('../fixtures/fa-kes/', import.meta.url);

function readDir(dir: URL, limit: number): [string, string][] {
  return fs
    .readdirSync(dir)
    .filter((f) => /\.(txt|md)$/.test(f) && f !== 'README.md')
    .sort()
    .slice(0, limit)
    .map((f) => [f, fs.readFileSync(new URL(f, dir), 'utf8')]);
}

let files: [string, string][];

beforeAll(() => {
  files = [...readDir(sampleDir, 5), ...readDir(fakesDir, 60)];
});

beforeEach(() => {
  spies.parse = 0;
  spies.extract = 0;
  spies.resolve = 0;
});

function load(corpus: Corpus, list = files): void {
  for (const [f, t] of list) corpus.setText(f, t);
}

let freshOnce: { corpus: Corpus; cache: string } | undefined;
/**
 * A corpus indexed from scratch, with names extracted (as after the first hover), and its exported cache. Built once
 * for the file: the tests only query that corpus and read its cache (each builds its own corpora from the cache), so
 * sharing it spares indexing and extracting the same 65 articles for every test.
 */
function fresh(): { corpus: Corpus; cache: string } {
  if (!freshOnce) {
    const corpus = new Corpus();
    load(corpus);
    corpus.entities();
    freshOnce = { corpus, cache: corpus.exportCache() };
  }
  return freshOnce;
}

/** Every mention offset in a file that the fresh corpus can hover, to compare hovers across corpora. */
function hoverable(corpus: Corpus, file: string): number[] {
  return corpus
    .entities()
    .entities.flatMap((e) => e.mentions)
    .filter((m) => m.file === file)
    .map((m) => m.start);
}

describe('warm start from the persisted index', () => {
  it('restores every article exactly as a fresh parse reads it, without parsing or extracting names again', () => {
    const { corpus: a, cache } = fresh();
    spies.parse = 0;
    spies.extract = 0;
    const b = new Corpus();
    expect(b.importCache(cache)).toEqual({ ok: true, entries: files.length });
    load(b);
    expect(spies.parse).toBe(0);
    expect(b.stats).toEqual({ parsed: 0, restored: files.length });
    for (const [f] of files) {
      expect(b.get(f)!.parsed).toEqual(a.get(f)!.parsed);
      expect(b.get(f)!.warnings).toEqual(a.get(f)!.warnings);
    }
    expect(b.tree()).toEqual(a.tree());
    const names = (c: Corpus) => c.recurringEntities().map((e) => [e.name, e.kind, e.aliases, e.mentions.length]);
    expect(names(b)).toEqual(names(a));
    expect(spies.extract).toBe(0);
  });

  it('answers hovers identically after a warm start, in the file it was cached under and under a new name', () => {
    const { corpus: a, cache } = fresh();
    const b = new Corpus();
    b.importCache(cache);
    load(b);
    const [file, text] = files[0];
    const offsets = hoverable(a, file);
    expect(offsets.length).toBeGreaterThan(3);
    for (const o of offsets) expect(b.hover(file, o)).toEqual(a.hover(file, o));
    // Same text under another key (a copied or renamed file): mentions must point at the new key.
    const c = new Corpus();
    c.importCache(cache);
    c.setText('copy/' + file, text);
    for (const m of c.entities().entities.flatMap((e) => e.mentions)) expect(m.file).toBe('copy/' + file);
  });

  it('re-parses only the article whose text changed', () => {
    const { corpus: a, cache } = fresh();
    spies.parse = 0;
    const b = new Corpus();
    b.importCache(cache);
    const edited = files.map(([f, t], i): [string, string] => [f, i === 3 ? t.replace(/\.\s/, '. An added sentence here. ') : t]);
    load(b, edited);
    expect(spies.parse).toBe(1);
    expect(b.stats).toEqual({ parsed: 1, restored: files.length - 1 });
    expect(b.get(files[3][0])!.text).toBe(edited[3][1]);
    expect(b.get(files[3][0])!.parsed).not.toEqual(a.get(files[3][0])!.parsed);
  });

  it('exports articles whose names were never extracted, and extracts them lazily after a warm start', () => {
    const a = new Corpus();
    load(a);
    const cache = a.exportCache(); // no hover yet: names not extracted
    const b = new Corpus();
    b.importCache(cache);
    load(b);
    spies.extract = 0;
    expect(b.recurringEntities().length).toBeGreaterThan(0);
    expect(spies.extract).toBe(files.length);
  });

  it('restores identical copies of one article under both names, and full-text search finds restored and edited text', () => {
    const { cache } = fresh();
    spies.parse = 0;
    const b = new Corpus();
    b.importCache(cache);
    const [file, text] = files[1];
    b.setText('a/' + file, text);
    b.setText('b/' + file, text);
    expect(spies.parse).toBe(0);
    expect(b.get('b/' + file)!.parsed).toEqual(b.get('a/' + file)!.parsed);
    const words = text
      .slice(b.get('a/' + file)!.parsed.passages.find((p) => p.kind === 'body')!.start)
      .split(/\s+/)
      .slice(2, 6)
      .join(' ');
    expect(b.searchPassages(words).map((h) => h.file)).toContain('a/' + file);
    b.setText('b/' + file, text + '\n\nZygomorphic quetzalcoatlus sightings were reported near the river.\n');
    expect(b.searchPassages('quetzalcoatlus zygomorphic').map((h) => h.file)).toEqual(['b/' + file]);
    b.setText('b/' + file, text);
    expect(b.searchPassages('quetzalcoatlus zygomorphic')).toEqual([]);
  });

  it('accepts the cache as bytes, as the extension reads it from storage', () => {
    const { cache } = fresh();
    const b = new Corpus();
    expect(b.importCache(new TextEncoder().encode(cache))).toEqual({ ok: true, entries: files.length });
  });
});

describe('the cache format', () => {
  it('gives back each name extraction field for field, mention surfaces included, under the file it is restored as', () => {
    for (const [file, text] of files.slice(0, 20)) {
      const parsed = parseArticle(text);
      const names = extractNames({ file, text, passages: parsed.passages, headings: parsed.headings, meta: parsed.meta });
      const decoded = decodeCache(encodeCache([{ hash: 'h', parsed, names, text }], 's'), 's');
      if (!decoded.ok) throw new Error(decoded.reason);
      const entry = decoded.entries.get('h')!;
      expect(entry.parsed).toEqual(parsed);
      expect(entry.names(text, file)).toEqual(names);
      expect(entry.names(text, 'elsewhere/' + file)).toEqual({ ...names, file: 'elsewhere/' + file });
    }
  });

  it('is plain ASCII (fast to decode) and still gives back every non-ASCII title, name and passage exactly', () => {
    const { corpus: a, cache } = fresh();
    expect(files.some(([, t]) => /[^\x00-\x7f]/.test(t))).toBe(true);
    expect(/[^\x00-\x7f]/.test(cache)).toBe(false);
    const b = new Corpus();
    b.importCache(new TextEncoder().encode(cache));
    load(b);
    spies.extract = 0;
    for (const [f] of files) expect(b.get(f)!.parsed).toEqual(a.get(f)!.parsed);
    const names = (c: Corpus) => c.recurringEntities().map((e) => [e.name, e.aliases, e.mentions.map((m) => m.surface)]);
    expect(names(b)).toEqual(names(a));
    expect(spies.extract).toBe(0);
  });

  it('is much smaller than the texts it saves parsing', () => {
    const { cache } = fresh();
    const chars = files.reduce((n, [, t]) => n + t.length, 0);
    expect(cache.length).toBeLessThan(1.5 * chars);
  });
});

describe('a damaged or outdated cache is ignored, and everything is parsed as if there were none', () => {
  const cases: [string, (cache: string) => string | Uint8Array][] = [
    ['truncated', (c) => c.slice(0, c.length >> 1)],
    ['empty', () => ''],
    ['not JSON', () => 'garbage\u0000\u0001'],
    ['binary, not UTF-8', () => new Uint8Array([0xff, 0xfe, 0xfd, 0x00, 0x80])],
    ['another format version', (c) => c.replace(`"version":${CACHE_VERSION}`, `"version":${CACHE_VERSION + 1}`)],
    ['another product', (c) => c.replace('"format":"parallax-index"', '"format":"other"')],
    ['a malformed entry', (c) => c.replace(/\[\d+,\d+,0,/, '["x","y",0,')],
    ['a JSON array', () => '[1,2,3]'],
  ];
  for (const [what, damage] of cases) {
    it(`${what}`, () => {
      const { corpus: a, cache } = fresh();
      const damaged = damage(cache);
      expect(damaged).not.toEqual(cache);
      const b = new Corpus();
      const r = b.importCache(damaged);
      expect(r.ok).toBe(false);
      expect(r.ok ? '' : r.reason).toMatch(/\w/);
      spies.parse = 0;
      load(b);
      expect(spies.parse).toBe(files.length);
      for (const [f] of files) expect(b.get(f)!.parsed).toEqual(a.get(f)!.parsed);
    });
  }

  it('a damaged names extraction in one entry costs that extraction, never a wrong name', () => {
    const { corpus: a, cache } = fresh();
    // The extractions are string literals in the cache's leading "names" array, each entry pointing at its own.
    const root = JSON.parse(cache);
    const i = root.names.findIndex((n: string, k: number) => k > 0 && n.length > 100);
    const literal = JSON.stringify(root.names[i]).length;
    let half = root.names[i].slice(0, root.names[i].length >> 1);
    while (JSON.stringify(half).length < literal) half += ' ';
    root.names[i] = half;
    const damaged = JSON.stringify(root.names);
    expect(damaged.length).toBe(JSON.stringify(JSON.parse(cache).names).length);
    const b = new Corpus();
    expect(b.importCache('{"names":' + damaged + cache.slice(('{"names":' + damaged).length)).ok).toBe(true);
    load(b);
    spies.extract = 0;
    const names = (c: Corpus) => c.recurringEntities().map((e) => [e.name, e.kind, e.aliases, e.mentions.length]);
    expect(names(b)).toEqual(names(a));
    expect(spies.extract).toBe(1);
  });

  it('written with other outlet signatures or by another version of the host', () => {
    const { cache } = fresh();
    const b = new Corpus({ read: { outletSignatures: { 'Ahram Online': 'Ahram' } } });
    expect(b.importCache(cache).ok).toBe(false);
    const c = new Corpus();
    const saltedA = new Corpus();
    load(saltedA);
    const salted = saltedA.exportCache({ extension: '0.1.0' });
    expect(c.importCache(salted, { extension: '0.2.0' }).ok).toBe(false);
    expect(c.importCache(salted, { extension: '0.1.0' }).ok).toBe(true);
  });
});

describe('warm start of the corpus-wide state (resolved names, event links)', () => {
  /** A corpus indexed and linked as the extension leaves it, and the cache it writes. */
  async function linked(list = files): Promise<{ corpus: Corpus; cache: string }> {
    const corpus = new Corpus();
    load(corpus, list);
    expect(await corpus.link({ yieldNow: async () => {} })).toBe(true);
    return { corpus, cache: corpus.exportCache() };
  }

  type Answers = { names: unknown[]; coverage: string[] };
  let unchanged: Promise<{ corpus: Corpus; cache: string } & Answers> | undefined;
  /**
   * linked() of the unchanged files, built once for the tests below that only query that corpus and read its cache,
   * with its names and coverage (asked once: every test compares a restored corpus with the same answers).
   */
  const linkedUnchanged = () => (unchanged ??= linked().then((r) => ({ ...r, names: names(r.corpus), coverage: coverage(r.corpus) })));

  /** Show Other Coverage from a few body passages of every article, in a form that does not depend on tie order. */
  function coverage(c: Corpus): string[] {
    const out: string[] = [];
    for (const [f] of files) {
      for (const p of c
        .get(f)!
        .parsed.passages.filter((x) => x.kind === 'body')
        .slice(0, 3)) {
        const links = c.related(f, p.start, 50).map((r) => `${r.file}#${r.passage}:${r.score}:${r.reason}`);
        out.push(`${f}#${p.index} -> ${links.sort().join(' | ')}`);
      }
    }
    return out;
  }

  const names = (c: Corpus) => c.recurringEntities().map((e) => [e.id, e.name, e.kind, e.aliases, e.mentions.length]);

  it('an unchanged corpus extracts, resolves and links nothing again, and answers exactly as before', async () => {
    const { corpus: a, cache, names: namesOfA, coverage: coverageOfA } = await linkedUnchanged();
    const b = new Corpus();
    b.importCache(cache);
    load(b);
    spies.extract = 0;
    spies.resolve = 0;
    expect(names(b)).toEqual(namesOfA);
    expect(coverage(b)).toEqual(coverageOfA);
    const [file] = files[0];
    for (const o of hoverable(a, file)) expect(b.hover(file, o)).toEqual(a.hover(file, o));
    expect(await b.link({ yieldNow: async () => {} })).toBe(true);
    expect(spies.extract).toBe(0);
    expect(spies.resolve).toBe(0);
    // As the extension does it: link() first (the state decoded in slices), then the queries.
    const c = new Corpus();
    c.importCache(cache);
    load(c);
    let pauses = 0;
    expect(await c.link({ sliceMs: 0, yieldNow: async () => void pauses++ })).toBe(true);
    expect(pauses).toBeGreaterThan(2);
    expect(names(c)).toEqual(namesOfA);
    expect(coverage(c)).toEqual(coverageOfA);
    expect(spies.extract).toBe(0);
    expect(spies.resolve).toBe(0);
  });

  it('with one article changed since, resolves names again from the cached extractions and links as a cold index does', async () => {
    const { cache } = await linkedUnchanged();
    const edited = files.map(([f, t], i): [string, string] => [
      f,
      i === 7 ? t.replace(/\.\s/, '. Hadi al-Bahra spoke in Doha on Sunday. ') : t,
    ]);
    const b = new Corpus();
    b.importCache(cache);
    load(b, edited);
    spies.extract = 0;
    spies.resolve = 0;
    expect(await b.link({ yieldNow: async () => {} })).toBe(true);
    // Only the edited article is extracted again; the rest come from the cache.
    expect(spies.extract).toBe(1);
    expect(spies.resolve).toBe(1);
    const { corpus: cold } = await linked(edited);
    // The cold corpus's coverage, asked once and compared with both restored corpora below (it is never edited).
    const coverageOfCold = coverage(cold);
    expect(names(b)).toEqual(names(cold));
    expect(coverage(b)).toEqual(coverageOfCold);
    // The same without link() (the CLI, a query before linking): the restored event index is re-fed only the
    // articles whose text or resolved names differ from what it was fed.
    const c = new Corpus();
    c.importCache(cache);
    load(c, edited);
    const fed = vi.spyOn(EventIndex.prototype, 'setArticle');
    expect(coverage(c)).toEqual(coverageOfCold);
    expect(fed.mock.calls.length).toBeGreaterThanOrEqual(1);
    expect(fed.mock.calls.length).toBeLessThan(files.length / 4);
    fed.mockRestore();
  });

  it('an article deleted since is gone from names and links', async () => {
    const { cache } = await linkedUnchanged();
    const [gone] = files[2];
    const b = new Corpus();
    b.importCache(cache);
    load(
      b,
      files.filter(([f]) => f !== gone),
    );
    for (const e of b.recurringEntities()) for (const m of e.mentions) expect(m.file).not.toBe(gone);
    const [file, text] = files[0];
    for (const p of b.get(file)!.parsed.passages.filter((x) => x.kind === 'body')) {
      for (const r of b.related(file, p.start, 50)) expect(r.file).not.toBe(gone);
    }
    expect(text.length).toBeGreaterThan(0);
  });

  it('is written in slices that give the event loop back, and reads back as the one-piece export does', async () => {
    // The shared corpus: exporting only reads it (and clears the restored entries, which a fresh corpus has none of).
    const { corpus: a, cache, names: namesOfA } = await linkedUnchanged();
    let pauses = 0;
    const sliced = await a.exportCacheInSlices(null, { sliceMs: 0, yieldNow: async () => void pauses++ });
    expect(pauses).toBeGreaterThan(1);
    expect(JSON.parse(sliced)).toEqual(JSON.parse(cache));
    const b = new Corpus();
    expect(b.importCache(sliced)).toEqual({ ok: true, entries: files.length });
    load(b);
    spies.resolve = 0;
    expect(names(b)).toEqual(namesOfA);
    expect(spies.resolve).toBe(0);
  });

  it('a damaged corpus-wide part costs a resolution, never a wrong answer', async () => {
    const { cache, names: namesOfA, coverage: coverageOfA } = await linkedUnchanged();
    const root = JSON.parse(cache);
    root.linked.entities = { v: 999 };
    root.linked.events = 'garbage';
    const b = new Corpus();
    expect(b.importCache(JSON.stringify(root)).ok).toBe(true);
    load(b);
    spies.resolve = 0;
    expect(names(b)).toEqual(namesOfA);
    expect(coverage(b)).toEqual(coverageOfA);
    expect(spies.resolve).toBe(1);
  });
});
