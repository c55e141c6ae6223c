// A given name the texts state for a person ("Kathryn Jenkin, known as Katie") also opens that person's full name
// with the same family name ("Katie Jenkin"): a stated nickname, not a guess from spelling.
import { kindOf } from '../../votes';
import type { Form } from '../forms';
import type { ResolutionRule } from '../rule';
import type { ResolutionState } from '../state';

export const statedGivenNames: ResolutionRule = {
  name: 'stated nicknames open full names',
  *run(s: ResolutionState) {
    const { uf } = s;
    const list = s.forms.list;
    // Clusters holding both a one-word name and a person's two-word name, found without a list per cluster.
    const lone = new Uint8Array(list.length);
    for (const f of list) if (f.words === 1 && !f.acr) lone[uf.find(f.id)] = 1;
    if (s.spent(list.length >> 2)) yield;
    const full = new Map<number, Form[]>();
    for (const f of list) {
      if (f.words !== 2 || f.acr) continue;
      const r = uf.find(f.id);
      if (!lone[r] || kindOf(f.votes).kind !== 'person') continue;
      const l = full.get(r);
      if (l) l.push(f);
      else full.set(r, [f]);
    }
    if (!full.size) return;
    const lones = new Map<number, Form[]>();
    for (const f of list) {
      if (f.words !== 1 || f.acr) continue;
      const r = uf.find(f.id);
      if (!full.has(r)) continue;
      const l = lones.get(r);
      if (l) l.push(f);
      else lones.set(r, [f]);
    }
    if (s.spent(list.length >> 2)) yield;
    for (const [r, fulls] of full) {
      const ns = lones.get(r) ?? [];
      // One person and a nickname or two; a cluster of many names (a glued run of a whole page) states nothing.
      if (!ns.length || ns.length > 8 || fulls.length > 8) continue;
      for (const f of fulls) {
        const [given, family] = f.key.split(' ') as [string, string];
        for (const n of ns) {
          if (n.key === given || n.key === family) continue;
          const other = s.formOf(`${n.key} ${family}`);
          if (other && !other.acr) uf.union(f.id, other.id);
        }
      }
    }
  },
};
