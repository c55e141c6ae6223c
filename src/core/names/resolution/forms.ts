// A form: one normalised key with what its mentions say together (counts, articles, kind votes). The merge rules
// join forms; the entity rules read clusters of them.
import { emptyVotes, kindOf, type Votes } from '../votes';

export interface Form {
  key: string;
  k: number;
  id: number;
  count: number;
  /** Articles it occurs in, ascending (records arrive in article order). */
  arts: number[];
  votes: Votes;
  acr: boolean;
  words: number;
  /** Seen, ending in "s", in a text that keeps its apostrophes: the "s" is part of the name ("Hamas"). */
  realS: boolean;
  /** The key ends in "s" (a possessive may be glued on). */
  endsS: boolean;
  /** Mentions a title or head noun marks as a person, resp. as something else. */
  strongPerson: number;
  strongOther: number;
  /** Of those, mentions a head noun or "in …" marks as a place. */
  strongPlace: number;
}

/** The forms of one pass: by key number, and in order of first mention (which numbers them for the union-find). */
export interface Forms {
  byK: (Form | undefined)[];
  list: Form[];
}

export function newForm(key: string, k: number, id: number): Form {
  return {
    key,
    k,
    id,
    count: 0,
    arts: [],
    votes: emptyVotes(),
    acr: false,
    words: wordCount(key),
    realS: false,
    endsS: key.endsWith('s'),
    strongPerson: 0,
    strongOther: 0,
    strongPlace: 0,
  };
}

/** Whether strong cues say the forms are mostly no person's (a place, a group). */
export function strongNonPerson(fs: Form[]): boolean {
  let person = 0;
  let other = 0;
  let total = 0;
  for (const f of fs) {
    total += f.count;
    person += f.strongPerson;
    other += f.strongOther;
  }
  // A few place-like uses of a surname ("al-Assad suburb", "in Assad regime airstrikes") do not make it a place.
  return other > person && other >= 0.2 * total;
}

/** Two names whose uses decisively say different kinds, one of them a place: never stated equals. */
export function kindsClash(a: Votes, b: Votes): boolean {
  const ka = kindOf(a);
  const kb = kindOf(b);
  return ka.decisive && kb.decisive && ka.kind !== kb.kind && (ka.kind === 'place' || kb.kind === 'place');
}

/** Generational suffixes that may follow a person's name ("Jr", "III"). */
export const GENERATIONAL = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/**
 * Files cluster `r` under every proper tail of a name's words ("red sox" and "sox" for "boston red sox") that opens
 * before word `upTo` (all of them by default).
 */
export function indexTails(index: Map<string, Set<number>>, words: readonly string[], r: number, upTo = words.length, from = 1): void {
  for (let k = from; k < upTo; k++) {
    const tail = words.slice(k).join(' ');
    let set = index.get(tail);
    if (!set) index.set(tail, (set = new Set()));
    set.add(r);
  }
}

/** The number of words of a key (`key.split(' ').length`, without the array: every pass counting forms makes them all). */
function wordCount(key: string): number {
  let n = 1;
  for (let i = key.indexOf(' '); i >= 0; i = key.indexOf(' ', i + 1)) n++;
  return n;
}
