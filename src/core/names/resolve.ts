// Resolving mentions across the corpus into entities. Every step buckets names by a normalised key and only
// compares names inside a bucket, so the cost grows with the number of distinct names, not with its square.
// Keys are numbered once, so the passes over every mention (a million at 10k articles) index arrays rather than
// hashing strings; the resolution runs as a generator so that callers can spread it over event-loop turns.
import { runToEnd } from '../kit/steps';
import type { Definition, Entity, EntityIndex, EntityKind, Mention, ResolveInput } from './model';
import type { GlossaryEntry } from '../glossary';
import type { RawDefinition, RawMention } from './extract';
import { byFileStart, makeIndexSteps, sortByStart, type FileMentions, type ResolveHints } from './incremental';
import { emptyVotes, kindOf, ORIGIN_RANK, type Votes } from './votes';
import { DEMONYMS, GENERIC_ADJ, GENERIC_CLASS, GROUP_GENERIC, GROUP_HEADS, PLACE_HEADS, SYNONYMS } from './lexicon';
import { headingParts } from './headings';
import { completedBy, endsWithName, pickNamed, type NamedCount } from './in-article';
import { placeBesideAcronym } from './homonyms';
import { CoverageContext } from './coverage-context';
import { personBesideOther, segment, trailingAcronym, type Part } from './glued';
import {
  initials,
  joinedCompatible,
  joinedLightKey,
  skeletonWord,
  nearSkeletonKey,
  keysCompatible,
  lightKey,
  lightWord,
  levenshtein,
  nameKey,
  skeletonKey,
  slug,
} from './normalize';

export type { EntityKind, Mention, Definition, Entity, EntityIndex, ResolveInput } from './model';

/** Values of the furniture signature digits (see SIG_DIGITS in extract.ts). */
const SIG_VALUE = (() => {
  const v = new Uint8Array(128);
  const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  for (let i = 0; i < digits.length; i++) v[digits.charCodeAt(i)] = i;
  return v;
})();

/** Articles of one outlet that must repeat a name with the same words after it for it to be page furniture. */
const FURNITURE_ARTICLES = 4;

/** Confidence a spelling-variant merge needs (see `variantConfidence`). */
const MERGE_THRESHOLD = 0.7;
/** Buckets larger than this are generic keys ("s", "m"); comparing inside them is neither useful nor cheap. */
const MAX_BUCKET = 60;

/** Files cluster `r` under every proper tail of a name's words ("red sox" and "sox" for "boston red sox"). */
function indexTails(index: Map<string, Set<number>>, words: readonly string[], r: number): void {
  for (let k = 1; k < words.length; k++) {
    const tail = words.slice(k).join(' ');
    let set = index.get(tail);
    if (!set) index.set(tail, (set = new Set()));
    set.add(r);
  }
}
/**
 * Units of work (about one mention looked at once) between two yields of `resolveEntitiesSteps`: a fraction of a
 * millisecond to a few milliseconds, so a caller watching the clock can give the event loop back every ~10 ms.
 */
const STEP = 4096;

// A mention's flags, packed in one byte.
const CUE = 3;
const CUE_PERSON = 1;
const CUE_GROUP = 2;
const CUE_PLACE = 3;
const STRONG = 4;
const THE = 8;
const SI = 16;
const ACR = 32;
const PS = 64;
/** The article describes this mention (an appositive, a title): look its definitions up. */
const DEFS = 128;

function flagBits(m: RawMention): number {
  let f = m.cue === 'person' ? CUE_PERSON : m.cue === 'group' ? CUE_GROUP : m.cue === 'place' ? CUE_PLACE : 0;
  if (m.strong) f |= STRONG;
  if (m.the) f |= THE;
  if (m.si) f |= SI;
  if (m.acr) f |= ACR;
  if (m.ps) f |= PS;
  return f;
}

/** `addVotes` for packed flags. */
function addVoteBits(v: Votes, f: number): void {
  const w = f & STRONG ? 3 : 1;
  const cue = f & CUE;
  if (cue === CUE_PERSON) v.person += w;
  else if (cue === CUE_GROUP) v.group += w;
  else if (cue === CUE_PLACE) v.place += w;
  if (f & THE) v.notPerson += 1;
}

/** A nickname in quotes or brackets inside a name ('Vincent "The Chin" Gigante'): a full name, never a glued run. */
const NICKNAME_INSIDE = /\S\s+["“'‘(][^"”'’)]+["”'’)]\s+\S/;

/**
 * The mentions during resolution, column by column (a million at 10k articles: one object each cost more in
 * allocation and garbage collection than the resolution itself): article, index in the article's extraction,
 * offsets, key (as a number into the resolver's key table), passage, packed flags, spelling, and the root of the
 * cluster, later of the entity, each ends up in.
 */
class Recs {
  n = 0;
  art: Int32Array;
  idx: Int32Array;
  start: Int32Array;
  end: Int32Array;
  k: Int32Array;
  passage: Int32Array;
  flags: Uint8Array;
  root: Int32Array;
  surface: string[];

  constructor(capacity: number) {
    const c = Math.max(16, capacity);
    this.art = new Int32Array(c);
    this.idx = new Int32Array(c);
    this.start = new Int32Array(c);
    this.end = new Int32Array(c);
    this.k = new Int32Array(c);
    this.passage = new Int32Array(c);
    this.flags = new Uint8Array(c);
    this.root = new Int32Array(c);
    this.surface = new Array<string>(c);
  }

  push(art: number, idx: number, start: number, end: number, surface: string, k: number, passage: number, flags: number): void {
    if (this.n === this.art.length) this.grow();
    const i = this.n++;
    this.art[i] = art;
    this.idx[i] = idx;
    this.start[i] = start;
    this.end[i] = end;
    this.surface[i] = surface;
    this.k[i] = k;
    this.passage[i] = passage;
    this.flags[i] = flags;
  }

  private grow(): void {
    const c = this.art.length * 2;
    const more = <T extends Int32Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(c);
      b.set(a);
      return b;
    };
    this.art = more(this.art);
    this.idx = more(this.idx);
    this.start = more(this.start);
    this.end = more(this.end);
    this.k = more(this.k);
    this.passage = more(this.passage);
    this.flags = more(this.flags);
    this.root = more(this.root);
    this.surface.length = c;
  }
}

interface Form {
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
interface Forms {
  byK: (Form | undefined)[];
  list: Form[];
}

class UnionFind {
  parent: number[] = [];
  /** Pairs that must stay apart (stated renamings), kept per root. */
  apart = new Map<number, Set<number>>();
  add(): number {
    this.parent.push(this.parent.length);
    return this.parent.length - 1;
  }
  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      p[x] = p[p[x]];
      x = p[x];
    }
    return x;
  }
  separate(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    if (!this.apart.has(ra)) this.apart.set(ra, new Set());
    if (!this.apart.has(rb)) this.apart.set(rb, new Set());
    this.apart.get(ra)!.add(rb);
    this.apart.get(rb)!.add(ra);
  }
  canUnion(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return true;
    const s = this.apart.get(ra);
    if (!s) return true;
    for (const x of s) if (this.find(x) === rb) return false;
    return true;
  }
  union(a: number, b: number, force = false): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return true;
    if (!force && !this.canUnion(a, b)) return false;
    this.parent[rb] = ra;
    const sb = this.apart.get(rb);
    if (sb) {
      const sa = this.apart.get(ra) ?? new Set<number>();
      for (const x of sb) sa.add(x);
      this.apart.set(ra, sa);
      this.apart.delete(rb);
    }
    return true;
  }
}

/** Resolve every article's mentions into entities, in one synchronous run (see `resolveEntitiesSteps`). */
export function resolveEntities(articles: Iterable<ResolveInput>, glossary: GlossaryEntry[]): EntityIndex {
  return runToEnd(resolveEntitiesSteps(articles, glossary));
}

/**
 * The same resolution in steps: the generator yields every few thousand units of work (a few milliseconds at
 * most) and returns the index, so a caller can pause between steps and keep its event loop responsive while a
 * large corpus resolves (seconds at 10k articles). The result is identical to `resolveEntities`. The articles and
 * glossary must not change until it is done.
 */
export function resolveEntitiesSteps(articles: Iterable<ResolveInput>, glossary: GlossaryEntry[]): Generator<void, EntityIndex, void> {
  return new Resolver([...articles], glossary).run();
}

/** Created on first use: building a collator loads locale data (~8 ms), which must not count against activation. */
let collator: Intl.Collator | null = null;
const compareText = (a: string, b: string): number => (collator ??= new Intl.Collator()).compare(a, b);

class Resolver {
  private budget = STEP;
  private recs: Recs;
  /** Normalised keys, numbered. */
  private readonly keyIds = new Map<string, number>();
  private readonly keyStr: string[] = [];
  /** One instance per distinct spelling cut from a longer one ("Assads" → "Assad"), shared by every mention. */
  private readonly cut = new Map<string, string>();
  private forms: Forms = { byK: [], list: [] };
  /** Keys read as ordinary words rather than names (see `ResolveHints`). */
  private readonly dropped = new Set<string>();
  private readonly glossaryKeys = new Set<string>();
  /** Names the reader hid in a glossary: never mentions. */
  private readonly hiddenKeys = new Set<string>();
  /** A name and its initials written after it ("… Commission SRGC"), as "name\nacronym" keys. */
  private readonly initialsStated = new Set<string>();
  private readonly uf = new UnionFind();
  /** Per article: its descriptions by mention index, or null when it has none. */
  private readonly defs: (Map<number, RawDefinition[]> | null)[];

  constructor(
    private readonly arts: ResolveInput[],
    private readonly glossary: GlossaryEntry[],
  ) {
    for (const g of glossary) for (const n of [g.name, ...g.aliases]) (g.hidden ? this.hiddenKeys : this.glossaryKeys).add(nameKey(n));
    for (const k of this.hiddenKeys) this.dropped.add(k);
    let total = 0;
    for (const a of arts) total += a.names.mentions.length;
    this.recs = new Recs(total);
    this.defs = new Array(arts.length).fill(null);
  }

  /** Counts work done in the generator bodies; true when it is time to yield. */
  private spent(units: number): boolean {
    this.budget -= units;
    if (this.budget > 0) return false;
    this.budget = STEP;
    return true;
  }

