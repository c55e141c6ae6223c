// Resolving mentions across the corpus into entities. Every step buckets names by a normalised key and only
// compares names inside a bucket, so the cost grows with the number of distinct names, not with its square.
// Keys are numbered once, so the passes over every mention (a million at 10k articles) index arrays rather than
// hashing strings; the resolution runs as a generator so that callers can spread it over event-loop turns.
import type { ArticleMeta } from '../types';
import type { GlossaryEntry } from '../glossary';
import type { ArticleNames, KindCue, RawDefinition } from './extract';
import { makeIndex, sortByStart, type FileMentions, type ResolveHints } from './incremental';
import { addVotes, emptyVotes, kindOf, ORIGIN_RANK, type Flags, type Votes } from './votes';
import { DEMONYMS, GENERIC_ADJ, GENERIC_CLASS, GROUP_GENERIC, GROUP_HEADS, PLACE_HEADS, SYNONYMS } from './lexicon';
import { initials, nearSkeletonKey, keysCompatible, lightKey, lightWord, nameKey, skeletonKey, slug } from './normalize';

export type EntityKind = 'person' | 'group' | 'place' | 'other';

export interface Mention {
  file: string;
  start: number;
  end: number;
  surface: string;
  passage: number;
}

export interface Definition {
  text: string;
  origin: 'glossary' | 'appositive' | 'title' | 'acronym' | 'role';
  file: string | null;
  start?: number;
  end?: number;
  outlet: string | null;
  date: string | null;
}

export interface Entity {
  id: string;
  name: string;
  kind: EntityKind;
  aliases: string[];
  definition: Definition | null;
  /** Renamings stated in the text ("formerly", "later") and glossary links ("see also"): linked, not merged. */
  related: { id: string; relation: string }[];
  mentions: Mention[];
  glossary?: { file: string; start: number; end: number };
}

export interface EntityIndex {
  entities: Entity[];
  byId(id: string): Entity | undefined;
  /** The mention under an offset (binary search), or null. */
  at(file: string, offset: number): { entity: Entity; mention: Mention } | null;
  /** Entities with at least two mentions in the corpus, or in a glossary. */
  recurring(): Entity[];
  /** The mentions found in one file, sorted by start (for re-feeding the event index one file at a time). */
  mentionsIn(file: string): { start: number; end: number; entityId: string }[];
  /**
   * This index with one article changed (`null`: removed), without resolving the corpus again. The result is an
   * approximation of a full resolution; see `withArticle` in incremental.ts for what can differ.
   */
  withArticle(file: string, input: { meta: ArticleMeta; names: ArticleNames } | null): EntityIndex;
}

export interface ResolveInput {
  file: string;
  meta: ArticleMeta;
  names: ArticleNames;
}

/** Confidence a spelling-variant merge needs (see `variantConfidence`). */
const MERGE_THRESHOLD = 0.7;
/** Buckets larger than this are generic keys ("s", "m"); comparing inside them is neither useful nor cheap. */
const MAX_BUCKET = 60;
/**
 * Units of work (about one mention looked at once) between two yields of `resolveEntitiesSteps`: a fraction of a
 * millisecond to a few milliseconds, so a caller watching the clock can give the event loop back every ~10 ms.
 */
const STEP = 4096;

/**
 * One mention during resolution: the raw mention's position and flags, its key (also as a number, so the passes
 * over every mention index arrays instead of hashing strings) and where it ends up.
 */
