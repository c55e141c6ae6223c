// Attaching one changed article to the entity index without resolving the whole corpus again: a full resolution
// costs seconds at 10k articles, and an edit must show in hovers at once. The index state this works on (ids,
// per-file mentions, the shared hints and lookups) is `incremental.ts`'s; this file only decides where the article's
// mentions go.
//
// The update is an approximation. It attaches the changed article's mentions to the entities their keys resolved
// to last time (same key, possessive stem, a glued run of known names, a surname of a known person, a spelling
// variant with the same consonant skeleton); anything else becomes a new entity. Where it decides as a rule of the
// full resolution does, it asks that rule (`resolution/`): whether a possessive "s" comes off (`cutsPossessive`),
// whether a word the corpus also writes in lower case is a name here (`ordinaryWordKept`: "White said", "the
// Heels"), which full name a surname means in its article (`nearest`), and a new entity's kind and name
// (`entityKind`, `pickName`). `run.sh run-incremental.ts` measures how often an article taken out and attached back
// gets the full resolution's entities. What only whole-corpus statistics decide is not redone: kinds and names of
// existing entities stay as they were, a new spelling never merges two existing entities, a new acronym joins only
// an expansion given in the same article, and relations stated in the old text of the article stay linked.
import type { ArticleMeta } from '../types';
import type { ArticleNames } from './extract';
import { sortByStart } from './file-mentions';
import { mentionCount } from './mention-columns';
import { headingParts } from './headings';
import { endsWithName } from './in-article';
import type { Definition, Entity, EntityKind, FileMentions, Mention, ResolveHints } from './model';
import { initials, keysCompatible, lightKey, lightWord, nameKey, skeletonKey, slug } from './normalize';
import { pickName } from './resolution/display-name';
import { ACR, addVoteBits, CUE, CUE_PERSON, flagBits, PS, SI, STRONG } from './resolution/records';
import { NICKNAME_INSIDE, ordinaryWordKept, partFlags } from './resolution/rules/glued-runs';
import { segment, SpelledCounts, trailingAcronym, type GluedForm, type Part } from './glued';
import { cutsPossessive, possessiveStem } from './resolution/rules/possessives';
import { nearest, type ArticleNaming } from './resolution/short-form-choice';
import { emptyVotes, entityKind, ORIGIN_RANK } from './votes';

/** Lookups derived from the hints on the first incremental update only (full resolutions never need them). */
export interface Lookups {
  /** Last words of a person's multi-word name ("assad", "abdel rahman") → those people. */
  bySuffix: Map<string, Set<string>>;
  /** Consonant skeleton → known keys with it. */
  bySkeleton: Map<string, string[]>;
  /** Multi-word keys by joined spelling, for a glued run's parts known under another spelling (`segment`). */
  spelled: SpelledCounts;
  /** Keys counted in `spelled`: a key met twice (an edit's new key, then the lookups' own pass) counts once. */
  spelledKeys: Set<string>;
}

export const emptyLookups = (): Lookups => ({
  bySuffix: new Map(),
  bySkeleton: new Map(),
  spelled: new SpelledCounts(),
  spelledKeys: new Set(),
});

/** What the attach step reads of the index it updates. */
export interface EditContext {
  /** Shared by every index derived from one full resolution; keys only ever get added (new entities' keys). */
  readonly hints: ResolveHints;
  /** The edit lookups, built on first need. */
  lookups(): Lookups;
  /** Registers a new entity's key, with its mention count, in the lookups (if built or being built). */
  noteKey(key: string, e: Entity, n: number): void;
}

/** Larger skeleton buckets are generic keys; comparing inside them is neither useful nor cheap. */
const MAX_BUCKET = 60;

/**
 * Attaches the article's mentions: decides each one's entity (new entities go into `ids`; `edit` copies an entity
 * before its first change) and returns them with their entities' ids, by start, for the index to store as the file's
 * columns. The article's old mentions must already be taken out.
 */
