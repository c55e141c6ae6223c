// An outlet or company named with and without the word that closes its name: "Sputnik News" and "Sputnik",
// "Al-Masdar News" and "Al-Masdar", "Microsoft Corp" and "Microsoft". The closing word (a fixed list of medium and
// company words, `ORGANISATION_SUFFIXES`) says what kind of organisation the rest names, not which, so the rest
// is the same name; two names with different closing words and one rest are one too ("Al-Alam News Network",
// "al-Alam TV") when the rest is not written alone. Guards: the rest must name something, not an ordinary word, a
// nationality or a country ("Press TV", "Syrian TV", "Syria TV"), and not a place or person by its own uses
// ("Mayadeen TV" beside the town of al-Mayadeen).
import { ORGANISATION_SUFFIXES } from '../../lexicon';
import type { Form } from '../forms';
import type { ResolutionRule } from '../rule';
import type { ResolutionState } from '../state';

export const organisationSuffixes: ResolutionRule = {
  name: "an outlet's or company's name without its closing word",
  *run(s: ResolutionState) {
    const { uf } = s;
    // Names whose rest is not written alone, by that rest: "Al-Alam News Network" and "al-Alam TV" are one outlet.
    const byRest = new Map<string, Form[]>();
    for (const f of s.forms.list) {
      if (s.spent(1)) yield;
      if (f.words < 2 || f.acr || placeOrPerson(f)) continue;
      // Closing words may come two at a time ("Al-Alam News Network"): the rest is the name with some or all of them
      // off, whichever the corpus writes on its own first, from the longest.
      let rest = f.key;
      let joined = false;
      for (let cut = rest.lastIndexOf(' '); cut > 0 && ORGANISATION_SUFFIXES.has(rest.slice(cut + 1)); cut = rest.lastIndexOf(' ')) {
        rest = rest.slice(0, cut);
        const h = s.formOf(rest);
        if (!h) continue;
        joined = true;
        if (restNamesIt(s, rest, h.words) && !placeOrPerson(h)) uf.union(h.id, f.id);
        break;
      }
      if (joined || rest === f.key || !restNamesIt(s, rest, rest.split(' ').length)) continue;
      const l = byRest.get(rest);
      if (l) l.push(f);
      else byRest.set(rest, [f]);
    }
    for (const same of byRest.values()) for (let i = 1; i < same.length; i++) uf.union(same[0]!.id, same[i]!.id);
  },
};

/** Whether the rest of a name, its closing words off, still says which organisation ("Press" or "Syria" does not). */
function restNamesIt(s: ResolutionState, rest: string, words: number): boolean {
  if (ORGANISATION_SUFFIXES.has(rest)) return false;
  return words > 1 || s.namesSomething(rest);
}

/**
 * Whether strong cues (a head noun, "in …", a title) make a fair share of a form's uses a place's or a person's.
 * Weak cues do not count: "Microsoft said" and "at Microsoft" make no person or place of a company.
 */
function placeOrPerson(f: Form): boolean {
  return 5 * f.strongPlace >= f.count || 5 * f.strongPerson >= f.count;
}
