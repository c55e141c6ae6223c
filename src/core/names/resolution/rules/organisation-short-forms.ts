// Short forms of an organisation's name: "Observatory" and "Syrian Observatory" for "Syrian Observatory for Human
// Rights". A form of one or two words ending in an organisation word joins the one group whose full name starts
// with it or is headed by it ("Observatory for …"), when both appear in some article together.
import { GROUP_HEADS } from '../../lexicon';
import { emptyVotes, kindOf, type Votes } from '../../votes';
import type { ResolutionRule } from '../rule';
import type { ResolutionState } from '../state';

export const organisationShortForms: ResolutionRule = {
  name: "an organisation's short names",
  *run(s: ResolutionState) {
    const { uf, glossaryKeys } = s;
    const formList = s.forms.list;
    const rootVotes = new Map<number, Votes>();
    const rootArts = new Map<number, Set<number>>();
    const rootCount = new Map<number, number>();
    for (const f of formList) {
      const r = uf.find(f.id);
      rootCount.set(r, (rootCount.get(r) ?? 0) + f.count);
      let v = rootVotes.get(r);
      if (!v) rootVotes.set(r, (v = emptyVotes()));
      v.person += f.votes.person;
      v.group += f.votes.group;
      v.place += f.votes.place;
      v.notPerson += f.votes.notPerson;
      let a = rootArts.get(r);
      if (!a) rootArts.set(r, (a = new Set()));
      for (const x of f.arts) a.add(x);
      if (s.spent(1 + f.arts.length)) yield;
    }
    const fullOf = new Map<string, Set<number>>();
    const addFull = (k: string, r: number): void => {
      let set = fullOf.get(k);
      if (!set) fullOf.set(k, (set = new Set()));
      set.add(r);
    };
    for (const f of formList) {
      if (f.acr || f.words < 3) continue;
      const r = uf.find(f.id);
      if (kindOf(rootVotes.get(r)!).kind !== 'group') continue;
      const ws = f.key.split(' ');
      for (let k = 1; k < ws.length - 1; k++) if (GROUP_HEADS.has(ws[k - 1])) addFull(ws.slice(0, k).join(' '), r);
      for (let k = 0; k + 1 < ws.length; k++) {
        if ((ws[k + 1] === 'for' || ws[k + 1] === 'of') && GROUP_HEADS.has(ws[k])) addFull(ws[k], r);
      }
      if (s.spent(2)) yield;
    }
    for (const f of formList) {
      if (f.acr || f.words > 2 || glossaryKeys.has(f.key)) continue;
      const cands = fullOf.get(f.key);
      if (!cands) continue;
      const r = uf.find(f.id);
      if (cands.has(r)) continue;
      if (s.spent(cands.size + f.arts.length)) yield;
      // The full name must be well attested: the commonest candidate, by far, and at least as common as the
      // short form ("Islamic State" is not short for the rarer "Islamic State of Iraq").
      const ranked = [...cands]
        .filter((c) => c !== r)
        .map((c) => [c, rootCount.get(c) ?? 0] as const)
        .sort((a, b) => b[1] - a[1]);
      if (!ranked.length || (ranked.length > 1 && ranked[0][1] < 4 * ranked[1][1])) continue;
      const [target, targetCount] = ranked[0];
      if (targetCount < (rootCount.get(r) ?? 0)) continue;
      const own = kindOf(rootVotes.get(r)!);
      if (own.decisive && own.kind !== 'group') continue;
      const targetArts = rootArts.get(target)!;
      if (!f.arts.some((a) => targetArts.has(a))) continue;
      uf.union(target, f.id);
    }
  },
};
