// Acronyms by corpus statistics: an acronym no text defines joins the one multi-word name with those initials seen
// with it in some article, when that name is far the commonest of several ("Syrian Arab News Agency", not a glued
// run "Syrias Aleppo NGO AFP", for "SANA").
import { initials } from '../../normalize';
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
      // With several candidates, the one seen with it in some article and named at least three times as often as any other.
      const countOf = new Map<number, number>();
      const together = new Set<number>();
      for (const c of cands) {
        const r = uf.find(c.id);
        countOf.set(r, (countOf.get(r) ?? 0) + c.count);
        if (c.arts.some((a) => mine.has(a))) together.add(r);
      }
      const ranked = [...countOf].sort((x, y) => y[1] - x[1]);
      const [top, topN] = ranked[0]!;
      if (!together.has(top) || (ranked.length > 1 && topN < 3 * ranked[1]![1])) continue;
      uf.union(f.id, top);
    }
  },
};