export function attachArticle(
  file: string,
  input: { meta: ArticleMeta; names: ArticleNames },
  ids: Map<string, Entity>,
  edit: (id: string) => Entity | undefined,
  edits: EditContext,
): FileMentions {
  const { names, meta } = input;
  const { hints } = edits;
  const live = (key: string): { id: string; n: number }[] | null => {
    const list = hints.byKey.get(key)?.filter((c) => ids.has(c.id));
    return list && list.length ? list : null;
  };

  interface Item {
    idx: number;
    start: number;
    end: number;
    surface: string;
    key: string;
    /** Packed as the full resolution packs them (`resolution/records.ts`). */
    flags: number;
    passage: number;
    cands: { id: string; n: number }[] | null;
    target: string | null;
  }
  const items: Item[] = [];
  const itemAt = new Map<number, Item>();
  const push = (it: Item): void => {
    items.push(it);
    if (!itemAt.has(it.idx)) itemAt.set(it.idx, it);
  };

  const count = (key: string): number => live(key)?.reduce((n, c) => n + c.n, 0) ?? 0;
  // The kind of the one entity a key names (the index keeps no votes per key): what the glued-run split asks of a
  // part's votes.
  const kindOfKey = (key: string): EntityKind | null => {
    const c = live(key);
    return c && c.length === 1 ? (ids.get(c[0]!.id)?.kind ?? null) : null;
  };
  // Last words of the longer names this article gives, and surnames of the people whose given name it uses alone
  // ("Patrick" of a Patrick Gray the corpus names): such a word is a surname here, not an ordinary word.
  const tails = new Set<string>();
  const alone = new Set<string>();
  for (const m of names.mentions) {
    if (m.acr) continue;
    if (m.key.includes(' ')) tails.add(m.key.slice(m.key.lastIndexOf(' ') + 1));
    else alone.add(m.key);
  }
  // Heading words read as the corpus's names count too, as in the full resolution, which reads them first.
  const knownTwice = (key: string): number => (count(key) >= 2 ? 1 : -1);
  for (const h of names.heads ?? [])
    for (const p of headingParts(h.surface, knownTwice)) {
      const key = nameKey(h.surface.slice(p.s, p.e));
      if (key.includes(' ')) tails.add(key.slice(key.lastIndexOf(' ') + 1));
    }
  const surnameHere = (key: string): boolean => {
    if (tails.has(key)) return true;
    for (const given of alone) if (given !== key && hints.byKey.has(`${given} ${key}`)) return true;
    return false;
  };
  const expansions = new Set(names.acronyms.map((d) => d.exp));
  names.mentions.forEach((m, idx) => {
    if (!m.key) return;
    let { key, end, surface } = m;
    let flags = flagBits(m);
    // A glued possessive "s" ("Assads") comes off by the full resolution's possessive rule, on the counts it left:
    // a spelling it kept as a name of its own keeps its "s".
    const stem = flags & PS ? possessiveStem(key) : null;
    if (stem && live(stem) && cutsPossessive(count(key), count(stem), !!live(key))) {
      key = stem;
      end -= 1;
      surface = surface.slice(0, -1);
    }
    // A word the corpus also uses as an ordinary word is a name only where the glued-runs rule's exceptions hold
    // ("White said" for the surname of a Terry White, "the Heels" for the Tar Heels), asked of the same rule.
    const exceptions =
      flags & ACR || key.includes(' ') || !hints.ordinary?.has(key) || surnameHere(key) ? undefined : hints.ordinary.get(key);
    let keptOrdinary = false;
    if (exceptions !== undefined) {
      const kept = ordinaryWordKept(flagBits(m), !!m.spoke, exceptions);
      if (kept < 0) return;
      flags = kept;
      keptOrdinary = true;
    }
    const base = { idx, start: m.start, end, surface, key, flags, passage: m.passage, target: null };
    const known = live(key);
    if (known) return push({ ...base, cands: known });
    if (hints.dropped.has(key) && !keptOrdinary) return;
    // A glued run splits where the glued-runs rule splits it, except a titled one (the rule then asks how the
    // parts' mentions voted, which the index does not keep).
    const parts =
      key.includes(' ') && !((flags & CUE) === CUE_PERSON && flags & STRONG) && !expansions.has(idx) && !NICKNAME_INSIDE.test(surface)
        ? splitGlued(surface, count(key), names.noApostrophes, hints, count, kindOfKey, edits.lookups().spelled)
        : null;
    if (parts) {
      for (const p of parts) {
        const part = { start: m.start + p.s, end: m.start + p.e, surface: surface.slice(p.s, p.e), key: p.key };
        push({ ...base, ...part, flags: partFlags(flags, p), cands: live(p.key) });
      }
      return;
    }
    push({ ...base, cands: similar(key, ids, live, edits.lookups()) });
  });

  // Headline words read as the longest names the corpus knows, in place of shorter mentions they hold (as the
  // full resolution does).
  let headIdx = names.mentions.length;
  for (const h of names.heads ?? []) {
    for (const p of headingParts(h.surface, knownTwice)) {
      const start = h.start + p.s;
      const end = h.start + p.e;
      const over = items.filter((it) => it.end > start && it.start < end);
      if (over.some((it) => it.start < start || it.end > end || it.end - it.start >= end - start)) continue;
      for (const it of over) items.splice(items.indexOf(it), 1);
      const surface = h.surface.slice(p.s, p.e);
      const key = nameKey(surface);
      push({ idx: headIdx++, start, end, surface, key, flags: SI, passage: h.passage, target: null, cands: live(key) });
    }
  }

  // Full names the full resolution read as names (its own entities, also those only this article named).
  const namesBefore = new Set<string>();
  for (const it of items) if (it.key.includes(' ') && hints.byKey.has(it.key)) namesBefore.add(it.key);

  // A key that went to one entity goes there. One that went to several (a surname shared by relatives) goes to
  // the one this article names, else where most of its mentions went; a person's surname is chosen again in
  // context below, as the full resolution chooses it.
  const here = new Map<string, number>();
  for (const it of items) {
    if (it.cands?.length === 1) {
      it.target = it.cands[0].id;
      here.set(it.target, (here.get(it.target) ?? 0) + 1);
    }
  }
  for (const it of items) {
    if (!it.cands || it.cands.length < 2) continue;
    let best = it.cands[0];
    for (const c of it.cands) if ((here.get(c.id) ?? 0) * 1e6 + c.n > (here.get(best.id) ?? 0) * 1e6 + best.n) best = c;
    it.target = best.id;
  }

  // An acronym defined here ("Hayat Tahrir al-Sham (HTS)") goes with its expansion.
  const newKeyOf = new Map<Item, string>();
  for (const d of names.acronyms) {
    const a = itemAt.get(d.acr);
    const x = itemAt.get(d.exp);
    if (!a || !x || a.target) continue;
    if (x.target) a.target = x.target;
    else newKeyOf.set(a, x.key);
  }
  // An unknown acronym with the initials of exactly one name known here ("SDF" beside "Syrian Democratic Forces").
  // Names are told apart by entity id, or by key for names nobody used before (`\n` cannot occur in either).
  const byInitials = new Map<string, Set<string>>();
  for (const it of items) {
    if (it.flags & ACR || !it.key.includes(' ')) continue;
    const ini = initials(it.key);
    if (ini.length < 2) continue;
    let set = byInitials.get(ini);
    if (!set) byInitials.set(ini, (set = new Set()));
    set.add(it.target ?? `\n${it.key}`);
  }
  for (const it of items) {
    if (it.target || !(it.flags & ACR) || newKeyOf.has(it)) continue;
    const hit = byInitials.get(it.key.replace(/ /g, ''));
    if (hit?.size !== 1) continue;
    const [only] = hit;
    if (only.startsWith('\n')) newKeyOf.set(it, only.slice(1));
    else it.target = only;
  }

  // Names nobody used before: one new entity per key, unless they are single words that only open sentences.
  const fresh = new Map<string, Item[]>();
  for (const it of items) {
    if (it.target) continue;
    const k = newKeyOf.get(it) ?? it.key;
    const g = fresh.get(k);
    if (g) g.push(it);
    else fresh.set(k, [it]);
  }
  for (const [key, group] of fresh) {
    if (group.every((it) => !it.key.includes(' ') && (it.flags & (SI | ACR)) === SI)) continue;
    const entity = newEntity(group, ids);
    ids.set(entity.id, entity);
    for (const it of group) it.target = entity.id;
    const list = hints.byKey.get(key) ?? [];
    list.unshift({ id: entity.id, n: group.length });
    hints.byKey.set(key, list);
    edits.noteKey(key, entity, group.length);
  }

  shortFormsInContext(items, ids, namesBefore, (key) => edits.lookups().bySuffix.get(lightKey(key)), kindOfKey);

  // Attach the mentions; the new article's definitions fill entities left without one.
  const defsAt = new Map<number, ArticleNames['definitions']>();
  for (const d of names.definitions) {
    const arr = defsAt.get(d.m);
    if (arr) arr.push(d);
    else defsAt.set(d.m, [d]);
  }
  const entries: FileMentions = { ms: [], ids: [] };
  const defCands = new Map<Entity, Definition[]>();
  for (const it of items) {
    if (!it.target) continue;
    const e = edit(it.target);
    if (!e) continue;
    const mention: Mention = { file, start: it.start, end: it.end, surface: it.surface, passage: it.passage };
    entries.ms.push(mention);
    entries.ids.push(e.id);
    if (it.surface !== e.name && !e.aliases.includes(it.surface)) e.aliases.push(it.surface);
    for (const d of defsAt.get(it.idx) ?? []) {
      const def: Definition = {
        text: d.text,
        origin: d.origin,
        file,
        start: d.start,
        end: d.end,
        outlet: meta.outlet,
        date: meta.date?.iso ?? null,
      };
      const arr = defCands.get(e);
      if (arr) arr.push(def);
      else defCands.set(e, [def]);
    }
  }
  for (const [e, defs] of defCands) {
    if (e.definition) continue;
    e.definition = defs.reduce((a, b) =>
      ORIGIN_RANK[b.origin] > ORIGIN_RANK[a.origin] || (ORIGIN_RANK[b.origin] === ORIGIN_RANK[a.origin] && b.text.length > a.text.length)
        ? b
        : a,
    );
  }

  // Renamings stated in the article ("formerly …") link the two entities both ways.
  const relate = (from: string, to: string, relation: string): void => {
    const e = edit(from);
    if (e && !e.related.some((r) => r.id === to && r.relation === relation)) e.related.push({ id: to, relation });
  };
  for (const rel of names.relations) {
    const a = itemAt.get(rel.from)?.target;
    const b = itemAt.get(rel.to)?.target;
    if (!a || !b || a === b) continue;
    relate(a, b, rel.relation);
    relate(b, a, rel.relation === 'formerly' ? 'later' : 'formerly');
  }

  sortByStart(entries);
  return entries;
}

