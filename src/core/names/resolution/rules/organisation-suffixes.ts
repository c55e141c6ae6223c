// An outlet or company named with and without the word that closes its name: "Sputnik News" and "Sputnik",
// "Al-Masdar News" and "Al-Masdar", "Microsoft Corp" and "Microsoft", "Sawaiq al-Rahman Brigade" and "Sawaiq
// al-Rahman". The closing word (a fixed list of medium and company words, `ORGANISATION_SUFFIXES`, and an armed
// unit's after two words or more) says what kind of organisation the rest names, not which, so the rest
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
      for (let cut = rest.lastIndexOf(' '); cut > 0 && closingWord(rest, cut); cut = rest.lastIndexOf(' ')) {
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

/**
 * Whether the word after `cut` closes the name as a kind of organisation: a medium or company word, or an armed
 * unit's ("Sawaiq al-Rahman Brigade" and "the Sawaiq al-Rahman brigade") after two words or more, since one word
 * before "Brigade" may be the person it is named after ("Hamza Brigade").
 */
function closingWord(key: string, cut: number): boolean {
  const w = key.slice(cut + 1);
  return ORGANISATION_SUFFIXES.has(w) || (UNIT_WORDS.has(w) && key.lastIndexOf(' ', cut - 1) > 0);
}

const UNIT_WORDS = new Set(['brigade', 'brigades', 'battalion', 'battalions']);

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
