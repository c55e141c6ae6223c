// Resolving mentions across the corpus into entities. Every step buckets names by a normalised key and only
// compares names inside a bucket, so the cost grows with the number of distinct names, not with its square.
import type { ArticleMeta } from '../types';
import type { GlossaryEntry } from '../glossary';
import type { ArticleNames } from './extract';
import { makeIndex, type ResolveHints } from './incremental';
import { addVotes, emptyVotes, flagsOf, kindOf, ORIGIN_RANK, type Flags, type Votes } from './votes';
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

interface MRec {
  art: number;
  idx: number;
  raw: Flags;
  start: number;
  end: number;
  surface: string;
  key: string;
}

interface Form {
  key: string;
  id: number;
  count: number;
  /** Articles it occurs in, ascending (records arrive in article order). */
  arts: number[];
  votes: Votes;
  acr: boolean;
  words: number;
  /** Seen, ending in "s", in a text that keeps its apostrophes: the "s" is part of the name ("Hamas"). */
  realS: boolean;
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

export function resolveEntities(articles: Iterable<ResolveInput>, glossary: GlossaryEntry[]): EntityIndex {
  const arts = [...articles];
  let recs: MRec[] = [];
  arts.forEach((a, ai) => {
    a.names.mentions.forEach((raw, idx) => {
      recs.push({ art: ai, idx, start: raw.start, end: raw.end, surface: raw.surface, key: raw.key, raw: flagsOf(raw) });
    });
  });

  /** Keys read as ordinary words rather than names (see `ResolveHints`). */
  const dropped = new Set<string>();
  const glossaryKeys = new Set<string>();
  for (const g of glossary) for (const n of [g.name, ...g.aliases]) glossaryKeys.add(nameKey(n));

  let forms = buildForms(recs, arts);

  // 1. A glued possessive "s" ("Assads", "Syrias", "Putins’") comes off when the bare name is at least as common.
  for (const r of recs) {
    if (!r.raw.ps || !r.key.endsWith('s') || r.key.length < 4) continue;
    const stem = r.key.slice(0, -1);
    const f = forms.get(r.key)!;
    const fs = forms.get(stem);
    if (!fs || f.realS || glossaryKeys.has(r.key) || fs.count * 2 < f.count) continue;
    r.end -= 1;
    r.surface = r.surface.slice(0, -1);
    r.key = stem;
  }
  forms = buildForms(recs, arts);

  // Lower-case vocabulary of the corpus (document frequency): a capitalised word that is also an ordinary
  // lower-case word in several articles ("Activists", "Dozens", "Follow") is not a name on its own.
  const lowerDf = new Map<string, number>();
  for (const f of forms.values()) for (const w of f.key.split(' ')) lowerDf.set(w, 0);
  for (const a of arts) {
    for (const w of a.names.lower ?? []) {
      const n = lowerDf.get(w);
      if (n !== undefined) lowerDf.set(w, n + 1);
    }
  }
  const capDf = new Map<string, Set<number>>();
  for (const r of recs) {
    if (r.key.includes(' ')) continue;
    let s = capDf.get(r.key);
    if (!s) capDf.set(r.key, (s = new Set()));
    s.add(r.art);
  }
  const commonMemo = new Map<string, boolean>();
  const common = (word: string): boolean => {
    const hit = commonMemo.get(word);
    if (hit !== undefined) return hit;
    const k = nameKey(word);
    const low = lowerDf.get(k) ?? 0;
    const v = !glossaryKeys.has(k) && low >= 3 && low >= 0.2 * (capDf.get(k)?.size ?? 0);
    commonMemo.set(word, v);
    return v;
  };

  const expansions: Set<number>[] = arts.map((a) => new Set(a.names.acronyms.map((d) => d.exp)));

  // Splits depend only on the surface text and whether apostrophes were stripped, so each is worked out once.
  const splitMemo = new Map<string, { s: number; e: number; key: string; acr: boolean }[] | null>();
  const segmentCached = (r: MRec, wholeCount: number, noApos: boolean): MRec[] | null => {
    const memoKey = `${noApos ? 1 : 0}${r.surface}`;
    let plan = splitMemo.get(memoKey);
    if (plan === undefined) {
      const parts = segment(r, forms, wholeCount, noApos, common);
      plan = parts ? parts.map((p) => ({ s: p.start - r.start, e: p.end - r.start, key: p.key, acr: !!forms.get(p.key)?.acr })) : null;
      splitMemo.set(memoKey, plan);
    }
    if (!plan) return null;
    return plan.map((p) => {
      const start = r.start + p.s;
      const end = r.start + p.e;
      const surface = r.surface.slice(p.s, p.e);
      const si = p.s === 0 && !!r.raw.si;
      return { art: r.art, idx: r.idx, start, end, surface, key: p.key, raw: { ...r.raw, si, strong: false, cue: p.acr ? 'group' : null } };
    });
  };

  // 2. Texts without commas glue neighbouring names ("Deir Ezzor Aleppo"): a rare multi-word form that splits
  //    entirely into common forms is read as those forms. Titled names ("Defense Minister Israel Katz") stay whole.
  {
    const next: MRec[] = [];
    for (const r of recs) {
      const f = forms.get(r.key)!;
      if (!r.raw.acr && !glossaryKeys.has(r.key) && f.words === 1 && common(r.surface)) {
        dropped.add(r.key);
        continue;
      }
      const split = f.words >= 2 && !(r.raw.cue === 'person' && r.raw.strong) && !glossaryKeys.has(r.key) && !expansions[r.art].has(r.idx)
        ? segmentCached(r, f.count, arts[r.art].names.noApostrophes)
        : null;
      if (split) next.push(...split);
      else next.push(r);
    }
    if (next.length !== recs.length) {
      recs = next;
      forms = buildForms(recs, arts);
    }
  }
  for (const k of glossaryKeys) {
    if (!forms.has(k)) forms.set(k, newForm(k, forms.size));
  }

  const formList = [...forms.values()];
  const uf = new UnionFind();
  for (let i = 0; i < formList.length; i++) {
    uf.add();
    formList[i].id = i;
  }
  const idOf = (k: string): number | undefined => forms.get(k)?.id;

  // Stated renamings keep their two sides apart.
  // Mentions by (article, index in the article's extraction); a split mention answers with its first part.
  const recAt: MRec[][] = arts.map(() => []);
  for (const r of recs) if (!recAt[r.art][r.idx]) recAt[r.art][r.idx] = r;
  const relations: { a: number; b: number; relation: 'formerly' | 'later' }[] = [];
  {
    arts.forEach((a, ai) => {
      for (const rel of a.names.relations) {
        const ka = recAt[ai][rel.from]?.key;
        const kb = recAt[ai][rel.to]?.key;
        if (!ka || !kb || ka === kb) continue;
        const ia = idOf(ka)!;
        const ib = idOf(kb)!;
        uf.separate(ia, ib);
        relations.push({ a: ia, b: ib, relation: rel.relation });
      }
    });
  }

  // Glossary names and aliases are one entity by the reader's say-so.
  const glossaryRoots: { entry: GlossaryEntry; id: number }[] = [];
  for (const g of glossary) {
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
  const acronymDefs: { acr: number; exp: number; rec: MRec; expSurface: string }[] = [];
  {
    arts.forEach((a, ai) => {
      for (const d of a.names.acronyms) {
        const ra = recAt[ai][d.acr];
        const re = recAt[ai][d.exp];
        if (!ra || !re || ra.key === re.key) continue;
        const ia = idOf(ra.key)!;
        const ie = idOf(re.key)!;
        uf.union(ia, ie);
        acronymDefs.push({ acr: ia, exp: ie, rec: ra, expSurface: re.surface });
      }
    });
  }

  const neighbourCache = new Map<number, Set<string>>();
  const neighbours = (f: Form): Set<string> => {
    let s = neighbourCache.get(f.id);
    if (!s) {
      s = new Set();
      let n = 0;
      for (const ai of f.arts) {
        if (n++ >= 20) break;
        for (const m of arts[ai].names.mentions) if (m.key !== f.key) s.add(m.key);
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
    }
    for (const b of buckets.values()) {
      if (b.length < 2 || b.length > MAX_BUCKET) continue;
      for (let i = 1; i < b.length; i++) {
        if (variantConfidence(b[0], b[i], { exact: true, near: false }) >= MERGE_THRESHOLD) uf.union(b[0].id, b[i].id);
      }
    }
  }
  // Near variants one consonant apart ("Khmeimim"/"Hmeimin"): blocked by single-deletion skeletons, long words only.
  {
    const buckets = new Map<string, Form[]>();
    for (const f of variantForms) {
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
      }
    }
  }

  // Group names that differ only by a generic word ("Nusra Front", "Jabhat al-Nusra", "al-Nusra").
  {
    const buckets = new Map<string, Form[]>();
    const coreOf = new Map<number, string>();
    for (const f of formList) {
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
    }
    for (const f of formList) {
      if (f.acr || f.words > 2 || glossaryKeys.has(f.key)) continue;
      const cands = fullOf.get(f.key);
      if (!cands) continue;
      const r = uf.find(f.id);
      if (cands.has(r)) continue;
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
  const glossaryRootSet = new Set(glossaryRoots.map((g) => uf.find(g.id)));

  // Short forms: a surname alone ("Assad", "Golani", "Katz") or the tail of a full name ("Abdel Rahman") joins
  // the full name of a person ending in it; where several people share it, the one named in the same article,
  // else the most mentioned.
  const recsByKey = new Map<string, MRec[]>();
  for (const r of recs) {
    const a = recsByKey.get(r.key);
    if (a) a.push(r);
    else recsByKey.set(r.key, [r]);
  }
  const strongPerson = (fs: Form[]): number => {
    let n = 0;
    for (const f of fs) for (const r of recsByKey.get(f.key) ?? []) if (r.raw.strong && r.raw.cue === 'person') n++;
    return n;
  };
  // A full name is someone's when a title or role says so, or when its first word is not itself a common
  // place or group ("Russia Iran" glued by a missing comma is nobody).
  const personal = (fs: Form[], r: number): boolean => {
    if (kindOf(clusterVotes.get(r)!).kind !== 'person') return false;
    if (strongPerson(fs) > 0) return true;
    return fs.some((f) => {
      if (f.words < 2) return false;
      const first = forms.get(f.key.split(' ')[0]);
      return !first || first.count < 3 || kindOf(first.votes).kind === 'person' || kindOf(first.votes).kind === 'other';
    });
  };
  const fullBySuffix = new Map<string, Set<number>>();
  for (const [r, fs] of clusters) {
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
    if (fs.some((f) => f.acr) || glossaryRootSet.has(r)) continue;
    // Only strong cues (head nouns, "province", "in …") keep a bare word from being someone's surname.
    if (strongNonPerson(fs, recsByKey)) continue;
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
  const rootsInArt: Map<number, number>[] = arts.map(() => new Map());
  for (const r of recs) {
    const root = uf.find(forms.get(r.key)!.id);
    const m = rootsInArt[r.art];
    m.set(root, (m.get(root) ?? 0) + 1);
  }
  const finalRoot = (r: MRec): number => {
    let root = uf.find(forms.get(r.key)!.id);
    for (let hop = 0; hop < 3; hop++) {
      const next = shortOnce(r, root);
      if (next === root) break;
      root = next;
    }
    return root;
  };
  const shortOnce = (r: MRec, root: number): number => {
    const cands = shortTargets.get(root);
    if (!cands) return root;
    const here = rootsInArt[r.art];
    let best = -1;
    let bestScore = -1;
    for (const c of cands) {
      const score = (here.get(c) ?? 0) * 1e6 + (clusterCount.get(c) ?? 0);
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    return best;
  };

  // Build entities.
  const groups = new Map<number, MRec[]>();
  // Where each key's mentions ended up, for attaching one edited article's mentions without all this work.
  const keyRoots = new Map<string, Map<number, number>>();
  for (const r of recs) {
    const root = finalRoot(r);
    let kr = keyRoots.get(r.key);
    if (!kr) keyRoots.set(r.key, (kr = new Map()));
    kr.set(root, (kr.get(root) ?? 0) + 1);
    const g = groups.get(root);
    if (g) g.push(r);
    else groups.set(root, [r]);
  }
  for (const g of glossaryRoots) {
    const root = uf.find(g.id);
    if (!groups.has(root)) groups.set(root, []);
  }

  const defsByArt = arts.map((a) => {
    const m = new Map<number, ArticleNames['definitions']>();
    for (const d of a.names.definitions) {
      const arr = m.get(d.m);
      if (arr) arr.push(d);
      else m.set(d.m, [d]);
    }
    return m;
  });

  interface Draft {
    root: number;
    entity: Entity;
  }
  const drafts: Draft[] = [];
  const glossaryByRoot = new Map<number, GlossaryEntry>();
  for (const g of glossaryRoots) if (!glossaryByRoot.has(uf.find(g.id))) glossaryByRoot.set(uf.find(g.id), g.entry);
  for (const [root, rs] of groups) {
    const glos = glossaryByRoot.get(root);
    if (!glos && rs.length > 0) {
      // Ordinary words that only ever open sentences ("Refugees", "Videos") are not names.
      const single = rs.every((r) => !r.key.includes(' '));
      if (single && rs.every((r) => r.raw.si && !r.raw.acr)) {
        for (const r of rs) dropped.add(r.key);
        continue;
      }
    }
    rs.sort((a, b) => (a.art - b.art) || (a.start - b.start));
    const votes = emptyVotes();
    for (const r of rs) addVotes(votes, r.raw);
    const cv = clusterVotes.get(root);
    if (cv && rs.length === 0) Object.assign(votes, cv);
    let kind: EntityKind = glos?.kind ?? kindOf(votes).kind;
    if (!glos?.kind && kind === 'other' && rs.some((r) => r.raw.acr)) kind = 'group';
    const name = glos?.name ?? pickName(rs, clusters.get(root) ?? [], acronymDefs, uf, root, kind === 'person', kind === 'group');
    const surfaceCount = new Map<string, number>();
    for (const r of rs) surfaceCount.set(r.surface, (surfaceCount.get(r.surface) ?? 0) + 1);
    for (const a of glos?.aliases ?? []) if (!surfaceCount.has(a)) surfaceCount.set(a, 0);
    const aliases = [...surfaceCount.entries()]
      .filter(([s]) => s !== name)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([s]) => s);
    const definition = glos?.definition
      ? { text: glos.definition, origin: 'glossary' as const, file: glos.source.file, start: glos.source.start, end: glos.source.end, outlet: null, date: null }
      : pickDefinition(rs, defsByArt, arts, acronymDefs, uf, root);
    const entity: Entity = {
      id: '',
      name,
      kind,
      aliases,
      definition,
      related: [],
      mentions: rs.map((r) => ({ file: arts[r.art].file, start: r.start, end: r.end, surface: r.surface, passage: r.raw.passage })),
    };
    if (glos) entity.glossary = { ...glos.source };
    drafts.push({ root, entity });
  }

  // Stable ids from names; ties broken by mention count so the better-known entity keeps the plain id.
  drafts.sort((a, b) => a.entity.name.localeCompare(b.entity.name) || b.entity.mentions.length - a.entity.mentions.length);
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
      const id = idOf(nameKey(link));
      const b = id === undefined ? undefined : byRoot.get(uf.find(id));
      if (b) relate(a, b, 'see also');
    }
  }

  const byKey: ResolveHints['byKey'] = new Map();
  for (const [key, roots] of keyRoots) {
    const list: { id: string; n: number }[] = [];
    for (const [root, n] of roots) {
      const e = byRoot.get(root);
      if (e) list.push({ id: e.id, n });
    }
    if (list.length) byKey.set(key, list.sort((a, b) => b.n - a.n));
  }
  for (const g of glossaryRoots) {
    const e = byRoot.get(uf.find(g.id));
    if (!e) continue;
    for (const n of [g.entry.name, ...g.entry.aliases]) {
      const k = nameKey(n);
      if (!byKey.has(k)) byKey.set(k, [{ id: e.id, n: 0 }]);
    }
  }
  for (const k of byKey.keys()) dropped.delete(k);

  return makeIndex(drafts.map((d) => d.entity), { byKey, dropped });
}

function strongNonPerson(fs: Form[], recsByKey: Map<string, MRec[]>): boolean {
  let person = 0;
  let other = 0;
  let total = 0;
  for (const f of fs) {
    for (const r of recsByKey.get(f.key) ?? []) {
      total++;
      if (!r.raw.strong) continue;
      if (r.raw.cue === 'person') person++;
      else other++;
    }
  }
  // A few place-like uses of a surname ("al-Assad suburb", "in Assad regime airstrikes") do not make it a place.
  return other > person && other >= 0.2 * total;
}

function newForm(key: string, id: number): Form {
  return { key, id, count: 0, arts: [], votes: emptyVotes(), acr: false, words: key.split(' ').length, realS: false };
}

function buildForms(recs: MRec[], arts: ResolveInput[]): Map<string, Form> {
  const forms = new Map<string, Form>();
  for (const r of recs) {
    let f = forms.get(r.key);
    if (!f) forms.set(r.key, (f = newForm(r.key, forms.size)));
    f.count++;
    if (f.arts[f.arts.length - 1] !== r.art) f.arts.push(r.art);
    addVotes(f.votes, r.raw);
    if (r.raw.acr) f.acr = true;
    if (!r.raw.ps && r.key.endsWith('s') && !arts[r.art].names.noApostrophes) f.realS = true;
  }
  return forms;
}

/** Split a glued run of names ("Deir Ezzor Aleppo") into known forms, or null. */
function segment(
  r: MRec,
  forms: Map<string, Form>,
  wholeCount: number,
  noApostrophes: boolean,
  common: (w: string) => boolean,
): MRec[] | null {
  const words: { s: number; e: number }[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(r.surface))) words.push({ s: r.start + m.index, e: r.start + m.index + m[0].length });
  if (words.length < 2) return null;
  const surfaceOf = (s: number, e: number): string => r.surface.slice(s - r.start, e - r.start);
  const out: MRec[] = [];
  let skipped = 0;
  let i = 0;
  // A glued run splits when it is rare itself (≤ 2) and its parts are common, or when every part is far
  // commoner than the run ("Russia Iran"); ordinary words inside it ("Activists") are dropped.
  const enough = (n: number): boolean => n >= 2 && n > wholeCount && (wholeCount <= 2 || n >= 3 * wholeCount);
  // Ordinary words may be dropped only at the edges, and never a head noun ("… Support Group").
  const skippable = (k: number): boolean => {
    const w = surfaceOf(words[k].s, words[k].e);
    const lw = w.toLowerCase();
    return !/^\p{Ll}/u.test(w) && common(w) && !forms.get(nameKey(w))?.acr && !GROUP_HEADS.has(lw) && !PLACE_HEADS.has(lw) &&
      !DEMONYMS.has(lw);
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
    let found: MRec | null = null;
    for (let j = last; j > i; j--) {
      if (i === 0 && j === words.length) continue;
      const s = words[i].s;
      let e = words[j - 1].e;
      let surface = surfaceOf(s, e);
      if (/^\p{Ll}/u.test(surface) || /\s\p{Ll}+$/u.test(surface)) continue;
      let key = nameKey(surface);
      let f = forms.get(key);
      if ((!f || f.count < 2) && noApostrophes && key.endsWith('s')) {
        const stem = forms.get(key.slice(0, -1));
        if (stem && stem.count >= 2) {
          e -= 1;
          surface = surface.slice(0, -1);
          key = stem.key;
          f = stem;
        }
      }
      if (f && enough(f.count)) {
        found = { art: r.art, idx: r.idx, start: s, end: e, surface, key, raw: { ...r.raw, si: i === 0 && r.raw.si, strong: false, cue: f.acr ? 'group' : null } };
        i = j;
        break;
      }
    }
    if (!found) return null;
    out.push(found);
  }
  return out.length + skipped >= 2 ? out : null;
}

function pickName(
  rs: MRec[],
  fs: Form[],
  acronymDefs: { acr: number; exp: number; expSurface: string }[],
  uf: UnionFind,
  root: number,
  person: boolean,
  group = false,
): string {
  const counts = new Map<string, number>();
  for (const r of rs) if (!r.raw.acr) counts.set(r.surface, (counts.get(r.surface) ?? 0) + 1);
  for (const d of acronymDefs) if (uf.find(d.exp) === root) counts.set(d.expSurface, (counts.get(d.expSurface) ?? 0) + 1);
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
  const acr = rs.find((r) => r.raw.acr);
  if (acr) return acr.surface;
  return fs[0]?.key ?? rs[0]?.surface ?? '';
}


function pickDefinition(
  rs: MRec[],
  defsByArt: Map<number, ArticleNames['definitions']>[],
  arts: ResolveInput[],
  acronymDefs: { acr: number; exp: number; rec: MRec; expSurface: string }[],
  uf: UnionFind,
  root: number,
): Definition | null {
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
    for (const d of defsByArt[r.art].get(r.idx) ?? []) add(d.text, d.origin, r.art, d.start, d.end);
  }
  if (cands.size === 0) {
    for (const a of acronymDefs) {
      if (uf.find(a.acr) !== root) continue;
      add(`${a.rec.surface}: ${a.expSurface}`, 'acronym', a.rec.art, a.rec.start, a.rec.end);
    }
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
