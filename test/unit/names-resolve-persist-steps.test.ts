// The persisted entity index is written and read in steps (a warm start at 10k articles adopts a million mentions
// in the extension host, where one 0.3 s block is felt), and the lookups an edit needs can be built in steps after
// linking: the stepwise forms must give exactly what the one-shot forms give, in many short steps.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  exportEntityIndex,
  exportEntityIndexSteps,
  importEntityIndex,
  importEntityIndexSteps,
  nameKey,
  resolveEntities,
  type EntityIndex,
  type EntityIndexState,
} from '../../src/core/names';
import { drain, fakesNamesInputs, namesInput, type NamesInput } from './names-inputs';
import { IndexState } from '../../src/core/names/incremental';

type Input = NamesInput;
let arts: Input[];
let index: EntityIndex;
let state: EntityIndexState;
let json: string;
let mentionCount: number;

const input = namesInput;

beforeAll(() => {
  const base = fakesNamesInputs();
  // FA-KES three times over (in other folders), so the index has enough mentions to need several steps.
  arts = [0, 1, 2].flatMap((k) => base.map((a) => ({ ...a, file: `copy${k}/${a.file}` })));
  index = resolveEntities(arts, []);
  state = exportEntityIndex(index);
  json = JSON.stringify(state);
  mentionCount = index.entities.reduce((n, e) => n + e.mentions.length, 0);
}, 120_000);

describe('entity index persisted in steps', () => {
  it('exports exactly the one-shot state, in many steps', () => {
    const { value, pauses: yields } = drain(exportEntityIndexSteps(index));
    expect(value).toEqual(state);
    expect(JSON.stringify(value)).toBe(json);
    // Yields every few thousand mentions: a long export is many short blocks, not one.
    expect(yields).toBeGreaterThanOrEqual(Math.floor(mentionCount / 10_000));
    expect(yields).toBeGreaterThanOrEqual(5);
  });

  it('exports an edited index as the one-shot export does', () => {
    const target = arts.find((a) => /Assad/.test(a.text))!;
    const edited = input(target.file, `${target.text}\n\nBashar al-Assad met Qorvath Lindqvist in Damascus.\n`);
    const after = index.withArticle(edited.file, { meta: edited.meta, names: edited.names }).withArticle(arts[1].file, null);
    expect(drain(exportEntityIndexSteps(after)).value).toEqual(exportEntityIndex(after));
  });

  it('imports an index answering exactly as the one-shot import, in many steps', () => {
    const once = importEntityIndex(JSON.parse(json))!;
    const { value: stepped, pauses: yields } = drain(importEntityIndexSteps(JSON.parse(json)));
    expect(stepped).not.toBeNull();
    expect(stepped!.entities).toEqual(once.entities);
    expect(stepped!.entities).toEqual(index.entities);
    // Every file's mention list, compared in one assertion.
    expect(arts.map((a) => stepped!.mentionsIn(a.file))).toEqual(arts.map((a) => once.mentionsIn(a.file)));
    expect(stepped!.recurring().map((e) => e.id)).toEqual(once.recurring().map((e) => e.id));
    expect(yields).toBeGreaterThanOrEqual(Math.floor(mentionCount / 10_000));
    expect(yields).toBeGreaterThanOrEqual(5);
    // Written again, the stepwise import gives back the same state.
    expect(exportEntityIndex(stepped!)).toEqual(state);
  });

  it('refuses damaged states with null, as the one-shot import does, also when the damage is past the first steps', () => {
    const s = JSON.parse(json) as EntityIndexState;
    const bad: unknown[] = [
      null,
      { ...s, version: s.version + 1 },
      { ...s, mentions: s.mentions.slice(0, -3) },
      { ...s, mentions: `${s.mentions}A` },
      { ...s, hints: s.hints.slice(0, -1) },
      { ...s, entities: [...s.entities.slice(0, -1), { ...s.entities[s.entities.length - 1], kind: 'martian' }] },
    ];
    for (const b of bad) {
      expect(importEntityIndex(b)).toBeNull();
      expect(drain(importEntityIndexSteps(b)).value).toBeNull();
    }
  });
});

