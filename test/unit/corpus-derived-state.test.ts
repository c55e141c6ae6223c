// Each derived index of the corpus (names, events, full-text search) says where it stands: absent, restored from the
// persisted index, approximate after edits, or exact. What a status line or a benchmark can rely on.
import { describe, expect, it } from 'vitest';
import { Corpus } from '../../src/core/corpus';
import { SAMPLES } from './samples';

const quiet = { yieldNow: async () => {} };

function loaded(): Corpus {
  const corpus = new Corpus();
  for (const s of SAMPLES.slice(0, 6)) corpus.setText(s.name, s.text);
  return corpus;
}

describe('derived index states', () => {
  it('absent until linked, exact after link(), approximate after an edit, exact again after the next link()', async () => {
    const corpus = loaded();
    expect(corpus.derivedStates()).toEqual({ names: 'absent', events: 'absent', search: 'absent' });
    expect(await corpus.link(quiet)).toBe(true);
    expect(corpus.derivedStates()).toEqual({ names: 'exact', events: 'exact', search: 'absent' });
    corpus.setText(SAMPLES[0].name, SAMPLES[0].text + '\n\nThe minister of defence, Ali Hassan, resigned on Monday.\n');
    expect(corpus.derivedStates()).toMatchObject({ names: 'approximate', events: 'approximate' });
    expect(await corpus.link(quiet)).toBe(true);
    expect(corpus.derivedStates()).toMatchObject({ names: 'exact', events: 'exact' });
  });

  it('after link() the names extractions are held packed, and the next full resolution reads them back exactly', async () => {
    const corpus = loaded();
    expect(await corpus.link(quiet)).toBe(true);
    const edited = SAMPLES[1].text + '\n\nThe minister of defence, Ali Hassan, resigned on Monday.\n';
    corpus.setText(SAMPLES[1].name, edited);
    expect(await corpus.link(quiet)).toBe(true);
    // A corpus that never packed anything: the same files, resolved once.
    const fresh = new Corpus();
    SAMPLES.slice(0, 6).forEach((s, i) => fresh.setText(s.name, i === 1 ? edited : s.text));
    const entities = (c: Corpus) =>
      c.entities().entities.map((e) => [e.id, e.name, e.kind, e.aliases, e.mentions.map((m) => [m.file, m.start, m.end])]);
    expect(entities(corpus)).toEqual(entities(fresh));
    expect(entities(corpus).length).toBeGreaterThan(10);
    // And the cache written from the packed form is the one written from the unpacked extractions (fresh is not linked).
    expect(corpus.exportCache().replace(/"linked":.*$/s, '')).toBe(fresh.exportCache().replace(/"linked":.*$/s, ''));
  });

  it('search is built on demand: approximate while prepareSearch is cut short, exact once complete', async () => {
    const corpus = loaded();
    let pauses = 0;
    expect(await corpus.prepareSearch({ sliceMs: 0, yieldNow: async () => {}, isCancelled: () => ++pauses > 1 })).toBe(false);
    expect(corpus.derivedStates().search).toBe('approximate');
    expect(await corpus.prepareSearch(quiet)).toBe(true);
    expect(corpus.derivedStates().search).toBe('exact');
  });

  it('restored from the persisted index until link() adopts it, then exact', async () => {
    const cold = loaded();
    await cold.link(quiet);
    const warm = new Corpus();
    expect(warm.importCache(cold.exportCache())).toMatchObject({ ok: true });
    for (const s of SAMPLES.slice(0, 6)) warm.setText(s.name, s.text);
    expect(warm.derivedStates()).toEqual({ names: 'restored', events: 'restored', search: 'absent' });
    expect(await warm.link(quiet)).toBe(true);
    expect(warm.derivedStates()).toEqual({ names: 'exact', events: 'exact', search: 'absent' });
  });

  it('a glossary change leaves names to resolve again (absent) and events behind them, until the next link()', async () => {
    const corpus = loaded();
    expect(await corpus.link(quiet)).toBe(true);
    corpus.setGlossary(
      'names.parallax.json',
      JSON.stringify({ entries: [{ name: 'Ali Hassan', kind: 'person', definition: 'A minister.' }] }),
    );
    expect(corpus.derivedStates()).toEqual({ names: 'absent', events: 'approximate', search: 'absent' });
    expect(await corpus.link(quiet)).toBe(true);
    expect(corpus.derivedStates()).toEqual({ names: 'exact', events: 'exact', search: 'absent' });
  });

  it('a bulk change (a branch switch) is resolved once in full rather than article by article', async () => {
    const corpus = loaded();
    expect(await corpus.link(quiet)).toBe(true);
    const copy = (i: number) => SAMPLES[i % SAMPLES.length].text.split('\n\n').slice(0, 3).join('\n\n') + `\n\nCopy ${i}.\n`;
    corpus.setText('copy-0.txt', copy(0));
    expect(corpus.derivedStates()).toMatchObject({ names: 'approximate', events: 'approximate' });
    // Past max(50, a twentieth of the corpus) articles attached one by one, one full resolution is cheaper.
    for (let i = 1; i <= 50; i++) corpus.setText(`copy-${i}.txt`, copy(i));
    expect(corpus.derivedStates()).toMatchObject({ names: 'absent', events: 'approximate' });
    expect(await corpus.link(quiet)).toBe(true);
    expect(corpus.derivedStates()).toMatchObject({ names: 'exact', events: 'exact' });
  });
});