  /**
   * Runs `slice(from)` until it reports `n` done, yielding after each slice. The passes over every mention live in
   * such slices, ordinary functions the JIT optimises; a slice does at most `STEP` units of work.
   */
  private *slices(n: number, slice: (from: number) => number): Generator<void, void, void> {
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
  private *blocks<T>(items: readonly T[], keyOf: (item: T) => string | undefined, cost = 1): Generator<void, T[][], void> {
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
  private *unionPairs(blocks: readonly Form[][], same: (a: Form, b: Form) => boolean): Generator<void, void, void> {
    for (const b of blocks) {
      for (let i = 0; i < b.length; i++) {
        for (let j = i + 1; j < b.length; j++) if (same(b[i], b[j])) this.uf.union(b[i].id, b[j].id);
        if (this.spent(2 * b.length)) yield;
      }
    }
  }

  private intern(key: string): number {
    let k = this.keyIds.get(key);
    if (k === undefined) {
      k = this.keyStr.length;
      this.keyIds.set(key, k);
      this.keyStr.push(key);
    }
    return k;
  }

  private shared(s: string): string {
    const hit = this.cut.get(s);
    if (hit !== undefined) return hit;
    this.cut.set(s, s);
    return s;
  }

  private formOf(key: string): Form | undefined {
    const k = this.keyIds.get(key);
    return k === undefined ? undefined : this.forms.byK[k];
  }

  private idOf(key: string): number | undefined {
    return this.formOf(key)?.id;
  }

  *run(): Generator<void, EntityIndex, void> {
    yield* this.readMentions();
    yield* this.readHeadings();
    yield* this.dropFurniture();
    this.forms = yield* this.buildForms();
    yield* this.possessives();
    this.forms = yield* this.buildForms();
    const common = yield* this.vocabulary();
    yield* this.splitGlued(common);
    for (const k of this.glossaryKeys) {
      const kk = this.intern(k);
      if (!this.forms.byK[kk]) {
        const f = newForm(k, kk, this.forms.list.length);
        this.forms.byK[kk] = f;
        this.forms.list.push(f);
      }
    }
    for (let i = 0; i < this.forms.list.length; i++) this.uf.add();
    const stated = yield* this.mergeKeys();
    return yield* this.build(stated);
  }

  private *readMentions(): Generator<void, void, void> {
    const { arts, recs } = this;
    yield* this.slices(arts.length, (from) => {
      let ai = from;
      for (let budget = STEP; ai < arts.length && budget > 0; ai++) {
        const ms = arts[ai].names.mentions;
        let defs: Map<number, RawDefinition[]> | null = null;
        for (const d of arts[ai].names.definitions) {
          defs ??= new Map();
          const arr = defs.get(d.m);
          if (arr) arr.push(d);
          else defs.set(d.m, [d]);
        }
        this.defs[ai] = defs;
        for (let idx = 0; idx < ms.length; idx++) {
          const m = ms[idx];
          if (this.hiddenKeys.size && this.hiddenKeys.has(m.key)) continue;
          const flags = flagBits(m) | (defs?.has(idx) ? DEFS : 0);
          recs.push(ai, idx, m.start, m.end, m.surface, this.intern(m.key), m.passage, flags);
        }
        budget -= ms.length + 1;
      }
      return ai;
    });
  }

  /**
   * Headline and caption words the article's own prose does not name ("Wladimir Klitschko stops Tony Thompson"
   * above "Klitschko … Thompson") are read as the longest names the rest of the corpus uses at least twice.
   * Mentions found this way count as sentence-initial: a headline's capitals prove nothing.
   */
  private *readHeadings(): Generator<void, void, void> {
    const { arts, recs } = this;
    const keyCount = new Int32Array(this.keyStr.length);
    for (let i = 0; i < recs.n; i++) keyCount[recs.k[i]]++;
    const known = (key: string): number => {
      const k = this.keyIds.get(key);
      return k === undefined || k >= keyCount.length || keyCount[k] < 2 ? -1 : k;
    };
    // Each article's records are contiguous: where they start.
    const firstRec = new Int32Array(arts.length + 1).fill(-1);
    for (let i = recs.n - 1; i >= 0; i--) firstRec[recs.art[i]] = i;
    const removed = new Uint8Array(recs.n);
    const added = new Recs(64);
    yield* this.slices(arts.length, (from) => {
      let ai = from;
      for (let budget = STEP; ai < arts.length && budget > 0; ai++) {
        const heads = arts[ai].names.heads;
        if (!heads) continue;
        let idx = arts[ai].names.mentions.length;
        const noApos = arts[ai].names.noApostrophes;
        for (const h of heads) {
          for (const p of headingParts(h.surface, known)) {
            const start = h.start + p.s;
            const end = h.start + p.e;
            // A mention the extraction already found here stands unless this name is longer and holds it.
            const over: number[] = [];
            let keep = true;
            for (let i = firstRec[ai]; i >= 0 && i < recs.n && recs.art[i] === ai; i++) {
              if (recs.end[i] <= start || recs.start[i] >= end || removed[i]) continue;
              if (recs.start[i] >= start && recs.end[i] <= end && recs.end[i] - recs.start[i] < end - start) over.push(i);
              else keep = false;
            }
            budget -= 4;
            if (!keep) continue;
            for (const i of over) removed[i] = 1;
            // In texts without apostrophes a final "s" may be a glued possessive, as in prose ("Syrias").
            const ps = noApos && h.surface.charCodeAt(p.e - 1) === 115 ? PS : 0;
            added.push(ai, idx++, start, end, this.shared(h.surface.slice(p.s, p.e)), p.k, h.passage, SI | ps);
          }
        }
      }
      return ai;
    });
    if (added.n === 0) return;
    // Keep the records grouped by article, as every later pass expects.
    const merged = new Recs(recs.n + added.n);
    let j = 0;
    for (let i = 0; i <= recs.n; i++) {
      const art = i < recs.n ? recs.art[i] : Infinity;
      while (j < added.n && added.art[j] < art) {
        merged.push(
          added.art[j],
          added.idx[j],
          added.start[j],
          added.end[j],
          added.surface[j],
          added.k[j],
          added.passage[j],
          added.flags[j],
        );
        j++;
      }
      if (i < recs.n && !removed[i])
        merged.push(recs.art[i], recs.idx[i], recs.start[i], recs.end[i], recs.surface[i], recs.k[i], recs.passage[i], recs.flags[i]);
    }
    this.recs = merged;
  }

  /**
   * Page furniture is not a name source: a name followed by the same words in at least FURNITURE_ARTICLES articles
   * of one outlet ("Youtube Subscribe to our Youtube channel…", "Source TRTWorld and agencies Related News") is
   * part of the page. A spelling used mostly so is dropped everywhere; real names that a page template repeats
   * ("Bashar al-Assad") are used far more often in prose and stay.
   */
  private *dropFurniture(): Generator<void, void, void> {
    const { arts, recs } = this;
    // Copies of one article (saved twice, or a corpus multiplied for a benchmark) repeat everything: each text
    // counts once, known by its whole signature string.
    const copyOf = new Map<string, number>();
    const outletIds = new Map<string, number>();
    const textId = new Int32Array(arts.length);
    const outletOf = new Int32Array(arts.length).fill(-1);
    for (let ai = 0; ai < arts.length; ai++) {
      const a = arts[ai];
      const after = a.names.after;
      textId[ai] = ai;
      if (typeof after !== 'string' || !a.meta.outlet) continue;
      let o = outletIds.get(a.meta.outlet);
      if (o === undefined) outletIds.set(a.meta.outlet, (o = outletIds.size));
      outletOf[ai] = o;
      const key = `${o}\n${after}`;
      const first = copyOf.get(key);
      if (first !== undefined) textId[ai] = first;
      else copyOf.set(key, ai);
    }
    if (this.spent(arts.length)) yield;
    // A mention's signature as a number: its outlet and the 18-bit hash of the words after it.
    const sigOf = (i: number): number => {
      const ai = recs.art[i];
      const o = outletOf[ai];
      if (o < 0) return -1;
      const after = arts[ai].names.after as string;
      const at = 3 * recs.idx[i];
      if (at + 3 > after.length) return -1;
      return (
        o * 262144 +
        (SIG_VALUE[after.charCodeAt(at)] << 12) +
        (SIG_VALUE[after.charCodeAt(at + 1)] << 6) +
        SIG_VALUE[after.charCodeAt(at + 2)]
      );
    };
    const lastText = new Map<number, number>();
    const texts = new Map<number, number>();
    const sigs = new Float64Array(recs.n);
    yield* this.slices(recs.n, (from) => {
      const to = Math.min(recs.n, from + STEP);
      for (let i = from; i < to; i++) {
        const sig = sigOf(i);
        sigs[i] = sig;
        if (sig < 0) continue;
        // Texts arrive in order, so a text seen before under this signature is the last one recorded.
        const t = textId[recs.art[i]];
        const last = lastText.get(sig);
        if (last === t) continue;
        if (last !== undefined && t < last) continue;
        lastText.set(sig, t);
        texts.set(sig, (texts.get(sig) ?? 0) + 1);
      }
      return to;
    });
    const total = new Map<number, number>();
    const repeated = new Map<number, number>();
    for (let i = 0; i < recs.n; i++) {
      const k = recs.k[i];
      total.set(k, (total.get(k) ?? 0) + 1);
      const sig = sigs[i];
      if (sig >= 0 && texts.get(sig)! >= FURNITURE_ARTICLES) repeated.set(k, (repeated.get(k) ?? 0) + 1);
    }
    const furniture = new Set<number>();
    for (const [k, n] of repeated) if (n >= 0.5 * total.get(k)! && !this.glossaryKeys.has(this.keyStr[k])) furniture.add(k);
    if (this.spent(recs.n >> 2)) yield;
    if (!furniture.size) return;
    const kept = new Recs(recs.n);
    for (let i = 0; i < recs.n; i++) {
      if (furniture.has(recs.k[i])) continue;
      kept.push(recs.art[i], recs.idx[i], recs.start[i], recs.end[i], recs.surface[i], recs.k[i], recs.passage[i], recs.flags[i]);
    }
    for (const k of furniture) this.dropped.add(this.keyStr[k]);
    this.recs = kept;
  }

  /**
   * Whether a mention is written exactly as an outlet the articles' metadata gives, with no strong cue of its own:
   * then it is an organisation ("Ahram Online", "Asharq Al-Awsat"), not the person two capitalised words suggest;
   * "Sana neighborhood" beside the agency SANA keeps its own cue.
   */
  private namedAsOutlet(surface: string, flags: number): boolean {
    if (!this.outlets) {
      this.outlets = new Set<string>();
      for (const a of this.arts) if (a.meta.outlet) this.outlets.add(a.meta.outlet);
    }
    return this.outlets.size > 0 && !(flags & STRONG) && this.outlets.has(surface);
  }

  /** The articles' outlet names (namedAsOutlet), gathered on first need. */
  private outlets: Set<string> | undefined;

  private *buildForms(): Generator<void, Forms, void> {
    const byK: (Form | undefined)[] = new Array(this.keyStr.length);
    const list: Form[] = [];
    const noApos = this.arts.map((a) => a.names.noApostrophes);
    const { n, k: K, art: ART, flags: FLAGS, surface: SURF } = this.recs;
    const keyStr = this.keyStr;
    yield* this.slices(n, (from) => {
      const to = Math.min(n, from + STEP);
      for (let i = from; i < to; i++) {
        const k = K[i];
        const art = ART[i];
        const fl = FLAGS[i];
        let f = byK[k];
        if (!f) {
          f = newForm(keyStr[k], k, list.length);
          byK[k] = f;
          list.push(f);
        }
        f.count++;
        if (f.arts[f.arts.length - 1] !== art) f.arts.push(art);
        addVoteBits(f.votes, fl);
        // A name the corpus gives as an article's outlet is an organisation, however its mentions read: as many
        // strong group cues as it has mentions.
        if (this.namedAsOutlet(SURF[i], fl)) {
          f.votes.group += 3;
          f.strongOther++;
        }
        if (fl & ACR) f.acr = true;
        if (fl & STRONG) {
          if ((fl & CUE) === CUE_PERSON) f.strongPerson++;
          else {
            f.strongOther++;
            if ((fl & CUE) === CUE_PLACE) f.strongPlace++;
          }
        }
        if (!(fl & PS) && !f.realS && f.endsS && !noApos[art]) f.realS = true;
      }
      return to;
    });
    return { byK, list };
  }

  /** 1. A glued possessive "s" ("Assads", "Syrias", "Putins’") comes off when the bare name is at least as common. */
  private *possessives(): Generator<void, void, void> {
    const { byK } = this.forms;
    const recs = this.recs;
    /** Per key: the form of its stem without the "s", once looked up. */
    const stems = new Map<number, Form | null>();
    yield* this.slices(recs.n, (from) => {
      const to = Math.min(recs.n, from + STEP);
      for (let i = from; i < to; i++) {
        if (!(recs.flags[i] & PS)) continue;
        const f = byK[recs.k[i]]!;
        if (!f.endsS || f.key.length < 4) continue;
        let fs = stems.get(f.k);
        if (fs === undefined) {
          const stemK = this.keyIds.get(f.key.slice(0, -1));
          fs = (stemK === undefined ? undefined : byK[stemK]) ?? null;
          stems.set(f.k, fs);
        }
        if (!fs || f.realS || this.glossaryKeys.has(f.key) || fs.count * 2 < f.count) continue;
        recs.end[i] -= 1;
        recs.surface[i] = this.shared(recs.surface[i].slice(0, -1));
        recs.k[i] = fs.k;
      }
      return to;
    });
  }

  /**
   * Lower-case vocabulary of the corpus (document frequency): a capitalised word that is also an ordinary lower-case
   * word in several articles ("Activists", "Dozens", "Follow") is not a name on its own.
   */
  private *vocabulary(): Generator<void, (word: string) => boolean, void> {
    const lowerDf = new Map<string, number>();
    for (const f of this.forms.list) for (const w of f.key.split(' ')) lowerDf.set(w, 0);
    const arts = this.arts;
    yield* this.slices(arts.length, (from) => {
      let ai = from;
      for (let budget = STEP; ai < arts.length && budget > 0; ai++) {
        const lower = arts[ai].names.lower ?? [];
        for (const w of lower) {
          const n = lowerDf.get(w);
          if (n !== undefined) lowerDf.set(w, n + 1);
        }
        budget -= 1 + (lower.length >> 2);
      }
      return ai;
    });
    // Articles where a one-word key is capitalised (mentions arrive in article order).
    const capDf = new Int32Array(this.keyStr.length);
    const capLast = new Int32Array(this.keyStr.length).fill(-1);
    const { byK } = this.forms;
    const recs = this.recs;
    yield* this.slices(recs.n, (from) => {
      const to = Math.min(recs.n, from + STEP);
      for (let i = from; i < to; i++) {
        const k = recs.k[i];
        if (byK[k]!.words !== 1) continue;
        if (capLast[k] !== recs.art[i]) {
          capLast[k] = recs.art[i];
          capDf[k]++;
        }
      }
      return to;
    });
    const memo = new Map<string, boolean>();
    return (word: string): boolean => {
      const hit = memo.get(word);
      if (hit !== undefined) return hit;
      const k = nameKey(word);
      const low = lowerDf.get(k) ?? 0;
      const kk = this.keyIds.get(k);
      const v = !this.glossaryKeys.has(k) && low >= 3 && low >= 0.2 * (kk === undefined || kk >= capDf.length ? 0 : capDf[kk]);
      memo.set(word, v);
      return v;
    };
  }

  /**
   * 2. Texts without commas glue neighbouring names ("Deir Ezzor Aleppo"): a rare multi-word form that splits
   *    entirely into common forms is read as those forms. Titled names ("Defense Minister Israel Katz") stay whole.
   *    Single ordinary words ("Activists") are dropped.
   */
  private *splitGlued(common: (w: string) => boolean): Generator<void, void, void> {
    const expansions = this.arts.map((a) => (a.names.acronyms.length ? new Set(a.names.acronyms.map((d) => d.exp)) : null));
    // Splits depend only on the surface text and whether apostrophes were stripped, so each is worked out once.
    const plans = [new Map<string, Part[] | null>(), new Map<string, Part[] | null>()];
    const recs = this.recs;
    // A word is no ordinary word in an article that names someone or something by a longer name ending in it:
    // "Felt died" after "Mark Felt", "Gray was killed" after "Kimani Gray" are surnames, not "felt" and "gray".
    const tailsOf = new Map<number, Set<string>>();
    // So is it where the article uses alone the given name of a person the corpus names in full with it: "Kimani
    // (Kiki) Gray", read as three names, still makes "Gray" a surname.
    const surnamesOf = new Map<string, Set<string>>();
    for (const f of this.forms.list) {
      if (f.words !== 2 || f.acr || f.votes.person === 0) continue;
      const [first, last] = f.key.split(' ') as [string, string];
      const set = surnamesOf.get(first);
      if (!set) surnamesOf.set(first, new Set([last]));
      else set.add(last);
    }
    // Surnames of people the corpus names by given name and surname ("Terry White"), for a speaker's surname alone:
    // the full name must read as a person's ("Syria Activists", a glued place and common noun, does not).
    const namedSurnames = new Set<string>();
    for (const f of this.forms.list) {
      if (f.words !== 2 || f.acr) continue;
      const kind = kindOf(f.votes);
      if (kind.kind === 'person' && kind.decisive) namedSurnames.add(f.key.slice(f.key.indexOf(' ') + 1));
    }
    // Plural last words of the names the corpus writes after "the" ("the Tar Heels", "the Golan Heights"), for the
    // short name a story uses alone ("the Heels"): teams and bands are named in the plural. Not a head noun ("the
    // Forces" may be any forces).
    const theTails = new Set<string>();
    for (const f of this.forms.list) {
      if (f.words < 2 || f.acr || f.votes.notPerson < 2 || 2 * f.votes.notPerson < f.count) continue;
      const last = f.key.slice(f.key.lastIndexOf(' ') + 1);
      if (/[^s]s$/.test(last) && !GROUP_HEADS.has(last) && !PLACE_HEADS.has(last)) theTails.add(last);
    }
    // How often the corpus writes a name of several words under any spelling the variant merges accept (one
    // joined transliteration, or for long names one a letter away with the same consonants; not two, which
    // lets "Syrian Rami" pass for "Syrian Army"): a glued part is known by it ("Nour El Din El Zinki
    // Yasser Al Youssef" holds the Zinki group and its spokesman, each written otherwise elsewhere).
    const spelled = new Map<string, number>();
    const spelledNear = new Map<string, string[]>();
    for (const f of this.forms.list) {
      if (f.words < 2 || f.acr) continue;
      const j = joinedLightKey(f.key);
      const n = spelled.get(j);
      spelled.set(j, (n ?? 0) + f.count);
      if (n !== undefined || j.length < 6) continue;
      const sk = skeletonWord(j);
      const near = spelledNear.get(sk);
      if (near) near.push(j);
      else spelledNear.set(sk, [j]);
    }
    const spelledCount = (key: string): number => {
      const j = joinedLightKey(key);
      let n = spelled.get(j) ?? 0;
      if (j.length >= 7)
        for (const o of spelledNear.get(skeletonWord(j)) ?? [])
          if (o !== j && o[0] === j[0] && levenshtein(o, j, 1) <= 1) n += spelled.get(o)!;
      return n;
    };
    if (this.spent(this.forms.list.length >> 2)) yield;
    // Two words that open with a given name two other people of the corpus bear ("John Owen" beside "John Kerry"
    // and "John Jenkin") are a full name, not two names glued, unless the second is a place or group of its own.
    // Per form id: 0 not yet looked at, 1 no, 2 yes.
    const givenMemo = new Uint8Array(this.forms.list.length);
    const givenAndSurname = (f: Form): boolean => {
      if (f.words !== 2) return false;
      if (givenMemo[f.id]) return givenMemo[f.id] === 2;
      const [first, last] = f.key.split(' ') as [string, string];
      const set = surnamesOf.get(first);
      const others = set ? set.size - (set.has(last) ? 1 : 0) : 0;
      const l = this.formOf(last);
      const k = l ? kindOf(l.votes) : null;
      // A first word that is a place or group of its own is no given name ("Damascus Terrorists").
      const g = this.formOf(first);
      const gk = g && g.count >= 3 ? kindOf(g.votes) : null;
      const hit = others >= 2 && (!k || !k.decisive || k.kind === 'person') && !(gk && gk.decisive && gk.kind !== 'person');
      givenMemo[f.id] = hit ? 2 : 1;
      return hit;
    };
    // Once per article and key; a given name borne by many people says little about any one surname.
    const lastArt = new Int32Array(this.keyStr.length).fill(-1);
    yield* this.slices(recs.n, (from) => {
      const to = Math.min(recs.n, from + STEP);
      for (let i = from; i < to; i++) {
        const k = recs.k[i];
        if (recs.flags[i] & ACR || lastArt[k] === recs.art[i]) continue;
        lastArt[k] = recs.art[i];
        const f = this.forms.byK[k]!;
        const tails = f.words > 1 ? null : surnamesOf.get(f.key);
        if (f.words < 2 && (!tails || tails.size > 8)) continue;
        let set = tailsOf.get(recs.art[i]);
        if (!set) tailsOf.set(recs.art[i], (set = new Set()));
        if (tails) for (const t of tails) set.add(t);
        else set.add(f.key.slice(f.key.lastIndexOf(' ') + 1));
      }
      return to;
    });
    const next = new Recs(recs.n + (recs.n >> 4));
    let changed = false;
    yield* this.slices(recs.n, (from) => {
      let i = from;
      for (let budget = STEP; i < recs.n && budget > 0; i++, budget--) {
        const k = recs.k[i];
        const fl = recs.flags[i];
        const art = recs.art[i];
        const f = this.forms.byK[k]!;
        let plan: Part[] | null = null;
        if (f.words === 1) {
          if (!(fl & ACR) && !this.glossaryKeys.has(f.key) && !tailsOf.get(art)?.has(f.key) && common(recs.surface[i])) {
            if (fl & SI && this.arts[art].names.mentions[recs.idx[i]]?.spoke && namedSurnames.has(f.key)) {
              // "White said" opening a sentence, where the corpus names a Terry White: a speaker, so the surname
              // (its capital no longer just the sentence's).
              next.push(art, recs.idx[i], recs.start[i], recs.end[i], recs.surface[i], k, recs.passage[i], fl & ~SI);
              changed = true;
              continue;
            }
            if ((fl & (SI | THE)) === THE && theTails.has(f.key)) {
              // "the Heels" mid-sentence, capitalised, where the corpus names the Tar Heels: the short name.
              next.push(art, recs.idx[i], recs.start[i], recs.end[i], recs.surface[i], k, recs.passage[i], fl);
              continue;
            }
            this.dropped.add(f.key);
            changed = true;
            continue;
          }
        } else if (
          (!((fl & CUE) === CUE_PERSON && fl & STRONG) || f.words >= 3) &&
          !this.glossaryKeys.has(f.key) &&
          !expansions[art]?.has(recs.idx[i]) &&
          !givenAndSurname(f) &&
          !NICKNAME_INSIDE.test(recs.surface[i])
        ) {
          const noApos = this.arts[art].names.noApostrophes;
          const memo = plans[noApos ? 1 : 0];
          const surface = recs.surface[i];
          plan = memo.get(surface) ?? null;
          if (!memo.has(surface)) {
            plan = trailingAcronym(surface) ?? segment(surface, f.count, noApos, common, (key) => this.formOf(key), spelledCount);
            // A title makes a person of the run, so it only sheds a place, group or acronym glued to a person's
            // full name ("Foreign Minister Mohammad Javad Zarif Iran", "Syrian Coalition Anas al-Abdah").
            if (plan && (fl & CUE) === CUE_PERSON && fl & STRONG && !personBesideOther(plan, (key) => this.formOf(key))) plan = null;
            memo.set(surface, plan);
            budget -= 16;
          }
          // "Syrian Revolution General Commission SRGC": the name and its acronym, stated equal.
          if (plan && plan.length === 2 && plan[1]!.acr && plan[1]!.key === initials(plan[0]!.key))
            this.initialsStated.add(`${plan[0]!.key}\n${plan[1]!.key}`);
        }
        if (!plan) {
          next.push(art, recs.idx[i], recs.start[i], recs.end[i], recs.surface[i], k, recs.passage[i], fl);
          continue;
        }
        changed = true;
        const start = recs.start[i];
        const surface = recs.surface[i];
        for (const p of plan) {
          const si = p.s === 0 && fl & SI ? SI : 0;
          const cue = p.acr ? CUE_GROUP : 0;
          // Parts keep the mention's other flags; "strong" and the cue belonged to the whole run.
          const flags = (fl & (THE | ACR | PS | DEFS)) | si | cue;
          next.push(
            art,
            recs.idx[i],
            start + p.s,
            start + p.e,
            this.shared(surface.slice(p.s, p.e)),
            this.intern(p.key),
            recs.passage[i],
            flags,
          );
        }
      }
      return i;
    });
    if (changed) {
      this.recs = next;
      this.forms = yield* this.buildForms();
    }
  }

  /** Key-level merges: stated renamings kept apart, glossary, synonyms, acronyms, spelling variants, short forms. */
  private *mergeKeys(): Generator<void, Stated, void> {
    const { uf, arts, glossaryKeys, recs } = this;
    const formList = this.forms.list;
    const idOf = (k: string): number | undefined => this.idOf(k);

    // Mentions by (article, index in the article's extraction); a split mention answers with its first part.
    // Only articles stating renamings or acronyms need them.
    const recAt: (number[] | null)[] = arts.map((a) => (a.names.relations.length || a.names.acronyms.length ? [] : null));
    yield* this.slices(recs.n, (from) => {
      const to = Math.min(recs.n, from + STEP * 4);
      for (let i = from; i < to; i++) {
        const at = recAt[recs.art[i]];
        if (at && at[recs.idx[i]] === undefined) at[recs.idx[i]] = i;
      }
      return to;
    });
    const keyAt = (ai: number, idx: number): string | undefined => {
      const i = recAt[ai]![idx];
      return i === undefined ? undefined : this.keyStr[recs.k[i]];
    };

    // Stated renamings keep their two sides apart.
    const relations: Stated['relations'] = [];
    arts.forEach((a, ai) => {
      for (const rel of a.names.relations) {
        const ka = keyAt(ai, rel.from);
        const kb = keyAt(ai, rel.to);
        if (!ka || !kb || ka === kb) continue;
        const ia = idOf(ka)!;
        const ib = idOf(kb)!;
        uf.separate(ia, ib);
        relations.push({ a: ia, b: ib, relation: rel.relation });
      }
    });

    // Glossary names and aliases are one entity by the reader's say-so.
    const glossaryRoots: Stated['glossaryRoots'] = [];
    for (const g of this.glossary) {
      if (g.hidden) continue;
      const ids = [g.name, ...g.aliases].map((n) => idOf(nameKey(n))).filter((x): x is number => x !== undefined);
      for (const x of ids.slice(1)) uf.union(ids[0], x, true);
      if (ids.length) glossaryRoots.push({ entry: g, id: ids[0] });
    }

    // Built-in synonyms (Daesh = ISIS = ISIL = IS = Islamic State).
    for (const row of SYNONYMS) {
      const ids = row.map((k) => idOf(k)).filter((x): x is number => x !== undefined);
      for (const x of ids.slice(1)) uf.union(ids[0], x);
    }

    // Acronyms defined in the text: "Hayat Tahrir al-Sham (HTS)". Other stated equivalences ("known as", a
    // translation in brackets) are gathered first: a name stated as the equivalent of several others joins only
    // the one the texts state most ("Army of Conquest" is Jaysh al-Fateh, though one text says Jaysh al-Islam).
    const acronymDefs: AcronymDef[] = [];
    const stated = new Map<number, Map<number, number>>();
    arts.forEach((a, ai) => {
      for (const d of a.names.acronyms) {
        const ra = recAt[ai]![d.acr];
        const re = recAt[ai]![d.exp];
        if (ra === undefined || re === undefined || recs.k[ra] === recs.k[re]) continue;
        const ia = idOf(this.keyStr[recs.k[ra]])!;
        const ie = idOf(this.keyStr[recs.k[re]])!;
        if (!(recs.flags[ra] & ACR)) {
          let m = stated.get(ia);
          if (!m) stated.set(ia, (m = new Map()));
          m.set(ie, (m.get(ie) ?? 0) + 1);
          continue;
        }
        uf.union(ia, ie);
        acronymDefs.push({
          acr: ia,
          exp: ie,
          art: ai,
          start: recs.start[ra],
          end: recs.end[ra],
          surface: recs.surface[ra],
          expSurface: recs.surface[re],
        });
      }
    });
    for (const pair of this.initialsStated) {
      const [name, acr] = pair.split('\n') as [string, string];
      const a = idOf(name);
      const b = idOf(acr);
      if (a !== undefined && b !== undefined) uf.union(b, a);
    }
    for (const [ia, sides] of stated) {
      const ranked = [...sides].sort((x, y) => y[1] - x[1]);
      if (ranked.length > 1 && ranked[0]![1] === ranked[1]![1]) continue;
      // A place is never stated to be a group or a person: "al-Qaida's affiliate in Syria known as Fatah al-Sham
      // Front" and a dateline "Syria (The Associated Press …)" name two things side by side.
      if (kindsClash(formList[ia]!.votes, formList[ranked[0]![0]]!.votes)) continue;
      uf.union(ia, ranked[0]![0]);
    }
    if (this.spent(arts.length >> 2)) yield;

    const neighbourCache = new Map<number, Set<string>>();
    const neighbours = (f: Form): Set<string> => {
      let s = neighbourCache.get(f.id);
      if (!s) {
        s = new Set();
        let n = 0;
        for (const ai of f.arts) {
          if (n++ >= 20) break;
          const ms = arts[ai].names.mentions;
          for (const m of ms) if (m.key !== f.key) s.add(m.key);
          this.budget -= ms.length;
        }
        neighbourCache.set(f.id, s);
      }
      return s;
    };
    // The kinds of the full names each word ends ("lyons": a person, Michelle Lyons; "lions": a team, Detroit Lions).
    let tailKinds: Map<string, Set<EntityKind>> | undefined;
    const tailKindsOf = (key: string): Set<EntityKind> | undefined => {
      if (!tailKinds) {
        tailKinds = new Map();
        for (const f of formList) {
          if (f.words < 2 || f.acr) continue;
          const k = kindOf(f.votes).kind;
          const tail = f.key.slice(f.key.lastIndexOf(' ') + 1);
          const set = tailKinds.get(tail);
          if (set) set.add(k);
          else tailKinds.set(tail, new Set([k]));
        }
      }
      return tailKinds.get(key);
    };
    const variantConfidence = (a: Form, b: Form, c: { exact: boolean; near: boolean }): number => {
      // Two spellings of one word, each the last word of full names of other kinds, are two names: "Lyons" of
      // spokeswoman Michelle Lyons is not "Lions" of the Detroit Lions.
      if (a.words === 1 && b.words === 1 && a.key !== b.key) {
        const ta = tailKindsOf(a.key);
        const tb = tailKindsOf(b.key);
        if (ta && tb && ![...ta].some((k) => tb.has(k))) return 0;
      }
      let conf = c.exact ? 0.95 : c.near ? 0.55 : 0.75;
      const ka = kindOf(a.votes);
      const kb = kindOf(b.votes);
      if (ka.kind !== 'other' && ka.kind === kb.kind) conf += 0.15;
      else if (ka.decisive && kb.decisive && ka.kind !== kb.kind) conf -= 0.5;
      // A lone word spelled differently ("Heller", "Hiller") is one name only in the same company: two surnames
      // one letter apart are as often two people.
      const sameNonPerson = ka.decisive && kb.decisive && ka.kind === kb.kind && ka.kind !== 'person';
      const lone = a.words === 1 && b.words === 1 && !c.exact && !sameNonPerson;
      // Context can move the score by at most 0.15 either way: only look when that could change the outcome.
      if (!lone && (conf - 0.15 >= MERGE_THRESHOLD || conf + 0.15 < MERGE_THRESHOLD)) return conf;
      const na = neighbours(a);
      const nb = neighbours(b);
      let shared = 0;
      for (const x of na) if (nb.has(x) && ++shared >= 2) break;
      if (lone && shared < 2) return 0;
      if (shared >= 2) conf += 0.15;
      else if (na.size >= 5 && nb.size >= 5 && shared === 0) conf -= 0.15;
      return conf;
    };

    // Spelling variants: same consonant skeleton, compatible word by word.
    const variantForms = formList.filter((f) => !f.acr && f.key.replace(/ /g, '').length >= 3);
    if (this.spent(formList.length >> 1)) yield;
    {
      const skeletons = yield* this.blocks(
        variantForms,
        (f) => {
          const sk = skeletonKey(f.key);
          return sk.replace(/ /g, '').length < 2 ? undefined : sk;
        },
        2,
      );
      yield* this.unionPairs(skeletons, (a, b) => {
        const c = keysCompatible(a.key, b.key);
        return c.ok && variantConfidence(a, b, c) >= MERGE_THRESHOLD;
      });
    }
    // Word breaks that differ: "Abdel Rahman"/"Abdulrahman"/"Abdurrahman", "Nour al-Din"/"Noureddin".
    {
      const joined = yield* this.blocks(variantForms, (f) => {
        const sk = skeletonWord(joinedLightKey(f.key));
        return sk.length < 3 ? undefined : sk;
      });
      yield* this.unionPairs(joined, (a, b) => {
        if (a.words === b.words || uf.find(a.id) === uf.find(b.id)) return false;
        const c = joinedCompatible(a.key, b.key);
        return c.ok && variantConfidence(a, b, c) >= MERGE_THRESHOLD;
      });
    }
    // Identical folded spellings too short for a skeleton ("Foua"/"Fuaa").
    {
      const folded = yield* this.blocks(formList, (f) => (f.acr ? undefined : lightKey(f.key)));
      for (const b of folded) {
        // Each joins the first form of its bucket (not every pair): identical folded keys are one spelling.
        for (let i = 1; i < b.length; i++) {
          if (variantConfidence(b[0], b[i], { exact: true, near: false }) >= MERGE_THRESHOLD) uf.union(b[0].id, b[i].id);
        }
        if (this.spent(b.length)) yield;
      }
    }
    // Near variants one consonant apart ("Khmeimim"/"Hmeimin"): blocked by single-deletion skeletons, long words only.
    {
      const near = yield* this.blocks(variantForms, (f) => {
        if (!f.key.split(' ').some((w) => lightWord(w).length >= 6)) return undefined;
        // Near variants differ by one look-alike consonant (m/n, d/t, s/z, b/p, f/v) and otherwise only in
        // vowels: folding those consonants in the skeleton puts every such pair in one bucket.
        const v = nearSkeletonKey(f.key);
        return v.replace(/ /g, '').length < 2 ? undefined : v;
      });
      yield* this.unionPairs(near, (a, b) => {
        if (uf.find(a.id) === uf.find(b.id)) return false;
        const c = keysCompatible(a.key, b.key);
        return c.ok && c.near && variantConfidence(a, b, c) >= MERGE_THRESHOLD;
      });
    }

    // Group names that differ only by a generic word ("Nusra Front", "Jabhat al-Nusra", "al-Nusra").
    {
      const coreOf = new Map<number, string>();
      const cores = yield* this.blocks(formList, (f) => {
        if (f.acr) return undefined;
        const k = kindOf(f.votes);
        if (k.kind === 'person' || (k.decisive && k.kind === 'place')) return undefined;
        const words = f.key.split(' ');
        const core = words.filter((w) => !GROUP_GENERIC.has(w));
        if (!core.length || !core.some((w) => !GENERIC_ADJ.has(w) && !DEMONYMS.has(w) && !/(ian|ean|ese|ish)$/.test(w))) return undefined;
        if (core.length === words.length && words.length > 1) return undefined;
        coreOf.set(f.id, core.join(' '));
        return skeletonKey(core.join(' '));
      });
      for (const all of cores) {
        if (!all.some((f) => f.words > 1)) continue;
        if (this.spent(all.length * 4)) yield;
        // Within a skeleton bucket, cores must be spellings of each other ("Fateh al-Sham" = "Fatah al-Sham").
        const subs: Form[][] = [];
        for (const f of all) {
          const home = subs.find((s) => keysCompatible(coreOf.get(s[0].id)!, coreOf.get(f.id)!).ok);
          if (home) home.push(f);
          else subs.push([f]);
        }
        for (const b of subs) {
          if (b.length < 2 || !b.some((f) => f.words > 1)) continue;
          const classOf = (f: Form): string =>
            f.key
              .split(' ')
              .map((w) => GENERIC_CLASS[w])
              .filter(Boolean)
              .sort()
              .join('+');
          const classes = new Set(b.map(classOf).filter(Boolean));
          const byClass = new Map<string, Form>();
          for (const f of b) {
            const c = classOf(f);
            // Without a distinguishing generic word ("Nusra", "Nusra group") a form joins only an unambiguous bucket.
            const target = c || (classes.size <= 1 ? ([...classes][0] ?? '') : null);
            if (target === null) continue;
            const first = byClass.get(target);
            if (first) uf.union(first.id, f.id);
            else byClass.set(target, f);
          }
          const empty = byClass.get('');
          if (empty && classes.size === 1) uf.union(empty.id, byClass.get([...classes][0])!.id);
        }
      }
    }

    // Acronyms by corpus statistics: one multi-word name with those initials, seen in the same article.
    {
      const byInitials = new Map<string, Form[]>();
      for (const f of formList) {
        if (f.acr || f.words < 2) continue;
        const ini = initials(f.key);
        if (this.spent(1)) yield;
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
        if (this.spent(cands.length + f.arts.length)) yield;
        const mine = new Set(f.arts);
        // With several candidates ("Syrian Arab News Agency" and a glued run "Syrias Aleppo NGO AFP" for "SANA"), the
        // one seen with it in some article and named at least three times as often as any other.
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
    }

    // Short forms of an organisation's name: "Observatory" and "Syrian Observatory" for "Syrian Observatory for
    // Human Rights". A form of one or two words ending in an organisation word joins the one group whose full name
    // starts with it or is headed by it ("Observatory for …"), when both appear in some article together.
    {
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
        if (this.spent(1 + f.arts.length)) yield;
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
        if (this.spent(2)) yield;
      }
      for (const f of formList) {
        if (f.acr || f.words > 2 || glossaryKeys.has(f.key)) continue;
        const cands = fullOf.get(f.key);
        if (!cands) continue;
        const r = uf.find(f.id);
        if (cands.has(r)) continue;
        if (this.spent(cands.size + f.arts.length)) yield;
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
    }
    yield* this.fullNameVariants();
    yield* this.statedGivenNames();
    return { relations, glossaryRoots, acronymDefs };
  }

  /**
   * One person under fuller and shorter full names: a middle name or a generational suffix more ("Mark Jay
   * Heller" = "Mark Heller", "Anthony LaCalamita III" = "Anthony LaCalamita"), or a given name cut short ("Fred
   * LaRue" = "Frederick LaRue"). Never across different given names ("John" ≠ "Katie Jenkin"), never "Jr." with
   * "Sr.", and a cut-short given name only for names never used side by side in one article.
   */
  private *fullNameVariants(): Generator<void, void, void> {
    const { uf } = this;
    const entryOf = new Map<Form, { f: Form; ws: string[]; suffix: string }>();
    const byEnds = yield* this.blocks(this.forms.list, (f) => {
      if (f.acr || f.words < 2) return undefined;
      const k = kindOf(f.votes);
      if (k.decisive && k.kind !== 'person') return undefined;
      let ws = f.key.split(' ').filter((w) => !KEY_ARTICLES_SET.has(w));
      let suffix = '';
      if (ws.length > 2 && GENERATIONAL.has(ws[ws.length - 1]!)) {
        suffix = ws[ws.length - 1]!;
        ws = ws.slice(0, -1);
      }
      if (ws.length < 2 || ws.some((w) => GROUP_HEADS.has(w) || PLACE_HEADS.has(w))) return undefined;
      const last = lightWord(ws[ws.length - 1]!);
      if (last.length < 3) return undefined;
      entryOf.set(f, { f, ws: ws.map(lightWord), suffix });
      return last;
    });
    for (const forms of byEnds) {
      const b = forms.map((f) => entryOf.get(f)!);
      if (this.spent(b.length * b.length)) yield;
      for (let i = 0; i < b.length; i++) {
        for (let j = i + 1; j < b.length; j++) {
          const x = b[i]!;
          const y = b[j]!;
          if (x.suffix && y.suffix && x.suffix !== y.suffix) continue;
          const [short, long] = x.ws.length <= y.ws.length ? [x, y] : [y, x];
          const a = short.ws[0]!;
          const c = long.ws[0]!;
          let same = false;
          if (a === c) {
            // Same given and family name: the longer has middle names the shorter leaves out.
            // A word twice is two names glued ("Bashar Assad Hafez Assad"), not a middle name.
            same = new Set(long.ws).size === long.ws.length && long.ws.length <= 4 && isSubsequence(short.ws, long.ws);
          } else if (
            short.ws.length === 2 &&
            long.ws.length <= 4 &&
            new Set(long.ws).size === long.ws.length &&
            long.ws.length >= 3 &&
            long.ws[long.ws.length - 2] === a &&
            long.f.strongPerson > 0
          ) {
            // The shorter name's given name is the nickname of a longer one that a title makes a person's ("Jerry
            // Ortiz" and "Deputy Luis Gerardo (Jerry) Ortiz"); "Angels GM Tony Reagins" is two names glued.
            same = true;
          } else if (
            short.ws.length === 2 &&
            long.ws.length === 2 &&
            a.length >= 3 &&
            c.length >= 3 &&
            (c.startsWith(a) || a.startsWith(c))
          ) {
            const arts = new Set(x.f.arts);
            same = !y.f.arts.some((art) => arts.has(art));
          }
          if (same) uf.union(x.f.id, y.f.id);
        }
      }
    }
  }

  /**
   * A given name the texts state for a person ("Kathryn Jenkin, known as Katie") also opens that person's full name
   * with the same family name ("Katie Jenkin"): a stated nickname, not a guess from spelling.
   */
  private *statedGivenNames(): Generator<void, void, void> {
    const { uf } = this;
    const list = this.forms.list;
    // Clusters holding both a one-word name and a person's two-word name, found without a list per cluster.
    const lone = new Uint8Array(list.length);
    for (const f of list) if (f.words === 1 && !f.acr) lone[uf.find(f.id)] = 1;
    if (this.spent(list.length >> 2)) yield;
    const full = new Map<number, Form[]>();
    for (const f of list) {
      if (f.words !== 2 || f.acr) continue;
      const r = uf.find(f.id);
      if (!lone[r] || kindOf(f.votes).kind !== 'person') continue;
      const l = full.get(r);
      if (l) l.push(f);
      else full.set(r, [f]);
    }
    if (!full.size) return;
    const lones = new Map<number, Form[]>();
    for (const f of list) {
      if (f.words !== 1 || f.acr) continue;
      const r = uf.find(f.id);
      if (!full.has(r)) continue;
      const l = lones.get(r);
      if (l) l.push(f);
      else lones.set(r, [f]);
    }
    if (this.spent(list.length >> 2)) yield;
    for (const [r, fulls] of full) {
      const ns = lones.get(r) ?? [];
      // One person and a nickname or two; a cluster of many names (a glued run of a whole page) states nothing.
      if (!ns.length || ns.length > 8 || fulls.length > 8) continue;
      for (const f of fulls) {
        const [given, family] = f.key.split(' ') as [string, string];
        for (const n of ns) {
          if (n.key === given || n.key === family) continue;
          const other = this.formOf(`${n.key} ${family}`);
          if (other && !other.acr) uf.union(f.id, other.id);
        }
      }
    }
  }

  /** Short forms joined to full names, then entities with names, kinds, definitions, ids and links. */
  /**
   * Homonyms: a place and an organisation of one name ("al-Baath city" in Quneitra, "the ruling Baath party"). Where
   * head nouns call a name a place in some articles and an organisation in others, twice or more each, an article
   * that calls it a place and never a group is about the place: its mentions of the name are another entity. An
   * article that says neither stays with the cluster; so does every acronym ("IS town" is the group's town).
   */
  private *placeBesideOrganisation(
    clusters: Map<number, Form[]>,
    clusterVotes: Map<number, Votes>,
    clusterCount: Map<number, number>,
    glossaryRoots: Set<number>,
    homonymOf: Map<number, number>,
  ): Generator<void, void, void> {
    const { uf, recs } = this;
    const { byK, list: formList } = this.forms;
    // Per cluster root and article: strong place cues, any group cue, strong group cues, mentions.
    const tally = new Map<number, Map<number, [number, number, number, number]>>();
    const cued = new Set<number>();
    for (let i = 0; i < recs.n; i++) {
      const fl = recs.flags[i];
      const cue = fl & CUE;
      if (fl & ACR || (cue !== CUE_GROUP && !(cue === CUE_PLACE && fl & STRONG)) || homonymOf.has(i)) continue;
      const r = uf.find(byK[recs.k[i]]!.id);
      cued.add(r);
      let arts = tally.get(r);
      if (!arts) tally.set(r, (arts = new Map()));
      let t = arts.get(recs.art[i]);
      if (!t) arts.set(recs.art[i], (t = [0, 0, 0, 0]));
      if (cue === CUE_PLACE) t[0]++;
      else {
        t[1]++;
        if (fl & STRONG) t[2]++;
      }
    }
    if (cued.size === 0) return;
    for (let i = 0; i < recs.n; i++) {
      if (homonymOf.has(i) || recs.flags[i] & ACR) continue;
      const t = tally.get(uf.find(byK[recs.k[i]]!.id))?.get(recs.art[i]);
      if (t) t[3]++;
    }
    if (this.spent(recs.n >> 1)) yield;
    // An article is about the place when most of its mentions of the name are cued as a place and none as a group
    // (not "blamed on Daesh" once in a story of Daesh attacks).
    const placeArts = new Map<number, Set<number>>();
    for (const [r, arts] of tally) {
      if (glossaryRoots.has(r)) continue;
      let place = 0;
      let organisation = 0;
      const set = new Set<number>();
      for (const [a, [p, g, sg, n]] of arts) {
        if (p > 0 && g === 0 && 2 * p >= n) {
          place += p;
          set.add(a);
        } else if (p === 0) organisation += sg;
      }
      if (place >= 2 && organisation >= 2) placeArts.set(r, set);
    }
    if (placeArts.size === 0) return;
    const made = new Map<number, Form>();
    for (let i = 0; i < recs.n; i++) {
      if (homonymOf.has(i) || recs.flags[i] & ACR) continue;
      const r = uf.find(byK[recs.k[i]]!.id);
      if (!placeArts.get(r)?.has(recs.art[i])) continue;
      let f = made.get(r);
      if (!f) {
        f = newForm(this.keyStr[recs.k[i]], recs.k[i], formList.length);
        formList.push(f);
        uf.add();
        made.set(r, f);
        clusters.set(f.id, [f]);
        clusterVotes.set(f.id, emptyVotes());
        clusterCount.set(f.id, 0);
      }
      f.count++;
      if (f.arts[f.arts.length - 1] !== recs.art[i]) f.arts.push(recs.art[i]);
      addVoteBits(f.votes, recs.flags[i]);
      addVoteBits(clusterVotes.get(f.id)!, recs.flags[i]);
      clusterCount.set(f.id, f.count);
      homonymOf.set(i, f.id);
    }
  }

  private *build({ relations, glossaryRoots, acronymDefs }: Stated): Generator<void, EntityIndex, void> {
    const { uf, arts, recs } = this;
    const { byK, list: formList } = this.forms;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the generator's closures below read the forms table by this name
    const forms = this;

    // Clusters after all key-level merges.
    const clusters = new Map<number, Form[]>();
    for (const f of formList) {
      const r = uf.find(f.id);
      const c = clusters.get(r);
      if (c) c.push(f);
      else clusters.set(r, [f]);
    }
    const clusterVotes = new Map<number, Votes>();
    const clusterCount = new Map<number, number>();
    for (const [r, fs] of clusters) {
      const v = emptyVotes();
      let n = 0;
      for (const f of fs) {
        v.person += f.votes.person;
        v.group += f.votes.group;
        v.place += f.votes.place;
        v.notPerson += f.votes.notPerson;
        n += f.count;
      }
      clusterVotes.set(r, v);
      clusterCount.set(r, n);
    }
    if (this.spent(formList.length >> 1)) yield;
    const glossaryRootSet = new Set(glossaryRoots.map((g) => uf.find(g.id)));

    // Homonyms: a place written as a word ("Sana neighborhood") beside an organisation's acronym ("SANA") is
    // another thing of the same spelling, with its own entity (one per cluster).
    const homonymOf = new Map<number, number>();
    {
      // How much of each spelling is written as an acronym ("SANA" 305 times, "Sana" 4): per key, not per cluster,
      // so that one "DAESH" does not make an acronym of "Daesh".
      const acrN = new Map<number, number>();
      for (let i = 0; i < recs.n; i++) if (recs.flags[i] & ACR) acrN.set(recs.k[i], (acrN.get(recs.k[i]) ?? 0) + 1);
      const made = new Map<string, Form>();
      for (let i = 0; i < recs.n; i++) {
        const fl = recs.flags[i];
        if (!(fl & STRONG) || fl & ACR) continue;
        if ((fl & CUE) !== CUE_PLACE) continue;
        const r = uf.find(byK[recs.k[i]]!.id);
        const share = (acrN.get(recs.k[i]) ?? 0) / byK[recs.k[i]]!.count;
        if (glossaryRootSet.has(r) || !placeBesideAcronym(3, clusterVotes.get(r)!, share)) continue;
        const at = `${r}`;
        let f = made.get(at);
        if (!f) {
          f = newForm(this.keyStr[recs.k[i]], recs.k[i], formList.length);
          formList.push(f);
          uf.add();
          made.set(at, f);
          clusters.set(f.id, [f]);
          clusterVotes.set(f.id, emptyVotes());
          clusterCount.set(f.id, 0);
        }
        f.count++;
        if (f.arts[f.arts.length - 1] !== recs.art[i]) f.arts.push(recs.art[i]);
        addVoteBits(f.votes, fl);
        addVoteBits(clusterVotes.get(f.id)!, fl);
        clusterCount.set(f.id, f.count);
        homonymOf.set(i, f.id);
      }
    }

    yield* this.placeBesideOrganisation(clusters, clusterVotes, clusterCount, glossaryRootSet, homonymOf);

    // Short forms: a surname alone ("Assad", "Golani", "Katz") or the tail of a full name ("Abdel Rahman") joins
    // the full name of a person ending in it; where several people share it, the one named in the same article,
    // else the most mentioned.
    const strongPerson = (fs: Form[]): number => {
      let n = 0;
      for (const f of fs) n += f.strongPerson;
      return n;
    };
    // A full name is someone's when a title or role says so, or when its first word is not itself a common
    // place or group ("Russia Iran" glued by a missing comma is nobody).
    const personal = (fs: Form[], r: number): boolean => {
      if (kindOf(clusterVotes.get(r)!).kind !== 'person') return false;
      if (strongPerson(fs) > 0) return true;
      return fs.some((f) => {
        if (f.words < 2) return false;
        const first = forms.formOf(f.key.split(' ')[0]);
        // A first word that is also a town ("Tyler Hansbrough") opens a glued run only when the last word is a
        // place or group of its own too.
        const notPersonal = (w: string): boolean => {
          const x = forms.formOf(w);
          if (!x || x.count < 3) return false;
          const k = kindOf(x.votes);
          return k.decisive && k.kind !== 'person';
        };
        return !first || !notPersonal(first.key) || !notPersonal(f.key.slice(f.key.lastIndexOf(' ') + 1));
      });
    };
    const fullBySuffix = new Map<string, Set<number>>();
    for (const [r, fs] of clusters) {
      if (this.spent(fs.length)) yield;
      if (!fs.some((f) => f.words > 1) || !personal(fs, r)) continue;
      for (const f of fs) {
        if (f.words < 2 || f.acr) continue;
        let ws = f.key.split(' ').map(lightWord);
        // "Arcade Joseph Comeaux Jr." ends in "Comeaux" for a reader.
        if (ws.length > 2 && GENERATIONAL.has(ws[ws.length - 1]!)) ws = ws.slice(0, -1);
        indexTails(fullBySuffix, ws, r);
      }
    }
    // Groups and works are also named by the tail of their full name ("Red Sox" for Boston Red Sox, "Jaguars" for
    // Jacksonville Jaguars, "Herald" for the Boston Herald), but with no surname's licence to travel: such a tail
    // joins only a full name that its own article gives, or the only full name of the corpus ending in it.
    const groupBySuffix = new Map<string, Set<number>>();
    for (const [r, fs] of clusters) {
      if (this.spent(fs.length)) yield;
      const kind = kindOf(clusterVotes.get(r)!).kind;
      if (kind === 'person' || !fs.some((f) => f.words > 1)) continue;
      for (const f of fs) {
        if (f.words < 2 || f.acr) continue;
        const ws = f.key.split(' ').map(lightWord);
        indexTails(groupBySuffix, ws, r);
      }
    }
    const exactTails = new Set<string>();
    for (const f of formList) if (f.words > 1 && !f.acr) exactTails.add(f.key.slice(f.key.lastIndexOf(' ') + 1));
    const groupTargets = new Map<number, number[]>();
    const shortTargets = new Map<number, number[]>();
    // A name read as a place from weak cues ("at the Colts", "from the Colts") and mostly written after "the" is a
    // team's or band's short name as much as a place: towns go without "the". Strong place cues must be a fair
    // share of its uses to say otherwise (one "in Colts history" among 160 does not).
    const theTeam = (fs: Form[], r: number): boolean => {
      let strongPlace = 0;
      for (const f of fs) strongPlace += f.strongPlace;
      const n = clusterCount.get(r) ?? 0;
      return 4 * strongPlace < n && 2 * clusterVotes.get(r)!.notPerson >= n;
    };
    for (const [r, fs] of clusters) {
      if (this.spent(fs.length)) yield;
      if (fs.some((f) => f.acr) || glossaryRootSet.has(r)) continue;
      if (kindOf(clusterVotes.get(r)!).kind !== 'place' || theTeam(fs, r)) {
        const tails = new Set<number>();
        for (const f of fs) for (const t of groupBySuffix.get(lightKey(f.key)) ?? []) if (t !== r) tails.add(t);
        if (tails.size) groupTargets.set(r, [...tails]);
      }
      // Only strong cues (head nouns, "province", "in …") keep a bare word from being someone's surname.
      if (strongNonPerson(fs)) continue;
      let cands: Set<number> | null = null;
      // Any of its spellings may be the one a full name ends in ("Klitschko", not its misspelling "Kiltschko").
      for (const f of fs) {
        const hit = fullBySuffix.get(lightKey(f.key));
        if (!hit) continue;
        const next = new Set<number>();
        for (const t of hit) if (t !== r) next.add(t);
        cands = cands ? new Set([...cands, ...next]) : next;
      }
      // A word that some full name ends in exactly as written is short for one of those: "Lions" of the Detroit
      // Lions is not short for Michelle Lyons, though the two spellings fold alike.
      if (cands && cands.size && fs.some((f) => exactTails.has(f.key))) {
        const ends = fs.map((f) => ' ' + f.key);
        for (const c of [...cands]) if (!(clusters.get(c) ?? []).some((g) => ends.some((e) => g.key.endsWith(e)))) cands.delete(c);
      }
      // A word used far more often alone than any full name ending in it, and not as a person, is its own thing
      // ("Iran" is not short for a glued "Mohammad Javad Zarif Iran").
      // A word that reads as a place or group by itself only joins a full name that a title or role makes a person.
      // One "in Jackman" among forty bare "Jackman"s does not make a place: the cue must be a fair share of its uses.
      const selfKind = kindOf(clusterVotes.get(r)!);
      const selfVotes = clusterVotes.get(r)!;
      const kindShare = (selfKind.kind === 'place' ? selfVotes.place : selfVotes.group) / Math.max(1, clusterCount.get(r) ?? 0);
      if (cands && selfKind.decisive && selfKind.kind !== 'person' && kindShare >= 0.25) {
        for (const c of [...cands]) if (strongPerson(clusters.get(c) ?? []) === 0) cands.delete(c);
      }
      if (cands && cands.size) {
        const own = clusterCount.get(r) ?? 0;
        const best = Math.max(...[...cands].map((c) => clusterCount.get(c) ?? 0));
        const k = kindOf(clusterVotes.get(r)!).kind;
        if (own > 10 * best && (k !== 'person' || strongPerson(fs) === 0)) continue;
        shortTargets.set(r, [...cands]);
        groupTargets.delete(r);
      }
    }

    // A given name alone ("Lindsay", "Neil") is the person of that given name whom the same article names in full.
    const fullByFirst = new Map<string, Set<number>>();
    for (const [r, fs] of clusters) {
      if (this.spent(fs.length)) yield;
      if (!fs.some((f) => f.words > 1) || !personal(fs, r)) continue;
      for (const f of fs) {
        if (f.words < 2 || f.acr) continue;
        const first = f.key.split(' ')[0]!;
        if (NOT_GIVEN.has(first) || first.length < 3) continue;
        const lw = lightWord(first);
        let set = fullByFirst.get(lw);
        if (!set) fullByFirst.set(lw, (set = new Set()));
        set.add(r);
      }
    }
    const givenTargets = new Map<number, number[]>();
    for (const [r, fs] of clusters) {
      if (this.spent(fs.length)) yield;
      if (shortTargets.has(r) || glossaryRootSet.has(r) || fs.some((f) => f.acr || f.words > 1) || strongNonPerson(fs)) continue;
      const selfKind = kindOf(clusterVotes.get(r)!);
      if (selfKind.decisive && selfKind.kind !== 'person') continue;
      const cands = new Set<number>();
      for (const f of fs) for (const c of fullByFirst.get(lightWord(f.key)) ?? []) if (c !== r) cands.add(c);
      if (cands.size) givenTargets.set(r, [...cands]);
    }
    // A given name that is also a word of a group's or place's name ("Manar" of Al-Manar TV, "Manar al-Frieh"): a
    // bare mention of it in an article that names that person in full is the person, never corpus-wide.
    const givenHomographs = new Map<number, number[]>();
    for (const [r, fs] of clusters) {
      if (this.spent(fs.length)) yield;
      if (givenTargets.has(r) || shortTargets.has(r) || glossaryRootSet.has(r) || kindOf(clusterVotes.get(r)!).kind === 'person') continue;
      // Only where the bare word is a short form of a longer name ("Manar" of "Al-Manar TV"): a word that is a
      // full name by itself ("Israel" beside "Israel Katz") keeps its own meaning.
      if (!fs.some((f) => f.words > 1) || fs.some((f) => f.acr)) continue;
      const cands = new Set<number>();
      for (const f of fs) if (f.words === 1) for (const c of fullByFirst.get(lightWord(f.key)) ?? []) if (c !== r) cands.add(c);
      if (cands.size) givenHomographs.set(r, [...cands]);
    }

    // Where each possible target of a short form is named in each article: the nearest one before the short form
    // wins ("Jenkin" after "Katie Jenkin" is Katie), else the nearest after it.
    const targets = new Set<number>();
    for (const cs of shortTargets.values()) for (const c of cs) targets.add(c);
    for (const cs of givenTargets.values()) for (const c of cs) targets.add(c);
    for (const cs of groupTargets.values()) for (const c of cs) targets.add(c);
    for (const cs of givenHomographs.values()) for (const c of cs) targets.add(c);
    const rootsInArt = new Map<number, Map<number, number>>();
    const placesInArt = new Map<number, number[]>();
    // The other half of each candidate's full name: given names for surnames alone, surnames for given names alone.
    const wordsOf = (c: number, at: 'first' | 'last'): string[] => {
      const out: string[] = [];
      for (const f of clusters.get(c) ?? []) {
        if (f.words < 2 || f.acr) continue;
        let ws = f.key.split(' ');
        if (ws.length > 2 && GENERATIONAL.has(ws[ws.length - 1]!)) ws = ws.slice(0, -1);
        const w = lightWord(at === 'first' ? ws[0]! : ws[ws.length - 1]!);
        if (w.length >= 3 && !out.includes(w)) out.push(w);
      }
      return out;
    };
    const givenWords = new Map<number, string[]>();
    const surnameWords = new Map<number, string[]>();
    const halves = new Set<string>();
    for (const cs of shortTargets.values())
      for (const c of cs)
        if (!givenWords.has(c)) {
          const ws = wordsOf(c, 'first');
          givenWords.set(c, ws);
          for (const w of ws) halves.add(w);
        }
    for (const cs of givenTargets.values())
      for (const c of cs)
        if (!surnameWords.has(c)) {
          const ws = wordsOf(c, 'last');
          surnameWords.set(c, ws);
          for (const w of ws) halves.add(w);
        }
    /** Per article: the halves of candidates' names that it uses as one-word names. */
    const halvesInArt = new Map<number, Set<string>>();
    // Per key: the half of a name it is (an index into halfList), -1 for none, -2 not yet looked at.
    const halfOfKey = new Int32Array(this.keyStr.length).fill(-2);
    const halfList: string[] = [];
    const halfIndex = new Map<string, number>();
    const anyHomonym = homonymOf.size > 0;
    yield* this.slices(recs.n, (from) => {
      const to = Math.min(recs.n, from + STEP);
      for (let i = from; i < to; i++) {
        const root = (anyHomonym ? homonymOf.get(i) : undefined) ?? uf.find(byK[recs.k[i]]!.id);
        recs.root[i] = root;
        if (halves.size) {
          const k = recs.k[i];
          let half = halfOfKey[k]!;
          if (half === -2) {
            const f = byK[k]!;
            const lw = f.words === 1 && !f.acr ? lightWord(f.key) : '';
            half = -1;
            if (halves.has(lw)) {
              half = halfIndex.get(lw) ?? -1;
              if (half < 0) {
                half = halfList.length;
                halfList.push(lw);
                halfIndex.set(lw, half);
              }
            }
            halfOfKey[k] = half;
          }
          if (half >= 0) {
            let set = halvesInArt.get(recs.art[i]);
            if (!set) halvesInArt.set(recs.art[i], (set = new Set()));
            set.add(halfList[half]!);
          }
        }
        if (targets.has(root)) {
          let m = rootsInArt.get(recs.art[i]);
          if (!m) rootsInArt.set(recs.art[i], (m = new Map()));
          // An article names a candidate by a full name; a stated nickname alone ("Katie") marks no more than
          // that it is named here, so it cannot outvote another person of the family.
          m.set(root, (m.get(root) ?? 0) + (byK[recs.k[i]]!.words > 1 ? 1 : 0));
          let p = placesInArt.get(recs.art[i]);
          if (!p) placesInArt.set(recs.art[i], (p = []));
          p.push(recs.start[i], root);
        }
      }
      return to;
    });
    /**
     * The candidate this article names nearest the short form. When it names several, the one it names at least
     * twice as often as any other ("LaCalamita" in a story of Anthony LaCalamita that names his wife once), else
     * -2: ambiguous.
     */
    const nearest = (art: number, start: number, cands: number[]): number => {
      const places = placesInArt.get(art);
      if (!places) return -1;
      const here = rootsInArt.get(art)!;
      const named: NamedCount[] = [];
      for (const c of cands) {
        const n = here.get(c);
        if (n !== undefined) named.push({ c, n: Math.max(1, n) });
      }
      if (named.length > 1) {
        // Only one of them named yet at this point of the story: the surname is that one's ("Gigante died" after
        // Vincent Gigante and before his brother Louis Gigante comes in).
        let first = -1;
        for (let j = 0; j < places.length; j += 2) {
          const c = places[j + 1]!;
          if (places[j]! > start || here.get(c) === undefined || !cands.includes(c) || c === first) continue;
          if (first >= 0) {
            first = -2;
            break;
          }
          first = c;
        }
        if (first >= 0) return first;
        return pickNamed(named, nested);
      }
      let before = -1;
      let beforeAt = -1;
      let after = -1;
      let afterAt = Infinity;
      for (let j = 0; j < places.length; j += 2) {
        const at = places[j]!;
        const c = places[j + 1]!;
        if (!cands.includes(c)) continue;
        if (at <= start && at > beforeAt) {
          before = c;
          beforeAt = at;
        } else if (at > start && at < afterAt) {
          after = c;
          afterAt = at;
        }
      }
      return before >= 0 ? before : after;
    };
    const nestedMemo = new Map<string, boolean>();
    const nested = (a: number, b: number): boolean => {
      const memoKey = a < b ? `${a}:${b}` : `${b}:${a}`;
      let hit = nestedMemo.get(memoKey);
      if (hit === undefined) {
        const ka = (clusters.get(a) ?? []).filter((f) => f.words > 1).map((f) => f.key);
        const kb = (clusters.get(b) ?? []).filter((f) => f.words > 1).map((f) => f.key);
        hit = ka.some((x) => kb.some((y) => endsWithName(x, y) || endsWithName(y, x)));
        nestedMemo.set(memoKey, hit);
      }
      return hit;
    };
    const exactMemo = new Map<string, boolean>();
    const exactSuffix = (short: number, full: number): boolean => {
      const memoKey = `${short}:${full}`;
      let hit = exactMemo.get(memoKey);
      if (hit === undefined) {
        const ends = (clusters.get(short) ?? []).map((f) => ' ' + f.key);
        hit = (clusters.get(full) ?? []).some((f) => ends.some((e) => f.key.endsWith(e)));
        exactMemo.set(memoKey, hit);
      }
      return hit;
    };
    // Made on first need, from the cluster roots as they stand before short forms move (the loop below rewrites them).
    let coverageCtx: CoverageContext | undefined;
    const coverage = (): CoverageContext => {
      if (!coverageCtx) {
        const namedIn = new Map<number, number[]>();
        for (const [a, m] of rootsInArt)
          for (const [c, n] of m)
            if (n > 0) {
              const l = namedIn.get(c);
              if (l) l.push(a);
              else namedIn.set(c, [a]);
            }
        coverageCtx = new CoverageContext(recs.art, recs.root.slice(0, recs.n), recs.n, (c) => namedIn.get(c) ?? []);
      }
      return coverageCtx;
    };
    const shortOnce = (art: number, root: number, start: number): number => {
      const given = givenTargets.get(root);
      if (given) {
        const c = nearest(art, start, given);
        if (c >= 0) return c;
        if (c === -1) {
          const done = completedBy(given, (x) => surnameWords.get(x) ?? [], halvesInArt.get(art));
          if (done >= 0) return done;
        }
        // Named nowhere here: the one person of that given name in the corpus, when the name alone is rarer
        // than that person's full mentions ("Neil" in a follow-up story about Neil Meron).
        if (c === -1 && given.length === 1 && (clusterCount.get(root) ?? 0) <= (clusterCount.get(given[0]!) ?? 0)) return given[0]!;
        return root;
      }
      const tails = groupTargets.get(root);
      if (tails) {
        const c = nearest(art, start, tails);
        if (c >= 0) return c;
        return c === -1 && tails.length === 1 ? tails[0]! : root;
      }
      const cands = shortTargets.get(root);
      if (!cands) return root;
      // One surname shared by two people of one story ("Jenkin" beside John and Katie Jenkin) stays apart.
      const c = nearest(art, start, cands);
      if (c >= 0) return c;
      if (c === -2) return root;
      const done = completedBy(cands, (x) => givenWords.get(x) ?? [], halvesInArt.get(art));
      if (done >= 0) return done;
      // Named nowhere in this article: the one whose coverage names what this article names ("Bush" beside
      // Obama's species rules), else the most mentioned of those spelled exactly so ("Heller" is Mark Heller before
      // it is the more frequent Yvonne Hiller), else of all.
      const byContext = coverage().best(art, cands, root);
      if (byContext >= 0) return byContext;
      let best = -1;
      let bestScore = -1;
      for (const c of cands) {
        const score = (exactSuffix(root, c) ? 1e9 : 0) + (clusterCount.get(c) ?? 0);
        if (score > bestScore) {
          best = c;
          bestScore = score;
        }
      }
      return best;
    };

    // Each mention's entity root, and where each key's mentions ended up (for attaching one edited article's
    // mentions later without all this work). Groups are numbered in order of their first mention.
    if (shortTargets.size) coverage();
    const keyOrder: number[] = [];
    const keyRoot = new Int32Array(this.keyStr.length).fill(-1);
    const keyRootN = new Int32Array(this.keyStr.length);
    const keyRoots = new Map<number, Map<number, number>>();
    const groupOf = new Int32Array(formList.length).fill(-1);
    const groupRoots: number[] = [];
    const groupSize: number[] = [];
    yield* this.slices(recs.n, (from) => {
      const to = Math.min(recs.n, from + STEP);
      for (let i = from; i < to; i++) {
        let root = recs.root[i];
        const homograph = givenHomographs.size ? givenHomographs.get(root) : undefined;
        if (homograph && byK[recs.k[i]]!.words === 1 && !(recs.flags[i] & ACR) && !ARTICLE_OPENS.test(recs.surface[i])) {
          const c = nearest(recs.art[i], recs.start[i], homograph);
          if (c >= 0) root = c;
        }
        if (shortTargets.size || givenTargets.size || groupTargets.size) {
          for (let hop = 0; hop < 3; hop++) {
            const next = shortOnce(recs.art[i], root, recs.start[i]);
            if (next === root) break;
            root = next;
          }
        }
        recs.root[i] = root;
        const k = recs.k[i];
        if (keyRoot[k] === -1) {
          keyRoot[k] = root;
          keyOrder.push(k);
        }
        if (keyRoot[k] === root) keyRootN[k]++;
        else {
          let m = keyRoots.get(k);
          if (!m) keyRoots.set(k, (m = new Map([[keyRoot[k], 0]])));
          m.set(root, (m.get(root) ?? 0) + 1);
        }
        let g = groupOf[root];
        if (g === -1) {
          g = groupOf[root] = groupRoots.length;
          groupRoots.push(root);
          groupSize.push(0);
        }
        groupSize[g]++;
      }
      return to;
    });
    for (const g of glossaryRoots) {
      const root = uf.find(g.id);
      if (groupOf[root] === -1) {
        groupOf[root] = groupRoots.length;
        groupRoots.push(root);
        groupSize.push(0);
      }
    }
    // Mentions grouped by entity root (a counting sort, stable: each group in mention order).
    const groupStart = new Int32Array(groupRoots.length + 1);
    for (let g = 0; g < groupRoots.length; g++) groupStart[g + 1] = groupStart[g] + groupSize[g];
    const order = new Int32Array(recs.n);
    {
      const fill = groupStart.slice(0, groupRoots.length);
      for (let i = 0; i < recs.n; i++) order[fill[groupOf[recs.root[i]]]++] = i;
    }
    if (this.spent(recs.n >> 3)) yield;

    // Acronym definitions by the root of their expansion and of the acronym.
    const expansionsOf = new Map<number, string[]>();
    const acronymsOf = new Map<number, AcronymDef[]>();
    for (const d of acronymDefs) {
      const re = uf.find(d.exp);
      const ra = uf.find(d.acr);
      const e = expansionsOf.get(re);
      if (e) e.push(d.expSurface);
      else expansionsOf.set(re, [d.expSurface]);
      const a = acronymsOf.get(ra);
      if (a) a.push(d);
      else acronymsOf.set(ra, [d]);
    }

    interface Draft {
      root: number;
      entity: Entity;
      n: number;
    }
    const drafts: Draft[] = [];
    const glossaryByRoot = new Map<number, GlossaryEntry>();
    for (const g of glossaryRoots) if (!glossaryByRoot.has(uf.find(g.id))) glossaryByRoot.set(uf.find(g.id), g.entry);
    const draft = (g: number): void => {
      const root = groupRoots[g];
      let rs = order.subarray(groupStart[g], groupStart[g + 1]);
      const glos = glossaryByRoot.get(root);
      if (!glos && rs.length > 0) {
        // Ordinary words that only ever open sentences ("Refugees", "Videos") are not names.
        let ordinary = true;
        for (const i of rs) {
          if ((recs.flags[i] & (SI | ACR)) !== SI || byK[recs.k[i]]!.words !== 1) {
            ordinary = false;
            break;
          }
        }
        if (ordinary) {
          for (const i of rs) this.dropped.add(this.keyStr[recs.k[i]]);
          return;
        }
      }
      if (!inArticleOrder(recs, rs)) rs = rs.slice().sort((a, b) => recs.art[a] - recs.art[b] || recs.start[a] - recs.start[b]);
      const votes = emptyVotes();
      const surfaceCount = new Map<string, number>();
      let anyAcr = false;
      for (const i of rs) {
        addVoteBits(votes, recs.flags[i]);
        const s = recs.surface[i];
        // An outlet's name is an organisation (see namedAsOutlet).
        if (this.namedAsOutlet(s, recs.flags[i])) votes.group += 3;
        surfaceCount.set(s, (surfaceCount.get(s) ?? 0) + 1);
        if (recs.flags[i] & ACR) anyAcr = true;
      }
      const cv = clusterVotes.get(root);
      if (cv && rs.length === 0) Object.assign(votes, cv);
      let kind: EntityKind = glos?.kind ?? kindOf(votes).kind;
      if (!glos?.kind && kind === 'other' && anyAcr) kind = 'group';
      let name = glos?.name;
      if (name === undefined) {
        const exps = expansionsOf.get(root) ?? [];
        let counts = surfaceCount;
        if (anyAcr || exps.length) {
          counts = new Map();
          for (const i of rs) if (!(recs.flags[i] & ACR)) counts.set(recs.surface[i], (counts.get(recs.surface[i]) ?? 0) + 1);
          for (const s of exps) counts.set(s, (counts.get(s) ?? 0) + 1);
        }
        name = pickName(counts, recs, rs, clusters.get(root) ?? [], kind === 'person', kind === 'group');
      }
      for (const a of glos?.aliases ?? []) if (!surfaceCount.has(a)) surfaceCount.set(a, 0);
      const aliases = [...surfaceCount.entries()]
        .filter(([s]) => s !== name)
        .sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))
        .map(([s]) => s);
      const definition = glos?.definition
        ? {
            text: glos.definition,
            origin: 'glossary' as const,
            file: glos.source.file,
            start: glos.source.start,
            end: glos.source.end,
            outlet: null,
            date: null,
          }
        : pickDefinition(recs, rs, arts, this.defs, acronymsOf.get(root) ?? [], kind === 'person');
      const entity: Entity = { id: '', name, kind, aliases, definition, related: [], mentions: [] };
      if (glos) entity.glossary = { ...glos.source };
      drafts.push({ root, entity, n: rs.length });
    };
    yield* this.slices(groupRoots.length, (from) => {
      let g = from;
      for (let budget = STEP; g < groupRoots.length && budget > 0; g++) {
        draft(g);
        budget -= 2 * (groupStart[g + 1] - groupStart[g]) + 8;
      }
      return g;
    });

    // Stable ids from names; ties broken by mention count so the better-known entity keeps the plain id.
    // Names with one slug ("SANA" the agency, "Sana" a neighbourhood) are ordered by mention count first.
    const slugOf = new Map<Draft, string>();
    for (const d of drafts) slugOf.set(d, slug(d.entity.name));
    drafts.sort((a, b) => compareText(slugOf.get(a)!, slugOf.get(b)!) || b.n - a.n || compareText(a.entity.name, b.entity.name));
    const used = new Set<string>();
    for (const d of drafts) {
      const base = slugOf.get(d)!;
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      d.entity.id = id;
    }
    const byRoot = new Map<number, Entity>();
    for (const d of drafts) byRoot.set(d.root, d.entity);
    const relate = (from: Entity, to: Entity, relation: string): void => {
      if (from === to || from.related.some((x) => x.id === to.id && x.relation === relation)) return;
      from.related.push({ id: to.id, relation });
    };
    for (const rel of relations) {
      const a = byRoot.get(uf.find(rel.a));
      const b = byRoot.get(uf.find(rel.b));
      if (!a || !b || a === b) continue;
      relate(a, b, rel.relation);
      relate(b, a, rel.relation === 'formerly' ? 'later' : 'formerly');
    }
    for (const g of glossaryRoots) {
      const a = byRoot.get(uf.find(g.id));
      if (!a) continue;
      for (const link of g.entry.links ?? []) {
        const id = this.idOf(nameKey(link));
        const b = id === undefined ? undefined : byRoot.get(uf.find(id));
        if (b) relate(a, b, 'see also');
      }
    }

    // The mentions, created in article order (lookups by file and the persisted form walk them that way), each
    // file's list shared between the entities and the per-file lookup.
    const entityOf: (Entity | undefined)[] = new Array(formList.length);
    for (const d of drafts) entityOf[d.root] = d.entity;
    const perFile = new Map<string, FileMentions>();
    let cur: FileMentions | null = null;
    let curArt = -1;
    // Entities list their mentions by file, then start. Made in article order, they already are when the articles
    // come sorted by file and each article's mentions by start (as the corpus and the extraction give them).
    let sorted = true;
    for (let ai = 1; ai < arts.length && sorted; ai++) if (!(arts[ai - 1].file < arts[ai].file)) sorted = false;
    let lastStart = -1;
    yield* this.slices(recs.n, (from) => {
      const to = Math.min(recs.n, from + STEP);
      for (let i = from; i < to; i++) {
        const e = entityOf[recs.root[i]];
        if (!e) continue;
        const art = recs.art[i];
        const file = arts[art].file;
        if (art !== curArt) {
          curArt = art;
          lastStart = -1;
          cur = perFile.get(file) ?? null;
          if (!cur) perFile.set(file, (cur = { ms: [], ids: [] }));
        }
        if (recs.start[i] < lastStart) sorted = false;
        lastStart = recs.start[i];
        const m: Mention = { file, start: recs.start[i], end: recs.end[i], surface: recs.surface[i], passage: recs.passage[i] };
        e.mentions.push(m);
        cur!.ms.push(m);
        cur!.ids.push(e.id);
      }
      return to;
    });
    for (const f of perFile.values()) sortByStart(f);

    const byKey: ResolveHints['byKey'] = new Map();
    for (const k of keyOrder) {
      const list: { id: string; n: number }[] = [];
      const roots = keyRoots.get(k);
      if (roots) roots.set(keyRoot[k], keyRootN[k]);
      for (const [root, n] of roots ?? [[keyRoot[k], keyRootN[k]] as const]) {
        const e = entityOf[root];
        if (e) list.push({ id: e.id, n });
      }
      if (list.length) byKey.set(this.keyStr[k], list.length > 1 ? list.sort((a, b) => b.n - a.n) : list);
      if (this.spent(4)) yield;
    }
    for (const g of glossaryRoots) {
      const e = byRoot.get(uf.find(g.id));
      if (!e) continue;
      for (const n of [g.entry.name, ...g.entry.aliases]) {
        const k = nameKey(n);
        if (!byKey.has(k)) byKey.set(k, [{ id: e.id, n: 0 }]);
      }
    }
    for (const k of byKey.keys()) this.dropped.delete(k);
    if (this.spent(drafts.length)) yield;

    if (!sorted) {
      for (const d of drafts) {
        d.entity.mentions.sort(byFileStart);
        if (this.spent(d.n * 4)) yield;
      }
    }
    return yield* makeIndexSteps(
      drafts.map((d) => d.entity),
      { byKey, dropped: this.dropped },
      perFile,
      true,
    );
  }
}

interface AcronymDef {
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
interface Stated {
  relations: { a: number; b: number; relation: 'formerly' | 'later' }[];
  glossaryRoots: { entry: GlossaryEntry; id: number }[];
  acronymDefs: AcronymDef[];
}

/** Two names whose uses decisively say different kinds, one of them a place: never stated equals. */
function kindsClash(a: Votes, b: Votes): boolean {
  const ka = kindOf(a);
  const kb = kindOf(b);
  return ka.decisive && kb.decisive && ka.kind !== kb.kind && (ka.kind === 'place' || kb.kind === 'place');
}

function inArticleOrder(recs: Recs, rs: Int32Array): boolean {
  for (let j = 1; j < rs.length; j++) {
    const a = rs[j - 1];
    const b = rs[j];
    if (recs.art[a] > recs.art[b] || (recs.art[a] === recs.art[b] && recs.start[a] > recs.start[b])) return false;
  }
  return true;
}

function strongNonPerson(fs: Form[]): boolean {
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

function newForm(key: string, k: number, id: number): Form {
  return {
    key,
    k,
    id,
    count: 0,
    arts: [],
    votes: emptyVotes(),
    acr: false,
    words: key.split(' ').length,
    realS: false,
    endsS: key.endsWith('s'),
    strongPerson: 0,
    strongOther: 0,
    strongPlace: 0,
  };
}

/** First words of full names that are no given name a person is called by alone. */
const NOT_GIVEN = new Set([
  'abu',
  'umm',
  'bin',
  'ibn',
  'bint',
  'abd',
  'abdel',
  'abdul',
  'the',
  'mr',
  'mrs',
  'ms',
  'dr',
  'sir',
  'saint',
  'st',
]);

/** Generational suffixes that may follow a person's name ("Jr", "III"). */
/** A surface written with an Arabic article ("Al-Manar", "al Manar"): a name, not a given name alone. */
const ARTICLE_OPENS = /^(?:al|el)[-‐‑ ]/i;
const GENERATIONAL = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
const KEY_ARTICLES_SET = new Set(['al', 'el']);

/** Whether the words of `short` occur in `long` in order. */
function isSubsequence(short: string[], long: string[]): boolean {
  let i = 0;
  for (const w of long) if (i < short.length && short[i] === w) i++;
  return i === short.length;
}

/** The display name: from counts of spellings (acronyms left out, expansions stated for them added). */
function pickName(counts: Map<string, number>, recs: Recs, rs: Int32Array, fs: Form[], person: boolean, group = false): string {
  let best = '';
  let bestScore = -Infinity;
  let top = 0;
  for (const n of counts.values()) top = Math.max(top, n);
  for (const [s, n] of counts) {
    const words = s.split(/\s+/).length;
    // A person's full name first; an organisation's fullest well-formed name ("Islamic State", not "Daesh"; not a
    // rare glued run, nor one ending in an article); then the commonest spelling; a lower-case article ("al-Assad")
    // reads as house style.
    // Words of the key: "Al-Qaeda" and "Al Qaeda" are one word, "Islamic State" two.
    const full =
      words > 1 &&
      (person || (group && n >= Math.max(2, 0.05 * top) && nameKey(s).includes(' ') && !/(?:^|\s)(?:al|el|the|of|for|and)$/i.test(s)));
    const score = (full ? 1e6 : 0) + n * 10 + (/\s\p{Ll}/u.test(s) ? 1 : 0) - (/^\p{Lu}+$/u.test(s) ? 5 : 0);
    if (score > bestScore || (score === bestScore && s < best)) {
      best = s;
      bestScore = score;
    }
  }
  if (best) return best;
  const acr = rs.find((i) => (recs.flags[i] & ACR) !== 0);
  if (acr !== undefined) return recs.surface[acr];
  return fs[0]?.key ?? (rs.length ? recs.surface[rs[0]] : '');
}

function pickDefinition(
  recs: Recs,
  rs: Int32Array,
  arts: ResolveInput[],
  defs: (Map<number, RawDefinition[]> | null)[],
  acronymDefs: AcronymDef[],
  person: boolean,
): Definition | null {
  const cands = new Map<string, { n: number; d: Definition }>();
  const add = (text: string, origin: Definition['origin'], art: number, start: number, end: number): void => {
    // A title in front of a name describes a person; in front of a place it was part of the place's name ("Heavy
    // Bombardment Sheikh" of Sheikh Maqsoud).
    if (origin === 'title' && !person) return;
    const norm = `${origin}:${text.toLowerCase()}`;
    const c = cands.get(norm);
    if (c) c.n++;
    else {
      const meta = arts[art].meta;
      cands.set(norm, { n: 1, d: { text, origin, file: arts[art].file, start, end, outlet: meta.outlet, date: meta.date?.iso ?? null } });
    }
  };
  for (const i of rs) {
    if (!(recs.flags[i] & DEFS)) continue;
    const art = recs.art[i];
    for (const d of defs[art]!.get(recs.idx[i])!) add(d.text, d.origin, art, d.start, d.end);
  }
  // An acronym's expansion is another spelling (shown as "also written"), not a description: "HTS: Hayat Tahrir
  // al-Sham" tells a reader nothing the name does not.
  void acronymDefs;
  // A shorter title counts for a longer one that ends with it ("President" supports "Syrian President").
  const all = [...cands.values()];
  for (const c of all) {
    if (c.d.origin !== 'title') continue;
    const low = c.d.text.toLowerCase();
    for (const o of all) {
      if (o !== c && o.d.origin === 'title' && low.length > o.d.text.length && low.endsWith(` ${o.d.text.toLowerCase()}`)) c.n += o.n;
    }
  }
  let best: { n: number; d: Definition } | null = null;
  const score = (c: { n: number; d: Definition }): number =>
    ORIGIN_RANK[c.d.origin] * 1000 + Math.min(c.n, 50) * 10 + Math.min(c.d.text.length, 80) / 10;
  for (const c of cands.values()) if (!best || score(c) > score(best)) best = c;
  return best?.d ?? null;
}