class MRec implements Flags {
  constructor(
    public art: number,
    public idx: number,
    public start: number,
    public end: number,
    public surface: string,
    public key: string,
    /** `key` as an index into the resolver's key table. */
    public k: number,
    public passage: number,
    public cue: KindCue | null,
    public strong: boolean,
    public the: boolean,
    public si: boolean,
    public acr: boolean,
    public ps: boolean,
    /** Descriptions the article gives next to this mention. */
    public defs: RawDefinition[] | null,
    /** Cluster root, then the root of the entity it joins. */
    public root: number,
  ) {}
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
  /** Mentions a title or head noun marks as a person, resp. as something else. */
  strongPerson: number;
  strongOther: number;
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
  const steps = resolveEntitiesSteps(articles, glossary);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
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

const collator = new Intl.Collator();

class Resolver {
  private budget = STEP;
  private recs: MRec[] = [];
  /** Normalised keys, numbered. */
  private readonly keyIds = new Map<string, number>();
  private readonly keyStr: string[] = [];
  /** One instance per distinct spelling cut from a longer one ("Assads" → "Assad"), shared by every mention. */
  private readonly cut = new Map<string, string>();
  private forms: Forms = { byK: [], list: [] };
  /** Keys read as ordinary words rather than names (see `ResolveHints`). */
  private readonly dropped = new Set<string>();
  private readonly glossaryKeys = new Set<string>();
  private readonly uf = new UnionFind();

  constructor(
    private readonly arts: ResolveInput[],
    private readonly glossary: GlossaryEntry[],
  ) {
    for (const g of glossary) for (const n of [g.name, ...g.aliases]) this.glossaryKeys.add(nameKey(n));
  }

  /** Counts work done; true when it is time to yield. */
  private spent(units: number): boolean {
    this.budget -= units;
    if (this.budget > 0) return false;
    this.budget = STEP;
    return true;
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
    const recs = this.recs;
    for (let ai = 0; ai < this.arts.length; ai++) {
      const names = this.arts[ai].names;
      let defs: Map<number, RawDefinition[]> | null = null;
      for (const d of names.definitions) {
        defs ??= new Map();
        const arr = defs.get(d.m);
        if (arr) arr.push(d);
        else defs.set(d.m, [d]);
      }
      const ms = names.mentions;
      for (let idx = 0; idx < ms.length; idx++) {
        const m = ms[idx];
        recs.push(
          new MRec(ai, idx, m.start, m.end, m.surface, m.key, this.intern(m.key), m.passage, m.cue ?? null, !!m.strong, !!m.the, !!m.si, !!m.acr, !!m.ps, defs?.get(idx) ?? null, -1),
        );
      }
      if (this.spent(ms.length + 1)) yield;
    }
  }

  private *buildForms(): Generator<void, Forms, void> {
    const byK: (Form | undefined)[] = new Array(this.keyStr.length);
    const list: Form[] = [];
    const noApos = this.arts.map((a) => a.names.noApostrophes);
    const recs = this.recs;
    for (let i = 0; i < recs.length; i++) {
      const r = recs[i];
      let f = byK[r.k];
      if (!f) {
        f = newForm(r.key, r.k, list.length);
        byK[r.k] = f;
        list.push(f);
      }
      f.count++;
      if (f.arts[f.arts.length - 1] !== r.art) f.arts.push(r.art);
      addVotes(f.votes, r);
      if (r.acr) f.acr = true;
      if (r.strong) {
        if (r.cue === 'person') f.strongPerson++;
        else f.strongOther++;
      }
      if (!r.ps && !f.realS && r.key.endsWith('s') && !noApos[r.art]) f.realS = true;
      if (this.spent(1)) yield;
    }
    return { byK, list };
  }

  /** 1. A glued possessive "s" ("Assads", "Syrias", "Putins’") comes off when the bare name is at least as common. */
  private *possessives(): Generator<void, void, void> {
    const { byK } = this.forms;
    for (const r of this.recs) {
      if (this.spent(1)) yield;
      if (!r.ps || !r.key.endsWith('s') || r.key.length < 4) continue;
      const stemK = this.keyIds.get(r.key.slice(0, -1));
      const fs = stemK === undefined ? undefined : byK[stemK];
      const f = byK[r.k]!;
      if (!fs || f.realS || this.glossaryKeys.has(r.key) || fs.count * 2 < f.count) continue;
      r.end -= 1;
      r.surface = this.shared(r.surface.slice(0, -1));
      r.key = fs.key;
      r.k = fs.k;
    }
  }

