// The entity index holds mentions as columns (src/core/names/mention-columns.ts): on generated entities and mentions,
// everything a hover, the Names view, the CLI and the event index read of it is held to the plain lists it replaced.
import fc from 'fast-check';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { makeIndex } from '../../src/core/names/incremental';
import { mentionCount } from '../../src/core/names/mention-columns';
import type { Entity, Mention } from '../../src/core/names/model';
import { exportEntityIndex, importEntityIndex } from '../../src/core/names/persist';

const FILES = ['a.md', 'b.md', 'c/d.txt', 'c/e.txt', 'Z.md'];
const SPELLINGS = ['Bashar al-Assad', 'Assad', 'al-Assad', 'President Bashar al-Assad of Syria'];

/** Entities with mentions at distinct starts per file, as a resolution makes them (each list by file, then start). */
const corpusArb = fc
  .record({
    entities: fc.integer({ min: 1, max: 6 }),
    mentions: fc.array(
      fc.record({
        entity: fc.nat(5),
        file: fc.constantFrom(...FILES),
        slot: fc.nat(60),
        length: fc.integer({ min: 1, max: 12 }),
        surface: fc.constantFrom(...SPELLINGS),
        passage: fc.nat(4),
      }),
      { maxLength: 60 },
    ),
    glossary: fc.boolean(),
  })
  .map(({ entities: n, mentions, glossary }) => {
    const entities: Entity[] = Array.from({ length: n }, (_, i) => ({
      id: `e${i}`,
      name: SPELLINGS[i % SPELLINGS.length],
      kind: 'person' as const,
      aliases: [SPELLINGS[(i + 1) % SPELLINGS.length]],
      definition: null,
      related: [],
      mentions: [],
    }));
    if (glossary) entities[0].glossary = { file: 'glossary.md', start: 0, end: 5 };
    const taken = new Set<string>();
    for (const m of mentions) {
      const start = m.slot * 20;
      if (taken.has(`${m.file}:${start}`)) continue;
      taken.add(`${m.file}:${start}`);
      const mention: Mention = { file: m.file, start, end: start + m.length, surface: m.surface, passage: m.passage };
      entities[m.entity % n].mentions.push(mention);
    }
    for (const e of entities) e.mentions.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.start - b.start));
    return entities;
  });

const plain = (e: Entity) => ({ ...e, mentions: e.mentions.map((m) => ({ ...m })) });

describe('entity index mention columns', () => {
  it('gives every entity its mentions, a file its mentions and an offset its mention, as the plain lists do', () => {
    fc.assert(
      fc.property(corpusArb, fc.array(fc.nat(1300), { maxLength: 20 }), (entities, offsets) => {
        const reference = entities.map(plain);
        const index = makeIndex(entities, { byKey: new Map(), dropped: new Set() });
        // Each entity as a plain one: every field, its mentions made from the columns.
        expect(index.entities.map(plain)).toEqual(reference);
        for (const e of reference) {
          expect(index.byId(e.id)?.mentions).toEqual(e.mentions);
          expect(mentionCount(index.byId(e.id)!)).toBe(e.mentions.length);
        }
        const all = reference.flatMap((e) => e.mentions.map((m) => ({ ...m, entityId: e.id })));
        for (const file of FILES) {
          const inFile = all.filter((m) => m.file === file).sort((a, b) => a.start - b.start);
          expect(index.mentionsIn(file)).toEqual(inFile.map((m) => ({ start: m.start, end: m.end, entityId: m.entityId })));
          for (const offset of offsets) {
            const before = inFile.filter((m) => m.start <= offset);
            const hit = before[before.length - 1];
            const expected = hit && offset <= hit.end ? { entity: hit.entityId, mention: { ...hit, entityId: undefined } } : null;
            const got = index.at(file, offset);
            expect(got && { entity: got.entity.id, mention: { ...got.mention, entityId: undefined } }).toEqual(expected);
          }
        }
        expect(index.recurring().map((e) => e.id)).toEqual(reference.filter((e) => e.mentions.length >= 2 || e.glossary).map((e) => e.id));
      }),
    );
  });

  it('restores the same entities and mentions from the persisted form, and drops a removed file from each entity alone', () => {
    fc.assert(
      fc.property(corpusArb, fc.constantFrom(...FILES), (entities, removed) => {
        const reference = entities.map(plain);
        const index = makeIndex(entities, { byKey: new Map(), dropped: new Set() });
        const restored = importEntityIndex(JSON.parse(JSON.stringify(exportEntityIndex(index))));
        expect(restored?.entities.map(plain)).toEqual(reference);

        const after = index.withArticle(removed, null);
        const expected = reference
          .map((e) => ({ ...e, mentions: e.mentions.filter((m) => m.file !== removed) }))
          .filter(
            (e) => e.mentions.length > 0 || e.glossary || !reference.find((r) => r.id === e.id)!.mentions.some((m) => m.file === removed),
          );
        expect(after.entities.map(plain).sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(expected.sort((a, b) => (a.id < b.id ? -1 : 1)));
        expect(after.mentionsIn(removed)).toEqual([]);
        // The index it came from is unchanged.
        expect(index.entities.map(plain)).toEqual(reference);
      }),
    );
  });

  it('keeps no article text alive through the names, aliases and definitions it was given (they are views of texts)', () => {
    // The index outlives the texts (records let theirs go, record.ts); a name or definition cut out of a text is a
    // view that keeps the whole text alive unless the index copies it. 40 MB of two-byte texts, one entity each.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage().heapUsed;
    const build = () => {
      const entities: Entity[] = [];
      for (let i = 0; i < 200; i++) {
        const text = `Article ${i} ’ ` + `${i} word${i} `.repeat(10_000).slice(0, 100_000);
        const cut = (from: number, length: number) => text.slice(from, from + length);
        entities.push({
          id: `e${i}`,
          name: cut(0, 20),
          kind: 'person',
          aliases: [cut(100, 20)],
          definition: { text: cut(200, 60), origin: 'appositive', file: `a${i}.md`, start: 200, end: 260, outlet: null, date: null },
          related: [],
          mentions: [{ file: `a${i}.md`, start: 0, end: 20, surface: 'Article', passage: 0 }],
        });
      }
      return makeIndex(entities, { byKey: new Map(), dropped: new Set() });
    };
    const index = build();
    gc();
    const retainedMB = (process.memoryUsage().heapUsed - before) / (1 << 20);
    expect(index.entities).toHaveLength(200);
    expect(index.byId('e7')?.definition?.text).toContain('7 word7');
    expect(retainedMB).toBeLessThan(8);
  });
});
