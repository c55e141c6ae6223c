// Glued runs of names (texts without commas: "Deir Ezzor Aleppo", "Syrian Revolution General Commission SRGC"): how a
// run splits into the names it holds. Pure functions of the run's spelling and what the corpus knows of each part.
import {
  CONNECTORS,
  COUNTRIES,
  DEMONYMS,
  GROUP_HEADS,
  isCountryKey,
  isNationalityWord,
  ORGANISATION_SUFFIXES,
  PLACE_HEADS,
} from './lexicon';
import { initials, joinedLightKey, levenshtein, nameKey, skeletonWord } from './normalize';
import { kindOf, type Votes } from './votes';

/** What the splitting reads of a form of the corpus. */
export interface GluedForm {
  key: string;
  count: number;
  acr: boolean;
  words: number;
  votes: Votes;
}

/** Two parts: a person's full name (two words or more) and a place, group or acronym of its own, in either order. */
export function personBesideOther(plan: Part[], formOf: (key: string) => GluedForm | undefined): boolean {
  if (plan.length !== 2) return false;
  const kinds = plan.map((p) => {
    const f = formOf(p.key);
    if (!f) return 'none';
    if (f.acr || p.acr) return 'other';
    const k = kindOf(f.votes);
    if (k.kind === 'person' && f.words >= 2) return 'person';
    return k.decisive && k.kind !== 'person' ? 'other' : 'none';
  });
  return (kinds[0] === 'person' && kinds[1] === 'other') || (kinds[0] === 'other' && kinds[1] === 'person');
}

/**
 * A name followed by its own initials in capitals, as texts without brackets write "Syrian Revolution General
 * Commission SRGC": the two parts, or null.
 */
export function trailingAcronym(surface: string): Part[] | null {
  const m = /^(.*\S)\s+(\p{Lu}{2,6})$/u.exec(surface);
  if (!m) return null;
  const key = nameKey(m[1]!);
  const acr = nameKey(m[2]!);
  if (key.split(' ').length < 2 || initials(key) !== acr) return null;
  const s2 = surface.length - m[2]!.length;
  return [
    { s: 0, e: m[1]!.length, key, acr: false },
    { s: s2, e: surface.length, key: acr, acr: true },
  ];
}

/** One part of a glued run, as offsets into its surface. */
export interface Part {
  s: number;
  e: number;
  key: string;
  acr: boolean;
}

/**
 * Split a glued run of names ("Deir Ezzor Aleppo") into known forms, or null. `spelledCount` gives how often the
 * corpus writes a name of several words under any of its spellings ("Nour El Din El Zinki" as "Noureddin al-Zinki",
 * "Nureddin al-Zanki"): a part is known by it when no spelling alone is common enough.
 */
/**
 * A run that is nothing but countries the lexicon names, glued where a text lost its commas ("Bahrain Egypt Kuwait
 * Saudi Arabia"): those countries, however rarely the corpus names each.
 */
function countryList(surface: string, words: readonly { s: number; e: number }[]): Part[] | null {
  const out: Part[] = [];
  for (let i = 0; i < words.length;) {
    let j = Math.min(words.length, i + 3);
    for (; j > i; j--) {
      const key = nameKey(surface.slice(words[i]!.s, words[j - 1]!.e));
      if (isCountryKey(key)) {
        out.push({ s: words[i]!.s, e: words[j - 1]!.e, key, acr: false });
        break;
      }
    }
    if (j === i) return null;
    i = j;
  }
  return out.length >= 2 ? out : null;
}