  /**
   * Lower-case vocabulary of the corpus (document frequency): a capitalised word that is also an ordinary lower-case
   * word in several articles ("Activists", "Dozens", "Follow") is not a name on its own.
   */
  private *vocabulary(): Generator<void, (word: string) => boolean, void> {
    const lowerDf = new Map<string, number>();
    for (const f of this.forms.list) for (const w of f.key.split(' ')) lowerDf.set(w, 0);
    for (const a of this.arts) {
      const lower = a.names.lower ?? [];
      for (const w of lower) {
        const n = lowerDf.get(w);
        if (n !== undefined) lowerDf.set(w, n + 1);
      }
      if (this.spent(1 + (lower.length >> 3))) yield;
    }
    // Articles where a one-word key is capitalised (mentions arrive in article order).
    const capDf: number[] = new Array(this.keyStr.length).fill(0);
    const capLast: number[] = new Array(this.keyStr.length).fill(-1);
    const { byK } = this.forms;
    for (const r of this.recs) {
      if (byK[r.k]!.words !== 1) continue;
      if (capLast[r.k] !== r.art) {
        capLast[r.k] = r.art;
        capDf[r.k]++;
      }
      if (this.spent(1)) yield;
    }
    const memo = new Map<string, boolean>();
    return (word: string): boolean => {
      const hit = memo.get(word);
      if (hit !== undefined) return hit;
      const k = nameKey(word);
      const low = lowerDf.get(k) ?? 0;
      const kk = this.keyIds.get(k);
      const v = !this.glossaryKeys.has(k) && low >= 3 && low >= 0.2 * (kk === undefined ? 0 : capDf[kk] ?? 0);
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
    const next: MRec[] = [];
    let changed = false;
    for (const r of this.recs) {
      if (this.spent(1)) yield;
      const f = this.forms.byK[r.k]!;
      if (f.words === 1) {
        if (!r.acr && !this.glossaryKeys.has(r.key) && common(r.surface)) {
          this.dropped.add(r.key);
          changed = true;
          continue;
        }
        next.push(r);
        continue;
      }
      if ((r.cue === 'person' && r.strong) || this.glossaryKeys.has(r.key) || expansions[r.art]?.has(r.idx)) {
        next.push(r);
        continue;
      }
      const noApos = this.arts[r.art].names.noApostrophes;
      const memo = plans[noApos ? 1 : 0];
      let plan = memo.get(r.surface);
      if (plan === undefined) {
        plan = segment(r.surface, f.count, noApos, common, (key) => this.formOf(key));
        if (plan) this.spent(plan.length * 8);
        memo.set(r.surface, plan);
      }
      if (!plan) {
        next.push(r);
        continue;
      }
      changed = true;
      for (const p of plan) {
        const si = p.s === 0 && r.si;
        const k = this.intern(p.key);
        const surface = this.shared(r.surface.slice(p.s, p.e));
        next.push(new MRec(r.art, r.idx, r.start + p.s, r.start + p.e, surface, this.keyStr[k], k, r.passage, p.acr ? 'group' : null, false, r.the, si, r.acr, r.ps, r.defs, -1));
      }
    }
    if (changed) {
      this.recs = next;
      this.forms = yield* this.buildForms();
    }
  }

  /** Key-level merges: stated renamings kept apart, glossary, synonyms, acronyms, spelling variants, short forms. */
  private *mergeKeys(): Generator<void, Stated, void> {
    const { uf, arts, glossaryKeys } = this;
    const formList = this.forms.list;
    const idOf = (k: string): number | undefined => this.idOf(k);

    // Mentions by (article, index in the article's extraction); a split mention answers with its first part.
    // Only articles stating renamings or acronyms need them.
    const recAt: (MRec[] | null)[] = arts.map((a) => (a.names.relations.length || a.names.acronyms.length ? [] : null));
    for (const r of this.recs) {
      const at = recAt[r.art];
      if (at && !at[r.idx]) at[r.idx] = r;
    }
    if (this.spent(this.recs.length >> 4)) yield;

    // Stated renamings keep their two sides apart.
    const relations: Stated['relations'] = [];
    arts.forEach((a, ai) => {
      for (const rel of a.names.relations) {
        const ka = recAt[ai]![rel.from]?.key;
        const kb = recAt[ai]![rel.to]?.key;
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
      const ids = [g.name, ...g.aliases].map((n) => idOf(nameKey(n))).filter((x): x is number => x !== undefined);
      for (const x of ids.slice(1)) uf.union(ids[0], x, true);
      if (ids.length) glossaryRoots.push({ entry: g, id: ids[0] });
    }

    // Built-in synonyms (Daesh = ISIS = ISIL = IS = Islamic State).
    for (const row of SYNONYMS) {
      const ids = row.map((k) => idOf(k)).filter((x): x is number => x !== undefined);
      for (const x of ids.slice(1)) uf.union(ids[0], x);
    }

    // Acronyms defined in the text: "Hayat Tahrir al-Sham (HTS)".
    const acronymDefs: AcronymDef[] = [];
    arts.forEach((a, ai) => {
      for (const d of a.names.acronyms) {
        const ra = recAt[ai]![d.acr];
        const re = recAt[ai]![d.exp];
        if (!ra || !re || ra.key === re.key) continue;
        const ia = idOf(ra.key)!;
        const ie = idOf(re.key)!;
        uf.union(ia, ie);
        acronymDefs.push({ acr: ia, exp: ie, rec: ra, expSurface: re.surface });
      }
    });
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
    const variantConfidence = (a: Form, b: Form, c: { exact: boolean; near: boolean }): number => {
      let conf = c.exact ? 0.95 : c.near ? 0.55 : 0.75;
      const ka = kindOf(a.votes);
      const kb = kindOf(b.votes);
      if (ka.kind !== 'other' && ka.kind === kb.kind) conf += 0.15;
      else if (ka.decisive && kb.decisive && ka.kind !== kb.kind) conf -= 0.5;
      // Context can move the score by at most 0.15 either way: only look when that could change the outcome.
      if (conf - 0.15 >= MERGE_THRESHOLD || conf + 0.15 < MERGE_THRESHOLD) return conf;
      const na = neighbours(a);
      const nb = neighbours(b);
      let shared = 0;
      for (const x of na) if (nb.has(x) && ++shared >= 2) break;
      if (shared >= 2) conf += 0.15;
      else if (na.size >= 5 && nb.size >= 5 && shared === 0) conf -= 0.15;
      return conf;
    };

    // Spelling variants: same consonant skeleton, compatible word by word.
    const variantForms = formList.filter((f) => !f.acr && f.key.replace(/ /g, '').length >= 3);
    {
      const buckets = new Map<string, Form[]>();
      for (const f of variantForms) {
        const sk = skeletonKey(f.key);
        if (this.spent(2)) yield;
        if (sk.replace(/ /g, '').length < 2) continue;
        const b = buckets.get(sk);
        if (b) b.push(f);
        else buckets.set(sk, [f]);
      }
      for (const b of buckets.values()) {
        if (b.length < 2 || b.length > MAX_BUCKET) continue;
        for (let i = 0; i < b.length; i++) {
          for (let j = i + 1; j < b.length; j++) {
            const c = keysCompatible(b[i].key, b[j].key);
            if (c.ok && variantConfidence(b[i], b[j], c) >= MERGE_THRESHOLD) uf.union(b[i].id, b[j].id);
          }
          if (this.spent(2 * b.length)) yield;
        }
      }
    }
    // Identical folded spellings too short for a skeleton ("Foua"/"Fuaa").
    {
      const buckets = new Map<string, Form[]>();
      for (const f of formList) {
        if (f.acr) continue;
        const lk = lightKey(f.key);
        const b = buckets.get(lk);
        if (b) b.push(f);
        else buckets.set(lk, [f]);
        if (this.spent(1)) yield;
      }
      for (const b of buckets.values()) {
        if (b.length < 2 || b.length > MAX_BUCKET) continue;
        for (let i = 1; i < b.length; i++) {
          if (variantConfidence(b[0], b[i], { exact: true, near: false }) >= MERGE_THRESHOLD) uf.union(b[0].id, b[i].id);
        }
        if (this.spent(b.length)) yield;
      }
    }
    // Near variants one consonant apart ("Khmeimim"/"Hmeimin"): blocked by single-deletion skeletons, long words only.
    {
      const buckets = new Map<string, Form[]>();
      for (const f of variantForms) {
        if (this.spent(1)) yield;
        if (!f.key.split(' ').some((w) => lightWord(w).length >= 6)) continue;
        // Near variants differ by one look-alike consonant (m/n, d/t, s/z, b/p, f/v) and otherwise only in
        // vowels: folding those consonants in the skeleton puts every such pair in one bucket.
        const v = nearSkeletonKey(f.key);
        if (v.replace(/ /g, '').length < 2) continue;
        const b = buckets.get(v);
        if (b) b.push(f);
        else buckets.set(v, [f]);
      }
      for (const b of buckets.values()) {
        if (b.length < 2 || b.length > MAX_BUCKET) continue;
        for (let i = 0; i < b.length; i++) {
          for (let j = i + 1; j < b.length; j++) {
            if (uf.find(b[i].id) === uf.find(b[j].id)) continue;
            const c = keysCompatible(b[i].key, b[j].key);
            if (c.ok && c.near && variantConfidence(b[i], b[j], c) >= MERGE_THRESHOLD) uf.union(b[i].id, b[j].id);
          }
          if (this.spent(2 * b.length)) yield;
        }
      }
    }

    // Group names that differ only by a generic word ("Nusra Front", "Jabhat al-Nusra", "al-Nusra").
    {
      const buckets = new Map<string, Form[]>();
      const coreOf = new Map<number, string>();
      for (const f of formList) {
        if (this.spent(1)) yield;
        if (f.acr) continue;
        const k = kindOf(f.votes);
        if (k.kind === 'person' || (k.decisive && k.kind === 'place')) continue;
        const words = f.key.split(' ');
        const core = words.filter((w) => !GROUP_GENERIC.has(w));
        if (!core.length || !core.some((w) => !GENERIC_ADJ.has(w) && !DEMONYMS.has(w) && !/(ian|ean|ese|ish)$/.test(w))) continue;
        if (core.length === words.length && words.length > 1) continue;
        coreOf.set(f.id, core.join(' '));
        const ck = skeletonKey(core.join(' '));
        const b = buckets.get(ck);
        if (b) b.push(f);
        else buckets.set(ck, [f]);
      }
      for (const all of buckets.values()) {
        if (all.length < 2 || all.length > MAX_BUCKET) continue;
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
          const classOf = (f: Form): string => f.key.split(' ').map((w) => GENERIC_CLASS[w]).filter(Boolean).sort().join('+');
          const classes = new Set(b.map(classOf).filter(Boolean));
          const byClass = new Map<string, Form>();
          for (const f of b) {
            const c = classOf(f);
            // Without a distinguishing generic word ("Nusra", "Nusra group") a form joins only an unambiguous bucket.
            const target = c || (classes.size <= 1 ? [...classes][0] ?? '' : null);
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
        const roots = new Set(cands.map((c) => uf.find(c.id)));
        if (roots.size !== 1) continue;
        const mine = new Set(f.arts);
        const together = cands.some((c) => c.arts.some((a) => mine.has(a)));
        if (together) uf.union(f.id, cands[0].id);
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
        const ranked = [...cands].filter((c) => c !== r).map((c) => [c, rootCount.get(c) ?? 0] as const).sort((a, b) => b[1] - a[1]);
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
    return { relations, glossaryRoots, acronymDefs };
  }

  /** Short forms joined to full names, then entities with names, kinds, definitions, ids and links. */
  private *build({ relations, glossaryRoots, acronymDefs }: Stated): Generator<void, EntityIndex, void> {
    const { uf, arts } = this;
    const { byK, list: formList } = this.forms;
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
        return !first || first.count < 3 || kindOf(first.votes).kind === 'person' || kindOf(first.votes).kind === 'other';
      });
    };
    const fullBySuffix = new Map<string, Set<number>>();
    for (const [r, fs] of clusters) {
      if (this.spent(fs.length)) yield;
      if (!fs.some((f) => f.words > 1) || !personal(fs, r)) continue;
      for (const f of fs) {
        if (f.words < 2 || f.acr) continue;
        const ws = f.key.split(' ').map(lightWord);
        for (let k = 1; k < ws.length; k++) {
          const suffix = ws.slice(k).join(' ');
          let set = fullBySuffix.get(suffix);
          if (!set) fullBySuffix.set(suffix, (set = new Set()));
          set.add(r);
        }
      }
    }
    const shortTargets = new Map<number, number[]>();
    for (const [r, fs] of clusters) {
      if (this.spent(fs.length)) yield;
      if (fs.some((f) => f.acr) || glossaryRootSet.has(r)) continue;
      // Only strong cues (head nouns, "province", "in …") keep a bare word from being someone's surname.
      if (strongNonPerson(fs)) continue;
      let cands: Set<number> | null = null;
      for (const f of fs) {
        const hit = fullBySuffix.get(lightKey(f.key));
        if (!hit) {
          cands = null;
          break;
        }
        const next = new Set<number>();
        for (const t of hit) if (t !== r) next.add(t);
        cands = cands ? new Set([...cands, ...next]) : next;
      }
      // A word used far more often alone than any full name ending in it, and not as a person, is its own thing
      // ("Iran" is not short for a glued "Mohammad Javad Zarif Iran").
      // A word that reads as a place or group by itself only joins a full name that a title or role makes a person.
      const selfKind = kindOf(clusterVotes.get(r)!);
      if (cands && selfKind.decisive && selfKind.kind !== 'person') {
        for (const c of [...cands]) if (strongPerson(clusters.get(c) ?? []) === 0) cands.delete(c);
      }
      if (cands && cands.size) {
        const own = clusterCount.get(r) ?? 0;
        const best = Math.max(...[...cands].map((c) => clusterCount.get(c) ?? 0));
        const k = kindOf(clusterVotes.get(r)!).kind;
        if (own > 10 * best && (k !== 'person' || strongPerson(fs) === 0)) continue;
        shortTargets.set(r, [...cands]);
      }
    }

    // How often each possible target of a short form is named in each article: the one named here wins.
    const recs = this.recs;
    const targets = new Set<number>();
    for (const cs of shortTargets.values()) for (const c of cs) targets.add(c);
    const rootsInArt = new Map<number, Map<number, number>>();
    for (const r of recs) {
      const root = uf.find(byK[r.k]!.id);
      r.root = root;
      if (targets.has(root)) {
        let m = rootsInArt.get(r.art);
        if (!m) rootsInArt.set(r.art, (m = new Map()));
        m.set(root, (m.get(root) ?? 0) + 1);
      }
      if (this.spent(1)) yield;
    }
    const shortOnce = (r: MRec, root: number): number => {
      const cands = shortTargets.get(root);
      if (!cands) return root;
      const here = rootsInArt.get(r.art);
      let best = -1;
      let bestScore = -1;
      for (const c of cands) {
        const score = (here?.get(c) ?? 0) * 1e6 + (clusterCount.get(c) ?? 0);
        if (score > bestScore) {
          best = c;
          bestScore = score;
        }
      }
      return best;
    };

    // Group mentions by entity root; note where each key's mentions ended up, for attaching one edited article's
    // mentions later without all this work.
    const groups = new Map<number, MRec[]>();
    const keyOrder: number[] = [];
    const keyRoot: number[] = new Array(this.keyStr.length).fill(-1);
    const keyRootN: number[] = new Array(this.keyStr.length).fill(0);
    const keyRoots = new Map<number, Map<number, number>>();
    for (const r of recs) {
      let root = r.root;
      if (shortTargets.size) {
        for (let hop = 0; hop < 3; hop++) {
          const next = shortOnce(r, root);
          if (next === root) break;
          root = next;
        }
      }
      r.root = root;
      const k = r.k;
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
      const g = groups.get(root);
      if (g) g.push(r);
      else groups.set(root, [r]);
      if (this.spent(1)) yield;
    }
    for (const g of glossaryRoots) {
      const root = uf.find(g.id);
      if (!groups.has(root)) groups.set(root, []);
    }

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
    for (const [root, rs] of groups) {
      if (this.spent(rs.length * 2 + 8)) yield;
      const glos = glossaryByRoot.get(root);
      if (!glos && rs.length > 0) {
        // Ordinary words that only ever open sentences ("Refugees", "Videos") are not names.
        if (rs.every((r) => r.si && !r.acr && byK[r.k]!.words === 1)) {
          for (const r of rs) this.dropped.add(r.key);
          continue;
        }
      }
      if (!inArticleOrder(rs)) rs.sort((a, b) => (a.art - b.art) || (a.start - b.start));
      const votes = emptyVotes();
      const surfaceCount = new Map<string, number>();
      let anyAcr = false;
      for (const r of rs) {
        addVotes(votes, r);
        surfaceCount.set(r.surface, (surfaceCount.get(r.surface) ?? 0) + 1);
        if (r.acr) anyAcr = true;
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
          for (const r of rs) if (!r.acr) counts.set(r.surface, (counts.get(r.surface) ?? 0) + 1);
          for (const s of exps) counts.set(s, (counts.get(s) ?? 0) + 1);
        }
        name = pickName(counts, rs, clusters.get(root) ?? [], kind === 'person', kind === 'group');
      }
      for (const a of glos?.aliases ?? []) if (!surfaceCount.has(a)) surfaceCount.set(a, 0);
      const aliases = [...surfaceCount.entries()]
        .filter(([s]) => s !== name)
        .sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0]))
        .map(([s]) => s);
      const definition = glos?.definition
        ? { text: glos.definition, origin: 'glossary' as const, file: glos.source.file, start: glos.source.start, end: glos.source.end, outlet: null, date: null }
        : pickDefinition(rs, arts, acronymsOf.get(root) ?? []);
      const entity: Entity = { id: '', name, kind, aliases, definition, related: [], mentions: [] };
      if (glos) entity.glossary = { ...glos.source };
      drafts.push({ root, entity, n: rs.length });
    }