/**
 * A glued run ("Deir Ezzor Aleppo" in a text without commas) split as the glued-runs rule splits it
 * (`trailingAcronym`, else `segment`), on what the index keeps of the corpus: a part's count is the mentions its key
 * resolved to, and an ordinary word of the corpus is one the full resolution dropped or kept only by an exception
 * (`ResolveHints.dropped`, `ordinary`), as the corpus's lower-case vocabulary is not kept.
 */
function splitGlued(
  surface: string,
  wholeCount: number,
  noApostrophes: boolean,
  hints: ResolveHints,
  count: (key: string) => number,
  kindOfKey: (key: string) => EntityKind | null,
  spelled: SpelledCounts,
): Part[] | null {
  const common = (word: string): boolean => {
    const key = nameKey(word);
    return hints.dropped.has(key) || !!hints.ordinary?.has(key);
  };
  // Whether a key was an acronym and how its mentions voted are not kept: no part is taken for an acronym, and a
  // part's votes are its entity's kind, all its mentions voting for it (a run every word of which is ordinary, the
  // one other case votes decide, the update never splits: it is known or new).
  const formOf = (key: string): GluedForm | undefined => {
    const n = count(key);
    if (!n) return undefined;
    const votes = emptyVotes();
    const kind = kindOfKey(key);
    if (kind === 'person' || kind === 'group' || kind === 'place') votes[kind] = n;
    return { key, count: n, acr: false, words: key.split(' ').length, votes };
  };
  return trailingAcronym(surface) ?? segment(surface, wholeCount, noApostrophes, common, formOf, (key) => spelled.of(key));
}

