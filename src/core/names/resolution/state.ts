// What the resolution rules share while one corpus resolves: the articles, the mention columns (`Recs`), the
// numbered keys and their forms, the union-find over forms, and what each rule leaves for the rules after it. The
// rules (`rules/`) run in the order `../resolve.ts` lists them, each a generator over this state so that the
// resolution can be spread over event-loop turns.
import type { GlossaryEntry } from '../../glossary';
import type { Entity, EntityIndex, FileMentions, ResolveInput } from '../model';
import type { RawDefinition } from '../raw';
import type { Votes } from '../votes';
import type { Form, Forms } from './forms';
import { Recs, STRONG } from './records';
import { UnionFind } from './union-find';
import { COUNTRIES, DEMONYMS, GENERIC_ADJ } from '../lexicon';
import { nameKey } from '../normalize';

/**
 * Units of work (about one mention looked at once) between two yields of `resolveEntitiesSteps`: a fraction of a
 * millisecond to a few milliseconds, so a caller watching the clock can give the event loop back every ~10 ms.
 */
export const STEP = 4096;
/** Buckets larger than this are generic keys ("s", "m"); comparing inside them is neither useful nor cheap. */
export const MAX_BUCKET = 60;

/** An acronym the text defines ("Hayat Tahrir al-Sham (HTS)"). */
export interface AcronymDef {
  /** Form ids of the acronym and of its expansion. */
  acr: number;
  exp: number;
  /** Where the acronym is defined. */
  art: number;
  start: number;
  end: number;
  surface: string;
  expSurface: string;
}

/** What the key-level merges leave for building entities. */
export interface Stated {
  relations: { a: number; b: number; relation: 'formerly' | 'later' }[];
  glossaryRoots: { entry: GlossaryEntry; id: number }[];
  acronymDefs: AcronymDef[];
}

/** The clusters after every key-level merge, by root form id. */
export interface Clusters {
  forms: Map<number, Form[]>;
  votes: Map<number, Votes>;
  count: Map<number, number>;
  glossaryRoots: Set<number>;
}

/** Where short forms may go: per cluster root, the roots of the full names it may be short for. */
export interface ShortTargets {
  /** Surnames and tails of persons' full names ("Assad", "Abdel Rahman"). */
  short: Map<number, number[]>;
  /** Tails of groups' and works' full names ("Red Sox", "Herald"). */
  group: Map<number, number[]>;
  /** Given names alone ("Lindsay"). */
  given: Map<number, number[]>;
  /** Given names that are also a word of a group's or place's name ("Manar"). */
  givenHomographs: Map<number, number[]>;
  /** Given name (light word) → roots of persons' full names opening with it. */
  fullByFirst: Map<string, Set<number>>;
}

/** Where each candidate target is named in each article, for choosing a short form's target in context. */
export interface Whereabouts {
  /** Per article: candidate root → how often the article names it in full. */
  rootsInArt: Map<number, Map<number, number>>;
  /** Per article: (start, root) pairs of the candidates' mentions, in mention order. */
  placesInArt: Map<number, number[]>;
  /** Per candidate: the given names of its full names (for surnames alone). */
  givenWords: Map<number, string[]>;
  /** Per candidate: the surnames of its full names (for given names alone). */
  surnameWords: Map<number, string[]>;
  /** Per article: the halves of candidates' names that it uses as one-word names. */
  halvesInArt: Map<number, Set<string>>;
}

/** The mentions grouped by entity root, and where each key's mentions went (for the incremental update). */
export interface Groups {
  /** Keys in order of first mention, with the root most of their mentions went to and the others. */
  keyOrder: number[];
  keyRoot: Int32Array;
  keyRootN: Int32Array;
  keyRoots: Map<number, Map<number, number>>;
  /** Per root form id: its group, -1 for none. Groups are numbered in order of their first mention. */
  groupOf: Int32Array;
  groupRoots: number[];
  /** Mention records by group (`order[groupStart[g]..groupStart[g+1]]`), each group in mention order. */
  groupStart: Int32Array;
  order: Int32Array;
}

/** An entity being built, with the root it stands for and its mention count. */
export interface Draft {
  root: number;
  entity: Entity;
  n: number;
}

/** Created on first use: building a collator loads locale data (~8 ms), which must not count against activation. */
let collator: Intl.Collator | null = null;
export const compareText = (a: string, b: string): number => (collator ??= new Intl.Collator()).compare(a, b);

export class ResolutionState {
  budget = STEP;
  recs: Recs;
  /** Normalised keys, numbered. */
  readonly keyIds = new Map<string, number>();
  readonly keyStr: string[] = [];
  /** One instance per distinct spelling cut from a longer one ("Assads" → "Assad"), shared by every mention. */
  private readonly cut = new Map<string, string>();
  forms: Forms = { byK: [], list: [] };
  /** Keys read as ordinary words rather than names (see `ResolveHints`). */
  readonly dropped = new Set<string>();
  readonly glossaryKeys = new Set<string>();
  /** Names the reader hid in a glossary: never mentions. */
  readonly hiddenKeys = new Set<string>();
  /** A name and its initials written after it ("… Commission SRGC"), as "name\nacronym" keys. */
  readonly initialsStated = new Set<string>();
  /** One-word keys read as ordinary words except where an exception of the glued-runs rule keeps them, with which. */
  readonly ordinaryExceptions = new Map<string, number>();
  readonly uf = new UnionFind();
  /** Per article: its descriptions by mention index, or null when it has none. */
  readonly defs: (Map<number, RawDefinition[]> | null)[];

  /** Whether a capitalised word is also an ordinary word of the corpus (set by the vocabulary rule). */
  common: (word: string) => boolean = () => false;

