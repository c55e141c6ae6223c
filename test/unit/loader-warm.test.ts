// The one ingestion path at a warm start: a file whose size and modification time are what the persisted index
// recorded is taken to be unchanged without hashing it (git's rule); any other file is read, hashed and parsed as
// at a cold start. Glossaries come through the same path, with the same skip rules.
import { describe, expect, it } from 'vitest';
import { Corpus } from '../../src/core/corpus';
import { indexFile, indexWorkspace } from '../../src/core/loader';
import { MemoryWorkspace } from '../../src/core/workspace';
import { SAMPLES } from './samples';

const quiet = { yieldNow: async () => {} };
/** Long enough ago that the index written now records it (stamps within two seconds of the write are not kept). */
const OLD = Date.now() - 60_000;

async function coldThenWarm(edit: (ws: MemoryWorkspace) => void) {
  const ws = new MemoryWorkspace();
  SAMPLES.slice(0, 4).forEach((s, i) => ws.write(`a${i}.txt`, s.text, OLD + i));
  const cold = new Corpus();
  await indexWorkspace(ws, cold, quiet);
  const cache = cold.exportCache();
  edit(ws);
  const warm = new Corpus();
  expect(warm.importCache(cache)).toMatchObject({ ok: true });
  await indexWorkspace(ws, warm, quiet);
  return { cold, warm };
}