/** Known people whose full name ends in this key, else a known spelling variant of it. */
function similar(
  key: string,
  ids: Map<string, Entity>,
  live: (key: string) => { id: string; n: number }[] | null,
  lookups: Lookups,
): { id: string; n: number }[] | null {
  const { bySuffix, bySkeleton } = lookups;
  const people = bySuffix.get(lightKey(key));
  if (people) {
    const list = [...people].filter((id) => ids.has(id)).map((id) => ({ id, n: mentionCount(ids.get(id)!) }));
    if (list.length) return list.sort((a, b) => b.n - a.n);
  }
  if (key.replace(/ /g, '').length < 3) return null;
  const bucket = bySkeleton.get(skeletonKey(key));
  if (!bucket || bucket.length > MAX_BUCKET) return null;
  for (const k of bucket) {
    const c = keysCompatible(key, k);
    if (c.ok && !c.near) {
      const known = live(k);
      if (known) return known;
    }
  }
  return null;
}

export function noteKeyIn(l: Lookups, key: string, e: Entity, n: number): void {
  if (key.includes(' ') && !l.spelledKeys.has(key)) {
    l.spelledKeys.add(key);
    l.spelled.add(key, n);
  }
  if (key.replace(/ /g, '').length >= 3) {
    const sk = skeletonKey(key);
    if (sk.replace(/ /g, '').length >= 2) {
      const b = l.bySkeleton.get(sk);
      if (!b) l.bySkeleton.set(sk, [key]);
      else if (b.length <= MAX_BUCKET && !b.includes(key)) b.push(key);
    }
  }
  if (e.kind !== 'person' || !key.includes(' ')) return;
  const ws = key.split(' ').map(lightWord);
  for (let k = 1; k < ws.length; k++) {
    const suffix = ws.slice(k).join(' ');
    let set = l.bySuffix.get(suffix);
    if (!set) l.bySuffix.set(suffix, (set = new Set()));
    set.add(e.id);
  }
}

