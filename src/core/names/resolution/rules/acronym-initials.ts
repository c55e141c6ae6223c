// Acronyms by corpus statistics: an acronym no text defines joins the one multi-word name with those initials seen
// with it in some article, when that name is far the commonest of several ("Syrian Arab News Agency", not a glued
// run "Syrias Aleppo NGO AFP", for "SANA").
import { initials } from '../../normalize';
import { kindOf } from '../../votes';
import type { Form } from '../forms';
import type { ResolutionRule } from '../rule';
import type { ResolutionState } from '../state';

export const acronymInitials: ResolutionRule = {
  name: 'acronyms by the initials of a name beside them',
  *run(s: ResolutionState) {
    const { uf } = s;
    const formList = s.forms.list;
    const byInitials = new Map<string, Form[]>();
    for (const f of formList) {
      if (f.acr || f.words < 2) continue;
      const ini = initials(f.key);
      if (s.spent(1)) yield;
      if (ini.length < 2) continue;
      const b = byInitials.get(ini);
      if (b) b.push(f);
      else byInitials.set(ini, [f]);
    }
    const hasMulti = new Set<number>();
    for (const f of formList) if (f.words > 1) hasMulti.add(uf.find(f.id));
    for (const f of formList) {
      if (!f.acr || hasMulti.has(uf.find(f.id))) continue;
      const cands = byInitials.get(f.key.replace(/ /g, ''));
      if (!cands) continue;
      if (s.spent(cands.length + f.arts.length)) yield;
      const mine = new Set(f.arts);
      // With several candidates, the one seen with it in some article and named at least three times as often as
      // any other; or else the one seen with it in two articles at least and in three times as many as any other
      // ("Associated Press" for "AP", though "Aleppo Province" is named nearly as often in the corpus).
      const countOf = new Map<number, number>();
      const sharedArts = new Map<number, Set<number>>();
      for (const c of cands) {
        const r = uf.find(c.id);
        countOf.set(r, (countOf.get(r) ?? 0) + c.count);
        let shared = sharedArts.get(r);
        if (!shared) sharedArts.set(r, (shared = new Set()));
        // People are seldom written by their initials ("RB" beside Reggie Bush is his position, running back).
        if (kindOf(c.votes).kind !== 'person') for (const a of c.arts) if (mine.has(a)) shared.add(a);
      }
      const top = commonest(countOf, 1) ?? commonest(new Map([...sharedArts].map(([r, arts]) => [r, arts.size])), 2);
      if (top === null || !cands.some((c) => uf.find(c.id) === top && c.arts.some((a) => mine.has(a)))) continue;
      uf.union(f.id, top);
    }
  },
};

/** The key whose number is at least `least` and three times any other's, or null. */
function commonest(n: Map<number, number>, least: number): number | null {
  const ranked = [...n].sort((x, y) => y[1] - x[1]);
  const [top, topN] = ranked[0]!;
  return topN >= least && (ranked.length === 1 || topN >= 3 * ranked[1]![1]) ? top : null;
}
