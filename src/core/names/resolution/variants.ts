// How sure a merge of two spellings is (shared by the spelling-variant rules): the match kind sets the start, kinds
// agreeing or clashing move it, and shared neighbours (names the same articles mention) move it at most 0.15.
import type { EntityKind } from '../model';
import { kindOf } from '../votes';
import type { Form } from './forms';
import type { ResolutionState } from './state';

/** Confidence a spelling-variant merge needs (see `variantConfidence`). */
export const MERGE_THRESHOLD = 0.7;

/** What the variant rules of one resolution look up once and share. */
interface VariantCaches {
  neighbours: Map<number, Set<string>>;
  /** The kinds of the full names each word ends ("lyons": a person, Michelle Lyons; "lions": a team, Detroit Lions). */
  tailKinds: Map<string, Set<EntityKind>> | undefined;
}

const cachesOf = new WeakMap<ResolutionState, VariantCaches>();

function caches(s: ResolutionState): VariantCaches {
  let c = cachesOf.get(s);
  if (!c) cachesOf.set(s, (c = { neighbours: new Map(), tailKinds: undefined }));
  return c;
}

/** The keys of the other names of the (first twenty) articles a form occurs in. */
function neighbours(s: ResolutionState, f: Form): Set<string> {
  const cache = caches(s).neighbours;
  let set = cache.get(f.id);
  if (!set) {
    set = new Set();
    let n = 0;
    for (const ai of f.arts) {
      if (n++ >= 20) break;
      const ms = s.arts[ai].names.mentions;
      for (const m of ms) if (m.key !== f.key) set.add(m.key);
      s.budget -= ms.length;
    }
    cache.set(f.id, set);
  }
  return set;
}

function tailKindsOf(s: ResolutionState, key: string): Set<EntityKind> | undefined {
  const c = caches(s);
  if (!c.tailKinds) {
    const tailKinds = new Map<string, Set<EntityKind>>();
    for (const f of s.forms.list) {
      if (f.words < 2 || f.acr) continue;
      const k = kindOf(f.votes).kind;
      const tail = f.key.slice(f.key.lastIndexOf(' ') + 1);
      const set = tailKinds.get(tail);
      if (set) set.add(k);
      else tailKinds.set(tail, new Set([k]));
    }
    c.tailKinds = tailKinds;
  }
  return c.tailKinds.get(key);
}

/** The confidence that two forms whose keys match (`c`: exactly, nearly or otherwise) are one name. */
export function variantConfidence(s: ResolutionState, a: Form, b: Form, c: { exact: boolean; near: boolean }): number {
  // Two spellings of one word, each the last word of full names of other kinds, are two names: "Lyons" of
  // spokeswoman Michelle Lyons is not "Lions" of the Detroit Lions.
  if (a.words === 1 && b.words === 1 && a.key !== b.key) {
    const ta = tailKindsOf(s, a.key);
    const tb = tailKindsOf(s, b.key);
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
  const na = neighbours(s, a);
  const nb = neighbours(s, b);
  let shared = 0;
  for (const x of na) if (nb.has(x) && ++shared >= 2) break;
  if (lone && shared < 2) return 0;
  if (shared >= 2) conf += 0.15;
  else if (na.size >= 5 && nb.size >= 5 && shared === 0) conf -= 0.15;
  return conf;
}

/** The forms spelling variants are looked for among: no acronyms, at least three letters. Worked out once. */
export function* variantForms(s: ResolutionState): Generator<void, Form[], void> {
  if (!s.variantForms) {
    const formList = s.forms.list;
    s.variantForms = formList.filter((f) => !f.acr && f.key.replace(/ /g, '').length >= 3);
    if (s.spent(formList.length >> 1)) yield;
  }
  return s.variantForms;
}
