// The extraction's mentions, into columns: each with its key numbered and its flags packed, and each article's
// descriptions by mention so that only described mentions look them up. Names the reader hid are left out.
import type { RawDefinition } from '../../raw';
import { DEFS, flagBits } from '../records';
import type { ResolutionRule } from '../rule';
import { STEP, type ResolutionState } from '../state';

export const readMentions: ResolutionRule = {
  name: 'mentions into columns',
  *run(s: ResolutionState) {
    const { arts, recs } = s;
    yield* s.slices(arts.length, (from) => {
      let ai = from;
      for (let budget = STEP; ai < arts.length && budget > 0; ai++) {
        const ms = arts[ai].names.mentions;
        let defs: Map<number, RawDefinition[]> | null = null;
        for (const d of arts[ai].names.definitions) {
          defs ??= new Map();
          const arr = defs.get(d.m);
          if (arr) arr.push(d);
          else defs.set(d.m, [d]);
        }
        s.defs[ai] = defs;
        for (let idx = 0; idx < ms.length; idx++) {
          const m = ms[idx];
          if (s.hiddenKeys.size && s.hiddenKeys.has(m.key)) continue;
          const flags = flagBits(m) | (defs?.has(idx) ? DEFS : 0);
          recs.push(ai, idx, m.start, m.end, m.surface, s.intern(m.key), m.passage, flags);
        }
        budget -= ms.length + 1;
      }
      return ai;
    });
  },
};