function newEntity(group: { surface: string; flags: number }[], ids: Map<string, Entity>): Entity {
  const votes = emptyVotes();
  const counts = new Map<string, number>();
  for (const it of group) {
    addVoteBits(votes, it.flags);
    if (!(it.flags & ACR)) counts.set(it.surface, (counts.get(it.surface) ?? 0) + 1);
  }
  // Kind and name as the full resolution's entity rule gives them.
  const kind = entityKind(
    votes,
    group.some((it) => (it.flags & ACR) !== 0),
  );
  const name = pickName(counts, kind === 'person', kind === 'group', () => group[0].surface);
  const base = slug(name);
  let id = base;
  for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
  const aliases = [...new Set(group.map((it) => it.surface))].filter((s) => s !== name);
  return { id, name, kind, aliases, definition: null, related: [], mentions: [] };
}

/** An item of the article being attached: a mention, with the entities its key may go to and the one chosen. */
interface Attached {
  start: number;
  key: string;
  flags: number;
  cands: { id: string; n: number }[] | null;
  target: string | null;
}

/**
 * Short forms in context, by the full resolution's choice (`resolution/short-form-choice.ts`): a one-word name that
 * ends a full name this article gives, or that went to several entities, goes to the candidate the article names
 * nearest it ("Rockwell" after "Mark Rockwell", "Jenkin" after "Katie Jenkin"); two people of one story named alike
 * leave it to the entity of its own. Where the article names no candidate, the update keeps where the full
 * resolution sent the key most often (the full one asks the coverage of the whole corpus, which it does not have).
 */