describe('edit lookups prepared in steps', () => {
  /**
   * An edited article naming known people by spellings the resolution never saw: tails of their full names and
   * one-vowel variants, which only the edit lookups (by suffix, by consonant skeleton) can attach.
   */
  function unseenSpellings(ix: EntityIndex): { text: string; spellings: string[] } {
    const hints = (ix as IndexState).hints;
    const unseen = (s: string): boolean => !hints.byKey.has(nameKey(s)) && !hints.dropped.has(nameKey(s));
    const spellings: string[] = [];
    for (const e of ix.recurring()) {
      if (e.kind !== 'person') continue;
      const words = e.name.split(/\s+/);
      if (words.length < 2) continue;
      const last = words[words.length - 1];
      const tail = words.slice(-2).join(' ');
      const variant = last.replace(/[aeiou](?=[^aeiou]*$)/, (v) => (v === 'a' ? 'e' : 'a'));
      for (const s of [words.length >= 3 ? tail : '', variant])
        if (s && s !== last && unseen(s) && !spellings.includes(s)) spellings.push(s);
      if (spellings.length >= 30) break;
    }
    return { text: spellings.map((s) => `Later ${s} spoke to reporters in the city.`).join(' '), spellings };
  }

  /** Two edits and a removal, as a reader makes them, on a fresh import of the persisted state. */
  function edits(ix: EntityIndex): { after: EntityIndex; files: string[]; attachedToKnown: number } {
    const { text } = unseenSpellings(ix);
    const first = arts[5];
    const second = arts.find((a) => /Assad/.test(a.text) && a !== first)!;
    const e1 = input(first.file, `${first.text}\n\n${text}\n`);
    const e2 = input(second.file, `${second.text}\n\nBashar al-Assad met Qorvath Lindqvist. ${text}\n`);
    let after = ix.withArticle(e1.file, { meta: e1.meta, names: e1.names });
    after = after.withArticle(e2.file, { meta: e2.meta, names: e2.names });
    after = after.withArticle(arts[7].file, null);
    const from = e1.text.length - text.length - 1;
    const known = new Set(ix.entities.map((e) => e.id));
    const attachedToKnown = after.mentionsIn(e1.file).filter((m) => m.start >= from && known.has(m.entityId)).length;
    return { after, files: [e1.file, e2.file, arts[7].file], attachedToKnown };
  }

  it('gives every edit the same result as lookups built on the first edit', () => {
    const plain = edits(importEntityIndex(JSON.parse(json))!);
    const prepared = importEntityIndex(JSON.parse(json))!;
    const { pauses: yields } = drain(prepared.prepareEditsSteps());
    const withPrep = edits(prepared);
    // The edits do go through the lookups: unseen spellings attach to people already known.
    expect(plain.attachedToKnown).toBeGreaterThan(0);
    expect(withPrep.attachedToKnown).toBe(plain.attachedToKnown);
    expect(withPrep.after.entities).toEqual(plain.after.entities);
    for (const f of plain.files) expect(withPrep.after.mentionsIn(f)).toEqual(plain.after.mentionsIn(f));
    expect(yields).toBeGreaterThan(3);
  });

  it('stays correct when an edit comes while the lookups are half built, and after a full resolution', () => {
    const plain = edits(importEntityIndex(JSON.parse(json))!);
    const ix = importEntityIndex(JSON.parse(json))!;
    const steps = ix.prepareEditsSteps();
    steps.next();
    steps.next();
    const during = edits(ix);
    drain(steps);
    expect(during.after.entities).toEqual(plain.after.entities);
    for (const f of plain.files) expect(during.after.mentionsIn(f)).toEqual(plain.after.mentionsIn(f));

    // Straight from a resolution, and a second preparation of the same index is a no-op.
    const resolved = resolveEntities(arts, []);
    drain(resolved.prepareEditsSteps());
    expect(drain(resolved.prepareEditsSteps()).pauses).toBe(0);
    const fromResolved = edits(resolved);
    expect(fromResolved.after.entities).toEqual(plain.after.entities);
  }, 60_000);
});