export function segment(
  surface: string,
  wholeCount: number,
  noApostrophes: boolean,
  common: (w: string) => boolean,
  formOf: (key: string) => GluedForm | undefined,
  spelledCount: (key: string) => number = () => 0,
): Part[] | null {
  const words: { s: number; e: number }[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(surface))) words.push({ s: m.index, e: m.index + m[0].length });
  if (words.length < 2) return null;
  const countries = countryList(surface, words);
  if (countries) return countries;
  const out: Part[] = [];
  let skipped = 0;
  let i = 0;
  // A glued run splits when it is rare itself (≤ 2) and its parts are common, or when every part is far
  // commoner than the run ("Russia Iran"); ordinary words inside it ("Activists") are dropped.
  const enough = (n: number): boolean => n >= 2 && n > wholeCount && (wholeCount <= 2 || n >= 3 * wholeCount);
  // Ordinary words may be dropped only at the edges, and never a head noun ("… Support Group").
  const skippable = (k: number): boolean => {
    const w = surface.slice(words[k].s, words[k].e);
    const lw = w.toLowerCase();
    return (
      !/^\p{Ll}/u.test(w) && common(w) && !formOf(nameKey(w))?.acr && !GROUP_HEADS.has(lw) && !PLACE_HEADS.has(lw) && !DEMONYMS.has(lw)
    );
  };
  let last = words.length;
  // A nationality adjective ends no name: it opens the next phrase ("Urum al-Kubra Aleppo Russian warplanes").
  const trailingAdj = (k: number): boolean => k > 0 && isNationalityWord(surface.slice(words[k].s, words[k].e));
  while (last > 0 && (skippable(last - 1) || trailingAdj(last - 1))) {
    last--;
    skipped++;
  }
  // Words dropped back to a connector were no page words: they closed a name that runs through it ("Ashara Syrian
  // Observatory for Human Rights"), so they stay.
  if (last < words.length && last > 0 && CONNECTORS.has(surface.slice(words[last - 1].s, words[last - 1].e))) {
    skipped -= words.length - last;
    last = words.length;
  }
  // An ordinary word that opens a name the corpus knows is that name's first word, not a word to drop ("Siege White
  // Helmets": "White" opens the White Helmets).
  while (i < last && skippable(i) && !opensKnown(i)) {
    i++;
    skipped++;
  }
  // A word before a name the corpus knows well that only says what the name is, in a run no text writes twice: a
  // nationality before a person's full name ("Syrian Rami Abdel Rahman"), a word the corpus never uses as a name
  // before a group's ("Salafi Ahrar al Sham"), or a word that closes names and so opens none ("state TV Barazi").
  if (wholeCount <= 1 && i === 0 && last >= 2 && qualifierBefore(surface.slice(words[0].s, words[0].e), 1)) {
    i++;
    skipped++;
  }
  // Every word ordinary ("Mark Felt", "Deep Throat"): the run names someone when a cue says so or it recurs
  // (the words only ever meet capitalised as that name); only a one-off run with no cue is page text.
  if (i >= last) {
    const whole = formOf(nameKey(surface));
    if (whole && (whole.count >= 3 || whole.votes.person + whole.votes.group + whole.votes.place > 0)) return null;
  }
  // The longest part known under its own spelling; failing that, the longest known under some spelling.
  function partAt(from: number, spelled: boolean): Part | null {
    for (let j = last; j > from; j--) {
      if (from === 0 && j === words.length) continue;
      if (spelled && j - from < 2) break;
      const s = words[from].s;
      let e = words[j - 1].e;
      const part = surface.slice(s, e);
      // A part may open with an Arabic article ("al-Manar TV", "al Rai") but not with another lower-case word.
      if ((/^\p{Ll}/u.test(part) && !/^(?:al|el|ad|ar|as|ash|az|an|at)[-‐‑ ]\p{Lu}/u.test(part)) || /\s\p{Ll}+$/u.test(part)) continue;
      let key = nameKey(part);
      if (spelled) {
        if (enough(spelledCount(key))) return { s, e, key, acr: false };
        continue;
      }
      let f = formOf(key);
      if ((!f || f.count < 2) && noApostrophes && key.endsWith('s')) {
        const stem = formOf(key.slice(0, -1));
        if (stem && stem.count >= 2) {
          e -= 1;
          key = stem.key;
          f = stem;
        }
      }
      if (f && enough(f.count)) return { s, e, key, acr: f.acr };
      // An outlet's name with a closing word ("Asharq Al-Awsat English") is known by the name without it.
      if (j - from >= 2 && ORGANISATION_SUFFIXES.has(key.slice(key.lastIndexOf(' ') + 1))) {
        const stem = formOf(key.slice(0, key.lastIndexOf(' ')));
        const kind = stem && !stem.acr && enough(stem.count) ? kindOf(stem.votes) : null;
        if (kind && kind.decisive && kind.kind === 'group') return { s, e, key, acr: false };
      }
    }
    return null;
  }
  // A part known under its own spelling opens at word k (two words or more: one word alone may be the ordinary word).
  function opensKnown(k: number): boolean {
    for (let j = last; j > k + 1; j--) {
      if (k === 0 && j === words.length) continue;
      const f = formOf(nameKey(surface.slice(words[k].s, words[j - 1].e)));
      if (f && enough(f.count)) return true;
    }
    return false;
  }
  // Whether the word at the run's start qualifies the known name that follows it rather than belonging to it.
  function qualifierBefore(w: string, k: number): boolean {
    const lw = w.toLowerCase();
    // A name of its own, or its possessive where apostrophes were lost ("Lebanons al-Manar TV"), is no qualifier.
    const alone = formOf(nameKey(w));
    if (alone && (alone.acr || alone.count >= 2)) return false;
    if (noApostrophes && /s$/.test(lw) && (formOf(nameKey(w.slice(0, -1)))?.count ?? 0) >= 2) return false;
    const rest = partAt(k, false);
    if (!rest || rest.s !== words[k].s) return false;
    const f = formOf(rest.key);
    if (!f || f.count < 3) return false;
    const kind = kindOf(f.votes);
    if (!kind.decisive) return ORGANISATION_SUFFIXES.has(lw) && f.count >= 5;
    if (ORGANISATION_SUFFIXES.has(lw)) return true;
    if (kind.kind === 'person') return f.words >= 2 && isNationalityWord(w);
    return kind.kind === 'group' && !DEMONYMS.has(lw) && !COUNTRIES.has(lw) && !GROUP_HEADS.has(lw);
  }
  while (i < last) {
    const found = partAt(i, false) ?? partAt(i, true);
    if (!found) return null;
    out.push(found);
    i = words.findIndex((w) => w.s >= found.e);
    if (i < 0) i = words.length;
  }
  return out.length + skipped >= 2 ? out : null;
}

/**
 * How often the corpus writes a name of several words under any spelling the variant merges accept (one joined
 * transliteration, or for long names one a letter away with the same consonants; not two, which lets "Syrian Rami"
 * pass for "Syrian Army"): a glued part is known by it (`segment`'s `spelledCount`). Filled with the corpus's
 * multi-word names and their counts, by the glued-runs rule and by the one-article update's lookups.
 */
export class SpelledCounts {
  private readonly spelled = new Map<string, number>();
  private readonly near = new Map<string, string[]>();

  add(key: string, count: number): void {
    const j = joinedLightKey(key);
    const n = this.spelled.get(j);
    this.spelled.set(j, (n ?? 0) + count);
    if (n !== undefined || j.length < 6) return;
    const sk = skeletonWord(j);
    const near = this.near.get(sk);
    if (near) near.push(j);
    else this.near.set(sk, [j]);
  }

  of(key: string): number {
    const j = joinedLightKey(key);
    let n = this.spelled.get(j) ?? 0;
    if (j.length >= 7)
      for (const o of this.near.get(skeletonWord(j)) ?? [])
        if (o !== j && o[0] === j[0] && levenshtein(o, j, 1) <= 1) n += this.spelled.get(o)!;
    return n;
  }
}