describe('warm start through the ingestion path', () => {
  it('restores unchanged files from the index without parsing them, and answers as the cold index does', async () => {
    const { cold, warm } = await coldThenWarm(() => {});
    expect(warm.stats).toEqual({ parsed: 0, restored: 4 });
    for (const r of cold.all()) {
      expect(warm.get(r.file)?.hash).toBe(r.hash);
      expect(warm.get(r.file)?.parsed).toEqual(r.parsed);
    }
  });

  it('trusts size and mtime as git does: same stamp means same text, even if the bytes were swapped behind its back', async () => {
    // A same-size rewrite keeping the mtime is invisible to git too; this proves the stamp, not the text, decided.
    const { cold, warm } = await coldThenWarm((ws) => {
      const text = SAMPLES[0].text;
      ws.write(
        'a0.txt',
        text.replace(/[a-z]/, (c) => (c === 'x' ? 'y' : 'x')),
        OLD,
      );
    });
    expect(warm.get('a0.txt')?.hash).toBe(cold.get('a0.txt')?.hash);
  });

  it('reads, hashes and parses a file whose mtime changed, even at the same size', async () => {
    const { cold, warm } = await coldThenWarm((ws) => {
      const text = SAMPLES[0].text;
      ws.write(
        'a0.txt',
        text.replace(/[a-z]/, (c) => (c === 'x' ? 'y' : 'x')),
        OLD + 5000,
      );
    });
    expect(warm.get('a0.txt')?.hash).not.toBe(cold.get('a0.txt')?.hash);
    expect(warm.stats).toEqual({ parsed: 1, restored: 3 });
  });

  it('does not trust a stamp taken within two seconds of writing the index (it could change again unseen)', async () => {
    const ws = new MemoryWorkspace();
    ws.write('fresh.txt', SAMPLES[0].text); // mtime: now
    const cold = new Corpus();
    await indexWorkspace(ws, cold, quiet);
    const cache = cold.exportCache();
    const { mtime } = await ws.stat('fresh.txt');
    ws.write(
      'fresh.txt',
      SAMPLES[0].text.replace(/[a-z]/, (c) => (c === 'x' ? 'y' : 'x')),
      mtime,
    );
    const warm = new Corpus();
    warm.importCache(cache);
    await indexWorkspace(ws, warm, quiet);
    expect(warm.get('fresh.txt')?.hash).not.toBe(cold.get('fresh.txt')?.hash);
  });

  it('reads glossaries with the articles, and skips one that is excluded', async () => {
    const glossary = JSON.stringify({ entries: [{ name: 'Bashar al-Assad', kind: 'person', definition: 'President of Syria.' }] });
    const ws = new MemoryWorkspace({ 'a.txt': SAMPLES[0].text, 'names.parallax.json': glossary, 'out/old.parallax.json': glossary });
    const corpus = new Corpus();
    const seen: string[] = [];
    await indexWorkspace(ws, corpus, { ...quiet, onGlossary: (file, report) => seen.push(`${file}:${report.errors.length}`) });
    expect(seen).toEqual(['names.parallax.json:0']);
    expect(corpus.glossaryFiles()).toEqual(['names.parallax.json']);
  });

  it('one changed file goes through the same checks: the size cap skips it with the one reason text', async () => {
    const ws = new MemoryWorkspace({ 'a.txt': SAMPLES[0].text });
    const corpus = new Corpus({ maxFileBytes: 1 << 20 });
    await indexWorkspace(ws, corpus, quiet);
    ws.write('a.txt', 'x'.repeat(2 << 20));
    expect(await indexFile(ws, corpus, 'a.txt')).toEqual({
      kind: 'skipped',
      reason: 'larger than the size cap (2.0 MB > 1.0 MB); raise parallax.maxFileSizeMB to read it',
    });
    expect(corpus.get('a.txt')).toBeUndefined();
  });

  it('gives an unchanged file its exact text, with line positions, though it decodes it only when first asked for', async () => {
    const { cold, warm } = await coldThenWarm(() => {});
    for (const r of cold.all()) {
      const w = warm.get(r.file)!;
      expect(w.text).toBe(r.text);
      expect(w.lines.position(r.text.length >> 1)).toEqual(r.lines.position(r.text.length >> 1));
      expect(warm.snippet(r.file, 0, 20)).toBe(cold.snippet(r.file, 0, 20));
    }
  });

  it('reads a file whose reading gave warnings again at every start, so its warnings are reported again', async () => {
    const ws = new MemoryWorkspace();
    const invalid = new Uint8Array([...new TextEncoder().encode(SAMPLES[0].text), 0xc3, 0x28, 0x0a]);
    ws.write('bad.txt', invalid, OLD);
    ws.write('good.txt', SAMPLES[1].text, OLD);
    const cold = new Corpus();
    await indexWorkspace(ws, cold, quiet);
    const warm = new Corpus();
    warm.importCache(cold.exportCache());
    const warned: string[] = [];
    await indexWorkspace(ws, warm, { ...quiet, onWarnings: (file, w) => warned.push(`${file}: ${w.join('; ')}`) });
    expect(warned).toEqual(['bad.txt: invalid UTF-8: undecodable bytes shown as \uFFFD']);
    expect(warm.get('bad.txt')?.text).toBe(cold.get('bad.txt')?.text);
    expect(warm.stats).toEqual({ parsed: 0, restored: 2 });
  });

  it('writes back what it restored and never needed, so a second warm start answers as the cold index does', async () => {
    const ws = new MemoryWorkspace();
    SAMPLES.slice(0, 4).forEach((s, i) => ws.write(`a${i}.txt`, s.text, OLD + i));
    const cold = new Corpus();
    await indexWorkspace(ws, cold, quiet);
    const names = (c: Corpus) => c.recurringEntities().map((e) => [e.name, e.aliases, e.mentions.map((m) => [m.file, m.start, m.surface])]);
    const expected = names(cold);
    const coldCache = cold.exportCache();
    const first = new Corpus();
    first.importCache(coldCache);
    await indexWorkspace(ws, first, quiet);
    // Never needed by the first warm start, the extractions are written back exactly as they were read.
    const firstCache = first.exportCache();
    expect(JSON.parse(firstCache).names).toEqual(JSON.parse(coldCache).names);
    const second = new Corpus();
    expect(second.importCache(firstCache)).toMatchObject({ ok: true, entries: 4 });
    await indexWorkspace(ws, second, quiet);
    expect(second.stats).toEqual({ parsed: 0, restored: 4 });
    expect(names(second)).toEqual(expected);
  });
});
