// A warm start restores the resolved entity index from its persisted form instead of resolving the corpus again:
// the restored index must answer every hover, mention list and later edit exactly as the original did, and a
// damaged or outdated cache must be refused (null) rather than throw or give wrong answers.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportEntityIndex, importEntityIndex, type EntityIndex, type EntityIndexState } from '../../src/core/names';
import { fakesNamesInputs, fakesResolved, namesInput, type NamesInput } from './names-inputs';

let arts: NamesInput[];
let index: EntityIndex;
let json: string;
let restored: EntityIndex;

const input = namesInput;

beforeAll(() => {
  arts = fakesNamesInputs();
  // resolveEntities(arts, []), once per worker for this file and the names tests that only read it (names-inputs.ts).
  index = fakesResolved();
  json = JSON.stringify(exportEntityIndex(index));
  restored = importEntityIndex(JSON.parse(json))!;
}, 120_000);

/** What a lookup answers, as plain data. */
const hit = (ix: EntityIndex, file: string, offset: number) => {
  const h = ix.at(file, offset);
  return h && { id: h.entity.id, mention: h.mention };
};

describe('persisted entity index', () => {
  it('restores every entity with its names, kind, definition, relations and mentions', () => {
    expect(restored).not.toBeNull();
    expect(restored.entities).toEqual(index.entities);
    expect(restored.recurring().map((e) => e.id)).toEqual(index.recurring().map((e) => e.id));
    // Every entity by its id, compared in one assertion (one per entity cost seconds).
    expect(index.entities.map((e) => restored.byId(e.id))).toEqual(index.entities);
    expect(restored.byId('no-such-entity')).toBeUndefined();
    const mentions = index.entities.reduce((n, e) => n + e.mentions.length, 0);
    console.log(
      `FA-KES persisted index: ${index.entities.length} entities, ${mentions} mentions, ${(json.length / 1024).toFixed(0)} KB JSON (${(json.length / mentions).toFixed(1)} bytes per mention)`,
    );
    expect(json.length / mentions).toBeLessThan(40);
  });

  it('answers hovers and per-file mention lists exactly as the original', () => {
    // Per file: its mention list, and the hover at the start, middle, end and just past the end of each of the
    // original's mentions and at offset 0; both indexes asked the same, compared in one assertion (one per lookup,
    // about 90,000, cost seconds).
    const answers = (ix: EntityIndex) =>
      arts.map((a) => ({
        file: a.file,
        mentions: ix.mentionsIn(a.file),
        hovers: [
          ...index.mentionsIn(a.file).flatMap((m) => [m.start, (m.start + m.end) >> 1, m.end, m.end + 1].map((o) => hit(ix, a.file, o))),
          hit(ix, a.file, 0),
        ],
      }));
    expect(answers(restored)).toEqual(answers(index));
    expect(restored.at('not-a-file.md', 3)).toBeNull();
  });

  it('attaches an edited, an added and a removed article as the original would', () => {
    const target = arts.find((a) => /Assad/.test(a.text))!;
    const edited = input(
      target.file,
      `${target.text}\n\nBashar al-Assad met Qorvath Lindqvist in Damascus. Lindqvist said the HTS advance had stopped.\n`,
    );
    const added = input(
      'zz-new-article.md',
      'Shelling in Idlib\n\nSyrian Observatory for Human Rights said Assad forces shelled Idlib. Qorvath Lindqvist denied it.\n',
    );
    let a = index;
    let b = restored;
    for (const step of [edited, added]) {
      a = a.withArticle(step.file, { meta: step.meta, names: step.names });
      b = b.withArticle(step.file, { meta: step.meta, names: step.names });
    }
    const removed = arts.find((x) => x !== target && index.mentionsIn(x.file).length > 0)!;
    a = a.withArticle(removed.file, null);
    b = b.withArticle(removed.file, null);
    expect(b.mentionsIn(removed.file)).toEqual([]);
    expect(b.entities).toEqual(a.entities);
    for (const f of [target.file, added.file, removed.file]) expect(b.mentionsIn(f)).toEqual(a.mentionsIn(f));
    const at = edited.text.lastIndexOf('Qorvath Lindqvist');
    expect(hit(b, target.file, at)).toEqual(hit(a, target.file, at));
    expect(hit(b, target.file, at)?.id).toBe(hit(b, added.file, added.text.lastIndexOf('Lindqvist'))?.id);
    // The index restored from the edited index is the edited index.
    const again = importEntityIndex(JSON.parse(JSON.stringify(exportEntityIndex(a))))!;
    expect(again.entities).toEqual(a.entities);
    expect(again.mentionsIn(target.file)).toEqual(a.mentionsIn(target.file));
  });

  it('refuses a malformed or other-version state with null, never a throw', () => {
    const state = JSON.parse(json) as EntityIndexState;
    const bad: unknown[] = [
      undefined,
      null,
      42,
      'x',
      [],
      {},
      { ...state, version: state.version + 1 },
      { ...state, format: 'something-else' },
      { ...state, mentions: state.mentions.slice(0, -3) },
      { ...state, mentions: `${state.mentions}A` },
      { ...state, mentions: state.mentions.replace(/.$/, '"') },
      { ...state, files: state.files.slice(1) },
      { ...state, entities: state.entities.slice(0, 10) },
      { ...state, entities: [{ ...state.entities[0], kind: 'martian' }, ...state.entities.slice(1)] },
      { ...state, entities: [{ ...state.entities[0], definition: { text: 5, origin: 'title' } }, ...state.entities.slice(1)] },
      { ...state, entities: [{ ...state.entities[0], related: [{ id: 7 }] }, ...state.entities.slice(1)] },
      { ...state, entities: [{ ...state.entities[0], n: state.entities[0].n + 1 }, ...state.entities.slice(1)] },
      { ...state, hints: state.hints.slice(0, -1) },
      { ...state, hintKeys: 5 },
    ];
    for (const b of bad) expect(importEntityIndex(b)).toBeNull();
    // Any single damaged character of the mention columns: refused, or an index that still answers without throwing.
    fc.assert(
      fc.property(fc.nat(state.mentions.length - 1), fc.constantFrom(...'AZaz09-_!"\\é'), (pos, ch) => {
        const damaged = { ...state, mentions: state.mentions.slice(0, pos) + ch + state.mentions.slice(pos + 1) };
        const ix = importEntityIndex(damaged);
        if (ix) ix.at(state.files[0], 10);
      }),
      { numRuns: 50 },
    );
  });

  // How long both take is a target of `npm run bench:targets` (test/bench/targets.ts), on the same index.
  it('exports and imports back every entity', () => {
    const back = importEntityIndex(JSON.parse(JSON.stringify(exportEntityIndex(index))));
    expect(back?.entities.map((e) => e.id)).toEqual(index.entities.map((e) => e.id));
  });
});
