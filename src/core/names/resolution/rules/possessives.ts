// A glued possessive "s" ("Assads", "Syrias", "Putins’") comes off when the bare name is at least as common.
import type { Form } from '../forms';
import { PS } from '../records';
import type { ResolutionRule } from '../rule';
import { STEP, type ResolutionState } from '../state';

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
        if (!f.endsS || f.key.length < 4) continue;
        let fs = stems.get(f.k);
        if (fs === undefined) {
          const stemK = s.keyIds.get(f.key.slice(0, -1));
          fs = (stemK === undefined ? undefined : byK[stemK]) ?? null;
          stems.set(f.k, fs);
        }
        if (!fs || f.realS || s.glossaryKeys.has(f.key) || fs.count * 2 < f.count) continue;
        recs.end[i] -= 1;
        recs.surface[i] = s.shared(recs.surface[i].slice(0, -1));
        recs.k[i] = fs.k;
      }
      return to;
    });
  },
};
