// An organisation named without an inner word of its full name: "Syrian Coalition" for the Syrian National
// Coalition, "Syrian Army" for the Syrian Arab Army. The shorter name ends in an organisation word, keeps the full
// name's first and last words, and joins the one full name it is written beside in the same stories ("Syrian
// Coalition" never shares a story with the Syrian Arab Coalition; an outlet's own stories count as naming it in
// full). Only a qualifying word may be left out ("national", "Arab"), and a name that is decisively a place or a
// person by its uses is left alone.
import { DEMONYMS, GENERIC_ADJ, GROUP_HEADS } from '../../lexicon';
import { nameKey } from '../../normalize';
import { kindOf } from '../../votes';
import type { Form } from '../forms';
import type { ResolutionRule } from '../rule';
import type { ResolutionState } from '../state';

export const organisationInnerWords: ResolutionRule = {
  name: 'an organisation without an inner word of its name',
  *run(s: ResolutionState) {
    const { uf } = s;
    // Each full name of three to six words under its keys with one run of inner words left out.
    const shortened = new Map<string, Form[]>();
    for (const f of s.forms.list) {
      if (f.acr || f.words < 3 || f.words > 6 || otherKind(f)) continue;
      const ws = f.key.split(' ');
      if (!GROUP_HEADS.has(ws[ws.length - 1]!)) continue;
      if (s.spent(ws.length * ws.length)) yield;
      for (let i = 1; i < ws.length - 1; i++)
        for (let j = i; j < ws.length - 1; j++) {
          if (!ws.slice(i, j + 1).every(qualifier)) continue;
          const k = [...ws.slice(0, i), ...ws.slice(j + 1)].join(' ');
          const l = shortened.get(k);
          if (l) l.push(f);
          else shortened.set(k, [f]);
        }
    }
    const outletKeys = new Map<string, string>();
    const outletKey = (a: number): string | undefined => {
      const o = s.arts[a]!.meta.outlet;
      if (!o) return undefined;
      let k = outletKeys.get(o);
      if (k === undefined) outletKeys.set(o, (k = nameKey(o)));
      return k;
    };
    for (const f of s.forms.list) {
      if (f.acr || f.words < 2) continue;
      const fulls = shortened.get(f.key);
      if (!fulls || otherKind(f)) continue;
      if (s.spent(fulls.length + f.arts.length)) yield;
      // The full names written beside it, by cluster, with the stories they share.
      const own = new Set(f.arts);
      const beside = new Map<number, number>();
      for (const l of fulls) {
        const r = uf.find(l.id);
        let n = 0;
        for (const a of l.arts) if (own.has(a)) n++;
        if (n) beside.set(r, (beside.get(r) ?? 0) + n);
      }
      // An outlet names itself short in its own stories: "Syrian Coalition" in the Syrian National Coalition's.
      for (const a of f.arts) {
        const o = outletKey(a);
        const l = o === undefined ? undefined : fulls.find((x) => x.key === o);
        if (l) beside.set(uf.find(l.id), (beside.get(uf.find(l.id)) ?? 0) + 1);
      }
      if (beside.size !== 1) continue;
      const [target] = beside.keys();
      if (uf.find(f.id) !== target) uf.union(target!, f.id);
    }
  },
};

/** A name that its uses decisively make a place or a person. */
function otherKind(f: Form): boolean {
  const k = kindOf(f.votes);
  return k.decisive && (k.kind === 'place' || k.kind === 'person');
}

/**
 * An inner word that only qualifies the organisation ("national", "Arab"), so a name without it still names it;
 * "Damascus Countryside Police Command" without "Countryside" is another command.
 */
function qualifier(w: string): boolean {
  return GENERIC_ADJ.has(w) || DEMONYMS.has(w);
}
