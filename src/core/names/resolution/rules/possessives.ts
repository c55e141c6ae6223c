// A glued possessive "s" ("Assads", "Syrias", "Putins’") comes off when the bare name is at least as common.
import type { Form } from '../forms';
import { PS } from '../records';
import type { ResolutionRule } from '../rule';
import { STEP, type ResolutionState } from '../state';

/** The key without a final "s" that may be a glued possessive ("assads" → "assad"), or null. */
export function possessiveStem(key: string): string | null {
  return key.endsWith('s') && key.length >= 4 ? key.slice(0, -1) : null;
}

/**
 * Whether a possessive "s" comes off a spelling used `count` times whose stem is used `stemCount` times: when the
 * stem is at least half as common, unless the "s" is part of the name (`ownName`: seen so where apostrophes are
 * kept, or a glossary name). The one-article update asks the same of the counts the full resolution left.
 */
export function cutsPossessive(count: number, stemCount: number, ownName: boolean): boolean {
  return !ownName && stemCount * 2 >= count;
}

export const possessives: ResolutionRule = {
  name: 'glued possessives cut',
  *run(s: ResolutionState) {
    const { byK } = s.forms;
    const recs = s.recs;
    /** Per key: the form of its stem without the "s", once looked up. */
    const stems = new Map<number, Form | null>();
    yield* s.slices(recs.n, (from) => {
      const to = Math.min(recs.n, from + STEP);
      for (let i = from; i < to; i++) {
        if (!(recs.flags[i] & PS)) continue;
        const f = byK[recs.k[i]]!;
        if (!possessiveStem(f.key)) continue;
        let fs = stems.get(f.k);
        if (fs === undefined) {
          const stemK = s.keyIds.get(f.key.slice(0, -1));
          fs = (stemK === undefined ? undefined : byK[stemK]) ?? null;
          stems.set(f.k, fs);
        }
        if (!fs || !cutsPossessive(f.count, fs.count, f.realS || s.glossaryKeys.has(f.key))) continue;
        recs.end[i] -= 1;
        recs.surface[i] = s.shared(recs.surface[i].slice(0, -1));
        recs.k[i] = fs.k;
      }
      return to;
    });
  },
};