function shortFormsInContext(
  items: Attached[],
  ids: Map<string, Entity>,
  namesBefore: ReadonlySet<string>,
  personsEndingIn: (key: string) => ReadonlySet<string> | undefined,
  kindOfKey: (key: string) => EntityKind | null,
): void {
  const numOf = new Map<string, number>();
  const idAt: string[] = [];
  const num = (id: string): number => {
    let x = numOf.get(id);
    if (x === undefined) {
      numOf.set(id, (x = idAt.length));
      idAt.push(id);
    }
    return x;
  };
  /** The full names (keys) this article gives each candidate. */
  const fullKeys = new Map<number, string[]>();
  const places: number[] = [];
  const here = new Map<number, number>();
  const halves = new Set<string>();
  /** Candidates a title or role here makes persons ("Deputy …"). */
  const titled = new Set<number>();
  const byStart = items.slice().sort((a, b) => a.start - b.start);
  for (const it of byStart) {
    if (!it.target || it.flags & ACR) continue;
    if (!it.key.includes(' ')) {
      halves.add(lightWord(it.key));
      continue;
    }
    // Only full names the full resolution made entities of: a glued run it splits ("Powerful Iran") is nobody's.
    if (ids.get(it.target)?.kind !== 'person' || !namesBefore.has(it.key)) continue;
    const c = num(it.target);
    const keys = fullKeys.get(c);
    if (!keys) fullKeys.set(c, [it.key]);
    else if (!keys.includes(it.key)) keys.push(it.key);
    places.push(it.start, c);
    here.set(c, (here.get(c) ?? 0) + 1);
    if ((it.flags & (CUE | STRONG)) === (CUE_PERSON | STRONG)) titled.add(c);
  }
  if (!places.length) return;
  const naming: ArticleNaming = { places, here, halves };
  const nested = (a: number, b: number): boolean => {
    const ka = fullKeys.get(a) ?? [];
    const kb = fullKeys.get(b) ?? [];
    return ka.some((x) => kb.some((y) => endsWithName(x, y) || endsWithName(y, x)));
  };
  const named = [...here.keys()];
  const otherThanPerson = (k: EntityKind | null | undefined): boolean => k === 'place' || k === 'group';
  /**
   * Whether the article gives, before `at`, candidate c's full name ending in `ending` (two or three words, opening
   * with no place or group).
   */
  const fullNameBefore = (c: number, at: number, ending: string): boolean => {
    for (let j = 0; j < places.length; j += 2) {
      if (places[j + 1] !== c || places[j]! >= at) continue;
      return fullKeys.get(c)!.some((k) => {
        if (!k.endsWith(ending)) return false;
        const words = k.split(' ');
        return words.length <= 3 && !otherThanPerson(kindOfKey(words[0]!));
      });
    }
    return false;
  };
  /** Where the article writes each one-word key (what `nearest` reads for a surname it already used alone). */
  const usesOfKey = new Map<string, number[]>();
  for (const it of items) {
    if (!it.target || it.flags & ACR || it.key.includes(' ')) continue;
    const l = usesOfKey.get(it.key);
    if (l) l.push(it.start);
    else usesOfKey.set(it.key, [it.start]);
  }
  for (const it of items) {
    if (!it.target || it.flags & ACR || it.key.includes(' ')) continue;
    const ending = ' ' + it.key;
    // Candidates: the persons this article names in full with a name ending in this word, and the entities the
    // full resolution sent this key to that have such a name.
    const cands = new Set<number>();
    for (const c of named) for (const k of fullKeys.get(c)!) if (k.endsWith(ending)) cands.add(c);
    const persons = it.cands && it.cands.length > 1 ? personsEndingIn(it.key) : undefined;
    if (persons) for (const x of it.cands!) if (persons.has(x.id)) cands.add(num(x.id));
    // A word that is a place or group of its own joins only a full name a title or role makes a person's. Where
    // only another spelling of it is ("Harah" beside al-Hara), a person's full name of two or three words, opening
    // with no place or group, that the article gives before it ends in it exactly is kept too, as the full
    // resolution keeps it (`resolution/rules/short-forms-in-context.ts`).
    const ownKind = ids.get(it.target)?.kind;
    if (otherThanPerson(ownKind)) {
      const spelledAlike = (it.flags & CUE) <= CUE_PERSON && !otherThanPerson(kindOfKey(it.key));
      for (const c of [...cands]) if (!titled.has(c) && !(spelledAlike && fullNameBefore(c, it.start, ending))) cands.delete(c);
    }
    if (!cands.size) continue;
    const c = nearest(naming, it.start, [...cands], nested, usesOfKey.get(it.key));
    if (c >= 0) it.target = idAt[c]!;
    else if (c === -2) {
      // Ambiguous here: the entity of its own the full resolution has for this key, if any.
      const own = it.cands?.find((x) => !cands.has(num(x.id)));
      if (own) it.target = own.id;
    }
  }
}
