// A group or place named by the first word of its longer name in the stories that give it in full: "Morningside"
// beside "Morningside Recovery", "Ahrar" beside "Ahrar al-Sham". The one word is short for the longer name when the
// corpus has only one longer name opening with it and at least two thirds of the articles using it alone (two at
// least) also give that longer name. Persons are left to the given-name rules ("Doug" is not "Doug McDermott" by
// this rule), ordinary words, nationalities and countries are no short forms, and neither is the first word of a
// glued list of names or a word its uses decisively make another kind of thing than the longer name.
import { kindOf } from '../../votes';
import type { EntityKind } from '../../model';
import type { Form } from '../forms';
import type { ResolutionRule } from '../rule';
import type { ResolutionState } from '../state';

export const nameOpenings: ResolutionRule = {
  name: "a group's or place's first word in the stories naming it in full",
  *run(s: ResolutionState) {
    const { uf } = s;
    // First word → the longer forms opening with it (persons' names left out).
    const opening = new Map<string, Form[]>();
    for (const f of s.forms.list) {
      if (s.spent(1)) yield;
      if (f.words < 2 || f.acr || kindOf(f.votes).kind === 'person') continue;
      const first = f.key.slice(0, f.key.indexOf(' '));
      const l = opening.get(first);
      if (l) l.push(f);
      else opening.set(first, [f]);
    }
    // A later word that is a name used alone makes a glued list of names ("al-Sabil al-Mogambo al-Furqan").
    const named = (w: string): boolean => (s.formOf(w)?.count ?? 0) >= 2;
    for (const x of s.forms.list) {
      if (x.words !== 1 || x.acr || x.arts.length < 2) continue;
      const all = opening.get(x.key);
      if (!all) continue;
      // The shortest longer names: "Morningside Recovery", not also "Morningside Recovery Center".
      const fewest = Math.min(...all.map((l) => l.words));
      const longer = all.filter((l) => l.words === fewest);
      if (longer.some((l) => l.key.split(' ').slice(1).some(named))) continue;
      if (s.spent(longer.length + x.arts.length)) yield;
      const root = uf.find(longer[0]!.id);
      if (longer.some((l) => uf.find(l.id) !== root) || uf.find(x.id) === root) continue;
      const own = kindOf(x.votes);
      if (longer.some((l) => kindsDiffer(own, kindOf(l.votes)))) continue;
      // The word alone said to be a place ("in Akrameh") where the longer name never is: the longer name is something
      // named after it or after the same person ("the Akrameh al-Makhzumi school"), not the place in full.
      if (x.strongPlace > 0 && longer.every((l) => l.strongPlace === 0 && kindOf(l.votes).kind !== 'place')) continue;
      if (own.kind === 'person' || !s.namesSomething(x.key)) continue;
      const together = new Set<number>();
      for (const l of longer) for (const a of l.arts) together.add(a);
      let shared = 0;
      for (const a of x.arts) if (together.has(a)) shared++;
      if (3 * shared >= 2 * x.arts.length) uf.union(root, x.id);
    }
  },
};

/** Both decisively said to be things of different kinds: the town of Wasilla is not the Wasilla Bible Church. */
function kindsDiffer(a: { kind: EntityKind; decisive: boolean }, b: { kind: EntityKind; decisive: boolean }): boolean {
  return a.decisive && b.decisive && a.kind !== b.kind;
}
