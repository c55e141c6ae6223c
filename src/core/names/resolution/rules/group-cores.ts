// Group names that differ only by a generic word ("Nusra Front", "Jabhat al-Nusra", "al-Nusra") are one group:
// forms are bucketed by the skeleton of their core (the words left without generic ones), cores must be spellings
// of each other, and a form without a distinguishing generic word joins only an unambiguous bucket.
import { DEMONYMS, GENERIC_ADJ, GENERIC_CLASS, GROUP_GENERIC } from '../../lexicon';
import { keysCompatible, skeletonKey } from '../../normalize';
import { kindOf } from '../../votes';
import type { Form } from '../forms';
import type { ResolutionRule } from '../rule';
import type { ResolutionState } from '../state';

export const groupCores: ResolutionRule = {
  name: 'group names differing by a generic word',
  *run(s: ResolutionState) {
    const { uf } = s;
    const coreOf = new Map<number, string>();
    const cores = yield* s.blocks(s.forms.list, (f) => {
      if (f.acr) return undefined;
      const k = kindOf(f.votes);
      if (k.kind === 'person' || (k.decisive && k.kind === 'place')) return undefined;
      const words = f.key.split(' ');
      const core = words.filter((w) => !GROUP_GENERIC.has(w));
      if (!core.length || !core.some((w) => !GENERIC_ADJ.has(w) && !DEMONYMS.has(w) && !/(ian|ean|ese|ish)$/.test(w))) return undefined;
      if (core.length === words.length && words.length > 1) return undefined;
      coreOf.set(f.id, core.join(' '));
      return skeletonKey(core.join(' '));
    });
    for (const all of cores) {
      if (!all.some((f) => f.words > 1)) continue;
      if (s.spent(all.length * 4)) yield;
      // Within a skeleton bucket, cores must be spellings of each other ("Fateh al-Sham" = "Fatah al-Sham").
      const subs: Form[][] = [];
      for (const f of all) {
        const home = subs.find((sub) => keysCompatible(coreOf.get(sub[0].id)!, coreOf.get(f.id)!).ok);
        if (home) home.push(f);
        else subs.push([f]);
      }
      for (const b of subs) {
        if (b.length < 2 || !b.some((f) => f.words > 1)) continue;
        const classOf = (f: Form): string =>
          f.key
            .split(' ')
            .map((w) => GENERIC_CLASS[w])
            .filter(Boolean)
            .sort()
            .join('+');
        const classes = new Set(b.map(classOf).filter(Boolean));
        const byClass = new Map<string, Form>();
        for (const f of b) {
          const c = classOf(f);
          // Without a distinguishing generic word ("Nusra", "Nusra group") a form joins only an unambiguous bucket.
          const target = c || (classes.size <= 1 ? ([...classes][0] ?? '') : null);
          if (target === null) continue;
          const first = byClass.get(target);
          if (first) uf.union(first.id, f.id);
          else byClass.set(target, f);
        }
        const empty = byClass.get('');
        if (empty && classes.size === 1) uf.union(empty.id, byClass.get([...classes][0])!.id);
      }
    }
  },
};