    // Stable ids from names; ties broken by mention count so the better-known entity keeps the plain id.
    drafts.sort((a, b) => collator.compare(a.entity.name, b.entity.name) || b.n - a.n);
    const used = new Set<string>();
    for (const d of drafts) {
      const base = slug(d.entity.name);
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
    const perFile = new Map<string, FileMentions>();
    let cur: FileMentions | null = null;
    let curArt = -1;
    for (const r of recs) {
      const e = byRoot.get(r.root);
      if (this.spent(1)) yield;
      if (!e) continue;
      const file = arts[r.art].file;
      if (r.art !== curArt) {
        curArt = r.art;
        cur = perFile.get(file) ?? null;
        if (!cur) perFile.set(file, (cur = { ms: [], ids: [] }));
      }
      const m: Mention = { file, start: r.start, end: r.end, surface: r.surface, passage: r.passage };
      e.mentions.push(m);
      cur!.ms.push(m);
      cur!.ids.push(e.id);
    }
    for (const f of perFile.values()) sortByStart(f);

    const byKey: ResolveHints['byKey'] = new Map();
    for (const k of keyOrder) {
      const list: { id: string; n: number }[] = [];
      const roots = keyRoots.get(k);
      if (roots) roots.set(keyRoot[k], keyRootN[k]);
      for (const [root, n] of roots ?? [[keyRoot[k], keyRootN[k]] as const]) {
        const e = byRoot.get(root);
        if (e) list.push({ id: e.id, n });
      }
      if (list.length) byKey.set(this.keyStr[k], list.length > 1 ? list.sort((a, b) => b.n - a.n) : list);
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

    return makeIndex(drafts.map((d) => d.entity), { byKey, dropped: this.dropped }, perFile);
  }
}

interface AcronymDef {
  acr: number;
  exp: number;
  rec: MRec;
  expSurface: string;
}

/** What the key-level merges leave for building entities. */
interface Stated {
  relations: { a: number; b: number; relation: 'formerly' | 'later' }[];
  glossaryRoots: { entry: GlossaryEntry; id: number }[];
  acronymDefs: AcronymDef[];
}

/** One part of a glued run, as offsets into its surface. */
interface Part {
  s: number;
  e: number;
  key: string;
  acr: boolean;
}

function inArticleOrder(rs: MRec[]): boolean {
  for (let i = 1; i < rs.length; i++) {
    const a = rs[i - 1];
    const b = rs[i];
    if (a.art > b.art || (a.art === b.art && a.start > b.start)) return false;
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
  return { key, k, id, count: 0, arts: [], votes: emptyVotes(), acr: false, words: key.split(' ').length, realS: false, strongPerson: 0, strongOther: 0 };
}

/** Split a glued run of names ("Deir Ezzor Aleppo") into known forms, or null. */
function segment(
  surface: string,
  wholeCount: number,
  noApostrophes: boolean,
  common: (w: string) => boolean,
  formOf: (key: string) => Form | undefined,
): Part[] | null {
  const words: { s: number; e: number }[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(surface))) words.push({ s: m.index, e: m.index + m[0].length });
  if (words.length < 2) return null;
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
    return !/^\p{Ll}/u.test(w) && common(w) && !formOf(nameKey(w))?.acr && !GROUP_HEADS.has(lw) && !PLACE_HEADS.has(lw) && !DEMONYMS.has(lw);
  };
  let last = words.length;
  while (last > 0 && skippable(last - 1)) {
    last--;
    skipped++;
  }
  while (i < last && skippable(i)) {
    i++;
    skipped++;
  }
  while (i < last) {
    let found: Part | null = null;
    for (let j = last; j > i; j--) {
      if (i === 0 && j === words.length) continue;
      const s = words[i].s;
      let e = words[j - 1].e;
      let part = surface.slice(s, e);
      if (/^\p{Ll}/u.test(part) || /\s\p{Ll}+$/u.test(part)) continue;
      let key = nameKey(part);
      let f = formOf(key);
      if ((!f || f.count < 2) && noApostrophes && key.endsWith('s')) {
        const stem = formOf(key.slice(0, -1));
        if (stem && stem.count >= 2) {
          e -= 1;
          part = part.slice(0, -1);
          key = stem.key;
          f = stem;
        }
      }
      if (f && enough(f.count)) {
        found = { s, e, key, acr: f.acr };
        i = j;
        break;
      }
    }
    if (!found) return null;
    out.push(found);
  }
  return out.length + skipped >= 2 ? out : null;
}

/** The display name: from counts of spellings (acronyms left out, expansions stated for them added). */
function pickName(counts: Map<string, number>, rs: MRec[], fs: Form[], person: boolean, group = false): string {
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
    const full = words > 1 && (person || (group && n >= Math.max(2, 0.05 * top) && nameKey(s).includes(' ') && !/(?:^|\s)(?:al|el|the|of|for|and)$/i.test(s)));
    const score = (full ? 1e6 : 0) + n * 10 + (/\s\p{Ll}/u.test(s) ? 1 : 0) - (/^\p{Lu}+$/u.test(s) ? 5 : 0);
    if (score > bestScore || (score === bestScore && s < best)) {
      best = s;
      bestScore = score;
    }
  }
  if (best) return best;
  const acr = rs.find((r) => r.acr);
  if (acr) return acr.surface;
  return fs[0]?.key ?? rs[0]?.surface ?? '';
}

function pickDefinition(rs: MRec[], arts: ResolveInput[], acronymDefs: AcronymDef[]): Definition | null {
  const cands = new Map<string, { n: number; d: Definition }>();
  const add = (text: string, origin: Definition['origin'], art: number, start: number, end: number): void => {
    const norm = `${origin}:${text.toLowerCase()}`;
    const c = cands.get(norm);
    if (c) c.n++;
    else {
      const meta = arts[art].meta;
      cands.set(norm, { n: 1, d: { text, origin, file: arts[art].file, start, end, outlet: meta.outlet, date: meta.date?.iso ?? null } });
    }
  };
  for (const r of rs) {
    if (r.defs) for (const d of r.defs) add(d.text, d.origin, r.art, d.start, d.end);
  }
  if (cands.size === 0) {
    for (const a of acronymDefs) add(`${a.rec.surface}: ${a.expSurface}`, 'acronym', a.rec.art, a.rec.start, a.rec.end);
  }
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