  /** Whether a one-word key says which thing it names: no ordinary word, nationality, generic adjective or country. */
  namesSomething(word: string): boolean {
    return !(this.common(word) || DEMONYMS.has(word) || GENERIC_ADJ.has(word) || COUNTRIES.has(word));
  }
  /**
   * Mentions by (article, index in the article's extraction); a split mention answers with its first part. Only
   * articles stating renamings or acronyms have them (set by the mention-index rule).
   */
  recAt: (number[] | null)[] = [];
  readonly stated: Stated = { relations: [], glossaryRoots: [], acronymDefs: [] };
  /** The forms spelling variants are looked for among (set on first need). */
  variantForms: Form[] | null = null;

  clusters: Clusters = { forms: new Map(), votes: new Map(), count: new Map(), glossaryRoots: new Set() };
  /** Mention record → the homonym form it was moved to ("Sana" the place beside "SANA"). */
  readonly homonymOf = new Map<number, number>();
  readonly targets: ShortTargets = {
    short: new Map(),
    group: new Map(),
    given: new Map(),
    givenHomographs: new Map(),
    fullByFirst: new Map(),
  };
  readonly whereabouts: Whereabouts = {
    rootsInArt: new Map(),
    placesInArt: new Map(),
    givenWords: new Map(),
    surnameWords: new Map(),
    halvesInArt: new Map(),
  };
  groups: Groups | null = null;
  readonly drafts: Draft[] = [];
  /** The entity of each root form id (set by the ids rule). */
  readonly byRoot = new Map<number, Entity>();
  /** Each file's mentions by start, with their entity ids (set by the mentions rule). */
  readonly perFile = new Map<string, FileMentions>();
  /** The finished index (set by the last rule). */
  index: EntityIndex | null = null;

  /** The articles' outlet names (namedAsOutlet), gathered on first need. */
  private outlets: Set<string> | undefined;

  constructor(
    readonly arts: ResolveInput[],
    readonly glossary: GlossaryEntry[],
  ) {
    for (const g of glossary) for (const n of [g.name, ...g.aliases]) (g.hidden ? this.hiddenKeys : this.glossaryKeys).add(nameKey(n));
    for (const k of this.hiddenKeys) this.dropped.add(k);
    let total = 0;
    for (const a of arts) total += a.names.mentions.length;
    this.recs = new Recs(total);
    this.defs = new Array(arts.length).fill(null);
  }

  /** Counts work done in the generator bodies; true when it is time to yield. */
  spent(units: number): boolean {
    this.budget -= units;
    if (this.budget > 0) return false;
    this.budget = STEP;
    return true;
  }

  /**
   * Runs `slice(from)` until it reports `n` done, yielding after each slice. The passes over every mention live in
   * such slices, ordinary functions the JIT optimises; a slice does at most `STEP` units of work.
   */
  *slices(n: number, slice: (from: number) => number): Generator<void, void, void> {
    for (let i = 0; i < n;) {
      i = slice(i);
      this.budget = STEP;
      yield;
    }
  }

  /**
   * Groups items by a blocking key (undefined leaves an item out) and keeps the groups worth comparing within:
   * two items or more, at most MAX_BUCKET (a larger group means a key too common to tell names apart). Groups come
   * in first-seen order, items in input order.
   */
  *blocks<T>(items: readonly T[], keyOf: (item: T) => string | undefined, cost = 1): Generator<void, T[][], void> {
    const groups = new Map<string, T[]>();
    for (const item of items) {
      if (this.spent(cost)) yield;
      const key = keyOf(item);
      if (key === undefined) continue;
      const g = groups.get(key);
      if (g) g.push(item);
      else groups.set(key, [item]);
    }
    const kept: T[][] = [];
    for (const g of groups.values()) if (g.length >= 2 && g.length <= MAX_BUCKET) kept.push(g);
    return kept;
  }

  /** Joins every pair of a block that `same` accepts, pairs in order, so a test sees the unions made before it. */
  *unionPairs(blocks: readonly Form[][], same: (a: Form, b: Form) => boolean): Generator<void, void, void> {
    for (const b of blocks) {
      for (let i = 0; i < b.length; i++) {
        for (let j = i + 1; j < b.length; j++) if (same(b[i], b[j])) this.uf.union(b[i].id, b[j].id);
        if (this.spent(2 * b.length)) yield;
      }
    }
  }

  /** The number of a normalised key, numbering it if new. */
  intern(key: string): number {
    let k = this.keyIds.get(key);
    if (k === undefined) {
      k = this.keyStr.length;
      this.keyIds.set(key, k);
      this.keyStr.push(key);
    }
    return k;
  }

  /** One shared instance of a spelling cut from a longer one. */
  shared(s: string): string {
    const hit = this.cut.get(s);
    if (hit !== undefined) return hit;
    this.cut.set(s, s);
    return s;
  }

  formOf(key: string): Form | undefined {
    const k = this.keyIds.get(key);
    return k === undefined ? undefined : this.forms.byK[k];
  }

  idOf(key: string): number | undefined {
    return this.formOf(key)?.id;
  }

  /**
   * Whether a mention is written exactly as an outlet the articles' metadata gives, with no strong cue of its own:
   * then it is an organisation ("Ahram Online", "Asharq Al-Awsat"), not the person two capitalised words suggest;
   * "Sana neighborhood" beside the agency SANA keeps its own cue.
   */
  namedAsOutlet(surface: string, flags: number): boolean {
    if (!this.outlets) {
      this.outlets = new Set<string>();
      for (const a of this.arts) if (a.meta.outlet) this.outlets.add(a.meta.outlet);
    }
    return this.outlets.size > 0 && !(flags & STRONG) && this.outlets.has(surface);
  }
}
