// An outlet or company named with and without the word that closes its name: "Sputnik News" and "Sputnik",
// "Al-Masdar News" and "Al-Masdar", "Microsoft Corp" and "Microsoft". The closing word (a fixed list of medium and
// company words, `ORGANISATION_SUFFIXES`) says what kind of organisation the rest names, not which, so the rest
// is the same name. Guards: the rest must be a name of its own in the corpus, not an ordinary word, a nationality
// or a country ("Press TV", "Syrian TV", "Syria TV"), and not a place or person by its own uses ("Mayadeen TV"
// beside the town of al-Mayadeen).
import { COUNTRIES, DEMONYMS, GENERIC_ADJ, ORGANISATION_SUFFIXES } from '../../lexicon';
import type { Form } from '../forms';
import type { ResolutionRule } from '../rule';
import type { ResolutionState } from '../state';

export const organisationSuffixes: ResolutionRule = {
  name: "an outlet's or company's name without its closing word",
  *run(s: ResolutionState) {
    const { uf } = s;
    for (const f of s.forms.list) {
      if (s.spent(1)) yield;
      if (f.words < 2 || f.acr) continue;
      const cut = f.key.lastIndexOf(' ');
      if (!ORGANISATION_SUFFIXES.has(f.key.slice(cut + 1))) continue;
      const rest = f.key.slice(0, cut);
      const h = s.formOf(rest);
      if (!h || uf.find(h.id) === uf.find(f.id)) continue;
      if (h.words === 1 && (s.common(rest) || DEMONYMS.has(rest) || GENERIC_ADJ.has(rest) || COUNTRIES.has(rest))) continue;
      if (ORGANISATION_SUFFIXES.has(rest)) continue;
      if (placeOrPerson(h) || placeOrPerson(f)) continue;
      uf.union(h.id, f.id);
    }
  },
};

/**
 * Whether strong cues (a head noun, "in …", a title) make a fair share of a form's uses a place's or a person's.
 * Weak cues do not count: "Microsoft said" and "at Microsoft" make no person or place of a company.
 */
function placeOrPerson(f: Form): boolean {
  return 5 * f.strongPlace >= f.count || 5 * f.strongPerson >= f.count;
}
